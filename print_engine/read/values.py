"""Value parsers of the member workbook: 本人家族区分, 個人番号, 負担割合, names.

Each parser takes one cell value as read from the workbook and either
returns its normal form or raises ``ValueError`` with a Japanese message that
says how to fix the cell.

A full 12-digit My Number is checked and reduced to its last four digits in
:func:`parse_mynumber`; it is never returned, cached, or put into a message
or an exception (see :class:`MyNumberError`).
"""

from __future__ import annotations

import math
import re
import unicodedata

from print_engine.read.codes import mynumber_check_ok, number_text

_INSURED = {"本人": True, "被保険者": True, "1": True, "家族": False, "被扶養者": False, "2": False}
_INSURED_HINT = "「本人」「被保険者」「1」（被保険者）または「家族」「被扶養者」「2」（被扶養者）のいずれかを入力してください"


def parse_insured(value: object) -> bool:
    """Read 本人家族区分.

    Args:
        value: The cell: text (full-width allowed) or a number cell.

    Returns:
        ``True`` for the insured (本人, 被保険者, 1), ``False`` for a dependent
        (家族, 被扶養者, 2).

    Raises:
        ValueError: Any other value, blank included.
    """
    if isinstance(value, bool):
        key = ""
    elif isinstance(value, (int, float)):
        key = number_text(value)
    elif isinstance(value, str):
        key = value.strip()
        if not key.isascii():
            key = unicodedata.normalize("NFKC", key).strip()
    else:
        key = ""
    if key in _INSURED:
        return _INSURED[key]
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"本人家族区分が空欄です。{_INSURED_HINT}")
    raise ValueError(f"本人家族区分が読めません。{_INSURED_HINT}")


class MyNumberError(ValueError):
    """A 個人番号 cell that cannot be used.

    The message says what is wrong; it never holds a digit of the value.

    Attributes:
        message: Japanese text saying what is wrong and how to fix it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Separators people type inside a 12-digit number (after NFKC): spaces, hyphens, dashes.
_MYNUMBER_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−ー]+")

_MN_HINT = "下四桁（四桁の数字）か、個人番号（十二桁）を入力してください"
_MN_ERRORS = {
    "letters": f"個人番号に数字以外の文字が含まれています。{_MN_HINT}",
    "short": "個人番号下四桁が四桁に足りません。先頭のゼロを含めて四桁で入力してください（セルを文字列にするとゼロが消えません）",
    "length": f"個人番号の桁数が正しくありません。{_MN_HINT}",
    "long": f"個人番号の桁数が多すぎます（十二桁を超えています）。{_MN_HINT}",
    "check": "個人番号（十二桁）のチェックデジットが合いません。番号に誤りがないか確認してください",
    "number": f"個人番号のセルが数値ですが、桁数が正しくありません（先頭のゼロが失われた可能性があります）。セルを文字列にして{_MN_HINT}",
    "fraction": f"個人番号のセルが小数や負の数です。{_MN_HINT}",
    "type": f"個人番号として読めない値です。{_MN_HINT}",
}
MYNUMBER_PADDED_WARNING = (
    "個人番号下四桁が数値のセルで四桁に足りないため、先頭をゼロで補って四桁にしました。"
    "Excelでセルを文字列にして確認してください"
)


def parse_mynumber(value: object) -> tuple[str, str | None]:
    """Read 個人番号下4桁 (or a full 個人番号) and keep only the last four digits.

    Args:
        value: The cell: blank, text of four or twelve digits (full-width
            digits, spaces and hyphens allowed), or a number cell.

    Returns:
        ``(last4, warning)``: ``''`` when blank (no My Number registered).
        A number cell with fewer than four digits is zero-padded and comes
        with a warning.

    Raises:
        MyNumberError: Text of 1–3 or 5–11 digits, more than 12 digits, a bad
            check digit, letters. Its message never holds a digit of the
            value, and it carries no context or cause.
    """
    outcome = _classify_mynumber(value)
    del value  # the caller still holds it; this frame (and a traceback) must not
    if outcome[0] == "ok":
        return outcome[1], outcome[2]
    message = _MN_ERRORS[outcome[1]]
    del outcome
    raise MyNumberError(message) from None


def _classify_mynumber(value: object) -> tuple[str, str, str | None]:
    """``('ok', last4, warning)`` or ``('error', error_key, None)``; never raises."""
    if value is None:
        return ("ok", "", None)
    if isinstance(value, bool):
        return ("error", "type", None)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
            return ("error", "fraction", None)
        if value < 0:
            return ("error", "fraction", None)
        digits = str(int(value))
        if len(digits) < 4:
            return ("ok", digits.zfill(4), MYNUMBER_PADDED_WARNING)
        if len(digits) not in (4, 12):
            return ("error", "number", None)
        return _check_digits(digits)
    if not isinstance(value, str):
        return ("error", "type", None)
    text = value if value.isascii() else unicodedata.normalize("NFKC", value)
    text = text.strip()
    if not text:
        return ("ok", "", None)
    text = _MYNUMBER_SEPARATORS.sub("", text)
    if not (text.isascii() and text.isdigit()):
        return ("error", "letters", None)
    if len(text) < 4:
        return ("error", "short", None)
    if len(text) > 12:
        return ("error", "long", None)
    if len(text) != 4 and len(text) != 12:
        return ("error", "length", None)
    return _check_digits(text)


def _check_digits(digits: str) -> tuple[str, str, str | None]:
    """Four digits are kept; twelve are checked and cut to the last four."""
    if len(digits) == 4:
        return ("ok", digits, None)
    if not mynumber_check_ok(digits):
        return ("error", "check", None)
    return ("ok", digits[8:], None)


_BURDEN_TEXT = re.compile(r"([0-9])割|0?\.([0-9])0*|([0-9]{1,3})(?:\.0+)?%", re.ASCII)
_BURDEN_ALLOWED = {1, 2, 3}
_BURDEN_HINT = "負担割合は「3割」「2割」「1割」（または 0.3、30% の形）で入力してください"


def parse_burden_ratio(value: object) -> str:
    """Read 負担割合 into ``'3割'``, ``'2割'`` or ``'1割'``.

    Args:
        value: ``3割``, ``0.3``, ``30%`` (full-width allowed), or a number
            cell ``0.3`` (also a percent-formatted cell).

    Returns:
        ``'3割'``/``'2割'``/``'1割'``; ``''`` for a blank cell.

    Raises:
        ValueError: Any other value.
    """
    if value is None:
        return ""
    tenths: int | None = None
    if isinstance(value, bool):
        tenths = None
    elif isinstance(value, (int, float)):
        scaled = value * 10
        if math.isfinite(scaled) and abs(scaled - round(scaled)) < 1e-9:
            tenths = round(scaled)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value)
        text = re.sub(r"\s+", "", text)
        if not text:
            return ""
        m = _BURDEN_TEXT.fullmatch(text)
        if m:
            if m.group(1) is not None:
                tenths = int(m.group(1))
            elif m.group(2) is not None:
                tenths = int(m.group(2))
            elif int(m.group(3)) % 10 == 0:
                tenths = int(m.group(3)) // 10
    if tenths in _BURDEN_ALLOWED:
        return f"{tenths}割"
    raise ValueError(f"負担割合が読めません。{_BURDEN_HINT}")


_HALF_KANA = re.compile("[\uff61-\uff9f]+")
_LONE_MARKS = str.maketrans({"\u3099": "\u309b", "\u309a": "\u309c"})


def _fold_run(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group()).translate(_LONE_MARKS)


def fold_kana(s: str) -> str:
    """Half-width katakana to full-width (``ｶﾞ`` → ``ガ``, ``ﾊﾟ`` → ``パ``, ``ｰ`` → ``ー``).

    Every other character is left exactly as it is (no NFKC of kanji or
    Latin). A voiced mark that cannot combine becomes ``゛``/``゜``.
    """
    if s.isascii():
        return s
    return _HALF_KANA.sub(_fold_run, s)


def clean_text(value: object) -> str:
    """A name cell as text: ``None`` → ``''``, surrounding spaces (full-width too) removed.

    Inner characters are kept exactly; a number cell becomes its text.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)):
        return number_text(value)
    return str(value).strip()


