"""The hot-loop fingerprinter gives exactly the fingerprint of each member, whatever the row holds.

A ledger written earlier holds fingerprints made by :func:`fingerprint`; if
the fast path differed by one character every member would come back as
「前回から変更」 next month.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from print_engine.ledger.fingerprint import RunFingerprints, fingerprint, fingerprinter
from print_engine.model import Member

from .conftest import FakeMember, member


def _members():
    yield member()
    yield member(birth_date=None, acquired=None)  # dates the sheet left empty
    yield member(burden_ratio="3割", sex="女", continuation_end=date(2026, 3, 31), residence_end=None)
    yield member(name="髙橋\u3000𠮷子", kana="タカハシ ヨシコ")  # outside BMP, ideographic space
    yield member(birth_date=date(1980, 1, 2), acquired=date(1980, 1, 2))  # one date object twice
    yield SimpleNamespace(kigo="1", bango="2", edaban="00", name="欠 けた")  # a row without most fields
    yield Member(sheet="加入者", row=2, employer_code="1", affiliation="", kigo="10", bango="7", edaban="01",
                 name="試験 花子", kana="シケン ハナコ", birth_date=date(1990, 5, 6), acquired=date(2020, 4, 1),
                 mynumber4="1234")


def test_the_fast_fingerprint_is_the_fingerprint_for_every_kind_of_row():
    fast = fingerprinter()
    for _ in range(2):  # the second pass reads the remembered date texts
        for m in _members():
            for kind in ("notice", "certificate"):
                assert fast(m, kind) == fingerprint(m, kind), (m, kind)


def test_the_fast_fingerprint_still_sees_each_printed_date():
    fast = fingerprinter()
    a = fast(member(birth_date=date(1980, 1, 2)), "notice")
    b = fast(member(birth_date=date(1980, 1, 3)), "notice")
    c = fast(member(acquired=date(1980, 1, 2), birth_date=date(2010, 4, 1)), "notice")  # the two swapped
    assert len({a, b, c}) == 3


def test_a_runs_fingerprints_made_a_list_at_a_time_are_the_fingerprints():
    complete = [m for m in _members() if hasattr(m, "kana")]
    lacking = FakeMember(kigo="1", bango="2", edaban="00", name="欠 けた")  # a row without most fields
    for members in (complete, complete + [lacking]):
        for kind in ("notice", "certificate"):
            made = RunFingerprints()
            made.compute(members, kind)
            assert [made(m, kind) for m in members] == [fingerprint(m, kind) for m in members], kind
            assert all(m in made._known[kind] for m in members)  # made by compute, not on asking
