"""The 住所表示番号 of an address, as the Japan Post barcode manual takes it.

The customer barcode (カスタマバーコード) carries the postal code and the
numbers of the address after it (丁目, 番地, 号, building and room numbers).
``address_number`` turns the address as written in the workbook into that
string of digits, hyphens and single letters (``direct-mail.md``):

1. NFKC (half-width) and upper case;
2. ``&``, ``/``, ``・`` and ``.`` are deleted;
3. a 漢数字 number immediately before 丁目, 丁, 番地, 番, 号, 地割, 線, の or
   ノ becomes Arabic digits (十一丁目 → 11, 第二十一地割 → 21);
4. digits, hyphens and lone letters are kept; an ``F`` directly after a
   digit is a floor and counts as a separator;
5. everything else becomes a hyphen; runs of hyphens become one, a hyphen
   next to a letter is removed, and so are hyphens at either end.
"""

from __future__ import annotations

import re
import unicodedata

DELETED = str.maketrans("", "", "&/・.")

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_NUMERAL = "".join(_DIGITS) + "".join(_UNITS)

# The markers after which a 漢数字 number is an address number.  番地 and 丁目
# are covered by 番 and 丁: only the character right after the number matters.
_NUMBER_BEFORE_MARKER = re.compile(f"[{KANJI_NUMERAL}]+(?=丁目|丁|番地|番|号|地割|線|の|ノ)")

_LETTER_RUN = re.compile(r"[A-Z]+")
_FLOOR = re.compile(r"(?<=[0-9])F(?![A-Z])")
_NOT_KEPT = re.compile(r"[^0-9A-Z\-]")
_HYPHENS = re.compile(r"-{2,}")
_HYPHEN_BY_LETTER = re.compile(r"-(?=[A-Z])|(?<=[A-Z])-")


def kanji_to_int(text: str) -> int:
    """The value of a 漢数字 number: 十一 → 11, 二十一 → 21, 百一 → 101, 二〇 → 20.

    Without any 十/百/千 the characters are read digit by digit (二〇一 → 201).
    """
    if not any(ch in _UNITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = 0
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch] if digit is None else digit * 10 + _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


def _arabic(match: re.Match[str]) -> str:
    return str(kanji_to_int(match.group(0)))


def _letters(match: re.Match[str]) -> str:
    """A lone letter stays; a run of two or more letters is a separator."""
    run = match.group(0)
    return run if len(run) == 1 else "-"


def normalise(address: str) -> str:
    """Steps 1 and 2: half-width, upper case, the deleted symbols gone."""
    return unicodedata.normalize("NFKC", address).upper().translate(DELETED)


def address_number(address: str) -> str:
    """The 住所表示番号 of ``address`` (may be empty: the barcode then pads with CC4)."""
    text = normalise(address)
    text = _NUMBER_BEFORE_MARKER.sub(_arabic, text)
    text = _FLOOR.sub("-", text)
    text = _LETTER_RUN.sub(_letters, text)
    text = _NOT_KEPT.sub("-", text)
    text = _HYPHENS.sub("-", text)
    text = _HYPHEN_BY_LETTER.sub("", text)
    return text.strip("-")
