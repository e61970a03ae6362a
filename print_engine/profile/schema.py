"""The run profile as typed data (see ``shared/spec/run-profile.md``).

Loading, validating and saving the TOML file lives in ``profile.py``; this
module only says what a profile holds, so every stage can depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

VARIANTS = ("initial", "new-members", "reissue")
ORDERS = ("profile", "number", "affiliation")
DOCUMENTS = ("all", "notices")
ISSUE_KINDS = ("notice", "certificate", "by-registration")  # [issue] kind (certificate.md)
DOCUMENT_KINDS = ("notice", "certificate")  # what a member gets; [[packing.leaflets]] documents
ENCODINGS = ("auto", "utf-8", "cp932")  # [sheet] encoding: a CSV's encoding (members-workbook.md)


@dataclass(frozen=True, slots=True)
class Insurer:
    name: str = "東京都電機健康保険組合"
    number: str = "06134803"
    postal_code: str = "113-8566"
    address: str = "東京都文京区湯島3-15-4"
    inquiry_name: str = "「資格情報のお知らせ」臨時ダイヤル"
    phone: str = "03-3835-0006"
    hours: str = "平日9:00~17:00"


@dataclass(frozen=True, slots=True)
class RunSettings:
    variant: str = "initial"
    as_of: date = date(2024, 6, 30)
    issue_date: date | str = date(2024, 8, 7)  # a date, or the literal "today"
    order: str = "profile"
    split: str = "employer"  # employer | run | pages:N
    documents: str = "all"
    duplex: bool = False  # printer runs: both sides (long edge); PDFs are unaffected


@dataclass(frozen=True, slots=True)
class Rules:
    enrolled_by: date = date(2024, 6, 30)
    enrollment_recorded_by: date = date(2024, 6, 28)
    freeze: date = date(2024, 8, 7)
    require_mynumber: bool = True
    new_members_from: date = date(2024, 7, 1)
    new_members_to: date = date(2024, 11, 29)


@dataclass(frozen=True, slots=True)
class NoticeSettings:
    template: str = "notice-2024"
    qr_url: str = "https://myna.go.jp/"
    show_burden_ratio: bool = False
    show_birth_date: bool = False
    show_kana_on_strip: bool = False


@dataclass(frozen=True, slots=True)
class IssueSettings:
    kind: str = "notice"  # notice | certificate | by-registration (the マイナ保険証 column decides)


@dataclass(frozen=True, slots=True)
class CertificateSettings:
    template: str = "certificate-2025"
    valid_until: date = date(2029, 7, 31)  # at most five years after the issue date
    cap_at_75: bool = True  # no later than the day before the 75th birthday
    print_sex: bool = True
    back_side: bool = False  # a back page with the organ-donation declaration (duplex)


@dataclass(frozen=True, slots=True)
class Leaflet:
    """A pre-printed leaflet: one goes into every envelope holding one of ``documents``.

    ``name`` is the leaflet's key; packing.csv counts it as ``{name}_leaflets``.
    """

    name: str
    documents: tuple[str, ...] = ("notice",)


# The green (別添4) and blue (別添5) leaflets of the 2024 letters.
DEFAULT_LEAFLETS = (Leaflet("green", ("notice",)), Leaflet("blue", ("notice",)))


@dataclass(frozen=True, slots=True)
class Packing:
    envelope_max_households: int = 10
    employers: dict[str, str] = field(default_factory=dict)  # code -> "affiliation" | "number"
    leaflets: tuple[Leaflet, ...] = DEFAULT_LEAFLETS


@dataclass(frozen=True, slots=True)
class EnvelopeWindow:
    window_left_mm: float = 20.0
    window_top_mm: float = 12.0
    window_width_mm: float = 90.0
    window_height_mm: float = 45.0


@dataclass(frozen=True, slots=True)
class DirectMail:
    """[direct_mail] (``direct-mail.md``): households mailed home with the customer barcode."""

    employers: tuple[str, ...] = ()  # employer codes whose households are all mailed home
    barcode_pt: float = 10.0  # the customer barcode's point size, 8.0–11.5


@dataclass(frozen=True, slots=True)
class Fonts:
    fallback: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SheetSettings:
    name: str = ""
    widths: dict[str, int] = field(default_factory=dict)  # field -> zero-pad width
    encoding: str = "auto"  # a CSV's encoding: "auto" (BOM, else UTF-8 if it fits, else CP932), "utf-8", "cp932"


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
