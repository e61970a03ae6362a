"""Every row error and warning of the workbook (外字 included), in one list.

Each line shows the sheet, the Excel row number and the column as written in
the file, so the operator can fix the source file and reload. Double-click
(or Enter) jumps to the member in the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from print_engine import Problem

from .member_model import ERROR_BG, WARNING_BG


class ProblemsModel(QAbstractTableModel):
    """The problems of a workbook, errors and warnings, in workbook order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all_problems: list[Problem] = []
        self.problems: list[Problem] = []
        self._kind = ""
        style = QApplication.style()
        self._icons = (
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
        )
        self._headers = [self.tr("種別"), self.tr("シート"), self.tr("行"), self.tr("列"),
                         self.tr("内容"), self.tr("値")]

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self.all_problems = problems
        self._filter()
        self.endResetModel()

    def set_kind(self, kind: str) -> None:
        """Show only ``"error"``, only ``"warning"`` or everything (``""``)."""
        self.beginResetModel()
        self._kind = kind
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        if self._kind == "error":
            self.problems = [p for p in self.all_problems if p.is_error]
        elif self._kind == "warning":
            self.problems = [p for p in self.all_problems if not p.is_error]
        else:
            self.problems = list(self.all_problems)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.problems[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("エラー") if p.is_error else self.tr("警告"),
                p.sheet,
                "" if p.row is None else str(p.row),
                p.column,
                p.message,
                p.value,
            )[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._icons[p.is_error]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ERROR_BG if p.is_error else WARNING_BG)
        if role == Qt.ItemDataRole.ToolTipRole and col == 4:
            return str(p)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProblemsPanel(QWidget):
    """The list of problems with a kind filter and a count.

    Signals:
        problem_activated(object): the operator double-clicked a problem.
    """

    problem_activated = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.model = ProblemsModel(self)
        self.title = QLabel(self.tr("問題の一覧"))
        self.title.setObjectName("problemsTitle")
        self.kind = QComboBox()
        self.kind.setObjectName("problemsKind")
        self.kind.addItem(self.tr("エラーと警告"), "")
        self.kind.addItem(self.tr("エラーのみ"), "error")
        self.kind.addItem(self.tr("警告のみ"), "warning")
        self.kind.currentIndexChanged.connect(lambda _i: self.model.set_kind(self.kind.currentData()))
        self.view = QTableView()
        self.view.setObjectName("problemsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for col, width in enumerate((80, 90, 60, 120, 560)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.activated.connect(self._activated)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def set_problems(self, problems: list[Problem]) -> None:
        self.model.set_problems(problems)
        errors = sum(1 for p in problems if p.is_error)
        self.title.setText(
            self.tr("問題の一覧　エラー %1 件・警告 %2 件")
            .replace("%1", f"{errors:,}")
            .replace("%2", f"{len(problems) - errors:,}")
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.problem_activated.emit(self.model.problems[index.row()])
