"""The notice 「資格情報のお知らせ」 (別添3): one A4 page per member.

Zones, top to bottom (``shared/spec/notice-layout.md``): the window block
and the sender block, the title and lead sentence, frame ① (the
qualification table), the マイナポータル paragraph with its QR code, the
clinic paragraph, then at the bottom the cut-off strip ③ (left, card-sized,
framed by a dashed cut line) and frame ② with the last four digits of the
My Number (right).

Every fixed position and size is in :class:`~.geometry.NoticeGeometry`
(``layout/geometry.py``; ``GEOMETRY`` is importable from here too). The
parts that are the same for every member are built once per run
(:class:`NoticeLayouter`) and shared as the page's ``static`` primitives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet
from print_engine.layout.geometry import GEOMETRY, NoticeGeometry
from print_engine.layout.mail_block import mail_window_block
from print_engine.layout.notice_parts import (
    WindowLine,
    cell_baseline,
    sender_block,
    stack_lines,
    strip_static,
    table_static,
)
from print_engine.layout.primitives import (
    MM_PER_PT,
    Overflow,
    Page,
    Primitive,
    QrCode,
    Rect,
    qr_modules,
    static_key,
)
from print_engine.layout.templates import Template, run_context
from print_engine.layout.text import fit_text, paragraph, place
from print_engine.mail.recipient import MailRecipient
from print_engine.model import Employer, Envelope, Member
from print_engine.profile.schema import RunProfile
from print_engine.read.wareki import format_wareki

_wareki = lru_cache(maxsize=8192)(format_wareki)  # the same few thousand dates, page after page


@dataclass(slots=True)
class _Static:
    """One static variant of the notice and the positions its values need."""

    key: str
    primitives: tuple[Primitive, ...]
    value_rows: dict[str, tuple[float, float, float]]  # field → (x, top, width) of its cell
    strip_rows: dict[str, tuple[float, float, float]]  # field → (x, baseline, width)
    digits_at: tuple[float, float, float] | None  # (x, baseline, width) of ``**** **** 1234``
    overflow: tuple[Overflow, ...] = ()


def _has_mynumber_frame(variant: str, member: Member) -> bool:
    return variant != "new-members" and bool(member.mynumber4)


@dataclass
class NoticeLayouter:
    """Lays out notices for one run: the static parts are built once.

    Attributes:
        profile: The run profile.
        issue_date: The resolved issue date (発行日).
        fonts: The run's fonts.
        template: The wording template (with the run variant applied).
        geometry: The fixed positions.
    """

    profile: RunProfile
    issue_date: date
    fonts: FontSet
    template: Template
    geometry: NoticeGeometry = GEOMETRY
    _statics: dict[bool, _Static] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ctx = run_context(self.profile, self.issue_date)
        t = self.template
        self._honorific = t.text("notice.honorific")
        self._self_label = t.text("notice.self_label")
        self._number_line = t.raw("notice.strip.number_line")
        self._digits = t.raw("notice.mynumber.digits")
        self._insured_line = t.raw("notice.insured_line")

    # ------------------------------------------------------------------ static
    def static(self, with_mynumber: bool) -> _Static:
        """The static part for notices with or without frame ② (built once)."""
        st = self._statics.get(with_mynumber)
        if st is None:
            st = self._statics[with_mynumber] = self._build_static(with_mynumber)
        return st

    def _build_static(self, with_mynumber: bool) -> _Static:
        g, t, f, ctx = self.geometry, self.template, self.fonts, self.ctx
        out: list[Primitive] = []
        overflow: list[Overflow] = []
        win = self.profile.envelope
        sender_x = win.window_left_mm + win.window_width_mm + g.sender_gap
        sender_bottom = sender_block(out, overflow, t, ctx, f, sender_x, win.window_top_mm + g.window_margin,
                                     g.sender_right - sender_x, g.sender)
        y = max(win.window_top_mm + win.window_height_mm, sender_bottom) + g.title_gap
        b = g.body
        out += place(g.left, y, t.text("notice.title", ctx), GOTHIC, b.title_pt, f, align="center",
                     width=g.right - g.left)
        y += g.lead_gap
        runs, y = paragraph(g.left, y, g.right - g.left, t.text("notice.lead", ctx), MINCHO, b.lead_pt, f,
                            leading=b.lead_leading)
        out += runs
        runs, y = paragraph(g.left, y, g.right - g.left, t.text("notice.lead_note", ctx), MINCHO, b.lead_note_pt, f)
        out += runs
        value_rows, y = table_static(out, t, ctx, f, g, self.profile.notice, top=y + g.table_gap)
        y += g.portal_gap
        # マイナポータル: heading, paragraph and the QR code on the right
        text_w = g.right - g.left - g.qr_size - g.qr_gap
        qr_top = y - b.qr_rise
        out += place(g.left, y, t.text("notice.portal.heading", ctx), GOTHIC, b.portal_heading_pt, f, align="center",
                     width=text_w)
        runs, y = paragraph(g.left, y + b.portal_body_gap, text_w, t.text("notice.portal.body", ctx), MINCHO,
                            b.portal_body_pt, f)
        out += runs
        out.append(QrCode(g.right - g.qr_size, qr_top, g.qr_size, qr_modules(self.profile.notice.qr_url)))
        y = max(y, qr_top + g.qr_size + g.clinic_gap)
        runs, y = paragraph(g.left, y, g.right - g.left, t.text("notice.clinic.body", ctx), MINCHO, b.clinic_pt, f,
                            indent=b.clinic_indent_pt * MM_PER_PT)
        out += runs
        if y - b.end_rise > min(g.strip_y, g.frame2_y) - b.clear_above_strip:
            overflow.append(Overflow("body", "本文が切り取り部分に重なります"))
        strip_rows = strip_static(out, t, ctx, f, g, self.profile.notice)
        digits_at = self._frame2_static(out, overflow) if with_mynumber else None
        primitives = tuple(out)
        key = static_key(f"notice:{self.profile.run.variant}:{'mn' if with_mynumber else 'nomn'}", primitives)
        return _Static(key, primitives, value_rows, strip_rows, digits_at, tuple(overflow))

    def _frame2_static(self, out: list[Primitive], overflow: list[Overflow]) -> tuple[float, float, float]:
        g, t, f = self.geometry, self.template, self.fonts
        x, y, w, h, pad = g.frame2_x, g.frame2_y, g.frame2_w, g.frame2_h, g.frame2_pad
        fr = g.frame2
        out.append(Rect(x, y, w, h, fr.frame_pt))
        out += place(x + pad, y + pad + fr.mark_baseline, t.text("notice.mynumber.mark"), GOTHIC, fr.mark_pt, f)
        body_x = x + pad + fr.body_indent
        by = y + pad + fr.body_top
        for para in t.lines("notice.mynumber.body", self.ctx):
            runs, by = paragraph(body_x, by, x + w - pad - body_x, para, MINCHO, fr.body_pt, f,
                                 leading=fr.body_leading)
            out += runs
        box_top = y + h - pad - fr.digits_box_h
        if by - fr.end_rise > box_top:
            overflow.append(Overflow("mynumber.body", "マイナンバー欄の説明文が長すぎます"))
        out.append(Rect(body_x, box_top, x + w - pad - body_x, fr.digits_box_h, fr.digits_box_pt,
                        fill=fr.digits_fill))
        return (body_x, cell_baseline(box_top, fr.digits_box_h, fr.digits_pt), x + w - pad - body_x)

    # ---------------------------------------------------------------- variable
    def layout(self, member: Member, envelope: Envelope | None = None, employer: Employer | None = None,
               mail: MailRecipient | None = None) -> Page:
        """The page of one member's notice.

        Args:
            member: The member the notice is for.
            envelope: The member's envelope; its first notice's window block
                also names the other addressees when the insured is absent.
            employer: The employer (its name goes in the window block);
                defaults to the member's ``employer_name``.
            mail: On the first page of an envelope mailed home, its
                recipient: the window block is then the address block
                (``layout/mail_block.py``) and the rest of the page is unchanged.
        """
        st = self.static(_has_mynumber_frame(self.profile.run.variant, member))
        f, g = self.fonts, self.geometry
        out: list[Primitive] = []
        overflow: list[Overflow] = list(st.overflow)
        if mail is not None:
            mail_window_block(out, overflow, mail, f, self.profile.envelope, self.profile.direct_mail.barcode_pt,
                              self._honorific)
        else:
            self._window_block(out, overflow, member, envelope, employer)
        # Frame ① values
        show = self.profile.notice
        tg, sp = g.table, g.strip
        values = {
            "kigo": member.kigo,
            "bango": member.bango,
            "edaban": member.edaban,
            "name": member.name,
            "kana": member.kana,
            "acquired": _wareki(member.acquired) if member.acquired else "",
        }
        if show.show_birth_date:
            values["birth"] = _wareki(member.birth_date) if member.birth_date else ""
        if show.show_burden_ratio:
            values["burden"] = member.burden_ratio
        for key, value in values.items():
            if not value:
                continue
            x, top, width = st.value_rows[key]
            big = key == "name"
            fit = fit_text(value, GOTHIC, tg.name_pt if big else tg.value_pt, tg.value_min_pt, width, tg.value_lines,
                           fonts=f, max_height=g.table_row_h - tg.value_clear)
            if fit.overflow:
                overflow.append(Overflow(f"table.{key}", value))
            out += _lines_in_cell(x, top, g.table_row_h, fit.lines, fit.size, f, tg.value_pitch)
        # Strip ③ values
        x, y, w = st.strip_rows["number"]
        number_line = self._number_line.format(kigo=member.kigo, bango=member.bango, edaban=member.edaban)
        fit = fit_text(number_line, GOTHIC, sp.number_pt, sp.number_min_pt, w, fonts=f)
        if fit.overflow:
            overflow.append(Overflow("strip.number", number_line))
        out += place(x, y, fit.lines[0], GOTHIC, fit.size, f)
        strip_values = {"name": member.name}
        if show.show_kana_on_strip:
            strip_values["kana"] = member.kana
        if show.show_burden_ratio:
            strip_values["burden"] = member.burden_ratio
        for key, value in strip_values.items():
            x, y, w = st.strip_rows[key]
            name = key == "name"
            fit = fit_text(value, GOTHIC, sp.name_pt if name else sp.value_pt, sp.value_min_pt, w,
                           sp.name_lines if name else sp.value_lines, fonts=f, max_height=sp.value_max_h)
            if fit.overflow:
                overflow.append(Overflow(f"strip.{key}", value))
            pitch = fit.size * sp.value_pitch * MM_PER_PT
            for i, line in enumerate(fit.lines):
                out += place(x, y + pitch * (i - (len(fit.lines) - 1) / 2), line, GOTHIC, fit.size, f)
        # Frame ② digits: only ever the last four
        if st.digits_at is not None:
            x, y, w = st.digits_at
            digits = self._digits.format(mynumber4=member.mynumber4[-4:])
            out += place(x, y, digits, GOTHIC, g.frame2.digits_pt, f, align="center", width=w)
        return Page(g.page, st.key, st.primitives, tuple(out), "notice", tuple(overflow))

    def _window_block(self, out: list[Primitive], overflow: list[Overflow], member: Member,
                      envelope: Envelope | None, employer: Employer | None) -> None:
        g = self.geometry
        win = self.profile.envelope
        honor = self._honorific
        wg = g.window_block
        lines = [
            WindowLine.fitted(member.number_label, wg.number, "number"),
            WindowLine.fitted(self._self_label, wg.self_label, "self"),
            WindowLine.fitted(f"{member.name} {honor}", wg.name, "name"),
        ]
        if envelope is not None and envelope.members and envelope.members[0] is member and not envelope.has_insured:
            others = envelope.members[1:]
            if others:
                text = "　".join(f"{m.name} {honor}" for m in others)
                lines.append(WindowLine.fitted(text, wg.others, "others"))
            if envelope.insured is not None:
                lines.append(WindowLine.fitted(self._insured_line.format(insured_name=envelope.insured.name),
                                               wg.insured, "insured"))
        employer_name = employer.name if employer is not None else member.employer_name
        if employer_name:
            lines.append(WindowLine.fitted(employer_name, wg.employer, "employer"))
        m = g.window_margin
        stack_lines(out, overflow, lines, self.fonts, win.window_left_mm + m, win.window_top_mm + m,
                    win.window_width_mm - 2 * m, win.window_height_mm - 2 * m, zone="window")


def _lines_in_cell(x: float, top: float, height: float, lines: tuple[str, ...], size: float,
                   fonts: FontSet, pitch_em: float) -> list[Primitive]:
    pitch = size * pitch_em * MM_PER_PT
    first = cell_baseline(top, height, size) - pitch * (len(lines) - 1) / 2
    out: list[Primitive] = []
    for i, line in enumerate(lines):
        out += place(x, first + i * pitch, line, GOTHIC, size, fonts)
    return out


def layout_notice(member: Member, envelope: Envelope | None, employer: Employer | None, profile: RunProfile,
                  issue_date: date, fonts: FontSet, template: Template) -> Page:
    """The notice page of ``member`` alone (see :meth:`NoticeLayouter.layout`).

    This builds the static part anew on every call: to lay out many notices,
    use one :class:`NoticeLayouter` (a run's
    :class:`~print_engine.output.render_context.RenderContext` holds one).
    """
    return NoticeLayouter(profile, issue_date, fonts, template).layout(member, envelope, employer)
