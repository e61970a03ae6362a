"""The customer barcode as a page primitive: its bars' geometry and the PDF's rectangles."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from print_engine.layout.fonts import FontSet
from print_engine.layout.primitives import A4_MM, PT_PER_MM, BarCode, Page
from print_engine.mail.barcode import customer_barcode
from print_engine.output.pdf_writer import PdfWriter

BARS = customer_barcode("1000013", "霞が関1丁目3番2号 郵便プラザ503室").bars
# Heights (mm at 10 pt) and offsets from the top of the long bars, by kind.
SHAPE_10PT = {"F": (0.0, 3.6), "A": (0.0, 2.4), "D": (1.2, 2.4), "T": (1.2, 1.2)}


@pytest.mark.parametrize("pt", [8.0, 10.0, 11.5])
def test_bars_scale_with_the_point_size(pt):
    k = pt / 10
    code = BarCode(20.0, 40.0, BARS, k)
    rects = code.rects()
    assert len(rects) == 67
    assert code.width_mm == pytest.approx(79.8 * k)
    assert rects[-1][0] + rects[-1][2] - rects[0][0] == pytest.approx(79.8 * k)
    for i, ((x, y, w, h), kind) in enumerate(zip(rects, BARS)):
        top, height = SHAPE_10PT[kind]
        assert x == pytest.approx(20.0 + i * 1.2 * k)
        assert w == pytest.approx(0.6 * k)
        assert y == pytest.approx(40.0 + top * k)
        assert h == pytest.approx(height * k)


def test_pdf_fills_the_same_rectangles():
    code = BarCode(30.0, 50.0, BARS, 1.0)
    buf = io.BytesIO()
    with PdfWriter(buf, FontSet.load()) as writer:
        writer.add_page(Page(A4_MM, None, (), (code,)))
    content = PdfReader(io.BytesIO(buf.getvalue())).pages[0].get_contents()
    ops = content.operations
    rects = [[float(v) for v in operands] for operands, op in ops if op == b"re"]
    assert len(rects) == 67
    assert any(op == b"f" for _, op in ops)
    height_pt = A4_MM[1] * PT_PER_MM
    for (x, y, w, h), (px, py, pw, ph) in zip(code.rects(), rects):
        assert px == pytest.approx(x * PT_PER_MM, abs=0.01)
        assert pw == pytest.approx(w * PT_PER_MM, abs=0.01)
        assert ph == pytest.approx(h * PT_PER_MM, abs=0.01)
        assert py == pytest.approx(height_pt - (y + h) * PT_PER_MM, abs=0.01)
