"""``direct_mail.csv``: one row per mailed envelope (``direct-mail.md``).

UTF-8 with BOM, comma-separated, CRLF, quoted only where needed, like the
run's other CSV files. Columns: ``postal_code,address,addressee,kigo,bango,
documents,barcode_data``. ``postal_code`` is written ``100-0013``;
``barcode_data`` is the 20 data positions and the check digit as
``main.py barcode`` prints them (``10000131-3-2-503[CC4][CC4][CC4][CC4]9``),
so a label printer or the post office's tools can be fed from it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from print_engine.model import Shipment

MAIL_COLUMNS = ("postal_code", "address", "addressee", "kigo", "bango", "documents", "barcode_data")
MAIL_CSV = "direct_mail.csv"


def direct_mail_rows(group: Shipment) -> list[tuple]:
    rows = []
    for env in group.envelopes:
        r = env.recipient
        code = r.barcode
        rows.append((r.postal_label, r.address, r.addressee, env.kigo, env.bango, len(env.members),
                     code.data_text + code.check_text))
    return rows


def write_direct_mail_csv(path: Path, group: Shipment) -> None:
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(MAIL_COLUMNS)
        writer.writerows(direct_mail_rows(group))
