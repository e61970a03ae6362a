"""Reading a member list exported as delimited text: CSV, TSV, 「Unicode テキスト」.

Core insurance systems in Japan often write their member master straight to
CSV, frequently in Shift_JIS. Read directly, every cell stays the text the
system wrote: 記号・番号 keep their leading zeros and dates keep their form,
which opening the file in Excel first would destroy.

- **Encoding:** a BOM decides (UTF-8, UTF-16); else UTF-8 when the whole file
  decodes as UTF-8; else CP932 (Shift_JIS with the Windows extensions Japanese
  systems write, e.g. ①, ㈱, 髙). ``[sheet] encoding = "utf-8" | "cp932"`` in
  the run profile forces one (a BOM still wins: it cannot be wrong).
- **Delimiter:** comma, tab or semicolon, whichever makes a header row of
  known column names within the first 20 records.
- **Rows:** each record keeps the file line on which it starts, so a message
  names the line an editor shows, even after a quoted field with a line break.

The header search, the sheet's rows and the row errors are shared with the
Excel formats (:mod:`print_engine.read.workbook`).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from print_engine.read.columns import HEADER_SEARCH_ROWS, count_known
from print_engine.read.file_kind import WorkbookError

DELIMITER_NAMES = {",": "カンマ", "\t": "タブ", ";": "セミコロン"}
_ENCODING_NAMES = {"utf-8-sig": "UTF-8（BOM 付き）", "utf-8": "UTF-8", "cp932": "Shift_JIS（CP932）",
                   "utf-16": "UTF-16（BOM 付き）"}
_SNIFF_CHARS = 1 << 16  # the delimiter is chosen from the start of the file


@dataclass(slots=True)
class DelimitedText:
    """The records of a delimited file.

    ``rows[i]`` is one record (every cell text); ``lines[i]`` the 1-based file
    line on which it starts. ``encoding`` is a codec name (``utf-8-sig``,
    ``utf-8``, ``cp932``, ``utf-16``); ``guessed`` says it was not given by a
    BOM or the profile, but chosen because UTF-8 did not fit.
    """

    rows: list[list[str]]
    lines: list[int]
    delimiter: str
    encoding: str
    guessed: bool = False

    def note(self) -> str:
        """One line for the summary: the format, delimiter and encoding as read."""
        text = (f"CSV として読み込みました（区切り文字: {DELIMITER_NAMES[self.delimiter]}、"
                f"文字コード: {_ENCODING_NAMES[self.encoding]}）。")
        if self.guessed:
            return (text + "UTF-8 としては読めないため Shift_JIS（CP932）と判定しました。"
                    "文字化けしているときは、実行プロファイルの [sheet] encoding で文字コードを指定してください。")
        return text


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line of byte ``offset`` (CR, LF and CRLF end a line)."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def decode(data: bytes, wanted: str = "auto") -> tuple[str, str, bool]:
    """(text, codec, guessed) of the file's bytes.

    Raises:
        WorkbookError: the bytes fit no encoding allowed (naming the line).
    """
    if data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    elif wanted in ("utf-8", "cp932"):
        codec = wanted
    else:
        try:
            return data.decode("utf-8"), "utf-8", False
        except UnicodeDecodeError as utf8:
            try:
                return data.decode("cp932"), "cp932", True
            except UnicodeDecodeError as sjis:
                raise WorkbookError(
                    "文字コードを判定できません。UTF-8 としては "
                    f"{_line_of(data, utf8.start)}行目、Shift_JIS（CP932）としては {_line_of(data, sjis.start)}行目に"
                    "読めない文字があります。加入者台帳を UTF-8 か Shift_JIS で出力し直してください。") from None
    try:
        return data.decode(codec), codec, False
    except UnicodeDecodeError as exc:
        why = "BOM" if codec in ("utf-8-sig", "utf-16") else "実行プロファイルの [sheet] encoding"
        line = _line_of(data, exc.start)
        raise WorkbookError(
            f"{line}行目が {_ENCODING_NAMES[codec]}（{why} による指定）として読めません。"
            "ファイルが壊れていないか、文字コードの指定が正しいかを確認してください。") from None


def _line_count(text: str) -> int:
    """Physical lines: CR, LF and CRLF end a line; a last line without an ending counts."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    return ends + (0 if text.endswith(("\n", "\r")) else 1)


