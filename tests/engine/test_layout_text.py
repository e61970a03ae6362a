"""Measuring, line breaking with 禁則, shrink-then-wrap fitting and text placement."""

from __future__ import annotations

import pytest

from print_engine.layout.fonts import FontSet
from print_engine.layout.primitives import MM_PER_PT
from print_engine.layout.text import (
    NO_LINE_END,
    NO_LINE_START,
    break_lines,
    distribute,
    extent,
    fit_text,
    measure,
    paragraph,
    place,
)

LONG = ("マイナ保険証の読み取りができない例外的な場合については、スマートフォンの資格情報画面をマイナ保険証"
        "とともに医療機関等の受付で提示することで受診いただけます（スマートフォンをお持ちでない方は、この文書を"
        "マイナ保険証とともに医療機関等の受付で提示することで受診いただけます）。「資格情報のお知らせ」は、"
        "キャッシュカードやショッピングのポイントカードと一緒に、ぜひ携帯してください。")


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.load()


def test_measure_uses_the_fonts_own_advances(fonts):
    # IPAex ideographs are 1 em wide: ten of them at 10 pt are 100 pt.
    assert measure("健" * 10, "gothic", 10.0, fonts) == pytest.approx(100 * MM_PER_PT)
    assert measure("1234", "gothic", 10.0, fonts) < measure("健健健健", "gothic", 10.0, fonts)
    assert measure("", "mincho", 10.0, fonts) == 0.0


@pytest.mark.parametrize("width", [20.0, 33.3, 47.0, 60.0, 91.7, 150.0])
def test_break_lines_keeps_kinsoku_and_width(fonts, width):
    lines = break_lines(LONG, "mincho", 9.5, width, fonts)
    assert "".join(lines) == LONG
    for i, line in enumerate(lines):
        assert measure(line, "mincho", 9.5, fonts) <= width + 1e-6
        if i:
            assert line[0] not in NO_LINE_START, line
        if i < len(lines) - 1:
            assert line[-1] not in NO_LINE_END, line


def test_break_lines_pushes_a_closing_mark_back_with_its_neighbour(fonts):
    # Exactly ten ideographs fit; the 11th character is 。 which may not start a line.
    width = measure("健" * 10, "gothic", 10.0, fonts)
    lines = break_lines("健" * 10 + "。次の文", "gothic", 10.0, width, fonts)
    assert lines == ["健" * 9, "健。次の文"]


def test_break_lines_never_ends_a_line_with_an_opening_bracket(fonts):
    width = measure("健" * 10, "gothic", 10.0, fonts)
    lines = break_lines("健" * 9 + "「お知らせ」", "gothic", 10.0, width, fonts)
    assert lines[0] == "健" * 9
    assert lines[1].startswith("「")


def test_break_lines_keeps_ascii_runs_together(fonts):
    text = "お問い合わせは03-3835-0006（平日9:00~17:00）まで、https://myna.go.jp/ をご覧ください"
    for width in (30.0, 40.0, 55.0):
        lines = break_lines(text, "gothic", 9.0, width, fonts)
        joined = "\n".join(lines)
        assert "03-3835-0006" in joined and "9:00~17:00" in joined and "https://myna.go.jp/" in joined


def test_break_lines_cuts_a_word_wider_than_the_line(fonts):
    lines = break_lines("A" * 80, "gothic", 10.0, 30.0, fonts)
    assert len(lines) > 1 and "".join(lines) == "A" * 80
    assert all(measure(x, "gothic", 10.0, fonts) <= 30.0 + 1e-6 for x in lines)


def test_break_lines_honours_newlines_and_first_line_indent(fonts):
    lines = break_lines("一行目\n二行目", "gothic", 10.0, 100.0, fonts)
    assert lines == ["一行目", "二行目"]
    width = measure("健" * 10, "gothic", 10.0, fonts)
    lines = break_lines("健" * 19, "gothic", 10.0, width, fonts, first_width=width - measure("健", "gothic", 10.0, fonts))
    assert [len(x) for x in lines] == [9, 10]


def test_fit_text_keeps_a_short_text_at_full_size(fonts):
    fit = fit_text("健保 太郎", "gothic", 12.0, 8.0, 80.0, 2, fonts=fonts)
    assert fit.lines == ("健保 太郎",) and fit.size == 12.0 and not fit.overflow


def test_fit_text_shrinks_first(fonts):
    name = "健保組合 長谷川太郎左衛門"  # 13 em: at 12 pt 55 mm, fits 45 mm at about 9.8 pt
    fit = fit_text(name, "gothic", 12.0, 8.0, 45.0, 2, fonts=fonts)
    assert fit.lines == (name,)
    assert 8.0 <= fit.size < 12.0
    assert measure(name, "gothic", fit.size, fonts) <= 45.0


