"""The card part of the 資格確認書: ID-1 (85.6 × 54 mm) inside a dashed cut line.

Rows, top to bottom: the title with 交付年月日 at the right, 有効期限,
記号・番号・枝番, 氏名, 生年月日 (and 性別 when printed), 資格取得年月日,
the 一部負担金の割合 with its 発効期日 (members aged 70–74; the template may
print a sentence for the others), 保険者番号 and 保険者名称. Labels and the
values shared by the run (issue date, insurer) are static; the member's
values are variable. The back's declaration is laid out into the mirrored
card area by :func:`back_card`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet
from print_engine.layout.primitives import MM_PER_PT, Line, Overflow, Primitive, Rect, scissors_mark
from print_engine.layout.templates import Template
from print_engine.layout.text import fit_text, paragraph, place
from print_engine.model import Member
from print_engine.plan.certificate_dates import CertificateDates
from print_engine.read.wareki import format_wareki

_wareki = lru_cache(maxsize=8192)(format_wareki)

LABEL_PT = 6.5
VALUE_PT = 8.5
VALUE_MIN_PT = 6.0


@dataclass(frozen=True, slots=True)
class CardGeometry:
    """The card's frame and its rows (mm)."""

    x: float
    y: float
    w: float = 85.6  # ID-1
    h: float = 54.0
    pad: float = 3.0
    title_h: float = 6.4  # title row, down to its rule
    row_h: float = 5.2
    label_w: float = 19.5
    second_x: float = 49.0  # the second label of a paired row (性別, 発効期日), from the card's text left
    second_label_w: float = 10.0

    @property
    def text_x(self) -> float:
        return self.x + self.pad

    @property
    def text_w(self) -> float:
        return self.w - 2 * self.pad

    def baseline(self, row: int) -> float:
        """Baseline of value row ``row`` (0 = 有効期限)."""
        return self.y + self.pad + self.title_h + 3.6 + row * self.row_h

    def mirrored(self, page_w: float) -> CardGeometry:
        """The same card seen from the back of the sheet (long-edge duplex: x mirrored)."""
        return replace(self, x=page_w - self.x - self.w)


ROWS = ("valid", "number", "name", "birth", "acquired", "ratio", "insurer_number", "insurer_name")


def _row(name: str) -> int:
    return ROWS.index(name)


def card_static(out: list[Primitive], overflow: list[Overflow], t: Template, ctx: dict[str, str], fonts: FontSet,
                card: CardGeometry, print_sex: bool) -> None:
    """The cut line, title, labels and the run's own values (交付年月日, insurer)."""
    x, y, w, h = card.x, card.y, card.w, card.h
    out.append(Rect(x, y, w, h, 0.6, dash=(3.0, 2.0)))
    out.append(Rect(x + 3.0, y - 1.8, 7.0, 3.6, 0.0, fill=1.0))  # a gap in the cut line for the mark
    out += scissors_mark(x + 3.5, y, 6.0)
    x0, tw = card.text_x, card.text_w
    ty = y + card.pad + 4.4
    kind = t.text("certificate.card.kind", ctx)
    out += place(x0 + 7.5, ty, kind, GOTHIC, 7.0, fonts)
    title_x = x0 + 7.5 + fonts.width_mm(kind, GOTHIC, 7.0) + 1.2
    out += place(title_x, ty, t.text("certificate.card.title", ctx), GOTHIC, 11.0, fonts)
    issued = f"{t.text('certificate.card.issued_label')} {ctx['issue_wareki']}"
    out += place(x0, ty, issued, GOTHIC, 6.5, fonts, align="right", width=tw)
    out.append(Line(x0, y + card.pad + card.title_h, x0 + tw, y + card.pad + card.title_h, 0.4))
    labels = {
        "valid": "certificate.card.valid_label",
        "name": "certificate.card.name_label",
        "birth": "certificate.card.birth_label",
        "acquired": "certificate.card.acquired_label",
        "insurer_number": "certificate.card.insurer_number_label",
        "insurer_name": "certificate.card.insurer_name_label",
    }
    for row, key in labels.items():
        out += place(x0, card.baseline(_row(row)), t.text(key), GOTHIC, LABEL_PT, fonts)
    if print_sex:
        out += place(x0 + card.second_x, card.baseline(_row("birth")), t.text("certificate.card.sex_label"),
                     GOTHIC, LABEL_PT, fonts)
    for row, value in (("insurer_number", ctx["insurer_number"]), ("insurer_name", ctx["insurer_name"])):
        _value(out, overflow, fonts, card, row, value, tw - card.label_w, f"card.{row}")
    # a thin rule above the insurer rows, which are the same on every card
    rule_y = card.baseline(_row("insurer_number")) - 3.4
    out.append(Line(x0, rule_y, x0 + tw, rule_y, 0.3))


