"""Help → 「ログフォルダを開く」 opens the support log's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDesktopServices

from oshirase.user_data import logs_dir


def test_help_menu_opens_the_log_folder(window, monkeypatch, tmp_path):
    monkeypatch.setenv("OSHIRASE_DATA_DIR", str(tmp_path / "data"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("ヘルプ"))
    action = next(a for a in help_menu.actions() if a.text() == "ログフォルダを開く")
    action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [tmp_path / "data" / "logs"]
    assert logs_dir().is_dir()
