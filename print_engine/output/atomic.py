"""A folder that appears complete or not at all: every run's output is written through it.

Everything is written to a temporary folder beside the target and moved
into place only when the whole run succeeded: a failed or cancelled run
leaves nothing half-written, and a replaced folder's old content is removed
only after the new one is in place.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from print_engine.errors import OperatorError
from print_engine.output import open_files


class BatchError(OperatorError):
    """The run cannot start or failed; nothing was written."""


def check_target(target: Path, force: bool) -> None:
    """The output folder is usable: absent, empty, or replaced with ``force``.

    A folder to be replaced must have no file another program holds open (a
    PDF in a viewer, which Windows locks): that is found here, before the
    run renders anything, and not when the finished run is moved into place.

    Raises:
        BatchError: with the message the operator sees.
    """
    try:
        if target.exists() and not target.is_dir():
            raise BatchError(f"出力先 {target} はフォルダではありません。")
        if target.is_dir() and any(target.iterdir()) and not force:
            raise BatchError(
                f"出力フォルダ {target} は空ではありません。別のフォルダを指定するか --force で置き換えてください。"
            )
        if force and target.is_dir():
            held = open_files.open_files(target)
            if held:
                raise BatchError(open_files.open_file_message(target, held))
    except OSError as exc:
        raise BatchError(f"出力フォルダ {target} を確認できません（{exc.strerror or exc}）。") from None


class AtomicOutput:
    """A folder that appears complete or not at all."""

    def __init__(self, target: Path, force: bool):
        self.target = Path(target)
        check_target(self.target, force)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self.tmp = self.target.parent / f".{self.target.name}.partial-{os.getpid()}"
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp.mkdir()
        except OSError as exc:
            raise BatchError(f"出力フォルダ {self.target} を作れません（{exc.strerror or exc}）。") from None

    def commit(self) -> None:
        old = None
        if self.target.is_dir():
            if any(self.target.iterdir()):
                old = self.target.parent / f".{self.target.name}.old-{os.getpid()}"
                shutil.rmtree(old, ignore_errors=True)
                self.target.rename(old)
            else:
                self.target.rmdir()
        try:
            self.tmp.rename(self.target)
        except OSError:
            if old is not None:  # put the previous content back where it was
                old.rename(self.target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
