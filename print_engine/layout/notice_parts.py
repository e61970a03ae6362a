"""Building blocks of the notice: the window stack, sender block, table and strip.

Helpers of :mod:`.notice`; they append primitives to a list and return the
positions the member's values will need. Positions come from
:class:`~.geometry.NoticeGeometry`; sentences from the template.
"""

from __future__ import annotations

from dataclasses import dataclass

from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet
from print_engine.layout.geometry import (
    GEOMETRY,
    LineFit,
    NoticeGeometry,
    SenderGeometry,
)
from print_engine.layout.primitives import (
    MM_PER_PT,
    Line,
    Overflow,
    Primitive,
    Rect,
    scissors_mark,
)
from print_engine.layout.templates import Template
from print_engine.layout.text import distribute, fit_text, place
from print_engine.profile.schema import NoticeSettings

ASCENT = 0.88  # IPAex ascent / descent, in em
DESCENT = 0.12
CJK_CENTRE = 0.38  # height of the ideographic centre above the baseline, in em
LINE_PITCH = 1.2  # line pitch of stacked lines, in em


def cell_baseline(top: float, height: float, size_pt: float) -> float:
    """Baseline that centres a line of Japanese text of ``size_pt`` in a cell."""
    return top + height / 2 + CJK_CENTRE * size_pt * MM_PER_PT


@dataclass(frozen=True, slots=True)
class WindowLine:
    """One line of a stacked block: its text and how far it may shrink or wrap."""

    text: str
    max_size: float
    min_size: float
    max_lines: int
    gap_before: float  # mm above the line
    zone: str

    @classmethod
    def fitted(cls, text: str, fit: LineFit, zone: str) -> WindowLine:
        """The line ``text`` with the sizes, wrapping and gap of ``fit`` (from the geometry)."""
        return cls(text, fit.max_pt, fit.min_pt, fit.max_lines, fit.gap_before, zone)


def stack_lines(out: list[Primitive], overflow: list[Overflow], lines: list[WindowLine], fonts: FontSet,
                x: float, top: float, width: float, height: float, zone: str) -> float:
    """Stack ``lines`` from ``top`` inside a box, shrinking all of them if the box is too short.

    Each line first shrinks (then wraps) to fit ``width``; when the whole
    stack is taller than ``height`` every size is reduced step by step down
    to the lines' minimum sizes. What still does not fit is reported.

    Returns:
        The bottom of the stack (mm).
    """
    scale = 1.0
    while True:
        fits = [fit_text(ln.text, GOTHIC, max(ln.max_size * scale, ln.min_size), ln.min_size, width,
                         ln.max_lines, fonts=fonts) for ln in lines]
        bottom = top + _stack_height(lines, fits, scale)
        at_min = all(ft.size <= ln.min_size for ln, ft in zip(lines, fits))
        if bottom <= top + height or at_min:
            break
        scale *= 0.93
    y = top
    for i, (ln, ft) in enumerate(zip(lines, fits)):
        size_mm = ft.size * MM_PER_PT
        y += (ln.gap_before * scale if i else 0.0) + ASCENT * size_mm
        for j, text in enumerate(ft.lines):
            if j:
                y += LINE_PITCH * size_mm
            out += place(x, y, text, GOTHIC, ft.size, fonts)
        y += DESCENT * size_mm
        if ft.overflow:
            overflow.append(Overflow(f"{zone}.{ln.zone}", ln.text))
    if y > top + height + 1e-6:
        overflow.append(Overflow(zone, " / ".join(ln.text for ln in lines)))
    return y


def _stack_height(lines: list[WindowLine], fits: list, scale: float) -> float:
    total = 0.0
    for i, (ln, ft) in enumerate(zip(lines, fits)):
        size_mm = ft.size * MM_PER_PT
        total += (ln.gap_before * scale if i else 0.0) + (ASCENT + DESCENT) * size_mm
        total += LINE_PITCH * size_mm * (len(ft.lines) - 1)
    return total


