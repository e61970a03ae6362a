"""``main.py barcode POSTAL_CODE ADDRESS``: the customer barcode of one address.

Prints three lines (``direct-mail.md``): the 20 data positions with control
codes written ``[CCn]``, the check digit, and the 67 bars as F/A/D/T.
"""

from __future__ import annotations

import argparse

from print_engine.mail.barcode import customer_barcode


def barcode_lines(postal_code: str, address: str) -> list[str]:
    """The three lines; PostalCodeError (a ValueError) for a postal code that is not 7 digits."""
    code = customer_barcode(postal_code, address)
    return [code.data_text, code.check_text, code.bars]


def cmd_barcode(args: argparse.Namespace) -> int:
    for line in barcode_lines(args.postal_code, " ".join(args.address)):
        print(line)
    return 0
