"""Flat per-row lists of the loaded workbook, for the table, filters and tree.

Built once per load on the worker thread (:func:`build_index`), so the GUI
thread only swaps lists in: codes, status codes, lower-cased search text,
row lookups. Nothing here decides anything: the status of a member is read
from the plan's results (its reasons and flags) and the rows' errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from print_engine import (
    GROUP_CODE,
    RETURN,
    LoadedWorkbook,
    Member,
    Problem,
    Reason,
    RunPlan,
    is_mail_shipment,
)

STATUS_INCLUDED = "included"
STATUS_RETURN = "RETURN"
STATUS_ERROR = "error"
STATUS_WARNING = "warning"
# The member's state against the issuance ledger (print_engine.ledger.unissued), filtered like a status.
LEDGER_NEW = "new"
LEDGER_ISSUED = "issued"
LEDGER_CHANGED = "changed"
LEDGER_CODES = (LEDGER_NEW, LEDGER_ISSUED, LEDGER_CHANGED)
STATUS_CODES = (
    STATUS_INCLUDED,
    STATUS_RETURN,
    *(r.value for r in Reason if r is not Reason.INVALID),
    STATUS_ERROR,
    STATUS_WARNING,
    *LEDGER_CODES,
)

_HIRA_TO_KATA = {c: c + 0x60 for c in range(0x3041, 0x3097)}
_HIRAGANA = re.compile("[\u3041-\u3096]+")


def _katakana(text: str) -> str:
    return _HIRAGANA.sub(lambda m: m.group().translate(_HIRA_TO_KATA), text)


def fold_search(text: str) -> str:
    """The form in which search text is compared: NFKC, lower case, katakana."""
    return _katakana(unicodedata.normalize("NFKC", text).lower())


def fold_many(texts: list[str]) -> list[str]:
    """:func:`fold_search` of many texts at once (a few C calls over one joined string).

    Only the texts that are not already in NFKC are normalised one by one.
    Texts must not contain a newline (names, kana and codes do not).
    """
    joined = "\n".join(texts).replace("\u3000", " ")  # the ideographic space: NFKC's commonest change
    if not unicodedata.is_normalized("NFKC", joined):
        joined = "\n".join(t if unicodedata.is_normalized("NFKC", t) else unicodedata.normalize("NFKC", t)
                           for t in joined.split("\n"))
    folded = _katakana(joined.lower()).split("\n")
    return folded if len(folded) == len(texts) else [fold_search(t) for t in texts]


def status_of(member: Member, plan: RunPlan) -> str:
    """The status code of a member in ``plan`` (warnings aside)."""
    reason = plan.reason_of(member)
    if member.errors or reason is Reason.INVALID:
        return STATUS_ERROR
    if reason is not None:
        return reason.value
    return STATUS_RETURN if plan.flag_of(member) == RETURN else STATUS_INCLUDED


def statuses_of(plan: RunPlan) -> list[str]:
    """:func:`status_of` for every row of the plan's workbook, in row order."""
    return [status_of(m, plan) for m in plan.loaded.members]


@dataclass(slots=True)
class MemberIndex:
    """Per-row lists (index = position in ``LoadedWorkbook.members``).

    Attributes:
        employer_codes, affiliations: The row's codes.
        statuses: :func:`status_of` per row.
        search_texts: Folded ``name ⇥ kana ⇥ 記号-番号-枝番``.
        row_of_excel: (sheet, Excel row) → row.
        row_of_key: (記号, 番号, 枝番) → row.
        warnings_by_row: The warnings that point at a row.
        by_employer: 事業所コード → its rows, in workbook order.
        employer_affiliations: 事業所コード → the 所属コード seen on its rows.
    """

    employer_codes: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    search_texts: list[str] = field(default_factory=list)
    row_of_excel: dict[tuple[str, int], int] = field(default_factory=dict)
    row_of_key: dict[tuple[str, str, str], int] = field(default_factory=dict)
    warnings_by_row: dict[int, list[Problem]] = field(default_factory=dict)
    by_employer: dict[str, list[int]] = field(default_factory=dict)
    employer_affiliations: dict[str, set[str]] = field(default_factory=dict)


def build_index(loaded: LoadedWorkbook | None, plan: RunPlan | None = None) -> MemberIndex:
    """The :class:`MemberIndex` of ``loaded``, with the statuses of ``plan`` (if any)."""
    index = MemberIndex()
    if loaded is None:
        return index
    members = loaded.members
    index.employer_codes = [m.employer_code for m in members]
    index.affiliations = [m.affiliation for m in members]
    index.statuses = statuses_of(plan) if plan is not None else [STATUS_INCLUDED] * len(members)
    index.search_texts = fold_many([f"{m.name}\t{m.kana}\t{m.kigo}-{m.bango}-{m.edaban}" for m in members])
    index.row_of_excel = {(m.sheet, m.row): i for i, m in enumerate(members)}
    index.row_of_key = {m.key: i for i, m in enumerate(members)}
    for p in loaded.warnings:
        row = index.row_of_excel.get((p.sheet, p.row)) if p.row is not None else None
        if row is not None:
            index.warnings_by_row.setdefault(row, []).append(p)
    by_employer: dict[str, list[int]] = {}
    affiliations: dict[str, set[str]] = {}
    for i, (code, aff) in enumerate(zip(index.employer_codes, index.affiliations, strict=True)):
        by_employer.setdefault(code, []).append(i)
        if code:
            affiliations.setdefault(code, set()).add(aff)
    index.by_employer = by_employer
    index.employer_affiliations = affiliations
    if plan is not None:
        set_mailed_rows(index, plan)
    return index


def set_mailed_rows(index: MemberIndex, plan: RunPlan) -> None:
    """The rows of the mailed group (「自宅送付」) under its own key of ``by_employer``.

    The group is filtered like an employer; it is the plan's, so it is set
    again whenever the plan changes.
    """
    rows = [index.row_of_excel[(m.sheet, m.row)] for s in plan.shipments if is_mail_shipment(s)
            for env in s.envelopes for m in env.members]
    if rows:
        index.by_employer[GROUP_CODE] = sorted(rows)
    else:
        index.by_employer.pop(GROUP_CODE, None)
