"""Icons the style does not have (a printer, a PDF file), drawn with QPainter.

The style's standard icons cover open, reload, save and the message kinds;
there is no printer among them, so the printer and PDF icons are drawn here
in the same flat manner, at any size, with no image files to ship.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

SIZES = (16, 20, 24, 32, 48)
INK = QColor("#3b4a5a")
PAPER = QColor("#ffffff")
ACCENT = QColor("#2f7ad1")


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(size / 32.0, size / 32.0)
    return pixmap, painter


def printer_icon() -> QIcon:
    """A printer with a sheet coming out."""
    icon = QIcon()
    for size in SIZES:
        pixmap, p = _canvas(size)
        pen = QPen(INK, 1.6)
        p.setPen(pen)
        p.setBrush(PAPER)
        p.drawRect(QRectF(9, 3, 14, 9))
        p.setBrush(QColor("#d7dee6"))
        p.drawRoundedRect(QRectF(3, 11, 26, 12), 2.5, 2.5)
        p.setBrush(PAPER)
        p.drawRect(QRectF(9, 19, 14, 10))
        p.setPen(QPen(INK, 1.2))
        for y in (22.5, 25.5):
            p.drawLine(QPointF(11.5, y), QPointF(20.5, y))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ACCENT)
        p.drawEllipse(QPointF(25, 15), 1.6, 1.6)
        p.end()
        icon.addPixmap(pixmap)
    return icon


def pdf_icon() -> QIcon:
    """A sheet with a folded corner and a red "PDF" band."""
    icon = QIcon()
    for size in SIZES:
        pixmap, p = _canvas(size)
        path = QPainterPath(QPointF(7, 2))
        path.lineTo(20, 2)
        path.lineTo(26, 8)
        path.lineTo(26, 30)
        path.lineTo(7, 30)
        path.closeSubpath()
        p.setPen(QPen(INK, 1.6))
        p.setBrush(PAPER)
        p.drawPath(path)
        p.drawLine(QPointF(20, 2), QPointF(20, 8))
        p.drawLine(QPointF(20, 8), QPointF(26, 8))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#c8372d"))
        p.drawRect(QRectF(3, 15, 20, 10))
        font = QFont()
        font.setPixelSize(8)
        font.setBold(True)
        p.setFont(font)
        p.setPen(PAPER)
        p.drawText(QRectF(3, 15, 20, 10), int(Qt.AlignmentFlag.AlignCenter), "PDF")
        p.end()
        icon.addPixmap(pixmap)
    return icon
