"""The 発送リスト of the mailed group."""

from __future__ import annotations

from datetime import date

import pytest

from print_engine.layout.fonts import FontSet
from print_engine.layout.mail_list import MAIL_LIST, MailLine, count_mail_list_pages, layout_mail_list
from print_engine.profile.schema import RunProfile

LINES = [
    MailLine("020-0173", "9000", "4", "吉田 健", 2),
    MailLine("100-0013", "11", "1003", "高橋 三郎", 1),
    MailLine("100-0013", "9000", "1", "中村 八郎", 2, is_return=True),
    MailLine("273-0102", "2020", "20002", "渡辺 春子", 1),
]


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.load()


def test_one_line_per_envelope_then_counts_by_area_and_the_total(fonts):
    [page] = layout_mail_list(LINES, RunProfile(), date(2024, 8, 7), fonts)
    text = page.text()
    assert "発送リスト（自宅送付）" in text
    for line in LINES:
        assert line.postal_label in text and f"{line.addressee} 様" in text
    assert "事業主" not in text
    for cell in ("020　1通", "100　2通", "273　1通"):
        assert cell in text
    assert "合計　封筒 4 通　書類 6 通（うち返送 1 通）" in text
    assert page.overflow == ()
    runs = page.text_runs()
    order = [r.text for r in runs if r.text in ("020-0173", "100-0013", "273-0102")]
    assert order == ["020-0173", "100-0013", "100-0013", "273-0102"]


def test_pages_hold_the_rows_and_the_tail_stays_on_the_last(fonts):
    per_page = MAIL_LIST.rows_per_page
    many = [MailLine(f"{100 + i // 10:03d}-0001", "9000", str(i), "試験 太郎", 1) for i in range(per_page + 3)]
    pages = layout_mail_list(many, RunProfile(), date(2024, 8, 7), fonts)
    assert len(pages) == 2 == count_mail_list_pages(many)
    assert "1 / 2" in pages[0].text() and "2 / 2" in pages[1].text()
    assert "合計" not in pages[0].text() and f"合計　封筒 {len(many)} 通" in pages[1].text()
    # a full last page pushes the tail onto a page of its own
    full = many[:per_page]
    assert len(layout_mail_list(full, RunProfile(), date(2024, 8, 7), fonts)) == 2
