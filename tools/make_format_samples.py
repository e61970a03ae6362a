"""Write the bundled samples in every other format the app reads: ``resources/samples/formats/``.

Usage::

    python -m tools.make_format_samples [--out resources/samples/formats]

The files are made once and committed, so CI needs none of the programs
used here:

- ``.xls`` and ``.ods``: saved by LibreOffice (``soffice --headless
  --convert-to``; Debian: ``apt-get install -y libreoffice-calc
  --no-install-recommends``) from ``sample.xlsx`` and ``sample-errors.xlsx``.
  openpyxl writes formulas without a cached value; LibreOffice computes them
  on saving. In the ``.ods`` the computed value is removed again, so the file
  holds what the ``.xlsx`` holds (a formula with no saved value). The
  ``.xls`` keeps it: the binary format always stores a formula's result.
- ``.xlsb``: LibreOffice cannot write .xlsb (it only reads it), so
  ``sample.xlsb`` is written with ``pyxlsbwriter`` from the cell values of
  ``sample.xlsx`` (hidden sheet kept hidden). It is not a dependency of the
  app: use a throw-away venv (``python -m venv --system-site-packages /tmp/v
  && /tmp/v/bin/pip install pyxlsbwriter && /tmp/v/bin/python -m
  tools.make_format_samples``); without it the .xlsb is left as it is.
- ``sample-members.xlsx``: the member sheet of ``sample.xlsx`` alone
  (openpyxl removes the other sheets): what a CSV, which holds one sheet, is
  compared with.
- CSV: the member sheet written as a core system exports it (see
  :func:`cell_text`) in UTF-8 with BOM (CRLF), UTF-8 without BOM (LF) and
  CP932 (CRLF, every field quoted). ``sample-errors`` has no CP932 file: its
  外字 「𠮷」 does not exist in CP932.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from tools.make_samples import FIXED_ZIP_TIME, SAMPLES_DIR, normalise_xlsx

FORMATS_DIR = SAMPLES_DIR / "formats"
MEMBER_SHEET = "加入者一覧"
# Headers (and aliases) of the contract's date columns and of the My Number column.
DATE_HEADERS = {"生年月日", "資格取得年月日", "資格取得日", "取得年月日", "取得処理日", "資格取得処理日",
                "取得届受付日", "資格喪失年月日", "資格喪失日", "喪失年月日", "扶養削除日", "喪失処理日",
                "喪失届受付日", "喪失登録日"}
MYNUMBER_HEADERS = {"個人番号下4桁", "マイナンバー下4桁", "個人番号"}
CSV_VARIANTS = (  # suffix, encoding, line ending, quoting
    ("utf8-bom", "utf-8-sig", "\r\n", csv.QUOTE_MINIMAL),
    ("utf8", "utf-8", "\n", csv.QUOTE_MINIMAL),
    ("cp932", "cp932", "\r\n", csv.QUOTE_ALL),
)
_ODS_FORMULA_CELL = re.compile(
    rb'<table:table-cell (table:formula="[^"]*")[^>]*?(?:/>|>.*?</table:table-cell>)', re.S)


def _serial_date(serial: float) -> date:
    """An Excel serial (1900 system, after 1900-02-28) as a date."""
    return date(1899, 12, 30) + timedelta(days=int(serial))


def cell_text(value: object, header: str) -> str:
    """A cell as a core system writes it to CSV: every value is text.

    Numbers lose their ``.0`` (``1.0`` → ``1``); a date cell, a datetime
    (its time dropped) and a serial number in a date column become
    ``yyyy/m/d``; an 8-digit number in a date column stays ``yyyymmdd``. A
    My Number cell that is a number of fewer than four digits is written
    with its leading zeros: the core system never lost them (only Excel
    does, which is why the .xlsx gets a warning there and the CSV does not).
    """
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return f"{value.year}/{value.month}/{value.day}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        if header in DATE_HEADERS and not 10_000_000 <= value <= 99_999_999:
            d = _serial_date(value)
            return f"{d.year}/{d.month}/{d.day}"
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
        if header in MYNUMBER_HEADERS and len(text) < 4:
            text = text.zfill(4)
        return text
    return str(value)


def _sheet_records(path: Path, sheet: str | None) -> list[list[str]]:
    """Every row of the sheet from A1 as CSV text (a formula without a saved value is blank)."""
    wb = load_workbook(path, data_only=True)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
    header = next((r for r in rows if sum(1 for v in r if v in DATE_HEADERS) >= 1), [])
    names = [str(v) if v is not None else "" for v in header]
    names += [""] * (ws.max_column - len(names))
    return [[cell_text(v, names[i]) for i, v in enumerate(r)] for r in rows]


def write_csv(records: list[list[str]], path: Path, encoding: str, newline: str, quoting: int) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator=newline, quoting=quoting).writerows(records)
    path.write_bytes(buffer.getvalue().encode(encoding))


def write_members_only(source: Path, target: Path) -> None:
    """``source`` with every sheet but the member sheet removed."""
    wb = load_workbook(source)
    for ws in list(wb.worksheets):
        if ws.title != MEMBER_SHEET:
            wb.remove(ws)
    wb.active = 0
    wb.save(target)
    normalise_xlsx(target)


def _normalise_ods(path: Path, strip_formula_values: bool) -> None:
    """Fixed zip times (mimetype first, stored) and, if asked, formulas without saved values."""
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, info.compress_type, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for name, compress, data in entries:
            if name == "content.xml" and strip_formula_values:
                data = _ODS_FORMULA_CELL.sub(rb"<table:table-cell \1/>", data)
            if name == "meta.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?", b"2024-08-07T00:00:00", data)
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = compress
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)


def libreoffice_convert(sources: list[Path], fmt: str, out_dir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed: apt-get install -y libreoffice-calc --no-install-recommends")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(out_dir), *map(str, sources)],
                       check=True, capture_output=True, timeout=300)


def write_xlsb(source: Path, target: Path) -> bool:
    """``source``'s cell values as .xlsb (pyxlsbwriter); False when it is not installed."""
    try:
        from pyxlsbwriter import XlsbWriter
    except ImportError:
        return False
    wb = load_workbook(source, data_only=True)
    with XlsbWriter(str(target)) as writer:
        for ws in wb.worksheets:
            rows = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
            writer.add_sheet(ws.title, hidden=ws.sheet_state != "visible")
            writer.write_sheet(rows)
    return True


