"""[direct_mail] in the run profile: defaults, checks, saving."""

from __future__ import annotations

import dataclasses

import pytest

from print_engine.profile.loading import dump_profile, load_profile, profile_from_mapping


def test_default_mails_nobody_at_10_pt():
    profile = load_profile()
    assert profile.direct_mail.employers == ()
    assert profile.direct_mail.barcode_pt == 10.0


def test_codes_may_be_numbers_or_full_width(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[direct_mail]\nemployers = [9999, "００１２"]\nbarcode_pt = 8\n', encoding="utf-8")
    mail = load_profile(path).direct_mail
    assert mail.employers == ("9999", "0012")
    assert mail.barcode_pt == 8.0


@pytest.mark.parametrize("value", [7.9, 11.6, 0, True, "10"])
def test_barcode_pt_outside_8_to_11_5_is_named(value):
    with pytest.raises(ValueError, match=r"direct_mail\.barcode_pt.*8\.0～11\.5"):
        profile_from_mapping({"direct_mail": {"barcode_pt": value}})


@pytest.mark.parametrize("value", ["9999", [True], [""], [1.5]])
def test_employers_must_be_a_list_of_codes(value):
    with pytest.raises(ValueError, match=r"direct_mail\.employers"):
        profile_from_mapping({"direct_mail": {"employers": value}})


def test_unknown_key_in_the_section_is_named():
    with pytest.raises(ValueError, match=r"direct_mail\.bar_pt"):
        profile_from_mapping({"direct_mail": {"bar_pt": 10}})


def test_saved_profile_keeps_the_codes(tmp_path):
    profile = load_profile()
    profile = dataclasses.replace(profile, direct_mail=dataclasses.replace(profile.direct_mail,
                                                                           employers=("9999", "0100")))
    path = tmp_path / "saved.toml"
    path.write_text(dump_profile(profile), encoding="utf-8")
    assert load_profile(path).direct_mail.employers == ("9999", "0100")
    assert "# 全世帯を自宅へ郵送する事業所コード" in path.read_text(encoding="utf-8")
