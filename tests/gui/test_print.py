"""Printing through QPrinter: one job per employer, the batch's manifest, clean cancel."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader

from gui import settings

from .dialogs import answer_print_dialog, answer_qprint_dialog, controller
from .raster import pdf_page_image, same_page
from .test_export import cli_batch

pytestmark = pytest.mark.poppler  # pdftoppm renders the PDFs compared


def manifest_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def print_run(qtbot, win, monkeypatch, pdf: Path, **choices):
    answer_print_dialog(monkeypatch, "printer", **choices)
    answer_qprint_dialog(monkeypatch, pdf)
    runs = controller(win)
    with qtbot.waitSignal(runs.run_finished, timeout=120_000) as blocker:
        win.actions.print.trigger()
    return blocker.args[0]


def test_printing_sends_one_job_per_employer_with_the_pdf_pages(qtbot, sample_window, monkeypatch, tmp_path):
    summary = print_run(qtbot, sample_window, monkeypatch, tmp_path / "print.pdf")
    cli = cli_batch(tmp_path / "cli")
    batch_files = sorted(p.name for p in cli.glob("*.pdf"))
    jobs = sorted(tmp_path.glob("print-*.pdf"))
    assert len(jobs) == len(batch_files) == 5  # one print job per employer
    for job in jobs:
        twin = cli / (job.name.removeprefix("print-"))
        assert len(PdfReader(job).pages) == len(PdfReader(twin).pages), job.name
    assert summary.kind == "printer" and summary.complete
    assert summary.pages == sum(len(PdfReader(p).pages) for p in jobs)
    # the printer run writes the same manifest as the PDF run
    records = summary.folder
    assert records.parent == settings.default_runs_dir()
    assert (records / "manifest.csv").read_bytes() == (cli / "manifest.csv").read_bytes()
    assert (records / "excluded.csv").read_bytes() == (cli / "excluded.csv").read_bytes()
    assert (records / "profile.toml").is_file()


def test_printed_pages_are_the_pdf_pages(qtbot, sample_window, monkeypatch, tmp_path):
    sample_window.filters.employer.setEditText("2001")
    print_run(qtbot, sample_window, monkeypatch, tmp_path / "p.pdf", scope="filtered")
    cli = cli_batch(tmp_path / "cli", "--employer", "2001")
    batch_pdf = next(cli.glob("2001_*.pdf"))
    printed = PdfReader(tmp_path / "p.pdf")
    assert len(printed.pages) == len(PdfReader(batch_pdf).pages) == 1 + 1 + 8  # cover, list, notices
    assert abs(float(printed.pages[0].mediabox.width) - 595.3) < 1  # A4, full page
    for page in (1, 2, 3, 10):
        a = pdf_page_image(tmp_path / "p.pdf", page, 200, tmp_path / "a")
        b = pdf_page_image(batch_pdf, page, 200, tmp_path / "b")
        # the printer gets glyph outlines, the PDF viewer hints its fonts: a little more edge noise
        assert same_page(a, b, max_fraction=0.002), page


def test_printed_pages_carry_searchable_text(qtbot, sample_window, monkeypatch, tmp_path):
    sample_window.filters.employer.setEditText("2001")
    print_run(qtbot, sample_window, monkeypatch, tmp_path / "p.pdf", scope="filtered", documents="notices")
    first = sample_window.session.plan.shipments[-1].envelopes[0].members[0]
    assert first.number_label in PdfReader(tmp_path / "p.pdf").pages[0].extract_text()


def test_cancelling_a_print_run_aborts_the_job_and_records_what_was_sent(qtbot, sample_window, monkeypatch,
                                                                         tmp_path):
    answer_print_dialog(monkeypatch, "printer")
    answer_qprint_dialog(monkeypatch, tmp_path / "print.pdf")
    runs = controller(sample_window)
    first_job = []

    def cancel_in_second_job(done, total, label):
        first_job.append(label) if not first_job else None
        if label != first_job[0]:
            runs.job.cancel()

    with qtbot.waitSignal(runs.run_finished, timeout=120_000) as blocker:
        sample_window.actions.print.trigger()
        runs.job.progressed.connect(cancel_in_second_job)
    summary = blocker.args[0]
    assert not summary.complete
    assert [name for name, _ in summary.files] == [first_job[0] + ".pdf"]
    written = sorted(p.name for p in tmp_path.glob("print-*.pdf"))
    assert written == [f"print-{first_job[0]}.pdf"]  # the aborted job left no file
    rows = manifest_rows(summary.folder / "manifest.csv")
    assert {r["file"] for r in rows} == {first_job[0] + ".pdf"}
    assert sample_window.message_bar.kind == "warning"


def test_declining_the_printer_dialog_prints_nothing(qtbot, sample_window, monkeypatch, tmp_path):
    answer_print_dialog(monkeypatch, "printer")
    answer_qprint_dialog(monkeypatch, tmp_path / "x.pdf", accept=False)
    assert controller(sample_window).start("printer") is None
    assert not list(tmp_path.glob("*.pdf"))


def test_printer_is_simplex_unless_the_profile_says_duplex():
    """The mode asked of the printer (a real device may not offer duplex: cups-pdf and
    Qt's PDF writer both report simplex whatever is asked, so the request is recorded)."""
    from PySide6.QtPrintSupport import QPrinter

    from gui.printing import prepare_printer

    class Recorder(QPrinter):
        def setDuplex(self, mode):  # noqa: N802 (Qt's name)
            self.asked = mode
            super().setDuplex(mode)

    printer = Recorder(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer)
    assert printer.asked == QPrinter.DuplexMode.DuplexNone and printer.fullPage()
    prepare_printer(printer, duplex=True)
    assert printer.asked == QPrinter.DuplexMode.DuplexLongSide
