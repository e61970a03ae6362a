"""Files of an output folder that another program holds open (a PDF in a viewer).

On Windows a PDF open in Acrobat Reader and most viewers is locked: it cannot
be replaced, moved or deleted until the viewer closes it. Replacing an export
folder that holds one would fail only at the very end, after the whole
render. :func:`open_files` finds such files first, so that the run can stop
before rendering with one message naming the file (:func:`open_file_message`),
the old output intact.

A file is "held open" when it cannot be opened for update although its own
read-only flag does not forbid it; on Linux and macOS nothing locks a file
this way, so nothing is ever reported there.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_LISTED = 3


def is_held_open(path: Path) -> bool:
    """True if another program holds ``path`` open so that it cannot be replaced."""
    if not os.access(path, os.W_OK):  # read-only on purpose: not a lock
        return False
    try:
        with open(path, "r+b"):
            return False
    except PermissionError:
        return True
    except OSError:
        return False


def open_files(folder: Path, limit: int = MAX_LISTED) -> list[Path]:
    """Up to ``limit`` files under ``folder`` (recursively) that are held open."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and is_held_open(path):
            found.append(path)
            if len(found) >= limit:
                break
    return found


def open_file_message(folder: Path, files: list[Path]) -> str:
    """The operator's message: which file is open and what to do."""
    names = "、".join(f"「{p.relative_to(folder) if p.is_relative_to(folder) else p.name}」" for p in files)
    return (
        f"出力先のファイル {names} が他のアプリ（PDF ビューアなど）で開かれているため、"
        f"フォルダ {folder} を置き換えられません。そのファイルを閉じてから、もう一度出力してください。"
        "何も書き込んでいません（前回の出力はそのまま残っています）。"
    )
