"""Which recent files still exist, found out off the GUI thread.

A recent file on a network share that is offline can make a plain
existence check hang for tens of seconds (SMB time-outs). The recent-files
menu is therefore built at once from the recorded paths, and each path is
checked on a background thread, one after the other; a file that turns out
to be missing is greyed out when the answer comes. A hung check holds up
nothing but that thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal


class RecentFilesCheck(QObject):
    """Checks paths for existence in a daemon thread.

    Signals:
        checked(str, bool): a path and whether it is a file (delivered on the GUI thread).
    """

    checked = Signal(str, bool)

    def check(self, paths: list[str]) -> threading.Thread:
        """Start checking ``paths`` (newest first); returns the thread (tests may join it)."""
        emit = self.checked.emit

        def run() -> None:
            for path in paths:
                try:
                    exists = Path(path).is_file()
                except OSError:
                    exists = False
                emit(path, exists)

        thread = threading.Thread(target=run, name="oshirase-recent-files", daemon=True)
        thread.start()
        return thread
