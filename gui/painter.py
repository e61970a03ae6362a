"""Draw layout pages with a QPainter: the preview and the printer share this.

:func:`paint_page` draws a :class:`~print_engine.layout.primitives.Page` on
any ``QPaintDevice`` (a ``QImage`` for the preview, a ``QPrinter`` for
printing), converting millimetres to device pixels. Text is drawn as glyph
runs from the same TrueType files the PDF embeds, each glyph at the position
the layout computed from the font's own advances — never through Qt's own
line layout — so the screen, the printer and the PDF agree to a fraction of
a point.

For a ``QPrinter``, call ``printer.setFullPage(True)`` first, so that the
painter's origin is the corner of the paper (the layout measures from it).
"""

from __future__ import annotations

import math
import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGlyphRun,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QRawFont,
)

from print_engine import (
    MM_PER_PT,
    PT_PER_MM,
    VARIANT_FIRST,
    BarCode,
    Circle,
    FontSet,
    Line,
    Page,
    Primitive,
    QrCode,
    Rect,
    TextRun,
)

_FAMILIES: dict[str, str] = {}  # font file → family registered with QFontDatabase
_FAMILIES_LOCK = threading.Lock()
_RAW_FONTS = threading.local()  # QRawFont objects must not cross threads
_FILE_HEADS: dict[str, bytes] = {}  # font file → its 'head' table (identifies the file's font)


def _family(path: str) -> str:
    """Register the font file with Qt once (process-wide) and return its family."""
    with _FAMILIES_LOCK:
        family = _FAMILIES.get(path)
        if family is None:
            font_id = QFontDatabase.addApplicationFont(path)
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not families:
                raise RuntimeError(f"Qt cannot load the font {path}")
            family = _FAMILIES[path] = families[0]
        return family


def _file_raw_font(path: str, pixel_size: float) -> QRawFont:
    """The font straight from the file's bytes (never a font installed on the system)."""
    data = QByteArray(Path(path).read_bytes())
    return QRawFont(data, pixel_size, QFont.HintingPreference.PreferNoHinting)


def _file_head(path: str) -> bytes:
    with _FAMILIES_LOCK:
        head = _FILE_HEADS.get(path)
        if head is None:
            head = _FILE_HEADS[path] = bytes(_file_raw_font(path, 12).fontTable("head"))
        return head


def _raw_font(path: str, pixel_size: float) -> QRawFont:
    """The font file at ``pixel_size``, cached per thread.

    The raw font comes from a registered application font (not from the
    file's bytes), so a PDF or printer device embeds it as a font and the
    printed text stays text; glyph positions still come from the layout.
    A PC may have a font of the same family name installed (another version
    of IPAex, say), and Qt may then resolve the family to that one: the
    font's ``head`` table is compared with the file's, and on a mismatch the
    font is taken from the file's bytes instead.
    """
    cache = getattr(_RAW_FONTS, "fonts", None)
    if cache is None:
        cache = _RAW_FONTS.fonts = {}
    key = (path, round(pixel_size, 3))
    raw = cache.get(key)
    if raw is None:
        font = QFont(_family(path))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setPixelSize(max(1, round(pixel_size)))
        raw = QRawFont.fromFont(font)
        if bytes(raw.fontTable("head")) != _file_head(path):
            raw = _file_raw_font(path, pixel_size)
        raw.setPixelSize(pixel_size)
        if len(cache) > 256:
            cache.clear()
        cache[key] = raw
    return raw


def paint_page(painter: QPainter, page: Page, *, px_per_mm: float | None = None,
               fonts: FontSet | None = None, snap: bool = True) -> None:
    """Draw ``page`` with ``painter``, its top-left corner at the painter's origin.

    Args:
        painter: An active painter on any paint device.
        page: The page to draw.
        px_per_mm: Device pixels per millimetre; by default the device's
            own resolution (``logicalDpiX / 25.4``).
        fonts: The fonts the page was laid out with (default: the bundled ones).
        snap: Draw horizontal and vertical lines and fills on whole device
            pixels, as PDF rasterisers do (crisp rules in the preview).
    """
    fonts = fonts or FontSet.load()
    if px_per_mm is None:
        px_per_mm = painter.device().logicalDpiX() / 25.4
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    drawer = _Drawer(painter, px_per_mm, fonts, snap)
    for p in page.static:
        drawer.draw(p)
    for p in page.variable:
        drawer.draw(p)
    painter.restore()


def render_page_image(page: Page, dpi: float = 100.0, fonts: FontSet | None = None) -> QImage:
    """The page as a white RGB image at ``dpi`` (the preview, or a test).

    The size follows ``pdftoppm``: ``ceil(size in points × dpi / 72)``.
    """
    w = math.ceil(page.size_mm[0] * PT_PER_MM * dpi / 72.0 - 1e-9)
    h = math.ceil(page.size_mm[1] * PT_PER_MM * dpi / 72.0 - 1e-9)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        paint_page(painter, page, px_per_mm=dpi / 25.4, fonts=fonts)
    finally:
        painter.end()
    return image


