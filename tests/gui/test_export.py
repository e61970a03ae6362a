"""Export to PDF from the window: the same files as ``main.py batch``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from .conftest import ROOT, SAMPLE
from .dialogs import answer_print_dialog, controller


def cli_batch(out: Path, *options: str) -> Path:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "batch", str(SAMPLE), "--out", str(out),
                           "--workers", "1", *options], capture_output=True, cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return out


def assert_same_folders(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    differing = [name for name in names if (a / name).read_bytes() != (b / name).read_bytes()]
    assert differing == []  # names only: a byte diff of two PDFs is unreadable (and slow to build)


def export(qtbot, win, monkeypatch, out: Path, **choices):
    run = {k: choices.pop(k) for k in ("variant", "order") if k in choices}
    if run:  # the variant and the order are the settings' (the preview shows them), not the dialog's
        from dataclasses import replace

        win.session.set_profile(replace(win.session.profile, run=replace(win.session.profile.run, **run)))
    answer_print_dialog(monkeypatch, "pdf", out_dir=out, **choices)
    runs = controller(win)
    with qtbot.waitSignal(runs.run_finished, timeout=120_000) as blocker:
        win.actions.export_pdf.trigger()
    return blocker.args[0]


def test_export_writes_the_same_files_as_the_batch_command(qtbot, sample_window, monkeypatch, tmp_path):
    summary = export(qtbot, sample_window, monkeypatch, tmp_path / "gui")
    cli = cli_batch(tmp_path / "cli")
    assert_same_folders(tmp_path / "gui", cli)
    assert summary.kind == "pdf" and len(summary.files) == 5
    assert sum(p for _, p in summary.files) == summary.pages
    assert {row[0]: row[3] for row in summary.employers} == {"1": 7, "2": 9, "10": 54, "101": 10, "2001": 5}
    dialog = controller(sample_window).summary_dialog
    assert dialog.isVisible()
    from PySide6.QtWidgets import QLabel

    assert "PDF 5 ファイル" in dialog.findChild(QLabel, "summaryHeadline").text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog.open_manifest.click()
    dialog.open_folder.click()
    assert opened == [str(tmp_path / "gui" / "manifest.csv"), str(tmp_path / "gui")]
    # the window shows the whole workbook again after the run
    assert sample_window.counts()["NOT_SELECTED"] == 0


@pytest.mark.parametrize("choices, options", [
    ({"variant": "initial", "order": "affiliation", "documents": "notices", "split": "run"},
     ["--order", "affiliation", "--documents", "notices", "--split", "run"]),
    ({"order": "number", "split": "pages"}, ["--order", "number", "--split", "pages:500"]),
])
def test_export_options_are_the_batch_options(qtbot, sample_window, monkeypatch, tmp_path, choices, options):
    export(qtbot, sample_window, monkeypatch, tmp_path / "gui", **choices)
    assert_same_folders(tmp_path / "gui", cli_batch(tmp_path / "cli", *options))


def test_filtered_scope_is_the_employer_selector(qtbot, sample_window, monkeypatch, tmp_path):
    sample_window.filters.employer.setEditText("10")
    sample_window.filters.affiliation.setEditText("2")
    export(qtbot, sample_window, monkeypatch, tmp_path / "gui", scope="filtered")
    cli = cli_batch(tmp_path / "cli", "--employer", "10", "--affiliation", "2")
    assert_same_folders(tmp_path / "gui", cli)


def test_checked_employers_scope(qtbot, sample_window, monkeypatch, tmp_path):
    tree = sample_window.tree
    tree.set_all_checked(False)
    root = tree.topLevelItem(0)
    from PySide6.QtCore import Qt

    for i in range(root.childCount()):
        if root.child(i).text(0).split()[0] in ("2", "2001"):
            root.child(i).setCheckState(0, Qt.CheckState.Checked)
    export(qtbot, sample_window, monkeypatch, tmp_path / "gui", scope="checked")
    assert_same_folders(tmp_path / "gui", cli_batch(tmp_path / "cli", "--employer", "2", "2001"))


def test_selected_households_scope(qtbot, sample_window, monkeypatch, tmp_path):
    win = sample_window
    win.filters.search.setText("11-1010")
    win.table.selectAll()
    export(qtbot, win, monkeypatch, tmp_path / "gui", scope="households")
    assert_same_folders(tmp_path / "gui", cli_batch(tmp_path / "cli", "--household", "11-1010"))


def test_cancel_mid_export_leaves_no_output(qtbot, sample_window, monkeypatch, tmp_path):
    import print_engine.output.batch as batch

    out = tmp_path / "out"
    answer_print_dialog(monkeypatch, "pdf", out_dir=out)
    runs = controller(sample_window)
    rendered = []
    render_file = batch.render_file

    def render_then_cancel(maker, spec, folder, **checks):
        """The operator presses Cancel while the first employer's PDF is written."""
        pages = render_file(maker, spec, folder, **checks)
        rendered.append(spec.name)
        runs.job.cancel()  # thread-safe: sets the job's cancel event
        return pages

    monkeypatch.setattr(batch, "render_file", render_then_cancel)
    with qtbot.waitSignal(runs.run_failed, timeout=120_000) as blocker:
        sample_window.actions.export_pdf.trigger()
    assert len(rendered) == 1  # stopped after the first of five files
    assert "中止" in blocker.args[0]
    assert not out.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no partial folder left
    assert sample_window.actions.export_pdf.isEnabled()


def test_a_non_empty_folder_is_replaced_only_when_the_operator_agrees(qtbot, sample_window, monkeypatch, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("old", encoding="utf-8")
    answer_print_dialog(monkeypatch, "pdf", out_dir=out)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert controller(sample_window).start("pdf") is None
    assert (out / "old.txt").exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    runs = controller(sample_window)
    with qtbot.waitSignal(runs.run_finished, timeout=120_000):
        runs.start("pdf")
    assert not (out / "old.txt").exists() and (out / "manifest.csv").exists()


def test_a_reissue_without_households_is_refused_in_the_window(qtbot, sample_window, monkeypatch, tmp_path):
    from dataclasses import replace

    s = sample_window.session
    s.set_profile(replace(s.profile, run=replace(s.profile.run, variant="reissue")))  # the variant is the settings'
    answer_print_dialog(monkeypatch, "pdf", out_dir=tmp_path / "out")
    runs = controller(sample_window)
    with qtbot.waitSignal(runs.run_failed, timeout=60_000) as blocker:
        sample_window.actions.export_pdf.trigger()
    assert "再交付" in blocker.args[0]
    assert sample_window.message_bar.kind == "error"
    assert not (tmp_path / "out").exists()
