"""A printer that fails or a run that is cancelled: the run stops, says which
employer's job failed or which jobs reached the spooler, and records it."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from gui import printing
from print_engine.layout.fonts import FontSet
from print_engine.model import Selection
from print_engine.output.run_output import prepare_output
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile
from print_engine.resources import resources_dir

EMPLOYERS = ("2", "101", "2001")  # three small employers of the sample


@pytest.fixture(scope="module")
def output():
    profile = load_profile(None)
    fonts = FontSet.load(profile.fonts.fallback)
    loaded = load_members(resources_dir() / "samples" / "sample.xlsx", profile, uncovered=fonts.missing_chars)
    plan = plan_run(loaded, profile, profile.issue_date_resolved(date(2024, 8, 7)),
                    Selection(employers=frozenset(EMPLOYERS)))
    out = prepare_output(plan, split="employer")
    assert len(out.files) == 3
    return out


class FailingPrinter(QPrinter):
    """Writes PDFs like a PDF-mode printer, but its spooler refuses a page of one job."""

    def __init__(self, base: Path, fail_job: int, fail_page: int = 2):
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.setOutputFileName(str(base))
        printing.prepare_printer(self)
        self.fail_job, self.fail_page = fail_job, fail_page
        self.jobs, self.pages = 0, 0

    def setDocName(self, name):  # noqa: N802 - Qt's name; one call per job
        self.jobs += 1
        self.pages = 1
        super().setDocName(name)

    def newPage(self):  # noqa: N802
        self.pages += 1
        if self.jobs == self.fail_job and self.pages == self.fail_page:
            return False  # what StartPage/EndPage failing in the spooler gives
        return super().newPage()


def _statuses(folder: Path) -> list[tuple[str, str, str]]:
    with (folder / "jobs.csv").open(encoding="utf-8-sig", newline="") as fh:
        return [(r["employer_code"], r["file"], r["status"]) for r in csv.DictReader(fh)]


def test_a_page_the_spooler_refuses_stops_the_run_naming_the_employer(qapp, output, tmp_path):
    printer = FailingPrinter(tmp_path / "p.pdf", fail_job=2)
    with pytest.raises(printing.PrintJobFailed) as failed:
        printing.print_run(printer, output, tmp_path / "records")
    second = output.files[1].entries[0].shipment.employer
    message = str(failed.value)
    assert f"事業所 {second.code}「{second.name}」" in message
    assert "1 件のジョブはプリンタに送られています" in message and "2 件" in message  # not printed: this + the last
    assert printer.jobs == 2  # the third job was never started
    outcome = failed.value.outcome
    assert [s.name for s in outcome.jobs] == [output.files[0].name]
    records = outcome.records_dir
    assert [s for _, _, s in _statuses(records)] == ["sent", "failed", "not_sent"]
    with (records / "manifest.csv").open(encoding="utf-8-sig") as fh:
        assert {row["file"] for row in csv.DictReader(fh)} == {output.files[0].name}


def test_a_job_the_spooler_cannot_finish_is_a_failure_too(qapp, output, tmp_path, monkeypatch):
    class EndFails(QPainter):
        def end(self):
            super().end()
            return False  # EndDoc failed: the job never reached the printer

    monkeypatch.setattr(printing, "QPainter", EndFails)
    printer = FailingPrinter(tmp_path / "p.pdf", fail_job=0)
    with pytest.raises(printing.PrintJobFailed) as failed:
        printing.print_run(printer, output, tmp_path / "records")
    first = output.files[0].entries[0].shipment.employer
    assert f"事業所 {first.code}「{first.name}」" in str(failed.value)
    assert "プリンタに送ったジョブはありません" in str(failed.value)
    assert [s for _, _, s in _statuses(failed.value.outcome.records_dir)] == ["failed", "not_sent", "not_sent"]


def test_a_cancelled_run_says_which_jobs_reached_the_spooler(qapp, output, tmp_path):
    printer = FailingPrinter(tmp_path / "p.pdf", fail_job=0)
    outcome = printing.print_run(printer, output, tmp_path / "records", cancelled=lambda: printer.jobs >= 2)
    assert outcome.cancelled and len(outcome.jobs) == 1
    assert [s for _, _, s in _statuses(outcome.records_dir)] == ["sent", "cancelled", "not_sent"]
    message = printing.cancel_message(outcome)
    first = output.files[0].entries[0].shipment.employer
    assert f"{first.code}「{first.name}」" in message and "印刷される" in message


@pytest.mark.parametrize("name, platform, asks", [
    ("Microsoft Print to PDF", "win32", True),
    ("Microsoft XPS Document Writer", "win32", True),
    ("OneNote (Desktop)", "win32", True),
    ("RICOH IM C3000 JPN RPCS", "win32", False),
    ("Oshirase-PDF", "linux", False),  # cups-pdf writes its own files
])
def test_drivers_that_ask_for_a_file_name_are_recognised(name, platform, asks):
    assert printing.asks_for_file_name(name, platform) is asks


def test_a_file_driver_is_asked_for_one_folder_and_writes_one_pdf_per_employer(qapp, output, tmp_path, monkeypatch,
                                                                               window):
    from PySide6.QtWidgets import QFileDialog

    from gui import run_control

    class DriverAsking(QPrinter):  # "Microsoft Print to PDF", as far as the app can tell
        def outputFormat(self):  # noqa: N802
            return QPrinter.OutputFormat.NativeFormat if not self.outputFileName() else super().outputFormat()

        def printerName(self):  # noqa: N802
            return "Microsoft Print to PDF"

    asked = []
    monkeypatch.setattr(run_control, "asks_for_file_name", lambda name, platform=None: name == "Microsoft Print to PDF")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: asked.append(a) or str(tmp_path / "pdfs")))
    (tmp_path / "pdfs").mkdir()
    printer = DriverAsking(QPrinter.PrinterMode.HighResolution)
    runs = run_control.RunController(window)
    assert runs.choose_file_driver_folder(printer)
    outcome = printing.print_run(printer, output, None)
    assert len(asked) == 1 and len(outcome.jobs) == 3
    assert sorted(p.name for p in (tmp_path / "pdfs").iterdir()) == sorted(
        f"print-{Path(s.name).stem}.pdf" for s in output.files)

    # Printing there again while a viewer holds one of those PDFs: found before anything is sent.
    held = tmp_path / "pdfs" / f"print-{Path(output.files[1].name).stem}.pdf"
    monkeypatch.setattr(printing, "is_held_open", lambda path: path == held)
    assert printing.held_open_job_files(printer, output.files) == [held]
