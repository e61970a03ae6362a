"""Opening the member workbook: sheets, header row, raw rows, broken formulas.

Values are read with python-calamine (fast, Rust). Calamine returns a
formula cell without a cached value as '' — exactly like a blank cell — so
the sheet's XML is scanned separately (a byte-level regex, only when the
sheet contains formulas at all) for such cells, which are row errors. The
scan runs in a background thread while calamine reads the sheet (calamine
releases the GIL), so on two cores it costs no time.

The file is opened read-only and never written.
"""

from __future__ import annotations

import posixpath
import re
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

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

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class WorkbookError(Exception):
    """The workbook cannot be used at all; ``message`` says why, in Japanese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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


@dataclass(slots=True)
class WorkbookData:
    path: Path
    members: SheetRows
    employers: SheetRows | None


def _check_file_kind(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise WorkbookError(f"ファイルが見つかりません: {path}") from None
    except OSError as exc:
        raise WorkbookError(f"ファイルを開けません: {path}（{exc.strerror}）") from None
    if head.startswith(OLE2_MAGIC):
        raise WorkbookError(
            "このファイルはパスワードで保護されているか、古い Excel 形式（.xls）です。"
            "Excel でパスワードを解除し、.xlsx 形式で保存し直してください。"
        )
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookError(
            "Excel ファイル（.xlsx / .xlsm）ではありません。加入者台帳を Excel 形式で出力し直してください。"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            zf.getinfo("xl/workbook.xml")
    except KeyError:
        raise WorkbookError(
            "Excel ファイル（.xlsx / .xlsm）ではありません。加入者台帳を Excel 形式で出力し直してください。"
        ) from None
    except (zipfile.BadZipFile, EOFError, OSError):
        raise WorkbookError(
            "Excel ファイルが壊れています（途中で切れているか、破損しています）。元のファイルをもう一度出力してください。"
        ) from None


def _sheet_xml_paths(path: Path) -> dict[str, str]:
    """Sheet name → path of its XML part inside the zip."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    }
    with zipfile.ZipFile(path) as zf:
        wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = target
    out = {}
    for sheet in wb.iter(f"{{{ns['m']}}}sheet"):
        rid = sheet.get(f"{{{ns['r']}}}id")
        if rid in targets:
            out[sheet.get("name")] = targets[rid]
    return out


_UNCACHED = re.compile(
    rb'<c r="([A-Z]+)([0-9]+)"([^>]*)>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)?\s*</c>'
)


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


_SCAN_CHUNK = 1 << 20


def _has_formula(zf: zipfile.ZipFile, part: str, stop: threading.Event | None) -> bool:
    """Whether the part holds a ``<f`` tag: streamed, stops at the first one.

    A sheet without formulas (the common case) is never held in memory as a
    whole. Returns False as soon as ``stop`` is set (the answer is unused then).
    """
    with zf.open(part) as fh:
        last = b""
        while True:
            if stop is not None and stop.is_set():
                return False
            chunk = fh.read(_SCAN_CHUNK)
            if not chunk:
                return False
            if b"<f" in chunk or (last == b"<" and chunk[:1] == b"f"):
                return True
            last = chunk[-1:]


def find_uncached_formulas(path: Path, sheet_name: str,
                           stop: threading.Event | None = None) -> set[tuple[int, int]]:
    """(Excel row, absolute 0-based column) of formulas with no cached value.

    Args:
        path: the workbook.
        sheet_name: the sheet to scan.
        stop: when set, the scan gives up early (its result is not wanted).
    """
    try:
        part = _sheet_xml_paths(path).get(sheet_name)
        if part is None:
            return set()
        with zipfile.ZipFile(path) as zf:
            if not _has_formula(zf, part, stop):
                return set()
            data = zf.read(part)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return set()
    found = set()
    for m in _UNCACHED.finditer(data):
        attrs = m.group(3)
        if b't="str"' in attrs and b"<v></v>" in m.group(0):
            continue  # a formula whose cached result is the empty string
        found.add((int(m.group(2)), _col_index(m.group(1))))
    return found


