"""The Qt painter draws the same page as the PDF (poppler's rendering).

Each sample page is rendered twice at 200 dpi — by ``gui.painter`` on a
``QImage`` and by ``pdftoppm`` from our PDF — and compared with a one-pixel
tolerance for rasteriser differences (anti-aliasing, rounding of glyph
baselines): a pixel counts as different only by how far it falls outside the
range of the other image's 3×3 neighbourhood. Tolerance: mean difference
below 0.5 gray levels and fewer than 0.1 % of pixels off by more than 64.
A shift of two pixels (0.25 mm ≈ 0.7 pt) of the whole page fails it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter

from gui.painter import paint_page, render_page_image
from print_engine.layout.fonts import FontSet
from print_engine.layout.samples import sample_member, sample_pages
from print_engine.output.pdf_writer import PdfWriter

pytestmark = pytest.mark.poppler

DPI = 200
MAX_MEAN = 0.5
MAX_FRACTION = 0.001
IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")


def qimage_to_pil(image) -> Image.Image:
    from PySide6.QtGui import QImage

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    return Image.frombuffer("L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine(), 1)


def pdf_render(page, fonts: FontSet, tmp_path: Path) -> Image.Image:
    pdf = tmp_path / "page.pdf"
    with PdfWriter(pdf, fonts) as writer:
        writer.add_page(page)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    return Image.open(tmp_path / "page.png").convert("L")


def tolerant_difference(a: Image.Image, b: Image.Image) -> tuple[float, float]:
    """Mean and >64 share of the difference, each pixel against the other's 3×3 range."""
    assert a.size == b.size

    def outside(x: Image.Image, y: Image.Image) -> Image.Image:
        hi, lo = y.filter(ImageFilter.MaxFilter(3)), y.filter(ImageFilter.MinFilter(3))
        return ImageChops.lighter(ImageChops.subtract(x, hi), ImageChops.subtract(lo, x))

    hist = ImageChops.lighter(outside(a, b), outside(b, a)).histogram()
    n = a.size[0] * a.size[1]
    return sum(i * c for i, c in enumerate(hist)) / n, sum(hist[65:]) / n


@pytest.mark.parametrize("kind", ["notice", "cover", "list"])
def test_qt_image_matches_the_pdf(kind, tmp_path):
    fonts = FontSet.load()
    page = sample_pages(fonts)[kind]
    qt = qimage_to_pil(render_page_image(page, DPI, fonts))
    pdf = pdf_render(page, fonts, tmp_path)
    mean, fraction = tolerant_difference(qt, pdf)
    assert mean < MAX_MEAN and fraction < MAX_FRACTION, (kind, mean, fraction)


def test_the_comparison_catches_a_quarter_millimetre_shift(tmp_path):
    fonts = FontSet.load()
    page = sample_pages(fonts)["notice"]
    qt = qimage_to_pil(render_page_image(page, DPI, fonts))
    pdf = pdf_render(page, fonts, tmp_path)
    mean, fraction = tolerant_difference(ImageChops.offset(qt, 2, 0), pdf)
    assert mean >= MAX_MEAN or fraction >= MAX_FRACTION


@pytest.mark.skipif(not IPAMJ.is_file(), reason="IPAmj Mincho is not installed")
def test_fallback_font_runs_match_too(tmp_path):
    from dataclasses import replace
    from datetime import date

    from print_engine.layout.notice import layout_notice
    from print_engine.layout.samples import SAMPLE_EMPLOYER
    from print_engine.layout.templates import load_template
    from print_engine.profile.schema import RunProfile

    fonts = FontSet.load([IPAMJ])
    profile = RunProfile()
    page = layout_notice(sample_member("𠮷田 太郎"), None, SAMPLE_EMPLOYER, profile,
                         date(2024, 8, 7), fonts, load_template())
    page = replace(page, static=())  # the member's runs only: the fallback glyphs weigh more
    mean, fraction = tolerant_difference(qimage_to_pil(render_page_image(page, DPI, fonts)),
                                         pdf_render(page, fonts, tmp_path))
    assert mean < MAX_MEAN and fraction < MAX_FRACTION


@pytest.mark.skipif(not IPAMJ.is_file(), reason="IPAmj Mincho is not installed")
def test_variant_glyphs_match_too(tmp_path):
    """葛 + U+E0102 (IPAmj's variant) and 葛 + U+E0100 (IPAex's own): the preview draws what the PDF prints."""
    from dataclasses import replace
    from datetime import date

    from print_engine.layout.notice import layout_notice
    from print_engine.layout.samples import SAMPLE_EMPLOYER
    from print_engine.layout.templates import load_template
    from print_engine.profile.schema import RunProfile

    fonts = FontSet.load([IPAMJ])

    def page(name):
        laid = layout_notice(sample_member(name), None, SAMPLE_EMPLOYER, RunProfile(), date(2024, 8, 7), fonts,
                             load_template())
        return replace(laid, static=())

    variant = page("葛\U000E0102城 葛\U000E0100子")
    qt = qimage_to_pil(render_page_image(variant, DPI, fonts))
    mean, fraction = tolerant_difference(qt, pdf_render(variant, fonts, tmp_path))
    assert mean < MAX_MEAN and fraction < MAX_FRACTION
    base = qimage_to_pil(render_page_image(page("葛城 葛子"), DPI, fonts))
    assert tolerant_difference(qt, base)[0] > 0  # the variant glyphs, not the base ones (nor boxes)


def test_paint_page_uses_the_devices_resolution(qapp):
    from PySide6.QtGui import QColor, QImage, QPainter

    fonts = FontSet.load()
    page = sample_pages(fonts)["list"]
    reference = render_page_image(page, 100, fonts)
    image = QImage(reference.width(), reference.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(100 / 0.0254))
    image.setDotsPerMeterY(round(100 / 0.0254))
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    paint_page(painter, page, fonts=fonts)
    painter.end()
    assert image == reference


def test_many_pages_paint_without_exhausting_python(qapp):
    """Regression: PySide6 6.12 on Python 3.11 drops a reference to None per void call."""
    fonts = FontSet.load()
    pages = list(sample_pages(fonts).values())
    images = [render_page_image(page, 30, fonts) for _ in range(10) for page in pages]  # ~60,000 void calls
    assert all(not image.isNull() and image.pixelColor(0, 0).lightness() == 255 for image in images)
