"""Formula cells that have no saved (cached) value, in .xlsx and .ods files.

python-calamine returns a formula cell without a cached value as '' —
exactly like a blank cell — so the sheet's XML is scanned separately for
such cells, which are row errors. The scan only looks closer when the sheet
contains formulas at all, and runs in a background thread while calamine
reads the same sheet (calamine releases the GIL), so on two cores it costs
no time.

- **.xlsx / .xlsm:** a byte-level regex over the sheet's XML part: a ``<c>``
  with an ``<f>`` and no (or an empty) ``<v>``.
- **.ods:** the table's rows in ``content.xml``: a cell with
  ``table:formula`` and no ``office:value-type`` (repeated rows and columns
  counted as LibreOffice writes them).
- **.xls / .xlsb:** the binary formats always store a formula's result, so
  there is nothing to find; calamine reads that result.
"""

from __future__ import annotations

import posixpath
import re
import threading
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_SCAN_CHUNK = 1 << 20
_UNCACHED = re.compile(
    rb'<c r="([A-Z]+)([0-9]+)"([^>]*)>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)?\s*</c>'
)
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODS_CELLS = (_TABLE + "table-cell", _TABLE + "covered-table-cell")


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


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def _has_formula(zf: zipfile.ZipFile, part: str, tag: bytes, stop: threading.Event | None) -> bool:
    """Whether the part holds ``tag``: streamed, stops at the first one.

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
            if tag in last + chunk[:len(tag)] or tag in chunk:
                return True
            last = chunk[-len(tag):]


def find_uncached_formulas(path: Path, sheet_name: str,
                           stop: threading.Event | None = None) -> set[tuple[int, int]]:
    """(Excel row, absolute 0-based column) of .xlsx formulas with no cached value.

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
            if not _has_formula(zf, part, b"<f", stop):
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


def find_uncached_ods_formulas(path: Path, table_name: str,
                               stop: threading.Event | None = None) -> set[tuple[int, int]]:
    """(row, absolute 0-based column) of .ods formula cells with no saved value."""
    found: set[tuple[int, int]] = set()
    try:
        with zipfile.ZipFile(path) as zf:
            if not _has_formula(zf, "content.xml", b"table:formula=", stop):
                return found
            with zf.open("content.xml") as fh:
                _scan_ods_table(fh, table_name, found, stop)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return set()
    return found


def _scan_ods_table(fh, table_name: str, found: set[tuple[int, int]], stop: threading.Event | None) -> None:
    inside = False
    row = col = 0
    in_row: list[int] = []
    for event, el in ElementTree.iterparse(fh, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == _TABLE + "table":
                inside = el.get(_TABLE + "name") == table_name
            elif inside and tag == _TABLE + "table-row":
                col = 0
                in_row = []
            continue
        if not inside:
            if tag == _TABLE + "table-row":
                el.clear()
            continue
        if tag in _ODS_CELLS:
            repeat = int(el.get(_TABLE + "number-columns-repeated", "1"))
            if el.get(_TABLE + "formula") is not None and el.get(_OFFICE + "value-type") is None:
                in_row.extend(range(col, col + repeat))
            col += repeat
        elif tag == _TABLE + "table-row":
            repeat = int(el.get(_TABLE + "number-rows-repeated", "1"))
            for r in range(row + 1, row + 1 + repeat) if in_row else ():
                found.update((r, c) for c in in_row)
            row += repeat
            el.clear()
            if stop is not None and stop.is_set():
                return
        elif tag == _TABLE + "table":
            return


class FormulaScan:
    """A scan for formulas without a cached value, in a background thread.

    Started before calamine reads the same sheet: calamine releases the GIL
    while it parses, so the scan costs no time on a machine with two cores.
    ``kind`` is the file kind (``xlsx`` or ``ods``); any other kind has
    nothing to scan.
    """

    def __init__(self, path: Path, sheet_name: str, kind: str = "xlsx"):
        self._stop = threading.Event()
        self._result: set[tuple[int, int]] = set()
        self._error: BaseException | None = None
        scan = {"xlsx": find_uncached_formulas, "ods": find_uncached_ods_formulas}.get(kind)
        self._thread = None
        if scan is not None:
            self._thread = threading.Thread(target=self._run, args=(scan, path, sheet_name), daemon=True,
                                            name="oshirase-formula-scan")
            self._thread.start()

    def _run(self, scan, path: Path, sheet_name: str) -> None:
        try:
            self._result = scan(path, sheet_name, self._stop)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller of result()
            self._error = exc

    def cancel(self) -> None:
        """Stop early and wait for the thread (the file is closed afterwards)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def result(self) -> set[tuple[int, int]]:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return self._result
