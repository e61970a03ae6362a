"""The member table: one row per member row of the workbook.

:class:`MemberTableModel` shows :attr:`LoadedWorkbook.members` with the
status the engine gave each row (included, an exclusion reason, error,
warning). Everything the filter and the sort need is computed once per
load or re-plan into flat lists (codes, status codes, lower-cased search
text), so that a filter keystroke is a few list comprehensions, not a
``data()`` call per row. Display texts are produced on demand for the rows
on screen only. The filter itself is :mod:`gui.member_filter`.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from print_engine import LoadedWorkbook, Member, Problem, Reason, reason_labels

from .member_index import (  # noqa: F401  (re-exported for the filter and the tests)
    LEDGER_CHANGED,
    LEDGER_CODES,
    LEDGER_ISSUED,
    LEDGER_NEW,
    STATUS_CODES,
    STATUS_ERROR,
    STATUS_INCLUDED,
    STATUS_RETURN,
    STATUS_WARNING,
    MemberIndex,
    build_index,
    fold_search,
)

ERROR_BG = QColor("#fde3e1")
WARNING_BG = QColor("#fff3cd")
EXCLUDED_FG = QColor("#7a7a7a")
RETURN_FG = QColor("#1f5fa8")

_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ERROR_BRUSH = QBrush(ERROR_BG)
_WARNING_BRUSH = QBrush(WARNING_BG)
_EXCLUDED_BRUSH = QBrush(EXCLUDED_FG)
_RETURN_BRUSH = QBrush(RETURN_FG)


def status_labels() -> dict[str, str]:
    """Japanese label of every status code (also used by the status filter)."""
    t = QCoreApplication.translate
    return {
        STATUS_INCLUDED: t("MemberStatus", "対象"),
        STATUS_RETURN: t("MemberStatus", "対象（返送）"),
        # the reasons' labels are wording of resources/reasons.toml (one copy, with excluded.csv's)
        **{code: label for code, label in reason_labels().items() if code != Reason.INVALID.value},
        STATUS_ERROR: t("MemberStatus", "エラー"),
        STATUS_WARNING: t("MemberStatus", "警告あり"),
        LEDGER_NEW: t("MemberStatus", "未発行"),
        LEDGER_ISSUED: t("MemberStatus", "発行済"),
        LEDGER_CHANGED: t("MemberStatus", "前回から変更"),
    }


def _date(value) -> str:
    return value.strftime("%Y/%m/%d") if value else ""


class MemberTableModel(QAbstractTableModel):
    """The workbook's member rows with their status.

    Attributes:
        loaded: The workbook shown (``None`` before one is opened).
        members: ``loaded.members`` (source row = list index).
        employer_codes, affiliations, statuses: One code per row.
        warned: Row indexes that carry at least one warning.
        warnings_by_row: Those warnings, per row.
        search_texts: Folded ``name kana 記号-番号-枝番`` per row.
    """

    COLUMNS = ("row", "status", "employer", "affiliation", "number", "kubun", "name", "kana", "acquired", "lost",
               "document")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.loaded: LoadedWorkbook | None = None
        self.members: list[Member] = []
        self.employer_codes: list[str] = []
        self.affiliations: list[str] = []
        self.statuses: list[str] = []
        self.ledger_states: list[str] = []  # per row, set by the ledger panel (gui/ledger_panel.py)
        self.warned: set[int] = set()
        self.warnings_by_row: dict[int, list[Problem]] = {}
        self.search_texts: list[str] = []
        self.index_data = MemberIndex()
        # certificate.md: the plan's member → document; None while every member gets a notice
        self.document_of: Callable[[Member], str | None] | None = None
        self._row_of_excel: dict[tuple[str, int], int] = {}
        self._row_of_key: dict[tuple[str, str, str], int] = {}
        self._labels = status_labels()
        self._headers = self._header_texts()
        style = QApplication.style()
        self._icons = {
            STATUS_ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            STATUS_WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self._text: dict[int, Callable[[Member, int], str]] = {
            0: lambda m, r: str(m.row),
            1: lambda m, r: self._labels[self.statuses[r]],
            2: lambda m, r: m.employer_code,
            3: lambda m, r: m.affiliation,
            4: lambda m, r: m.number_label,
            5: lambda m, r: self.tr("本人") if m.insured else self.tr("家族"),
            6: lambda m, r: m.name,
            7: lambda m, r: m.kana,
            8: lambda m, r: _date(m.acquired),
            9: lambda m, r: _date(m.lost),
            10: self._document_text,
        }

    def _header_texts(self) -> list[str]:
        return [
            self.tr("行"), self.tr("状態"), self.tr("事業所コード"), self.tr("所属コード"),
            self.tr("記号-番号-枝番"), self.tr("区分"), self.tr("氏名"), self.tr("フリガナ"),
            self.tr("資格取得日"), self.tr("資格喪失日"), self.tr("書類"),
        ]

    def _document_text(self, m: Member, r: int) -> str:
        """お知らせ or 資格確認書 for a member printed in the plan; blank for the others."""
        if self.statuses and self.statuses[r] not in (STATUS_INCLUDED, STATUS_RETURN):
            return ""
        if self.document_of is not None and self.document_of(m) == "certificate":
            return self.tr("資格確認書")
        return self.tr("お知らせ")

    def set_documents(self, document_of: Callable[[Member], str | None] | None) -> None:
        """Take the plan's document of each member (``RunPlan.document_of``)."""
        self.document_of = document_of
        if self.members:
            column = self.COLUMNS.index("document")
            self.dataChanged.emit(self.index(0, column), self.index(len(self.members) - 1, column))

    # --- loading -----------------------------------------------------------

    def set_workbook(self, loaded: LoadedWorkbook | None, index: MemberIndex | None = None) -> None:
        """Show ``loaded`` (statuses must have been set by ``plan_run``).

        Args:
            loaded: The workbook, or None to empty the table.
            index: Its :class:`MemberIndex` if already built (on the worker).
        """
        index = index if index is not None else build_index(loaded)
        self.beginResetModel()
        self.loaded = loaded
        self.index_data = index
        self.members = loaded.members if loaded is not None else []
        self.employer_codes = index.employer_codes
        self.affiliations = index.affiliations
        self.search_texts = index.search_texts
        self._row_of_excel = index.row_of_excel
        self._row_of_key = index.row_of_key
        self.warnings_by_row = index.warnings_by_row
        self.warned = set(self.warnings_by_row)
        self.statuses = index.statuses
        self.ledger_states = []
        self.endResetModel()

    def set_ledger_states(self, states: list[str]) -> None:
        """Each row's state against the issuance ledger (``new`` / ``issued`` / ``changed``), for the filter."""
        self.ledger_states = states
        if self.members:  # the filter proxy re-filters when the status column changes
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.members) - 1, 1))

    def refresh_statuses(self, statuses: list[str]) -> None:
        """Take every member's status anew (after the rules ran again).

        Args:
            statuses: The new status codes of the new plan, one per row.
        """
        self.statuses = statuses
        self.index_data.statuses = self.statuses
        if self.members:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.members) - 1, 1))

    # --- lookups -----------------------------------------------------------

    def member(self, row: int) -> Member:
        return self.members[row]

    def row_of_problem(self, problem: Problem) -> int | None:
        """The source row of the member a problem points at, if any."""
        if problem.row is None:
            return None
        return self._row_of_excel.get((problem.sheet, problem.row))

    def row_of_key(self, key: tuple[str, str, str]) -> int | None:
        return self._row_of_key.get(key)

    def status_label(self, code: str) -> str:
        return self._labels.get(code, code)

    # --- Qt model ----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, row: int, col: int, role: int) -> Any:
        """``data()`` without a model index (the filter calls this for speed)."""
        if role == _DISPLAY:
            return self._text[col](self.members[row], row)
        if role == _BACKGROUND:
            if self.statuses[row] == STATUS_ERROR:
                return _ERROR_BRUSH
            return _WARNING_BRUSH if row in self.warned else None
        if role == _FOREGROUND:
            status = self.statuses[row]
            if status == STATUS_RETURN:
                return _RETURN_BRUSH
            return None if status in (STATUS_INCLUDED, STATUS_ERROR) else _EXCLUDED_BRUSH
        if role == _DECORATION:
            if col != 1:
                return None
            if self.statuses[row] == STATUS_ERROR:
                return self._icons[STATUS_ERROR]
            return self._icons[STATUS_WARNING] if row in self.warned else None
        if role == _ALIGNMENT:
            return _RIGHT if col == 0 else None
        if role == _TOOLTIP and col == 1:
            return self._tooltip(row)
        return None

    def _tooltip(self, row: int) -> str:
        m = self.members[row]
        lines = [self.status_label(self.statuses[row])]
        lines += [p.message for p in m.errors]
        lines += [p.message for p in self.warnings_by_row.get(row, ())]
        return "\n".join(lines)

    # --- sorting support ---------------------------------------------------

    def sort_keys(self, column: int) -> list:
        """One sort key per source row for ``column`` (used by the filter)."""
        from print_engine import natural_key

        members = self.members
        if column == 0:
            return [(m.sheet, m.row) for m in members]
        if column == 1:
            order = {code: i for i, code in enumerate(STATUS_CODES)}
            return [order.get(s, 99) for s in self.statuses]
        if column == 2:
            return [natural_key(c) for c in self.employer_codes]
        if column == 3:
            return [natural_key(c) for c in self.affiliations]
        if column == 4:
            return [(natural_key(m.kigo), natural_key(m.bango), natural_key(m.edaban)) for m in members]
        if column == 5:
            return [0 if m.insured else 1 for m in members]
        if column in (8, 9):
            attr = "acquired" if column == 8 else "lost"
            return [_date(getattr(m, attr)) for m in members]
        getter = self._text[column]
        return [getter(m, i) for i, m in enumerate(members)]
