"""Building blocks of the notice: the window stack, sender block, table and strip.

Helpers of :mod:`.notice`; they append primitives to a list and return the
positions the member's values will need. Positions come from
:class:`~.geometry.NoticeGeometry`; sentences from the template.
"""

from __future__ import annotations

from dataclasses import dataclass

from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet
from print_engine.layout.geometry import NoticeGeometry
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
                 fonts: FontSet, x: float, top: float, width: float) -> float:
    """The insurer's name, number, address and inquiry line beside the window.

    Returns:
        The bottom of the block (mm).
    """
    lines = [
        WindowLine(ctx["insurer_name"], 11.0, 7.0, 1, 0.0, "insurer"),
        WindowLine(t.text("notice.sender_number", ctx), 8.5, 6.5, 1, 1.0, "number"),
        WindowLine(t.text("notice.sender_postal", ctx), 8.5, 6.5, 1, 0.8, "postal"),
        WindowLine(t.text("notice.sender_address", ctx), 8.5, 6.5, 2, 0.4, "address"),
        WindowLine(t.text("notice.sender_inquiry", ctx), 8.0, 6.0, 2, 2.6, "inquiry"),
        WindowLine(t.text("notice.sender_phone", ctx), 8.5, 6.5, 1, 0.6, "phone"),
        WindowLine(t.text("notice.sender_note", ctx), 7.5, 6.0, 2, 0.6, "note"),
    ]
    return stack_lines(out, overflow, lines, fonts, x, top, width, 60.0, zone="sender")


def table_static(out: list[Primitive], t: Template, ctx: dict[str, str], fonts: FontSet, g: NoticeGeometry,
                 show: NoticeSettings, top: float) -> tuple[dict[str, tuple[float, float, float]], float]:
    """Frame ①: the qualification table's frame, labels and fixed values.

    Returns:
        ``field → (x, top, width)`` of each value cell's text area, and the
        bottom of the table.
    """
    left, right, h, pad = g.left, g.right, g.table_row_h, g.cell_pad
    label_w, small_w = g.table_label_w, g.table_small_label_w
    rows = ["first", "name", "kana"] + (["birth"] if show.show_birth_date else []) + ["burden", "acquired", "insurer"]
    bottom = top + h * len(rows)
    fills: list[Primitive] = []
    lines: list[Primitive] = []
    labels: list[Primitive] = []
    cells: dict[str, tuple[float, float, float]] = {}
    label_size = 9.5
    # First row: 記号 | value | 番号 | value | 枝番 | value
    x = left
    widths = (label_w, g.table_value1_w, small_w, g.table_value2_w, small_w,
              right - left - label_w - g.table_value1_w - 2 * small_w - g.table_value2_w)
    keys = ("kigo", None, "bango", None, "edaban", None)
    for i, (w, key) in enumerate(zip(widths, keys)):
        if key is not None:
            fills.append(Rect(x, top, w, h, 0.0, fill=0.9))
            labels.append(distribute(x + pad, cell_baseline(top, h, label_size), t.text(f"notice.table.{key}"),
                                     w - 2 * pad, GOTHIC, label_size, fonts))
        else:
            cells[keys[i - 1]] = (x + pad, top, w - 2 * pad)
        if i:
            lines.append(Line(x, top, x, top + h, 0.4))
        x += w
    for r, key in enumerate(rows[1:], start=1):
        y = top + r * h
        fills.append(Rect(left, y, label_w, h, 0.0, fill=0.9))
        labels.append(distribute(left + pad, cell_baseline(y, h, label_size), t.text(f"notice.table.{key}"),
                                 label_w - 2 * pad, GOTHIC, label_size, fonts))
        lines.append(Line(left, y, right, y, 0.4))
        cells[key] = (left + label_w + pad, y, right - left - label_w - 2 * pad)
    lines.append(Line(left + label_w, top + h, left + label_w, bottom, 0.4))
    out += fills
    out += lines
    out.append(Rect(left, top, right - left, bottom - top, 0.8))
    out += labels
    out += place(left - 5.6, cell_baseline(top, h, 10.0), t.text("notice.table.mark"), GOTHIC, 10.0, fonts)
    fixed = {"insurer": ctx["insurer_name"]}
    if not show.show_burden_ratio:
        fixed["burden"] = t.text("notice.table.masked")
    for key, value in fixed.items():
        x, y, w = cells.pop(key)
        out += place(x, cell_baseline(y, h, 11.0), value, GOTHIC, 11.0, fonts)
    return cells, bottom


