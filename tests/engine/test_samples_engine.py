"""The engine against the bundled samples' independently computed figures.

``resources/samples/*-expected.json`` are written by ``tools/make_samples.py``
from its own reference rules (``tools/reference_rules.py``), not by the
engine, so these tests compare two implementations of the contract.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from print_engine.layout.fonts import FontSet
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def expected(name):
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def clean():
    profile = load_profile()
    loaded = load_members(SAMPLES / "sample.xlsx", profile, uncovered=FontSet.load().missing_chars)
    return plan_run(loaded, profile, date(2024, 8, 7))


@pytest.fixture(scope="module")
def broken():
    profile = load_profile()
    loaded = load_members(SAMPLES / "sample-errors.xlsx", profile, uncovered=FontSet.load().missing_chars)
    return plan_run(loaded, profile, date(2024, 8, 7))


def test_every_row_gets_the_expected_reason_and_flag(clean):
    want = {r["row"]: (r["reason"], r["flag"], r["mynumber4"]) for r in expected("sample-expected.json")["rows"]}
    got = {m.row: ((r := clean.reason_of(m)) and r.value, clean.flag_of(m), m.mynumber4) for m in clean.members}
    assert got == want


def test_envelopes_in_packing_order_per_employer(clean):
    want = expected("sample-expected.json")["envelope_order"]
    got = {
        s.employer.code: [
            {"kigo": e.kigo, "bango": e.bango, "affiliation": e.affiliation, "rows": [m.row for m in e.members],
             "return": e.is_return, "fuyo_sakujo": e.has_removed_dependent}
            for e in s.envelopes
        ]
        for s in clean.shipments
    }
    assert list(got) == list(want)  # employer order
    assert got == want


def test_containers_and_counts_per_employer(clean):
    exp = expected("sample-expected.json")
    assert {s.employer.code: s.container for s in clean.shipments} == exp["containers"]
    assert {s.employer.code: s.notice_count for s in clean.shipments} == exp["notices_per_employer"]
    assert [s.employer.code for s in clean.shipments if s.by_affiliation] == exp["pack_by_affiliation"]


def test_clean_sample_warnings_only_where_expected(clean):
    exp = expected("sample-expected.json")
    assert clean.counts()["errors"] == 0
    assert sorted(p.row for p in clean.loaded.warnings) == sorted(w["row"] for w in exp["warnings"]["list"])


def test_errors_sample_invalid_and_held_rows(broken):
    exp = expected("sample-errors-expected.json")
    invalid = sorted(m.row for m in broken.excluded() if broken.reason_of(m).value == "INVALID")
    held = sorted(m.row for m in broken.excluded() if broken.reason_of(m).value == "HELD")
    assert invalid == exp["invalid_rows"]
    assert held == exp["held_rows"]


def test_errors_sample_each_error_at_its_row_and_column(broken):
    exp = expected("sample-errors-expected.json")
    got = sorted((p.row, p.column) for m in broken.members for p in m.errors)
    assert got == sorted((e["row"], e["column"]) for e in exp["errors"])


def test_errors_sample_warnings(broken):
    exp = expected("sample-errors-expected.json")["warnings"]["list"]
    kinds = {"GAIJI": "GAIJI", "LOSS_RECORDED_WITHOUT_LOSS": "LOSS_RECORDED_WITHOUT_LOSS",
             "EMPLOYER_NAME_MISMATCH": "EMPLOYER_NAME_MISMATCH", "WIDTH_INCONSISTENT": "WIDTH_MISMATCH"}
    got = sorted((p.code, p.column) for p in broken.loaded.warnings)
    assert got == sorted((kinds[w["kind"]], w["column"]) for w in exp)
    gaiji = [p for p in broken.loaded.warnings if p.code == "GAIJI"]
    assert "𠮷" in gaiji[0].message and gaiji[0].row == 16


def test_errors_sample_printed_envelopes(broken):
    exp = expected("sample-errors-expected.json")
    got = {s.employer.code: [[m.row for m in e.members] for e in s.envelopes] for s in broken.shipments}
    assert got == {code: [e["rows"] for e in envs] for code, envs in exp["envelope_order"].items()}
