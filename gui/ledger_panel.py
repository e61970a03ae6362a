"""The window's side of the issuance ledger: history pane, 発行履歴 menu, proof mode, pending runs.

Thin: every question goes to :mod:`print_engine.ledger` on a worker thread
(:func:`gui.jobs.run_job`), so a slow or unreachable PostgreSQL server never
freezes the window; faults appear in the message strip as one Japanese line.

The ledger is the one ``main.py`` would use: ``OSHIRASE_LEDGER``, else the
window's setting ``ledger/location``, else the default file. 「校正用（記録しない）」
(proof mode) is not remembered between starts, so recording cannot stay
switched off by accident.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from print_engine import (
    LEDGER_DOCUMENT_TEXT,
    LEDGER_STATUS_TEXT,
    Ledger,
    LedgerError,
    LedgerLocation,
    choose_ledger,
    history_rows,
    interrupted_runs,
    issue_states,
    open_ledger,
    pending_message,
    resolve_interrupted,
)

from . import settings
from .jobs import run_job

HISTORY_HEADERS = ("実行", "発行日時", "種類", "書類", "氏名", "事業所", "ファイル", "頁", "状態")


def window_location(proof: bool = False) -> LedgerLocation | None:
    """The window's ledger (None in proof mode). Raises LedgerError for an unusable setting."""
    return choose_ledger(None, no_ledger=proof, window_setting=settings.read("ledger/location") or None)


def open_window_ledger() -> Ledger:
    return open_ledger(window_location())


@contextmanager
def run_ledger(proof: bool) -> Iterator[Ledger | None]:
    """The ledger a print or export run records into, open (None in proof mode); for a worker thread."""
    location = window_location(proof)
    if location is None:
        yield None
        return
    ledger = open_ledger(location)
    try:
        yield ledger
    finally:
        ledger.close()


