"""The target list (別添2 送付対象者リスト): one line per envelope, paginated.

Columns: No., 所属コード, 記号, 番号, the addressee(s) as the envelope's
window shows them, the number of notices in the envelope and a remark
(``返送`` for a RETURN envelope, ``扶養削除`` when a dependent in it was
removed after the freeze). Pages are numbered ``n / N``; a shipment packed
by affiliation gets a sub-total per 所属コード and each group starts a new
page; the last page ends with the total (envelopes, notices, returns).
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
from print_engine.layout.text import fit_text, paragraph, place
from print_engine.model import Envelope, Shipment
from print_engine.profile.schema import RunProfile

# (template key of the header, width mm, alignment of the values)
COLUMNS = (
    ("col_no", 11.0, "right"),
    ("col_affiliation", 20.0, "center"),
    ("col_kigo", 16.0, "center"),
    ("col_bango", 24.0, "center"),
    ("col_names", 85.0, "left"),
    ("col_count", 12.0, "right"),
    ("col_remark", 22.0, "center"),
)
# A run that may issue certificates counts both per envelope (certificate.md): the
# names give up 14 mm to the two count columns, so the table keeps its width.
COLUMNS_WITH_CERTIFICATES = (
    *COLUMNS[:4],
    ("col_names", 71.0, "left"),
    ("col_count", 13.0, "right"),
    ("col_certificates", 13.0, "right"),
    COLUMNS[-1],
)


def columns_of(t: Template) -> tuple[tuple[str, float, str], ...]:
    """The list's columns: with 確認書 when the template names that column."""
    return COLUMNS_WITH_CERTIFICATES if "col_certificates" in t.data.get("list", {}) else COLUMNS


