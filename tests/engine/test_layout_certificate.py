"""The 資格確認書 page: window block, card, 70–74 rows, back page, edges, overflow."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from print_engine.layout.certificate import (
    CERTIFICATE_BACK_PAGE,
    CertificateLayouter,
    CERTIFICATE_PAGE,
    _card_geometry,
    layout_certificate,
    load_certificate_template,
)
from print_engine.layout.fonts import FontSet
from print_engine.layout.primitives import Line, Page, Rect, TextRun
from print_engine.layout.samples import SAMPLE_EMPLOYER, sample_envelope, sample_member
from print_engine.layout.templates import Template, TemplateError
from print_engine.layout.text import extent
from print_engine.plan.certificate_dates import certificate_dates
from print_engine.profile.schema import CertificateSettings, IssueSettings, RunProfile

ISSUE = date(2025, 12, 1)
VALID = date(2030, 11, 30)


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.load()


def profile_with(**certificate) -> RunProfile:
    settings = replace(CertificateSettings(valid_until=VALID), **certificate)
    p = RunProfile(issue=IssueSettings("certificate"), certificate=settings)
    return replace(p, run=replace(p.run, issue_date=ISSUE))


def elderly_member(**kw):
    m = sample_member(**kw)
    m.birth_date, m.sex, m.burden_ratio = date(1954, 3, 1), "男", "2割"
    return m


def pages_of(member=None, envelope=None, profile=None, fonts=None) -> list[Page]:
    profile = profile or profile_with()
    member = member or elderly_member()
    if not member.sex:
        member.sex = "女"
    dates = certificate_dates(ISSUE, profile.certificate.valid_until, member.birth_date, acquired=member.acquired)
    return layout_certificate(member, dates, envelope, SAMPLE_EMPLOYER, profile, ISSUE, fonts or FontSet.load())


def card_rect(page: Page) -> Rect:
    (rect,) = [p for p in page.static if isinstance(p, Rect) and abs(p.w - 85.6) < 1e-9 and abs(p.h - 54.0) < 1e-9]
    return rect


def card_text(page: Page) -> str:
    r = card_rect(page)
    return "\n".join(t.text for t in page.text_runs() if r.x <= t.x <= r.x + r.w and r.y <= t.y <= r.y + r.h)


def test_the_card_carries_every_item_of_the_contract():
    (page,) = pages_of()
    text = card_text(page)
    for expected in ("資格確認書", "交付年月日 令和7年12月1日", "有効期限", "令和11年2月28日",  # capped at 75
                     "記号 1234　番号 12345678　(枝番) 00", "健保 太郎", "生年月日", "昭和29年3月1日", "性別", "男",
                     "資格取得年月日", "平成10年8月1日", "保険者番号", "06134803", "保険者名称", "東京都電機健康保険組合",
                     "一部負担金の割合", "2割", "発効期日", "令和6年3月1日"):
        assert expected in text, expected
    assert page.kind == CERTIFICATE_PAGE and page.overflow == ()


def test_under_70_no_share_of_cost_unless_the_template_says_so():
    member = sample_member()  # born 1975
    (page,) = pages_of(member)
    text = card_text(page)
    assert "一部負担金の割合" not in text and "発効期日" not in text and "3割" not in text
    assert "令和12年11月30日" in text  # the profile's date


def test_print_sex_off_leaves_sex_out():
    (page,) = pages_of(profile=profile_with(print_sex=False))
    assert "性別" not in card_text(page)


def test_the_card_is_id1_with_a_dashed_cut_line():
    (page,) = pages_of()
    rect = card_rect(page)
    assert rect.dash is not None and (rect.x, rect.y) == (12.0, 217.0)


def test_back_page_lies_exactly_behind_the_card_for_long_edge_duplex():
    front, back = pages_of(profile=profile_with(back_side=True))
    assert back.kind == CERTIFICATE_BACK_PAGE and back.variable == ()
    f, b = card_rect(front), card_rect(back)
    assert (b.y, b.w, b.h) == (f.y, f.w, f.h)
    assert b.x == pytest.approx(210.0 - f.x - f.w)
    text = card_text(back)
    assert "臓器提供に関する意思表示欄" in text and "本人署名（自筆）：" in text
    assert back.overflow == ()


def test_without_back_side_one_page():
    assert len(pages_of(profile=profile_with(back_side=False))) == 1


def all_pages() -> list[Page]:
    family = sample_envelope(with_insured=False, dependents=3)
    for m in family.members:
        m.sex = "女"
    return [*pages_of(profile=profile_with(back_side=True)), *pages_of(family.members[0], family),
            *pages_of(sample_member())]


def test_nothing_is_printed_within_5mm_of_the_edge(fonts):
    for page in all_pages():
        for p in page.primitives():
            left, top, right, bottom = extent(p, fonts)
            assert left >= 5.0 and top >= 5.0 and right <= 205.0 and bottom <= 292.0, p


def test_window_block_lies_inside_the_window_and_names_the_other_addressees(fonts):
    family = sample_envelope(with_insured=False, dependents=3)
    (page,) = pages_of(family.members[0], family)
    win = RunProfile().envelope
    runs = [r for r in page.variable if isinstance(r, TextRun) and r.y < 60]
    assert "健保 一郎 様　健保 次郎 様" in "\n".join(r.text for r in runs)
    assert "被保険者 健保 太郎 様" in "\n".join(r.text for r in runs)
    for r in runs:
        left, top, right, bottom = extent(r, fonts)
        assert win.window_left_mm + 3.0 - 1e-6 <= left and right <= win.window_left_mm + win.window_width_mm - 3.0
        assert win.window_top_mm + 3.0 - 1e-6 <= top and bottom <= win.window_top_mm + win.window_height_mm - 3.0


def test_every_character_is_drawable(fonts):
    for page in all_pages():
        for run in page.text_runs():
            assert not fonts.missing_chars(run.text), run.text


def test_no_text_overlaps_text(fonts):
    for page in all_pages():
        runs = page.text_runs()
        boxes = [extent(r, fonts) for r in runs]
        for i, a in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                b = boxes[j]
                overlap = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
                assert overlap[0] <= 0.05 or overlap[1] <= 0.05, (runs[i], runs[j])


def test_static_part_is_shared_and_holds_no_member_data(fonts):
    profile = profile_with()
    layouter = CertificateLayouter(profile, ISSUE, fonts, load_certificate_template())
    one, other = elderly_member(), sample_member("別人 花子", edaban="01")
    other.sex = "女"
    a = [layouter.layout(m, certificate_dates(ISSUE, VALID, m.birth_date)) for m in (one, other)]
    b = pages_of(elderly_member(), fonts=fonts)
    assert a[0][0].static is a[1][0].static and a[0][0].static_key == b[0].static_key
    static_text = "\n".join(p.text for p in a[0][0].static if isinstance(p, TextRun))
    assert "健保 太郎" not in static_text and "1234-12345678" not in static_text


def test_a_long_name_is_reported_not_clipped():
    (page,) = pages_of(elderly_member(name="寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末" * 2))
    zones = {o.zone for o in page.overflow}
    assert "card.name" in zones


def test_a_card_position_near_the_edge_is_a_template_error():
    t = load_certificate_template()
    data = dict(t.data, certificate=dict(t.data["certificate"], card=dict(t.data["certificate"]["card"], x_mm=2.0)))
    from print_engine.layout.certificate import GEOMETRY
    with pytest.raises(TemplateError, match="5 mm"):
        _card_geometry(Template(t.name, t.variant, data, t.digest), GEOMETRY)


def test_the_card_lies_below_the_second_fold():
    (page,) = pages_of()
    assert card_rect(page).y > 297 * 2 / 3
    rules = [p for p in page.static if isinstance(p, Line)]
    assert rules  # the title rule and the insurer rule inside the card
