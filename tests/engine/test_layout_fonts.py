"""Fonts: the bundled faces, glyph coverage, 外字 and profile-named fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from print_engine.layout.fonts import FontSet, uncovered_characters
from print_engine.layout.text import place

IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")
needs_ipamj = pytest.mark.skipif(not IPAMJ.is_file(), reason="IPAmj Mincho is not installed")


def test_load_is_cached_per_fallback_list():
    assert FontSet.load() is FontSet.load(())
    fonts = FontSet.load()
    assert set(fonts.faces) == {"gothic", "mincho"}
    assert fonts["gothic"].path.name == "ipaexg.ttf" and fonts["mincho"].path.name == "ipaexm.ttf"


def test_coverage_of_the_bundled_fonts():
    fonts = FontSet.load()
    for ch in "健保太郎ｱア髙﨑①②③※〒－-~":
        assert fonts.covers(ch), ch
    assert not fonts.covers("𠮷")  # U+20BB7, outside JIS X 0208: not in IPAex
    assert not fonts.covers("\ue000")  # private use


def test_missing_chars_and_uncovered_characters():
    fonts = FontSet.load()
    assert fonts.missing_chars("健保 太郎\n") == set()
    assert fonts.missing_chars("𠮷田 \ue000子") == {"𠮷", "\ue000"}
    assert uncovered_characters("\ue000𠮷田 𠮷\ue000", fonts) == ["\ue000", "𠮷"]
    assert uncovered_characters("健保 太郎", fonts) == []


def test_a_missing_fallback_file_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="外字用フォント"):
        FontSet.load([tmp_path / "nothing.ttf"])


def test_system_fonts_are_never_used_without_the_profile():
    # IPAmj may be installed on the machine; without the profile naming it, 𠮷 stays uncovered.
    assert FontSet.load().fallbacks == ()
    assert not FontSet.load().covers("𠮷")


@needs_ipamj
def test_fallback_font_named_by_the_profile_covers_gaiji():
    fonts = FontSet.load([IPAMJ])
    assert fonts.fallbacks == ("fallback1-ipamjm",)
    assert fonts.covers("𠮷") and fonts.missing_chars("𠮷田 太郎") == set()
    assert fonts.split_runs("吉田𠮷男", "gothic") == [("gothic", "吉田"), ("fallback1-ipamjm", "𠮷"), ("gothic", "男")]


@needs_ipamj
def test_place_gives_the_fallback_character_its_own_run_at_the_right_origin():
    fonts = FontSet.load([IPAMJ])
    runs = place(10.0, 20.0, "吉田𠮷男", "gothic", 10.0, fonts)
    assert [(r.text, r.font) for r in runs] == [("吉田", "gothic"), ("𠮷", "fallback1-ipamjm"), ("男", "gothic")]
    assert runs[1].x == pytest.approx(10.0 + fonts.width_mm("吉田", "gothic", 10.0))
    assert runs[2].x == pytest.approx(runs[1].x + fonts.width_mm("𠮷", "fallback1-ipamjm", 10.0))
    assert fonts.width_mm("吉田𠮷男", "gothic", 10.0) == pytest.approx(runs[2].x - 10.0 + fonts.width_mm("男", "gothic", 10.0))


def test_a_variation_selector_is_never_drawn_nor_a_gaiji():
    fonts = FontSet.load()
    tsuji = "辻\U000E01EF"  # a sequence no bundled font has
    assert fonts.missing_chars(f"{tsuji}本 \ufe0f") == {tsuji}  # reported as a sequence; selectors never alone
    assert uncovered_characters(f"𠮷{tsuji}", fonts) == ["𠮷", tsuji]
    runs = place(10.0, 20.0, f"{tsuji}本 太郎\U000E0100", "gothic", 12.0, fonts)
    drawn = "".join(r.text for r in runs)
    assert drawn == "辻本 太郎" and not set(drawn) & {"\U000E01EF", "\U000E0100"}
    assert fonts.width_pt(f"{tsuji}本", "gothic", 12.0) == fonts.width_pt("辻本", "gothic", 12.0)


def test_the_bundled_fonts_draw_their_own_adobe_japan1_variants():
    fonts = FontSet.load()
    face = fonts["gothic"]
    variant = face.sequences[(ord("葛"), 0xE0100)]
    assert fonts.missing_chars("葛\U000E0100城") == set()
    (run,) = place(0.0, 0.0, "葛\U000E0100城", "gothic", 12.0, fonts)
    assert run.font == "gothic" and len(run.text) == 2 and run.text[1] == "城"
    assert face.glyph_of(run.text[0]) == variant != face.glyph_of("葛")


@needs_ipamj
def test_a_fallback_with_the_sequence_draws_the_variant_glyph():
    fonts = FontSet.load([IPAMJ])
    mj = fonts["fallback1-ipamjm"]
    assert FontSet.load().missing_chars("葛\U000E0102子") == {"葛\U000E0102"}  # IPAex lacks this one
    assert fonts.missing_chars("葛\U000E0102子") == set()
    pieces = fonts.split_runs("葛\U000E0102子", "gothic")
    assert [name for name, _ in pieces] == ["fallback1-ipamjm", "gothic"]
    variant = pieces[0][1]
    assert len(variant) == 1 and mj.glyph_of(variant) == mj.sequences[(ord("葛"), 0xE0102)]
    # Its advance is the variant glyph's own (a full em), not a default or twice-scaled width.
    assert fonts.width_pt("葛\U000E0102", "gothic", 12.0) == pytest.approx(12.0, abs=0.01)
