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

import csv
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from print_engine import (
    AtomicOutput,
    Cancelled,
    FileSpec,
    Page,
    RunOutput,
    is_held_open,
    new_run_id,
    open_file_message,
)
from print_engine import log as run_log

from .jobs import OperatorError
from .painter import paint_page

Progress = Callable[[int, int, str], None]
_log = logging.getLogger("oshirase.gui")


class PrintError(OperatorError):
    """The printer could not be used; ``str()`` is the Japanese message."""


class PrintJobFailed(PrintError):
    """One employer's job failed in the spooler: the run stopped there.

    Attributes:
        outcome: What was sent before (with the run's records, if written).
    """

    def __init__(self, message: str, outcome: "PrinterOutcome"):
        super().__init__(message)
        self.outcome = outcome


# Drivers that print to a file ask for its name in a dialog of their own, once
# per job (one job per employer). They are recognised by name, on Windows only.
FILE_DRIVER_WORDS = ("pdf", "xps", "onenote")


def asks_for_file_name(printer_name: str, platform: str | None = None) -> bool:
    """True for a Windows driver that asks for a file name per job ("Microsoft Print to PDF")."""
    if (platform or sys.platform) != "win32":
        return False
    name = printer_name.lower()
    return any(word in name for word in FILE_DRIVER_WORDS)


def job_label(spec: FileSpec) -> str:
    """The employer of a job, as the operator knows it: ``事業所 2「サンプル精工株式会社」``."""
    shipment = spec.entries[0].shipment if spec.entries else None
    if shipment is None:
        return f"「{Path(spec.name).stem}」"
    return f"事業所 {shipment.employer.code}「{shipment.employer.name}」"


@dataclass(slots=True)
class PrinterOutcome:
    """What a printer run sent.

    Attributes:
        printer_name: The queue (or the PDF file of a PDF-mode printer).
        jobs: The files (one per employer) that were sent completely.
        outputs: For a PDF-mode printer, the file each job was written to.
        records_dir: The run folder holding ``manifest.csv`` (or None).
        cancelled: The operator cancelled; ``jobs`` holds what was sent before.
        failed: The job the spooler refused (the run stopped there), or None.
        stopped: The job being sent when the run was cancelled, or None.
    """

    printer_name: str
    jobs: list[FileSpec] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    records_dir: Path | None = None
    cancelled: bool = False
    failed: FileSpec | None = None
    stopped: FileSpec | None = None

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
        PrintError: the printer could not start the job, refused a page
            (``newPage()`` false) or could not finish it (``end()`` false,
            the printer in its error state): the spooler failed.
    """
    progress = progress or (lambda *a: None)
    cancelled = cancelled or (lambda: False)
    name = printer.printerName() or printer.outputFileName()
    printer.setDocName(doc_name)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"プリンタ「{name}」で印刷を開始できません。")
    sent = 0
    try:
        for page in pages:
            if cancelled():
                printer.abort()
                raise Cancelled
            if sent and not printer.newPage():
                printer.abort()
                raise PrintError(f"プリンタ「{name}」が {sent + 1} ページ目を受け付けませんでした")
            paint_page(painter, page, fonts=fonts)
            sent += 1
            progress(done + sent, total, doc_name)
    except BaseException:
        painter.end()
        raise
    if not painter.end() or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintError(f"プリンタ「{name}」がジョブを完了できませんでした")
    return sent


def print_run(printer: QPrinter, output: RunOutput, records_dir: Path | None,
              progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
              recording=None) -> PrinterOutcome:
    """Print every file of the prepared run as its own job, then write the run's records.

    The printer is a sink of the engine's one output path: ``output`` comes
    from :func:`print_engine.output.run_output.prepare_output` (split per
    employer), exactly as for a PDF run.

    Args:
        printer: A prepared printer.
        output: The prepared run (plan, render context, files).
        records_dir: Where to write manifest.csv and the other records (None: nowhere).
        recording: The run's ledger record
            (:class:`~print_engine.ledger.run_records.PrinterRecording`), told
            of each job once the spooler has it (an aborted job: ``interrupted``).

    Returns:
        The outcome; on Cancel the current job is aborted, ``cancelled`` is
        set and the records of the jobs already sent are still written.

    The run's records hold ``jobs.csv`` besides the manifest: each job with
    its status, ``sent`` (handed to the spooler), ``failed``, ``cancelled``
    (aborted while being sent) or ``not_sent``.

    Raises:
        PrintJobFailed: a job failed in the spooler; the run stopped there,
            its records (with the failed job) are written, and the message
            names the employer.
        PrintError: the printer could not be used at all.
    """
    files = output.files
    total = output.pages
    if output.duplex:  # certificates with a back (certificate.md): both sides, long edge
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    pdf_mode = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    base = printer.outputFileName()
    outcome = PrinterOutcome(printer.printerName() or base)
    done = 0
    failure: PrintError | None = None
    run_id, started = new_run_id(), time.monotonic()
    run_log.info("run %s print start jobs=%d pages=%d pdf_mode=%s", run_id, len(files), total, pdf_mode)
    if pdf_mode:
        held = held_open_job_files(printer, files)
        if held:  # a viewer holds one of the files this run would overwrite: say so before printing
            raise PrintError(open_file_message(held[0].parent, held))
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
                elif recording is not None:  # some pages of the aborted job may have printed
                    recording.job_spooled(spec, interrupted=True)
                outcome.cancelled = True
                outcome.stopped = spec
                break
            except PrintError as exc:  # the spooler failed: stop here, nothing after it prints out of order
                if pdf_mode:
                    Path(printer.outputFileName()).unlink(missing_ok=True)
                elif recording is not None:  # pages of the failed job may have printed
                    recording.job_spooled(spec, interrupted=True)
                outcome.failed = spec
                failure = exc
                break
            outcome.jobs.append(spec)
            if recording is not None:
                recording.job_spooled(spec)
            if pdf_mode:
                outcome.outputs.append(Path(printer.outputFileName()))
    finally:
        if pdf_mode:
            printer.setOutputFileName(base)
        if records_dir is not None and (outcome.jobs or outcome.failed or outcome.stopped):
            outcome.records_dir = write_records(records_dir, output, outcome.jobs, job_statuses(files, outcome))
    status = "failed" if failure else "cancelled" if outcome.cancelled else "ok"
    run_log.info("run %s print %s in %.1f s jobs_sent=%d of %d pages=%d", run_id, status,
                 time.monotonic() - started, len(outcome.jobs), len(files), outcome.pages)
    if failure is not None:
        _log.error("printer run stopped: job %d of %d failed in the spooler (employer %s): %s",
                   files.index(outcome.failed) + 1, len(files),
                   outcome.failed.entries[0].shipment.employer.code if outcome.failed.entries else "?",
                   type(failure).__name__)
        raise PrintJobFailed(failure_message(outcome, files, str(failure)), outcome)
    return outcome


def job_statuses(files: list[FileSpec], outcome: PrinterOutcome) -> list[tuple[FileSpec, str]]:
    """Each job of the run with its status: sent, failed, cancelled or not_sent."""
    sent = {id(s) for s in outcome.jobs}
    statuses = []
    for spec in files:
        if id(spec) in sent:
            status = "sent"
        elif spec is outcome.failed:
            status = "failed"
        elif spec is outcome.stopped:
            status = "cancelled"
        else:
            status = "not_sent"
        statuses.append((spec, status))
    return statuses


def failure_message(outcome: PrinterOutcome, files: list[FileSpec], reason: str) -> str:
    """The operator's message when a job failed: which employer, what was sent, what was not."""
    rest = len(files) - len(outcome.jobs)
    sent = (f"それまでの {len(outcome.jobs)} 件のジョブはプリンタに送られています（"
            + "、".join(job_label(s) for s in outcome.jobs) + "）。") if outcome.jobs else "プリンタに送ったジョブはありません。"
    return (f"{job_label(outcome.failed)} の印刷ジョブが失敗しました（{reason}）。印刷を止めました。"
            f"{sent}この事業所を含む {rest} 件は印刷されていません。プリンタを確認してから、"
            "再印刷または残りの事業所の印刷をしてください。送った内容は記録（jobs.csv）に残しました。")


