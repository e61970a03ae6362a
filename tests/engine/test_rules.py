"""The run rules of run-rules.md, one behaviour per test, on hand-made rows."""

from dataclasses import replace
from datetime import date

import pytest

from print_engine.model import RETURN, Member, Problem, Reason, Severity
from print_engine.plan.rules import apply_rules
from print_engine.profile.schema import RunProfile, RunSettings

D = date
ISSUE = D(2024, 8, 7)


def member(row, bango="100", edaban="00", insured=True, **kw):
    base = dict(
        sheet="s", row=row, employer_code="1", kigo="10", bango=bango, edaban=edaban,
        insured=insured, name=f"加入 {row}", acquired=D(2010, 4, 1), mynumber4="1234",
    )
    base.update(kw)
    return Member(**base)


def run(members, variant="initial", **run_kw):
    profile = RunProfile()
    profile = replace(profile, run=replace(profile.run, variant=variant, **run_kw))
    _last["results"] = results = apply_rules(members, profile, ISSUE)
    return [results.reasons.get(m) for m in members]


_last: dict = {}


def flag(m):
    """The flag the last :func:`run` gave ``m``."""
    return _last["results"].flags.get(m, "")


def test_enrolled_member_is_included():
    m = member(1)
    assert run([m]) == [None]
    assert flag(m) == ""


@pytest.mark.parametrize("acquired, recorded, expected", [
    (D(2024, 6, 30), None, None),                     # enrolled on the last day
    (D(2024, 7, 1), None, Reason.NOT_ENROLLED),        # acquired after enrolled_by
    (D(2024, 6, 1), D(2024, 6, 28), None),            # recorded on the deadline
    (D(2024, 6, 1), D(2024, 6, 29), Reason.NOT_ENROLLED),  # recorded after 6/28
])
def test_not_enrolled(acquired, recorded, expected):
    assert run([member(1, acquired=acquired, acquired_recorded=recorded)]) == [expected]


@pytest.mark.parametrize("lost, recorded, reason, expected_flag", [
    (D(2024, 6, 30), None, Reason.LOST_BEFORE_ASOF, ""),
    (D(2024, 5, 1), D(2024, 9, 1), Reason.LOST_BEFORE_ASOF, ""),  # recorded late, still lost before
    (D(2024, 7, 1), None, Reason.LOST_IN_WINDOW, ""),             # no recorded date: the loss date decides
    (D(2024, 7, 15), D(2024, 8, 7), Reason.LOST_IN_WINDOW, ""),   # recorded on the freeze day
    (D(2024, 7, 15), D(2024, 8, 8), None, RETURN),                # recorded after the freeze
    (D(2024, 8, 20), None, None, RETURN),                         # lost after the freeze
])
def test_losses(lost, recorded, reason, expected_flag):
    m = member(1, lost=lost, loss_recorded=recorded)
    assert run([m]) == [reason]
    assert flag(m) == expected_flag


def test_rule_order_first_reason_wins():
    # Not enrolled AND lost AND no My Number: the first rule gives the code.
    m = member(1, acquired=D(2024, 7, 2), lost=D(2024, 6, 1), mynumber4="")
    assert run([m]) == [Reason.NOT_ENROLLED]


def test_no_mynumber_only_in_initial():
    assert run([member(1, mynumber4="")]) == [Reason.NO_MYNUMBER]
    new = member(1, mynumber4="", acquired=D(2024, 8, 1))
    assert run([new], variant="new-members") == [None]


def test_dependent_inherits_insured_loss_and_recorded_date():
    head = member(1, lost=D(2024, 7, 10), loss_recorded=D(2024, 7, 20))
    dep = member(2, edaban="01", insured=False)
    assert run([head, dep]) == [Reason.LOST_IN_WINDOW, Reason.LOST_IN_WINDOW]
    assert _last["results"].losses[dep] == (D(2024, 7, 10), D(2024, 7, 20))


def test_dependent_inherits_return_so_whole_household_returns():
    head = member(1, lost=D(2024, 9, 1), loss_recorded=D(2024, 9, 5))
    dep = member(2, edaban="01", insured=False)
    run([head, dep])
    assert (flag(head), flag(dep)) == (RETURN, RETURN)