def test_fit_text_wraps_at_the_space_when_shrinking_is_not_enough(fonts):
    name = "ウィリアムズ・ジョンソン クリストファー・アレクサンダー"
    fit = fit_text(name, "gothic", 12.0, 8.0, 45.0, 2, fonts=fonts)
    assert not fit.overflow
    assert fit.lines == ("ウィリアムズ・ジョンソン", "クリストファー・アレクサンダー")
    assert all(measure(x, "gothic", fit.size, fonts) <= 45.0 for x in fit.lines)


def test_fit_text_reports_overflow_and_shortens_visibly(fonts):
    name = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処やぶら小路の藪柑子" * 2
    fit = fit_text(name, "gothic", 12.0, 8.0, 45.0, 2, fonts=fonts, max_height=8.0)
    assert fit.overflow
    assert fit.size == 8.0
    assert len(fit.lines) <= 2 and fit.lines[-1].endswith("…")
    assert all(measure(x, "gothic", 8.0, fonts) <= 45.0 for x in fit.lines)


def test_fit_text_respects_the_box_height_when_wrapping(fonts):
    name = "ウィリアムズ・ジョンソン クリストファー・アレクサンダー"
    fit = fit_text(name, "gothic", 12.0, 6.0, 45.0, 2, fonts=fonts, max_height=6.0)
    assert len(fit.lines) == 2
    assert 2 * fit.size * 1.2 * MM_PER_PT <= 6.0 + 1e-6


def test_place_aligns_in_a_box(fonts):
    [run] = place(10.0, 50.0, "資格情報", "gothic", 10.0, fonts, align="center", width=100.0)
    w = measure("資格情報", "gothic", 10.0, fonts)
    assert run.x == pytest.approx(10.0 + (100.0 - w) / 2)
    [run] = place(10.0, 50.0, "資格情報", "gothic", 10.0, fonts, align="right", width=100.0)
    assert run.x + w == pytest.approx(110.0)


def test_distribute_spreads_a_label_to_the_full_width(fonts):
    run = distribute(20.0, 30.0, "氏名", 28.0, "gothic", 9.5, fonts)
    assert run.advances is not None and len(run.advances) == 2
    last = measure("名", "gothic", 9.5, fonts)
    assert run.advances[0] + last == pytest.approx(28.0)
    # Wider than the box: set normally.
    assert distribute(0, 0, "資格取得年月日", 5.0, "gothic", 9.5, fonts).advances is None


def test_paragraph_lines_are_evenly_pitched(fonts):
    runs, next_y = paragraph(15.0, 100.0, 60.0, LONG, "mincho", 9.5, fonts, leading=1.6, indent=3.0)
    ys = sorted({r.y for r in runs})
    pitch = 9.5 * 1.6 * MM_PER_PT
    assert ys[0] == 100.0 and next_y == pytest.approx(100.0 + len(ys) * pitch)
    assert all(b - a == pytest.approx(pitch) for a, b in zip(ys, ys[1:]))
    assert runs[0].x == 18.0 and all(r.x == 15.0 for r in runs[1:])


def test_break_lines_edge_cases(fonts):
    assert break_lines("", "gothic", 10.0, 50.0, fonts) == [""]
    assert break_lines("健保 ", "gothic", 10.0, measure("健保", "gothic", 10.0, fonts), fonts) == ["健保"]
    # A single character wider than the line still goes out, alone on its line.
    assert break_lines("健保", "gothic", 40.0, 5.0, fonts) == ["健", "保"]


def test_fit_text_drops_lines_that_do_not_fit_the_height(fonts):
    fit = fit_text("健" * 60, "gothic", 12.0, 8.0, 30.0, 3, fonts=fonts, max_height=5.0)
    assert fit.overflow and len(fit.lines) == 1 and fit.lines[0].endswith("…")


def test_extent_of_each_primitive(fonts):
    from print_engine.layout.primitives import Circle, Line, QrCode, Rect

    assert extent(Rect(10, 20, 30, 40, 0.0), fonts) == (10, 20, 40, 60)
    assert extent(QrCode(5, 6, 20, ((True,),)), fonts) == (5, 6, 25, 26)
    assert extent(Line(10, 10, 20, 10, 0.0), fonts) == (10, 10, 20, 10)
    assert extent(Circle(10, 10, 2, 0.0), fonts) == (8, 8, 12, 12)
    with pytest.raises(TypeError):
        extent("not a primitive", fonts)
