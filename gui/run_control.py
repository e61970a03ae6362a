"""Print, export and reprint runs started from the window.

The dialog's choices become exactly the engine call ``main.py batch`` makes:
a :class:`~print_engine.model.Selection`, the profile with the chosen
``[run]`` values, then ``plan_run`` and either ``run_batch`` (PDF) or the
printer path of :mod:`gui.printing`, on a worker thread with progress and
cooperative cancel. After the run the window's own plan is restored.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from print_engine import (
    ExportRecording,
    PrinterRecording,
    Selection,
    plan_run,
    prepare_output,
    run_batch,
    states_provider,
)

from . import settings
from .jobs import Job, JobContext, ProgressPopup, run_job
from .ledger_panel import run_ledger
from .print_dialog import PrintDialog, PrintRequest
from .printing import (
    asks_for_file_name,
    cancelled_run_message,
    prepare_printer,
    print_run,
    print_single_pages,
    run_folder_name,
)
from .run_summary import RunSummary, RunSummaryDialog, summarize
from .session import error_message


class RunController(QObject):
    """Starts print / export / reprint runs for a main window.

    Signals:
        run_finished(object): a :class:`RunSummary` after a successful run.
        run_failed(str): the Japanese message of a failed or cancelled run.
    """

    run_finished = Signal(object)
    run_failed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        self.summary_dialog: RunSummaryDialog | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def cancel(self) -> None:
        if self.busy:
            self.job.cancel()

    # --- scope ---------------------------------------------------------------

    def scope_counts(self) -> dict[str, str | None]:
        """What each scope of the print dialog holds now (None: not available)."""
        w = self.window
        counts = w.counts()
        full, parts = w.tree.checked_scope()
        households = self._selected_households()
        return {
            "all": self.tr("%1 人").replace("%1", f"{counts.get('included', 0):,}"),
            "filtered": self.tr("%1 行").replace("%1", f"{w.proxy.rowCount():,}") if w.proxy.rowCount() else None,
            "checked": (self.tr("%1 事業所").replace("%1", str(len(full | {c for c, _a in parts})))
                        if full or parts else None),
            "households": self.tr("%1 世帯").replace("%1", str(len(households))) if households else None,
        }

    def _selected_households(self) -> set[tuple[str, str]]:
        w = self.window
        rows = {w.proxy.mapToSource(i).row() for i in w.table.selectionModel().selectedRows()}
        return {w.model.member(r).household_key for r in rows}

    def selection_for(self, scope: str) -> Selection:
        """The engine selection of a print-dialog scope (as the CLI selectors)."""
        w = self.window
        if scope == "filtered":
            f = w.proxy.current_filter
            if not (f.status or f.search):
                return Selection(employers=frozenset({f.employer} if f.employer else ()),
                                 affiliations=frozenset({f.affiliation} if f.affiliation else ()))
            return Selection(members=frozenset(w.model.member(r).key for r in w.proxy.source_rows()))
        if scope == "checked":
            full, parts = w.tree.checked_scope()
            if not parts:
                return Selection(employers=frozenset(full))
            households = {(env.kigo, env.bango) for s in w.session.plan.shipments for env in s.envelopes
                          if s.employer.code in full or (s.employer.code, env.affiliation) in parts}
            return Selection(households=frozenset(households))
        if scope == "households":
            return Selection(households=frozenset(self._selected_households()))
        return Selection()

    # --- starting ------------------------------------------------------------

    def default_out_dir(self) -> str:
        loaded = self.window.session.loaded
        stem = loaded.path.stem if loaded is not None else "oshirase"
        last = settings.read("files/last_export_dir")
        base = Path(last).parent if last else Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
        ) / "Oshirase"
        return str(base / f"{stem}-{time.strftime('%Y%m%d')}")

    def start(self, destination: str) -> Job | None:
        """Ask what to print (and on which printer), then run it."""
        w = self.window
        if self.busy or w.session.loaded is None:
            return None
        scope = "checked" if w.tree.selects_part() else "all"  # what the tree's check boxes select
        dialog = PrintDialog(w.session.profile, destination, self.scope_counts(), self.default_out_dir(), w,
                             scope=scope)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        request = dialog.request()
        printer = None
        if request.destination == "printer":
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(printer, w.session.profile.run.duplex)
            if QPrintDialog(printer, w).exec() != QDialog.DialogCode.Accepted:
                return None
            prepare_printer(printer, w.session.profile.run.duplex)
            if not self.choose_file_driver_folder(printer):
                return None
        return self.run_request(request, printer)

    def choose_file_driver_folder(self, printer: QPrinter) -> bool:
        """A driver that asks for a file name per job ("Microsoft Print to PDF"):
        ask for the folder once and write one PDF per employer there instead.

        Returns:
            False if the operator cancelled the folder choice.
        """
        if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not asks_for_file_name(printer.printerName()):
            return True
        title = self.tr("「%1」の PDF を保存するフォルダ（事業所ごとに 1 ファイル）").replace("%1", printer.printerName())
        folder = QFileDialog.getExistingDirectory(self.window, title, str(Path(self.default_out_dir()).parent))
        if not folder:
            return False
        printer.setOutputFileName(str(Path(folder) / "print.pdf"))  # Qt's PDF engine: one file per job, no dialog
        return True

    def run_request(self, request: PrintRequest, printer: QPrinter | None = None) -> Job | None:
        """Run a print or export request (no dialogs except the overwrite question)."""
        w = self.window
        s = w.session
        selection = self.selection_for(request.scope)
        order_override = request.order if request.order in ("number", "affiliation") else ""
        split = request.split if request.destination == "pdf" else "employer"
        profile = s.profile_with(variant=request.variant, order=request.order, documents=request.documents,
                                 split=split)
        loaded, issue_date = s.loaded, s.issue_date
        proof = w.ledger.proof  # 「校正用（記録しない）」, read on the GUI thread
        unissued = request.unissued and not proof

        if request.destination == "pdf":
            out_dir, force = request.out_dir, False
            if out_dir is None:
                return None
            if out_dir.is_dir() and any(out_dir.iterdir()):
                answer = QMessageBox.question(
                    w, self.tr("出力フォルダ"),
                    self.tr("フォルダ %1 は空ではありません。中身を今回の出力で置き換えますか？").replace("%1", str(out_dir)))
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                force = True
            settings.write("files/last_export_dir", str(out_dir))

            def op(ctx: JobContext) -> RunSummary:
                with run_ledger(proof) as ledger:
                    plan = plan_run(loaded, profile, issue_date, selection, order_override,
                                    issued=states_provider(ledger), unissued=unissued)
                    recording = (ExportRecording(ledger, plan, out_dir, split=split, unissued=unissued or None)
                                 if ledger else None)
                    result = run_batch(plan, out_dir, split=split, documents=request.documents, force=force,
                                       progress=ctx.progress, cancelled=ctx.cancelled, recording=recording)
                return summarize("pdf", plan, result.files, result.out_dir)

            return self._start(op, self.tr("PDF を出力しています"))

        records = settings.default_runs_dir() / run_folder_name("printer")

        def print_op(ctx: JobContext) -> RunSummary:
            with run_ledger(proof) as ledger:
                plan = plan_run(loaded, profile, issue_date, selection, order_override,
                                issued=states_provider(ledger), unissued=unissued)
                output = prepare_output(plan, split="employer", documents=request.documents)
                recording = (PrinterRecording(ledger, plan, printer.printerName() or printer.outputFileName(),
                                              unissued=unissued or None) if ledger else None)
                if recording is not None:
                    recording.start()
                try:
                    outcome = print_run(printer, output, records, ctx.progress, ctx.cancelled, recording)
                except BaseException:
                    if recording is not None:
                        recording.finished("failed")
                    raise
                if recording is not None:
                    recording.finished("cancelled" if outcome.cancelled else "committed")
            return summarize("printer", plan, outcome.jobs, outcome.records_dir, outcome.printer_name,
                             complete=not outcome.cancelled)

        return self._start(print_op, self.tr("印刷しています"))

    def _start(self, op, title: str) -> Job:
        w = self.window
        self.job = run_job(self, op, self._succeeded, self._failed, self._cancelled, title=title)
        self.job.finished.connect(self._finished)
        ProgressPopup(self.job, w, self.tr("ページ"))
        w.actions.set_busy(True)  # nothing else starts while the run goes on
        return self.job

    # --- outcome -------------------------------------------------------------

    def _finished(self) -> None:
        self.job = None
        self.window.ledger.after_run()
        self.window.actions.set_busy(False)  # runs plan on a detached copy: the view's plan is intact

    def _succeeded(self, summary: RunSummary) -> None:
        w = self.window
        if summary.kind == "printer" and not summary.complete:
            if not summary.note:  # which jobs reached the spooler and may still print
                summary.note = cancelled_run_message([f"事業所 {row[0]}「{row[1]}」" for row in summary.employers])
            w.message_bar.show_message(summary.note, "warning")
        else:
            w.message_bar.clear()
        self.run_finished.emit(summary)
        self.summary_dialog = RunSummaryDialog(summary, w)
        self.summary_dialog.open()

    def _failed(self, exc: BaseException) -> None:
        w = self.window
        text = error_message(exc)
        w.message_bar.show_message(self.tr("出力できませんでした: ") + text, "error")
        self.run_failed.emit(text)

    def _cancelled(self) -> None:
        w = self.window
        text = self.tr("中止しました。何も出力していません。")
        w.message_bar.show_message(text, "info")
        self.run_failed.emit(text)

    # --- reprint -------------------------------------------------------------

    def reprint(self) -> Job | None:
        """Ask for an earlier run and pages, rebuild them, then print them again."""
        from print_engine import pages_to_reprint, rebuild

        from .reprint_dialog import ReprintDialog

        w = self.window
        if self.busy or w.session.loaded is None:
            return None
        dialog = ReprintDialog(settings.default_runs_dir(), w)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.request() is None:
            return None
        request = dialog.request()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, w.session.profile.run.duplex)
        if QPrintDialog(printer, w).exec() != QDialog.DialogCode.Accepted:
            return None
        prepare_printer(printer, w.session.profile.run.duplex)
        loaded = w.session.loaded

        def op(ctx: JobContext) -> RunSummary:
            output = rebuild(request.run, loaded)
            pages = pages_to_reprint(output, request.file_name, request.first, request.last)
            name = f"{Path(request.file_name).stem} p{request.first}-{request.last}"
            sent = print_single_pages(printer, pages, output.context.fonts, name, ctx.progress, ctx.cancelled)
            return RunSummary("printer", request.run.folder, [(name, sent)], printer_name=printer.printerName())

        return self._start(op, self.tr("再印刷しています"))
