"""The run profile as typed data (see ``shared/spec/run-profile.md``).

Loading, validating and saving the TOML file lives in ``loading.py`` and
``checks.py``; this module only says what a profile holds — every key and
its type — so every stage can depend on it. The values of a key left out
come from the bundled ``resources/profiles/default.toml``, the one place a
default is written (:mod:`.bundled`); the checker takes each key's type
from the declarations here, never from a default value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from print_engine.profile.bundled import bundled

VARIANTS = ("initial", "new-members", "reissue")
ORDERS = ("profile", "number", "affiliation")
DOCUMENTS = ("all", "notices")
ISSUE_KINDS = ("notice", "certificate", "by-registration")  # [issue] kind (certificate.md)
DOCUMENT_KINDS = ("notice", "certificate")  # what a member gets; [[packing.leaflets]] documents
ENCODINGS = ("auto", "utf-8", "cp932")  # [sheet] encoding: a CSV's encoding (members-workbook.md)


@dataclass(frozen=True, slots=True)
class Insurer:
    name: str = field(default_factory=bundled("insurer", "name"))
    number: str = field(default_factory=bundled("insurer", "number"))
    postal_code: str = field(default_factory=bundled("insurer", "postal_code"))
    address: str = field(default_factory=bundled("insurer", "address"))
    inquiry_name: str = field(default_factory=bundled("insurer", "inquiry_name"))
    phone: str = field(default_factory=bundled("insurer", "phone"))
    hours: str = field(default_factory=bundled("insurer", "hours"))


@dataclass(frozen=True, slots=True)
class RunSettings:
    variant: str = field(default_factory=bundled("run", "variant"))
    as_of: date = field(default_factory=bundled("run", "as_of"))
    issue_date: date | str = field(default_factory=bundled("run", "issue_date"))  # a date, or the literal "today"
    order: str = field(default_factory=bundled("run", "order"))
    split: str = field(default_factory=bundled("run", "split"))  # employer | run | pages:N
    documents: str = field(default_factory=bundled("run", "documents"))
    duplex: bool = field(default_factory=bundled("run", "duplex"))  # printer runs: both sides (long edge); PDFs are unaffected


@dataclass(frozen=True, slots=True)
class Rules:
    enrolled_by: date = field(default_factory=bundled("rules", "enrolled_by"))
    enrollment_recorded_by: date = field(default_factory=bundled("rules", "enrollment_recorded_by"))
    freeze: date = field(default_factory=bundled("rules", "freeze"))
    require_mynumber: bool = field(default_factory=bundled("rules", "require_mynumber"))
    new_members_from: date = field(default_factory=bundled("rules", "new_members_from"))
    new_members_to: date = field(default_factory=bundled("rules", "new_members_to"))


@dataclass(frozen=True, slots=True)
class NoticeSettings:
    template: str = field(default_factory=bundled("notice", "template"))
    qr_url: str = field(default_factory=bundled("notice", "qr_url"))
    show_burden_ratio: bool = field(default_factory=bundled("notice", "show_burden_ratio"))
    show_birth_date: bool = field(default_factory=bundled("notice", "show_birth_date"))
    show_kana_on_strip: bool = field(default_factory=bundled("notice", "show_kana_on_strip"))


@dataclass(frozen=True, slots=True)
class IssueSettings:
    kind: str = field(default_factory=bundled("issue", "kind"))  # notice | certificate | by-registration (the マイナ保険証 column decides)


@dataclass(frozen=True, slots=True)
class CertificateSettings:
    template: str = field(default_factory=bundled("certificate", "template"))
    valid_until: date = field(default_factory=bundled("certificate", "valid_until"))  # at most five years after the issue date
    cap_at_75: bool = field(default_factory=bundled("certificate", "cap_at_75"))  # no later than the day before the 75th birthday
    print_sex: bool = field(default_factory=bundled("certificate", "print_sex"))
    back_side: bool = field(default_factory=bundled("certificate", "back_side"))  # a back page with the organ-donation declaration (duplex)


@dataclass(frozen=True, slots=True)
class Leaflet:
    """A pre-printed leaflet: one goes into every envelope holding one of ``documents``.

    ``name`` is the leaflet's key; packing.csv counts it as ``{name}_leaflets``.
    """

    name: str
    documents: tuple[str, ...] = ("notice",)


def _leaflets(tables: list[dict[str, Any]]) -> tuple[Leaflet, ...]:
    """``[[packing.leaflets]]`` tables as :class:`Leaflet` objects."""
    return tuple(Leaflet(t["name"], tuple(t.get("documents", ("notice",)))) for t in tables)


# The bundled profile's leaflets (the green 別添4 and blue 別添5 of the 2024 letters).
DEFAULT_LEAFLETS = bundled("packing", "leaflets", _leaflets)()


@dataclass(frozen=True, slots=True)
class Packing:
    envelope_max_households: int = field(default_factory=bundled("packing", "envelope_max_households"))
    employers: dict[str, str] = field(default_factory=bundled("packing", "employers"))  # code -> "affiliation" | "number"
    leaflets: tuple[Leaflet, ...] = field(default_factory=bundled("packing", "leaflets", _leaflets))


@dataclass(frozen=True, slots=True)
class EnvelopeWindow:
    window_left_mm: float = field(default_factory=bundled("envelope", "window_left_mm"))
    window_top_mm: float = field(default_factory=bundled("envelope", "window_top_mm"))
    window_width_mm: float = field(default_factory=bundled("envelope", "window_width_mm"))
    window_height_mm: float = field(default_factory=bundled("envelope", "window_height_mm"))


@dataclass(frozen=True, slots=True)
class DirectMail:
    """[direct_mail] (``direct-mail.md``): households mailed home with the customer barcode."""

    employers: tuple[str, ...] = field(default_factory=bundled("direct_mail", "employers"))  # employer codes whose households are all mailed home
    barcode_pt: float = field(default_factory=bundled("direct_mail", "barcode_pt"))  # the customer barcode's point size, 8.0–11.5


@dataclass(frozen=True, slots=True)
class Fonts:
    fallback: tuple[str, ...] = field(default_factory=bundled("fonts", "fallback"))


@dataclass(frozen=True, slots=True)
class SheetSettings:
    name: str = field(default_factory=bundled("sheet", "name"))
    widths: dict[str, int] = field(default_factory=bundled("sheet", "widths"))  # field -> zero-pad width
    encoding: str = field(default_factory=bundled("sheet", "encoding"))  # a CSV's encoding: "auto" (BOM, else UTF-8 if it fits, else CP932), "utf-8", "cp932"


@dataclass(frozen=True, slots=True)
class RunProfile:
    insurer: Insurer = field(default_factory=Insurer)
    run: RunSettings = field(default_factory=RunSettings)
    rules: Rules = field(default_factory=Rules)
    notice: NoticeSettings = field(default_factory=NoticeSettings)
    issue: IssueSettings = field(default_factory=IssueSettings)
    certificate: CertificateSettings = field(default_factory=CertificateSettings)
    packing: Packing = field(default_factory=Packing)
    envelope: EnvelopeWindow = field(default_factory=EnvelopeWindow)
    direct_mail: DirectMail = field(default_factory=DirectMail)
    fonts: Fonts = field(default_factory=Fonts)
    sheet: SheetSettings = field(default_factory=SheetSettings)

    def issue_date_resolved(self, today: date) -> date:
        d = self.run.issue_date
        return today if isinstance(d, str) else d
