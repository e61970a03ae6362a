"""Renderer-neutral page primitives: what the PDF writer and Qt both draw.

Every coordinate is in millimetres, with the origin at the top left corner of
the page and y growing downwards (the way a form designer measures a sheet).
Font sizes and line widths are in points, as printers speak of them.

A :class:`Page` holds two tuples of primitives: ``static`` — identical on
every page that shares ``static_key`` (titles, paragraphs, frame lines, the QR
code), which renderers may cache (a PDF form XObject drawn once per file, a
``QPicture`` in the preview) — and ``variable``, the member's own values.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Union

from print_engine.layout.geometry import A4_MM  # noqa: F401  (re-exported: the page size of every document)

PT_PER_MM = 72.0 / 25.4
MM_PER_PT = 25.4 / 72.0

PAGE_KINDS = ("notice", "cover", "list", "test")


@dataclass(frozen=True, slots=True)
class TextRun:
    """One run of text in one font, placed at an explicit origin.

    Attributes:
        x: Left end of the baseline (mm).
        y: Baseline (mm from the top edge).
        text: The characters; every one is drawn by ``font``.
        font: Logical font name: ``"gothic"``, ``"mincho"`` or a fallback
            name of the :class:`~print_engine.layout.fonts.FontSet`.
        size_pt: Font size in points.
        advances: ``None`` to use the font's own advances (the normal case),
            else one advance per character in mm (spaced-out labels).
    """

    x: float
    y: float
    text: str
    font: str
    size_pt: float
    advances: tuple[float, ...] | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """A straight line; ``dash`` is (on, off) lengths in points, or ``None``."""

    x1: float
    y1: float
    x2: float
    y2: float
    width_pt: float = 0.5
    dash: tuple[float, ...] | None = None


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle: stroked when ``width_pt`` > 0, filled when ``fill`` is set.

    Attributes:
        fill: Gray level of the fill, 0 (black) … 1 (white), or ``None``.
    """

    x: float
    y: float
    w: float
    h: float
    width_pt: float = 0.5
    dash: tuple[float, ...] | None = None
    fill: float | None = None


@dataclass(frozen=True, slots=True)
class Circle:
    """A stroked circle (the finger holes of the scissors mark)."""

    cx: float
    cy: float
    r: float
    width_pt: float = 0.5


@dataclass(frozen=True, slots=True)
class QrCode:
    """A QR code drawn as vector squares; ``modules[row][col]`` is dark.

    ``size_mm`` is the side of the symbol without quiet zone; the caller
    leaves the quiet zone free around it.
    """

    x: float
    y: float
    size_mm: float
    modules: tuple[tuple[bool, ...], ...]

    @property
    def module_mm(self) -> float:
        return self.size_mm / len(self.modules)

    def dark_runs(self) -> list[tuple[int, int, int]]:
        """(row, first column, length) of each horizontal run of dark modules.

        Renderers fill one rectangle per run, so both draw the same shapes.
        """
        runs = []
        for r, row in enumerate(self.modules):
            n, c = len(row), 0
            while c < n:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                runs.append((r, start, c - start))
        return runs


@dataclass(frozen=True, slots=True)
class BarCode:
    """The Japan Post customer barcode as filled vector bars (``direct-mail.md``).

    Attributes:
        x: Left edge of the first bar (mm).
        y: Top of the long bars (mm).
        bars: One letter per bar: ``F`` long, ``A`` upper semi-long, ``D``
            lower semi-long, ``T`` timing (67 letters).
        scale: The point size over 10 (``barcode_pt`` / 10): at 1.0 the bar
            pitch is 1.2 mm, the width 0.6 mm and a long bar 3.6 mm high.
    """

    x: float
    y: float
    bars: str
    scale: float = 1.0

    PITCH_MM = 1.2
    WIDTH_MM = 0.6
    LONG_MM = 3.6
    # (top, height) of each kind of bar in units of the timing bar (1.2 mm at 10 pt)
    SHAPES = {"F": (0, 3), "A": (0, 2), "D": (1, 2), "T": (1, 1)}

    @property
    def width_mm(self) -> float:
        return ((len(self.bars) - 1) * self.PITCH_MM + self.WIDTH_MM) * self.scale

    @property
    def height_mm(self) -> float:
        return self.LONG_MM * self.scale

    def rects(self) -> list[tuple[float, float, float, float]]:
        """(x, y, w, h) in mm of every bar, left to right; renderers fill exactly these."""
        unit = self.LONG_MM / 3 * self.scale
        pitch, width = self.PITCH_MM * self.scale, self.WIDTH_MM * self.scale
        out = []
        for i, kind in enumerate(self.bars):
            top, height = self.SHAPES[kind]
            out.append((self.x + i * pitch, self.y + top * unit, width, height * unit))
        return out


