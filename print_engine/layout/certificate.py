"""The 資格確認書: one A4 portrait sheet per member, with an optional back page.

Zones of the front, top to bottom (``shared/spec/certificate.md``): the
window block inside the profile's ``[envelope]`` window and the sender block
beside it (exactly as on the notice), the title and a short letter, then
the card part — an ID-1 card (85.6 × 54 mm) framed by a dashed cut line at
the template's position — and a notes box beside it. The back page
(``[certificate] back_side``) carries the organ-donation declaration in
the card's area mirrored left to right, so that with long-edge duplex it
lies exactly behind the card.

The wording and the card's position are the template's
(``resources/templates/certificate-2025.toml``); the card's own rows are in
:mod:`.certificate_card`. Everything is laid out into the same primitives as
the notice, so preview, print and PDF agree.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from print_engine.layout.certificate_card import CardGeometry, back_card, card_static, card_values
from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet
from print_engine.layout.mail_block import mail_window_block
from print_engine.layout.notice_parts import WindowLine, sender_block, stack_lines
from print_engine.layout.primitives import A4_MM, MM_PER_PT, Overflow, Page, Primitive, Rect, static_key
from print_engine.layout.templates import Template, TemplateError, run_context, template_path
from print_engine.layout.text import paragraph, place
from print_engine.mail.recipient import MailRecipient
from print_engine.model import Employer, Envelope, Member
from print_engine.plan.certificate_dates import CertificateDates
from print_engine.profile.schema import RunProfile

CERTIFICATE_PAGE = "certificate"
CERTIFICATE_BACK_PAGE = "certificate-back"
SECTIONS = ("certificate",)


@dataclass(frozen=True, slots=True)
class CertificateGeometry:
    """Fixed positions of the sheet (mm from the top-left corner); the card's own come from the template."""

    page: tuple[float, float] = A4_MM
    edge: float = 5.0  # nothing printed closer to the paper's edge
    left: float = 15.0
    right: float = 195.0
    window_margin: float = 3.0  # as the notice's
    sender_gap: float = 7.0
    sender_right: float = 200.0
    title_gap: float = 13.0
    lead_gap: float = 11.0
    body_size: float = 10.0
    side_gap: float = 7.0  # card → notes box
    side_pad: float = 4.0
    below_gap: float = 4.6  # cut line → the sentence under it
    back_top: float = 20.0  # the back page's heading baseline


GEOMETRY = CertificateGeometry()


@lru_cache(maxsize=8)
def load_certificate_template(name: str = "certificate-2025") -> Template:
    """Read a certificate template (``[certificate]``, and ``[cover.*]``/``[list]`` for the letters).

    Raises:
        TemplateError: missing, unreadable, or without ``[certificate]``.
    """
    path = template_path(name)
    try:
        raw = path.read_bytes()
        doc = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"資格確認書のテンプレート「{name}」が見つかりません（{path}）") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"資格確認書のテンプレート「{name}」を読めません: {exc}") from None
    if "certificate" not in doc:
        raise TemplateError(f"資格確認書のテンプレート「{name}」に [certificate] がありません")
    data: dict[str, Any] = {k: v for k, v in doc.items() if k != "template"}
    return Template(name=name, variant="certificate", data=data, digest=hashlib.sha1(raw).hexdigest()[:10])


def _card_geometry(t: Template, g: CertificateGeometry) -> CardGeometry:
    try:
        x, y = float(t.raw("certificate.card.x_mm")), float(t.raw("certificate.card.y_mm"))
    except (TypeError, ValueError):
        raise TemplateError(f"テンプレート「{t.name}」の certificate.card.x_mm / y_mm は数値にしてください") from None
    card = CardGeometry(x=x, y=y)
    w, h = g.page
    mirrored = w - x - card.w
    if min(x, y, mirrored) < g.edge or x + card.w > w - g.edge or y + card.h > h - g.edge:
        raise TemplateError(f"テンプレート「{t.name}」の券面の位置（x_mm = {x:g}, y_mm = {y:g}）では、"
                            f"券面が用紙の端から {g.edge:g} mm 以内にかかります")
    return card


