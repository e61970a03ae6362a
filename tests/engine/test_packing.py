"""Households → envelopes → shipments: order, packing by affiliation, selection."""

from dataclasses import replace
from datetime import date

from print_engine.model import (
    CONTAINER_BOX,
    CONTAINER_ENVELOPE,
    Employer,
    Member,
    Reason,
    Selection,
)
from print_engine.plan.packing import apply_selection, build_envelopes, build_shipments
from print_engine.plan.rules import apply_rules
from print_engine.profile.schema import Packing, RunProfile

ISSUE = date(2024, 8, 7)


def m(row, employer="1", kigo="10", bango="1", edaban="00", insured=True, affiliation="", **kw):
    fields = dict(acquired=date(2010, 1, 1), mynumber4="0001")
    fields.update(kw)
    return Member(sheet="s", row=row, employer_code=employer, kigo=kigo, bango=bango, edaban=edaban,
                  insured=insured, affiliation=affiliation, name=f"名 {row}", **fields)


def plan(members, employers=None, profile=None, selection=Selection(), order=""):
    profile = profile or RunProfile()
    results = apply_rules(members, profile, ISSUE)
    _last["reasons"] = results.reasons
    envs = build_envelopes(members, results.households, results.reasons, results.flags)
    envs = apply_selection(envs, selection, results.reasons)
    employers = employers or {c: Employer(c, f"社{c}") for c in {x.employer_code for x in members}}
    return build_shipments(envs, employers, profile, order)


_last: dict = {}


def reason(member):
    """The reason the last :func:`plan` gave ``member`` (None: printed)."""
    return _last["reasons"].get(member)


def test_insured_first_then_dependents_by_edaban():
    rows = [m(1, edaban="10", insured=False), m(2, edaban="02", insured=False), m(3, edaban="00")]
    (ship,) = plan(rows)
    assert [x.row for x in ship.envelopes[0].members] == [3, 2, 1]


def test_employers_numeric_aware_and_envelopes_by_number():
    rows = [m(1, employer="10", bango="2"), m(2, employer="2", bango="10"), m(3, employer="2", bango="9"),
            m(4, employer="10", bango="007"), m(5, employer="10", bango="7")]
    ships = plan(rows)
    assert [s.employer.code for s in ships] == ["2", "10"]
    assert [e.bango for e in ships[0].envelopes] == ["9", "10"]
    assert [e.bango for e in ships[1].envelopes] == ["2", "7", "007"]


def test_affiliation_packing_groups_blank_last():
    rows = [m(1, bango="1", affiliation=""), m(2, bango="2", affiliation="B10"),
            m(3, bango="3", affiliation="B9"), m(4, bango="4", affiliation="B9")]
    employers = {"1": Employer("1", "社", pack_by_affiliation=True)}
    (ship,) = plan(rows, employers)
    assert ship.by_affiliation
    assert [e.bango for e in ship.envelopes] == ["3", "4", "2", "1"]
    assert [a for a, _ in ship.affiliation_groups()] == ["B9", "B10", ""]


def test_order_precedence_override_then_profile_then_sheet():
    rows = [m(1, bango="1", affiliation="Z"), m(2, bango="2", affiliation="A")]
    employers = {"1": Employer("1", "社", pack_by_affiliation=True)}
    assert [e.bango for e in plan(rows, employers)[0].envelopes] == ["2", "1"]
    profile = replace(RunProfile(), packing=Packing(employers={"1": "number"}))
    assert [e.bango for e in plan(rows, employers, profile)[0].envelopes] == ["1", "2"]
    assert [e.bango for e in plan(rows, employers, profile, order="affiliation")[0].envelopes] == ["2", "1"]


def test_insured_abroad_envelope_holds_dependents_and_knows_insured():
    head = m(1, mynumber4="")
    dep = m(2, edaban="01", insured=False, affiliation="X")
    (ship,) = plan([head, dep])
    env = ship.envelopes[0]
    assert env.members == [dep]
    assert env.insured is head and not env.has_insured
    assert env.affiliation == "X"  # that of its first included member
    assert reason(head) is Reason.NO_MYNUMBER


def test_household_with_nobody_included_gets_no_envelope_and_no_shipment():
    rows = [m(1, acquired_recorded=date(2024, 7, 5))]
    assert plan(rows) == []


def test_container_by_threshold():
    rows = [m(i, bango=str(i)) for i in range(1, 11)]
    assert plan(rows)[0].container == CONTAINER_ENVELOPE
    rows = [m(i, bango=str(i)) for i in range(1, 12)]
    assert plan(rows)[0].container == CONTAINER_BOX


def test_return_envelope_only_when_every_notice_returns():
    head = m(1, lost=date(2024, 9, 1))
    dep = m(2, edaban="01", insured=False)
    other = m(3, bango="2")
    gone_dep = m(4, bango="2", edaban="01", insured=False, lost=date(2024, 9, 1))
    (ship,) = plan([head, dep, other, gone_dep])
    first, second = ship.envelopes
    assert first.is_return and not first.has_removed_dependent
    assert not second.is_return and second.has_removed_dependent
    assert ship.return_envelopes == 1


def test_selection_by_employer_marks_others_not_selected():
    a, b = m(1, employer="1"), m(2, employer="2", bango="5")
    lost = m(3, employer="2", bango="6", lost=date(2024, 1, 1))
    ships = plan([a, b, lost], selection=Selection(employers=frozenset({"1"})))
    assert [s.employer.code for s in ships] == ["1"]
    assert reason(b) is Reason.NOT_SELECTED
    assert reason(lost) is Reason.LOST_BEFORE_ASOF  # a rule's reason wins


def test_selection_by_affiliation_uses_envelope_code():
    head = m(1, affiliation="A")
    dep = m(2, edaban="01", insured=False, affiliation="B")
    ships = plan([head, dep], selection=Selection(affiliations=frozenset({"A"})))
    assert [x.row for x in ships[0].envelopes[0].members] == [1, 2]


def test_selection_by_member_and_household():
    head, dep = m(1), m(2, edaban="01", insured=False)
    other = m(3, bango="2")
    ships = plan([head, dep, other], selection=Selection(members=frozenset({("10", "1", "01")})))
    assert [x.row for e in ships[0].envelopes for x in e.members] == [2]
    assert reason(head) is Reason.NOT_SELECTED and reason(other) is Reason.NOT_SELECTED
    ships = plan([head, dep, other], selection=Selection(households=frozenset({("10", "2")})))
    assert [x.row for e in ships[0].envelopes for x in e.members] == [3]


def test_selection_selectors_combine_as_and():
    a = m(1, employer="1", affiliation="A")
    b = m(2, employer="2", bango="2", affiliation="A")
    ships = plan([a, b], selection=Selection(employers=frozenset({"2"}), affiliations=frozenset({"A"})))
    assert [s.employer.code for s in ships] == ["2"]


def test_counts_and_leaflets():
    rows = [m(1), m(2, edaban="01", insured=False), m(3, bango="2")]
    (ship,) = plan(rows)
    assert (len(ship.envelopes), ship.notice_count) == (2, 3)
