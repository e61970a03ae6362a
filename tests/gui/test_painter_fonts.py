"""Printing and preview use the bundled font files, never a system font of the same family."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QRawFont

from gui import painter
from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet


def test_the_bundled_file_is_used_even_if_qt_resolves_the_family_elsewhere(qapp, monkeypatch):
    fonts = FontSet.load(())
    gothic, mincho = str(fonts[GOTHIC].path), str(fonts[MINCHO].path)
    real = painter._raw_font(gothic, 20.0)
    assert bytes(real.fontTable("head")) == painter._file_head(gothic)

    # A PC where the family name resolves to another installed font (here: Mincho's file).
    other = QRawFont(Path(mincho).read_bytes(), 20.0)
    monkeypatch.setattr(QRawFont, "fromFont", staticmethod(lambda font, *a: QRawFont(other)))
    painter._RAW_FONTS.fonts = {}
    raw = painter._raw_font(gothic, 20.0)
    assert bytes(raw.fontTable("head")) == painter._file_head(gothic) != bytes(other.fontTable("head"))
    assert raw.familyName() == real.familyName() and raw.pixelSize() == 20.0
