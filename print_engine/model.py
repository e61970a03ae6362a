"""The engine's data: members, problems, employers, envelopes and shipments.

Everything here is plain data (no Qt, no I/O). The pipeline is
workbook → :class:`Member` rows (+ :class:`Problem` list) → a plan's rule
results (reasons and flags, owned by the plan, never written onto the rows)
→ :class:`Shipment` per employer holding :class:`Envelope` objects in
packing order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from enum import Enum
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from print_engine.mail.recipient import MailRecipient


def tuple_pickled(cls):
    """Pickle a dataclass as ``cls(*its field values)``.

    A run's files go to the worker processes pickled: about 100,000 members,
    documents and envelopes. Python 3.11 pickles a slots dataclass through
    ``fields(self)`` and a dict per object; this is about twice as fast each
    way. Every field of ``cls`` must be an ``__init__`` argument.
    """
    own = fields(cls)
    if len(own) < 2 or not all(f.init for f in own):
        raise TypeError(f"{cls.__name__}: tuple_pickled needs two or more fields, all set by __init__")
    values = attrgetter(*(f.name for f in own))

    def __reduce__(self):
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Reason(str, Enum):
    """Why a member row gets no notice (the codes of ``excluded.csv``)."""

    NOT_ENROLLED = "NOT_ENROLLED"
    LOST_BEFORE_ASOF = "LOST_BEFORE_ASOF"
    LOST_IN_WINDOW = "LOST_IN_WINDOW"
    NO_MYNUMBER = "NO_MYNUMBER"
    NOT_IN_PERIOD = "NOT_IN_PERIOD"
    NOT_SELECTED = "NOT_SELECTED"
    EXPIRED_BEFORE_ISSUE = "EXPIRED_BEFORE_ISSUE"  # a certificate whose 有効期限 is before the issue date
    INVALID = "INVALID"
    HELD = "HELD"
    ALREADY_ISSUED = "ALREADY_ISSUED"  # the ledger has the same document (--unissued)


RETURN = "RETURN"


# Twelve digits together, or in three fours with the same separator twice
# (``1234 5678 9012``); ``1234-12345678`` (記号-番号) is not one.
MYNUMBER_LIKE = re.compile(r"(?<![0-9０-９])[0-9０-９]{4}([-‐－ 　]?)[0-9０-９]{4}\1[0-9０-９]{4}(?![0-9０-９])")


def mask_mynumber_like(text: str) -> str:
    """``text`` with every run of twelve digits (a possible My Number) replaced by ``*``."""
    if not text or len(text) < 12:
        return text
    return MYNUMBER_LIKE.sub(lambda m: "*" * len(m.group(0)), text)


@tuple_pickled
@dataclass(slots=True)
class Problem:
    """One error or warning, located in the workbook.

    ``row`` is the Excel row number (1-based) or ``None`` for a problem of a
    whole sheet or file; ``column`` is the header as written in the file.
    ``value`` is the offending value as text; it never holds a My Number.
    """

    severity: Severity
    code: str
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""

    def __post_init__(self) -> None:
        # A value from a shifted row or a wrong column may hold a My Number:
        # no problem ever carries twelve digits in a row, whatever made it.
        self.value = mask_mynumber_like(self.value)
        self.message = mask_mynumber_like(self.message)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"シート「{self.sheet}」")
        if self.row is not None:
            parts.append(f"{self.row}行目")
        if self.column:
            parts.append(f"列「{self.column}」")
        return " ".join(parts)

    def __str__(self) -> str:
        label = "エラー" if self.is_error else "警告"
        loc = self.location()
        value = f"（値: {self.value}）" if self.value else ""
        return f"{label}: {loc + ': ' if loc else ''}{self.message}{value}"


@tuple_pickled
@dataclass(slots=True, eq=False)
class Member:
    """One member row of the workbook, parsed.

    A member is one row, compared by identity (``eq=False``): membership
    tests in envelopes and selections never compare its fields.

    Codes are normalised text; dates are ``datetime.date`` or ``None``.
    ``mynumber4`` holds at most the last four digits of a My Number ('' when
    none is registered); the full number is never stored.
    """

    sheet: str
    row: int
    employer_code: str = ""
    employer_name: str = ""
    affiliation: str = ""
    kigo: str = ""
    bango: str = ""
    edaban: str = ""
    insured: bool = False
    name: str = ""
    kana: str = ""
    birth_date: date | None = None
    acquired: date | None = None
    acquired_recorded: date | None = None
    lost: date | None = None
    loss_recorded: date | None = None
    mynumber4: str = ""
    burden_ratio: str = ""
    postal_code: str = ""
    address: str = ""
    errors: list[Problem] = field(default_factory=list)
    # certificate.md (optional columns; set only where the sheet has them):
    myna_card: bool | None = None  # マイナ保険証: registered, not, or blank
    sex: str = ""  # 性別: 男 | 女 | ''
    continuation_end: date | None = None  # 任継満了日
    residence_end: date | None = None  # 在留期限
    # direct-mail.md (optional columns; set only where the sheet has them):
    send_to: str = ""  # 送付先: 自宅 | 事業所 | ''
    addressee: str = ""  # 宛名: an addressee other than the insured
    # Problems of a value that only matters to some runs (an unreadable
    # マイナ保険証 or 性別): the plan makes them row errors when the run needs it.
    conditional: tuple[Problem, ...] = ()

    @property
    def household_key(self) -> tuple[str, str]:
        return (self.kigo, self.bango)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kigo, self.bango, self.edaban)

    @property
    def number_label(self) -> str:
        """``記号-番号-枝番`` as printed in the window block."""
        return f"{self.kigo}-{self.bango}-{self.edaban}"


@tuple_pickled
@dataclass(slots=True)
class Employer:
    """An employer (事業所): from the 事業所 sheet, else from member rows."""

    code: str
    name: str
    pack_by_affiliation: bool = False
    postal_code: str = ""
    address: str = ""
    contact: str = ""


@tuple_pickled
@dataclass(slots=True)
class Envelope:
    """One household's envelope in one plan: its included members, insured first.

    ``flags`` maps members to their flag in this plan (``RETURN``); a member
    absent from it has none. It is the plan's own mapping, shared read-only.
    """

    employer_code: str
    affiliation: str
    kigo: str
    bango: str
    members: list[Member]
    insured: Member | None = None  # the household's insured row, even if excluded
    flags: Mapping[Member, str] = field(default_factory=dict)
    recipient: MailRecipient | None = None  # set by the plan on an envelope mailed home (direct-mail.md)
    # certificate.md: the plan's member → "certificate" (absent: a notice) and the certificate's dates
    documents: Mapping[Member, str] = field(default_factory=dict)
    certificate_dates: Mapping[Member, Any] = field(default_factory=dict)

    def flag_of(self, member: Member) -> str:
        return self.flags.get(member, "")

    def document_of(self, member: Member) -> str:
        """``"notice"`` or ``"certificate"``: what this member's page in the envelope is."""
        return self.documents.get(member, "notice")

    @property
    def certificate_count(self) -> int:
        documents = self.documents
        return sum(1 for m in self.members if m in documents) if documents else 0

    @property
    def notice_count(self) -> int:
        return len(self.members) - self.certificate_count

    def is_return_member(self, member: Member) -> bool:
        return self.flags.get(member, "") == RETURN

    @property
    def is_return(self) -> bool:
        """A RETURN envelope: every notice in it is RETURN."""
        return bool(self.members) and all(self.is_return_member(m) for m in self.members)

    @property
    def has_insured(self) -> bool:
        return self.insured is not None and self.insured in self.members

    @property
    def has_removed_dependent(self) -> bool:
        """Some dependent is RETURN while the envelope itself is not."""
        return not self.is_return and any(self.is_return_member(m) for m in self.members)

    @property
    def household_label(self) -> str:
        return f"{self.kigo}-{self.bango}"


