"""The Qt painter draws the customer barcode exactly as the PDF does."""

from __future__ import annotations

import pytest

from gui.painter import render_page_image
from print_engine.layout.fonts import FontSet
from print_engine.layout.primitives import A4_MM, BarCode, Page
from print_engine.mail.barcode import customer_barcode

from .test_painter_matches_pdf import DPI, MAX_FRACTION, MAX_MEAN, pdf_render, qimage_to_pil, tolerant_difference

pytestmark = pytest.mark.poppler


def test_qt_bars_match_the_pdf(tmp_path):
    fonts = FontSet.load()
    bars = customer_barcode("2730102", "東3丁目-20-5 郵便・A&bコーポB604号").bars
    page = Page(A4_MM, None, (), (BarCode(25.0, 30.0, bars, 1.0), BarCode(25.0, 45.0, bars, 0.8)))
    qt = qimage_to_pil(render_page_image(page, DPI, fonts))
    pdf = pdf_render(page, fonts, tmp_path)
    mean, fraction = tolerant_difference(qt, pdf)
    assert mean < MAX_MEAN and fraction < MAX_FRACTION, (mean, fraction)
    # and the bars are really there: a long bar's column is dark across 3.6 mm
    px = DPI / 25.4
    column = [qt.getpixel((round((25.0 + 0.3) * px), round((30.0 + d) * px))) for d in (0.3, 1.8, 3.3)]
    assert max(column) < 100
