"""Background jobs: results on the GUI thread, delayed progress, cooperative cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QPushButton

from gui.jobs import Job, ProgressPopup, format_seconds, run_job, time_left
from print_engine.plan.run import Cancelled


def test_success_is_delivered_on_the_gui_thread(qtbot):
    seen = {}

    def op(ctx):
        seen["worker"] = threading.current_thread()
        return 42

    def success(value):
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is QApplication.instance().thread()

    job = run_job(None, op, success)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42 and seen["gui"]
    assert seen["worker"] is not threading.main_thread()
    assert not job.running


def test_failure_and_cancel_are_reported(qtbot):
    errors = []
    job = run_job(None, lambda ctx: 1 / 0, lambda v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)
    assert "ZeroDivisionError" in job.error_text

    release = threading.Event()

    def op(ctx):
        while not ctx.cancelled():
            release.wait(0.01)
        raise Cancelled

    cancelled = []
    job = run_job(None, op, lambda v: None, cancelled=lambda: cancelled.append(True))
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.cancel()
    assert cancelled == [True]


def test_progress_dialog_appears_only_after_half_a_second(qtbot):
    gate = threading.Event()

    def op(ctx):
        for i in range(3):
            ctx.progress(i, 3, "作業中")
        gate.wait(10)
        return "done"

    job = Job(op, "テスト")
    popup = ProgressPopup(job, None, "ページ")
    job.start()
    assert not popup.isVisible()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert job.running
    with qtbot.waitSignal(job.finished, timeout=5000):
        popup.findChild(QPushButton).click()  # the Cancel button
        assert job.cancel_event.is_set()
        gate.set()


def test_a_quick_job_never_shows_a_dialog(qtbot):
    job = Job(lambda ctx: 1, "速い")
    popup = ProgressPopup(job, None)
    shown = []
    popup.canceled.connect(lambda: shown.append(1))
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    assert not popup.isVisible() and not shown


def test_time_left_and_formatting():
    import time

    assert time_left(time.monotonic(), 0, 10) is None
    assert time_left(time.monotonic() - 10, 5, 10) == pytest.approx(10, rel=0.05)
    assert format_seconds(65) == "1:05"
    assert format_seconds(3723) == "1:02:03"


def test_emitting_signals_does_not_leak_true():
    """PySide6 6.12.0 lost a reference to True per emit (a crash after a long run);
    the pinned binding must not."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        ping = Signal(int)

    source = Source()
    before = sys.getrefcount(True)
    for i in range(2000):
        source.ping.emit(i)
    assert sys.getrefcount(True) >= before - 5


def test_void_calls_do_not_leak_none():
    """PySide6 6.12.0 released None once per void call (a crash after ~30 painted
    pages on Python 3.11); the pinned binding must not."""
    import sys

    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(2000):
        point.setX(1.0)
    assert sys.getrefcount(None) >= before - 5