def _records(text: str, delimiter: str, limit: int = 0) -> tuple[list[list[str]], list[int]]:
    """Records and their first lines; at most ``limit`` records when given (no checks).

    When every record is one line (no quoted line breaks: the common case)
    the records are read in one go and numbered 1, 2, 3, …; otherwise each
    record's first line is taken from the reader as it goes.
    """
    if not limit:
        every = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        count = _line_count(text)
        if len(every) == count:
            return every, list(range(1, count + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    add_row, add_line = rows.append, lines.append
    last = 0
    for record in reader:
        add_row(record)
        add_line(last + 1)
        last = reader.line_num
        if limit and len(rows) >= limit:
            break
    return rows, lines


def choose_delimiter(text: str, suffix: str) -> str:
    """The delimiter whose split of the first records shows the most known headers."""
    head = text[:_SNIFF_CHARS]
    best, best_known = "", 0
    for delimiter in DELIMITER_NAMES:
        if delimiter not in head:
            continue
        rows, _ = _records(head, delimiter, HEADER_SEARCH_ROWS)
        known = max(map(count_known, rows), default=0)
        if known > best_known:
            best, best_known = delimiter, known
    if best:
        return best
    first = head.split("\n", 1)[0]
    return "\t" if suffix == ".tsv" or ("\t" in first and "," not in first) else ","


def _check_quotes(text: str, rows: list[list[str]], lines: list[int], delimiter: str) -> None:
    """An opening quote that is never closed swallows the rest of the file: refuse it.

    Only the last record can end inside quotes; its text is parsed again
    strictly. A stray quote inside an unquoted value (``ab"c``) stays a
    character, as Excel reads it: only the end of the data inside a quoted
    value is an error.
    """
    if not rows:
        return
    start = lines[-1]
    if any("\n" in cell or "\r" in cell for cell in rows[-1]):
        tail = io.StringIO(text, newline="")
        for _ in range(start - 1):
            tail.readline()
        source = tail.read()
    else:
        body = text.rstrip("\r\n")
        source = body[max(body.rfind("\n"), body.rfind("\r")) + 1:]
    if '"' not in source:
        return
    try:
        for _ in csv.reader(io.StringIO(source, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        if "end of data" not in str(exc):
            return
        raise WorkbookError(
            f"{start}行目で始まる引用符（\"）が閉じられていません（ファイルの最後まで 1 つの値になります）。"
            "値を囲む \" の対応を確認し、値の中の \" は \"\" と書いてください。") from None


def _unwrap_formula_text(rows: list[list[str]]) -> None:
    """``="0123"`` (written by exports to keep Excel from dropping zeros) is the text ``0123``."""
    for row in rows:
        for i, cell in enumerate(row):
            if cell.startswith('="') and cell.endswith('"') and len(cell) >= 3:
                row[i] = cell[2:-1].replace('""', '"')


def read_delimited(path: str | Path, encoding: str = "auto") -> DelimitedText:
    """Read every record of a CSV/TSV file.

    Args:
        path: the file (its kind already checked as text).
        encoding: ``auto``, ``utf-8`` or ``cp932`` (``[sheet] encoding``).

    Raises:
        WorkbookError: unreadable, empty, bytes of no encoding, or an
            unterminated quote (one clear message each).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(f"ファイルを開けません: {path}（{exc.strerror}）") from None
    text, codec, guessed = decode(data, encoding)
    del data
    if "\0" in text:
        raise WorkbookError("テキストファイルではありません（NUL 文字を含みます）。加入者台帳を CSV で出力し直してください。")
    if not text.strip(" \t\r\n,;\ufeff"):
        raise WorkbookError("ファイルが空です（見出し行もデータもありません）。加入者台帳をもう一度出力してください。")
    delimiter = choose_delimiter(text, path.suffix.lower())
    try:
        rows, lines = _records(text, delimiter)
    except csv.Error:  # a "field" of more than 128 KB: no CSV a system writes
        raise WorkbookError("CSV として読めません（1 つの値が極端に長いか、テキストでないデータを含みます）。"
                            "加入者台帳を CSV で出力し直してください。") from None
    _check_quotes(text, rows, lines, delimiter)
    if '="' in text:
        _unwrap_formula_text(rows)
    return DelimitedText(rows, lines, delimiter, codec, guessed)
