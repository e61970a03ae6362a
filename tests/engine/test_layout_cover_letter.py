"""The cover letter to the employer (別添1)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from print_engine.layout.cover_letter import layout_cover_letter
from print_engine.layout.fonts import FontSet
from print_engine.layout.samples import sample_shipment
from print_engine.layout.templates import load_template
from print_engine.layout.text import extent
from print_engine.model import Employer
from print_engine.profile.schema import RunProfile

ISSUE = date(2024, 8, 7)


def cover(shipment, variant: str = "initial", issue: date = ISSUE):
    p = RunProfile()
    profile = replace(p, run=replace(p.run, variant=variant))
    return layout_cover_letter(shipment, profile, issue, FontSet.load(), load_template("notice-2024", variant))


def test_one_page_addressed_dated_and_signed():
    [page] = cover(sample_shipment(4))
    assert page.kind == "cover" and not page.overflow
    lines = [r.text for r in page.text_runs()]
    assert "株式会社東京都電機健保" in lines and "事業主 様" in lines
    assert "令和6年8月7日" in lines
    assert "東京都電機健康保険組合" in lines
    assert "「加入者情報（個人番号下4桁）」の送付について" in lines


def test_ki_section_uses_this_shipment_and_the_run_dates():
    small = cover(sample_shipment(4))[0].text()
    assert "①【封筒】" in small and "（4通）" in small
    assert "被保険者の番号順に梱包" in small
    big = cover(sample_shipment(12, by_affiliation=True, affiliations=2))[0].text()
    assert "①【段ボール】" in big and "（12通）" in big
    assert "所属コードごとに、被保険者の番号順に梱包" in big
    for date_text in ("令和6年6月30日現在", "令和6年7月1日から令和6年8月7日までの間", "令和6年8月8日以降"):
        assert date_text in small


def test_the_date_follows_the_issue_date_in_wareki():
    [page] = cover(sample_shipment(2), issue=date(2024, 12, 20))
    assert "令和6年12月20日" in [r.text for r in page.text_runs()]


def test_new_members_letter_says_nothing_of_my_number():
    text = cover(sample_shipment(3), variant="new-members")[0].text()
    assert "個人番号" not in text and "マイナンバーの登録" not in text
    assert "令和6年7月1日から令和6年11月29日までに加入の届出があった方" in text


def test_static_part_is_shared_between_employers():
    from print_engine.output.render_context import RenderContext

    context = RenderContext(RunProfile(), ISSUE)
    a = context.cover(sample_shipment(3))[0]
    shipment = sample_shipment(3)
    shipment.employer = Employer(code="000999", name="別の株式会社")
    b = context.cover(shipment)[0]
    assert a.static_key == b.static_key and a.static is b.static  # built once per render context
    assert "別の株式会社" in b.text() and "別の株式会社" not in "".join(r.text for r in b.static if hasattr(r, "text"))
    alone = cover(shipment)[0]  # without a context: built anew, the same key for the same drawing
    assert alone.static_key == a.static_key and alone.static == a.static


def test_static_key_changes_with_what_the_static_part_draws():
    """Keys are digests of the drawing: a changed insurer can never reuse a stale static part."""
    p = RunProfile()
    other = replace(p, insurer=replace(p.insurer, name="別の健康保険組合"))
    a = cover(sample_shipment(3))[0]
    b = layout_cover_letter(sample_shipment(3), other, ISSUE, FontSet.load(), load_template("notice-2024", "initial"))[0]
    assert a.static_key != b.static_key


@pytest.mark.parametrize("variant", ["initial", "new-members", "reissue"])
def test_letter_fits_the_page_with_5mm_margins(variant):
    fonts = FontSet.load()
    [page] = cover(sample_shipment(40, by_affiliation=True), variant=variant)
    assert not page.overflow
    for p in page.primitives():
        left, top, right, bottom = extent(p, fonts)
        assert left >= 5.0 and top >= 5.0 and right <= 205.0 and bottom <= 292.0, p


def test_a_long_employer_name_shrinks_or_wraps_and_stays_on_the_page():
    shipment = sample_shipment(3)
    shipment.employer = Employer(code="1", name="株式会社" + "東京都電機健康保険組合関連" * 6)
    [page] = cover(shipment)
    assert not page.overflow
    runs = [r for r in page.variable if hasattr(r, "text") and "関連" in r.text]
    assert 1 <= len(runs) <= 2 and all(r.size_pt < 12.0 for r in runs)


def test_overflow_of_the_letter_and_of_the_employer_name_is_reported():
    import copy

    from print_engine.layout.templates import Template

    base = load_template()
    data = copy.deepcopy(base.data)
    data["cover"]["body"] = data["cover"]["body"] * 2
    wordy = Template(base.name, base.variant, data, "wordy")
    shipment = sample_shipment(3)
    shipment.employer = Employer(code="1", name="株式会社東京都電機健康保険組合関連" * 12)
    [page] = layout_cover_letter(shipment, RunProfile(), ISSUE, FontSet.load(), wordy)
    assert {o.zone for o in page.overflow} == {"cover", "cover.employer"}