class _FormulaScan:
    """:func:`find_uncached_formulas` in a background thread.

    Started before calamine reads the same sheet: calamine releases the GIL
    while it parses, so the scan costs no time on a machine with two cores.
    """

    def __init__(self, path: Path, sheet_name: str):
        self._stop = threading.Event()
        self._result: set[tuple[int, int]] = set()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(path, sheet_name), daemon=True,
                                        name="oshirase-formula-scan")
        self._thread.start()

    def _run(self, path: Path, sheet_name: str) -> None:
        try:
            self._result = find_uncached_formulas(path, sheet_name, self._stop)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller of result()
            self._error = exc

    def cancel(self) -> None:
        """Stop early and wait for the thread (the file is closed afterwards)."""
        self._stop.set()
        self._thread.join()

    def result(self) -> set[tuple[int, int]]:
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return self._result


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
                scan: _FormulaScan) -> SheetRows:
    first = header.row_index + 1
    data = list(enumerate(rows[first:], first + 1))  # (Excel row, cells) below the header
    uncached = {(r, c - col0) for r, c in scan.result()}
    return SheetRows(name, header, data, uncached)


def open_workbook(path: str | Path, sheet_name: str = "") -> WorkbookData:
    """Read the member sheet and the optional employer sheet.

    Raises:
        WorkbookError: not an Excel file, protected, truncated, no member
            sheet, or a required column missing (one clear message).
    """
    path = Path(path)
    _check_file_kind(path)
    try:
        wb = calamine.CalamineWorkbook.from_path(str(path))
        sheets = _visible_sheets(wb)
    except Exception:  # calamine raises several unrelated types for bad files
        raise WorkbookError(
            "Excel ファイルを読み込めません（ファイルが壊れているか、Excel 形式ではありません）。"
        ) from None
    try:
        return _open(path, wb, sheets, sheet_name)
    except WorkbookError:
        raise
    except Exception:
        raise WorkbookError(
            "Excel ファイルの内容を読み込めません（ファイルが壊れている可能性があります）。"
        ) from None
    finally:
        wb.close()


def _open(path: Path, wb, sheets: list[tuple[str, bool]], sheet_name: str) -> WorkbookData:
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
        scan = _FormulaScan(path, name)
        try:
            rows, col0 = _read_rows(wb, name)
            header = find_header_row(rows)
            if header is None:
                if sheet_name:
                    raise WorkbookError(
                        f"シート「{name}」の先頭20行に見出し行（事業所コード・記号・番号など）が見つかりません。"
                    )
                continue
            missing = header.missing(MEMBER_FIELDS)
            if missing:
                messages = " ".join(describe_missing(f) for f in missing)
                raise WorkbookError(f"シート「{name}」{header.row_index + 1}行目の見出し行: {messages}")
            members = _sheet_rows(name, header, rows, col0, scan)
        finally:
            scan.cancel()
        break
    if members is None:
        raise WorkbookError(
            "加入者のシートが見つかりません。先頭20行以内に「事業所コード」「記号」「番号」などの見出し行があるシートが必要です。"
        )
    return WorkbookData(path, members, _employer_sheet(path, wb, sheets, employer_names))


def _employer_sheet(path: Path, wb, sheets, employer_names: set[str]) -> SheetRows | None:
    for name, _visible in sheets:
        if normalize_header(name) not in employer_names:
            continue
        scan = _FormulaScan(path, name)
        try:
            rows, col0 = _read_rows(wb, name)
            header = find_header_row(rows, EMPLOYER_FIELDS)
            if header is None or "employer_code" not in header.columns:
                raise WorkbookError(f"シート「{name}」に見出し「事業所コード」が見つかりません。")
            return _sheet_rows(name, header, rows, col0, scan)
        finally:
            scan.cancel()
    return None


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
