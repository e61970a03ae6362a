"""The main window: employers, members, problems and the page preview.

Left the employer tree (print scope check boxes), in the centre the filter
bar over the member table with the problems list below it, right the page
preview. Every decision is the engine's: the window loads through
:class:`~gui.session.Session`, shows what ``plan_run`` decided, and prints
and exports through :mod:`gui.run_control`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from print_engine import MEMBER_FILE_SUFFIXES, Problem, profile_warnings

from . import settings
from .employer_tree import EmployerTree
from .filter_bar import FilterBar
from .jobs import Job, StatusProgress
from .ledger_panel import LedgerPanel
from .main_actions import WindowActions
from .member_filter import MemberFilter, MemberFilterProxy
from .member_model import MemberTableModel
from .message_bar import MessageBar
from .preview_document import document_for_member
from .preview_pane import PreviewPane
from .problems_panel import ProblemsPanel
from .run_warnings import RunWarnings
from .session import Session

COLUMN_WIDTHS = (56, 172, 86, 74, 136, 44, 130, 150, 88, 88)
SPLITTER_SIZES = (370, 710, 520)
EXCEL_SUFFIXES = MEMBER_FILE_SUFFIXES  # every format the engine reads (.xlsx … .csv)


class MainWindow(QMainWindow):
    """The operators' window.

    Attributes:
        session: Workbook, profile and view plan.
        model: All member rows; ``proxy`` the filtered, sorted view of them.
        table, tree, filters, problems, preview: The main widgets.
        actions: The menu and toolbar actions (:class:`WindowActions`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.session = Session(self)
        profile_problem = ""
        profile_path = settings.read("profile/path")
        if profile_path:
            try:
                self.session.load_profile_file(profile_path)
            except ValueError as exc:  # ProfileError: the file changed or vanished since last time
                profile_problem = str(exc)
        self.model = MemberTableModel(self)
        self.proxy = MemberFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_widgets()
        self.actions = WindowActions(self)
        self.ledger = LedgerPanel(self)
        self._connect()
        self._restore_state()
        self._update_title()
        self._update_counts()
        if profile_problem:
            self.message_bar.show_message(
                self.tr("前回の実行プロファイルを使えないため、標準のプロファイルを使います: ") + profile_problem, "warning")

    # --- building ------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.tree = EmployerTree()
        self.filters = FilterBar()
        self.table = QTableView()
        self.table.setObjectName("memberTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for col, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.problems = ProblemsPanel()
        self.run_warnings = RunWarnings(self)  # texts the pages would cut: listed once computed
        self.preview = PreviewPane()
        self.preview.set_window(self.session.profile.envelope)
        self.message_bar = MessageBar()

        table_box = QWidget()
        box = QVBoxLayout(table_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.filters)
        box.addWidget(self.table)
        self.centre_splitter = QSplitter(Qt.Orientation.Vertical)
        self.centre_splitter.setObjectName("centreSplitter")
        self.centre_splitter.addWidget(table_box)
        self.centre_splitter.addWidget(self.problems)
        self.centre_splitter.setStretchFactor(0, 3)
        self.centre_splitter.setStretchFactor(1, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.tree)
        self.main_splitter.addWidget(self.centre_splitter)
        self.main_splitter.addWidget(self.preview)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setStretchFactor(2, 0)
        self.main_splitter.setSizes(list(SPLITTER_SIZES))
        self.centre_splitter.setSizes([640, 180])
        self._sized = False

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.status_progress = StatusProgress()
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.status_progress)

    def _connect(self) -> None:
        s = self.session
        s.workbook_loaded.connect(self._on_loaded)
        s.plan_changed.connect(self._on_plan_changed)
        s.load_failed.connect(lambda text: self.message_bar.show_message(text, "error"))
        s.busy_changed.connect(self._on_busy)
        self.run_warnings.ready.connect(self._on_run_warnings)
        self.filters.filter_changed.connect(self._apply_filter)
        self.proxy.filter_changed.connect(self._update_counts)
        self.tree.scope_selected.connect(self.filters.set_scope)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.problems.problem_activated.connect(self.jump_to_problem)
        self.preview.set_zoom(settings.read("preview/zoom"))
        self.preview.set_outlines(settings.read("preview/show_window"))

    def _restore_state(self) -> None:
        geometry = settings.read("window/geometry")
        if geometry.isEmpty():
            self.resize(1600, 960)
        else:
            self.restoreGeometry(geometry)
        for key, splitter in (("window/main_splitter", self.main_splitter),
                              ("window/centre_splitter", self.centre_splitter)):
            state = settings.read(key)
            if not state.isEmpty():
                splitter.restoreState(state)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._sized and settings.read("window/main_splitter").isEmpty():
            total = sum(self.main_splitter.sizes()) or sum(SPLITTER_SIZES)
            scale = total / sum(SPLITTER_SIZES)
            self.main_splitter.setSizes([round(s * scale) for s in SPLITTER_SIZES])
        self._sized = True

    def _save_state(self) -> None:
        settings.write("window/geometry", self.saveGeometry())
        settings.write("window/main_splitter", self.main_splitter.saveState())
        settings.write("window/centre_splitter", self.centre_splitter.saveState())
        settings.write("preview/zoom", str(self.preview.zoom.currentData()))
        settings.write("preview/show_window", self.preview.outline.isChecked())

    # --- opening -------------------------------------------------------------

    def open_workbook(self, path: str | Path) -> Job | None:
        """Load ``path`` in the background (the window stays responsive)."""
        if self.session.busy:
            return None
        self.message_bar.clear()
        self._reload_key = self._current_member_key()
        self._pending_path = Path(path)
        job = self.session.open(path)
        self.status_progress.attach(job)
        return job

    def reload(self) -> Job | None:
        """Read the same workbook again (filters and the selected member stay)."""
        if self.session.loaded is None:
            return None
        return self.open_workbook(self.session.loaded.path)

    def _on_busy(self, busy: bool) -> None:
        self.actions.set_busy(busy)

    def _on_loaded(self) -> None:
        s = self.session
        self.model.set_workbook(s.loaded, s.index)
        self.model.set_documents(s.plan.document_of if s.plan is not None else None)
        self.filters.set_workbook(s.loaded, s.index)
        self.tree.set_plan(s.plan, s.index)
        self.problems.set_problems(self._problems())
        self.run_warnings.start(s.plan)
        settings.add_recent_file(s.loaded.path)
        self.actions.update_recent_menu()
        self._update_title()
        self._update_counts()
        errors = sum(1 for p in s.loaded.row_errors())
        stale = profile_warnings(s.profile, date.today())
        notes = "".join("\n" + n for n in s.loaded.notes)  # how a CSV was read (a guessed Shift_JIS)
        if errors:
            self.message_bar.show_message(
                self.tr("%1 行にエラーがあります。エラーのある世帯は印刷されません。下の「問題の一覧」で確認してください。")
                .replace("%1", f"{len({(p.sheet, p.row) for p in s.loaded.row_errors()}):,}") + notes, "warning")
        elif stale:  # an earlier run's dates, the sample insurer: said before anything is printed
            self.message_bar.show_message("\n".join(p.message for p in stale) + notes, "warning")
        elif notes:
            self.message_bar.show_message(notes.strip(), "info")
        key = getattr(self, "_reload_key", None)
        row = self.model.row_of_key(key) if key else None
        if row is not None and self.proxy.proxy_row(row) >= 0:
            self.select_source_row(row)
        else:
            self.preview.show_document(None)

    def _problems(self) -> list[Problem]:
        """The workbook's problems and the run's own row errors (a mailed household without an address)."""
        s = self.session
        return s.loaded.problems() + (list(s.plan.run_errors) if s.plan is not None else [])

    def _on_plan_changed(self) -> None:
        index = self.session.index
        if index is not None:
            self.model.refresh_statuses(index.statuses)
        plan = self.session.plan
        self.model.set_documents(plan.document_of if plan is not None else None)
        self.tree.set_plan(self.session.plan, index)
        self.preview.set_window(self.session.profile.envelope)
        self._update_counts()
        self._show_preview_of_current()
        if self.session.loaded is not None:
            self.problems.set_problems(self._problems())
            self.run_warnings.start(self.session.plan)

    def _on_run_warnings(self, plan, warnings: list[Problem]) -> None:
        s = self.session
        if plan is not s.plan or s.loaded is None:
            return
        self.problems.set_problems(self._problems() + warnings)
        cut = [w for w in warnings if w.code == "TEXT_OVERFLOW"]
        if cut and not s.loaded.row_errors():
            lines = [self.tr("%1 件の文字が枠に収まらず、印刷では「…」で省略されます。「問題の一覧」で確認してください。")
                     .replace("%1", f"{len(cut):,}")]
            lines += [p.message for p in profile_warnings(s.profile, date.today())]  # still said, below
            self.message_bar.show_message("\n".join(lines), "warning")

    # --- filters and selection -----------------------------------------------

    def _apply_filter(self, f: MemberFilter) -> None:
        self.proxy.set_filter(employer=f.employer, affiliation=f.affiliation, status=f.status, search=f.search)

    def _current_member_key(self):
        row = self.current_source_row()
        return self.model.member(row).key if row is not None else None

    def current_source_row(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.mapToSource(index).row()

    def select_source_row(self, row: int) -> bool:
        """Make source ``row`` current (returns False when it is filtered out)."""
        pos = self.proxy.proxy_row(row)
        if pos < 0:
            return False
        index = self.proxy.index(pos, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def jump_to_problem(self, problem: Problem) -> None:
        """Select the member a problem points at (clearing filters that hide it)."""
        row = self.model.row_of_problem(problem)
        if row is None:
            return
        if self.proxy.proxy_row(row) < 0:
            self.filters.clear()
        self.select_source_row(row)
        self.table.setFocus()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_preview_of_current()

    def _show_preview_of_current(self) -> None:
        row = self.current_source_row()
        if row is None or self.session.plan is None:
            self.preview.show_document(None)
            return
        member = self.model.member(row)
        try:
            document = document_for_member(self.session, member, self.model.status_label(self.model.statuses[row]))
            self.preview.show_document(document, self.session.page_maker().fonts)
        except Exception as exc:  # noqa: BLE001 - a layout problem is shown, not raised
            from .session import error_message

            self.preview.show_document(None)
            self.message_bar.show_message(self.tr("プレビューを表示できません: ") + error_message(exc), "error")

    # --- status --------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """The engine's counts of the view plan (empty before a workbook is loaded)."""
        return dict(self.session.counts) if self.session.plan is not None else {}

    def _update_counts(self) -> None:
        c = self.counts()
        if not c:
            self.counts_label.setText(self.tr("Excel ファイルを開いてください（ドラッグ＆ドロップでも開けます）"))
            return
        excluded = c["member_rows"] - c["included"]
        parts = [
            self.tr("加入者 %1 行").replace("%1", f"{c['member_rows']:,}"),
            self.tr("対象 %1 人").replace("%1", f"{c['included']:,}"),
            self.tr("封筒 %1").replace("%1", f"{c['envelopes']:,}"),
            self.tr("事業所 %1").replace("%1", f"{c['employers']:,}"),
            self.tr("対象外 %1").replace("%1", f"{excluded:,}"),
            self.tr("エラー %1").replace("%1", f"{c['errors']:,}"),
            self.tr("警告 %1").replace("%1", f"{c['warnings']:,}"),
            self.tr("表示中 %1 行").replace("%1", f"{self.proxy.rowCount():,}"),
        ]
        self.counts_label.setText("　｜　".join(parts))

    def _update_title(self) -> None:
        title = self.tr("お知らせ印刷")
        if self.session.loaded is not None:
            title = f"{self.session.loaded.path.name} — {title}"
        self.setWindowTitle(title)

    # --- drag and drop, closing ----------------------------------------------

    @staticmethod
    def _dropped_path(event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        for url in urls:
            path = Path(url.toLocalFile())
            if path.suffix.lower() in EXCEL_SUFFIXES:
                return path
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_workbook(path)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        runs = self.actions.runs
        if runs is not None and runs.busy:
            answer = QMessageBox.question(
                self, self.tr("印刷中です"),
                self.tr("印刷（または PDF 出力）の途中です。中止してウィンドウを閉じますか？\n"
                        "送信済みの印刷ジョブはそのまま印刷されます。"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.session.job is not None and self.session.job.running:
            self.session.job.cancel()
        self.actions.cancel_runs()
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10000)
        self._save_state()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Find):
            self.filters.search.setFocus()
            self.filters.search.selectAll()
            return
        super().keyPressEvent(event)
