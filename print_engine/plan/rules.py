"""The run rules: who gets a notice (``shared/spec/run-rules.md``).

Each member row gets at most one reason code — the first rule that applies —
or none (included), plus the ``RETURN`` flag for a loss recorded after the
data freeze. Rows with errors are ``INVALID`` and the rest of their household
``HELD``, whatever a rule would say.

The results are returned as :class:`RuleResults`, owned by the caller's plan:
the member rows are never written to, so two plans of the same workbook
never disturb each other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Callable

from print_engine.model import RETURN, Member, Reason
from print_engine.profile.schema import RunProfile

if TYPE_CHECKING:
    from print_engine.plan.documents import DocumentResults

def households_of(members: list[Member]) -> dict[tuple[str, str], list[Member]]:
    """Members grouped by 記号+番号, in workbook order."""
    groups: dict[tuple[str, str], list[Member]] = defaultdict(list)
    keys = zip(map(attrgetter("kigo"), members), map(attrgetter("bango"), members))
    for key, m in zip(keys, members):
        groups[key].append(m)
    return groups


@dataclass(slots=True)
class RuleResults:
    """What the rules decided for every row of one plan.

    Attributes:
        households: 記号+番号 → rows in workbook order (for packing).
        reasons: member → why it gets nothing; a member absent is included.
        flags: member → its flag (``RETURN``); a member absent has none.
        losses: member → (effective loss date, recorded date) where it has a
            loss, its own or inherited from the insured.
    """

    households: dict[tuple[str, str], list[Member]]
    reasons: dict[Member, Reason] = field(default_factory=dict)
    flags: dict[Member, str] = field(default_factory=dict)
    losses: dict[Member, tuple[date, date]] = field(default_factory=dict)
    documents: DocumentResults | None = None  # certificate.md: who gets a certificate

    def document_of(self, member: Member) -> str | None:
        """``"notice"`` or ``"certificate"`` (``None``: undecided, a row error of the run)."""
        return self.documents.document_of(member) if self.documents is not None else "notice"


def _reason_rule(profile: RunProfile, issue_date: date) -> Callable[[Member, date | None, date | None], Reason | None]:
    """The first rule that excludes a member, given its effective loss (inherited)."""
    rules = profile.rules
    variant = profile.run.variant
    initial = variant == "initial"
    new_members = variant == "new-members"
    as_of = profile.run.as_of if initial or new_members else issue_date  # reissue: the issue date
    window = variant != "reissue"
    enrolled_by, recorded_by = rules.enrolled_by, rules.enrollment_recorded_by
    new_from, new_to = rules.new_members_from, rules.new_members_to
    freeze = rules.freeze
    need_mynumber = initial and rules.require_mynumber

    def reason(m: Member, lost: date | None, loss_recorded: date | None) -> Reason | None:
        if initial:
            acquired = m.acquired
            if acquired is None or acquired > enrolled_by:
                return Reason.NOT_ENROLLED
            recorded = m.acquired_recorded
            if recorded is not None and recorded > recorded_by:
                return Reason.NOT_ENROLLED
        elif new_members:
            recorded = m.acquired_recorded or m.acquired
            if recorded is None or not (new_from <= recorded <= new_to):
                return Reason.NOT_IN_PERIOD
        if lost is not None:
            if lost <= as_of:
                return Reason.LOST_BEFORE_ASOF
            if window and loss_recorded <= freeze:
                return Reason.LOST_IN_WINDOW
        if need_mynumber and not m.mynumber4:
            return Reason.NO_MYNUMBER
        return None

    return reason


def apply_rules(
    members: list[Member], profile: RunProfile, issue_date: date,
    households: dict[tuple[str, str], list[Member]] | None = None,
    held_employers: frozenset[str] = frozenset(),
    documents: DocumentResults | None = None,
) -> RuleResults:
    """Decide every member's reason and flag (selection comes later).

    Args:
        members: every member row, in workbook order (not changed).
        profile: the run profile (variant, dates of the rules).
        issue_date: the resolved issue date.
        households: ``households_of(members)`` when the caller has it already.
        held_employers: employers whose 事業所 sheet row has an error: all their members are ``HELD``.
        documents: each member's document (``plan/documents.py``): a row error
            of the run holds the household like a row error of the sheet;
            ``NO_MYNUMBER`` excludes only a member who gets a notice; a
            certificate expiring before the issue date is ``EXPIRED_BEFORE_ISSUE``.

    Returns the results, with the households (記号+番号 → rows) for packing.
    """
    if households is None:
        households = households_of(members)
    results = RuleResults(households, documents=documents)
    reasons, flags, losses = results.reasons, results.flags, results.losses
    reason_of = _reason_rule(profile, issue_date)
    freeze = profile.rules.freeze
    flags_return = profile.run.variant != "reissue"
    inherited = _inherited_losses(members)
    invalid = {(m.kigo, m.bango) for m in members if m.errors}
    certified: dict[Member, str | None] = documents.documents if documents is not None else {}
    run_errors = documents.problems if documents is not None else {}
    expiry = documents.dates if documents is not None else {}
    if run_errors:
        invalid.update((m.kigo, m.bango) for m in run_errors)
    invalid_reason, held = Reason.INVALID, Reason.HELD
    # One pass over the rows: every household is independent of the others.
    for m in members:
        lost = m.lost
        recorded = None if lost is None else (m.loss_recorded or lost)
        if inherited:
            head = inherited.get((m.kigo, m.bango))
            if head is not None and m is not head[0] and (lost is None or head[1] < lost):
                lost, recorded = head[1], head[2]
        if lost is not None:
            losses[m] = (lost, recorded)
        if (invalid and (m.kigo, m.bango) in invalid) or (held_employers and m.employer_code in held_employers):
            reasons[m] = invalid_reason if m.errors or m in run_errors else held
            continue
        reason = reason_of(m, lost, recorded)
        if certified and m in certified:  # a certificate: no My Number needed, but an expiry
            if reason is Reason.NO_MYNUMBER:
                reason = None
            if reason is None and m in expiry and expiry[m].expired:
                reason = Reason.EXPIRED_BEFORE_ISSUE
        if reason is not None:
            reasons[m] = reason
        elif flags_return and lost is not None and recorded > freeze:
            flags[m] = RETURN
    return results


def _inherited_losses(members: list[Member]) -> dict[tuple[str, str], tuple[Member, date, date]]:
    """Household → (its sole insured, loss, recorded date) where that insured has a loss.

    A dependent loses qualification with its insured, on the same date and
    with the same recorded date (the earlier loss wins where both rows have
    one; the recorded date is 喪失処理日, else the loss date itself).
    """
    insured = Counter((m.kigo, m.bango) for m in members if m.insured)
    return {(m.kigo, m.bango): (m, m.lost, m.loss_recorded or m.lost) for m in members
            if m.insured and m.lost is not None and insured[(m.kigo, m.bango)] == 1}
