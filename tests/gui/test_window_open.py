"""Opening workbooks: the table fills, the counts are `check`'s, errors are shown."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QTreeWidget, QWidget

from .conftest import BROKEN, ROOT, SAMPLE, SAMPLE_ERRORS, SAMPLES, load

EXPECTED = json.loads((SAMPLES / "sample-expected.json").read_text(encoding="utf-8"))

OBJECT_NAMES = {
    "openAction": None, "printAction": None, "exportPdfAction": None, "settingsAction": None,
    "employerTree": QTreeWidget, "memberTable": QTableView, "employerFilter": QWidget,
    "affiliationFilter": QWidget, "statusFilter": QWidget, "searchBox": QLineEdit,
    "problemsPanel": QWidget, "previewView": QWidget,
}


def check_output(path) -> list[str]:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(path)], capture_output=True,
                          cwd=ROOT, check=False, timeout=120)
    return done.stdout.decode("utf-8").splitlines()


def test_main_widgets_have_their_object_names(window):
    from PySide6.QtGui import QAction

    for name, kind in OBJECT_NAMES.items():
        found = window.findChild(QAction if kind is None else kind, name)
        assert found is not None, name


def test_opening_the_sample_fills_the_table_with_check_s_counts(qtbot, window):
    load(qtbot, window, SAMPLE)
    assert window.table.model().rowCount() == EXPECTED["members_rows"] == 201
    counts = window.counts()
    assert counts["included"] == EXPECTED["included"]
    assert counts["envelopes"] == EXPECTED["envelopes"]
    assert counts["employers"] == EXPECTED["employers_with_envelope"]
    for code, n in EXPECTED["reasons"].items():
        assert counts[code] == n
    # the status bar says what `main.py check` says
    lines = check_output(SAMPLE)
    figures = dict(line.split(": ", 1) for line in lines[1:6])
    status = window.counts_label.text()
    assert f"加入者 {int(figures['加入者の行数']):,} 行" in status
    assert f"対象 {int(figures['お知らせの対象者']):,} 人" in status
    assert f"封筒 {int(figures['封筒（世帯）']):,}" in status
    assert "エラー 0" in status and "警告 3" in status
    assert window.windowTitle().startswith("sample.xlsx")


def test_the_employer_tree_counts_envelopes_and_notices(sample_window):
    tree = sample_window.tree
    root = tree.topLevelItem(0)
    seen = {}
    for i in range(root.childCount()):
        item = root.child(i)
        code = item.text(0).split()[0]
        seen[code] = (int(item.text(1)), int(item.text(2)))
    assert list(seen) == ["1", "2", "10", "101", "2001"]  # numeric-aware order
    for code, (envelopes, notices) in seen.items():
        assert envelopes == EXPECTED["envelopes_per_employer"][code]
        assert notices == EXPECTED["notices_per_employer"][code]
    assert (int(root.text(1)), int(root.text(2))) == (85, 177)


def test_problems_panel_lists_every_warning_with_its_excel_row(sample_window):
    problems = sample_window.problems.model.problems
    assert [(p.row, p.is_error) for p in problems] == [(48, False), (91, False), (187, False)]
    assert "警告 3 件" in sample_window.problems.title.text()


def test_row_errors_are_listed_and_announced(qtbot, window):
    load(qtbot, window, SAMPLE_ERRORS)
    expected = json.loads((SAMPLES / "sample-errors-expected.json").read_text(encoding="utf-8"))
    errors = [p for p in window.problems.model.problems if p.is_error]
    assert len(errors) == len(expected["errors"])
    assert window.message_bar.kind == "warning"
    assert "エラー" in window.message_bar.message()
    window.filters.status.setEditText("error")
    rows = {window.model.member(r).row for r in window.proxy.source_rows()}
    assert rows == set(expected["invalid_rows"])


@pytest.mark.parametrize("name", ["not-excel.xlsx", "truncated.xlsx", "missing-column.xlsx", "password.xlsx"])
def test_a_broken_workbook_shows_its_message_not_a_traceback(qtbot, window, name):
    path = BROKEN / name
    if not path.exists():
        pytest.fail(f"{path} is missing: regenerate the samples")
    load(qtbot, window, path)
    text = window.message_bar.message()
    assert window.message_bar.kind == "error"
    assert text and "Traceback" not in text and "Error" not in text
    assert window.session.loaded is None
    assert window.table.model().rowCount() == 0
    assert window.actions.open.isEnabled()
    assert not window.actions.print.isEnabled()


def test_a_missing_file_is_reported_in_the_window(qtbot, window, tmp_path):
    load(qtbot, window, tmp_path / "nothing.xlsx")
    assert "見つかりません" in window.message_bar.message()


def test_dropping_a_workbook_opens_it(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.session.workbook_loaded, timeout=30_000):
        window.dropEvent(event)
    assert window.table.model().rowCount() == 201


def test_loading_shows_progress_and_can_be_cancelled(qtbot, window, monkeypatch):
    import threading

    import gui.session as session_module

    release = threading.Event()
    real = session_module.load_members

    def slow_load(path, profile, progress, cancelled, uncovered):
        progress(0, 10, "行を確認しています")
        release.wait(10)
        if cancelled():
            from print_engine.plan.run import Cancelled

            raise Cancelled
        return real(path, profile, progress, cancelled, uncovered)

    monkeypatch.setattr(session_module, "load_members", slow_load)
    job = window.open_workbook(SAMPLE)
    qtbot.waitUntil(lambda: window.status_progress.isVisible(), timeout=5000)  # shown after 0.5 s
    assert not window.actions.open.isEnabled()
    with qtbot.waitSignal(window.session.busy_changed, timeout=10_000):
        window.status_progress.cancel_button.click()
        assert job.cancel_event.is_set()
        release.set()
    assert window.session.loaded is None
    assert "中止" in window.message_bar.message()
    assert not window.status_progress.isVisible()


def test_the_window_never_shows_a_label_in_english(sample_window):
    texts = [w.text() for w in sample_window.findChildren(QLabel) if w.text()]
    texts += [a.text() for a in sample_window.actions.__dict__.values() if hasattr(a, "text") and callable(a.text)]
    ascii_words = [t for t in texts if t.isascii() and any(c.isalpha() for c in t) and t not in ("×",)]
    assert ascii_words == []
