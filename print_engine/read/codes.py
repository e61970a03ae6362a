"""Codes of the member workbook: normalising, zero-padding, sorting, check digits.

事業所コード, 所属コード, 記号, 番号 and 枝番 are text, but Excel often stores
them as numbers (``1234.0``) or with full-width digits. :func:`normalize_code`
folds these to one text form; :func:`natural_key` sorts codes the way a person
reads them (``2`` before ``10``, ``A9`` before ``A10``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

_DIGIT_RUNS = re.compile(r"([0-9]+)")


def number_text(value: int | float) -> str:
    """A number cell as the text a person sees: ``1234.0`` → ``'1234'``, ``12.5`` → ``'12.5'``."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value)


def normalize_code(value: object) -> str:
    """Fold a code cell to its text form.

    Args:
        value: The cell value: ``None``, text or a number.

    Returns:
        ``''`` for ``None`` or blank; an integral number as its digits
        (``1234.0`` → ``'1234'``); a number with a fraction as its text
        (``'12.5'``, for the caller to report); text with full-width
        characters folded (NFKC) and surrounding spaces (full-width too)
        removed. Inner characters are kept.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
        if not text.isascii():
            text = unicodedata.normalize("NFKC", text).strip()
        return text
    if isinstance(value, (int, float)):
        return number_text(value)
    return normalize_code(str(value))


def pad_code(code: str, width: int | None) -> str:
    """Zero-pad a digits-only code to ``width``; other codes are returned as they are.

    Args:
        code: A normalised code.
        width: The fixed width from the run profile; ``None`` or ``0`` for none.

    Returns:
        ``'7'`` → ``'007'`` for width 3. A code that has letters, is blank
        or is already as long as ``width`` is unchanged (never truncated).
    """
    if not width or not code or len(code) >= width:
        return code
    if code.isascii() and code.isdigit():
        return code.zfill(width)
    return code


# The zero-pad width of a code field where the profile's [sheet] widths gives
# none: 枝番 is always two digits (00 = the insured); other codes keep their length.
DEFAULT_WIDTHS = {"edaban": 2}


def code_width(field: str, widths: dict[str, int]) -> int:
    """The zero-pad width of code field ``field``: the profile's, else the default."""
    return widths.get(field, DEFAULT_WIDTHS.get(field, 0))


# natural_key encodes a code into one string whose plain string order is the
# natural order. Each digit run becomes "\x01" + one character for the number
# of its significant digits + those digits (a longer number sorts later, equal
# lengths digit by digit); each text run becomes "\x02" + the text. "\x00" ends
# the runs (a code whose runs are a prefix of another's sorts first); then one
# character per digit run gives its written length (``7`` < ``07``); then
# "\x00" and the code itself. No "\x00" occurs before the end of the runs
# (control characters in text are escaped), so equal keys mean equal codes.
_DIGIT_TAG, _TEXT_TAG, _END = "\x01", "\x02", "\x00"
_LOW_CONTROL = re.compile("[\x00-\x03]")
_ESCAPE_LOW = {i: "\x03" + chr(i + 1) for i in range(4)}


@lru_cache(maxsize=1 << 18)
def natural_key(s: str) -> str:
    """A numeric-aware sort key for a code.

    Digit runs compare by value, text runs as text (a digit run before a
    text run at the same place); ties are broken by the length of each digit
    run (``'7'`` < ``'07'`` < ``'007'``), then by the whole text. Two keys are
    equal only when the texts are, so sorting is a total order. The key is a
    single string, which sorts faster than tuples.

    Args:
        s: A code (already normalised).

    Returns:
        A string to use as ``key=`` in ``sorted`` (not for display).
    """
    if s.isdigit() and s.isascii():  # the common case: a plain number
        value = s.lstrip("0")
        return f"{_DIGIT_TAG}{chr(len(value) + 1)}{value}{_END}{chr(len(s) + 1)}{_END}{s}"
    parts = _DIGIT_RUNS.split(s)
    primary = []
    lengths = []
    for i, part in enumerate(parts):
        if i % 2:  # a digit run
            value = part.lstrip("0")
            primary.append(f"{_DIGIT_TAG}{chr(len(value) + 1)}{value}")
            lengths.append(chr(len(part) + 1))
        elif part:
            if _LOW_CONTROL.search(part):
                part = part.translate(_ESCAPE_LOW)
            primary.append(_TEXT_TAG + part)
    return f"{''.join(primary)}{_END}{''.join(lengths)}{_END}{s}"


def natural_key_blank_last(s: str) -> str:
    """Like :func:`natural_key`, but blank codes (``''``, spaces) sort after all others."""
    return ("\x01" if not s.strip() else "\x00") + natural_key(s)


# Weights for 保険者番号: from the rightmost of the first seven digits, 2, 1, 2, 1, ...
_INSURER_WEIGHTS = (2, 1, 2, 1, 2, 1, 2)


def insurer_number_check_digit(first7: str) -> int:
    """The check digit of a 保険者番号 from its first seven digits."""
    total = 0
    for digit, weight in zip(first7, _INSURER_WEIGHTS):
        product = int(digit) * weight
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def insurer_number_valid(s: str) -> bool:
    """Whether ``s`` is an 8-digit 保険者番号 with a correct check digit (``'06134803'``)."""
    if not isinstance(s, str) or len(s) != 8 or not (s.isascii() and s.isdigit()):
        return False
    return insurer_number_check_digit(s[:7]) == int(s[7])


def mynumber_check_digit(first11: str) -> int:
    """The check digit of a 個人番号 from its first eleven digits.

    With P(n) the n-th digit from the right (n = 1..11) and Q(n) = n + 1 for
    n ≤ 6, n − 5 for n ≥ 7: r = Σ P(n)·Q(n) mod 11; the digit is 0 when
    r ≤ 1, else 11 − r.
    """
    total = 0
    for n in range(1, 12):
        total += int(first11[11 - n]) * (n + 1 if n <= 6 else n - 5)
    r = total % 11
    return 0 if r <= 1 else 11 - r


def mynumber_check_ok(s12: str) -> bool:
    """Whether ``s12`` is twelve ASCII digits whose last digit checks the first eleven."""
    if not isinstance(s12, str) or len(s12) != 12 or not (s12.isascii() and s12.isdigit()):
        return False
    return mynumber_check_digit(s12[:11]) == int(s12[11])