def sender_block(out: list[Primitive], overflow: list[Overflow], t: Template, ctx: dict[str, str],
                 fonts: FontSet, x: float, top: float, width: float,
                 geometry: SenderGeometry = GEOMETRY.sender) -> float:
    """The insurer's name, number, address and inquiry line beside the window.

    Returns:
        The bottom of the block (mm).
    """
    sg = geometry
    lines = [
        WindowLine.fitted(ctx["insurer_name"], sg.insurer, "insurer"),
        WindowLine.fitted(t.text("notice.sender_number", ctx), sg.number, "number"),
        WindowLine.fitted(t.text("notice.sender_postal", ctx), sg.postal, "postal"),
        WindowLine.fitted(t.text("notice.sender_address", ctx), sg.address, "address"),
        WindowLine.fitted(t.text("notice.sender_inquiry", ctx), sg.inquiry, "inquiry"),
        WindowLine.fitted(t.text("notice.sender_phone", ctx), sg.phone, "phone"),
        WindowLine.fitted(t.text("notice.sender_note", ctx), sg.note, "note"),
    ]
    return stack_lines(out, overflow, lines, fonts, x, top, width, sg.height, zone="sender")


def table_static(out: list[Primitive], t: Template, ctx: dict[str, str], fonts: FontSet, g: NoticeGeometry,
                 show: NoticeSettings, top: float) -> tuple[dict[str, tuple[float, float, float]], float]:
    """Frame ①: the qualification table's frame, labels and fixed values.

    Returns:
        ``field → (x, top, width)`` of each value cell's text area, and the
        bottom of the table.
    """
    left, right, h, pad = g.left, g.right, g.table_row_h, g.cell_pad
    label_w, small_w = g.table_label_w, g.table_small_label_w
    tg = g.table
    rows = ["first", "name", "kana"] + (["birth"] if show.show_birth_date else []) + ["burden", "acquired", "insurer"]
    bottom = top + h * len(rows)
    fills: list[Primitive] = []
    lines: list[Primitive] = []
    labels: list[Primitive] = []
    cells: dict[str, tuple[float, float, float]] = {}
    label_size = tg.label_pt
    # First row: 記号 | value | 番号 | value | 枝番 | value
    x = left
    widths = (label_w, g.table_value1_w, small_w, g.table_value2_w, small_w,
              right - left - label_w - g.table_value1_w - 2 * small_w - g.table_value2_w)
    keys = ("kigo", None, "bango", None, "edaban", None)
    for i, (w, key) in enumerate(zip(widths, keys)):
        if key is not None:
            fills.append(Rect(x, top, w, h, 0.0, fill=tg.label_fill))
            labels.append(distribute(x + pad, cell_baseline(top, h, label_size), t.text(f"notice.table.{key}"),
                                     w - 2 * pad, GOTHIC, label_size, fonts))
        else:
            cells[keys[i - 1]] = (x + pad, top, w - 2 * pad)
        if i:
            lines.append(Line(x, top, x, top + h, tg.rule_pt))
        x += w
    for r, key in enumerate(rows[1:], start=1):
        y = top + r * h
        fills.append(Rect(left, y, label_w, h, 0.0, fill=tg.label_fill))
        labels.append(distribute(left + pad, cell_baseline(y, h, label_size), t.text(f"notice.table.{key}"),
                                 label_w - 2 * pad, GOTHIC, label_size, fonts))
        lines.append(Line(left, y, right, y, tg.rule_pt))
        cells[key] = (left + label_w + pad, y, right - left - label_w - 2 * pad)
    lines.append(Line(left + label_w, top + h, left + label_w, bottom, tg.rule_pt))
    out += fills
    out += lines
    out.append(Rect(left, top, right - left, bottom - top, tg.frame_pt))
    out += labels
    out += place(left - tg.mark_offset, cell_baseline(top, h, tg.mark_pt), t.text("notice.table.mark"), GOTHIC,
                 tg.mark_pt, fonts)
    fixed = {"insurer": ctx["insurer_name"]}
    if not show.show_burden_ratio:
        fixed["burden"] = t.text("notice.table.masked")
    for key, value in fixed.items():
        x, y, w = cells.pop(key)
        out += place(x, cell_baseline(y, h, tg.value_pt), value, GOTHIC, tg.value_pt, fonts)
    return cells, bottom


