"""The barcode of a printed page, measured on the PDF's drawing operators.

The content stream of a mailed page is parsed with pypdf: the filled
rectangles (``re`` … ``f``) that form the customer barcode are collected in
page coordinates (the current transformation matrix applied), and their
pitch, widths, heights and vertical placement are compared with the Japan
Post dimensions scaled to ``barcode_pt``. Tolerance: ±0.05 mm per bar, far
inside what a sorting machine accepts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from print_engine.layout.fonts import FontSet
from print_engine.layout.notice import NoticeLayouter
from print_engine.layout.primitives import MM_PER_PT
from print_engine.layout.samples import SAMPLE_EMPLOYER, sample_member
from print_engine.layout.templates import load_template
from print_engine.mail.recipient import join_address, make_recipient
from print_engine.output.pdf_writer import PdfWriter
from print_engine.profile.schema import DirectMail, RunProfile

TOLERANCE_MM = 0.05
SHAPES = {"F": (0.0, 3.6), "A": (0.0, 2.4), "D": (1.2, 2.4), "T": (1.2, 1.2)}  # (top offset, height) at 10 pt


def filled_rects(pdf: Path, page: int = 0) -> list[tuple[float, float, float, float]]:
    """(x, y_top, w, h) in mm from the top-left of every rectangle filled on the page."""
    reader = PdfReader(pdf)
    p = reader.pages[page]
    height = float(p.mediabox.height)
    ops = p.get_contents().operations
    ctm = [(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)]
    pending: list[tuple[float, float, float, float]] = []
    out = []
    for operands, op in ops:
        if op == b"q":
            ctm.append(ctm[-1])
        elif op == b"Q":
            ctm.pop()
            pending = []
        elif op == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            A, B, C, D, E, F = ctm[-1]
            ctm[-1] = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E,
                       e * B + f * D + F)
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            A, B, C, D, E, F = ctm[-1]
            pending.append((A * x + E, D * y + F, A * w, D * h))
        elif op in (b"f", b"f*", b"F"):
            for x, y, w, h in pending:
                out.append((x * MM_PER_PT, (height - y - h) * MM_PER_PT, w * MM_PER_PT, h * MM_PER_PT))
            pending = []
        elif op in (b"S", b"B", b"b", b"n"):
            pending = []
    return out


def barcode_bars(rects, scale: float) -> list[tuple[float, float, float, float]]:
    """The 67 rectangles of the barcode: narrow bars of the barcode's width, in a row."""
    width = 0.6 * scale
    bars = [r for r in rects if abs(r[2] - width) < 0.02 and r[3] <= 3.6 * scale + 0.02]
    return sorted(bars)


def mailed_pdf(tmp_path: Path, pt: float) -> tuple[Path, str]:
    profile = replace(RunProfile(), direct_mail=DirectMail(barcode_pt=pt))
    fonts = FontSet.load()
    member = sample_member()
    recipient = make_recipient("273-0102", join_address("千葉県鎌ケ谷市右京塚　東3丁目-20-5", "郵便・A&bコーポB604号"),
                               member.name, member.kigo, member.bango)
    page = NoticeLayouter(profile, date(2024, 8, 7), fonts, load_template()).layout(
        member, None, SAMPLE_EMPLOYER, recipient)
    path = tmp_path / "mailed.pdf"
    with PdfWriter(path, fonts) as writer:
        writer.add_page(page)
    return path, recipient.barcode.bars


def check_bars(bars, letters: str, scale: float) -> None:
    assert len(bars) == 67
    x0 = bars[0][0]
    top = min(b[1] for b in bars)
    for i, ((x, y, w, h), kind) in enumerate(zip(bars, letters)):
        offset, height = SHAPES[kind]
        assert x - x0 == pytest.approx(i * 1.2 * scale, abs=TOLERANCE_MM), i
        assert w == pytest.approx(0.6 * scale, abs=TOLERANCE_MM)
        assert h == pytest.approx(height * scale, abs=TOLERANCE_MM), (i, kind)
        assert y - top == pytest.approx(offset * scale, abs=TOLERANCE_MM), (i, kind)
    length = bars[-1][0] + bars[-1][2] - x0
    assert length == pytest.approx(79.8 * scale, abs=TOLERANCE_MM)


@pytest.mark.parametrize("pt", [8.0, 10.0, 11.0])
def test_printed_barcode_measures_right(tmp_path, pt):
    path, letters = mailed_pdf(tmp_path, pt)
    bars = barcode_bars(filled_rects(path), pt / 10)
    check_bars(bars, letters, pt / 10)


def test_the_measurement_catches_a_wrong_pitch(tmp_path):
    path, letters = mailed_pdf(tmp_path, 10.0)
    bars = barcode_bars(filled_rects(path), 1.0)
    stretched = [(x * 1.01, y, w, h) for x, y, w, h in bars]
    with pytest.raises(AssertionError):
        check_bars(stretched, letters, 1.0)