def make_format_samples(out_dir: Path = FORMATS_DIR) -> list[str]:
    """Write every file; returns their names."""
    out_dir.mkdir(parents=True, exist_ok=True)
    clean, errors = SAMPLES_DIR / "sample.xlsx", SAMPLES_DIR / "sample-errors.xlsx"
    members = out_dir / "sample-members.xlsx"
    write_members_only(clean, members)
    for fmt in ("xls", "ods"):
        libreoffice_convert([clean, errors], fmt, out_dir)
    for name in ("sample.ods", "sample-errors.ods"):
        _normalise_ods(out_dir / name, strip_formula_values=True)
    written = [members.name, "sample.xls", "sample.ods", "sample-errors.xls", "sample-errors.ods"]
    if write_xlsb(clean, out_dir / "sample.xlsb") or (out_dir / "sample.xlsb").exists():
        written.append("sample.xlsb")
    for source, stem, sheet in ((members, "sample-members", MEMBER_SHEET), (errors, "sample-errors", None)):
        records = _sheet_records(source, sheet)
        for suffix, encoding, newline, quoting in CSV_VARIANTS:
            if stem == "sample-errors" and encoding == "cp932":
                continue  # 「𠮷」 has no CP932 code
            path = out_dir / f"{stem}-{suffix}.csv"
            write_csv(records, path, encoding, newline, quoting)
            written.append(path.name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FORMATS_DIR)
    args = parser.parse_args(argv)
    for name in make_format_samples(args.out):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
