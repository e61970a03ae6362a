"""The mailed group of a run: envelopes taken out of their employers' shipments.

``split_mailed`` decides, envelope by envelope, which ones go home
(``households.sends_home``); each mailed envelope gets its
:class:`~print_engine.mail.recipient.MailRecipient` (the plan's own
envelope object carries it), and one whose deciding row lacks a usable
postal code or address is held with a row error instead. ``mail_shipment``
makes the group that follows all employers: ordered by postal code, then
記号 and 番号, in the container ``郵送``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from print_engine.model import CONTAINER_MAIL, Employer, Envelope, Problem, Shipment
from print_engine.profile.schema import RunProfile
from print_engine.read.codes import code_width, natural_key, normalize_code, pad_code

from .households import GROUP_CODE, GROUP_LABEL, address_problems, deciding_member, recipient_of, sends_home


@dataclass(slots=True)
class MailSplit:
    """The envelopes of a run, split.

    Attributes:
        kept: Envelopes that stay with their employers (order kept).
        mailed: Envelopes mailed home, each with its ``recipient`` set, in mailing order.
        held: Mailed envelopes without a usable address (the plan holds their households).
        problems: The row errors of ``held`` (on each envelope's deciding row).
    """

    kept: list[Envelope] = field(default_factory=list)
    mailed: list[Envelope] = field(default_factory=list)
    held: list[Envelope] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def mailed_employer_codes(profile: RunProfile) -> frozenset[str]:
    """``[direct_mail] employers`` folded and padded like the workbook's codes."""
    width = code_width("employer_code", profile.sheet.widths)
    return frozenset(pad_code(normalize_code(c), width) for c in profile.direct_mail.employers)


def mail_order_key(env: Envelope) -> tuple:
    """Postal code, then 記号 and 番号 (numeric-aware)."""
    return (env.recipient.postal_code if env.recipient is not None else "", natural_key(env.kigo),
            natural_key(env.bango))


def split_mailed(envelopes: list[Envelope], profile: RunProfile, labels: Mapping[str, str] | None = None,
                 has_send_to: bool = True) -> MailSplit:
    """Which envelopes are mailed home (see the module docstring).

    Args:
        envelopes: The plan's envelopes (its own objects: ``recipient`` is set on them).
        profile: The run profile (``[direct_mail] employers``, zero-pad widths).
        labels: The sheet's field key → header as written (for messages).
        has_send_to: False when the sheet has no 送付先 column and no employer
            is listed: nothing can be mailed, and nothing is looked at.
    """
    codes = mailed_employer_codes(profile)
    split = MailSplit()
    if not codes and not has_send_to:
        split.kept = envelopes
        return split
    for env in envelopes:
        decider = deciding_member(env.members, env.insured)
        if not sends_home(env.employer_code, decider, codes):
            split.kept.append(env)
            continue
        problems = address_problems(decider, labels)
        recipient = None if problems else recipient_of(decider)
        if recipient is None:
            split.held.append(env)
            split.problems += problems
            continue
        env.recipient = recipient
        split.mailed.append(env)
    split.mailed.sort(key=mail_order_key)
    return split


def mail_shipment(mailed: list[Envelope]) -> Shipment:
    """The mailed group as one shipment after all employers (container 郵送)."""
    return Shipment(Employer(GROUP_CODE, GROUP_LABEL), sorted(mailed, key=mail_order_key), False, CONTAINER_MAIL)


def is_mail_shipment(shipment: Shipment) -> bool:
    return shipment.container == CONTAINER_MAIL