_MYNA_CARD = {
    "有": True, "無": False, "○": True, "〇": True, "×": False, "1": True, "0": False,
    "登録済": True, "未登録": False, "はい": True, "いいえ": False, "true": True, "false": False,
}
_MYNA_HINT = "「有」「無」、「○」「×」、「1」「0」、「登録済」「未登録」、「はい」「いいえ」、「true」「false」のいずれかを入力してください"


def parse_myna_card(value: object) -> bool:
    """Read マイナ保険証 (whether the member registered a My Number card for health insurance).

    Args:
        value: ``有``/``無``, ``○``/``×``, ``1``/``0``, ``登録済``/``未登録``,
            ``はい``/``いいえ``, ``true``/``false`` (any case, full-width
            allowed), a number cell 1/0 or a boolean cell.

    Returns:
        ``True`` when registered, ``False`` when not.

    Raises:
        ValueError: Any other value (a blank cell is never passed here).
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        key = number_text(value)
    else:
        key = unicodedata.normalize("NFKC", str(value)).strip().lower()
        key = {"○": "○", "◯": "○", "x": "×", "✕": "×"}.get(key, key)
    if key in _MYNA_CARD:
        return _MYNA_CARD[key]
    raise ValueError(f"マイナ保険証の登録の有無が読めません。{_MYNA_HINT}")


_SEX = {"男": "男", "女": "女", "1": "男", "2": "女", "男性": "男", "女性": "女"}
SEX_HINT = "性別は「男」「女」（または 1（男）、2（女））で入力してください"


def parse_sex(value: object) -> str:
    """Read 性別 into ``'男'`` or ``'女'`` (``男``/``女``/``1``/``2``, a number cell too).

    Raises:
        ValueError: Any other value.
    """
    if isinstance(value, bool):
        key = ""
    elif isinstance(value, (int, float)):
        key = number_text(value)
    else:
        key = unicodedata.normalize("NFKC", str(value)).strip()
    if key in _SEX:
        return _SEX[key]
    raise ValueError(f"性別が読めません。{SEX_HINT}")
