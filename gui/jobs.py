"""Background operations: work on a worker thread, results on the GUI thread.

The shape follows Anki's ``QueryOp``: an ``op`` callable runs on a thread of
the global ``QThreadPool`` and must not touch any widget; ``success`` and
``failure`` run on the GUI thread. The op receives a :class:`JobContext`
whose ``progress`` and ``cancelled`` methods plug straight into the engine's
callbacks (``load_members(progress=..., cancelled=...)``), so Cancel is
cooperative: the engine polls the flag between chunks and raises
:class:`~print_engine.plan.run.Cancelled`.

Progress is shown only when the job has run for :data:`SHOW_AFTER_MS`
(0.5 s), so quick jobs never flicker a dialog (Anki's ``progress.py``).
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from print_engine import Cancelled, OperatorError

_log = logging.getLogger("oshirase.gui")

SHOW_AFTER_MS = 500
PROGRESS_INTERVAL_S = 0.05




class JobContext:
    """What an op may use from its worker thread.

    Attributes:
        job: The owning :class:`Job` (only its thread-safe parts are used).
    """

    def __init__(self, job: Job) -> None:
        self.job = job
        self._last = 0.0

    def progress(self, done: int, total: int, label: str = "") -> None:
        """Report progress (throttled; safe to call for every row or page)."""
        now = time.monotonic()
        if done < total and now - self._last < PROGRESS_INTERVAL_S:
            return
        self._last = now
        self.job._progress.emit(int(done), int(total), label)

    def cancelled(self) -> bool:
        """True once the operator asked to cancel (the engine's cancel check)."""
        return self.job.cancel_event.is_set()


class _Runner(QRunnable):
    def __init__(self, job: Job, op: Callable[[JobContext], Any]) -> None:
        super().__init__()
        self.job = job
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        job = self.job
        try:
            result = self.op(JobContext(job))
        except Cancelled:
            job._outcome.emit(("cancelled", None))
        except BaseException as exc:  # noqa: BLE001 - reported on the GUI thread
            job.error_text = "".join(traceback.format_exception(exc))
            if not isinstance(exc, OperatorError):  # a bug, not the operator's input: support needs its traceback
                _log.error("background job failed: %s", type(exc).__name__, exc_info=exc)
            job._outcome.emit(("failed", exc))
        else:
            job._outcome.emit(("succeeded", result))


class Job(QObject):
    """One background operation with cooperative cancel.

    The worker only emits two private signals, received by slots of this
    object (which lives on the GUI thread), so every public signal below is
    emitted on the GUI thread and any callable connected to it runs there.

    Signals:
        progressed(int, int, str): done, total and a label, from the op.
        succeeded(object): the op's result.
        failed(object): the exception the op raised.
        cancelled(): the op stopped because Cancel was requested.
        finished(): after any of the three above.

    Attributes:
        title: Shown in the progress dialog.
        cancel_event: Set when the operator cancels.
        error_text: The traceback of a failure (for the log, not the user).
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()
    _progress = Signal(int, int, str)
    _outcome = Signal(object)

    def __init__(self, op: Callable[[JobContext], Any], title: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.cancel_event = threading.Event()
        self.error_text = ""
        self.running = False
        self.started_at = 0.0
        self._op = op
        self._progress.connect(self._relay_progress)
        self._outcome.connect(self._deliver)

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, label: str) -> None:
        if self.running:
            self.progressed.emit(done, total, label)

    @Slot(object)
    def _deliver(self, outcome: tuple[str, Any]) -> None:
        kind, value = outcome
        self.running = False
        try:
            if kind == "succeeded":
                self.succeeded.emit(value)
            elif kind == "failed":
                self.failed.emit(value)
            else:
                self.cancelled.emit()
        finally:
            self.finished.emit()

    def start(self) -> Job:
        """Run the op on the global thread pool; returns self for chaining."""
        self.running = True
        self.started_at = time.monotonic()
        QThreadPool.globalInstance().start(_Runner(self, self._op))
        return self

    def cancel(self) -> None:
        """Ask the op to stop at its next cancel check."""
        self.cancel_event.set()


def run_job(
    parent: QObject,
    op: Callable[[JobContext], Any],
    success: Callable[[Any], None],
    failure: Callable[[BaseException], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    title: str = "",
    start: bool = True,
) -> Job:
    """Start ``op`` in the background and route its outcome (Anki-style).

    Args:
        parent: Owns the job (keeps it alive until it finishes).
        op: Runs on a worker thread with a :class:`JobContext`; no UI calls.
        success: Called on the GUI thread with the op's result.
        failure: Called on the GUI thread with the exception.
        cancelled: Called on the GUI thread after a cooperative cancel.
        title: For the progress display.
        start: False returns the job unstarted, so that more slots can be
            connected before it can possibly finish; call ``job.start()``.

    Returns:
        The job (attach a progress display to it).
    """
    job = Job(op, title, parent)
    job.succeeded.connect(success)
    if failure is not None:
        job.failed.connect(failure)
    if cancelled is not None:
        job.cancelled.connect(cancelled)
    job.finished.connect(job.deleteLater)
    return job.start() if start else job


def format_seconds(seconds: float) -> str:
    """``1:05`` / ``1:02:03`` for a duration (time left)."""
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def time_left(started_at: float, done: int, total: int) -> float | None:
    """Seconds left at the current rate, or None while unknown."""
    if done <= 0 or total <= 0 or done > total:
        return None
    elapsed = time.monotonic() - started_at
    if elapsed < 0.5:
        return None
    return elapsed * (total - done) / done


class ProgressPopup(QProgressDialog):
    """A progress dialog for a job: appears after 0.5 s, Cancel cancels.

    The label shows the op's stage, ``done / total`` and the time left.
    The dialog closes itself when the job finishes.
    """

    def __init__(self, job: Job, parent: QWidget | None, unit: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("jobProgress")
        self.job = job
        self.unit = unit
        self.setWindowTitle(job.title or self.tr("処理中"))
        self.setCancelButtonText(self.tr("中止"))
        self.setMinimumWidth(420)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(2**30)  # shown by our own timer, not Qt's
        self.setRange(0, 0)
        self.setLabelText(job.title)
        self.hide()
        self.canceled.connect(self._cancel)
        job.progressed.connect(self._update)
        job.finished.connect(self._done)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._timer.timeout.connect(self._show_if_running)
        self._timer.start()

    def _show_if_running(self) -> None:
        if self.job.running:
            self.show()

    def _update(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
        else:
            self.setRange(0, 0)
        text = label or self.job.title
        if total > 0:
            text += f"\n{done:,} / {total:,} {self.unit}".rstrip()
            left = time_left(self.job.started_at, done, total)
            if left is not None:
                text += "\n" + self.tr("残り時間: 約 %1").replace("%1", format_seconds(left))
        self.setLabelText(text)

    def _cancel(self) -> None:
        self.setLabelText(self.tr("中止しています…"))
        self.setCancelButton(None)
        self.job.cancel()

    def _done(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()


class StatusProgress(QWidget):
    """A progress bar with a Cancel button for the status bar.

    It appears only when the attached job runs for more than 0.5 s.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton

        super().__init__(parent)
        self.setObjectName("statusProgress")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName("loadProgress")
        self.bar.setFixedWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("loadCancel")
        self.cancel_button.setText(self.tr("中止"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.job: Job | None = None
        self.cancel_button.clicked.connect(self._cancel)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._timer.timeout.connect(self._show_if_running)
        self.hide()

    def attach(self, job: Job) -> None:
        """Follow ``job`` until it finishes."""
        self.job = job
        self.bar.setRange(0, 0)
        self.label.setText(job.title)
        self.cancel_button.setEnabled(True)
        job.progressed.connect(self._update)
        job.finished.connect(self._done)
        self._timer.start()

    def _show_if_running(self) -> None:
        if self.job is not None and self.job.running:
            self.show()

    def _update(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        if label:
            self.label.setText(label)

    def _cancel(self) -> None:
        if self.job is not None:
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("中止しています…"))
            self.job.cancel()

    def _done(self) -> None:
        self._timer.stop()
        self.job = None
        self.hide()