def strip_static(out: list[Primitive], t: Template, ctx: dict[str, str], fonts: FontSet, g: NoticeGeometry,
                 show: NoticeSettings) -> dict[str, tuple[float, float, float]]:
    """The cut-off strip ③: cut line, scissors, fixed lines and the sentence under it.

    Returns:
        ``field → (x, baseline, width)`` for the member's values.
    """
    sx, sy, sw, sh, pad = g.strip_x, g.strip_y, g.strip_w, g.strip_h, g.strip_pad
    out.append(Rect(sx, sy, sw, sh, 0.6, dash=(3.0, 2.0)))
    out.append(Rect(sx + 3.0, sy - 1.8, 7.0, 3.6, 0.0, fill=1.0))  # gap in the cut line for the mark
    out += scissors_mark(sx + 3.5, sy, 6.0)
    x0, w = sx + pad, sw - 2 * pad
    y = sy + pad + 4.4
    out += place(x0, y, t.text("notice.strip.mark"), GOTHIC, 10.0, fonts)
    out += place(x0 + 5.0, y, t.text("notice.strip.title", ctx), GOTHIC, 10.5, fonts)
    out += place(x0, y, t.text("notice.strip.issued", ctx), GOTHIC, 7.5, fonts, align="right", width=w)
    out.append(Line(x0, y + 1.8, x0 + w, y + 1.8, 0.4))
    y += 6.2
    insurer = fit_text(t.text("notice.strip.insurer", ctx), GOTHIC, 8.0, 6.0, w * 0.58, fonts=fonts)
    out += place(x0, y, insurer.lines[0], GOTHIC, insurer.size, fonts)
    out += place(x0, y, t.text("notice.strip.insurer_number", ctx), GOTHIC, 7.5, fonts, align="right", width=w)
    rows: dict[str, tuple[float, float, float]] = {}
    compact = show.show_kana_on_strip  # one more line to fit above the warning box
    y += 7.0 if compact else 8.0
    rows["number"] = (x0, y, w)
    y += 7.4 if compact else 8.4
    label_w = 13.5
    lines = [("name", "notice.strip.name_label")]
    if compact:
        lines.append(("kana", "notice.strip.kana_label"))
    lines.append(("burden", "notice.strip.burden_label"))
    for key, label in lines:
        out.append(distribute(x0, y, t.text(label), label_w - 2.5, GOTHIC, 7.5, fonts))
        rows[key] = (x0 + label_w, y, w - label_w)
        y += 5.6 if compact else 7.6
    if not show.show_burden_ratio:
        x, yb, _ = rows.pop("burden")
        out += place(x, yb, t.text("notice.table.masked"), GOTHIC, 9.0, fonts)
    box_h = 6.4
    box_top = sy + sh - pad - box_h
    out.append(Rect(x0, box_top, w, box_h, 0.5))
    out += place(x0, cell_baseline(box_top, box_h, 8.0), t.text("notice.strip.warning", ctx), GOTHIC, 8.0, fonts,
                 align="center", width=w)
    y = sy + sh + g.below_strip_gap
    for text in t.lines("notice.strip.below", ctx):
        y += 8.0 * MM_PER_PT
        out += place(sx, y, text, MINCHO, 8.0, fonts, align="center", width=sw)
        y += 0.25 * 8.0 * MM_PER_PT + 0.6
    return rows
