"""What a member file really is, and whether that matches its extension.

The format a file is read as follows its extension (``.xlsx`` → Excel
workbook, ``.csv`` → delimited text, …). Before it is read, its first bytes
are looked at: a file whose content is something else (a CSV renamed
``.xlsx``, a PDF renamed ``.csv``, an encrypted workbook) is one clear error
that says what the file really is and what to do — never a reader's
traceback or a page of garbled text.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_OLE2_SEARCH_LIMIT = 16 << 20  # search a small OLE2 file whole when its directory says nothing

# extension → the kind of content it must hold
SUFFIX_KINDS: dict[str, str] = {
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".xlsb": "xlsb", ".xls": "xls", ".ods": "ods",
    ".csv": "text", ".tsv": "text", ".txt": "text",
}
MEMBER_FILE_SUFFIXES = tuple(SUFFIX_KINDS)
SPREADSHEET_KINDS = ("xlsx", "xlsb", "xls", "ods")

# kind → (what it is, in Japanese; the extension to give it, "" when none of ours reads it)
KIND_NAMES: dict[str, tuple[str, str]] = {
    "xlsx": ("Excel ブック（.xlsx / .xlsm）", ".xlsx"),
    "xlsb": ("Excel バイナリブック（.xlsb）", ".xlsb"),
    "xls": ("古い Excel 形式のブック（.xls）", ".xls"),
    "ods": ("OpenDocument スプレッドシート（.ods）", ".ods"),
    "text": ("テキスト（CSV など）", ".csv"),
    "encrypted": ("パスワードで保護された Excel ファイル", ""),
    "ole2": ("パスワードで保護された Excel ファイルか、古い Office 形式のファイル", ""),
    "word": ("Word 文書", ""),
    "powerpoint": ("PowerPoint ファイル", ""),
    "zip": ("ZIP 圧縮ファイル", ""),
    "pdf": ("PDF ファイル", ""),
    "html": ("HTML（Web ページ）", ""),
    "xml": ("XML ファイル", ""),
    "image": ("画像ファイル", ""),
    "binary": ("テキストでも Excel でもないバイナリファイル", ""),
    "empty": ("空のファイル（0 バイト）", ""),
}
_EXPECTED_NAMES = {
    "xlsx": "Excel ファイル", "xlsb": "Excel バイナリブック", "xls": "Excel 97-2003 ファイル",
    "ods": "OpenDocument スプレッドシート", "text": "CSV / テキストファイル",
}
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")


class WorkbookError(Exception):
    """The workbook cannot be used at all; ``message`` says why, in Japanese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_head(path: Path, size: int = 8192) -> bytes:
    """The first bytes of the file; a missing or unreadable file is a :class:`WorkbookError`."""
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except FileNotFoundError:
        raise WorkbookError(f"ファイルが見つかりません: {path}") from None
    except IsADirectoryError:
        raise WorkbookError(f"フォルダーです。加入者台帳のファイルを指定してください: {path}") from None
    except OSError as exc:
        raise WorkbookError(f"ファイルを開けません: {path}（{exc.strerror}）") from None


def _zip_kind(path: Path) -> str | None:
    """The kind of a zip container; None when the zip itself is broken."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and zf.read("mimetype").strip() == ODS_MIMETYPE:
                return "ods"
    except (zipfile.BadZipFile, EOFError, OSError, KeyError):
        return None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "word/document.xml" in names:
        return "word"
    if "ppt/presentation.xml" in names:
        return "powerpoint"
    return "zip"


def _ole2_kind(path: Path, head: bytes) -> str:
    """Encrypted OOXML, an .xls, a Word file, or unknown, from the stream names."""
    names = {"encrypted": ("EncryptedPackage", "EncryptionInfo"), "xls": ("Workbook", "Book"),
             "word": ("WordDocument",), "powerpoint": ("PowerPoint Document",)}

    def directory() -> bytes:  # the first sector of the directory: the usual place of the names
        if len(head) < 0x34:
            return b""
        shift, = struct.unpack_from("<H", head, 0x1E)
        first_dir, = struct.unpack_from("<I", head, 0x30)
        if not (7 <= shift <= 16 and first_dir < 0xFFFFFFFA):
            return b""
        with path.open("rb") as fh:
            fh.seek((first_dir + 1) << shift)
            return fh.read(1 << shift)

    def whole() -> bytes:
        return path.read_bytes() if path.stat().st_size <= _OLE2_SEARCH_LIMIT else b""

    for read in (directory, whole):
        data = read()
        for kind, streams in names.items():
            if any(s.encode("utf-16-le") + b"\0\0" in data for s in streams):
                return kind
    return "ole2"


def _text_kind(head: bytes) -> str:
    if not head:
        return "empty"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with a BOM (Excel's 「Unicode テキスト」)
    if b"\0" in head:
        return "binary"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<table" in start[:2048] and b"<td" in start:
        return "html"
    if start.startswith(b"<?xml"):
        return "html" if b"<html" in start else "xml"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return "binary" if controls > len(head) // 100 else "text"


def detect_kind(path: Path, head: bytes) -> str | None:
    """What the file holds (a key of :data:`KIND_NAMES`); None for a broken zip."""
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(OLE2_MAGIC):
        return _ole2_kind(path, head)
    return _text_kind(head)


def expected_kind(path: Path) -> str:
    """The kind the file's extension promises; an unknown extension is an error."""
    suffix = path.suffix.lower()
    kind = SUFFIX_KINDS.get(suffix)
    if kind is None:
        listed = "、".join(MEMBER_FILE_SUFFIXES)
        raise WorkbookError(
            f"この種類のファイル（{suffix or '拡張子なし'}）は読み込めません。"
            f"加入者台帳は次の形式で指定してください: {listed}。")
    return kind


def check_kind(path: Path) -> str:
    """The kind of ``path`` as its extension says, after checking its content matches.

    Raises:
        WorkbookError: missing or unreadable, empty, broken, encrypted, or
            content of another kind than the extension says (the message
            names what the file really is).
    """
    want = expected_kind(path)
    head = read_head(path)
    if not head:
        raise WorkbookError("ファイルが空です（0 バイト）。加入者台帳をもう一度出力してください。")
    got = detect_kind(path, head)
    if got is None:
        raise WorkbookError(
            "Excel ファイルが壊れています（途中で切れているか、破損しています）。元のファイルをもう一度出力してください。")
    if got == want:
        return want
    if got == "encrypted":
        raise WorkbookError(
            "このファイルはパスワードで保護されています。Excel でパスワードを解除し、保存し直してください。")
    if got == "ole2" and want == "xlsx":
        raise WorkbookError(
            "このファイルはパスワードで保護されているか、古い Excel 形式（.xls）です。"
            "Excel でパスワードを解除し、.xlsx 形式で保存し直してください。")
    what, right = KIND_NAMES[got]
    space = " " if what[:1].isascii() else ""  # 「中身は PDF ファイル」, 「中身はテキスト」
    message = f"ファイルの拡張子は「{path.suffix}」（{_EXPECTED_NAMES[want]}）ですが、中身は{space}{what}です。"
    if right:
        message += f"拡張子を「{right}」に直してから開いてください。"
    else:
        message += "加入者台帳を Excel か CSV の形式で出力し直してください。"
    raise WorkbookError(message)