CONTAINER_ENVELOPE = "封筒"
CONTAINER_BOX = "段ボール"
CONTAINER_MAIL = "郵送"  # the mailed group (direct-mail.md)


@tuple_pickled
@dataclass(slots=True)
class Shipment:
    """Everything one employer receives in a run, in packing order."""

    employer: Employer
    envelopes: list[Envelope]
    by_affiliation: bool = False
    container: str = CONTAINER_ENVELOPE

    @property
    def document_count(self) -> int:
        """Notices and certificates together (one per included member)."""
        return sum(len(e.members) for e in self.envelopes)

    @property
    def notice_count(self) -> int:
        return sum(e.notice_count for e in self.envelopes)

    @property
    def certificate_count(self) -> int:
        return sum(e.certificate_count for e in self.envelopes)

    @property
    def return_envelopes(self) -> int:
        return sum(1 for e in self.envelopes if e.is_return)

    def affiliation_groups(self) -> list[tuple[str, list[Envelope]]]:
        """Consecutive envelopes grouped by 所属コード (packing order kept)."""
        groups: list[tuple[str, list[Envelope]]] = []
        for env in self.envelopes:
            if groups and groups[-1][0] == env.affiliation:
                groups[-1][1].append(env)
            else:
                groups.append((env.affiliation, [env]))
        return groups


@dataclass(slots=True)
class Selection:
    """The operator's choice of what to print (selectors combine as AND)."""

    employers: frozenset[str] = frozenset()
    affiliations: frozenset[str] = frozenset()
    households: frozenset[tuple[str, str]] = frozenset()
    members: frozenset[tuple[str, str, str]] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.employers or self.affiliations or self.households or self.members)
