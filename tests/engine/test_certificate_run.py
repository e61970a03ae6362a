"""A monthly run with notices and certificates (certificate.md), against the reference figures."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from print_engine.model import Reason
from print_engine.output.batch import run_batch
from print_engine.output.run_output import prepare_output
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile
from print_engine.profile.schema import IssueSettings

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
EXPECTED = json.loads((SAMPLES / "monthly-expected.json").read_text(encoding="utf-8"))
ISSUE = date(2025, 12, 1)


@pytest.fixture(scope="module")
def profile():
    return load_profile(SAMPLES / "monthly.toml")


@pytest.fixture(scope="module")
def loaded(profile):
    return load_members(SAMPLES / "monthly.xlsx", profile)


@pytest.fixture(scope="module")
def plan(loaded, profile):
    return plan_run(loaded, profile, ISSUE)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_row_gets_the_reference_document_reason_and_dates(plan):
    envelopes = {m: env for s in plan.shipments for env in s.envelopes for m in env.members}
    for m in plan.members:
        want = EXPECTED["rows"][str(m.row)]
        reason = plan.reason_of(m)
        assert (reason.value if reason else None) == want["reason"], m.row
        if reason is Reason.EXPIRED_BEFORE_ISSUE:
            continue
        assert plan.document_of(m) == want["document"], m.row
        if reason is None and want["document"] == "certificate":
            dates = envelopes[m].certificate_dates[m]
            assert dates.valid_until.isoformat() == want["valid_until"], m.row
            assert dates.elderly is want["elderly"], m.row
            assert (dates.effective_from.isoformat() if dates.effective_from else None) == \
                want.get("effective_from"), m.row
        if reason is None:
            assert envelopes[m].document_of(m) == want["document"], m.row


def test_counts_match_the_reference(plan):
    counts = plan.counts()
    assert (counts["notices"], counts["certificates"]) == (EXPECTED["notices"], EXPECTED["certificates"])
    assert counts["errors"] == EXPECTED["errors"]
    for reason, n in EXPECTED["reasons"].items():
        assert counts[reason] == n, reason


def test_a_household_envelope_mixes_kinds_insured_first_then_branch(plan):
    mixed = [env for s in plan.shipments for env in s.envelopes if 0 < env.certificate_count < len(env.members)]
    assert mixed
    for env in mixed:
        assert env.members[0].insured
        assert [m.edaban for m in env.members[1:]] == sorted(m.edaban for m in env.members[1:])


@pytest.fixture(scope="module")
def monthly_run(plan, tmp_path_factory):
    out = tmp_path_factory.mktemp("monthly") / "out"
    run_batch(plan, out, workers=1)
    return out


def test_packing_csv_counts_certificates_and_the_profiles_leaflets(monthly_run):
    rows = {r["employer_code"]: r for r in read_csv(monthly_run / "packing.csv")}
    header = list(read_csv(monthly_run / "packing.csv")[0])
    assert header[4:6] == ["notices", "certificates"]
    assert header[6:9] == ["green_leaflets", "blue_leaflets", "certificate_leaflets"]
    for code, want in EXPECTED["packing"].items():
        got = {k: int(v) for k, v in rows[code].items() if k in want}
        assert got == want, code


def test_manifest_has_one_two_page_row_per_certificate_and_sheets_of_their_own(monthly_run, plan):
    rows = read_csv(monthly_run / "manifest.csv")
    kinds = {r["document"] for r in rows}
    assert kinds == {"cover", "list", "notice", "certificate"}
    for r in rows:
        first, last = int(r["first_page"]), int(r["last_page"])
        assert first % 2 == 1 and (last - first + 1) % 2 == 0  # duplex: every document on its own sheets
        if r["document"] == "certificate":
            assert last - first == 1  # the front and its back
    assert sum(r["document"] == "certificate" for r in rows) == EXPECTED["certificates"]


def test_the_output_knows_it_prints_duplex(plan):
    assert prepare_output(plan).duplex
    single = replace(plan.profile, certificate=replace(plan.profile.certificate, back_side=False))
    out = prepare_output(plan_run(plan.loaded, single, ISSUE))
    assert not out.duplex and all(e.pages == 1 for f in out.files for e in f.entries if e.document != "list")


def test_cover_letter_and_list_name_what_the_shipment_holds(plan):
    output = prepare_output(plan)
    by_code = {s.employer.code: s for s in plan.shipments}
    mixed = output.context.cover(by_code["1"])[0].text()
    assert "「資格情報のお知らせ」（13通）および「資格確認書」（9通）" in mixed
    only_certificates = output.context.cover(by_code["9999"])[0].text()
    assert "「資格確認書」の送付について" in only_certificates and "お知らせ」（" not in only_certificates
    listing = output.context.target_list(by_code["1"])[0].text()
    assert "確認書" in listing and "資格確認書 9 通" in listing


def test_a_blank_myna_card_in_a_by_registration_run_holds_the_household(loaded, profile, make_book):
    headers = ["事業所コード", "事業所名", "記号", "番号", "枝番", "本人家族区分", "氏名", "資格取得年月日", "生年月日",
               "性別", "マイナ保険証"]
    book = make_book([[1, "A", "10", "1", "00", "本人", "甲 一", "2010/4/1", "1980/1/1", "男", "無"],
                      [1, "A", "10", "1", "01", "家族", "甲 二", "2010/4/1", "1982/1/1", "女", None]],
                     headers=headers)
    run = plan_run(load_members(book, profile), profile, ISSUE)
    first, second = run.members
    assert run.reason_of(second) is Reason.INVALID and run.reason_of(first) is Reason.HELD
    (problem,) = run.run_problems()
    assert (problem.row, problem.column, problem.code) == (3, "マイナ保険証", "MYNA_CARD_REQUIRED")
    assert run.counts()["errors"] == 1


def test_a_notice_run_ignores_the_certificate_columns(loaded, profile):
    notices = replace(profile, issue=IssueSettings("notice"))
    run = plan_run(loaded, notices, ISSUE)
    assert run.counts()["certificates"] == 0 and not run.documents.documents
    assert run.counts()["EXPIRED_BEFORE_ISSUE"] == 0
