"""The run rules: who gets a notice (``shared/spec/run-rules.md``).

Each member row gets at most one reason code — the first rule that applies —
or none (included), plus the ``RETURN`` flag for a loss recorded after the
data freeze. Rows with errors are ``INVALID`` and the rest of their household
``HELD``, whatever a rule would say.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from .model import RETURN, Member, Reason
from .profile_schema import RunProfile

REASON_TEXT: dict[Reason, str] = {
    Reason.NOT_ENROLLED: "基準日（資格取得の期限）までに加入していない、または取得の届出が期限後",
    Reason.LOST_BEFORE_ASOF: "基準日以前に資格を喪失している",
    Reason.LOST_IN_WINDOW: "基準日後に資格を喪失し、データ確定日までに喪失の届出があった",
    Reason.NO_MYNUMBER: "個人番号（マイナンバー）が登録されていない",
    Reason.NOT_IN_PERIOD: "資格取得の届出が新規加入者の対象期間外",
    Reason.NOT_SELECTED: "今回の印刷範囲（事業所・所属・世帯の選択）に含まれない",
    Reason.INVALID: "行にエラーがある",
    Reason.HELD: "同じ世帯の別の行にエラーがあるため保留",
}


def households_of(members: list[Member]) -> dict[tuple[str, str], list[Member]]:
    """Members grouped by 記号+番号, in workbook order."""
    groups: dict[tuple[str, str], list[Member]] = defaultdict(list)
    for m in members:
        groups[(m.kigo, m.bango)].append(m)
    return groups


def _sole_insured(rows: list[Member]) -> Member | None:
    insured = [r for r in rows if r.insured]
    return insured[0] if len(insured) == 1 else None


def inherit_losses(households: dict[tuple[str, str], list[Member]]) -> None:
    """Set each member's effective loss: a dependent loses with its insured.

    The earlier loss wins where both rows have one; the loss's recorded date
    (喪失処理日, else the loss date itself) travels with it.
    """
    for rows in households.values():
        head = _sole_insured(rows)
        for m in rows:
            m.eff_lost = m.lost
            m.eff_loss_recorded = (m.loss_recorded or m.lost) if m.lost else None
        if head is None or head.lost is None:
            continue
        for m in rows:
            if m is head:
                continue
            if m.eff_lost is None or head.lost < m.eff_lost:
                m.eff_lost = head.eff_lost
                m.eff_loss_recorded = head.eff_loss_recorded


def _rule_reason(m: Member, profile: RunProfile, issue_date: date) -> Reason | None:
    rules = profile.rules
    variant = profile.run.variant
    as_of = profile.run.as_of
    if variant == "initial":
        if m.acquired is None or m.acquired > rules.enrolled_by:
            return Reason.NOT_ENROLLED
        if m.acquired_recorded is not None and m.acquired_recorded > rules.enrollment_recorded_by:
            return Reason.NOT_ENROLLED
    elif variant == "new-members":
        recorded = m.acquired_recorded or m.acquired
        if recorded is None or not (rules.new_members_from <= recorded <= rules.new_members_to):
            return Reason.NOT_IN_PERIOD
    else:  # reissue: the issue date is the as-of date
        as_of = issue_date
    if m.eff_lost is not None and m.eff_lost <= as_of:
        return Reason.LOST_BEFORE_ASOF
    if variant != "reissue" and m.eff_lost is not None and m.eff_loss_recorded <= rules.freeze:
        return Reason.LOST_IN_WINDOW
    if variant == "initial" and rules.require_mynumber and not m.mynumber4:
        return Reason.NO_MYNUMBER
    return None


def apply_rules(
    members: list[Member], profile: RunProfile, issue_date: date
) -> dict[tuple[str, str], list[Member]]:
    """Set ``reason`` and ``flag`` on every member (selection comes later).

    Returns the households (記号+番号 → rows in workbook order), for packing.
    """
    households = households_of(members)
    inherit_losses(households)
    freeze = profile.rules.freeze
    for rows in households.values():
        invalid = any(r.errors for r in rows)
        for m in rows:
            m.flag = ""
            if invalid:
                m.reason = Reason.INVALID if m.errors else Reason.HELD
                continue
            m.reason = _rule_reason(m, profile, issue_date)
            if m.reason is None and m.eff_lost is not None and m.eff_loss_recorded > freeze:
                if profile.run.variant != "reissue":
                    m.flag = RETURN
    return households