class _Drawer:
    """Converts primitives to QPainter calls at a fixed scale."""

    def __init__(self, painter: QPainter, px_per_mm: float, fonts: FontSet, snap: bool) -> None:
        self.p = painter
        self.snap = snap
        self.k = px_per_mm
        self.fonts = fonts
        self.black = QColor(0, 0, 0)

    def draw(self, prim: Primitive) -> None:
        kind = type(prim)
        if kind is TextRun:
            self.text(prim)
        elif kind is Line:
            self.line(prim)
        elif kind is Rect:
            self.rect(prim)
        elif kind is Circle:
            self.circle(prim)
        elif kind is QrCode:
            self.qr(prim)
        elif kind is BarCode:
            self.bars(prim)
        else:  # pragma: no cover - a new primitive without a Qt drawing
            raise TypeError(f"cannot draw {kind.__name__}")

    def pen(self, width_pt: float, dash: tuple[float, ...] | None, width_px: float | None = None) -> QPen:
        pen = QPen(self.black)
        pen.setWidthF(width_px if width_px is not None else width_pt * MM_PER_PT * self.k)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        if dash:  # PDF dashes are in points, Qt's in pen widths
            unit = pen.widthF() / (MM_PER_PT * self.k)
            pen.setDashPattern([d / unit for d in dash])
        return pen

    def text(self, r: TextRun) -> None:
        face = self.fonts[r.font]
        px_per_pt = MM_PER_PT * self.k
        raw = _raw_font(str(face.path), r.size_pt * px_per_pt)
        glyphs = raw.glyphIndexesForString(r.text)
        if max(r.text, default="") >= VARIANT_FIRST:
            # A variant glyph (異体字) is drawn by its glyph id: Qt's cmap has no code for it.
            glyphs = [face.glyph_of(ch) if ch >= VARIANT_FIRST else g for ch, g in zip(r.text, glyphs)]
        if r.advances is None:
            steps = [a * px_per_pt for a in face.advances_pt(r.text, r.size_pt)]
        else:
            steps = [a * self.k for a in r.advances]
        positions, x = [], 0.0
        for step in steps:
            positions.append(QPointF(x, 0.0))
            x += step
        run = QGlyphRun()
        run.setRawFont(raw)
        run.setGlyphIndexes(glyphs)
        run.setPositions(positions)
        self.p.setPen(self.black)
        self.p.drawGlyphRun(QPointF(r.x * self.k, r.y * self.k), run)

    def _snapped(self, centre: float, width_px: float) -> tuple[float, float]:
        """A stroke's centre and width moved to cover whole device pixels.

        PDF rasterisers (poppler's stroke adjustment, printer drivers) draw
        thin axis-aligned lines crisp, on whole pixels; the preview does the
        same so that it looks like the print and not blurred.
        """
        w = max(1.0, float(round(width_px)))
        if int(w) % 2:
            return math.floor(centre) + 0.5, w
        return float(round(centre)), w

    def line(self, ln: Line) -> None:
        k = self.k
        x1, y1, x2, y2 = ln.x1 * k, ln.y1 * k, ln.x2 * k, ln.y2 * k
        pen = self.pen(ln.width_pt, ln.dash)
        if self.snap and (x1 == x2 or y1 == y2):
            if x1 == x2:
                x1, w = self._snapped(x1, pen.widthF())
                x2 = x1
            else:
                y1, w = self._snapped(y1, pen.widthF())
                y2 = y1
            pen = self.pen(ln.width_pt, ln.dash, width_px=w)
        self.p.setPen(pen)
        path = QPainterPath(QPointF(x1, y1))
        path.lineTo(x2, y2)
        self.p.drawPath(path)

    def rect(self, r: Rect) -> None:
        k = self.k
        x, y, w, h = r.x * k, r.y * k, r.w * k, r.h * k
        if r.fill is not None:
            g = round(r.fill * 255)
            box = QRectF(x, y, w, h)
            if self.snap:
                left, top = round(x), round(y)
                box = QRectF(left, top, max(1, round(x + w) - left), max(1, round(y + h) - top))
            self.p.fillRect(box, QColor(g, g, g))
        if r.width_pt > 0:
            pen = self.pen(r.width_pt, r.dash)
            if self.snap:
                x, pw = self._snapped(x, pen.widthF())
                y, _ = self._snapped(y, pen.widthF())
                x2, _ = self._snapped(x + w, pen.widthF())
                y2, _ = self._snapped(y + h, pen.widthF())
                w, h = x2 - x, y2 - y
                pen = self.pen(r.width_pt, r.dash, width_px=pw)
            # Same path order as PDF's ``re`` (from the bottom-left corner), so dashes match.
            path = QPainterPath(QPointF(x, y + h))
            path.lineTo(x + w, y + h)
            path.lineTo(x + w, y)
            path.lineTo(x, y)
            path.closeSubpath()
            self.p.setPen(pen)
            self.p.setBrush(Qt.BrushStyle.NoBrush)
            self.p.drawPath(path)

    def circle(self, c: Circle) -> None:
        k = self.k
        self.p.setPen(self.pen(c.width_pt, None))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawEllipse(QPointF(c.cx * k, c.cy * k), c.r * k, c.r * k)

    def qr(self, q: QrCode) -> None:
        k = self.k
        m = q.module_mm * k
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for r, start, length in q.dark_runs():
            path.addRect(QRectF(q.x * k + start * m, q.y * k + r * m, length * m, m))
        self.p.fillPath(path, QBrush(self.black))

    def bars(self, b: BarCode) -> None:
        """The customer barcode: the same rectangles as the PDF, filled black."""
        k = self.k
        path = QPainterPath()
        for x, y, w, h in b.rects():
            path.addRect(QRectF(x * k, y * k, w * k, h * k))
        self.p.fillPath(path, QBrush(self.black))
