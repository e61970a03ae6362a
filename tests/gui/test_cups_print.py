"""The real printer path: QPrinter → CUPS → the cups-pdf queue ``Oshirase-PDF``.

``tools/setup_cups_pdf.sh`` creates the queue and makes cups-pdf write to
``/tmp/cups-pdf`` (``OSHIRASE_CUPS_PDF_DIR``). Without the queue the test is
skipped on a developer machine, but fails under CI (``CI`` set), where the
queue must exist.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog

from .dialogs import answer_print_dialog, controller
from .raster import pdf_page_image, same_page
from .test_export import cli_batch

QUEUE = "Oshirase-PDF"
OUT_DIR = Path(os.environ.get("OSHIRASE_CUPS_PDF_DIR", "/tmp/cups-pdf"))

pytestmark = [pytest.mark.printer, pytest.mark.poppler]


@pytest.fixture
def cups_queue():
    if QUEUE not in QPrinterInfo.availablePrinterNames():
        if os.environ.get("CI"):
            pytest.fail(f"CUPS queue {QUEUE} is missing under CI: run tools/setup_cups_pdf.sh")
        pytest.skip(f"no CUPS queue {QUEUE} (run tools/setup_cups_pdf.sh as root)")
    return QUEUE


def queue_is_empty() -> bool:
    done = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True, check=False)
    return done.stdout.strip() == ""


def test_a_small_run_prints_through_cups(qtbot, sample_window, monkeypatch, tmp_path, cups_queue):
    started = time.time() - 1.0  # cups-pdf reuses a file name per job title: look at times, not names
    sample_window.filters.employer.setEditText("2001")
    answer_print_dialog(monkeypatch, "printer", scope="filtered")

    def choose_queue(self: QPrintDialog) -> int:
        self.printer().setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        self.printer().setPrinterName(cups_queue)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_queue)
    runs = controller(sample_window)
    with qtbot.waitSignal(runs.run_finished, timeout=120_000) as blocker:
        sample_window.actions.print.trigger()
    summary = blocker.args[0]
    assert summary.printer_name == cups_queue and summary.complete
    assert [name for name, _ in summary.files] == ["2001_合同会社サンプル設計.pdf"]  # one job for the employer

    def written() -> list[Path]:
        return sorted(p for p in OUT_DIR.glob("*.pdf") if p.stat().st_mtime >= started)

    qtbot.waitUntil(lambda: len(written()) == 1 and queue_is_empty(), timeout=60_000)
    def pages() -> int:
        try:
            return len(PdfReader(written()[0]).pages)
        except Exception:  # noqa: BLE001 - cups-pdf may still be writing it
            return -1

    qtbot.waitUntil(lambda: pages() == 10, timeout=30_000)  # cover, list, 8 notices
    cups_pdf = written()[0]
    batch = next(cli_batch(tmp_path / "cli", "--employer", "2001").glob("2001_*.pdf"))
    for page in (1, 3, 10):  # the cover, the first notice, the last notice
        printed = pdf_page_image(cups_pdf, page, 200, tmp_path / "cups")
        expected = pdf_page_image(batch, page, 200, tmp_path / "batch")
        assert same_page(printed, expected, max_fraction=0.002), page
    # the run's records: the same manifest as the PDF run of that employer
    assert (summary.folder / "manifest.csv").read_bytes() == (batch.parent / "manifest.csv").read_bytes()
