"""The 発送リスト of the mailed group: one line per envelope, then counts by area.

The mailed group (``direct-mail.md``) gets no cover letter; its list names
each envelope in mailing order (postal code, then 記号 and 番号) with its
postal code, addressee and number of documents, and ends with the number
of envelopes per first three digits of the postal code — what a post office
counter asks for bulk mail — and the total. Wording comes from
``resources/templates/direct-mail.toml``.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet
from print_engine.layout.geometry import A4_MM
from print_engine.layout.notice_parts import cell_baseline
from print_engine.layout.primitives import Line, Overflow, Page, Primitive, Rect, static_key
from print_engine.layout.templates import Template, TemplateError, run_context, template_path
from print_engine.layout.text import fit_text, paragraph, place
from print_engine.mail.households import counts_by_area

# (template key of the header, width mm, alignment of the values)
COLUMNS = (
    ("col_no", 11.0, "right"),
    ("col_postal", 22.0, "center"),
    ("col_kigo", 18.0, "center"),
    ("col_bango", 26.0, "center"),
    ("col_names", 75.0, "left"),
    ("col_count", 16.0, "right"),
    ("col_remark", 22.0, "center"),
)
AREA_COLUMNS = 5


@dataclass(frozen=True, slots=True)
class MailLine:
    """One mailed envelope as the list shows it."""

    postal_label: str
    kigo: str
    bango: str
    addressee: str
    documents: int
    is_return: bool = False


def mail_lines(group) -> list[MailLine]:
    """The list lines of the mailed group's envelopes (a :class:`~print_engine.model.Shipment`)."""
    return [MailLine(env.recipient.postal_label, env.kigo, env.bango, env.recipient.addressee, len(env.members),
                     env.is_return) for env in group.envelopes]