def _value(out: list[Primitive], overflow: list[Overflow], fonts: FontSet, card: CardGeometry, row: str, text: str,
           width: float, zone: str, dx: float | None = None, size: float = VALUE_PT) -> None:
    if not text:
        return
    fit = fit_text(text, GOTHIC, size, VALUE_MIN_PT, width, fonts=fonts)
    if fit.overflow:
        overflow.append(Overflow(zone, text))
    x = card.text_x + (card.label_w if dx is None else dx)
    out += place(x, card.baseline(_row(row)), fit.lines[0], GOTHIC, fit.size, fonts)


def card_values(out: list[Primitive], overflow: list[Overflow], t: Template, fonts: FontSet, card: CardGeometry,
                member: Member, dates: CertificateDates, print_sex: bool) -> None:
    """The member's own values on the card."""
    tw, lw = card.text_w, card.label_w
    first_w = card.second_x - lw - 1.0  # a value left of a paired second label
    _value(out, overflow, fonts, card, "valid", _wareki(dates.valid_until), tw - lw, "card.valid", size=9.5)
    number = t.raw("certificate.card.number_line").format(kigo=member.kigo, bango=member.bango, edaban=member.edaban)
    _value(out, overflow, fonts, card, "number", number, tw, "card.number", dx=0.0, size=9.0)
    _value(out, overflow, fonts, card, "name", member.name, tw - lw, "card.name", size=10.0)
    birth = _wareki(member.birth_date) if member.birth_date else ""
    _value(out, overflow, fonts, card, "birth", birth, first_w if print_sex else tw - lw, "card.birth")
    if print_sex:
        second = card.second_x + card.second_label_w
        _value(out, overflow, fonts, card, "birth", member.sex, tw - second, "card.sex", dx=second)
    acquired = _wareki(member.acquired) if member.acquired else ""
    _value(out, overflow, fonts, card, "acquired", acquired, tw - lw, "card.acquired")
    y = card.baseline(_row("ratio"))
    if dates.elderly:
        out += place(card.text_x, y, t.text("certificate.card.ratio_label"), GOTHIC, LABEL_PT, fonts)
        _value(out, overflow, fonts, card, "ratio", member.burden_ratio, first_w, "card.ratio")
        out += place(card.text_x + card.second_x, y, t.text("certificate.card.effective_label"), GOTHIC,
                     LABEL_PT, fonts)
        second = card.second_x + card.second_label_w
        _value(out, overflow, fonts, card, "ratio", _wareki(dates.effective_from), tw - second, "card.effective",
               dx=second, size=8.0)
    else:
        under = t.text("certificate.card.ratio_under_70")
        if under:
            out += place(card.text_x, y, t.text("certificate.card.ratio_label"), GOTHIC, LABEL_PT, fonts)
            _value(out, overflow, fonts, card, "ratio", under, tw - lw, "card.ratio")


def back_card(out: list[Primitive], overflow: list[Overflow], t: Template, ctx: dict[str, str], fonts: FontSet,
              card: CardGeometry) -> None:
    """The organ-donation declaration in the card's area of the back page (already mirrored)."""
    out.append(Rect(card.x, card.y, card.w, card.h, 0.3, dash=(1.0, 2.0)))
    x0, tw = card.text_x, card.text_w
    y = card.y + card.pad + 3.4
    out += place(x0, y, t.text("certificate.back.card_title", ctx), GOTHIC, 8.5, fonts, align="center", width=tw)
    y += 4.6
    size = 6.5
    for key in ("card_intro", "choices", "organs_intro", "organs", "special"):
        for line in t.lines(f"certificate.back.{key}", ctx):
            hang = fonts.width_mm("1. ", MINCHO, size) if key == "choices" else 0.0
            runs, y = paragraph(x0, y, tw, line, MINCHO, size, fonts, leading=1.45, hanging=hang)
            out += runs
    y += 1.2
    out += place(x0, y, t.text("certificate.back.signed_on", ctx), MINCHO, size, fonts)
    y = max(y + size * 2.2 * MM_PER_PT, card.y + card.h - card.pad - 2.0)
    half = tw / 2
    out += place(x0, y, t.text("certificate.back.signature", ctx), MINCHO, size, fonts)
    out += place(x0 + half, y, t.text("certificate.back.family_signature", ctx), MINCHO, size, fonts)
    out.append(Line(x0, y + 1.0, x0 + tw, y + 1.0, 0.3))
    if y + 1.0 > card.y + card.h - 1.0:
        overflow.append(Overflow("back.card", "臓器提供意思表示欄が券面の裏に収まりません"))
