"""The page preview: the engine's layout drawn by the QPainter adapter.

What is shown is the page the printer and the PDF get (``gui.painter``
draws the engine's :class:`~print_engine.layout.primitives.Page`; no picture
of a PDF). The page is rendered once per zoom into a ``QImage`` — the part
shared by every notice (``Page.static``) is rendered once and copied, only
the member's own values are drawn per page — and the widget just blits it,
so scrolling costs nothing. A toggle outlines the envelope window of the
run profile and the cut-off strip, to show what shows through the window.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

from print_engine import GEOMETRY, EnvelopeWindow, Page

from .painter import paint_page, render_page_image

PAGE_MARGIN_PX = 16
WINDOW_COLOUR = QColor(30, 110, 220)
STRIP_COLOUR = QColor(230, 120, 0)
_STATIC_CACHE_LIMIT = 8


class PageRenderer:
    """Renders pages to images, reusing the static part per key and size."""

    def __init__(self) -> None:
        self._static: dict[tuple[str, int, int], QImage] = {}

    def render(self, page: Page, px_per_mm: float, fonts) -> QImage:
        dpi = px_per_mm * 25.4
        if page.static_key is None:
            return render_page_image(page, dpi, fonts)
        static_only = Page(page.size_mm, page.static_key, page.static, (), page.kind)
        key = (page.static_key, round(dpi * 100), id(fonts))
        base = self._static.get(key)
        if base is None:
            if len(self._static) >= _STATIC_CACHE_LIMIT:
                self._static.clear()
            base = self._static[key] = render_page_image(static_only, dpi, fonts)
        image = base.copy()
        painter = QPainter(image)
        try:
            paint_page(painter, Page(page.size_mm, None, (), page.variable, page.kind), px_per_mm=px_per_mm,
                       fonts=fonts)
        finally:
            painter.end()
        return image


class PageCanvas(QWidget):
    """Blits the rendered page with a drop shadow, plus the optional outlines."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.page: Page | None = None
        self.px_per_mm = 1.0
        self.window: EnvelopeWindow | None = None
        self.show_outlines = False
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_image(self, image: QImage | None, page: Page | None, px_per_mm: float) -> None:
        self.image, self.page, self.px_per_mm = image, page, px_per_mm
        if image is not None:
            ratio = image.devicePixelRatio()
            self.setFixedSize(QSize(round(image.width() / ratio) + 2 * PAGE_MARGIN_PX,
                                    round(image.height() / ratio) + 2 * PAGE_MARGIN_PX))
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        if self.image is None:
            return
        painter = QPainter(self)
        ratio = self.image.devicePixelRatio()
        w, h = self.image.width() / ratio, self.image.height() / ratio
        painter.fillRect(QRectF(PAGE_MARGIN_PX + 4, PAGE_MARGIN_PX + 4, w, h), QColor(0, 0, 0, 60))
        painter.drawImage(QPointF(PAGE_MARGIN_PX, PAGE_MARGIN_PX), self.image)
        painter.setPen(QPen(QColor(150, 150, 150), 1))
        painter.drawRect(QRectF(PAGE_MARGIN_PX, PAGE_MARGIN_PX, w, h))
        if self.show_outlines and self.page is not None and self.page.kind == "notice" and self.window is not None:
            self._outlines(painter)
        painter.end()

    def _outlines(self, painter: QPainter) -> None:
        k = self.px_per_mm / self.image.devicePixelRatio()
        win = self.window
        g = GEOMETRY
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(PAGE_MARGIN_PX, PAGE_MARGIN_PX)
        for rect, colour, label, dash in (
            (QRectF(win.window_left_mm * k, win.window_top_mm * k, win.window_width_mm * k, win.window_height_mm * k),
             WINDOW_COLOUR, self.tr("封筒の窓"), Qt.PenStyle.SolidLine),
            (QRectF(g.strip_x * k, g.strip_y * k, g.strip_w * k, g.strip_h * k),
             STRIP_COLOUR, self.tr("切り取り部分"), Qt.PenStyle.DashLine),
        ):
            fill = QColor(colour)
            fill.setAlpha(28)
            painter.fillRect(rect, fill)
            painter.setPen(QPen(colour, 2, dash))
            painter.drawRect(rect)
            painter.setPen(colour)
            painter.drawText(rect.adjusted(4, 2, -4, -2), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                             label)


class PageView(QScrollArea):
    """The scrollable page (``previewView``): zoom to page, to width or to a percentage.

    Signals:
        rendered(float): a page was rendered; the milliseconds it took.
    """

    rendered = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("previewView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setBackgroundRole(self.backgroundRole())
        self.setStyleSheet("QScrollArea#previewView { background: #8a8f96; }")
        self.canvas = PageCanvas()
        self.canvas.setStyleSheet("background: transparent;")
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.renderer = PageRenderer()
        self.zoom = "page"  # "page" | "width" | percent as int
        self.page: Page | None = None
        self.fonts = None

    def set_page(self, page: Page | None, fonts=None) -> None:
        self.page, self.fonts = page, fonts
        self.refresh()

    def set_zoom(self, zoom: str | int) -> None:
        self.zoom = zoom
        self.refresh()

    def px_per_mm(self) -> float:
        """The scale (logical pixels per mm) the current zoom asks for."""
        if self.page is None:
            return 1.0
        w_mm, h_mm = self.page.size_mm
        view = self.viewport().size()
        avail_w = max(50, view.width() - 2 * PAGE_MARGIN_PX - 8)
        avail_h = max(50, view.height() - 2 * PAGE_MARGIN_PX - 8)
        if self.zoom == "page":
            return min(avail_w / w_mm, avail_h / h_mm)
        if self.zoom == "width":
            return (avail_w - self.verticalScrollBar().sizeHint().width()) / w_mm
        return self.logicalDpiX() / 25.4 * int(self.zoom) / 100.0

    def refresh(self) -> None:
        """Render the current page at the current zoom (timed)."""
        import time

        if self.page is None:
            self.canvas.set_image(None, None, 1.0)
            self.canvas.setFixedSize(QSize(0, 0))
            return
        start = time.perf_counter()
        ratio = self.devicePixelRatioF()
        k = self.px_per_mm()
        image = self.renderer.render(self.page, k * ratio, self.fonts)
        image.setDevicePixelRatio(ratio)
        self.canvas.set_image(image, self.page, k * ratio)
        self.rendered.emit((time.perf_counter() - start) * 1000.0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.zoom in ("page", "width") and self.page is not None:
            self.refresh()
