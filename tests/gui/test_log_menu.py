"""The window and the support log: Help → 「ログフォルダを開く」, loads logged."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QDesktopServices

from print_engine.user_data import logs_dir

from .conftest import SAMPLE_ERRORS, load


def test_help_menu_opens_the_log_folder(window, monkeypatch, tmp_path):
    monkeypatch.setenv("OSHIRASE_DATA_DIR", str(tmp_path / "data"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("ヘルプ"))
    action = next(a for a in help_menu.actions() if a.text() == "ログフォルダを開く")
    action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [tmp_path / "data" / "logs"]
    assert logs_dir().is_dir()


def test_a_load_in_the_window_is_logged_with_its_counts_and_problems(qtbot, window, caplog):
    caplog.set_level(logging.INFO, logger="oshirase.engine")
    load(qtbot, window, SAMPLE_ERRORS)
    lines = [r.getMessage() for r in caplog.records if r.name == "oshirase.engine"]
    assert any(line.startswith("run ") and " load ok in " in line and "errors=" in line for line in lines)
    assert any(line.startswith("problem ERROR ") for line in lines)


def test_a_background_job_that_fails_leaves_its_traceback_in_the_log(qtbot, caplog):
    from print_engine.errors import OperatorError

    from gui.jobs import run_job

    def broken(ctx):
        return {}["missing"]

    errors = []
    run_job(None, broken, lambda v: None, errors.append)
    run_job(None, lambda ctx: (_ for _ in ()).throw(OperatorError("用紙がありません")), lambda v: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    failed = [r for r in caplog.records if r.name == "oshirase.gui"]
    assert [r.getMessage() for r in failed] == ["background job failed: KeyError"]  # not the operator's error
    assert failed[0].exc_info and failed[0].exc_info[0] is KeyError
