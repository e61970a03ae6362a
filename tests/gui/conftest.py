"""Fixtures for the desktop-app tests (pytest-qt, offscreen).

``QT_QPA_PLATFORM=offscreen`` (with a 1920 × 1200 screen from
``offscreen.json``) is set before any ``QApplication`` exists, the
window's settings go to a temporary INI file for every test, and modal
dialogs are never left to block: tests patch ``exec`` where a dialog would
open. Waiting is done on signals (``qtbot.waitSignal`` / ``waitUntil``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Offscreen, with a full-HD screen (the plugin's default screen is 800 × 800,
# which would clamp the window's restored geometry).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen.json')}"

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
SAMPLE = SAMPLES / "sample.xlsx"
SAMPLE_ERRORS = SAMPLES / "sample-errors.xlsx"
BROKEN = SAMPLES / "broken"
LOAD_TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def qapp_args():
    return ["oshirase-tests"]


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp):
    """Every test gets its own settings file and run folder (never the user's)."""
    from gui import settings
    from gui.app import create_application

    create_application()
    monkeypatch.setattr(settings, "SETTINGS_PATH", tmp_path / "settings" / "oshirase.ini")
    settings.write("files/runs_dir", str(tmp_path / "runs"))
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)


@pytest.fixture
def window(qtbot):
    """A main window with nothing loaded (closed and its jobs finished afterwards)."""
    from gui import create_main_window

    win = create_main_window()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close()


def load(qtbot, win, path: Path) -> None:
    """Open ``path`` in ``win`` and wait until it is loaded (or failed)."""
    s = win.session
    with qtbot.waitSignals([s.busy_changed], timeout=LOAD_TIMEOUT_MS,
                           check_params_cbs=[lambda busy: busy is False]):
        win.open_workbook(path)


@pytest.fixture
def sample_window(qtbot, window):
    """The main window with ``sample.xlsx`` loaded."""
    load(qtbot, window, SAMPLE)
    assert window.session.loaded is not None
    return window


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A copy of the sample workbook the test may change or delete."""
    target = tmp_path / "sample.xlsx"
    shutil.copy(SAMPLE, target)
    return target
