"""Texts that do not fit their frame: warnings before anything is printed.

The layout shrinks a text down to its template's minimum size, then wraps
it, and as a last resort cuts it with 「…」 and records an
:class:`~print_engine.layout.primitives.Overflow` on the page. This module
turns those into warnings naming the sheet, the row, the field and the
document, without drawing anything and without laying out the whole run
(a run of 100,000 notices takes seconds to lay out; ``check`` must not).

How: once per run, each member field that can run long (氏名, フリガナ,
記号・番号・枝番, 所属コード, 事業所名) is *probed*: a synthetic notice, list
and cover letter are laid out with the field set to ``国`` × k, and the
largest k that still prints on one line, whole, wherever the field appears
is that field's capacity in em. A glyph of the bundled fonts is at most one
em wide, so a value of at most that many em fits everywhere — the common
case is decided by ``len()``. Only the rest (and the few windows that list
several names: envelopes without the insured, letters mailed home) are laid
out for real, and what their pages record is reported. So a warning is
exactly what the print would cut, and nothing is measured twice (values
are measured once per distinct text).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from print_engine.layout.fonts import GOTHIC, MINCHO
from print_engine.layout.primitives import Overflow, Page, TextRun
from print_engine.layout.samples import sample_member
from print_engine.layout.target_list import _addressees
from print_engine.model import Employer, Envelope, Member, Problem, Severity, Shipment
from print_engine.output.render_context import RenderContext
from print_engine.plan.run import RunPlan
from print_engine.read.columns import label_of

PROBE = "〓"  # a full-width glyph (one em) that no template's wording uses
_MAX_PROBE = 512
DOCUMENTS = {"notice": "お知らせ", "list": "対象者一覧", "cover": "送付状"}
# The member field an overflow zone shows ("table.name" → name, "list.names" → name …).
_ZONE_FIELDS = {
    "name": "name", "others": "name", "insured": "name", "names": "name", "kana": "kana",
    "kigo": "kigo", "bango": "bango", "edaban": "edaban", "number": "kigo",
    "affiliation": "affiliation", "employer": "employer_name",
    "address": "address",  # the address block of an envelope mailed home (direct-mail.md)
}
_FIELD_LABELS = {"number": "記号・番号・枝番"}


def _probe_shipment(member: Member, employer_name: str) -> tuple[Envelope, Shipment]:
    envelope = Envelope(member.employer_code, member.affiliation, member.kigo, member.bango, [member], member)
    employer = Employer(code=member.employer_code, name=employer_name)
    return envelope, Shipment(employer, [envelope])


def _drawn_whole(ctx: RenderContext, field: str, k: int) -> int:
    """``PROBE`` × k in ``field``: how many places print it whole on one line (-1: some place cuts it)."""
    value = PROBE * k
    values = {"name": "健保 太郎", "kana": "ケンポ タロウ", "kigo": "1", "bango": "1", "edaban": "1",
              "affiliation": "1"}
    employer_name = "株式会社"
    if field == "employer_name":
        employer_name = value
    elif field == "list_names":  # the list's 宛名 cell alone (it lists every name of an envelope without insured)
        values["name"] = value
    elif field == "number":  # 記号, 番号 and 枝番 together: they share a line on the strip and in the window
        values.update(kigo=value, bango=value, edaban=value)
    else:
        values[field] = value
    member = replace(sample_member(values["name"], values["kana"], values["edaban"], kigo=values["kigo"],
                                   bango=values["bango"], affiliation=values["affiliation"]),
                     employer_name=employer_name)
    envelope, shipment = _probe_shipment(member, employer_name)
    pages = [*ctx.target_list(shipment)]
    if field != "list_names":
        pages.append(ctx.notice(member, envelope, shipment))
    if field == "employer_name":
        pages += ctx.cover(shipment)
    for page in pages:
        if any(_member_zone(o) for o in page.overflow):
            return -1
    # A value wrapped onto two lines is split over runs: no run holds it whole.
    return sum(value in r.text for page in pages for r in page.variable if r.__class__ is TextRun)


def _member_zone(o: Overflow) -> bool:
    return o.zone.rsplit(".", 1)[-1] in _ZONE_FIELDS or o.zone == "window"


def field_capacities(ctx: RenderContext) -> dict[str, int]:
    """Field → how many em of it always fit (one line at most, in every document)."""
    out = {}
    for field in ("name", "kana", "kigo", "bango", "edaban", "number", "affiliation", "employer_name", "list_names"):
        places = _drawn_whole(ctx, field, 1)  # every place that draws the field, each on one line

        def fits(k: int) -> bool:
            return _drawn_whole(ctx, field, k) >= places

        lo, hi = 1, 8  # lo fits; hi does not, once found (doubling, then halving)
        while hi < _MAX_PROBE and fits(hi):
            lo, hi = hi, hi * 2
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if fits(mid) else (lo, mid)
        out[field] = lo if places > 0 else _MAX_PROBE
    out["number"] *= 3  # the three codes together
    return out


class _Em:
    """Whether a text is wider than some em: decided by ``len`` when it can be, else measured once per text."""

    def __init__(self, ctx: RenderContext):
        self.fonts = ctx.fonts
        # No glyph of the run's fonts is wider than this (IPAex Mincho has a few of 1.04 em).
        faces = ctx.fonts.faces.values()
        self.widest = max(max(f.widths.values(), default=1000.0) for f in faces) / 1000.0
        self.widest_digit = max(f.widths.get(c, f.default_width) for f in faces for c in range(0x30, 0x3A)) / 1000.0
        self.cache: dict[str, float] = {}

    def over(self, text: str, capacity: float) -> bool:
        if len(text) * self.widest <= capacity:
            return False
        em = self.cache.get(text)
        if em is None:
            em = self.cache[text] = max(self.fonts.width_pt(text, GOTHIC, 1.0), self.fonts.width_pt(text, MINCHO, 1.0))
        return em > capacity


def overflow_warnings(plan: RunPlan, ctx: RenderContext | None = None) -> list[Problem]:
    """One warning per text that the run's notices, lists or cover letters would cut.

    Args:
        plan: the run (its shipments are what will be printed).
        ctx: the run's render context (made from the plan's profile when omitted).
    """
    if ctx is None:
        ctx = RenderContext(plan.profile, plan.issue_date)
    if not plan.shipments:
        return []
    cap = field_capacities(ctx)
    em = _Em(ctx)
    labels = plan.loaded.labels
    found: dict[tuple, tuple[_Cut, list[str]]] = {}  # one warning per document, row (or employer) and field

    def report(pages: Iterable[Page], member: Member, shipment: Shipment) -> None:
        for page in pages:
            for o in page.overflow:
                cut = _cut(o, page.kind, member, shipment.employer.name, labels)
                if cut is not None:
                    owner = shipment.employer.code if cut.field == "employer_name" else member.row
                    entry = found.setdefault((page.kind, owner, cut.column), (cut, []))
                    if cut.part not in entry[1]:
                        entry[1].append(cut.part)

    # A value of at most this many characters fits wherever it appears (len × the widest glyph).
    short_name, short_kana, short_affiliation = (cap[f] / em.widest for f in ("name", "kana", "affiliation"))
    cap_kigo, cap_bango, cap_edaban, cap_number = (cap[f] for f in ("kigo", "bango", "edaban", "number"))
    digit_w = em.widest_digit
    for shipment in plan.shipments:
        employer_long = em.over(shipment.employer.name, cap["employer_name"])
        listed: list[Envelope] = []  # the envelopes whose list row may be cut
        for env in shipment.envelopes:
            if not env.members:
                continue
            several = not env.has_insured or env.recipient is not None  # the window lists more than one name
            if several and em.over(_addressees(env, ctx.template), cap["list_names"]):
                listed.append(env)
            for i, m in enumerate(env.members):
                kigo, bango, edaban = m.kigo, m.bango, m.edaban
                w = digit_w if (kigo + bango + edaban).isdigit() else em.widest
                if (len(m.name) <= short_name and len(m.kana) <= short_kana and len(kigo) * w <= cap_kigo
                        and len(bango) * w <= cap_bango and len(edaban) * w <= cap_edaban
                        and (len(kigo) + len(bango) + len(edaban)) * w <= cap_number
                        and len(m.affiliation) <= short_affiliation and not (i == 0 and several)
                        and not employer_long):
                    continue  # the common case: every value is short enough to fit anywhere
                long_value = (em.over(m.name, cap["name"]) or em.over(m.kana, cap["kana"])
                              or em.over(m.kigo, cap["kigo"]) or em.over(m.bango, cap["bango"])
                              or em.over(m.edaban, cap["edaban"]) or em.over(m.affiliation, cap["affiliation"])
                              or em.over(m.kigo + m.bango + m.edaban, cap["number"]))
                if long_value or (i == 0 and several) or (employer_long and m is shipment.envelopes[0].members[0]):
                    report([ctx.notice(m, env, shipment)], m, shipment)
                if long_value and (not listed or listed[-1] is not env):
                    listed.append(env)
        head = shipment.envelopes[0].members[0]
        if employer_long and not listed:
            listed.append(shipment.envelopes[0])
        if listed:
            # Each row of the list is fitted on its own: a list of just these rows cuts what the full one would.
            rows = Shipment(shipment.employer, listed, False, shipment.container)
            for page in ctx.target_list(rows):
                for o in page.overflow:
                    report([_only(page, o)], _member_of(rows, o) or head, shipment)
        if employer_long:
            report(ctx.cover(shipment), head, shipment)
    problems = [cut.problem(parts) for cut, parts in found.values()]
    return sorted(problems, key=lambda p: (p.row or 0, p.column, p.message))


def _only(page: Page, o: Overflow) -> Page:
    return replace(page, overflow=(o,))


def _member_of(shipment: Shipment, o: Overflow) -> Member | None:
    """The member whose value a list row's overflow is (its name, codes or affiliation)."""
    for env in shipment.envelopes:
        for m in env.members:
            if o.text in (m.name, m.kigo, m.bango, m.affiliation) or (m.name and m.name in o.text):
                return m
    return None