class HistoryPane(QWidget):
    """Every document issued to the selected member, newest first (``historyPane``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPane")
        self.title = QLabel(self.tr("発行履歴"))
        self.title.setObjectName("historyTitle")
        self.table = QTableWidget(0, len(HISTORY_HEADERS))
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HISTORY_HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)

    def show_history(self, label: str, docs: list[dict] | None, note: str = "") -> None:
        """Fill the table (``docs`` None: nothing selected or no ledger)."""
        rows = history_rows(docs or [])
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            run_id, issued, variant, kind, _k, _b, _e, name, employer, file, page, status = row
            cells = (run_id, issued.replace("T", " ")[:16], variant, LEDGER_DOCUMENT_TEXT.get(kind, kind), name, employer,
                     file, page, LEDGER_STATUS_TEXT.get(status, status))
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        if note:
            self.title.setText(note)
        elif label:
            text = self.tr("発行履歴: %1（%2 件）").replace("%1", label).replace("%2", str(len(rows)))
            self.title.setText(text if rows else self.tr("発行履歴: %1（まだ発行していません）").replace("%1", label))
        else:
            self.title.setText(self.tr("発行履歴"))


class LedgerPanel(QObject):
    """Adds the ledger to a main window: history pane, menu actions, pending-run check.

    Attributes:
        pane: The :class:`HistoryPane` under the problems panel.
        proof_action: 「校正用（記録しない）」, checkable.
        runs_action: ファイル → 発行履歴….
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.pane = HistoryPane()
        window.centre_splitter.addWidget(self.pane)
        window.centre_splitter.setSizes([520, 150, 150])  # table, problems, history
        window.centre_splitter.setCollapsible(2, False)
        self._request = 0
        self._pending_text = ""
        self._states_request = 0
        self.proof_action = QAction(self.tr("校正用（記録しない）"), window)
        self.proof_action.setObjectName("proofAction")
        self.proof_action.setCheckable(True)
        self.proof_action.setStatusTip(self.tr("印刷・出力を発行台帳に記録しません（校正刷り）"))
        self.proof_action.toggled.connect(self._proof_toggled)
        self.runs_action = QAction(self.tr("発行履歴…"), window)
        self.runs_action.setObjectName("ledgerRunsAction")
        self.runs_action.setStatusTip(self.tr("発行台帳の実行の一覧（取消・確定処理・取り込み・書き出し・削除）"))
        self.runs_action.triggered.connect(lambda _c=False: self.open_runs_dialog())
        file_menu = window.menuBar().actions()[0].menu()
        before = window.actions.quit
        file_menu.insertAction(before, self.runs_action)
        file_menu.insertAction(before, self.proof_action)
        file_menu.insertSeparator(before)
        window.table.selectionModel().currentRowChanged.connect(lambda *_a: self.refresh_history())
        window.session.plan_changed.connect(self.refresh_states)
        window.session.workbook_loaded.connect(self.refresh_states)
        QTimer.singleShot(0, self.check_pending)

    @property
    def proof(self) -> bool:
        return self.proof_action.isChecked()

    def location(self) -> LedgerLocation | None:
        """The ledger runs record into (None in proof mode)."""
        return window_location(self.proof)

    def _proof_toggled(self, on: bool) -> None:
        if on:
            self.window.statusBar().showMessage(self.tr("校正用: 印刷・出力を発行台帳に記録しません"))
        else:
            self.window.statusBar().clearMessage()

    def after_run(self) -> None:
        """A print or export run ended: what the ledger says has changed."""
        self.refresh_states()
        self.refresh_history()
        self.check_pending()

    # --- history of the selected member ---------------------------------------

    def refresh_history(self) -> None:
        w = self.window
        row = w.current_source_row()
        if row is None:
            self.pane.show_history("", None)
            return
        m = w.model.member(row)
        label = f"{m.kigo}-{m.bango}-{m.edaban} {m.name}"
        self._request += 1
        request = self._request

        def done(docs) -> None:
            if request == self._request:
                self.pane.show_history(label, docs)

        def failed(exc) -> None:
            if request == self._request:
                note = exc.message if isinstance(exc, LedgerError) else self.tr("発行履歴を読めません")
                self.pane.show_history(label, None, note)

        run_job(self, lambda _ctx: self._history(m.kigo, m.bango, m.edaban), done, failed,
                title=self.tr("発行履歴"))

    @staticmethod
    def _history(kigo: str, bango: str, edaban: str) -> list[dict]:
        with open_window_ledger() as ledger:
            return ledger.history(kigo, bango, edaban)

    # --- 未発行 / 発行済 / 前回から変更 of every row ------------------------------

    def refresh_states(self) -> None:
        """Ask the ledger for every member's state (the status filter's 未発行 / 発行済 / 前回から変更)."""
        plan = self.window.session.plan
        if plan is None:
            return
        members = plan.loaded.members
        kind_of = getattr(plan, "document_of", None) or (lambda _m: "notice")
        self._states_request += 1
        request = self._states_request

        def op(_ctx):
            with open_window_ledger() as ledger:
                states = issue_states(ledger, members, lambda m: kind_of(m) or "notice")
            return [states.of(m) for m in members]

        def done(states: list[str]) -> None:
            if request == self._states_request and self.window.model.members is members:
                self.window.model.set_ledger_states(states)

        run_job(self, op, done, lambda _exc: None, title=self.tr("発行台帳"))

    # --- pending runs and the runs dialog ---------------------------------------

    def check_pending(self) -> None:
        """Say in the message strip when the ledger holds an interrupted run, with the actions to settle it.

        A pending run whose process is still at work (another window, another
        operator on a shared ledger) is not interrupted and is not offered.
        """
        def op(_ctx):
            with open_window_ledger() as ledger:
                interrupted, running = interrupted_runs(ledger)
            first = min((r["id"] for r in interrupted), default=None)
            return pending_message(interrupted, running), first

        def done(result) -> None:
            text, first = result
            bar = self.window.message_bar
            if text:
                self._pending_text = text + self.tr(
                    " 「確定処理」でまとめて確定するか、「発行履歴…」で実行ごとに確認できます。")
                bar.show_message(self._pending_text, "warning", actions=[
                    (self.tr("確定処理"), self.resolve_pending, "pendingResolveButton"),
                    (self.tr("発行履歴…"), lambda: self.open_runs_dialog(select=first), "pendingRunsButton"),
                ])
            elif self._pending_text and bar.message() == self._pending_text:
                bar.clear()  # settled meanwhile

        def failed(exc) -> None:
            if isinstance(exc, LedgerError):
                self.window.message_bar.show_message(exc.message, "warning")

        run_job(self, op, done, failed, title=self.tr("発行台帳"))

    def resolve_pending(self) -> None:
        """The strip's 「確定処理」: settle every interrupted run (``ledger resolve``), then say what happened."""
        bar = self.window.message_bar
        bar.set_actions_enabled(False)

        def op(_ctx):
            with open_window_ledger() as ledger:
                return resolve_interrupted(ledger)

        def done(results: list[tuple[int, str]]) -> None:
            lines = []
            for run_id, status in results:
                if status == "committed":
                    line = self.tr("実行番号 %1 を記録しました。")
                elif status == "failed":
                    line = self.tr("実行番号 %1 は出力が揃っていないため取り消しました。")
                else:
                    line = self.tr("実行番号 %1 はすでに確定していました。")
                lines.append(line.replace("%1", str(run_id)))
            self._pending_text = ""
            bar.show_message("".join(lines) or self.tr("確定処理の必要な実行はありませんでした。"), "info")
            self.refresh_states()
            self.refresh_history()

        def failed(exc) -> None:
            bar.set_actions_enabled(True)
            bar.show_message(exc.message if isinstance(exc, LedgerError) else self.tr("確定処理に失敗しました"), "warning")

        run_job(self, op, done, failed, title=self.tr("確定処理"))

    def open_runs_dialog(self, select: int | None = None):
        """ファイル → 発行履歴…: the runs dialog (with run ``select`` selected once the list is read)."""
        from .ledger_dialog import RunsDialog

        dialog = RunsDialog(self.window, select=select)
        dialog.finished.connect(lambda _r: (self.refresh_history(), self.check_pending()))
        dialog.open()
        return dialog
