"""An address too long for the three lines of a mailed window is a TEXT_OVERFLOW warning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from print_engine.check.overflow import overflow_warnings
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def test_long_address_of_a_mailed_household_is_reported(tmp_path):
    wb = openpyxl.load_workbook(SAMPLES / "sample-mail.xlsx")
    ws = wb.active
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("番号")].value == "6":
            row[header.index("住所2")].value = "サンプルタワーレジデンス東棟二十三階二三〇一号室管理組合気付" * 3
    book = tmp_path / "long.xlsx"
    wb.save(book)
    profile = load_profile(SAMPLES / "sample-mail.toml")
    plan = plan_run(load_members(book, profile), profile, date(2024, 8, 7))
    [warning] = overflow_warnings(plan)
    assert warning.code == "TEXT_OVERFLOW" and warning.column == "住所"
    assert warning.value.startswith("東京都千代田区永田町二丁目一番一号")


def test_the_sample_has_no_overflow():
    profile = load_profile(SAMPLES / "sample-mail.toml")
    plan = plan_run(load_members(SAMPLES / "sample-mail.xlsx", profile), profile, date(2024, 8, 7))
    assert overflow_warnings(plan) == []


def test_a_barcode_too_long_for_the_window_is_one_warning_of_the_run():
    from dataclasses import replace

    from print_engine.check.run_warnings import run_warnings
    from print_engine.profile.schema import DirectMail

    profile = load_profile(SAMPLES / "sample-mail.toml")
    loaded = load_members(SAMPLES / "sample-mail.xlsx", profile)
    big = replace(profile, direct_mail=DirectMail(employers=("9999",), barcode_pt=11.5))
    warnings = [p for p in run_warnings(plan_run(loaded, big, date(2024, 8, 7))) if p.code == "BARCODE_OUTSIDE_WINDOW"]
    assert len(warnings) == 1 and "direct_mail.barcode_pt" in warnings[0].message
    assert "91.8 mm" in warnings[0].message and "96.8 mm" in warnings[0].message
    wide = replace(big, envelope=replace(big.envelope, window_width_mm=97.0))
    assert not [p for p in run_warnings(plan_run(loaded, wide, date(2024, 8, 7))) if p.code == "BARCODE_OUTSIDE_WINDOW"]
    plain = load_members(SAMPLES / "sample.xlsx", big)  # nobody mailed: the window is not asked
    no_mail = replace(big, direct_mail=DirectMail(barcode_pt=11.5))
    assert not [p for p in run_warnings(plan_run(plain, no_mail, date(2024, 8, 7)))
                if p.code == "BARCODE_OUTSIDE_WINDOW"]
