"""The window block of a mailed envelope: address, addressee, barcode, all inside the window."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from print_engine.layout.fonts import FontSet
from print_engine.layout.mail_block import mail_window_block
from print_engine.layout.notice import NoticeLayouter
from print_engine.layout.primitives import BarCode, Overflow, TextRun
from print_engine.layout.samples import SAMPLE_EMPLOYER, sample_member
from print_engine.layout.templates import load_template
from print_engine.layout.text import extent
from print_engine.mail.recipient import join_address, make_recipient
from print_engine.profile.schema import DirectMail, EnvelopeWindow, RunProfile

WINDOW = EnvelopeWindow()
ADDRESS = join_address("東京都千代田区霞が関1丁目3番2号", "郵便プラザ503室")
LONG = join_address("北海道札幌市中央区北一条西二十丁目一番地の三十 札幌中央ビジネスガーデンタワー東棟",
                    "サウスウイング レジデンス 二十三階 二三〇一号室 株式会社サンプル総務部気付")


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.load()


def block(fonts, address=ADDRESS, addressee="健保 太郎", pt=10.0, window=WINDOW):
    recipient = make_recipient("100-0013", address, addressee, "1234", "12345678")
    out, overflow = [], []
    bars = mail_window_block(out, overflow, recipient, fonts, window, pt, "様")
    return out, overflow, bars


def inside(box, window: EnvelopeWindow, margin: float = 0.0) -> bool:
    left, top, right, bottom = box
    return (left >= window.window_left_mm + margin - 1e-6 and top >= window.window_top_mm + margin - 1e-6
            and right <= window.window_left_mm + window.window_width_mm - margin + 1e-6
            and bottom <= window.window_top_mm + window.window_height_mm - margin + 1e-6)


def test_block_reads_postal_code_address_name_and_number(fonts):
    out, overflow, _ = block(fonts)
    texts = [p.text for p in out if isinstance(p, TextRun)]
    assert texts[0] == "〒100-0013"
    assert "1234-12345678" in texts
    assert "健保 太郎 様" in texts
    address = [t for t in texts if t not in ("〒100-0013", "1234-12345678", "健保 太郎 様")]
    assert address == ["東京都千代田区霞が関1丁目3番2号", "郵便プラザ503室"]  # wrapped at the space
    assert overflow == []


@pytest.mark.parametrize("pt", [8.0, 10.0])
def test_everything_inside_the_window_and_the_barcode_clear_by_2mm(fonts, pt):
    out, overflow, bars = block(fonts, pt=pt)
    assert overflow == []
    texts = [p for p in out if isinstance(p, TextRun)]
    for run in texts:
        assert inside(extent(run, fonts), WINDOW, margin=2.9), run.text
    bar_box = (bars.x, bars.y, bars.x + bars.width_mm, bars.y + bars.height_mm)
    assert inside(bar_box, WINDOW, margin=2.0)
    clear = (bar_box[0] - 2.0, bar_box[1] - 2.0, bar_box[2] + 2.0, bar_box[3] + 2.0)
    for run in texts:
        left, top, right, bottom = extent(run, fonts)
        assert bottom <= clear[1] + 1e-6 or top >= clear[3] or right <= clear[0] or left >= clear[2], run.text
    # directly under the name: the name is the text just above the clear zone
    name = next(r for r in texts if r.text.endswith("様"))
    assert extent(name, fonts)[3] == pytest.approx(clear[1])
    assert bars.width_mm == pytest.approx(79.8 * pt / 10)


def test_a_long_address_wraps_to_three_lines_at_most_and_overflow_is_reported(fonts):
    out, overflow, _ = block(fonts, address=LONG * 2)
    address_runs = [p for p in out if isinstance(p, TextRun) and p.size_pt > 7.5
                    and not p.text.endswith("様") and not p.text.startswith("〒")]
    assert len({r.y for r in address_runs}) == 3
    assert Overflow("window.address", LONG * 2) in overflow


def test_a_two_line_address_is_not_shrunk(fonts):
    out, overflow, _ = block(fonts, address=LONG)
    assert overflow == []
    sizes = {p.size_pt for p in out if isinstance(p, TextRun) and p.text not in ("1234-12345678",)}
    assert min(sizes) >= 8.0


def test_a_barcode_too_wide_for_the_window_is_reported(fonts):
    _, overflow, _ = block(fonts, pt=11.5)  # 91.77 mm + 2 × 2 mm in a 90 mm window
    assert [o.zone for o in overflow] == ["window.barcode"]
    wide = replace(WINDOW, window_width_mm=100.0)
    _, overflow, _ = block(fonts, pt=11.5, window=wide)
    assert overflow == []


def test_a_low_window_reports_the_barcode(fonts):
    _, overflow, _ = block(fonts, window=replace(WINDOW, window_height_mm=28.0))
    assert "window.barcode" in [o.zone for o in overflow]


def test_the_notice_is_otherwise_unchanged(fonts):
    profile = replace(RunProfile(), direct_mail=DirectMail(barcode_pt=9.0))
    layouter = NoticeLayouter(profile, date(2024, 8, 7), fonts, load_template())
    member = sample_member()
    plain = layouter.layout(member, None, SAMPLE_EMPLOYER)
    mailed = layouter.layout(member, None, SAMPLE_EMPLOYER,
                             make_recipient("1000013", ADDRESS, member.name, member.kigo, member.bango))
    assert mailed.static == plain.static and mailed.static_key == plain.static_key
    below = [p for p in plain.variable if not isinstance(p, TextRun) or p.y > 60.0]
    assert [p for p in mailed.variable if not isinstance(p, (TextRun, BarCode)) or p.y > 60.0] == below
    bars = [p for p in mailed.variable if isinstance(p, BarCode)]
    assert len(bars) == 1 and bars[0].scale == pytest.approx(0.9)
    assert SAMPLE_EMPLOYER.name not in mailed.text()  # the employer's name is not printed
    assert "〒100-0013" in mailed.text()