@dataclass(frozen=True, slots=True)
class ListGeometry:
    """Fixed positions of the target list (mm from the top-left corner)."""

    left: float = 10.0
    attachment_y: float = 13.0
    title_y: float = 22.0
    employer_y: float = 33.0
    header_top: float = 38.0
    header_h: float = 8.0
    row_h: float = 7.0
    rows_bottom: float = 279.0  # rows stop above this line
    note_y: float = 284.0
    pad: float = 1.8

    @property
    def right(self) -> float:
        return self.left + sum(w for _, w, _ in COLUMNS)

    @property
    def rows_per_page(self) -> int:
        return int((self.rows_bottom - self.header_top - self.header_h) // self.row_h)


LIST = ListGeometry()


@dataclass(frozen=True, slots=True)
class _Row:
    kind: str  # "envelope" | "subtotal" | "total"
    cells: tuple[str, ...] = ()
    text: str = ""


def layout_target_list(shipment: Shipment, profile: RunProfile, issue_date: date, fonts: FontSet,
                       template: Template, geometry: ListGeometry = LIST,
                       statics: dict[ListGeometry, tuple] | None = None) -> list[Page]:
    """The target list of one shipment, as many pages as it takes.

    ``statics`` is the caller's cache of the part common to every employer
    (one per profile, issue date, fonts and template: a run's render context
    owns one), keyed by the geometry.
    """
    ctx = run_context(profile, issue_date)
    t, g = template, geometry
    cached = statics.get(g) if statics is not None else None
    if cached is None:
        primitives = _static(t, ctx, fonts, g)
        cached = (primitives, static_key("list", primitives))
        if statics is not None:
            statics[g] = cached
    static, key = cached
    pages_rows = _paginate(shipment, t, g.rows_per_page)
    total = len(pages_rows)
    employer = t.text("list.employer", dict(ctx, employer_code=shipment.employer.code,
                                            employer_name=shipment.employer.name))
    pages = []
    for n, rows in enumerate(pages_rows, start=1):
        out: list[Primitive] = []
        overflow: list[Overflow] = []
        fit = fit_text(employer, GOTHIC, 11.0, 7.5, g.right - g.left - 50.0, fonts=fonts)
        if fit.overflow:
            overflow.append(Overflow("list.employer", shipment.employer.name))
        out += place(g.left, g.employer_y, fit.lines[0], GOTHIC, fit.size, fonts)
        out += place(g.left, g.title_y, t.text("list.page", {"page": str(n), "pages": str(total)}), GOTHIC, 9.0,
                     fonts, align="right", width=g.right - g.left)
        _rows(out, overflow, rows, fonts, g, columns_of(t))
        pages.append(Page(A4_MM, key, static, tuple(out), "list", tuple(overflow)))
    return pages


def count_target_list_pages(shipment: Shipment, template: Template, geometry: ListGeometry = LIST) -> int:
    """How many pages :func:`layout_target_list` makes, without laying them out."""
    return len(_paginate(shipment, template, geometry.rows_per_page))


def _static(t: Template, ctx: dict[str, str], fonts: FontSet, g: ListGeometry) -> tuple[Primitive, ...]:
    width = g.right - g.left
    out: list[Primitive] = []
    out += place(g.left, g.attachment_y, t.text("list.attachment", ctx), GOTHIC, 9.0, fonts, align="right",
                 width=width)
    out += place(g.left, g.title_y, t.text("list.title", ctx), GOTHIC, 16.0, fonts, align="center", width=width)
    out += place(g.left, g.employer_y - 4.6, t.text("list.issued", ctx), MINCHO, 8.5, fonts, align="right",
                 width=width)
    out += place(g.left, g.employer_y, t.text("list.insurer", ctx), MINCHO, 9.5, fonts, align="right", width=width)
    top, h = g.header_top, g.header_h
    out.append(Rect(g.left, top, width, h, 0.7, fill=0.88))
    x = g.left
    for i, (key, w, _) in enumerate(columns_of(t)):
        if i:
            out.append(Line(x, top, x, top + h, 0.4))
        label = t.text(f"list.{key}", ctx)
        fit = fit_text(label, GOTHIC, 9.0, 6.5, w - 2 * g.pad, fonts=fonts)
        out += place(x, cell_baseline(top, h, fit.size), fit.lines[0], GOTHIC, fit.size, fonts, align="center",
                     width=w)
        x += w
    runs, _ = paragraph(g.left, g.note_y, width, t.text("list.note", ctx), MINCHO, 8.0, fonts, leading=1.45)
    out += runs
    return tuple(out)


def _addressees(env: Envelope, t: Template) -> str:
    """The names as the envelope's window shows them."""
    if env.has_insured or not env.members:
        return env.members[0].name if env.members else ""
    names = t.text("list.name_separator").join(m.name for m in env.members)
    if env.insured is not None:
        names += t.text("list.insured_suffix", {"insured_name": env.insured.name})
    return names


def _remark(env: Envelope, t: Template) -> str:
    if env.is_return:
        return t.text("list.return_remark")
    if env.has_removed_dependent:
        return t.text("list.removed_remark")
    return ""


def _paginate(shipment: Shipment, t: Template, per_page: int) -> list[list[_Row]]:
    """Rows cut into pages; with packing by affiliation each group starts a page."""
    groups = shipment.affiliation_groups() if shipment.by_affiliation else [("", list(shipment.envelopes))]
    pages: list[list[_Row]] = []
    no = 0
    both = columns_of(t) is COLUMNS_WITH_CERTIFICATES
    for affiliation, envelopes in groups:
        rows = []
        for env in envelopes:
            no += 1
            counts = (str(env.notice_count), str(env.certificate_count)) if both else (str(len(env.members)),)
            rows.append(_Row("envelope", (str(no), env.affiliation or t.text("list.no_affiliation"), env.kigo,
                                          env.bango, _addressees(env, t), *counts, _remark(env, t))))
        if shipment.by_affiliation:
            rows.append(_Row("subtotal", text=t.text("list.subtotal", {
                "affiliation": affiliation or t.text("list.no_affiliation"),
                "envelopes": str(len(envelopes)),
                "notices": str(sum(e.notice_count for e in envelopes) if both else sum(len(e.members) for e in envelopes)),
                "certificates": str(sum(e.certificate_count for e in envelopes))})))
        for i in range(0, len(rows), per_page):
            pages.append(rows[i:i + per_page])
    total = _Row("total", text=t.text("list.total", {
        "envelopes": str(len(shipment.envelopes)), "notices": str(shipment.notice_count),
        "certificates": str(shipment.certificate_count),
        "returns": str(shipment.return_envelopes)}))
    if pages and len(pages[-1]) < per_page:
        pages[-1].append(total)
    else:
        pages.append([total])
    return pages


def _rows(out: list[Primitive], overflow: list[Overflow], rows: list[_Row], fonts: FontSet,
          g: ListGeometry, columns: tuple[tuple[str, float, str], ...] = COLUMNS) -> None:
    width = g.right - g.left
    top = g.header_top + g.header_h
    h = g.row_h
    fills: list[Primitive] = []
    lines: list[Primitive] = []
    text: list[Primitive] = []
    for r, row in enumerate(rows):
        y = top + r * h
        lines.append(Line(g.left, y + h, g.right, y + h, 0.3))
        if row.kind != "envelope":
            fills.append(Rect(g.left, y, width, h, 0.0, fill=0.94 if row.kind == "subtotal" else 0.88))
            text += place(g.left + 4.0, cell_baseline(y, h, 9.5), row.text, GOTHIC, 9.5, fonts)
            continue
        x = g.left
        for (key, w, align), value in zip(columns, row.cells):
            if x > g.left:
                lines.append(Line(x, y, x, y + h, 0.3))
            if value:
                inner = w - 2 * g.pad
                fit = fit_text(value, GOTHIC, 9.5, 6.0, inner, 2 if key == "col_names" else 1, fonts=fonts,
                               max_height=h - 0.8)
                if fit.overflow:
                    overflow.append(Overflow(f"list.{key[4:]}", value))
                pitch = fit.size * 1.2 * MM_PER_PT
                by = cell_baseline(y, h, fit.size) - pitch * (len(fit.lines) - 1) / 2
                for line in fit.lines:
                    text += place(x + g.pad, by, line, GOTHIC, fit.size, fonts, align=align, width=inner)
                    by += pitch
            x += w
    lines.append(Rect(g.left, top, width, len(rows) * h, 0.7))
    out += fills
    out += lines
    out += text
