"""Who a mailed envelope goes to: postal code, address, addressee and its barcode."""

from __future__ import annotations

from dataclasses import dataclass

from .barcode import CustomerBarcode, customer_barcode, postal_digits


@dataclass(frozen=True, slots=True)
class MailRecipient:
    """The window of a mailed envelope (``direct-mail.md``).

    Attributes:
        postal_code: The 7 digits.
        address: 住所 with 住所2 (the building) appended after a space.
        addressee: 宛名, else the insured's (or first member's) name.
        kigo, bango: The household's 記号 and 番号 (printed small).
        barcode: The customer barcode of the postal code and address.
    """

    postal_code: str
    address: str
    addressee: str
    kigo: str
    bango: str
    barcode: CustomerBarcode

    @property
    def postal_label(self) -> str:
        """``100-0013``."""
        return f"{self.postal_code[:3]}-{self.postal_code[3:]}"

    @property
    def number_label(self) -> str:
        return f"{self.kigo}-{self.bango}"


def join_address(address: str, address2: str = "") -> str:
    """住所 and 住所2 as one address (a full-width space between them)."""
    parts = [p.strip() for p in (address, address2) if p and p.strip()]
    return "　".join(parts)


def make_recipient(postal_code: str, address: str, addressee: str, kigo: str, bango: str) -> MailRecipient | None:
    """The recipient, or None when the postal code is not 7 digits or the address is blank."""
    digits = postal_digits(postal_code)
    if digits is None or not address.strip():
        return None
    return MailRecipient(digits, address, addressee, kigo, bango, customer_barcode(digits, address))
