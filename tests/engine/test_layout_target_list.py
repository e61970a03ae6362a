"""The target list (別添2): rows, remarks, pagination, sub-totals and total."""

from __future__ import annotations

import math
import re
from datetime import date

from print_engine.layout.fonts import FontSet
from print_engine.layout.primitives import TextRun
from print_engine.layout.samples import sample_envelope, sample_shipment
from print_engine.layout.target_list import LIST, layout_target_list
from print_engine.layout.templates import load_template
from print_engine.layout.text import extent
from print_engine.model import RETURN, Shipment
from print_engine.profile.schema import RunProfile

ISSUE = date(2024, 8, 7)


def pages_for(shipment: Shipment):
    return layout_target_list(shipment, RunProfile(), ISSUE, FontSet.load(), load_template())


def variable_texts(page) -> list[str]:
    return [r.text for r in page.variable if isinstance(r, TextRun)]


def test_one_line_per_envelope_with_its_columns():
    shipment = sample_shipment(6)
    [page] = pages_for(shipment)
    texts = variable_texts(page)
    assert "事業所コード 000123　株式会社東京都電機健保" in texts
    for env in shipment.envelopes:
        assert env.bango in texts and env.members[0].name in texts
    assert texts.count("1234") == 6 and texts.count("001") == 6
    assert "合計　封筒 6 通　お知らせ 13 通（うち返送 1 通）" in texts
    assert "1 / 1" in texts


def test_remarks_return_and_removed_dependent():
    shipment = sample_shipment(6)
    assert shipment.envelopes[4].is_return and shipment.envelopes[2].has_removed_dependent
    page = pages_for(shipment)[0]
    rows = _rows_by_number(page)
    assert rows[shipment.envelopes[4].bango][-1] == "返送"
    assert rows[shipment.envelopes[2].bango][-1] == "扶養削除"
    assert rows[shipment.envelopes[0].bango][-1] == "1"  # no remark: the row ends with its notice count


def _rows_by_number(page) -> dict[str, list[str]]:
    """Row texts keyed by 番号, left to right."""
    runs = [r for r in page.variable if isinstance(r, TextRun) and r.y > LIST.header_top + LIST.header_h]
    by_y: dict[float, list[TextRun]] = {}
    for r in runs:
        by_y.setdefault(round(r.y, 1), []).append(r)
    rows = {}
    for line in by_y.values():
        texts = [r.text for r in sorted(line, key=lambda r: r.x)]
        for t in texts:
            if re.fullmatch(r"\d{8}", t):
                rows[t] = texts
    return rows


def test_an_envelope_without_the_insured_lists_its_addressees_and_the_insured():
    shipment = sample_shipment(2)
    shipment.envelopes.append(sample_envelope(with_insured=False, dependents=2, bango="99999999"))
    row = _rows_by_number(pages_for(shipment)[0])["99999999"]
    assert "健保 花子、健保 一郎（被保険者 健保 太郎）" in row
    assert "2" in row


def test_pages_are_numbered_and_the_total_comes_last():
    per_page = LIST.rows_per_page
    shipment = sample_shipment(2 * per_page + 5)
    pages = pages_for(shipment)
    assert len(pages) == math.ceil((len(shipment.envelopes) + 1) / per_page) == 3
    for n, page in enumerate(pages, start=1):
        assert f"{n} / 3" in variable_texts(page)
        assert page.static_key == pages[0].static_key and not page.overflow
    assert any(t.startswith("合計") for t in variable_texts(pages[-1]))
    assert not any(t.startswith("合計") for p in pages[:-1] for t in variable_texts(p))
    # Row numbers run on across pages.
    assert str(per_page + 1) in variable_texts(pages[1])


def test_a_full_last_page_puts_the_total_on_a_page_of_its_own():
    shipment = sample_shipment(LIST.rows_per_page)
    pages = pages_for(shipment)
    assert len(pages) == 2
    total = (f"合計　封筒 {LIST.rows_per_page} 通　お知らせ {shipment.notice_count} 通"
             f"（うち返送 {shipment.return_envelopes} 通）")
    assert variable_texts(pages[1]) == ["事業所コード 000123　株式会社東京都電機健保", "2 / 2", total]


def test_packing_by_affiliation_subtotals_each_group_on_a_new_page():
    shipment = sample_shipment(12, by_affiliation=True, affiliations=3)
    pages = pages_for(shipment)
    assert len(pages) == 3
    for page, code in zip(pages, ("001", "002", "003")):
        texts = variable_texts(page)
        codes = {t for t in texts if re.fullmatch(r"00\d", t)}
        assert codes == {code}
        [subtotal] = [t for t in texts if "小計" in t]
        assert subtotal.startswith(f"所属コード {code} 小計　封筒 4 通")
    assert any(t.startswith("合計　封筒 12 通") for t in variable_texts(pages[-1]))


def test_blank_affiliation_is_shown_as_none():
    shipment = sample_shipment(2)
    for env in shipment.envelopes:
        env.affiliation = ""
    assert "（なし）" in variable_texts(pages_for(shipment)[0])


def test_list_stays_inside_the_printable_area_and_texts_fit_their_cells():
    fonts = FontSet.load()
    shipment = sample_shipment(40, by_affiliation=True, affiliations=2)
    shipment.envelopes[0].members[0].name = "ウィリアムズ・ジョンソン・スミス・ブラウン クリストファー・アレクサンダー"
    shipment.envelopes[1].flags = {m: RETURN for m in shipment.envelopes[1].members}
    for page in pages_for(shipment):
        assert not page.overflow
        for p in page.primitives():
            left, top, right, bottom = extent(p, fonts)
            assert left >= 5.0 and top >= 5.0 and right <= 205.0 and bottom <= 292.0, p


def test_a_name_that_cannot_fit_its_cell_is_reported():
    shipment = sample_shipment(2)
    shipment.envelopes[0].members[0].name = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末" * 4
    [page] = pages_for(shipment)
    assert [o.zone for o in page.overflow] == ["list.names"]
