"""layout/geometry.py: one place for the page constants and every position and size of the notice."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from print_engine.layout.certificate import GEOMETRY as CERTIFICATE
from print_engine.layout.fonts import FontSet
from print_engine.layout.geometry import (
    A4_MM,
    EDGE_MM,
    FOLDS_MM,
    GEOMETRY,
    LineFit,
    NoticeGeometry,
)
from print_engine.layout.notice import NoticeLayouter
from print_engine.layout.primitives import Line, Page, Rect
from print_engine.layout.samples import SAMPLE_EMPLOYER, sample_envelope, sample_member
from print_engine.layout.templates import load_template
from print_engine.layout.test_page import layout_test_page
from print_engine.profile.checks import ProfileError
from print_engine.profile.loading import load_profile
from print_engine.profile.schema import EnvelopeWindow, RunProfile

ISSUE = date(2024, 8, 7)
LONG_NAME = "ウィリアムズ・ジョンソン クリストファー・アレクサンダー・エドワード"
LONG_KANA = "ウィリアムズジョンソン クリストファーアレクサンダーエドワードウィリアムズ"
LONGER_NAME = "ジャン＝フランソワ・アルベール・モンゴメリー＝ロックフェラー ヴィルヘルミーナ・コンスタンツェ・エリザベート・ド・ラ・ロシュフーコー"
LONG_INSURER = "東京都電機情報通信機器製造販売業関連事業所健康保険組合連合会"


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.load()


def test_the_folds_divide_the_sheet_in_three_and_no_fold_crosses_the_card_or_frame2():
    assert FOLDS_MM == (A4_MM[1] / 3, A4_MM[1] * 2 / 3) == GEOMETRY.folds
    g = GEOMETRY
    for top, height in ((g.strip_y, g.strip_h), (g.frame2_y, g.frame2_h)):
        assert g.folds[-1] < top and top + height <= A4_MM[1] - EDGE_MM


def test_every_document_and_the_profile_check_use_the_same_sheet_and_edge(tmp_path: Path):
    assert GEOMETRY.page == CERTIFICATE.page == A4_MM
    assert GEOMETRY.edge == CERTIFICATE.edge == EDGE_MM
    profile = tmp_path / "p.toml"
    right = A4_MM[0] - EDGE_MM  # the window may reach the printable edge, not beyond
    profile.write_text(f"[envelope]\nwindow_left_mm = {EDGE_MM}\nwindow_width_mm = {right - EDGE_MM}\n",
                       encoding="utf-8")
    assert load_profile(profile).envelope.window_left_mm == EDGE_MM
    for text in (f"window_left_mm = {EDGE_MM - 0.5}", f"window_width_mm = {right - 20.0 + 0.5}"):
        profile.write_text(f"[envelope]\n{text}\n", encoding="utf-8")
        with pytest.raises(ProfileError, match=f"{EDGE_MM:g} mm"):
            load_profile(profile)


def test_the_calibration_page_marks_the_folds_and_the_card_where_the_notice_has_them(fonts):
    page = layout_test_page(EnvelopeWindow(), fonts)
    folds = [p for p in page.variable if isinstance(p, Line) and p.dash and p.y1 == p.y2]
    assert [f.y1 for f in folds] == list(FOLDS_MM)
    assert all(f.x1 == EDGE_MM and f.x2 == A4_MM[0] - EDGE_MM for f in folds)
    g = GEOMETRY
    assert [(r.x, r.y, r.w, r.h) for r in page.variable if isinstance(r, Rect) and r.dash == (3.0, 2.0)] == [
        (g.strip_x, g.strip_y, g.strip_w, g.strip_h)]


# ------------------------------------------------------------------ every field is the page's
def _pages(g: NoticeGeometry, fonts: FontSet) -> list[Page]:
    """Notices that between them use every field.

    The default notice; a crowded window block with every switch on; names
    that shrink, wrap and overflow; an insurer's name too long for the
    sender block and the strip; a number line too long for the strip.
    """
    plain = RunProfile()
    full = replace(plain, notice=replace(plain.notice, show_kana_on_strip=True, show_burden_ratio=True,
                                         show_birth_date=True))
    wordy = replace(plain, insurer=replace(plain.insurer, name=LONG_INSURER))
    family, abroad = sample_envelope(), sample_envelope(with_insured=False, dependents=3)
    long = sample_member(LONG_NAME, LONG_KANA)
    longer = sample_member(LONGER_NAME, kigo="1234567890" * 3, bango="1234567890" * 3)
    pages = []
    for profile, notices in ((plain, [(family.members[0], family), (long, None)]),
                             (full, [(abroad.members[0], abroad), (long, None)]), (wordy, [(longer, None)])):
        layouter = NoticeLayouter(profile, ISSUE, fonts, load_template(profile.notice.template), g)
        pages += [layouter.layout(member, envelope, SAMPLE_EMPLOYER) for member, envelope in notices]
    return pages


def _changed(value, up: bool):
    """A clearly larger (``up``) or smaller value of one field."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value + 1 if up else max(1, value - 1)
    if isinstance(value, float):
        # smaller: a quarter, and a gap, rise or line width far negative (the body then reaches the strip)
        return value * 2 + 1 if up else value / 4 - 60.0 * (value <= 3.0)
    if isinstance(value, tuple):
        return tuple(_changed(v, up) for v in value)
    if isinstance(value, LineFit):
        return LineFit(*(_changed(v, up) for v in dataclasses.astuple(value)))
    raise TypeError(type(value).__name__)


def _variants() -> dict[str, tuple[NoticeGeometry, NoticeGeometry]]:
    """Each field's name → the geometry with that field larger, and with it smaller."""
    out = {}
    for f in dataclasses.fields(NoticeGeometry):
        value = getattr(GEOMETRY, f.name)
        if f.name in ("edge", "folds"):  # limits the layout must respect (tested above), not positions
            continue
        if dataclasses.is_dataclass(value) and not isinstance(value, LineFit):
            for sub in dataclasses.fields(value):
                out[f"{f.name}.{sub.name}"] = tuple(
                    replace(GEOMETRY, **{f.name: replace(value, **{sub.name: _changed(getattr(value, sub.name), up)})})
                    for up in (True, False))
        else:
            out[f.name] = tuple(replace(GEOMETRY, **{f.name: _changed(value, up)}) for up in (True, False))
    return out


def test_every_position_and_size_in_the_geometry_changes_the_notice(fonts):
    """Editing any field of geometry.py changes the page: the layout reads them all, none is dead."""
    base = _pages(GEOMETRY, fonts)
    dead = [name for name, variants in _variants().items() if all(_pages(g, fonts) == base for g in variants)]
    assert not dead