_PARTS = {"window": "窓の宛名", "table": "記載事項", "strip": "切り取り部分", "list": "一覧表", "cover": "宛名"}


@dataclass(frozen=True, slots=True)
class _Cut:
    """One cut value: where (document, part), whose (member row) and which field."""

    document: str
    part: str
    field: str
    column: str
    member: Member
    value: str

    def problem(self, parts: list[str]) -> Problem:
        return Problem(
            Severity.WARNING, "TEXT_OVERFLOW",
            f"{self.document}（{'・'.join(parts)}）の{self.column}が枠に収まりません。最小の文字の大きさでも"
            "入らないため、末尾を「…」で省略して印刷します。短い表記に直すか、様式の枠と文字の大きさを見直してください。",
            self.member.sheet, self.member.row, self.column, self.value)


def _cut(o: Overflow, kind: str, member: Member, employer_name: str, labels: dict[str, str]) -> _Cut | None:
    last = o.zone.rsplit(".", 1)[-1]
    if o.zone == "window":
        field, column = "name", "窓の宛名"
    elif last in _ZONE_FIELDS:
        field = _ZONE_FIELDS[last]
        column = _FIELD_LABELS.get(last) or labels.get(field, label_of(field))
    else:
        return None  # the template's own wording or the profile's insurer data: not a workbook value
    own = employer_name if field == "employer_name" else "" if last == "number" else getattr(member, field)
    return _Cut(DOCUMENTS.get(kind, kind), _PARTS.get(o.zone.split(".", 1)[0], ""), field, column, member,
                own if own and own in o.text else o.text)
