"""The cover letter to the employer (別添1): one A4 page per shipment.

Dated with the run's issue date in 和暦, addressed to the employer's
事業主 様, signed by the insurer. The letter's text is the template's; the
記 section (what is in the box, how it is packed, who is included) is filled
with this shipment's container, envelope count and packing order and the
run's dates. Everything above 記 and the inquiry block are the same for every
employer of the run (the page's ``static`` part).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet
from print_engine.layout.geometry import A4_MM
from print_engine.layout.notice_parts import cell_baseline
from print_engine.layout.primitives import (
    MM_PER_PT,
    Line,
    Overflow,
    Page,
    Primitive,
    Rect,
    static_key,
)
from print_engine.layout.templates import Template, run_context
from print_engine.layout.text import break_lines, fit_text, paragraph, place
from print_engine.model import Shipment
from print_engine.profile.schema import RunProfile


@dataclass(frozen=True, slots=True)
class CoverGeometry:
    """Fixed positions of the cover letter (mm from the top-left corner)."""

    left: float = 25.0
    right: float = 185.0
    attachment_y: float = 14.0
    date_y: float = 22.0
    employer_y: float = 33.0
    addressee_y: float = 40.5
    signature_y: float = 49.0
    title_y: float = 61.0
    body_gap: float = 7.0  # last title line → first body baseline
    body_size: float = 9.5
    table_size: float = 8.5
    table_label_w: float = 26.0
    inquiry_h: float = 17.0  # height of the inquiry box at the bottom
    bottom: float = 287.0  # bottom of the inquiry box


COVER = CoverGeometry()


def layout_cover_letter(shipment: Shipment, profile: RunProfile, issue_date: date, fonts: FontSet,
                        template: Template, geometry: CoverGeometry = COVER,
                        statics: dict[CoverGeometry, tuple] | None = None) -> list[Page]:
    """The cover letter of one shipment (a list with one page).

    ``statics`` is the caller's cache of the part common to every employer:
    valid for one profile, issue date, fonts and template (a run's render
    context owns one), keyed by the geometry.
    """
    ctx = run_context(profile, issue_date)
    static = statics.get(geometry) if statics is not None else None
    if static is None:
        static = _static(fonts, template, geometry, ctx)
        if statics is not None:
            statics[geometry] = static
    static, table_top, key = static
    g, t = geometry, template
    out: list[Primitive] = []
    overflow: list[Overflow] = []
    employer = shipment.employer
    fit = fit_text(employer.name, MINCHO, 12.0, 8.0, 120.0, 2, fonts=fonts, max_height=12.0)
    if fit.overflow:
        overflow.append(Overflow("cover.employer", employer.name))
    y = g.employer_y - (len(fit.lines) - 1) * fit.size * 1.2 * MM_PER_PT
    for line in fit.lines:
        out += place(g.left, y, line, MINCHO, fit.size, fonts)
        y += fit.size * 1.2 * MM_PER_PT
    sctx = dict(ctx, employer_code=employer.code, employer_name=employer.name, container=shipment.container,
                envelopes=str(len(shipment.envelopes)), notices=str(shipment.notice_count),
                certificates=str(shipment.certificate_count))
    packed = t.lines("cover.packed", sctx)
    packed.append(t.text("cover.packed_by_affiliation" if shipment.by_affiliation else "cover.packed_by_number", sctx))
    rows = [
        (t.text("cover.sent_label"), t.lines("cover.sent", sctx)),
        (t.text("cover.packed_label"), packed),
        (t.text("cover.targets_label"), t.lines("cover.targets", sctx)),
    ]
    bottom = _ki_table(out, rows, fonts, g, table_top)
    out += place(g.left, bottom + 5.0, t.text("cover.closing"), MINCHO, g.body_size, fonts, align="right",
                 width=g.right - g.left)
    if bottom + 7.0 > g.bottom - g.inquiry_h:
        overflow.append(Overflow("cover", "送付状の本文が1ページに収まりません"))
    return [Page(A4_MM, key, static, tuple(out), "cover", tuple(overflow))]


def _static(fonts: FontSet, t: Template, g: CoverGeometry,
            ctx: dict[str, str]) -> tuple[tuple[Primitive, ...], float, str]:
    """The parts of the letter common to every employer (from run-level wording only)."""
    width = g.right - g.left
    out: list[Primitive] = []
    out += place(g.left, g.attachment_y, t.text("cover.attachment", ctx), GOTHIC, 9.0, fonts, align="right",
                 width=width)
    out += place(g.left, g.date_y, t.text("cover.date", ctx), MINCHO, 10.5, fonts, align="right", width=width)
    out += place(g.left, g.addressee_y, t.text("cover.addressee", ctx), MINCHO, 12.0, fonts)
    out += place(g.left, g.signature_y, t.text("cover.signature", ctx), MINCHO, 11.0, fonts, align="right",
                 width=width)
    y = g.title_y
    for line in t.lines("cover.title", ctx):
        out += place(g.left, y, line, GOTHIC, 13.5, fonts, align="center", width=width)
        y += 13.5 * 1.45 * MM_PER_PT
    y += g.body_gap - 13.5 * 1.45 * MM_PER_PT + 13.5 * MM_PER_PT
    indent = g.body_size * MM_PER_PT
    for para in t.lines("cover.body", ctx):
        runs, y = paragraph(g.left, y, width, para, MINCHO, g.body_size, fonts, leading=1.56, indent=indent)
        out += runs
    for note in t.lines("cover.notes", ctx):
        runs, y = paragraph(g.left, y, width, note, MINCHO, g.body_size, fonts, leading=1.56, hanging=indent)
        out += runs
    y += 2.0
    out += place(g.left, y, t.text("cover.ki", ctx), MINCHO, g.body_size + 1, fonts, align="center", width=width)
    table_top = y + 4.0
    # The inquiry box at the bottom of the page
    top = g.bottom - g.inquiry_h
    out.append(Rect(g.left, top, width, g.inquiry_h, 0.5))
    iy = top + 5.0
    out += place(g.left, iy, t.text("cover.inquiry_heading", ctx), GOTHIC, 9.0, fonts, align="center", width=width)
    iy += 5.4
    out += place(g.left, iy, t.text("cover.inquiry", ctx), GOTHIC, 10.0, fonts, align="center", width=width)
    iy += 4.6
    out += place(g.left, iy, t.text("cover.inquiry_note", ctx), MINCHO, 8.5, fonts, align="center", width=width)
    primitives = tuple(out)
    return primitives, table_top, static_key(f"cover:{t.variant}", primitives)


def _ki_table(out: list[Primitive], rows: list[tuple[str, list[str]]], fonts: FontSet, g: CoverGeometry,
              top: float) -> float:
    """The 記 table: a label column and paragraphs; returns its bottom."""
    size, pad = g.table_size, 2.4
    pitch = size * 1.45 * MM_PER_PT
    text_x = g.left + g.table_label_w + pad
    text_w = g.right - text_x - pad
    y = top
    fills: list[Primitive] = []
    frame: list[Primitive] = []
    text: list[Primitive] = []
    for label, paras in rows:
        lines: list[tuple[float, str]] = []
        for para in paras:
            hang = fonts.width_mm("※", MINCHO, size) if para.startswith("※") else 0.0
            for i, line in enumerate(break_lines(para, MINCHO, size, text_w - hang, fonts, first_width=text_w)):
                lines.append((hang if i else 0.0, line))
        h = len(lines) * pitch + 2 * pad
        fills.append(Rect(g.left, y, g.table_label_w, h, 0.0, fill=0.92))
        frame.append(Line(g.left, y + h, g.right, y + h, 0.4))
        text += place(g.left, cell_baseline(y, h, size + 0.5), label, GOTHIC, size + 0.5, fonts, align="center",
                      width=g.table_label_w)
        ly = y + pad + 0.86 * size * MM_PER_PT + (pitch - size * MM_PER_PT) / 2
        for dx, line in lines:
            text += place(text_x + dx, ly, line, MINCHO, size, fonts)
            ly += pitch
        y += h
    frame.append(Line(g.left + g.table_label_w, top, g.left + g.table_label_w, y, 0.4))
    frame.append(Rect(g.left, top, g.right - g.left, y - top, 0.7))
    out += fills
    out += frame
    out += text
    return y