def test_earlier_own_loss_of_dependent_wins():
    head = member(1, lost=D(2024, 9, 1), loss_recorded=D(2024, 9, 5))
    dep = member(2, edaban="01", insured=False, lost=D(2024, 6, 1))
    assert run([head, dep]) == [None, Reason.LOST_BEFORE_ASOF]


def test_dependent_removed_after_freeze_alone_is_return():
    head = member(1)
    dep = member(2, edaban="01", insured=False, lost=D(2024, 8, 20), loss_recorded=D(2024, 8, 21))
    run([head, dep])
    assert (flag(head), flag(dep)) == ("", RETURN)


def test_error_row_is_invalid_and_household_held():
    head = member(1)
    dep = member(2, edaban="01", insured=False)
    other = member(3, bango="200")
    dep.errors.append(Problem(Severity.ERROR, "BAD_DATE", "x", "s", 2, "生年月日"))
    assert run([head, dep, other]) == [Reason.HELD, Reason.INVALID, None]


def test_invalid_beats_rule_reason():
    m = member(1, acquired=D(2024, 7, 2))
    m.errors.append(Problem(Severity.ERROR, "BAD_MYNUMBER", "x", "s", 1, "個人番号下4桁"))
    assert run([m]) == [Reason.INVALID]


@pytest.mark.parametrize("recorded, acquired, expected", [
    (D(2024, 7, 1), D(2024, 6, 20), None),
    (D(2024, 11, 29), D(2024, 11, 1), None),
    (D(2024, 11, 30), D(2024, 11, 1), Reason.NOT_IN_PERIOD),
    (D(2024, 6, 28), D(2024, 6, 1), Reason.NOT_IN_PERIOD),
    (None, D(2024, 9, 1), None),            # no recorded date: the acquisition date decides
])
def test_new_members_period(recorded, acquired, expected):
    m = member(1, acquired=acquired, acquired_recorded=recorded, mynumber4="")
    assert run([m], variant="new-members") == [expected]


def test_new_members_loss_rules_use_freeze():
    in_window = member(1, acquired=D(2024, 8, 1), lost=D(2024, 8, 2), loss_recorded=D(2024, 8, 3))
    late = member(2, bango="200", acquired=D(2024, 8, 1), lost=D(2024, 9, 2), loss_recorded=D(2024, 9, 3))
    assert run([in_window, late], variant="new-members") == [Reason.LOST_IN_WINDOW, None]
    assert flag(late) == RETURN


def test_reissue_uses_issue_date_as_asof():
    gone = member(1, lost=D(2024, 8, 1))
    still = member(2, bango="200", lost=D(2024, 9, 1))
    no_mn = member(3, bango="300", mynumber4="")
    assert run([gone, still, no_mn], variant="reissue") == [Reason.LOST_BEFORE_ASOF, None, None]


def test_rules_can_be_rerun_with_another_variant():
    m = member(1, mynumber4="", acquired=D(2024, 8, 1))
    assert run([m]) == [Reason.NOT_ENROLLED]
    assert run([m], variant="new-members") == [None]
    assert run([m]) == [Reason.NOT_ENROLLED]


def test_run_settings_defaults_match_spec():
    s = RunSettings()
    assert (s.variant, s.as_of, s.issue_date) == ("initial", D(2024, 6, 30), D(2024, 8, 7))


def test_rules_leave_the_rows_unchanged():
    """Rule results belong to the caller: the member rows are never written."""
    head = member(1, lost=D(2024, 9, 1), loss_recorded=D(2024, 9, 5))
    dep = member(2, edaban="01", insured=False)
    before = [(m.lost, m.loss_recorded, m.errors[:]) for m in (head, dep)]
    initial = run([head, dep])
    reissue = run([head, dep], variant="reissue")
    assert initial == [None, None] and reissue == [None, None]
    assert flag(head) == ""  # a reissue flags nothing; the first run's results are its own
    assert [(m.lost, m.loss_recorded, m.errors) for m in (head, dep)] == before