@dataclass
class CertificateLayouter:
    """Lays out certificates for one run; the parts shared by every member are built once."""

    profile: RunProfile
    issue_date: date
    fonts: FontSet
    template: Template
    geometry: CertificateGeometry = GEOMETRY
    _front: tuple[tuple[Primitive, ...], tuple[Overflow, ...], str] | None = field(default=None, repr=False)
    _back: Page | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.ctx = run_context(self.profile, self.issue_date)
        self.card = _card_geometry(self.template, self.geometry)
        t = self.template
        self._honorific = t.text("certificate.honorific")
        self._self_label = t.text("certificate.self_label")
        self._insured_line = t.raw("certificate.insured_line")

    @property
    def back_side(self) -> bool:
        return self.profile.certificate.back_side

    # ------------------------------------------------------------------ static
    def _static_front(self) -> tuple[tuple[Primitive, ...], tuple[Overflow, ...], str]:
        if self._front is not None:
            return self._front
        g, t, f, ctx = self.geometry, self.template, self.fonts, self.ctx
        out: list[Primitive] = []
        overflow: list[Overflow] = []
        win = self.profile.envelope
        sender_x = win.window_left_mm + win.window_width_mm + g.sender_gap
        # sender_block reads the notice's keys: give it the certificate's table under that name
        sender_t = Template(t.name, t.variant, {"notice": t.data["certificate"]}, t.digest)
        sender_bottom = sender_block(out, overflow, sender_t, ctx, f, sender_x, win.window_top_mm + g.window_margin,
                                     g.sender_right - sender_x)
        y = max(win.window_top_mm + win.window_height_mm, sender_bottom) + g.title_gap
        width = g.right - g.left
        out += place(g.left, y, t.text("certificate.title", ctx), GOTHIC, 16.0, f, align="center", width=width)
        y += g.lead_gap
        indent = g.body_size * MM_PER_PT
        runs, y = paragraph(g.left, y, width, t.text("certificate.lead", ctx), MINCHO, g.body_size, f,
                            leading=1.6, indent=indent)
        out += runs
        for para in t.lines("certificate.body", ctx):
            runs, y = paragraph(g.left, y + 1.0, width, para, MINCHO, g.body_size, f, leading=1.6, indent=indent)
            out += runs
        y = self._inquiry_box(out, y + 2.0)
        card = self.card
        if y > card.y - 6.0:
            overflow.append(Overflow("body", "本文が資格確認書の券面に重なります"))
        card_static(out, overflow, t, ctx, f, card, self.profile.certificate.print_sex)
        y = card.y + card.h + g.below_gap
        for text in t.lines("certificate.card.below", ctx):
            y += 8.0 * MM_PER_PT
            out += place(card.x, y, text, MINCHO, 8.0, f, align="center", width=card.w)
            y += 0.25 * 8.0 * MM_PER_PT + 0.6
        self._side_box(out, overflow)
        primitives = tuple(out)
        self._front = (primitives, tuple(overflow), static_key(CERTIFICATE_PAGE, primitives))
        return self._front

    def _inquiry_box(self, out: list[Primitive], top: float) -> float:
        """Whom to call, framed under the letter; returns its bottom."""
        g, t, f = self.geometry, self.template, self.fonts
        width, h = g.right - g.left, 15.0
        out.append(Rect(g.left, top, width, h, 0.5))
        out += place(g.left, top + 5.6, t.text("certificate.inquiry_heading", self.ctx), GOTHIC, 9.0, f,
                     align="center", width=width)
        out += place(g.left, top + 11.2, t.text("certificate.inquiry", self.ctx), GOTHIC, 10.0, f,
                     align="center", width=width)
        return top + h

    def _side_box(self, out: list[Primitive], overflow: list[Overflow]) -> None:
        """The notes box beside the card, on whichever side has room."""
        g, t, f, card = self.geometry, self.template, self.fonts, self.card
        page_w = g.page[0]
        if card.x + card.w + g.side_gap + 40.0 <= g.right:
            x, w = card.x + card.w + g.side_gap, g.right - (card.x + card.w + g.side_gap)
        elif card.x - g.side_gap - 40.0 >= page_w - g.right:
            x, w = page_w - g.right, card.x - g.side_gap - (page_w - g.right)
        else:
            return  # a centred card leaves no room: the notes are left out
        pad = g.side_pad
        out.append(Rect(x, card.y, w, card.h, 0.6))
        y = card.y + pad + 3.6
        out += place(x + pad, y, t.text("certificate.side.heading", self.ctx), GOTHIC, 9.5, f)
        y += 5.0
        for note in t.lines("certificate.side.notes", self.ctx):
            text = f"・{note}"
            runs, y = paragraph(x + pad, y, w - 2 * pad, text, MINCHO, 8.0, f, leading=1.45,
                                hanging=f.width_mm("・", MINCHO, 8.0))
            out += runs
            y += 0.6
        if y - 3.0 > card.y + card.h - pad:
            overflow.append(Overflow("side", "券面横の注意書きが枠に収まりません"))

    def back_page(self) -> Page:
        """The back page: notes, and the organ-donation declaration behind the card (mirrored in x)."""
        if self._back is not None:
            return self._back
        g, t, f, ctx = self.geometry, self.template, self.fonts, self.ctx
        out: list[Primitive] = []
        overflow: list[Overflow] = []
        width = g.right - g.left
        y = g.back_top
        out += place(g.left, y, t.text("certificate.back.heading", ctx), GOTHIC, 12.0, f)
        y += 7.0
        for note in t.lines("certificate.back.notes", ctx):
            runs, y = paragraph(g.left, y, width, note, MINCHO, 9.5, f, leading=1.55)
            out += runs
        mirrored = self.card.mirrored(g.page[0])
        if y > mirrored.y - 5.0:
            overflow.append(Overflow("back", "裏面の説明が券面の裏に重なります"))
        back_card(out, overflow, t, ctx, f, mirrored)
        primitives = tuple(out)
        key = static_key(CERTIFICATE_BACK_PAGE, primitives)
        self._back = Page(g.page, key, primitives, (), CERTIFICATE_BACK_PAGE, tuple(overflow))
        return self._back

    # ---------------------------------------------------------------- variable
    def layout(self, member: Member, dates: CertificateDates, envelope: Envelope | None = None,
               employer: Employer | None = None, mail: MailRecipient | None = None) -> list[Page]:
        """The pages of one member's certificate: the front, and the back when the profile asks.

        Args:
            member: whom the certificate is for.
            dates: its dates (``plan/certificate_dates.py``).
            envelope: the member's envelope (the first page's window block names
                the other addressees when the insured is absent, as on the notice).
            employer: its name goes in the window block.
            mail: on the first page of an envelope mailed home, its recipient.
        """
        static, static_overflow, key = self._static_front()
        out: list[Primitive] = []
        overflow = list(static_overflow)
        if mail is not None:
            mail_window_block(out, overflow, mail, self.fonts, self.profile.envelope,
                              self.profile.direct_mail.barcode_pt, self._honorific)
        else:
            self._window_block(out, overflow, member, envelope, employer)
        card_values(out, overflow, self.template, self.fonts, self.card, member, dates,
                    self.profile.certificate.print_sex)
        front = Page(self.geometry.page, key, static, tuple(out), CERTIFICATE_PAGE, tuple(overflow))
        return [front, self.back_page()] if self.back_side else [front]

    def _window_block(self, out: list[Primitive], overflow: list[Overflow], member: Member,
                      envelope: Envelope | None, employer: Employer | None) -> None:
        """The same block as the notice's (``NoticeLayouter._window_block``)."""
        win = self.profile.envelope
        honor = self._honorific
        lines = [
            WindowLine(member.number_label, 10.5, 8.0, 1, 0.0, "number"),
            WindowLine(self._self_label, 9.0, 7.0, 1, 0.6, "self"),
            WindowLine(f"{member.name} {honor}", 14.0, 9.0, 2, 1.2, "name"),
        ]
        if envelope is not None and envelope.members and envelope.members[0] is member and not envelope.has_insured:
            others = envelope.members[1:]
            if others:
                text = "　".join(f"{m.name} {honor}" for m in others)
                lines.append(WindowLine(text, 12.0, 7.5, 3, 0.6, "others"))
            if envelope.insured is not None:
                lines.append(WindowLine(self._insured_line.format(insured_name=envelope.insured.name),
                                        10.0, 7.5, 1, 1.0, "insured"))
        employer_name = employer.name if employer is not None else member.employer_name
        if employer_name:
            lines.append(WindowLine(employer_name, 10.0, 7.0, 2, 1.2, "employer"))
        m = self.geometry.window_margin
        stack_lines(out, overflow, lines, self.fonts, win.window_left_mm + m, win.window_top_mm + m,
                    win.window_width_mm - 2 * m, win.window_height_mm - 2 * m, zone="window")


def layout_certificate(member: Member, dates: CertificateDates, envelope: Envelope | None,
                       employer: Employer | None, profile: RunProfile, issue_date: date, fonts: FontSet,
                       mail: MailRecipient | None = None) -> list[Page]:
    """The pages of ``member``'s certificate (see :meth:`CertificateLayouter.layout`).

    A run lays out many certificates with one :class:`CertificateLayouter`
    (its render context keeps one); this builds a new one each call.
    """
    layouter = CertificateLayouter(profile, issue_date, fonts, load_certificate_template(profile.certificate.template))
    return layouter.layout(member, dates, envelope, employer, mail)
