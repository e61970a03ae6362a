"""The dates of a 資格確認書 (``shared/spec/certificate.md``), as pure functions.

- 交付年月日 is the run's issue date.
- 有効期限 is the earliest of the profile's ``[certificate] valid_until``
  (at most five years after the issue date), the day before the 75th
  birthday (``cap_at_75``: 後期高齢者 from the birthday), the row's
  任継満了日 and its 在留期限. One that falls before the issue date excludes
  the member (``EXPIRED_BEFORE_ISSUE``).
- A member aged 70–74 on the issue date carries the 一部負担金の割合 and its
  発効期日: the first day of the month after the month holding the day
  before the 70th birthday (by law one reaches an age on the day before the
  birthday), or the 資格取得年月日 when that is later.

A birthday on 29 February falls, in a common year, on 1 March; the day
before it is then 28 February. Nothing here reads a file or a profile
object: the callers pass plain dates, so every boundary is easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from print_engine.model import tuple_pickled

MAX_VALIDITY_YEARS = 5
ELDERLY_FROM_AGE = 70
LATE_ELDERLY_AGE = 75  # 後期高齢者医療 from the 75th birthday

# Which date decided the 有効期限 (for tests, the window and the summary).
BY_PROFILE = "valid_until"
BY_AGE_75 = "age_75"
BY_CONTINUATION = "continuation_end"  # 任継満了日
BY_RESIDENCE = "residence_end"  # 在留期限
_TIE_ORDER = (BY_PROFILE, BY_AGE_75, BY_CONTINUATION, BY_RESIDENCE)


def birthday(birth: date, age: int) -> date:
    """The ``age``-th birthday; 29 February gives 1 March in a common year."""
    year = birth.year + age
    try:
        return birth.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 3, 1)


def reaches_age_on(birth: date, age: int) -> date:
    """The day one reaches ``age``: the day before that birthday (年齢計算ニ関スル法律)."""
    return birthday(birth, age) - timedelta(days=1)


def age_on(birth: date, day: date) -> int:
    """Age on ``day``, counted the legal way (a year is complete on the day before the birthday)."""
    age = day.year - birth.year
    if day < reaches_age_on(birth, age):
        age -= 1
    return age


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 2, 28)


def latest_valid_until(issue_date: date) -> date:
    """The latest 有効期限 the profile may set: five years after the issue date."""
    return add_years(issue_date, MAX_VALIDITY_YEARS)


def valid_until_problem(valid_until: date, issue_date: date) -> str | None:
    """Why ``[certificate] valid_until`` cannot be used with this issue date, or ``None``.

    A date more than five years after the issue date is not allowed (the
    contract's maximum); one before the issue date would make every
    certificate of the run expired, which is surely a typing mistake.
    """
    latest = latest_valid_until(issue_date)
    if valid_until > latest:
        return (f"「certificate.valid_until」（{valid_until.isoformat()}）が交付日（{issue_date.isoformat()}）から"
                f"5年を超えています。{latest.isoformat()} 以前の日付にしてください。")
    if valid_until < issue_date:
        return (f"「certificate.valid_until」（{valid_until.isoformat()}）が交付日（{issue_date.isoformat()}）より"
                f"前です。交付日以後、{latest.isoformat()} 以前の日付にしてください。")
    return None


def first_of_next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def is_elderly(birth: date, issue_date: date) -> bool:
    """Aged 70–74 on the issue date: reached 70, and not yet 後期高齢者 (before the 75th birthday).

    The day before the 75th birthday still counts: the member is insured
    that day and the certificate is valid exactly until then.
    """
    return reaches_age_on(birth, ELDERLY_FROM_AGE) <= issue_date < birthday(birth, LATE_ELDERLY_AGE)


def effective_from(birth: date, acquired: date | None) -> date:
    """発効期日 of the 70–74 share of cost.

    The first day of the month after the month that holds the day before the
    70th birthday — the birthday month itself for a member born on the 1st —
    or the 資格取得年月日 when that is later.
    """
    start = first_of_next_month(reaches_age_on(birth, ELDERLY_FROM_AGE))
    if acquired is not None and acquired > start:
        return acquired
    return start


@tuple_pickled
@dataclass(frozen=True, slots=True)
class CertificateDates:
    """The dates one member's certificate carries.

    Attributes:
        issued: 交付年月日 (the run's issue date).
        valid_until: 有効期限.
        decided_by: which date gave the 有効期限 (``BY_PROFILE`` …).
        elderly: aged 70–74 on the issue date (負担割合 and 発効期日 printed).
        effective_from: 発効期日 when ``elderly``, else ``None``.
    """

    issued: date
    valid_until: date
    decided_by: str
    elderly: bool
    effective_from: date | None

    @property
    def expired(self) -> bool:
        """The 有効期限 falls before the issue date (``EXPIRED_BEFORE_ISSUE``)."""
        return self.valid_until < self.issued


def certificate_dates(
    issue_date: date,
    valid_until: date,
    birth: date,
    *,
    cap_at_75: bool = True,
    continuation_end: date | None = None,
    residence_end: date | None = None,
    acquired: date | None = None,
) -> CertificateDates:
    """Compute a member's certificate dates.

    Args:
        issue_date: the run's issue date (交付年月日).
        valid_until: the profile's ``[certificate] valid_until`` (already checked).
        birth: 生年月日 (a certificate needs one: the caller reports a blank).
        cap_at_75: no later than the day before the 75th birthday.
        continuation_end: 任継満了日 of the row, if any.
        residence_end: 在留期限 of the row, if any.
        acquired: 資格取得年月日 (a later one moves the 発効期日).

    On a tie the earlier candidate of profile, age 75, 任継, 在留 names the cause.
    """
    candidates = {BY_PROFILE: valid_until}
    if cap_at_75:
        candidates[BY_AGE_75] = reaches_age_on(birth, LATE_ELDERLY_AGE)
    if continuation_end is not None:
        candidates[BY_CONTINUATION] = continuation_end
    if residence_end is not None:
        candidates[BY_RESIDENCE] = residence_end
    cause = min(candidates, key=lambda k: (candidates[k], _TIE_ORDER.index(k)))
    elderly = is_elderly(birth, issue_date)
    return CertificateDates(
        issued=issue_date,
        valid_until=candidates[cause],
        decided_by=cause,
        elderly=elderly,
        effective_from=effective_from(birth, acquired) if elderly else None,
    )
