"""A run's fingerprints, made a list at a time, are exactly the fingerprint of each member, whatever the row holds.

A ledger written earlier holds fingerprints made by :func:`fingerprint`; if
the fast path differed by one character every member would come back as
「前回から変更」 next month.
"""

from __future__ import annotations

from datetime import date

from print_engine.ledger.fingerprint import RunFingerprints, fingerprint
from print_engine.model import Member

from .conftest import FakeMember, member


def _members():
    yield member()
    yield member(birth_date=None, acquired=None)  # dates the sheet left empty
    yield member(burden_ratio="3割", sex="女", continuation_end=date(2026, 3, 31), residence_end=None)
    yield member(name="髙橋\u3000𠮷子", kana="タカハシ ヨシコ")  # outside BMP, ideographic space
    yield member(birth_date=date(1980, 1, 2), acquired=date(1980, 1, 2))  # one date object twice
    yield FakeMember(kigo="1", bango="2", edaban="00", name="欠 けた")  # a row without most fields
    yield Member(sheet="加入者", row=2, employer_code="1", affiliation="", kigo="10", bango="7", edaban="01",
                 name="試験 花子", kana="シケン ハナコ", birth_date=date(1990, 5, 6), acquired=date(2020, 4, 1),
                 mynumber4="1234")


def test_a_fingerprint_asked_for_one_member_is_the_fingerprint_for_every_kind_of_row():
    made, members = RunFingerprints(), list(_members())
    for _ in range(2):  # the second pass reads the ones remembered
        for m in members:
            for kind in ("notice", "certificate"):
                assert made(m, kind) == fingerprint(m, kind), (m, kind)


def test_the_fast_fingerprint_still_sees_each_printed_date():
    ms = [member(birth_date=date(1980, 1, 2)), member(birth_date=date(1980, 1, 3)),
          member(acquired=date(1980, 1, 2), birth_date=date(2010, 4, 1))]  # the last two dates swapped
    assert len(set(RunFingerprints().of(ms, "notice"))) == 3


def test_a_runs_fingerprints_made_a_list_at_a_time_are_the_fingerprints():
    complete = [m for m in _members() if hasattr(m, "kana")]
    for members in (complete, list(_members())):  # the second holds a row without most fields
        for kind in ("notice", "certificate"):
            made = RunFingerprints()
            made.compute(members, kind)
            assert [made(m, kind) for m in members] == [fingerprint(m, kind) for m in members], kind
            assert all(m in made._known[kind] for m in members)  # made by compute, not on asking
