"""Which ledger a command uses, and how to reach it (``ledger.md``, "Where it lives").

Chosen in this order: ``--ledger URL|PATH``, the environment variable
``OSHIRASE_LEDGER``, the window's setting, the default file
``ledger.sqlite3`` in the per-user data folder (:func:`print_engine.user_data.data_dir`:
``OSHIRASE_DATA_DIR`` if set, else Windows ``%LOCALAPPDATA%\\Oshirase``, Linux
``~/.local/share/Oshirase``, macOS ``~/Library/Application Support/Oshirase``).
``--no-ledger`` uses none.

A PostgreSQL ledger is named by a URL (``postgresql://user@host/dbname``)
and reached through psycopg 3. A SQLite file on a network share is refused:
SQLite's locking is unreliable there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from print_engine.errors import OperatorError
from print_engine.user_data import data_dir

ENV_VAR = "OSHIRASE_LEDGER"
DEFAULT_FILE = "ledger.sqlite3"


class LedgerError(OperatorError):
    """The ledger cannot be used; ``message`` is the one Japanese line the operator sees."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class LedgerLocation:
    """Where a ledger is: the SQLAlchemy URL and what to call it in messages.

    ``label`` never shows a password.
    """

    url: str
    label: str
    path: Path | None = None  # the SQLite file; None for PostgreSQL

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None


def default_ledger_path() -> Path:
    """``ledger.sqlite3`` in the per-user data folder (``OSHIRASE_DATA_DIR`` if set; not created here)."""
    return data_dir() / DEFAULT_FILE


_PG_SCHEMES = re.compile(r"^(postgresql|postgres)(\+psycopg)?://", re.IGNORECASE)


def _is_unc(text: str) -> bool:
    return text.startswith("\\\\") or text.startswith("//")


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def location_of(value: str | os.PathLike) -> LedgerLocation:
    """A ``--ledger`` value: a PostgreSQL URL, a ``sqlite:///`` URL or a file path.

    Raises:
        LedgerError: a network path for SQLite, or a URL of another database.
    """
    text = str(value).strip()
    if not text:
        raise LedgerError("台帳の指定が空です。ファイルのパスか postgresql:// で始まる URL を指定してください。")
    m = _PG_SCHEMES.match(text)
    if m:
        url = "postgresql+psycopg://" + text[m.end():]
        return LedgerLocation(url, _hide_password(text))
    if text.lower().startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise LedgerError(
            f"台帳の URL「{scheme}://…」は使えません。PostgreSQL（postgresql://…）か SQLite のファイルを指定してください。"
        )
    if _is_unc(text):
        raise LedgerError(
            f"台帳ファイル {text} はネットワーク上の共有フォルダにあります。SQLite の台帳は共有フォルダでは"
            "正しく排他できないため使えません。複数の担当者で共有するには PostgreSQL の台帳（postgresql://…）を使ってください。"
        )
    path = Path(text).expanduser().absolute()
    return LedgerLocation("sqlite:///" + path.as_posix(), str(path), path)


def choose_ledger(
    option: str | None = None,
    no_ledger: bool = False,
    window_setting: str | None = None,
    environ: dict[str, str] | None = None,
) -> LedgerLocation | None:
    """The ledger to use: option, environment, window setting, default; None with ``no_ledger``."""
    if no_ledger:
        return None
    environ = os.environ if environ is None else environ
    for value in (option, environ.get(ENV_VAR), window_setting):
        if value:
            return location_of(value)
    return location_of(default_ledger_path())
