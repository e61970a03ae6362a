"""Where the app keeps what belongs to the user, not to the install (the engine owns it: no Qt).

One folder per user, outside the program folder, so that an upgrade or an
uninstall never touches it (``installer/oshirase.nsi``)::

    Windows  %LOCALAPPDATA%\\Oshirase\\           ledger.sqlite3 (the default ledger), oshirase.ini
                                                 (window settings), logs\\
    Linux    ~/.local/share/Oshirase/            (XDG_DATA_HOME)
    macOS    ~/Library/Application Support/Oshirase/

Run records of printer runs go to ``Documents/Oshirase/runs`` (the window's
setting); run profiles are wherever the user saved them.
``OSHIRASE_DATA_DIR`` overrides the folder (tests, a portable install), for
the ledger (:func:`print_engine.ledger.location.default_ledger_path`), the
window's settings and the log alike.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "OSHIRASE_DATA_DIR"
APP_DIR = "Oshirase"


def data_dir() -> Path:
    """The per-user data folder (not created)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR, appauthor=False, roaming=False))


def logs_dir() -> Path:
    """The support log's folder (not created)."""
    return data_dir() / "logs"
