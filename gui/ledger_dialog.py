"""ファイル → 発行履歴: the ledger's runs, and what an operator does with them.

Void a run (some pages may have printed wrongly), settle a pending run
(確定処理 = ``ledger resolve``), import an old run folder, export the
documents to CSV, purge old documents, and choose where the ledger is. Each
is one engine call on a worker thread with a progress popup that can cancel
until the ledger is written (a ledger write is one transaction: it is kept
whole or not at all).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from print_engine import (
    LEDGER_STATUS_TEXT,
    Cancelled,
    LedgerError,
    alive_runs,
    export_csv_bytes,
    import_run_folder,
    local_midnight,
    local_time,
    location_of,
    resolve_run,
    void_run,
)

from . import settings
from .jobs import ProgressPopup, run_job
from .ledger_panel import open_window_ledger, window_location

RUN_HEADERS = ("実行", "開始", "状態", "種類", "ワークブック", "お知らせ", "確認書", "封筒", "事業所", "担当者", "出力")
RUNS_SHOWN = 500


class RunsDialog(QDialog):
    """The runs list (``runsDialog``) with 取り消し / 確定処理 / 取り込み / 書き出し / 削除.

    ``select``: a run to select once the list is read (the message strip's 「発行履歴…」).
    A pending run still at work in its own process shows as 実行中 and cannot be settled.
    """

    def __init__(self, window, select: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.setObjectName("runsDialog")
        self.setWindowTitle(self.tr("発行履歴（発行台帳）"))
        self.resize(1100, 520)
        self.runs: list[dict] = []
        self.alive: set[int] = set()
        self._select = select
        self.where = QLabel()
        self.where.setObjectName("ledgerWhere")
        self.where.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("ledgerStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(RUN_HEADERS))
        self.table.setObjectName("runsTable")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in RUN_HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        self.void_button = self._button("voidButton", self.tr("取り消し…"), self.void_selected, buttons)
        self.resolve_button = self._button("resolveButton", self.tr("確定処理"), self.resolve_selected, buttons)
        buttons.addStretch(1)
        self._button("importButton", self.tr("取り込み…"), self.import_dialog, buttons)
        self._button("exportButton", self.tr("書き出し…"), self.export_dialog, buttons)
        self._button("purgeButton", self.tr("古い記録の削除…"), self.purge_dialog, buttons)
        self._button("locationButton", self.tr("台帳の場所…"), self.location_dialog, buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()

    def _button(self, name, text, slot, row) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False: slot())
        row.addWidget(button)
        return button

    # --- the list ---------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.where.setText(self.tr("発行台帳: %1").replace("%1", window_location().label))
        except LedgerError as exc:
            self.where.setText(exc.message)

        def op(_ctx):
            with open_window_ledger() as ledger:
                runs = ledger.runs(limit=RUNS_SHOWN)
                return runs, alive_runs(ledger, [r["id"] for r in runs if r["status"] == "pending"])

        self._job(op, lambda result: self._show_runs(*result), self.tr("発行台帳を読んでいます"), popup=False)

    def _show_runs(self, runs: list[dict], alive: set[int] = frozenset()) -> None:
        self.runs, self.alive = runs, set(alive)
        self.table.setRowCount(len(runs))
        for r, run in enumerate(runs):
            status = (self.tr("実行中") if run["id"] in self.alive
                      else LEDGER_STATUS_TEXT.get(run["status"], run["status"]))
            cells = (run["id"], local_time(run["started_at"]).replace("T", " ")[:16],
                     status, run["variant"], run["workbook"], run["notices"],
                     run["certificates"], run["envelopes"], run["employers"], run["operator"], run["output"])
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        if self._select is not None:
            self.select_run(self._select)
            self._select = None
        self._update_buttons()

    def selected_run(self) -> dict | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.runs[rows.pop()] if len(rows) == 1 else None

    def select_run(self, run_id: int) -> None:
        for r, run in enumerate(self.runs):
            if run["id"] == run_id:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        run = self.selected_run()
        self.void_button.setEnabled(run is not None and run["status"] in ("committed", "pending"))
        self.resolve_button.setEnabled(run is not None and run["status"] == "pending" and run["id"] not in self.alive)

    # --- work on a worker thread --------------------------------------------------

    def _job(self, op, success, title: str, popup: bool = True) -> None:
        def failed(exc) -> None:
            self.status.setText(exc.message if isinstance(exc, LedgerError) else
                                self.tr("発行台帳の処理に失敗しました（%1）").replace("%1", type(exc).__name__))

        job = run_job(self, op, success, failed, cancelled=lambda: self.status.setText(self.tr("中止しました。")),
                      title=title, start=False)
        if popup:
            ProgressPopup(job, self)
        job.start()

    def _done(self, text: str):
        def show(_result=None) -> None:
            self.status.setText(text if _result is None else text.replace("%1", str(_result)))
            self.reload()
        return show

    def void_selected(self) -> None:
        run = self.selected_run()
        if run is None:
            return
        answer = QMessageBox.question(
            self, self.tr("取り消し"),
            self.tr("実行 %1 の書類をすべて取り消します（発行していないものとして扱います）。よろしいですか？")
            .replace("%1", str(run["id"])))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def op(_ctx):
            with open_window_ledger() as ledger:
                return void_run(ledger, run["id"])

        self._job(op, self._done(self.tr("書類 %1 件を取り消しました。")), self.tr("取り消しています"))

    def resolve_selected(self) -> None:
        run = self.selected_run()
        if run is None:
            return

        def op(_ctx):
            with open_window_ledger() as ledger:
                return resolve_run(ledger, run["id"])

        def shown(status: str) -> None:
            self.status.setText(self.tr("出力が揃っているので、発行済みとして記録しました。") if status == "committed"
                                else self.tr("出力が揃っていないので、この実行の書類を取り消しました。"))
            self.reload()

        self._job(op, shown, self.tr("確定処理をしています"))

    def import_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("取り込む実行フォルダ（manifest.csv のあるフォルダ）"))
        if folder:
            self.import_folder(folder)

    def import_folder(self, folder: str) -> None:
        def op(ctx):
            ctx.progress(0, 0, self.tr("manifest.csv を読んでいます"))
            with open_window_ledger() as ledger:
                if ctx.cancelled():
                    raise Cancelled
                return import_run_folder(ledger, folder)

        def shown(result) -> None:
            self.status.setText(
                self.tr("取り込み済みです（実行 %1）。何も変更していません。").replace("%1", str(result.run_id))
                if result.already else
                self.tr("実行 %1 として取り込みました（書類 %2 件）。").replace("%1", str(result.run_id))
                .replace("%2", str(result.documents)))
            self.reload()

        self._job(op, shown, self.tr("実行フォルダを取り込んでいます"))

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("発行した書類を CSV に書き出す"),
                                              settings.read("files/last_export_dir"), "CSV (*.csv)")
        if path:
            self.export_to(path)

    def export_to(self, path: str, start=None, end=None) -> None:
        def op(ctx):
            with open_window_ledger() as ledger:
                docs = ledger.documents_between(start, end)
            if ctx.cancelled():
                raise Cancelled
            target = Path(path)
            tmp = target.with_name(f".{target.name}.partial")
            tmp.write_bytes(export_csv_bytes(docs))
            tmp.replace(target)  # the whole file or none
            return len(docs)

        self._job(op, self._done(self.tr("書類 %1 件を書き出しました。")), self.tr("書き出しています"))

    def purge_dialog(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("古い記録の削除"))
        edit = QDateEdit(QDate.currentDate().addYears(-5))
        edit.setObjectName("purgeBefore")
        edit.setCalendarPopup(True)
        form = QFormLayout(dialog)
        form.addRow(self.tr("この日より前に発行した書類を削除:"), edit)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        form.addRow(box)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.purge_before(edit.date().toPython())

    def purge_before(self, before: date, confirm=None) -> None:
        cutoff = local_midnight(before)
        with open_window_ledger() as ledger:
            docs, runs = ledger.purge_counts(cutoff)
        ask = confirm or (lambda text: QMessageBox.question(self, self.tr("古い記録の削除"), text)
                          == QMessageBox.StandardButton.Yes)
        text = (self.tr("%1 より前に発行した書類 %2 件と、空になる実行 %3 件を削除します。元に戻せません。よろしいですか？")
                .replace("%1", before.isoformat()).replace("%2", str(docs)).replace("%3", str(runs)))
        if not (docs or runs) or not ask(text):
            self.status.setText(self.tr("削除しませんでした。"))
            return

        def op(ctx):
            if ctx.cancelled():
                raise Cancelled
            with open_window_ledger() as ledger:
                return ledger.purge(cutoff)

        def shown(counts) -> None:
            self.status.setText(self.tr("書類 %1 件と実行 %2 件を削除しました。").replace("%1", str(counts[0]))
                                .replace("%2", str(counts[1])))
            self.reload()

        self._job(op, shown, self.tr("削除しています"))

    def location_dialog(self) -> None:
        current = settings.read("ledger/location")
        text, ok = QInputDialog.getText(
            self, self.tr("台帳の場所"),
            self.tr("SQLite のファイル、または共有の PostgreSQL（postgresql://ユーザー@サーバー/データベース）。"
                    "空欄は既定のファイル:"), text=current)
        if ok:
            self.set_location(text.strip())

    def set_location(self, text: str) -> None:
        try:
            if text:
                location_of(text)
        except LedgerError as exc:
            self.status.setText(exc.message)
            return
        settings.write("ledger/location", text)
        self.status.setText("")
        self.reload()
