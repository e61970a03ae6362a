"""The run's own warnings (texts a page would cut …) in the problems panel, computed off the GUI thread.

The workbook's problems are shown as soon as it is loaded; the warnings
that depend on the run (:func:`print_engine.run_warnings`) follow a moment
later, for the plan the window shows, and again whenever that plan changes
(settings saved, another variant). A result for a plan that is no longer
the window's is dropped.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from print_engine import Problem, run_warnings

from .jobs import JobContext, run_job


class RunWarnings(QObject):
    """Computes the warnings of the window's plan in the background.

    Signals:
        ready(object, list): the plan and its warnings.
    """

    ready = Signal(object, list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = None  # the plan asked for last
        self.warnings: list[Problem] = []
        self.job = None

    def start(self, plan) -> None:
        """Compute the warnings of ``plan`` (a newer call supersedes an older one)."""
        self.plan = plan
        self.warnings = []
        if plan is None:
            return

        def op(ctx: JobContext) -> tuple:
            return plan, run_warnings(plan)

        self.job = run_job(self, op, self._done, self._failed, title=self.tr("印刷時の文字のはみ出しを確認しています"))

    def _failed(self, exc: BaseException) -> None:
        # The workbook's own problems are shown already; the window goes on without these.
        logging.getLogger(__name__).warning("run warnings not computed (%s)", type(exc).__name__)

    def _done(self, result: tuple) -> None:
        plan, warnings = result
        if plan is not self.plan:
            return  # a newer plan has been asked for meanwhile
        self.warnings = warnings
        self.ready.emit(plan, warnings)
