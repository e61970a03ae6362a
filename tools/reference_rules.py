"""An independent reference implementation of the run rules (``initial``).

The sample generators know the intended value of every cell they write; this
module turns those values into the figures the engine must reproduce
(``shared/spec/run-rules.md``): each row's reason code and flag, the
household envelopes in packing order, and the per-employer totals. It shares
no code with ``print_engine`` on purpose, so that a test comparing the two is
a real check.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

RULE_REASONS = ("NOT_ENROLLED", "LOST_BEFORE_ASOF", "LOST_IN_WINDOW", "NO_MYNUMBER")
BOX, ENVELOPE = "段ボール", "封筒"


@dataclass(frozen=True, slots=True)
class RefRules:
    """The dates of the bundled default profile (August 2024 ``initial`` run)."""

    as_of: date = date(2024, 6, 30)
    enrolled_by: date = date(2024, 6, 30)
    enrollment_recorded_by: date = date(2024, 6, 28)
    freeze: date = date(2024, 8, 7)
    new_members_from: date = date(2024, 7, 1)
    new_members_to: date = date(2024, 11, 29)
    envelope_max_households: int = 10


@dataclass(slots=True)
class RefRow:
    """The intended (parsed) values of one member row."""

    row: int
    employer: str
    kigo: str
    bango: str
    edaban: str
    insured: bool
    acquired: date
    affiliation: str = ""
    acquired_recorded: date | None = None
    lost: date | None = None
    loss_recorded: date | None = None
    mynumber4: str = ""
    invalid: bool = False  # the row has a row error

    @property
    def household(self) -> tuple[str, str]:
        return (self.kigo, self.bango)


@dataclass(slots=True)
class Outcome:
    reason: str | None = None  # None = included
    flag: str = ""  # "RETURN" or ""


@dataclass(slots=True)
class RefEnvelope:
    employer: str
    affiliation: str
    kigo: str
    bango: str
    rows: list[int] = field(default_factory=list)  # notices, insured first
    is_return: bool = False
    fuyo_sakujo: bool = False  # a RETURN notice in a non-RETURN envelope


def natural_key(code: str) -> tuple:
    """Numeric-aware key: digit runs by value, then length, then text."""
    parts = []
    for token in re.findall(r"\d+|\D+", code):
        if token.isdigit():
            parts.append((0, int(token), len(token), token))
        else:
            parts.append((1, 0, 0, token))
    return tuple(parts)


def _loss(row: RefRow) -> tuple[date, date] | None:
    if row.lost is None:
        return None
    return (row.lost, row.loss_recorded or row.lost)


def evaluate(rows: list[RefRow], rules: RefRules = RefRules()) -> dict[int, Outcome]:
    """Reason and flag of every row under the ``initial`` rules."""
    households: dict[tuple[str, str], list[RefRow]] = defaultdict(list)
    for r in rows:
        households[r.household].append(r)
    out: dict[int, Outcome] = {}
    for members in households.values():
        if any(r.invalid for r in members):
            for r in members:
                out[r.row] = Outcome("INVALID" if r.invalid else "HELD")
            continue
        insured = [r for r in members if r.insured]
        insured_loss = _loss(insured[0]) if len(insured) == 1 else None
        for r in members:
            loss = _loss(r)
            if not r.insured and insured_loss and (loss is None or insured_loss[0] < loss[0]):
                loss = insured_loss
            out[r.row] = _rule(r, loss, rules)
    return out


def _rule(r: RefRow, loss: tuple[date, date] | None, rules: RefRules) -> Outcome:
    if r.acquired > rules.enrolled_by or (
        r.acquired_recorded is not None and r.acquired_recorded > rules.enrollment_recorded_by
    ):
        return Outcome("NOT_ENROLLED")
    if loss and loss[0] <= rules.as_of:
        return Outcome("LOST_BEFORE_ASOF")
    if loss and loss[1] <= rules.freeze:
        return Outcome("LOST_IN_WINDOW")
    if not r.mynumber4:
        return Outcome("NO_MYNUMBER")
    return Outcome(None, "RETURN" if loss else "")


def build_envelopes(
    rows: list[RefRow], outcomes: dict[int, Outcome], by_affiliation: set[str]
) -> dict[str, list[RefEnvelope]]:
    """Household envelopes per employer, in packing order (default profile)."""
    households: dict[tuple[str, str], list[RefRow]] = defaultdict(list)
    for r in rows:
        households[r.household].append(r)
    per_employer: dict[str, list[RefEnvelope]] = defaultdict(list)
    for (kigo, bango), members in households.items():
        included = [r for r in members if outcomes[r.row].reason is None]
        if not included:
            continue
        included.sort(key=lambda r: (not r.insured, natural_key(r.edaban)))
        insured = [r for r in members if r.insured]
        employer = insured[0].employer if insured else members[0].employer
        flags = [outcomes[r.row].flag == "RETURN" for r in included]
        per_employer[employer].append(RefEnvelope(
            employer=employer,
            affiliation=included[0].affiliation,
            kigo=kigo, bango=bango,
            rows=[r.row for r in included],
            is_return=all(flags),
            fuyo_sakujo=any(flags) and not all(flags),
        ))
    for code, envelopes in per_employer.items():
        if code in by_affiliation:
            envelopes.sort(key=lambda e: (e.affiliation == "", natural_key(e.affiliation),
                                          natural_key(e.kigo), natural_key(e.bango)))
        else:
            envelopes.sort(key=lambda e: (natural_key(e.kigo), natural_key(e.bango)))
    return dict(sorted(per_employer.items(), key=lambda kv: natural_key(kv[0])))


def summarize(
    rows: list[RefRow],
    by_affiliation: set[str],
    rules: RefRules = RefRules(),
    detail: bool = True,
) -> dict:
    """The expected figures of a run over ``rows`` (see samples README).

    Args:
        rows: the intended values of every member row.
        by_affiliation: employer codes that pack by 所属コード.
        rules: the profile's dates.
        detail: include ``envelope_order`` and ``rows`` (large for big books).
    """
    outcomes = evaluate(rows, rules)
    envelopes = build_envelopes(rows, outcomes, by_affiliation)
    reasons = {code: 0 for code in RULE_REASONS}
    for o in outcomes.values():
        if o.reason is not None:
            reasons[o.reason] = reasons.get(o.reason, 0) + 1
    included = sum(1 for o in outcomes.values() if o.reason is None)
    all_envelopes = [e for es in envelopes.values() for e in es]
    new_from, new_to = rules.new_members_from, rules.new_members_to
    result = {
        "members_rows": len(rows),
        "included": included,
        "envelopes": len(all_envelopes),
        "employers_with_envelope": len(envelopes),
        "reasons": reasons,
        "return_notices": sum(1 for o in outcomes.values() if o.flag == "RETURN"),
        "return_envelopes": sum(1 for e in all_envelopes if e.is_return),
        "containers": {
            code: BOX if len(es) > rules.envelope_max_households else ENVELOPE
            for code, es in envelopes.items()
        },
        "notices_per_employer": {code: sum(len(e.rows) for e in es) for code, es in envelopes.items()},
        "envelopes_per_employer": {code: len(es) for code, es in envelopes.items()},
        "new_members_candidates": sorted(
            r.row for r in rows
            if not r.invalid and new_from <= (r.acquired_recorded or r.acquired) <= new_to
        ),
    }
    if detail:
        result["envelope_order"] = {
            code: [
                {"kigo": e.kigo, "bango": e.bango, "affiliation": e.affiliation,
                 "rows": e.rows, "return": e.is_return, "fuyo_sakujo": e.fuyo_sakujo}
                for e in es
            ]
            for code, es in envelopes.items()
        }
        result["rows"] = [
            {"row": r.row, "employer": r.employer, "kigo": r.kigo, "bango": r.bango,
             "edaban": r.edaban, "insured": r.insured, "mynumber4": r.mynumber4,
             "reason": outcomes[r.row].reason, "flag": outcomes[r.row].flag}
            for r in sorted(rows, key=lambda r: r.row)
        ]
    return result


# --- the 資格確認書 (certificate.md), for the monthly sample -------------------------------------
#
# Written apart from print_engine/plan/certificate_dates.py on purpose: ages are
# counted from ordinal day numbers and the year's length, not from a birthday
# helper, so that a shared mistake is unlikely.


@dataclass(frozen=True, slots=True)
class RefCertificateRules:
    """The certificate settings of a run profile (``[issue]`` and ``[certificate]``)."""

    issue_date: date
    valid_until: date
    kind: str = "by-registration"  # notice | certificate | by-registration
    cap_at_75: bool = True
    print_sex: bool = True


@dataclass(slots=True)
class RefMember:
    """A monthly-sample row: the run-rule values plus the certificate columns."""

    base: RefRow
    birth: date | None = None
    sex: str = ""
    myna_card: bool | None = None
    burden: str = ""
    continuation_end: date | None = None
    residence_end: date | None = None


def _age_reached(birth: date, years: int) -> date:
    """The day before the ``years``-th birthday (for 29 February: the last day of February)."""
    year = birth.year + years
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if (birth.month, birth.day) == (2, 29) and not leap:
        return date(year, 2, 28)
    return date.fromordinal(date(year, birth.month, birth.day).toordinal() - 1)


def _month_after(d: date) -> date:
    months = d.year * 12 + d.month  # the month after d's, counted from year 0
    return date(months // 12, months % 12 + 1, 1)


def certificate_facts(m: RefMember, rules: RefCertificateRules) -> dict:
    """Document, 有効期限, 70–74 and 発効期日 of one row (``document`` None: a row error)."""
    if rules.kind == "notice" or (rules.kind == "by-registration" and m.myna_card):
        return {"document": "notice"}
    if rules.kind == "by-registration" and m.myna_card is None:
        return {"document": None, "error": "MYNA_CARD_REQUIRED"}
    errors = []
    if rules.print_sex and m.sex not in ("男", "女"):
        errors.append("SEX_REQUIRED")
    if m.birth is None:
        return {"document": "certificate", "errors": errors + ["BIRTH_REQUIRED"]}
    candidates = [rules.valid_until, m.continuation_end, m.residence_end]
    if rules.cap_at_75:
        candidates.append(_age_reached(m.birth, 75))
    valid_until = min(d for d in candidates if d is not None)
    turned_70 = _age_reached(m.birth, 70) <= rules.issue_date
    late_elderly = rules.issue_date >= date.fromordinal(_age_reached(m.birth, 75).toordinal() + 1)
    elderly = turned_70 and not late_elderly
    facts = {"document": "certificate", "valid_until": valid_until.isoformat(), "elderly": elderly,
             "expired": valid_until < rules.issue_date}
    if elderly:
        start = max(_month_after(_age_reached(m.birth, 70)), m.base.acquired)
        facts["effective_from"] = start.isoformat()
        if not m.burden:
            errors.append("RATIO_REQUIRED")
    if errors:
        facts["errors"] = errors
    return facts


def evaluate_monthly(members: list[RefMember], rules: RefRules, cert: RefCertificateRules) -> dict[int, dict]:
    """Per row: reason, flag, document and certificate dates under the monthly rules.

    The run rules of ``initial`` apply, except that ``NO_MYNUMBER`` only
    excludes a member who would get a notice (a certificate prints no My
    Number), and a certificate whose 有効期限 falls before the issue date is
    ``EXPIRED_BEFORE_ISSUE``. A row error of the run (a blank マイナ保険証,
    a certificate without 生年月日 …) makes the row INVALID and its household HELD.
    """
    facts = {m.base.row: certificate_facts(m, cert) for m in members}
    rows = []
    for m in members:
        f = facts[m.base.row]
        bad = f["document"] is None or bool(f.get("errors"))
        copy = RefRow(**{k: getattr(m.base, k) for k in RefRow.__slots__})
        copy.invalid = copy.invalid or bad
        if f["document"] == "certificate":
            copy.mynumber4 = copy.mynumber4 or "----"  # a certificate needs no My Number
        rows.append(copy)
    outcomes = evaluate(rows, rules)
    result = {}
    for m in members:
        o, f = outcomes[m.base.row], facts[m.base.row]
        reason = o.reason
        if reason is None and f.get("expired"):
            reason = "EXPIRED_BEFORE_ISSUE"
        result[m.base.row] = {**f, "reason": reason, "flag": o.flag if reason is None else ""}
    return result
