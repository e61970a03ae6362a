"""Printing to a real printer through ``QPrinter``, as an office does it.

One print job per employer (never one 100,000-page spool job), in the
engine's packing order, each page drawn by the same QPainter adapter as the
preview (vector drawing: print = preview = PDF). Simplex, A4, full page.
Runs on a worker thread: Cancel is checked before every page; the job being
spooled is then aborted with ``QPrinter.abort()``. Afterwards the run's
records — the same ``manifest.csv`` (plus ``excluded.csv``, ``packing.csv``,
``profile.toml``) as a PDF run — are written atomically into a run folder,
from which a jammed page can be reprinted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from print_engine.layout.primitives import Page
from print_engine.output.atomic import AtomicOutput
from print_engine.output.run_output import RunOutput
from print_engine.output.stream import FileSpec
from print_engine.plan.run import Cancelled

from .jobs import OperatorError
from .painter import paint_page

Progress = Callable[[int, int, str], None]


class PrintError(OperatorError):
    """The printer could not be used; ``str()`` is the Japanese message."""


@dataclass(slots=True)
class PrinterOutcome:
    """What a printer run sent.

    Attributes:
        printer_name: The queue (or the PDF file of a PDF-mode printer).
        jobs: The files (one per employer) that were sent completely.
        outputs: For a PDF-mode printer, the file each job was written to.
        records_dir: The run folder holding ``manifest.csv`` (or None).
        cancelled: The operator cancelled; ``jobs`` holds what was sent before.
    """

    printer_name: str
    jobs: list[FileSpec] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    records_dir: Path | None = None
    cancelled: bool = False

    @property
    def pages(self) -> int:
        return sum(j.pages for j in self.jobs)


def prepare_printer(printer: QPrinter, duplex: bool = False) -> None:
    """A4 portrait, full page (the layout measures from the paper's corner), simplex."""
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if duplex else QPrinter.DuplexMode.DuplexNone)


def _job_output(printer: QPrinter, base: str, spec: FileSpec, jobs: int) -> str:
    """For a PDF-mode printer, each job needs its own file."""
    if jobs <= 1:
        return base
    path = Path(base)
    return str(path.with_name(f"{path.stem}-{Path(spec.name).stem}{path.suffix or '.pdf'}"))


def print_pages(printer: QPrinter, pages, fonts, doc_name: str, total: int = 0, done: int = 0,
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    """Send ``pages`` to ``printer`` as one print job.

    Args:
        printer: A prepared printer (see :func:`prepare_printer`).
        pages: The pages, in order.
        fonts: The fonts the pages were laid out with.
        doc_name: The job's name in the printer queue.
        total, done: Pages of the whole run and pages already sent (progress).
        progress: Called as (done, total, doc_name) after each page.
        cancelled: Polled before each page; True aborts the job.

    Returns:
        The pages sent.

    Raises:
        Cancelled: the job was aborted.
        PrintError: the printer could not start the job.
    """
    progress = progress or (lambda *a: None)
    cancelled = cancelled or (lambda: False)
    printer.setDocName(doc_name)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"プリンタ「{printer.printerName() or printer.outputFileName()}」で印刷を開始できません。")
    sent = 0
    try:
        for page in pages:
            if cancelled():
                printer.abort()
                raise Cancelled
            if sent:
                printer.newPage()
            paint_page(painter, page, fonts=fonts)
            sent += 1
            progress(done + sent, total, doc_name)
    finally:
        painter.end()
    return sent


def print_run(printer: QPrinter, output: RunOutput, records_dir: Path | None,
              progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> PrinterOutcome:
    """Print every file of the prepared run as its own job, then write the run's records.

    The printer is a sink of the engine's one output path: ``output`` comes
    from :func:`print_engine.output.run_output.prepare_output` (split per
    employer), exactly as for a PDF run.

    Args:
        printer: A prepared printer.
        output: The prepared run (plan, render context, files).
        records_dir: Where to write manifest.csv and the other records (None: nowhere).

    Returns:
        The outcome; on Cancel the current job is aborted, ``cancelled`` is
        set and the records of the jobs already sent are still written.

    Raises:
        PrintError: the printer failed.
    """
    files = output.files
    total = output.pages
    pdf_mode = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    base = printer.outputFileName()
    outcome = PrinterOutcome(printer.printerName() or base)
    done = 0
    try:
        for spec in files:
            if pdf_mode:
                out = _job_output(printer, base, spec, len(files))
                printer.setOutputFileName(out)
            try:
                done += print_pages(printer, output.file_pages(spec), output.context.fonts, Path(spec.name).stem,
                                    total, done, progress, cancelled)
            except Cancelled:
                if pdf_mode:
                    Path(printer.outputFileName()).unlink(missing_ok=True)
                outcome.cancelled = True
                break
            outcome.jobs.append(spec)
            if pdf_mode:
                outcome.outputs.append(Path(printer.outputFileName()))
    finally:
        if pdf_mode:
            printer.setOutputFileName(base)
        if records_dir is not None and outcome.jobs:
            outcome.records_dir = write_records(records_dir, output, outcome.jobs)
    return outcome


def write_records(folder: Path, output: RunOutput, jobs: list[FileSpec]) -> Path:
    """Write manifest.csv, excluded.csv, packing.csv and profile.toml of the jobs sent, atomically."""
    out = AtomicOutput(folder, force=False)
    try:
        output.write_records(out.tmp, jobs)
        out.commit()
    except BaseException:
        out.abort()
        raise
    return folder


def run_folder_name(kind: str = "printer") -> str:
    """A new run folder's name: ``20240807-153012-printer``."""
    return time.strftime("%Y%m%d-%H%M%S") + f"-{kind}"


def print_single_pages(printer: QPrinter, pages: list[Page], fonts, doc_name: str,
                       progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    """Print a few pages as one job (a reprint or the test page)."""
    return print_pages(printer, pages, fonts, doc_name, len(pages), 0, progress, cancelled)