@dataclass(frozen=True, slots=True)
class MailListGeometry:
    left: float = 10.0
    attachment_y: float = 13.0
    title_y: float = 22.0
    group_y: float = 33.0
    header_top: float = 38.0
    header_h: float = 8.0
    row_h: float = 7.0
    rows_bottom: float = 279.0
    note_y: float = 284.0
    pad: float = 1.8
    area_h: float = 7.0

    @property
    def right(self) -> float:
        return self.left + sum(w for _, w, _ in COLUMNS)

    @property
    def rows_per_page(self) -> int:
        return int((self.rows_bottom - self.header_top - self.header_h) // self.row_h)


MAIL_LIST = MailListGeometry()


@lru_cache(maxsize=4)
def load_mail_template(name: str = "direct-mail") -> Template:
    """The direct-mail wording (``[mail_list]``)."""
    path = template_path(name)
    try:
        raw = path.read_bytes()
        doc = tomllib.loads(raw.decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"文面テンプレート「{name}」を読めません: {exc}") from None
    if "mail_list" not in doc:
        raise TemplateError(f"文面テンプレート「{name}」に [mail_list] がありません")
    return Template(name, "", {"mail_list": dict(doc["mail_list"])}, hashlib.sha1(raw).hexdigest()[:10])


def _tail_rows(postal_codes: list[str]) -> int:
    """Rows the tail takes: the heading, the area grid, the total and the gaps."""
    return 3 + -(-len(counts_by_area(postal_codes)) // AREA_COLUMNS)


def _paginate(lines: list[MailLine], per_page: int, tail_rows: int) -> list[list[MailLine]]:
    """Envelope lines cut into pages; the area counts and total need ``tail_rows`` on the last."""
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    if len(pages[-1]) + tail_rows > per_page:
        pages.append([])
    return pages


def count_mail_list_pages(lines: list[MailLine], geometry: MailListGeometry = MAIL_LIST) -> int:
    codes = [ln.postal_label.replace("-", "") for ln in lines]
    return len(_paginate(lines, geometry.rows_per_page, _tail_rows(codes)))


def layout_mail_list(lines: list[MailLine], profile, issue_date: date, fonts: FontSet,
                     template: Template | None = None, geometry: MailListGeometry = MAIL_LIST) -> list[Page]:
    """The 発送リスト pages of the mailed group (``lines`` in mailing order)."""
    t = template or load_mail_template()
    g = geometry
    ctx = run_context(profile, issue_date)
    static = _static(t, ctx, fonts, g)
    key = static_key("mail_list", static)
    codes = [ln.postal_label.replace("-", "") for ln in lines]
    tail = _tail_rows(codes)
    pages_lines = _paginate(lines, g.rows_per_page, tail)
    pages = []
    no = 0
    for n, chunk in enumerate(pages_lines, start=1):
        out: list[Primitive] = []
        overflow: list[Overflow] = []
        out += place(g.left, g.group_y, t.text("mail_list.group", ctx), GOTHIC, 11.0, fonts)
        out += place(g.left, g.title_y, t.text("mail_list.page", {"page": str(n), "pages": str(len(pages_lines))}),
                     GOTHIC, 9.0, fonts, align="right", width=g.right - g.left)
        y = g.header_top + g.header_h
        no = _rows(out, overflow, chunk, no, y, t, fonts, g)
        if n == len(pages_lines):
            _tail(out, lines, codes, y + len(chunk) * g.row_h, t, fonts, g)
        pages.append(Page(A4_MM, key, static, tuple(out), "list", tuple(overflow)))
    return pages


def _static(t: Template, ctx: dict[str, str], fonts: FontSet, g: MailListGeometry) -> tuple[Primitive, ...]:
    width = g.right - g.left
    out: list[Primitive] = []
    out += place(g.left, g.attachment_y, t.text("mail_list.attachment", ctx), GOTHIC, 9.0, fonts, align="right",
                 width=width)
    out += place(g.left, g.title_y, t.text("mail_list.title", ctx), GOTHIC, 16.0, fonts, align="center", width=width)
    out += place(g.left, g.group_y - 4.6, t.text("mail_list.issued", ctx), MINCHO, 8.5, fonts, align="right",
                 width=width)
    out += place(g.left, g.group_y, t.text("mail_list.insurer", ctx), MINCHO, 9.5, fonts, align="right",
                 width=width)
    top, h = g.header_top, g.header_h
    out.append(Rect(g.left, top, width, h, 0.7, fill=0.88))
    x = g.left
    for i, (key, w, _) in enumerate(COLUMNS):
        if i:
            out.append(Line(x, top, x, top + h, 0.4))
        fit = fit_text(t.text(f"mail_list.{key}", ctx), GOTHIC, 9.0, 6.5, w - 2 * g.pad, fonts=fonts)
        out += place(x, cell_baseline(top, h, fit.size), fit.lines[0], GOTHIC, fit.size, fonts, align="center",
                     width=w)
        x += w
    runs, _ = paragraph(g.left, g.note_y, width, t.text("mail_list.note", ctx), MINCHO, 8.0, fonts, leading=1.45)
    out += runs
    return tuple(out)


def _rows(out: list[Primitive], overflow: list[Overflow], chunk: list[MailLine], no: int, top: float,
          t: Template, fonts: FontSet, g: MailListGeometry) -> int:
    h = g.row_h
    honorific = t.text("mail_list.honorific")
    for r, line in enumerate(chunk):
        no += 1
        y = top + r * h
        out.append(Line(g.left, y + h, g.right, y + h, 0.3))
        cells = (str(no), line.postal_label, line.kigo, line.bango, f"{line.addressee} {honorific}",
                 str(line.documents), t.text("mail_list.return_remark") if line.is_return else "")
        x = g.left
        for (key, w, align), value in zip(COLUMNS, cells):
            if x > g.left:
                out.append(Line(x, y, x, y + h, 0.3))
            inner = w - 2 * g.pad
            fit = fit_text(value, GOTHIC, 9.5, 6.0, inner, fonts=fonts)
            if fit.overflow:
                overflow.append(Overflow(f"mail_list.{key[4:]}", value))
            out += place(x + g.pad, cell_baseline(y, h, fit.size), fit.lines[0], GOTHIC, fit.size, fonts,
                         align=align, width=inner)
            x += w
    if chunk:
        out.append(Rect(g.left, top, g.right - g.left, len(chunk) * h, 0.7))
    return no


def _tail(out: list[Primitive], lines: list[MailLine], codes: list[str], top: float, t: Template,
          fonts: FontSet, g: MailListGeometry) -> None:
    """The counts by the first three digits of the postal code, then the total."""
    width, h = g.right - g.left, g.area_h
    y = top + 4.0
    out += place(g.left, cell_baseline(y, h, 9.5), t.text("mail_list.areas_heading"), GOTHIC, 9.5, fonts)
    y += h
    cell_w = width / AREA_COLUMNS
    areas = counts_by_area(codes)
    for i, (area, count) in enumerate(areas):
        row, col = divmod(i, AREA_COLUMNS)
        x, cy = g.left + col * cell_w, y + row * h
        out.append(Rect(x, cy, cell_w, h, 0.3))
        out += place(x + g.pad, cell_baseline(cy, h, 9.5), t.text("mail_list.area_cell",
                                                                  {"area": area, "count": str(count)}),
                     GOTHIC, 9.5, fonts)
    y += -(-len(areas) // AREA_COLUMNS) * h + 2.0
    out.append(Rect(g.left, y, width, h, 0.0, fill=0.88))
    total = t.text("mail_list.total", {"envelopes": str(len(lines)), "documents": str(sum(ln.documents for ln in lines)),
                                       "returns": str(sum(1 for ln in lines if ln.is_return))})
    out += place(g.left + 4.0, cell_baseline(y, h, 9.5), total, GOTHIC, 9.5, fonts)
