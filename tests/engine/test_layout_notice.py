"""The notice page: zones, window block, strip ③, frame ②, overflow, static/variable split."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from print_engine.layout.fonts import FontSet
from print_engine.layout.notice import GEOMETRY, layout_notice
from print_engine.layout.primitives import Line, Page, Rect, TextRun
from print_engine.layout.samples import SAMPLE_EMPLOYER, sample_envelope, sample_member
from print_engine.layout.templates import load_template
from print_engine.layout.text import extent
from print_engine.profile.schema import EnvelopeWindow, RunProfile

ISSUE = date(2024, 8, 7)
IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.load()


def profile_with(variant: str = "initial", **notice: object) -> RunProfile:
    p = RunProfile()
    return replace(p, run=replace(p.run, variant=variant), notice=replace(p.notice, **notice))


def notice(member=None, envelope=None, profile=None, fonts=None) -> Page:
    profile = profile or RunProfile()
    member = member or sample_member()
    template = load_template(profile.notice.template, profile.run.variant)
    return layout_notice(member, envelope, SAMPLE_EMPLOYER, profile, ISSUE, fonts or FontSet.load(), template)


def title_y(page: Page) -> float:
    return next(r.y for r in page.static if isinstance(r, TextRun) and r.text == "資格情報のお知らせ" and r.size_pt >= 14)


def window_runs(page: Page) -> list[TextRun]:
    """The window block: the member-specific runs above the title."""
    top = title_y(page)
    return [r for r in page.variable if isinstance(r, TextRun) and r.y < top]


def sample_pages() -> list[Page]:
    family = sample_envelope(dependents=3)
    abroad = sample_envelope(with_insured=False, dependents=3)
    return [
        notice(family.members[0], family),
        notice(family.members[2], family),
        notice(abroad.members[0], abroad),
        notice(profile=profile_with("new-members")),
        notice(profile=profile_with(show_birth_date=True, show_burden_ratio=True, show_kana_on_strip=True)),
        notice(sample_member("ウィリアムズ・ジョンソン クリストファー・アレクサンダー・エドワード")),
    ]


def test_geometry_is_one_clearly_named_place():
    g = GEOMETRY
    assert (g.strip_w, g.strip_h) == (85.6, 54.0)  # ID-1 card
    assert g.strip_y >= 297 * 2 / 3  # no fold of the sheet folded in three crosses the card
    assert g.strip_x >= g.edge and g.frame2_x + g.frame2_w <= 210 - g.edge


def test_nothing_is_printed_within_5mm_of_the_paper_edge(fonts):
    for page in sample_pages():
        for p in page.primitives():
            left, top, right, bottom = extent(p, fonts)
            assert left >= 5.0 and top >= 5.0 and right <= 205.0 and bottom <= 292.0, p


@pytest.mark.parametrize("window", [EnvelopeWindow(), EnvelopeWindow(25.0, 15.0, 80.0, 38.0),
                                    EnvelopeWindow(15.0, 10.0, 95.0, 48.0)])
def test_window_block_lies_inside_the_window_with_a_margin(fonts, window):
    profile = replace(RunProfile(), envelope=window)
    abroad = sample_envelope(with_insured=False, dependents=3)
    for page in (notice(profile=profile), notice(abroad.members[0], abroad, profile=profile)):
        runs = window_runs(page)
        assert len(runs) >= 4
        for r in runs:
            left, top, right, bottom = extent(r, fonts)
            assert left >= window.window_left_mm + 3.0 - 1e-6
            assert top >= window.window_top_mm + 3.0 - 1e-6
            assert right <= window.window_left_mm + window.window_width_mm - 3.0 + 1e-6
            assert bottom <= window.window_top_mm + window.window_height_mm - 3.0 + 1e-6
        assert not [o for o in page.overflow if o.zone.startswith("window")]


def test_window_block_names_the_member_with_number_and_employer():
    family = sample_envelope()
    texts = [r.text for r in window_runs(notice(family.members[1], family))]
    assert texts == ["1234-12345678-01", "ご本人様", "健保 花子 様", "株式会社東京都電機健保"]


def test_first_notice_without_the_insured_lists_the_other_addressees_and_the_insured():
    abroad = sample_envelope(with_insured=False, dependents=3)
    first = " ".join(r.text for r in window_runs(notice(abroad.members[0], abroad)))
    assert "健保 花子 様" in first and "健保 一郎 様" in first and "健保 次郎 様" in first
    assert "被保険者 健保 太郎 様" in first
    second = " ".join(r.text for r in window_runs(notice(abroad.members[1], abroad)))
    assert "健保 一郎 様" in second and "健保 花子" not in second and "被保険者" not in second


def test_title_lead_and_as_of_date():
    text = notice().text()
    assert "資格情報のお知らせ" in text
    assert "（令和6年6月30日時点）" in text
    assert "なお、このお知らせのみでは受診できません。" in text


def test_frame1_holds_the_qualification_in_wareki_with_masked_burden_ratio():
    page = notice()
    variable = [r.text for r in page.variable if isinstance(r, TextRun)]
    for value in ("1234", "12345678", "00", "健保 太郎", "ケンポ タロウ", "平成10年8月1日"):
        assert value in variable
    static = [r.text for r in page.static if isinstance(r, TextRun)]
    assert static.count("****") == 2  # 負担割合 in frame ① and on the strip
    assert "東京都電機健康保険組合" in static
    assert "3割" not in page.text() and "生年月日" not in page.text()


def test_profile_switches_show_burden_birth_date_and_kana_on_strip():
    page = notice(profile=profile_with(show_burden_ratio=True, show_birth_date=True, show_kana_on_strip=True))
    variable = [r.text for r in page.variable if isinstance(r, TextRun)]
    assert variable.count("3割") == 2 and "昭和50年4月12日" in variable
    assert variable.count("ケンポ タロウ") == 2  # frame ① and the strip
    assert "****" not in [r.text for r in page.static if isinstance(r, TextRun)]


def test_strip_is_card_sized_framed_by_a_dashed_cut_line_with_its_content(fonts):
    page = notice()
    [cut] = [p for p in page.static if isinstance(p, Rect) and p.dash]
    assert (cut.w, cut.h) == (85.6, 54.0)
    inside = [r for r in page.text_runs() if cut.x < r.x < cut.x + cut.w and cut.y < r.y < cut.y + cut.h]
    for r in inside:
        left, top, right, bottom = extent(r, fonts)
        assert left >= cut.x + 2.0 and right <= cut.x + cut.w - 2.0 and top >= cut.y + 2.0
        assert bottom <= cut.y + cut.h - 2.0
    strip = " ".join(r.text for r in inside)
    for part in ("資格情報のお知らせ", "令和6年8月7日発行", "東京都電機健康保険組合", "保険者番号：06134803",
                 "記号 1234　番号 12345678　(枝番) 00", "健保 太郎", "****", "受診の際はマイナ保険証が合わせて必要です"):
        assert part in strip
    below = [r.text for r in page.text_runs() if cut.y + cut.h < r.y < cut.y + cut.h + 12.0 and r.x < cut.x + cut.w]
    assert below == ["上を切り取ってご利用いただくこともできます", "(このお知らせのみでは受診できません)"]


def test_frame2_prints_only_the_last_four_digits():
    page = notice(sample_member(mynumber4="1234"))
    assert "**** **** 1234" in [r.text for r in page.variable if isinstance(r, TextRun)]
    assert "12桁のうち下4桁のみ表示" in page.text()
    # Even if a longer value reached the layout, only four digits are printed.
    page = notice(sample_member(mynumber4="98761234"))
    assert "**** **** 1234" in page.text() and "9876" not in page.text()


def test_new_members_variant_has_no_my_number_frame():
    page = notice(profile=profile_with("new-members"))
    text = page.text()
    assert not re.search(r"\*{4} \*{4}", text)
    assert "マイナンバー" not in text and "個人番号" not in text
    assert not [p for p in page.static if isinstance(p, Rect) and p.x == GEOMETRY.frame2_x]


def test_reissue_prints_frame2_only_for_a_member_with_a_my_number():
    profile = profile_with("reissue")
    assert "**** **** 1234" in notice(sample_member(mynumber4="1234"), profile=profile).text()
    assert "個人番号" not in notice(sample_member(mynumber4=""), profile=profile).text()


def test_long_names_shrink_then_wrap_then_report_overflow():
    def name_runs(page: Page, name_part: str) -> list[TextRun]:
        top = title_y(page)
        return [r for r in page.variable if isinstance(r, TextRun) and r.y > top and name_part in r.text
                and r.y < GEOMETRY.strip_y]

    normal = name_runs(notice(), "健保 太郎")
    assert [r.size_pt for r in normal] == [12.0]

    page = notice(sample_member("長谷川 左衛門三郎兵衛太郎次郎吉右衛門之助"))  # 21 em: too wide for the strip
    [table, strip] = sorted(name_runs(page, "長谷川") + [r for r in page.variable if isinstance(r, TextRun)
                                                   and r.y > GEOMETRY.strip_y and "長谷川" in r.text], key=lambda r: r.y)
    assert table.size_pt == 12.0 and 7.0 <= strip.size_pt < 11.0
    page = notice(sample_member("長谷川 左衛門三郎兵衛太郎次郎吉右衛門之助" * 2))  # 42 em: too wide for frame ①
    [table] = name_runs(page, "長谷川")
    assert 8.0 <= table.size_pt < 12.0 and not page.overflow  # the strip wraps it in two lines
    strip = [r for r in page.variable if isinstance(r, TextRun) and r.y > GEOMETRY.strip_y and "衛門" in r.text]
    assert len(strip) == 2

    long_name = "ウィリアムズ・ジョンソン・スミス・ブラウン・テイラー クリストファー・アレクサンダー・エドワード・ジョージ・ヘンリー"
    page = notice(sample_member(long_name))
    wrapped = [r for r in page.variable if isinstance(r, TextRun) and r.text.startswith(("ウィリアムズ", "クリストファー"))
               and title_y(page) < r.y < GEOMETRY.strip_y]
    assert len(wrapped) == 2 and not [o for o in page.overflow if o.zone == "table.name"]

    page = notice(sample_member("寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処" * 3))
    zones = {o.zone for o in page.overflow}
    assert {"table.name", "strip.name"} <= zones


def test_no_text_overlaps_text_or_rules(fonts):
    for page in sample_pages():
        runs = page.text_runs()
        boxes = [extent(r, fonts) for r in runs]
        for i, a in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                b = boxes[j]
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert overlap_x <= 0.05 or overlap_y <= 0.05, (runs[i], runs[j])
        segments = []
        for p in page.primitives():
            if isinstance(p, Line):
                segments.append((p.x1, p.y1, p.x2, p.y2))
            elif isinstance(p, Rect) and p.width_pt > 0:
                segments += [(p.x, p.y, p.x + p.w, p.y), (p.x, p.y + p.h, p.x + p.w, p.y + p.h),
                             (p.x, p.y, p.x, p.y + p.h), (p.x + p.w, p.y, p.x + p.w, p.y + p.h)]
        for r, (left, top, right, bottom) in zip(runs, boxes):
            for x1, y1, x2, y2 in segments:
                if y1 == y2:
                    assert not (top + 0.1 < y1 < bottom - 0.1 and min(x1, x2) < right and max(x1, x2) > left), r
                elif x1 == x2:
                    assert not (left + 0.1 < x1 < right - 0.1 and min(y1, y2) < bottom and max(y1, y2) > top), r


def test_static_part_is_shared_and_holds_no_member_data():
    family = sample_envelope()
    a, b = notice(family.members[0], family), notice(family.members[1], family)
    assert a.static_key == b.static_key and a.static == b.static
    from print_engine.layout.samples import SAMPLE_EMPLOYER as employer
    from print_engine.model import Shipment
    from print_engine.output.render_context import RenderContext

    context, shipment = RenderContext(RunProfile(), ISSUE), Shipment(employer, [family])
    first, second = (context.notice(m, family, shipment) for m in family.members[:2])
    assert first.static is second.static and first.static_key == a.static_key  # built once per context
    assert a.static_key.startswith("notice:initial:")
    static_text = "\n".join(r.text for r in a.static if isinstance(r, TextRun))
    for member_value in ("健保 太郎", "健保 花子", "12345678", "1234-12345678", "平成10年8月1日"):
        assert member_value not in static_text
    assert notice(profile=profile_with("new-members")).static_key != a.static_key
    assert notice(profile=profile_with(show_burden_ratio=True)).static_key != a.static_key


def test_every_character_on_the_page_is_drawable(fonts):
    for page in sample_pages():
        assert fonts.missing_chars(page.text()) == set()


@pytest.mark.skipif(not IPAMJ.is_file(), reason="IPAmj Mincho is not installed")
def test_gaiji_in_a_name_is_drawn_by_the_profiles_fallback_font():
    fonts = FontSet.load([IPAMJ])
    page = notice(sample_member("𠮷田 太郎"), fonts=fonts)
    fallback_runs = [r for r in page.variable if isinstance(r, TextRun) and r.font == "fallback1-ipamjm"]
    assert {r.text for r in fallback_runs} == {"𠮷"}
    assert len(fallback_runs) == 3  # window block, frame ① and the strip


def test_a_crowded_window_block_shrinks_to_fit_and_reports_what_cannot(fonts):
    abroad = sample_envelope(with_insured=False, dependents=3)
    for i, m in enumerate(abroad.members):
        m.name = f"ウィリアムズ・ジョンソン クリストファー{i}"
    page = notice(abroad.members[0], abroad)
    window = RunProfile().envelope
    assert not page.overflow
    for r in window_runs(page):
        assert extent(r, fonts)[3] <= window.window_top_mm + window.window_height_mm - 3.0 + 1e-6
    tiny = replace(RunProfile(), envelope=EnvelopeWindow(20.0, 12.0, 60.0, 18.0))
    page = notice(abroad.members[0], abroad, profile=tiny)
    assert "window" in {o.zone for o in page.overflow}


def test_empty_values_leave_their_cell_blank():
    member = sample_member(kana="")
    member.acquired = None
    variable = [r.text for r in notice(member).variable if isinstance(r, TextRun)]
    assert "ケンポ タロウ" not in variable and "平成10年8月1日" not in variable


def test_wording_too_long_for_the_page_is_reported():
    import copy

    from print_engine.layout.templates import Template

    base = load_template()
    data = copy.deepcopy(base.data)
    data["notice"]["clinic"]["body"] *= 6
    data["notice"]["mynumber"]["body"] = data["notice"]["mynumber"]["body"] * 3
    wordy = Template(base.name, base.variant, data, "wordy")
    page = layout_notice(sample_member(), None, SAMPLE_EMPLOYER, RunProfile(), ISSUE, FontSet.load(), wordy)
    assert {"body", "mynumber.body"} <= {o.zone for o in page.overflow}
