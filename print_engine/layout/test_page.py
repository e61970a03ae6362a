"""The calibration page: where the profile's envelope window falls on paper.

Printed from the settings dialog. It outlines the window of ``[envelope]``
with corner marks, puts millimetre rulers along the top and left edges and
marks the folds of a sheet folded in three, so the operator can fold it into
a 長3 window envelope and read off how far to move the window. It is built
from the engine's primitives and drawn by the same painter as every page.
"""

from __future__ import annotations

from print_engine.layout.fonts import GOTHIC, FontSet
from print_engine.layout.geometry import A4_MM, EDGE_MM, FOLDS_MM, GEOMETRY
from print_engine.layout.primitives import Line, Page, Primitive, Rect
from print_engine.layout.text import place
from print_engine.profile.schema import EnvelopeWindow


def _rulers(out: list[Primitive], fonts: FontSet) -> None:
    width, height = A4_MM
    for x in range(int(EDGE_MM), int(width - EDGE_MM) + 1):
        length = 4.0 if x % 10 == 0 else 2.5 if x % 5 == 0 else 1.2
        out.append(Line(x, EDGE_MM, x, EDGE_MM + length, 0.25))
        if x % 10 == 0 and 10 <= x <= width - 10:
            out += place(x - 3, EDGE_MM + 7.0, str(x), GOTHIC, 5.5, fonts, align="center", width=6)
    for y in range(int(EDGE_MM), int(height - EDGE_MM) + 1):
        length = 4.0 if y % 10 == 0 else 2.5 if y % 5 == 0 else 1.2
        out.append(Line(EDGE_MM, y, EDGE_MM + length, y, 0.25))
        if y % 10 == 0 and 20 <= y <= height - 10:
            out += place(EDGE_MM + 5.0, y + 1.0, str(y), GOTHIC, 5.5, fonts)


def _corner_marks(out: list[Primitive], x: float, y: float, w: float, h: float) -> None:
    arm = 6.0
    for cx, cy, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
        out.append(Line(cx - dx * 2, cy, cx + dx * arm, cy, 0.6))
        out.append(Line(cx, cy - dy * 2, cx, cy + dy * arm, 0.6))


def layout_test_page(window: EnvelopeWindow, fonts: FontSet | None = None) -> Page:
    """The calibration page for ``window`` (A4 portrait)."""
    fonts = fonts or FontSet.load()
    out: list[Primitive] = []
    _rulers(out, fonts)
    x, y, w, h = window.window_left_mm, window.window_top_mm, window.window_width_mm, window.window_height_mm
    out.append(Rect(x, y, w, h, 0.4, dash=(2.0, 2.0)))
    _corner_marks(out, x, y, w, h)
    out.append(Line(x + w / 2 - 4, y + h / 2, x + w / 2 + 4, y + h / 2, 0.4))
    out.append(Line(x + w / 2, y + h / 2 - 4, x + w / 2, y + h / 2 + 4, 0.4))
    out += place(x + 3, y + 8, "封筒の窓（実行プロファイルの位置）", GOTHIC, 9.0, fonts)
    out += place(x + 3, y + h - 4, f"左 {x:.1f} mm・上 {y:.1f} mm・幅 {w:.1f} mm・高さ {h:.1f} mm", GOTHIC, 8.0, fonts)
    width = A4_MM[0]
    for fold in FOLDS_MM:
        out.append(Line(EDGE_MM, fold, width - EDGE_MM, fold, 0.3, dash=(1.0, 3.0)))
        out += place(width - 60, fold - 1.5, f"三つ折りの折り目（上から {fold:.0f} mm）", GOTHIC, 7.0, fonts)
    g = GEOMETRY
    out.append(Rect(g.strip_x, g.strip_y, g.strip_w, g.strip_h, 0.4, dash=(3.0, 2.0)))
    out += place(g.strip_x + 3, g.strip_y + 7, "切り取り部分（カードサイズ）", GOTHIC, 8.0, fonts)
    top = max(y + h, 70.0) + 20.0
    out += place(20, top, "窓位置の確認用テストページ", GOTHIC, 16.0, fonts)
    lines = (
        "1. このページを普通紙に印刷し、お知らせと同じように三つ折りにして長3窓付き封筒に入れます。",
        "2. 点線の枠と四隅の印が、封筒の窓の内側に見えることを確かめます。",
        "3. ずれている場合は、上端と左端の目盛りでずれを読み取り、設定の「封筒の窓」の値を直します。",
        "   （枠が右に 2 mm ずれて見えるときは「左端から窓まで」を 2 mm 小さく、下にずれるときは「上端から窓まで」を小さくします）",
        "4. 直したら、もう一度テストページを印刷して確かめてください。",
    )
    for i, line in enumerate(lines):
        out += place(20, top + 12 + i * 7, line, GOTHIC, 9.0, fonts)
    return Page(A4_MM, None, (), tuple(out), "test")