def strip_static(out: list[Primitive], t: Template, ctx: dict[str, str], fonts: FontSet, g: NoticeGeometry,
                 show: NoticeSettings) -> dict[str, tuple[float, float, float]]:
    """The cut-off strip ③: cut line, scissors, fixed lines and the sentence under it.

    Returns:
        ``field → (x, baseline, width)`` for the member's values.
    """
    sx, sy, sw, sh, pad = g.strip_x, g.strip_y, g.strip_w, g.strip_h, g.strip_pad
    sp = g.strip
    out.append(Rect(sx, sy, sw, sh, sp.cut_pt, dash=sp.cut_dash))
    out.append(Rect(sx + sp.gap_x, sy - sp.gap_rise, sp.gap_w, sp.gap_h, 0.0, fill=1.0))  # white gap for the mark
    out += scissors_mark(sx + sp.scissors_x, sy, sp.scissors_size)
    x0, w = sx + pad, sw - 2 * pad
    y = sy + pad + sp.title_baseline
    out += place(x0, y, t.text("notice.strip.mark"), GOTHIC, sp.mark_pt, fonts)
    out += place(x0 + sp.title_x, y, t.text("notice.strip.title", ctx), GOTHIC, sp.title_pt, fonts)
    out += place(x0, y, t.text("notice.strip.issued", ctx), GOTHIC, sp.issued_pt, fonts, align="right", width=w)
    out.append(Line(x0, y + sp.title_rule, x0 + w, y + sp.title_rule, sp.rule_pt))
    y += sp.insurer_step
    insurer = fit_text(t.text("notice.strip.insurer", ctx), GOTHIC, sp.insurer_pt, sp.insurer_min_pt,
                       w * sp.insurer_share, fonts=fonts)
    out += place(x0, y, insurer.lines[0], GOTHIC, insurer.size, fonts)
    out += place(x0, y, t.text("notice.strip.insurer_number", ctx), GOTHIC, sp.insurer_number_pt, fonts,
                 align="right", width=w)
    rows: dict[str, tuple[float, float, float]] = {}
    compact = show.show_kana_on_strip  # one more line to fit above the warning box
    y += sp.number_step_compact if compact else sp.number_step
    rows["number"] = (x0, y, w)
    y += sp.name_step_compact if compact else sp.name_step
    label_w = sp.label_w
    lines = [("name", "notice.strip.name_label")]
    if compact:
        lines.append(("kana", "notice.strip.kana_label"))
    lines.append(("burden", "notice.strip.burden_label"))
    for key, label in lines:
        out.append(distribute(x0, y, t.text(label), label_w - sp.label_gap, GOTHIC, sp.label_pt, fonts))
        rows[key] = (x0 + label_w, y, w - label_w)
        y += sp.row_step_compact if compact else sp.row_step
    if not show.show_burden_ratio:
        x, yb, _ = rows.pop("burden")
        out += place(x, yb, t.text("notice.table.masked"), GOTHIC, sp.value_pt, fonts)
    box_h = sp.warning_box_h
    box_top = sy + sh - pad - box_h
    out.append(Rect(x0, box_top, w, box_h, sp.warning_box_pt))
    out += place(x0, cell_baseline(box_top, box_h, sp.warning_pt), t.text("notice.strip.warning", ctx), GOTHIC,
                 sp.warning_pt, fonts, align="center", width=w)
    y = sy + sh + g.below_strip_gap
    for text in t.lines("notice.strip.below", ctx):
        y += sp.below_pt * MM_PER_PT
        out += place(sx, y, text, MINCHO, sp.below_pt, fonts, align="center", width=sw)
        y += sp.below_descent * sp.below_pt * MM_PER_PT + sp.below_gap
    return rows
