"""Reprinting exactly the pages of an earlier run (paper jam, damaged page)."""

from __future__ import annotations

import csv

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from print_engine.output.reprint import ReprintError, load_run, rebuild
from gui.reprint_dialog import ReprintDialog

from .conftest import load
from .dialogs import answer_qprint_dialog, controller
from .raster import pdf_page_image, same_page
from .test_print import print_run

pytestmark = pytest.mark.poppler  # pdftoppm renders the PDFs compared


@pytest.fixture
def printed(qtbot, sample_window, monkeypatch, tmp_path):
    """A printer run of employers 1 and 2 (checked in the tree), to PDF-mode printer files."""
    from PySide6.QtCore import Qt

    tree = sample_window.tree
    tree.set_all_checked(False)
    root = tree.topLevelItem(0)
    for i in range(root.childCount()):
        if root.child(i).text(0).split()[0] in ("1", "2"):
            root.child(i).setCheckState(0, Qt.CheckState.Checked)
    return print_run(qtbot, sample_window, monkeypatch, tmp_path / "run.pdf", scope="checked")


def answer_reprint_dialog(monkeypatch, file_name: str, first: int = 0, last: int = 0, household: str = ""):
    def fake_exec(self: ReprintDialog) -> int:
        self.file_combo.setCurrentIndex(self.file_combo.findData(file_name))
        if household:
            index = next(i for i in range(self.household.count()) if self.household.itemText(i).startswith(household))
            self.household.setCurrentIndex(index)
            self.by_household.setChecked(True)
        else:
            self.first.setValue(first)
            self.last.setValue(last)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReprintDialog, "exec", fake_exec)


def test_reprint_a_page_range_of_one_employer(qtbot, sample_window, monkeypatch, tmp_path, printed):
    job_file = "2_サンプル精工株式会社.pdf"
    answer_reprint_dialog(monkeypatch, job_file, 5, 7)
    answer_qprint_dialog(monkeypatch, tmp_path / "again.pdf")
    runs = controller(sample_window)
    with qtbot.waitSignal(runs.run_finished, timeout=120_000):
        sample_window.actions.reprint.trigger()
    again = tmp_path / "again.pdf"
    assert len(PdfReader(again).pages) == 3
    original = tmp_path / f"run-{job_file}"
    for i, page in enumerate((5, 6, 7), start=1):
        reprinted = pdf_page_image(again, i, 150, tmp_path / "a")
        assert same_page(reprinted, pdf_page_image(original, page, 150, tmp_path / "o"))


def test_reprint_a_household(qtbot, sample_window, monkeypatch, tmp_path, printed):
    job_file = "1_株式会社サンプル電機.pdf"
    answer_reprint_dialog(monkeypatch, job_file, household="11-1007")
    answer_qprint_dialog(monkeypatch, tmp_path / "household.pdf")
    runs = controller(sample_window)
    with qtbot.waitSignal(runs.run_finished, timeout=120_000):
        sample_window.actions.reprint.trigger()
    with (printed.folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["file"] == job_file and (r["kigo"], r["bango"]) == ("11", "1007")]
    assert len(rows) == 3
    reader = PdfReader(tmp_path / "household.pdf")
    assert len(reader.pages) == 3
    first = int(rows[0]["first_page"])
    assert same_page(pdf_page_image(tmp_path / "household.pdf", 1, 150, tmp_path / "a"),
                     pdf_page_image(tmp_path / f"run-{job_file}", first, 150, tmp_path / "o"))


def test_the_dialog_lists_the_earlier_runs_and_describes_the_pages(qtbot, sample_window, printed):
    from gui import settings

    dialog = ReprintDialog(settings.default_runs_dir(), sample_window)
    qtbot.addWidget(dialog)
    assert dialog.run_combo.count() == 1
    assert dialog.file_combo.count() == 2
    dialog.file_combo.setCurrentIndex(dialog.file_combo.findData("2_サンプル精工株式会社.pdf"))
    dialog.first.setValue(1)
    dialog.last.setValue(3)
    text = dialog.info.text()
    assert "送付状" in text and "対象者リスト" in text and "お知らせ" in text
    request = dialog.request()
    assert (request.file_name, request.first, request.last) == ("2_サンプル精工株式会社.pdf", 1, 3)


def test_a_changed_workbook_is_refused(qtbot, sample_window, printed, tmp_path):
    from .conftest import SAMPLE_ERRORS

    load(qtbot, sample_window, SAMPLE_ERRORS)
    with pytest.raises(ReprintError, match="同じページを作れません"):
        rebuild(load_run(printed.folder), sample_window.session.loaded)
