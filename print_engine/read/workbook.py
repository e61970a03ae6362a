"""Opening the member file: sheets, header row, raw rows, broken formulas.

Every format goes through here: .xlsx/.xlsm, .xls, .xlsb and .ods are read
with python-calamine (fast, Rust); CSV/TSV with :mod:`print_engine.read.delimited`.
The format follows the file's extension, after :mod:`print_engine.read.file_kind`
has checked that the content matches it. All formats then share the sheet
choice, the header search and the row numbers: the Excel row, or for a CSV
the file line on which the record starts. Formulas without a cached value
are found by :mod:`print_engine.read.formulas`.

The file is opened read-only and never written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine

from print_engine.read.columns import (
    EMPLOYER_FIELDS,
    EMPLOYER_SHEET_NAMES,
    MEMBER_FIELDS,
    HeaderRow,
    describe_missing,
    find_header_row,
    normalize_header,
)
from print_engine.read.delimited import read_delimited
from print_engine.read.file_kind import MEMBER_FILE_SUFFIXES, WorkbookError, check_kind
from print_engine.read.formulas import FormulaScan

__all__ = ["MEMBER_FILE_SUFFIXES", "SheetRows", "WorkbookData", "WorkbookError", "kept_rows", "open_workbook"]
_FORMAT_NAMES = {"xlsx": "Excel", "xls": "Excel（.xls）", "xlsb": "Excel（.xlsb）", "ods": "OpenDocument（.ods）"}


@dataclass(slots=True)
class SheetRows:
    """A sheet's header and its data rows.

    ``rows`` holds (Excel row number, cells) for every row below the header;
    cells are indexed like ``header.columns``. ``uncached`` holds the
    (Excel row, column index) of formula cells without a cached value.
    """

    name: str
    header: HeaderRow
    rows: list[tuple[int, list[object]]]
    uncached: set[tuple[int, int]] = field(default_factory=set)
    # CSV only: row number → its field count, for records with more fields than the header
    overflow: dict[int, int] = field(default_factory=dict)
    header_width: int = 0


@dataclass(slots=True)
class WorkbookData:
    """What was read: ``kind`` is the file kind (``xlsx``, ``xls``, ``xlsb``,
    ``ods``, ``text``); ``notes`` are lines for the summary about how the file
    was read (a CSV's delimiter and encoding, a guessed encoding above all)."""

    path: Path
    members: SheetRows
    employers: SheetRows | None
    kind: str = "xlsx"
    notes: list[str] = field(default_factory=list)


def _visible_sheets(wb: calamine.CalamineWorkbook) -> list[tuple[str, bool]]:
    return [
        (meta.name, meta.visible == calamine.SheetVisibleEnum.Visible)
        for meta in wb.sheets_metadata
        if meta.typ == calamine.SheetTypeEnum.WorkSheet
    ]


def _read_rows(wb: calamine.CalamineWorkbook, name: str) -> tuple[list[list[object]], int]:
    sheet = wb.get_sheet_by_name(name)
    rows = list(sheet.iter_rows())
    return rows, sheet.start[1] if sheet.start else 0


def _sheet_rows(name: str, header: HeaderRow, rows: list[list[object]], col0: int,
                scan: FormulaScan) -> SheetRows:
    first = header.row_index + 1
    data = list(enumerate(rows[first:], first + 1))  # (Excel row, cells) below the header
    uncached = {(r, c - col0) for r, c in scan.result()}
    return SheetRows(name, header, data, uncached)


def _missing_columns(name: str, header: HeaderRow, row_number: int) -> None:
    missing = header.missing(MEMBER_FIELDS)
    if missing:
        messages = " ".join(describe_missing(f) for f in missing)
        raise WorkbookError(f"シート「{name}」{row_number}行目の見出し行: {messages}")


def open_workbook(path: str | Path, sheet_name: str = "", encoding: str = "auto") -> WorkbookData:
    """Read the member sheet and the optional employer sheet.

    Args:
        path: .xlsx, .xlsm, .xls, .xlsb, .ods, or .csv/.tsv/.txt.
        sheet_name: the member sheet (``[sheet] name``); ignored for a CSV.
        encoding: a CSV's encoding (``[sheet] encoding``): auto, utf-8, cp932.

    Raises:
        WorkbookError: missing, of another kind than its extension says,
            protected, truncated, no member sheet, or a required column
            missing (one clear message).
    """
    path = Path(path)
    kind = check_kind(path)
    if kind == "text":
        return _open_delimited(path, encoding)
    try:
        wb = calamine.CalamineWorkbook.from_path(str(path))
        sheets = _visible_sheets(wb)
    except Exception:  # calamine raises several unrelated types for bad files
        raise WorkbookError(
            f"{_FORMAT_NAMES[kind]} ファイルを読み込めません（ファイルが壊れているか、パスワードで保護されています）。"
        ) from None
    try:
        return _open(path, kind, wb, sheets, sheet_name)
    except WorkbookError:
        raise
    except Exception:
        raise WorkbookError(
            f"{_FORMAT_NAMES[kind]} ファイルの内容を読み込めません（ファイルが壊れている可能性があります）。"
        ) from None
    finally:
        wb.close()


def _open(path: Path, kind: str, wb, sheets: list[tuple[str, bool]], sheet_name: str) -> WorkbookData:
    employer_names = {normalize_header(n) for n in EMPLOYER_SHEET_NAMES}
    members: SheetRows | None = None
    if sheet_name:
        if sheet_name not in {n for n, _ in sheets}:
            listed = "、".join(f"「{n}」" for n, _ in sheets)
            raise WorkbookError(f"シート「{sheet_name}」がありません（このファイルのシート: {listed}）。")
        candidates = [sheet_name]
    else:
        candidates = [n for n, visible in sheets if visible and normalize_header(n) not in employer_names]
    for name in candidates:
        scan = FormulaScan(path, name, kind)
        try:
            rows, col0 = _read_rows(wb, name)
            header = find_header_row(rows)
            if header is None:
                if sheet_name:
                    raise WorkbookError(
                        f"シート「{name}」の先頭20行に見出し行（事業所コード・記号・番号など）が見つかりません。"
                    )
                continue
            _missing_columns(name, header, header.row_index + 1)
            members = _sheet_rows(name, header, rows, col0, scan)
        finally:
            scan.cancel()
        break
    if members is None:
        raise WorkbookError(
            "加入者のシートが見つかりません。先頭20行以内に「事業所コード」「記号」「番号」などの見出し行があるシートが必要です。"
        )
    return WorkbookData(path, members, _employer_sheet(path, kind, wb, sheets, employer_names), kind)


def _employer_sheet(path: Path, kind: str, wb, sheets, employer_names: set[str]) -> SheetRows | None:
    for name, _visible in sheets:
        if normalize_header(name) not in employer_names:
            continue
        scan = FormulaScan(path, name, kind)
        try:
            rows, col0 = _read_rows(wb, name)
            header = find_header_row(rows, EMPLOYER_FIELDS)
            if header is None or "employer_code" not in header.columns:
                raise WorkbookError(f"シート「{name}」に見出し「事業所コード」が見つかりません。")
            return _sheet_rows(name, header, rows, col0, scan)
        finally:
            scan.cancel()
    return None


def _open_delimited(path: Path, encoding: str) -> WorkbookData:
    """A CSV/TSV: one sheet named after the file (as Excel names it), every cell text."""
    text = read_delimited(path, encoding)
    name = path.stem
    header = find_header_row(text.rows)
    if header is None:
        raise WorkbookError(
            "先頭20行に見出し行（「事業所コード」「記号」「番号」など）が見つかりません。"
            "区切り文字（カンマ・タブ・セミコロン）と見出しを確認してください。")
    _missing_columns(name, header, text.lines[header.row_index])
    head = text.rows[header.row_index]
    width = max((i + 1 for i, cell in enumerate(head) if cell.strip()), default=0)
    first = header.row_index + 1
    data: list[tuple[int, list[object]]] = list(zip(text.lines[first:], text.rows[first:]))
    overflow: dict[int, int] = {}
    if max(map(len, text.rows[first:]), default=0) > width:
        for line, row in data:
            if len(row) > width:
                extra = row[width:]
                if any(cell.strip() for cell in extra):
                    overflow[line] = width + max(i + 1 for i, cell in enumerate(extra) if cell.strip())
                del row[width:]
    members = SheetRows(name, header, data, overflow=overflow, header_width=width)
    return WorkbookData(path, members, None, "text", [text.note()])


def kept_rows(sheet: SheetRows) -> list[tuple[int, list[object]]]:
    """(Excel row, cells) for every row with a value in a known column.

    A row whose known columns are all blank is skipped silently, unless one
    of them holds a formula without a cached value (that is a row error).
    """
    cols = list(sheet.header.columns.values())
    if not cols:
        return []
    uncached_rows = {r for r, _ in sheet.uncached}
    c0 = cols[0]
    kept = []
    keep = kept.append
    for item in sheet.rows:
        row = item[1]
        v = row[c0] if c0 < len(row) else None
        if v.__class__ is str:
            if v and not v.isspace():  # the common case: decided by one cell
                keep(item)
                continue
        elif v is not None and v != "":
            keep(item)
            continue
        if _has_value(row, cols) or item[0] in uncached_rows:
            keep(item)
    return kept


def _has_value(row: list[object], cols: list[int]) -> bool:
    n = len(row)
    for c in cols:
        if c < n:
            v = row[c]
            if v != "" and v is not None and not (v.__class__ is str and not v.strip()):
                return True
    return False
