"""The window's own settings: geometry, splitters, recent files, last folders.

Kept in an INI file through ``QSettings`` (one file, readable, easy to delete
when something goes wrong). Every key is declared once in ``_DEFAULTS``, which
gives both its default and its type; an unknown key raises ``KeyError`` so a
typo cannot silently create a new setting. Tests point :data:`SETTINGS_PATH`
at a temporary folder (see ``tests/gui/conftest.py``).

These settings never change what is printed: everything that does lives in
the run profile (TOML), which the settings dialog edits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT_FILES = 8

_DEFAULTS: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "window/main_splitter": QByteArray(),
    "window/centre_splitter": QByteArray(),
    "window/table_header": QByteArray(),
    "files/recent": [],
    "files/last_open_dir": "",
    "files/last_export_dir": "",
    "files/runs_dir": "",
    "profile/path": "",
    "ledger/location": "",  # the window's ledger (a SQLite file or postgresql://…); '' = the default file
    "preview/zoom": "page",
    "preview/show_window": True,
}

SETTINGS_PATH: Path | None = None
"""The INI file; ``None`` means ``oshirase.ini`` in the per-user data folder
(``%LOCALAPPDATA%\\Oshirase`` on Windows, :mod:`print_engine.user_data`), which
the installer's upgrade and uninstall never touch."""


def settings_path() -> Path:
    """Return the INI file the settings are kept in."""
    if SETTINGS_PATH is not None:
        return Path(SETTINGS_PATH)
    from print_engine import data_dir

    return data_dir() / "oshirase.ini"


def _settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def read(key: str) -> Any:
    """Return the stored value of ``key`` converted to its default's type.

    Raises:
        KeyError: ``key`` is not a declared setting.
    """
    default = _DEFAULTS[key]
    value = _settings().value(key, default)
    if value is None:
        return default
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
    if isinstance(default, list):
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value]
    if isinstance(default, QByteArray):
        return value if isinstance(value, QByteArray) else QByteArray()
    return type(default)(value)


def write(key: str, value: Any) -> None:
    """Store ``value`` under ``key``.

    Raises:
        KeyError: ``key`` is not a declared setting.
    """
    if key not in _DEFAULTS:
        raise KeyError(key)
    settings = _settings()
    settings.setValue(key, value)
    settings.sync()


def recent_files() -> list[str]:
    """The recently opened workbooks, newest first, as recorded.

    Nothing is checked here: a path on an offline network share could block.
    The menu checks them in the background (``gui/recent_files.py``).
    """
    return list(read("files/recent"))


def add_recent_file(path: str | Path) -> list[str]:
    """Put ``path`` at the top of the recent files and return the new list."""
    text = str(Path(path).resolve())
    files = [text] + [p for p in read("files/recent") if p != text]
    files = files[:MAX_RECENT_FILES]
    write("files/recent", files)
    write("files/last_open_dir", str(Path(text).parent))
    return files


def default_runs_dir() -> Path:
    """Where printer runs keep their manifest (for a later reprint)."""
    chosen = read("files/runs_dir")
    if chosen:
        return Path(chosen)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "Oshirase" / "runs"
