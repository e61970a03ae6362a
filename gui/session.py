"""The open workbook, the run profile and the current run plan.

A :class:`Session` is what the window works on: it loads a workbook on a
worker thread (``print_engine.plan.run.load_members``), plans the run for the
view (``plan_run`` with the profile, no selection) and answers the preview's
questions (which envelope and shipment a member belongs to). It holds no
rule of its own: every decision comes from ``print_engine``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from print_engine import (
    BatchError,
    Cancelled,
    Envelope,
    FontSet,
    LoadedWorkbook,
    Member,
    ProfileError,
    RunPlan,
    RunProfile,
    Selection,
    Shipment,
    WorkbookError,
    collector,
    load_members,
    load_profile_document,
    log_problems,
    logged_run,
    plan_run,
)

from .jobs import Job, JobContext, OperatorError, run_job
from .member_index import MemberIndex, build_index, set_mailed_rows, statuses_of


def view_selection(loaded: LoadedWorkbook, profile: RunProfile) -> Selection:
    """The selection the window plans with: none, or every household for a reissue."""
    if profile.run.variant != "reissue":
        return Selection()
    return Selection(households=frozenset(m.household_key for m in loaded.members if m.kigo and m.bango))


def plan_for_view(loaded: LoadedWorkbook, profile: RunProfile, issue_date: date) -> RunPlan:
    """Plan the whole workbook as the window shows it."""
    return plan_run(loaded, profile, issue_date, view_selection(loaded, profile))


def _t(text: str) -> str:
    return QCoreApplication.translate("Session", text)


def error_message(exc: BaseException) -> str:
    """The operator-facing text of an engine error (never a traceback)."""
    if isinstance(exc, WorkbookError):
        return exc.message
    if isinstance(exc, (ProfileError, ValueError, FileNotFoundError, BatchError, OperatorError)):
        return str(exc)
    if isinstance(exc, MemoryError):
        return _t("メモリが不足しています。")
    if isinstance(exc, OSError):
        return _t("ファイルを読み書きできません（%1）。").replace("%1", str(exc.strerror or exc))
    return _t("予期しないエラーが発生しました（%1）。").replace("%1", f"{type(exc).__name__}: {exc}")


class Session(QObject):
    """Workbook + profile + view plan.

    Signals:
        workbook_loaded(): a workbook was (re)loaded and planned.
        plan_changed(): the view plan changed (profile edited).
        load_failed(str): loading failed; the Japanese message.
        busy_changed(bool): a background load started / ended.

    Attributes:
        profile: The run profile in use.
        profile_path: Its file (``None``: the bundled default).
        profile_document: The TOML document it came from (kept for saving).
        loaded: The loaded workbook, or ``None``.
        plan: The view plan of ``loaded``, or ``None``.
        counts: ``plan.counts()``, computed once per plan.
        index: The per-row lists of ``loaded`` (built on the worker).
        issue_date: The resolved issue date of the profile.
    """

    workbook_loaded = Signal()
    plan_changed = Signal()
    load_failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile_path: Path | None = None
        doc = load_profile_document(None)
        self.profile: RunProfile = doc.profile
        self.profile_document = doc.document
        self.loaded: LoadedWorkbook | None = None
        self.plan: RunPlan | None = None
        self.counts: dict[str, int] = {}
        self.index: MemberIndex | None = None
        self.issue_date = self.profile.issue_date_resolved(date.today())
        self.job: Job | None = None
        self.replan_job: Job | None = None  # the latest re-plan after a profile change
        self._placement: dict[Member, tuple[Envelope, Shipment]] | None = None
        self._maker = None

    # --- profile -------------------------------------------------------------

    def load_profile_file(self, path: str | Path | None) -> None:
        """Use the profile in ``path`` (None: the bundled default).

        Raises:
            ProfileError: the file is not a valid profile.
        """
        doc = load_profile_document(path)
        self.profile_path = Path(path) if path else None
        self.profile_document = doc.document
        self.set_profile(doc.profile)

    def set_profile(self, profile: RunProfile) -> None:
        """Use ``profile`` and re-plan the loaded workbook with it."""
        self.profile = profile
        self.issue_date = profile.issue_date_resolved(date.today())
        self._maker = None
        if self.loaded is not None:
            self.replan()

    def replan(self) -> Job | None:
        """Re-apply the rules to the whole workbook (after the profile changed), on a worker thread.

        The window keeps showing the previous plan until the new one is ready
        (``plan_changed``): at 300,000 members planning takes seconds, and the
        window must not freeze. A result for a profile replaced meanwhile is dropped.
        """
        if self.loaded is None:
            return None
        loaded, profile, issue_date = self.loaded, self.profile, self.issue_date

        def op(ctx: JobContext) -> tuple:
            plan = plan_for_view(loaded, profile, issue_date)
            return plan, plan.counts(), statuses_of(plan)

        def done(result: tuple) -> None:
            if self.loaded is loaded and self.profile is profile:
                self._replanned(result)

        self.replan_job = run_job(self, op, done, self._failed, title=_t("対象者を判定し直しています"))
        return self.replan_job

    def _replanned(self, result: tuple) -> None:
        self.plan, self.counts, statuses = result
        if self.index is not None:
            self.index.statuses = statuses
            set_mailed_rows(self.index, self.plan)
        self._placement = None
        self.plan_changed.emit()

    # --- loading -------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def open(self, path: str | Path) -> Job:
        """Load ``path`` in the background; the outcome comes as a signal."""
        path = Path(path)
        profile = self.profile
        issue_date = self.issue_date

        def op(ctx: JobContext) -> tuple:
            with logged_run("load", suffix=path.suffix.lower()) as run:  # the support log
                fonts = FontSet.load(profile.fonts.fallback)
                loaded = load_members(path, profile, ctx.progress, ctx.cancelled, fonts.missing_chars)
                ctx.progress(1, 1, _t("対象者を判定しています"))
                plan = plan_for_view(loaded, profile, issue_date)
                if ctx.cancelled():
                    raise Cancelled
                log_problems(loaded.problems())
                run["counts"] = counts = plan.counts()
            ctx.progress(1, 1, _t("一覧を準備しています"))
            return loaded, plan, counts, build_index(loaded, plan)

        title = self.tr("ワークブックを読み込んでいます")
        # The collector is the process's: the GUI thread pauses it for the load job
        # (the engine never switches it from the worker thread) and resumes it after.
        self._collector_paused = collector.pause()
        job = run_job(self, op, self._loaded, self._failed, self._cancelled, title=title)
        job.finished.connect(self._job_done)
        self.job = job
        self.busy_changed.emit(True)
        return job

    def _job_done(self) -> None:
        if getattr(self, "_collector_paused", False):
            self._collector_paused = False
            collector.resume()
        self.job = None
        self.busy_changed.emit(False)

    def _loaded(self, result: tuple) -> None:
        self.loaded, self.plan, self.counts, self.index = result
        self._placement = None
        self.workbook_loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.load_failed.emit(error_message(exc))

    def _cancelled(self) -> None:
        self.load_failed.emit(self.tr("読み込みを中止しました。"))

    # --- questions of the preview ------------------------------------------

    def placement(self, member: Member) -> tuple[Envelope, Shipment] | None:
        """The envelope and shipment a member's notice goes in (None if excluded)."""
        if self.plan is None:
            return None
        if self._placement is None:
            self._placement = {
                m: (env, s) for s in self.plan.shipments for env in s.envelopes for m in env.members
            }
        return self._placement.get(member)

    def page_maker(self):
        """The engine's render context for the current profile and issue date."""
        if self._maker is None:
            from print_engine import RenderContext

            self._maker = RenderContext(self.profile, self.issue_date)
        return self._maker

    def profile_with(self, **run_changes: str) -> RunProfile:
        """The profile with some ``[run]`` values replaced (print dialog choices)."""
        return dataclasses.replace(self.profile, run=dataclasses.replace(self.profile.run, **run_changes))
