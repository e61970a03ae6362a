"""Texts that would be cut are reported by check, exactly as the layout would cut them (item 6)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from print_engine.check.overflow import field_capacities, overflow_warnings
from print_engine.output.render_context import RenderContext
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.schema import RunProfile

from .conftest import row

PROFILE = RunProfile()
ISSUE = date(2024, 8, 7)


def plan_of(path):
    return plan_run(load_members(path, PROFILE), PROFILE, ISSUE)


def cut_by_layout(plan, ctx) -> set[str]:
    """What laying out every page of the run cuts (the slow way)."""
    cut = set()
    for shipment in plan.shipments:
        pages = [ctx.notice(m, env, shipment) for env in shipment.envelopes for m in env.members]
        pages += ctx.target_list(shipment) + ctx.cover(shipment)
        cut |= {o.text for page in pages for o in page.overflow}
    return cut


def test_an_80_character_name_and_a_60_character_employer_name_are_warned(make_book):
    long_name, employer60 = "試" * 40 + " " + "験" * 39, "株式会社" + "東" * 56
    employer100 = "株式会社" + "西" * 96
    plan = plan_of(make_book([row(bango="1", name=long_name, name_e=employer60),
                              row(bango="2", name="健保 花子", name_e=employer60),
                              row(employer=2, bango="3", name="短い 名前", name_e=employer100),
                              row(employer=2, bango="4", name="長い 名前", name_e=employer100)]))
    warnings = overflow_warnings(plan)
    by_value = {}
    for w in warnings:
        by_value.setdefault(w.value, []).append(w)
    assert set(by_value) == {long_name, employer60, employer100}
    assert all(w.code == "TEXT_OVERFLOW" and w.sheet == "加入者" and not w.is_error for w in warnings)

    def documents(value):
        return {(w.row, w.column, w.message.split("（")[0]) for w in by_value[value]}

    assert documents(long_name) == {(2, "氏名", "お知らせ"), (2, "氏名", "対象者一覧")}
    # 60 characters still fit the window and the cover letter (smaller, on two lines), not the list's one line.
    assert documents(employer60) == {(2, "事業所名", "対象者一覧")}
    assert documents(employer100) == {(4, "事業所名", doc) for doc in ("お知らせ", "送付状", "対象者一覧")}
    assert "「…」で省略" in warnings[0].message
    notice = next(w for w in by_value[long_name] if w.message.startswith("お知らせ"))
    assert notice.message.startswith("お知らせ（窓の宛名・切り取り部分）の氏名が枠に収まりません")  # the table cell holds it


def test_check_reports_exactly_what_the_layout_cuts(make_book):
    """Random lengths around every field's capacity: the quick check misses nothing and adds nothing."""
    caps = field_capacities(RenderContext(PROFILE, ISSUE))
    rnd = random.Random(7)
    rows = []
    for i in range(40):
        n = rnd.randint(1, caps["name"] * 4)
        name = "".join(rnd.choice("山田花子ｱｲabcＷ髙﨑") for _ in range(n))
        kana = "ア" * rnd.randint(1, caps["kana"] * 3)
        kigo = str(rnd.randint(1, 10 ** rnd.randint(1, caps["kigo"] * 3)))
        employer_name = "株" * rnd.randint(caps["employer_name"] - 3, caps["employer_name"] * 2)
        kubun = "本人" if i % 3 else "家族"  # every third household has no insured: its window lists all names
        rows.append(row(employer=i % 4, bango=str(i // 2), edaban=f"{i % 2:02d}", kubun=kubun, name=name,
                        kana=kana, kigo=kigo, name_e=employer_name if i < 4 else None))
    plan = plan_of(make_book(rows))
    ctx = RenderContext(PROFILE, ISSUE)
    from print_engine.model import mask_mynumber_like

    expected = {mask_mynumber_like(text) for text in cut_by_layout(plan, ctx)}  # no problem holds 12 digits
    assert len(expected) > 5  # the data does overflow, in several places
    reported = {w.value for w in overflow_warnings(plan, ctx)}
    # A warning names the workbook's value; the page records the text it cut ("name 様", a list cell).
    assert all(any(v in text for v in reported) for text in expected), "a cut text is not reported"
    assert all(any(v in text for text in expected) for v in reported), "a value is reported that is not cut"


@pytest.mark.parametrize("field", ["name", "kana", "employer_name"])
def test_a_value_at_its_capacity_is_not_warned_and_one_above_may_be(make_book, field):
    caps = field_capacities(RenderContext(PROFILE, ISSUE))
    fits = "国" * caps[field]
    kw = {"name_e": fits} if field == "employer_name" else {field: fits}
    assert overflow_warnings(plan_of(make_book([row(**kw)]))) == []
