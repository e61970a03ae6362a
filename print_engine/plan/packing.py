"""Households → envelopes → one shipment per employer, in packing order.

Employers in 事業所コード order (numeric-aware); within an employer by
記号+番号, or grouped by 所属コード (blank last) for employers that pack by
affiliation. The operator's order override beats the profile's per-employer
choice, which beats the 事業所 sheet's 所属別梱包.
"""

from __future__ import annotations

from print_engine.model import (
    CONTAINER_BOX,
    CONTAINER_ENVELOPE,
    Employer,
    Envelope,
    Member,
    Reason,
    Selection,
    Shipment,
)
from print_engine.plan.rules import households_of
from print_engine.profile.schema import RunProfile
from typing import Mapping

from print_engine.read.codes import natural_key


def _member_order(m: Member) -> tuple:
    return (0 if m.insured else 1, natural_key(m.edaban), m.row)


def build_envelopes(
    members: list[Member],
    households: dict[tuple[str, str], list[Member]] | None = None,
    reasons: Mapping[Member, Reason] | None = None,
    flags: Mapping[Member, str] | None = None,
) -> list[Envelope]:
    """One envelope per household with at least one included member.

    A member is included when ``reasons`` has no reason for it. Each
    envelope gets the flags of its own members only: an envelope sent to a
    worker process carries its household, never the whole plan's flags.
    """
    reasons = reasons if reasons is not None else {}
    flags = flags if flags is not None else {}
    envelopes = []
    for (kigo, bango), rows in (households or households_of(members)).items():
        if len(rows) == 1:  # a household of one: nothing to sort or choose
            lead = rows[0]
            if lead in reasons:
                continue
            included = [lead]
            insured = lead if lead.insured else None
        else:
            included = [m for m in rows if m not in reasons]
            if not included:
                continue
            if len(included) > 1:
                included.sort(key=_member_order)
            insured_rows = [m for m in rows if m.insured]
            insured = insured_rows[0] if len(insured_rows) == 1 else None
            lead = insured if insured is not None and insured not in reasons else included[0]
        env = Envelope(lead.employer_code, lead.affiliation, kigo, bango, included, insured)
        if flags:
            mine = {m: flags[m] for m in included if m in flags}
            if mine:
                env.flags = mine
        envelopes.append(env)
    return envelopes


def _selected(env: Envelope, selection: Selection) -> list[Member]:
    """The envelope's members that the selection keeps (AND of selectors)."""
    if selection.employers and env.employer_code not in selection.employers:
        return []
    if selection.affiliations and env.affiliation not in selection.affiliations:
        return []
    if selection.households and (env.kigo, env.bango) not in selection.households:
        return []
    if selection.members:
        return [m for m in env.members if m.key in selection.members]
    return env.members


def apply_selection(envelopes: list[Envelope], selection: Selection,
                    reasons: dict[Member, Reason] | None = None) -> list[Envelope]:
    """Drop what the operator did not select; those members get NOT_SELECTED in ``reasons``.

    ``reasons`` is the plan's own mapping, being built; the envelopes are
    the plan's own too (fresh from :func:`build_envelopes`).
    """
    if selection.is_empty:
        return envelopes
    if reasons is None:
        reasons = {}
    kept = []
    for env in envelopes:
        chosen = _selected(env, selection)
        if len(chosen) != len(env.members):
            keep = set(chosen)
            for m in env.members:
                if m not in keep:
                    reasons[m] = Reason.NOT_SELECTED
        if chosen:
            env.members = chosen
            kept.append(env)
    return kept


def packs_by_affiliation(employer: Employer, profile: RunProfile, order_override: str) -> bool:
    """The packing-order precedence of ``run-profile.md``."""
    order = order_override if order_override in ("number", "affiliation") else profile.run.order
    if order in ("number", "affiliation"):
        return order == "affiliation"
    choice = profile.packing.employers.get(employer.code)
    if choice is not None:
        return choice == "affiliation"
    return employer.pack_by_affiliation


def _number_key(env: Envelope) -> tuple:
    return (natural_key(env.kigo), natural_key(env.bango))


def _affiliation_key(env: Envelope) -> tuple:
    blank = env.affiliation == ""
    return (blank, natural_key(env.affiliation), *_number_key(env))


def build_shipments(
    envelopes: list[Envelope],
    employers: dict[str, Employer],
    profile: RunProfile,
    order_override: str = "",
) -> list[Shipment]:
    """Group envelopes per employer, each in its packing order."""
    per_employer: dict[str, list[Envelope]] = {}
    for env in envelopes:
        per_employer.setdefault(env.employer_code, []).append(env)
    shipments = []
    for code in sorted(per_employer, key=natural_key):
        employer = employers.get(code) or Employer(code=code, name="")
        by_affiliation = packs_by_affiliation(employer, profile, order_override)
        envs = sorted(per_employer[code], key=_affiliation_key if by_affiliation else _number_key)
        limit = profile.packing.envelope_max_households
        container = CONTAINER_ENVELOPE if len(envs) <= limit else CONTAINER_BOX
        shipments.append(Shipment(employer, envs, by_affiliation, container))
    return shipments
