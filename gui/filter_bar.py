"""The filter row above the member table: employer, affiliation, status, search.

The three filters are editable combo boxes whose text is the code itself
(事業所コード, 所属コード, status code such as ``NO_MYNUMBER``); their
drop-down shows the code with its name or Japanese label beside it, so the
operator can pick or type. The search box matches name, kana (hiragana
typed is found in katakana) and 記号-番号-枝番.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from print_engine import GROUP_CODE, LoadedWorkbook, natural_key_blank_last

from .member_filter import MemberFilter
from .member_index import MemberIndex, build_index
from .member_model import STATUS_CODES, status_labels


class CodeCombo(QComboBox):
    """An editable combo whose text is a code; the drop-down shows code + name."""

    def __init__(self, object_name: str, placeholder: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(placeholder)
        self.lineEdit().setClearButtonEnabled(True)
        self.setMinimumContentsLength(4)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._model = QStandardItemModel(0, 2, self)
        self.setModel(self._model)
        view = QTreeView(self)
        view.setRootIsDecorated(False)
        view.setHeaderHidden(True)
        view.setUniformRowHeights(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setMinimumWidth(320)
        self.setView(view)
        self.setModelColumn(0)
        if self.completer() is not None:
            self.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """Replace the drop-down items with (code, description) pairs; keeps the text."""
        text = self.currentText()
        self.blockSignals(True)
        self._model.removeRows(0, self._model.rowCount())
        self._model.appendRow([QStandardItem(""), QStandardItem(self.tr("（すべて）"))])
        for code, label in choices:
            self._model.appendRow([QStandardItem(code), QStandardItem(label)])
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)


class FilterBar(QWidget):
    """The four filters of the member table.

    Signals:
        filter_changed(object): the new :class:`MemberFilter`.
    """

    filter_changed = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.employer = CodeCombo("employerFilter", self.tr("事業所コード"))
        self.affiliation = CodeCombo("affiliationFilter", self.tr("所属コード"))
        self.status = CodeCombo("statusFilter", self.tr("状態"))
        self.status.setMinimumContentsLength(8)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("氏名・カナ・記号-番号で検索"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("クリア"))
        self.clear_button.setToolTip(self.tr("絞り込みの条件をすべて消します"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        for label, widget in (
            (self.tr("事業所"), self.employer),
            (self.tr("所属"), self.affiliation),
            (self.tr("状態"), self.status),
            (self.tr("検索"), self.search),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget, 2 if widget is self.search else 1)
        layout.addWidget(self.clear_button)
        labels = status_labels()
        self.status.set_choices([(code, labels[code]) for code in STATUS_CODES])
        self._employer_names: dict[str, str] = {}
        self._affiliations: dict[str, set[str]] = {}
        for combo in (self.employer, self.affiliation, self.status):
            combo.currentTextChanged.connect(self._changed)
        self.employer.currentTextChanged.connect(self._employer_changed)
        self.search.textChanged.connect(self._changed)

    def set_workbook(self, loaded: LoadedWorkbook | None, index: MemberIndex | None = None) -> None:
        """Offer the employers and affiliations of ``loaded`` (the texts stay)."""
        self._affiliations = {}
        self._employer_names = {}
        if loaded is not None:
            index = index if index is not None else build_index(loaded)
            self._affiliations = index.employer_affiliations
            self._employer_names = {code: e.name for code, e in loaded.employers.items()}
        codes = sorted(self._affiliations.keys() | self._employer_names.keys(), key=natural_key_blank_last)
        choices = [(c, self._employer_names.get(c, "")) for c in codes]
        if index is not None and GROUP_CODE in index.by_employer:  # the mailed group, after the employers
            choices.append((GROUP_CODE, self.tr("自宅送付")))
        self.employer.set_choices(choices)
        self._employer_changed(self.employer.currentText())

    def _employer_changed(self, text: str) -> None:
        code = text.strip()
        if code in self._affiliations:
            affs = self._affiliations[code]
        else:
            affs = set().union(*self._affiliations.values()) if self._affiliations else set()
        self.affiliation.set_choices([(a, "") for a in sorted(affs - {""}, key=natural_key_blank_last)])

    def current(self) -> MemberFilter:
        return MemberFilter(
            employer=self.employer.currentText().strip(),
            affiliation=self.affiliation.currentText().strip(),
            status=self.status.currentText().strip(),
            search=self.search.text(),
        )

    def set_scope(self, employer: str, affiliation: str) -> None:
        """Set the employer and affiliation filters together (one change)."""
        self.blockSignals(True)
        self.employer.setEditText(employer)
        self._employer_changed(employer)
        self.affiliation.setEditText(affiliation)
        self.blockSignals(False)
        self._changed()

    def clear(self) -> None:
        self.blockSignals(True)
        for combo in (self.employer, self.affiliation, self.status):
            combo.setEditText("")
        self.search.clear()
        self.blockSignals(False)
        self._changed()

    def _changed(self, *_args) -> None:
        if not self.signalsBlocked():
            self.filter_changed.emit(self.current())