Primitive = Union[TextRun, Line, Rect, Circle, QrCode, BarCode]


@dataclass(frozen=True, slots=True)
class Overflow:
    """A text that did not fit its frame even at the smallest size.

    Attributes:
        zone: Where (``"window.name"``, ``"table.name"``, ``"list.names"`` …).
        text: The text that was shortened (a name; never a My Number).
    """

    zone: str
    text: str


@dataclass(frozen=True, slots=True)
class Page:
    """One page, as every renderer draws it.

    Attributes:
        size_mm: (width, height) of the paper in mm.
        static_key: Pages with the same key share ``static`` exactly, so a
            renderer may draw it once and reuse it; ``None`` = do not cache.
        static: Primitives common to every page of ``static_key``.
        variable: This page's own primitives, drawn over ``static``.
        kind: ``"notice"``, ``"cover"``, ``"list"`` or ``"test"``.
        overflow: Texts that did not fit (the caller warns about them).
    """

    size_mm: tuple[float, float]
    static_key: str | None
    static: tuple[Primitive, ...]
    variable: tuple[Primitive, ...]
    kind: str = "notice"
    overflow: tuple[Overflow, ...] = ()

    def primitives(self) -> tuple[Primitive, ...]:
        """``static`` then ``variable``: everything on the page in drawing order."""
        return self.static + self.variable

    def text_runs(self) -> list[TextRun]:
        """Every text run of the page, in drawing order."""
        return [p for p in self.primitives() if isinstance(p, TextRun)]

    def text(self) -> str:
        """All the page's text joined by newlines (handy for tests and search)."""
        return "\n".join(r.text for r in self.text_runs())


def scissors_mark(x: float, y: float, size: float = 4.0, width_pt: float = 0.6) -> tuple[Primitive, ...]:
    """A scissors mark drawn with lines and circles, pointing right.

    IPAex has no ✂ glyph, so the mark is drawn as vectors: two blades
    crossing at the pivot and two finger holes on the left.

    Args:
        x: Left end of the mark (mm).
        y: Centre line of the mark (the cut line it sits on).
        size: Overall length of the mark (mm).
        width_pt: Stroke width.
    """
    r = size * 0.16
    hole_x = x + r
    pivot_x = x + size * 0.48
    tip_x = x + size
    spread = size * 0.22
    return (
        Circle(hole_x, y - spread, r, width_pt),
        Circle(hole_x, y + spread, r, width_pt),
        Line(hole_x + r * 0.8, y - spread + r * 0.5, tip_x, y + size * 0.06, width_pt),
        Line(hole_x + r * 0.8, y + spread - r * 0.5, tip_x, y - size * 0.06, width_pt),
        Circle(pivot_x, y, size * 0.03, width_pt),
    )


def qr_modules(data: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix of a QR code for ``data`` (error correction M, no border).

    Both renderers draw these modules as vector squares, so the code is as
    sharp on a 600 dpi printer as in the preview.
    """
    import qrcode  # local: only pages with a QR code need it
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(data)
    qr.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in qr.get_matrix())


def static_key(kind: str, primitives: tuple[Primitive, ...]) -> str:
    """A key for a static part that is a digest of the primitives themselves.

    Two static parts get the same key only if they draw exactly the same, so
    a renderer that reuses a drawn static part by its key can never show a
    stale one, whatever the static part was built from.
    """
    digest = hashlib.sha1(repr(primitives).encode("utf-8")).hexdigest()[:16]
    return f"{kind}:{digest}"
