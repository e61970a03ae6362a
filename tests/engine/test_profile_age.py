"""An earlier run's dates or the sample insurer in the profile: warned, never changed (item 7)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from print_engine.check.profile_age import profile_warnings
from print_engine.profile.loading import load_profile
from print_engine.profile.schema import Insurer

TODAY = date(2026, 12, 1)


def own(profile, issue=TODAY, as_of=TODAY - timedelta(days=10), variant="initial"):
    insurer = Insurer(name="試験健康保険組合", number="06139999", postal_code="100-0001", address="東京都千代田区1-1")
    return replace(profile, insurer=insurer, run=replace(profile.run, issue_date=issue, as_of=as_of, variant=variant))


def test_the_bundled_profile_warns_about_its_dates_and_the_sample_insurer():
    profile = load_profile()
    warnings = profile_warnings(profile, TODAY)
    assert [w.code for w in warnings] == ["PROFILE_OLD_DATE", "PROFILE_OLD_DATE", "PROFILE_SAMPLE_INSURER"]
    assert "issue_date" in warnings[0].message and "2024年8月7日" in warnings[0].message
    assert "as_of" in warnings[1].message and "2024年6月30日時点" in warnings[1].message
    assert "東京都電機健康保険組合" in warnings[2].message
    assert all(not w.is_error and w.row is None for w in warnings)
    assert load_profile() == profile  # a warning, never a silent change


def test_an_own_current_profile_is_quiet_and_60_days_is_the_limit():
    profile = load_profile()
    assert profile_warnings(own(profile), TODAY) == []
    limit = TODAY - timedelta(days=60)
    assert profile_warnings(own(profile, issue=limit, as_of=limit), TODAY) == []
    late = TODAY - timedelta(days=61)
    assert [w.code for w in profile_warnings(own(profile, issue=late), TODAY)] == ["PROFILE_OLD_DATE"]
    assert "61日前" in profile_warnings(own(profile, as_of=late), TODAY)[0].message


def test_issue_date_today_is_never_old_and_a_reissue_ignores_as_of():
    profile = load_profile()
    assert profile_warnings(own(profile, issue="today"), TODAY) == []
    old = TODAY - timedelta(days=400)
    assert profile_warnings(own(profile, as_of=old, variant="reissue"), TODAY) == []


def test_the_sample_insurer_number_or_name_alone_is_enough_to_warn():
    profile = own(load_profile())
    sample = load_profile().insurer
    for insurer in (replace(profile.insurer, number=sample.number), replace(profile.insurer, name=sample.name)):
        codes = [w.code for w in profile_warnings(replace(profile, insurer=insurer), TODAY)]
        assert codes == ["PROFILE_SAMPLE_INSURER"]
