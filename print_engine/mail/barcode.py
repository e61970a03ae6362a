"""The Japan Post customer barcode (カスタマバーコード) of a postal code and address.

``customer_barcode(postal_code, address)`` gives the 20 data positions (7
digits of the postal code, 13 of the 住所表示番号), the mod-19 check digit
and the 67 bars as the letters F (long), A (upper semi-long), D (lower
semi-long) and T (timing), exactly as ``direct-mail.md`` describes the
manual. Drawing the bars is the layout's business (``layout/mail_block.py``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .address_number import address_number

ADDRESS_POSITIONS = 13
DATA_POSITIONS = 7 + ADDRESS_POSITIONS
BAR_COUNT = 2 + 3 * (DATA_POSITIONS + 1) + 2  # start, data, check digit, stop = 67

# Symbols are the strings "0"…"9", "-" and "CC1"…"CC8".
CONTROL_CODES = tuple(f"CC{n}" for n in range(1, 9))
PAD = "CC4"

_VALUES = {str(d): d for d in range(10)} | {"-": 10} | {cc: 11 + i for i, cc in enumerate(CONTROL_CODES)}
_BY_VALUE = {v: s for s, v in _VALUES.items()}

_BARS = {
    "1": "FFT", "2": "FDA", "3": "DFA", "4": "FAD", "5": "FTF",
    "6": "DAF", "7": "AFD", "8": "ADF", "9": "TFF", "0": "FTT",
    "-": "TFT",
    "CC1": "DAT", "CC2": "DTA", "CC3": "ADT", "CC4": "TDA",
    "CC5": "ATD", "CC6": "TAD", "CC7": "TTF", "CC8": "FFF",
}  # fmt: skip
START = "FD"
STOP = "DF"

_POSTAL_JUNK = re.compile(r"[\s〒\-‐‑‒–—―−ーｰ]")


class PostalCodeError(ValueError):
    """A postal code that is not 7 digits once 〒, hyphens and full-width forms are removed."""

    def __init__(self, value: str):
        super().__init__(f"郵便番号「{value}」は 7 桁の数字ではありません（例: 100-0013）。")
        self.value = value


def postal_digits(value: str) -> str | None:
    """The 7 digits of a postal code as written (〒, hyphens, full width allowed), else None."""
    text = _POSTAL_JUNK.sub("", unicodedata.normalize("NFKC", value or ""))
    return text if re.fullmatch(r"[0-9]{7}", text) else None


def letter_symbols(letter: str) -> tuple[str, str]:
    """A letter's two positions: A–J = CC1 + 0–9, K–T = CC2 + 0–9, U–Z = CC3 + 0–5."""
    offset = ord(letter) - ord("A")
    return CONTROL_CODES[offset // 10], str(offset % 10)


def address_symbols(number: str) -> list[str]:
    """The 13 positions of a 住所表示番号: letters as two, CC4 padding, cut at 13.

    Cutting at 13 keeps a letter's control code as the last position when its
    digit would fall on the 14th (the manual's letter-split case).
    """
    symbols: list[str] = []
    for ch in number:
        symbols.extend(letter_symbols(ch) if "A" <= ch <= "Z" else (ch,))
    symbols = symbols[:ADDRESS_POSITIONS]
    return symbols + [PAD] * (ADDRESS_POSITIONS - len(symbols))


def check_symbol(data: list[str]) -> str:
    """The check digit c (0–18) that makes the total of the values a multiple of 19."""
    return _BY_VALUE[-sum(_VALUES[s] for s in data) % 19]


def value_of(symbol: str) -> int:
    return _VALUES[symbol]


def bars_of(symbols: list[str]) -> str:
    """Start, three bars per symbol, stop."""
    return START + "".join(_BARS[s] for s in symbols) + STOP


@dataclass(frozen=True)
class CustomerBarcode:
    """A computed barcode: the data positions, the check digit and the bar letters."""

    postal_code: str
    address_number: str
    data: tuple[str, ...]
    check: str
    bars: str

    @staticmethod
    def written(symbols) -> str:
        """Symbols as printed by ``main.py barcode``: control codes as ``[CCn]``."""
        return "".join(f"[{s}]" if s.startswith("CC") else s for s in symbols)

    @property
    def data_text(self) -> str:
        return self.written(self.data)

    @property
    def check_text(self) -> str:
        return self.written([self.check])


def customer_barcode(postal_code: str, address: str) -> CustomerBarcode:
    """The barcode of ``postal_code`` and ``address``; PostalCodeError unless 7 digits."""
    digits = postal_digits(postal_code)
    if digits is None:
        raise PostalCodeError(postal_code)
    number = address_number(address)
    data = list(digits) + address_symbols(number)
    check = check_symbol(data)
    return CustomerBarcode(digits, number, tuple(data), check, bars_of(data + [check]))
