"""The certificate's dates of certificate.md, table-driven on their boundaries."""

from datetime import date, timedelta

import pytest

from print_engine.plan.certificate_dates import (
    BY_AGE_75,
    BY_CONTINUATION,
    BY_PROFILE,
    BY_RESIDENCE,
    age_on,
    certificate_dates,
    effective_from,
    is_elderly,
    latest_valid_until,
    reaches_age_on,
    valid_until_problem,
)

D = date
ISSUE = D(2025, 12, 1)
VALID = D(2030, 11, 30)


@pytest.mark.parametrize("birth, age, reached", [
    (D(1955, 6, 15), 70, D(2025, 6, 14)),
    (D(1955, 12, 1), 70, D(2025, 11, 30)),   # born on the 1st: the last day of the month before
    (D(1956, 2, 29), 70, D(2026, 2, 28)),    # 29 February, common year: 28 February
    (D(1956, 2, 29), 72, D(2028, 2, 28)),    # leap year: the day before 29 February
    (D(1955, 1, 1), 75, D(2029, 12, 31)),    # across the year end
])
def test_the_day_an_age_is_reached_is_the_day_before_the_birthday(birth, age, reached):
    assert reaches_age_on(birth, age) == reached


@pytest.mark.parametrize("birth, day, age", [
    (D(1955, 12, 2), D(2025, 11, 30), 69),
    (D(1955, 12, 2), D(2025, 12, 1), 70),    # the day before the 70th birthday: 70
    (D(1955, 12, 1), D(2025, 11, 30), 70),
    (D(1955, 12, 1), D(2025, 11, 29), 69),
    (D(1956, 2, 29), D(2026, 2, 27), 69),
    (D(1956, 2, 29), D(2026, 2, 28), 70),
])
def test_age_on(birth, day, age):
    assert age_on(birth, day) == age


@pytest.mark.parametrize("birth, expected", [
    (D(1955, 6, 15), D(2025, 7, 1)),    # the month after the month of the 14th
    (D(1955, 6, 1), D(2025, 6, 1)),     # born on the 1st: the birthday month itself
    (D(1955, 6, 2), D(2025, 7, 1)),     # born on the 2nd: reached on the 1st, so next month
    (D(1956, 2, 29), D(2026, 3, 1)),    # 29 February: 1 March
    (D(1955, 12, 20), D(2026, 1, 1)),   # December: 1 January of the next year
    (D(1956, 1, 1), D(2026, 1, 1)),     # born 1 January: reached 31 December, so 1 January
])
def test_effective_from_is_the_first_of_the_month_after_reaching_70(birth, expected):
    assert effective_from(birth, acquired=D(2000, 4, 1)) == expected


def test_effective_from_is_the_acquisition_date_when_that_is_later():
    assert effective_from(D(1955, 6, 15), acquired=D(2025, 9, 10)) == D(2025, 9, 10)
    assert effective_from(D(1955, 6, 15), acquired=D(2025, 7, 1)) == D(2025, 7, 1)
    assert effective_from(D(1955, 6, 15), acquired=None) == D(2025, 7, 1)


@pytest.mark.parametrize("birth, elderly", [
    (D(1955, 12, 3), False),    # reaches 70 on 2 December: one day after the issue date
    (D(1955, 12, 2), True),     # reaches 70 on the issue date
    (D(1955, 12, 1), True),     # turns 70 (birthday) on the issue date
    (D(1951, 12, 2), True),     # 75th birthday tomorrow: still 70–74 today
    (D(1950, 12, 2), True),     # the day before the 75th birthday: still insured, still 70–74
    (D(1950, 12, 1), False),    # 75th birthday on the issue date: 後期高齢者
    (D(1960, 1, 1), False),
])
def test_elderly_means_70_to_74_on_the_issue_date(birth, elderly):
    assert is_elderly(birth, ISSUE) is elderly


@pytest.mark.parametrize("birth, kw, valid_until, cause", [
    # The profile's date when nothing is earlier.
    (D(1980, 5, 5), {}, VALID, BY_PROFILE),
    # Capped at the day before the 75th birthday.
    (D(1951, 6, 15), {}, D(2026, 6, 14), BY_AGE_75),
    (D(1951, 6, 1), {}, D(2026, 5, 31), BY_AGE_75),
    (D(1952, 2, 29), {}, D(2027, 2, 28), BY_AGE_75),
    # The cap switched off: the profile's date.
    (D(1951, 6, 15), {"cap_at_75": False}, VALID, BY_PROFILE),
    # 任継満了日 and 在留期限 where the row has them; the earliest wins.
    (D(1980, 5, 5), {"continuation_end": D(2027, 3, 31)}, D(2027, 3, 31), BY_CONTINUATION),
    (D(1980, 5, 5), {"residence_end": D(2026, 8, 20)}, D(2026, 8, 20), BY_RESIDENCE),
    (D(1980, 5, 5), {"continuation_end": D(2027, 3, 31), "residence_end": D(2026, 8, 20)},
     D(2026, 8, 20), BY_RESIDENCE),
    (D(1951, 6, 15), {"residence_end": D(2028, 1, 1)}, D(2026, 6, 14), BY_AGE_75),
    # A tie names the profile first.
    (D(1980, 5, 5), {"continuation_end": VALID}, VALID, BY_PROFILE),
])
def test_valid_until_is_the_earliest_date(birth, kw, valid_until, cause):
    dates = certificate_dates(ISSUE, VALID, birth, **kw)
    assert (dates.valid_until, dates.decided_by) == (valid_until, cause)
    assert dates.issued == ISSUE
    assert not dates.expired


@pytest.mark.parametrize("birth, kw, expired", [
    (D(1950, 12, 1), {}, True),      # turns 75 on the issue date: valid until yesterday
    (D(1950, 12, 2), {}, False),     # the day before the 75th birthday is the issue date: valid that day
    (D(1980, 5, 5), {"continuation_end": D(2025, 11, 30)}, True),
    (D(1980, 5, 5), {"continuation_end": ISSUE}, False),
    (D(1980, 5, 5), {"residence_end": D(2025, 6, 30)}, True),
])
def test_expired_before_issue(birth, kw, expired):
    assert certificate_dates(ISSUE, VALID, birth, **kw).expired is expired


def test_a_70_to_74_member_gets_the_effective_date():
    dates = certificate_dates(ISSUE, VALID, D(1954, 3, 1), acquired=D(2001, 4, 1))
    assert dates.elderly and dates.effective_from == D(2024, 3, 1)
    younger = certificate_dates(ISSUE, VALID, D(1960, 3, 1))
    assert not younger.elderly and younger.effective_from is None


@pytest.mark.parametrize("issue, latest", [
    (D(2025, 12, 1), D(2030, 12, 1)),
    (D(2024, 2, 29), D(2029, 2, 28)),
])
def test_the_profile_date_may_be_at_most_five_years_after_the_issue_date(issue, latest):
    assert latest_valid_until(issue) == latest
    assert valid_until_problem(latest, issue) is None
    assert valid_until_problem(issue, issue) is None
    too_late = valid_until_problem(latest + timedelta(days=1), issue)
    assert too_late is not None and "5年" in too_late and "certificate.valid_until" in too_late
    before = valid_until_problem(issue - timedelta(days=1), issue)
    assert before is not None and "前" in before
