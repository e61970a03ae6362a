"""Filtering and sorting the member table without a Python call per row.

Why not ``QSortFilterProxyModel``: with its own ``filterAcceptsRow`` it still
calls into Python once per source row on every filter change. Measured here
(PySide6 6.12, 2 cores) a ``filterAcceptsRow`` that only returns ``True``
costs 200 ms per change on 100,000 rows, and ``setFilterFixedString`` (which
also calls ``data()`` per row) far more, against a budget of 100 ms per
keystroke. So :class:`MemberFilterProxy` is a ``QAbstractProxyModel`` that
keeps the visible source rows in a list: a filter change is a few list
comprehensions over the precomputed columns of
:class:`~gui.member_model.MemberTableModel`, then one ``layoutChanged``
(which keeps the selection and the current row where they are still shown).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from .member_model import (
    LEDGER_CODES,
    STATUS_CODES,
    STATUS_INCLUDED,
    STATUS_RETURN,
    STATUS_WARNING,
    MemberTableModel,
    fold_search,
)


@dataclass(frozen=True, slots=True)
class MemberFilter:
    """The four filters of the window; empty strings mean "no filter"."""

    employer: str = ""
    affiliation: str = ""
    status: str = ""
    search: str = ""

    def terms(self) -> list[str]:
        return fold_search(self.search).split()


class MemberFilterProxy(QAbstractProxyModel):
    """The visible rows of a :class:`MemberTableModel`, filtered and sorted.

    Signals:
        filter_changed(): the set of visible rows changed.
    """

    filter_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._src: MemberTableModel | None = None
        self._rows: list[int] = []
        self._inverse: list[int] | None = None
        self._filter = MemberFilter()
        self._by_employer: dict[str, list[int]] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._rank: list[int] | None = None

    # --- source ------------------------------------------------------------

    def setSourceModel(self, model: MemberTableModel) -> None:  # noqa: N802 - Qt override
        self.beginResetModel()
        super().setSourceModel(model)
        self._src = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._source_data_changed)
        self._rebuild()
        self.endResetModel()

    def _source_reset(self) -> None:
        self._rebuild()
        self.endResetModel()
        self.filter_changed.emit()

    def _rebuild(self) -> None:
        self._by_employer = self._src.index_data.by_employer
        self._rank = None
        self._rows = self._compute(self._filter, None)
        self._inverse = None

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        if top.column() <= 1 <= bottom.column():
            self._rank = None if self._sort_column == 1 else self._rank
            if self._filter.status:
                self._apply(self._compute(self._filter, None))
        if self._rows:
            self.dataChanged.emit(self.index(0, top.column()), self.index(len(self._rows) - 1, bottom.column()))

    # --- filtering ---------------------------------------------------------

    @property
    def current_filter(self) -> MemberFilter:
        return self._filter

    def set_filter(self, **changes: str) -> None:
        """Change some of the filters (``employer=``, ``affiliation=``, ``status=``, ``search=``)."""
        new = replace(self._filter, **{k: (v or "").strip() for k, v in changes.items()})
        if new == self._filter:
            return
        old = self._filter
        self._filter = new
        narrowing = (
            replace(old, search="") == replace(new, search="")
            and old.search
            and fold_search(new.search).startswith(fold_search(old.search))
        )
        self._apply(self._compute(new, self._rows if narrowing else None))

    def _status_code(self, text: str) -> str:
        if not text:
            return ""
        for code in STATUS_CODES:
            if text.lower() == code.lower() or text == self._src.status_label(code):
                return code
        return text

    def _compute(self, f: MemberFilter, within: list[int] | None) -> list[int]:
        src = self._src
        if src is None:
            return []
        if within is not None:
            rows = within
        elif f.employer:
            rows = self._by_employer.get(f.employer.split()[0], [])
        else:
            rows = range(len(src.members))
        if f.affiliation:
            aff, affs = f.affiliation, src.affiliations
            rows = [i for i in rows if affs[i] == aff]
        status = self._status_code(f.status)
        if status == STATUS_WARNING:
            warned = src.warned
            rows = [i for i in rows if i in warned]
        elif status == STATUS_INCLUDED:  # everyone who gets a notice, RETURN included
            statuses = src.statuses
            rows = [i for i in rows if statuses[i] in (STATUS_INCLUDED, STATUS_RETURN)]
        elif status in LEDGER_CODES:  # 未発行 / 発行済 / 前回から変更 (known once the ledger answered)
            states = getattr(src, "ledger_states", None) or []
            rows = [i for i in rows if i < len(states) and states[i] == status]
        elif status:
            statuses = src.statuses
            rows = [i for i in rows if statuses[i] == status]
        texts = src.search_texts
        for term in f.terms():
            rows = [i for i in rows if term in texts[i]]
        rows = list(rows)
        if self._sort_column >= 0 and within is None:
            rank = self._sort_rank()
            rows.sort(key=rank.__getitem__)
        return rows

    def _sort_rank(self) -> list[int]:
        if self._rank is None:
            keys = self._src.sort_keys(self._sort_column)
            order = sorted(range(len(keys)), key=keys.__getitem__,
                           reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
            rank = [0] * len(order)
            for pos, row in enumerate(order):
                rank[row] = pos
            self._rank = rank
        return self._rank

    def _apply(self, rows: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [(self._rows[i.row()], i.column()) if 0 <= i.row() < len(self._rows) else (-1, 0) for i in old]
        self._rows = rows
        self._inverse = None  # built lazily: a keystroke only needs the few persistent rows
        where: dict[int, int] = {}
        for r, _c in kept:
            if r >= 0 and r not in where:
                try:
                    where[r] = rows.index(r)
                except ValueError:
                    where[r] = -1
        new = [self.index(where[r], c) if r >= 0 and where[r] >= 0 else QModelIndex() for r, c in kept]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self.filter_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the visible rows by ``column`` (-1: workbook order)."""
        self._sort_column = column
        self._sort_order = order
        self._rank = None
        if column < 0:
            self._apply(sorted(self._rows))
            return
        rank = self._sort_rank()
        self._apply(sorted(self._rows, key=rank.__getitem__))

    # --- lookups -----------------------------------------------------------

    def source_rows(self) -> list[int]:
        """The visible source rows, in display order (a copy)."""
        return list(self._rows)

    def _inverse_rows(self) -> list[int]:
        if self._inverse is None:
            inverse = [-1] * (len(self._src.members) if self._src is not None else 0)
            for pos, row in enumerate(self._rows):
                inverse[row] = pos
            self._inverse = inverse
        return self._inverse

    def proxy_row(self, source_row: int) -> int:
        """Where ``source_row`` is shown, or -1 when it is filtered out."""
        inverse = self._inverse_rows()
        return inverse[source_row] if 0 <= source_row < len(inverse) else -1

    # --- Qt proxy model ------------------------------------------------------

    def mapToSource(self, proxy: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: N802
        if not proxy.isValid() or self._src is None:
            return QModelIndex()
        return self._src.index(self._rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: N802
        if not source.isValid():
            return QModelIndex()
        pos = self.proxy_row(source.row())
        return self.index(pos, source.column()) if pos >= 0 else QModelIndex()

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None) -> Any:
        if index is None:
            return QObject.parent(self)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._src is None else self._src.columnCount()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if row < 0:
            return None
        return self._src.data_at(self._rows[row], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and self._src is not None:
            return self._src.headerData(section, orientation, role)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
