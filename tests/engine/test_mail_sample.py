"""The direct-mail sample (任意継続 + households sent home) and its expected figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from print_engine.mail.barcode import customer_barcode
from print_engine.plan.run import load_members
from print_engine.profile.loading import load_profile
from tools.make_mail_sample import make_mail_sample

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
BOOK = SAMPLES / "sample-mail.xlsx"
PROFILE = SAMPLES / "sample-mail.toml"


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SAMPLES / "sample-mail-expected.json").read_text(encoding="utf-8"))


def test_sample_is_in_sync_with_its_generator(tmp_path):
    make_mail_sample(tmp_path)
    for name in ("sample-mail.xlsx", "sample-mail.toml", "sample-mail-expected.json"):
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name


def test_profile_mails_the_continuation_employer():
    assert load_profile(PROFILE).direct_mail.employers == ("9999",)


def test_rows_load_without_problems(expected):
    loaded = load_members(BOOK, load_profile(PROFILE))
    assert len(loaded.members) == expected["members_rows"]
    assert loaded.problems() == []
    assert {m.send_to for m in loaded.members} == {"", "自宅", "事業所"}


def test_expected_barcodes_are_the_engines(expected):
    loaded = load_members(BOOK, load_profile(PROFILE))
    insured = {f"{m.kigo}-{m.bango}": m for m in loaded.members if m.insured}
    for household, data in expected["barcodes"].items():
        m = insured[household]
        code = customer_barcode(m.postal_code, m.address)
        assert code.data_text + code.check_text == data, household
