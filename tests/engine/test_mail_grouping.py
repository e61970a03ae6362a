"""Splitting a run's envelopes into the employers' and the mailed group."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from print_engine.mail.grouping import mail_shipment, mailed_employer_codes, split_mailed
from print_engine.model import CONTAINER_MAIL, Envelope, Member
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile
from print_engine.profile.schema import DirectMail, RunProfile, SheetSettings

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def envelopes_of(plan) -> list[Envelope]:
    return [e for s in plan.shipments for e in s.envelopes]


def test_the_sample_splits_as_expected():
    expected = json.loads((SAMPLES / "sample-mail-expected.json").read_text(encoding="utf-8"))
    profile = load_profile(SAMPLES / "sample-mail.toml")
    loaded = load_members(SAMPLES / "sample-mail.xlsx", profile)
    envelopes = envelopes_of(plan_run(loaded, profile, date(2024, 8, 7)))
    split = split_mailed(envelopes, profile, loaded.labels)
    assert [e.household_label for e in split.mailed] == expected["mailed_order"]
    assert [e.recipient.postal_code for e in split.mailed] == expected["mailed_postal_codes"]
    assert {e.household_label: e.recipient.addressee for e in split.mailed} == expected["addressees"]
    assert sum(len(e.members) for e in split.mailed) == expected["mailed_notices"]
    assert len(split.kept) == sum(expected["envelopes_per_employer"].values())
    assert all(e.recipient is None for e in split.kept)
    group = mail_shipment(split.mailed)
    assert group.container == CONTAINER_MAIL and group.employer.name == "自宅送付"


def member(row, edaban="00", **kw) -> Member:
    base = dict(sheet="加入者", row=row, employer_code="1", kigo="10", bango=str(row), edaban=edaban,
                insured=edaban == "00", name=f"試験 {row}", postal_code="100-0013", address="東京都千代田区1-1")
    return Member(**{**base, **kw})


def test_an_unusable_address_holds_the_envelope_with_a_row_error():
    good = member(2, send_to="自宅")
    bad = member(3, send_to="自宅", postal_code="100-01")
    blank = member(4, send_to="自宅", address="")
    stays = member(5, postal_code="")  # not mailed: its blank address does not matter
    envs = [Envelope("1", "", m.kigo, m.bango, [m], m) for m in (good, bad, blank, stays)]
    split = split_mailed(envs, RunProfile(), {"postal_code": "郵便番号"})
    assert split.mailed == [envs[0]] and split.kept == [envs[3]]
    assert split.held == [envs[1], envs[2]]
    assert [(p.code, p.row, p.is_error) for p in split.problems] == [
        ("MAIL_POSTAL_CODE", 3, True), ("MAIL_ADDRESS", 4, True)]


def test_without_an_included_insured_the_first_included_decides():
    insured = member(2, send_to="自宅")
    child = member(3, edaban="01", bango="2", send_to="")
    env = Envelope("1", "", "10", "2", [child], insured)  # the insured is excluded
    assert split_mailed([env], RunProfile()).kept == [env]
    child.send_to = "自宅"
    split = split_mailed([env], RunProfile())
    assert split.mailed == [env] and env.recipient.addressee == child.name


def test_listed_employer_codes_are_padded_like_the_workbook():
    profile = replace(RunProfile(), direct_mail=DirectMail(employers=("９９",)),
                      sheet=SheetSettings(widths={"employer_code": 4}))
    assert mailed_employer_codes(profile) == {"0099"}
    m = member(2, employer_code="0099")
    split = split_mailed([Envelope("0099", "", m.kigo, m.bango, [m], m)], profile, has_send_to=False)
    assert len(split.mailed) == 1


def test_nothing_is_looked_at_without_employers_and_column():
    m = member(2, send_to="自宅")  # cannot happen without the column; proves the short cut
    envs = [Envelope("1", "", m.kigo, m.bango, [m], m)]
    assert split_mailed(envs, RunProfile(), has_send_to=False).kept is envs