def cancel_message(outcome: PrinterOutcome) -> str:
    """The operator's message after a cancel: which jobs reached the spooler and may print."""
    return cancelled_run_message([job_label(s) for s in outcome.jobs],
                                 job_label(outcome.stopped) if outcome.stopped else "")


def cancelled_run_message(sent: list[str], stopped: str = "") -> str:
    """The cancel message from the labels of the jobs sent (and of the one aborted)."""
    aborted = f"送信中だった {stopped} のジョブは取り消しました。" if stopped else ""
    if not sent:
        return "印刷を中止しました。プリンタに送ったジョブはありません。" + aborted
    return (f"印刷を中止しました。次の {len(sent)} 件のジョブはプリンタに送られていて、印刷されることがあります: "
            + "、".join(sent) + "。" + aborted)


def write_records(folder: Path, output: RunOutput, jobs: list[FileSpec],
                  statuses: list[tuple[FileSpec, str]] | None = None) -> Path:
    """Write manifest.csv, excluded.csv, packing.csv and profile.toml of the jobs sent
    (and ``jobs.csv``, each job's status, if given), atomically."""
    out = AtomicOutput(folder, force=False)
    try:
        output.write_records(out.tmp, jobs)
        if statuses is not None:
            _write_job_statuses(out.tmp / "jobs.csv", statuses)
        out.commit()
    except BaseException:
        out.abort()
        raise
    return folder


def held_open_job_files(printer: QPrinter, files: list[FileSpec]) -> list[Path]:
    """For a PDF-mode printer: the job files it would overwrite that a viewer holds open."""
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat:
        return []
    base = printer.outputFileName()
    targets = [Path(_job_output(printer, base, spec, len(files))) for spec in files]
    return [p for p in targets if p.is_file() and is_held_open(p)]


def _write_job_statuses(path: Path, statuses: list[tuple[FileSpec, str]]) -> None:
    """jobs.csv: UTF-8 with BOM, CRLF, like the run's other CSVs."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(["file", "employer_code", "employer_name", "pages", "status"])
        for spec, status in statuses:
            employer = spec.entries[0].shipment.employer if spec.entries else None
            writer.writerow([spec.name, employer.code if employer else "", employer.name if employer else "",
                             spec.pages, status])


def run_folder_name(kind: str = "printer") -> str:
    """A new run folder's name: ``20240807-153012-printer``."""
    return time.strftime("%Y%m%d-%H%M%S") + f"-{kind}"


def print_single_pages(printer: QPrinter, pages: list[Page], fonts, doc_name: str,
                       progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    """Print a few pages as one job (a reprint or the test page)."""
    return print_pages(printer, pages, fonts, doc_name, len(pages), 0, progress, cancelled)
