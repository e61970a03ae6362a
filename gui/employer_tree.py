"""The employers as a tree (事業所 → 所属コード) with counts and check boxes.

Counts come from the engine's run plan (the envelopes each employer
receives); the check boxes give the "checked employers" print scope.
Selecting an item filters the member table to that employer / affiliation.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
)

from print_engine import GROUP_CODE, RunPlan, is_mail_shipment, natural_key_blank_last

from .member_index import MemberIndex, build_index

CODE_ROLE = Qt.ItemDataRole.UserRole
AFFILIATION_ROLE = Qt.ItemDataRole.UserRole + 1
ALL = "\x00all"


class EmployerTree(QTreeWidget):
    """事業所 and their 所属コード, with envelope and notice counts.

    Signals:
        scope_selected(str, str): the operator picked an item; employer code
            and affiliation code ('' for "all").
        checks_changed(): a check box changed.
    """

    scope_selected = Signal(str, str)
    checks_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("employerTree")
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("事業所 / 所属"), self.tr("封筒"), self.tr("お知らせ"), self.tr("梱包")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setMinimumWidth(240)
        self.setIndentation(14)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        style = QApplication.style()
        self._all_icon = style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon)
        self._root: QTreeWidgetItem | None = None
        self._building = False
        self.currentItemChanged.connect(self._on_current)
        self.itemChanged.connect(self._on_changed)

    # --- filling -------------------------------------------------------------

    def set_plan(self, plan: RunPlan | None, index: MemberIndex | None = None) -> None:
        """Rebuild the tree from a run plan, keeping check boxes where possible.

        Args:
            plan: The view plan (None empties the tree).
            index: The workbook's :class:`MemberIndex` (gives each employer's
                affiliation codes); built here when not given.
        """
        unchecked = self._unchecked_keys()
        self._building = True
        self.clear()
        self._root = None
        if plan is None:
            self._building = False
            return
        envelopes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        notices: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        containers = {}
        mail = None
        for shipment in plan.shipments:
            if is_mail_shipment(shipment):
                mail = shipment
                continue
            code = shipment.employer.code
            order = self.tr("所属別に梱包") if shipment.by_affiliation else self.tr("番号順に梱包")
            containers[code] = (shipment.container, order)
            for env in shipment.envelopes:
                envelopes[code][env.affiliation] += 1
                notices[code][env.affiliation] += len(env.members)
        index = index if index is not None else build_index(plan.loaded)
        affiliations: dict[str, set[str]] = defaultdict(set, index.employer_affiliations)
        root = QTreeWidgetItem([self.tr("すべての事業所")])
        root.setIcon(0, self._all_icon)
        root.setData(0, CODE_ROLE, ALL)
        root.setFlags(root.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        self.addTopLevelItem(root)
        employers = plan.loaded.employers
        total_env = total_notices = 0
        for code in sorted(affiliations.keys() | envelopes.keys(), key=natural_key_blank_last):
            name = employers[code].name if code in employers else ""
            env_count = sum(envelopes[code].values())
            notice_count = sum(notices[code].values())
            total_env += env_count
            total_notices += notice_count
            item = self._item(root, f"{code}  {name}".strip(), code, "", env_count, notice_count)
            container, order = containers.get(code, ("", ""))
            item.setText(3, container)
            item.setToolTip(3, order)
            item.setToolTip(0, f"{code}  {name}  {order}".strip())
            affs = affiliations[code] | envelopes[code].keys()
            if affs != {""}:
                for aff in sorted(affs, key=natural_key_blank_last):
                    label = self.tr("所属 %1").replace("%1", aff) if aff else self.tr("（所属なし）")
                    self._item(item, label, code, aff, envelopes[code][aff], notices[code][aff])
        if mail is not None:
            self._mail_item(root, mail)
            total_env += len(mail.envelopes)
            total_notices += mail.notice_count
        self._set_counts(root, total_env, total_notices)
        for item in self._checkable_leaves():
            if self._key(item) in unchecked:
                item.setCheckState(0, Qt.CheckState.Unchecked)
        root.setExpanded(True)
        self._root = root
        self._building = False

    def _item(self, parent: QTreeWidgetItem, text: str, code: str, aff: str, env: int, notices: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, CODE_ROLE, code)
        item.setData(0, AFFILIATION_ROLE, aff)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        item.setCheckState(0, Qt.CheckState.Checked)
        self._set_counts(item, env, notices)
        if not env:
            for col in range(4):
                item.setForeground(col, self.palette().placeholderText())
        return item

    def _mail_item(self, root: QTreeWidgetItem, mail) -> QTreeWidgetItem:
        """「自宅送付」: the mailed group after all employers (filters the table; no check box).

        Its envelopes are printed with their employers' check boxes.
        """
        item = QTreeWidgetItem(root, [self.tr("自宅送付")])
        item.setData(0, CODE_ROLE, GROUP_CODE)
        item.setData(0, AFFILIATION_ROLE, "")
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable & ~Qt.ItemFlag.ItemIsAutoTristate)
        self._set_counts(item, len(mail.envelopes), mail.notice_count)
        item.setText(3, mail.container)
        item.setToolTip(0, self.tr("自宅へ郵送する封筒（郵便番号順）。事業所のチェックに従って印刷されます。"))
        return item

    @staticmethod
    def _set_counts(item: QTreeWidgetItem, envelopes: int, notices: int) -> None:
        for col, value in ((1, envelopes), (2, notices)):
            item.setText(col, f"{value:,}")
            item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # --- checks --------------------------------------------------------------

    @staticmethod
    def _key(item: QTreeWidgetItem) -> tuple[str, str | None]:
        aff = item.data(0, AFFILIATION_ROLE)
        is_affiliation = item.parent() is not None and item.parent().parent() is not None
        return (item.data(0, CODE_ROLE), aff if is_affiliation else None)

    def _checkable_leaves(self) -> list[QTreeWidgetItem]:
        leaves = []
        if self._root is None and self.topLevelItemCount():
            root = self.topLevelItem(0)
        else:
            root = self._root
        if root is None:
            return leaves
        for i in range(root.childCount()):
            employer = root.child(i)
            if employer.data(0, CODE_ROLE) == GROUP_CODE:
                continue
            if employer.childCount():
                leaves.extend(employer.child(j) for j in range(employer.childCount()))
            else:
                leaves.append(employer)
        return leaves

    def _unchecked_keys(self) -> set[tuple[str, str | None]]:
        return {self._key(i) for i in self._checkable_leaves() if i.checkState(0) != Qt.CheckState.Checked}

    def set_all_checked(self, checked: bool) -> None:
        if self._root is not None:
            self._root.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_scope(self) -> tuple[set[str], set[tuple[str, str]]]:
        """What is checked: (fully checked employers, (employer, affiliation) parts of the others)."""
        full: set[str] = set()
        parts: set[tuple[str, str]] = set()
        if self._root is None:
            return full, parts
        for i in range(self._root.childCount()):
            employer = self._root.child(i)
            code = employer.data(0, CODE_ROLE)
            if code == GROUP_CODE:
                continue
            state = employer.checkState(0)
            if state == Qt.CheckState.Checked:
                full.add(code)
            elif state == Qt.CheckState.PartiallyChecked:
                for j in range(employer.childCount()):
                    child = employer.child(j)
                    if child.checkState(0) == Qt.CheckState.Checked:
                        parts.add((code, child.data(0, AFFILIATION_ROLE)))
        return full, parts

    def selects_part(self) -> bool:
        """Whether the check boxes leave some employer (or affiliation) out of the run."""
        if self._root is None:
            return False
        for i in range(self._root.childCount()):
            employer = self._root.child(i)
            if employer.data(0, CODE_ROLE) != GROUP_CODE and employer.checkState(0) != Qt.CheckState.Checked:
                return True
        return False

    # --- selection -----------------------------------------------------------

    def select_scope(self, employer: str, affiliation: str = "") -> None:
        """Make the item of ``employer`` / ``affiliation`` current (no signal loop)."""
        if self._root is None:
            return
        target = self._root
        for i in range(self._root.childCount()):
            item = self._root.child(i)
            if item.data(0, CODE_ROLE) != employer:
                continue
            target = item
            for j in range(item.childCount()):
                if affiliation and item.child(j).data(0, AFFILIATION_ROLE) == affiliation:
                    target = item.child(j)
        self.blockSignals(True)
        self.setCurrentItem(target)
        self.blockSignals(False)

    def _on_current(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is None or self._building:
            return
        code = current.data(0, CODE_ROLE)
        if code == ALL:
            self.scope_selected.emit("", "")
        elif current.parent() is not None and current.parent() is not self._root:
            self.scope_selected.emit(code, current.data(0, AFFILIATION_ROLE))
        else:
            self.scope_selected.emit(code, "")

    def _on_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and not self._building:
            self.checks_changed.emit()
