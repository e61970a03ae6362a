"""Comparing a rendered page with a PDF page rendered by poppler (pdftoppm)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter
from PySide6.QtGui import QImage

MAX_MEAN = 0.5  # gray levels
MAX_FRACTION = 0.001  # share of pixels off by more than 64


def qimage_to_pil(image: QImage) -> Image.Image:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    return Image.frombuffer("L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine(), 1)


def pdf_page_image(pdf: Path, page: int, dpi: int, tmp_path: Path) -> Image.Image:
    """Page ``page`` (1-based) of ``pdf`` rendered by pdftoppm at ``dpi``."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    stem = tmp_path / f"pdfpage-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(pdf), str(stem)], check=True)
    return Image.open(f"{stem}.png").convert("L")


def difference(a: Image.Image, b: Image.Image) -> tuple[float, float]:
    """Mean difference and share of pixels off by > 64, each pixel against the other's 3×3 range.

    Anti-aliasing and sub-pixel rounding move an edge by at most one pixel;
    a difference that survives the 3×3 range of the other image is real.
    Images may differ by one pixel in size (Qt's PDF engine writes A4 as
    595 × 842 pt, reportlab as 595.28 × 841.89): both are cropped to the
    common top-left area, where the layout is measured from.
    """
    assert abs(a.width - b.width) <= 1 and abs(a.height - b.height) <= 1, (a.size, b.size)
    w, h = min(a.width, b.width), min(a.height, b.height)
    a, b = a.crop((0, 0, w, h)), b.crop((0, 0, w, h))

    def outside(x: Image.Image, y: Image.Image) -> Image.Image:
        hi, lo = y.filter(ImageFilter.MaxFilter(3)), y.filter(ImageFilter.MinFilter(3))
        return ImageChops.lighter(ImageChops.subtract(x, hi), ImageChops.subtract(lo, x))

    hist = ImageChops.lighter(outside(a, b), outside(b, a)).histogram()
    n = a.size[0] * a.size[1]
    return sum(i * c for i, c in enumerate(hist)) / n, sum(hist[65:]) / n


def same_page(a: Image.Image, b: Image.Image, max_fraction: float = MAX_FRACTION) -> bool:
    """Whether two renderings show the same page (see :func:`difference`)."""
    mean, fraction = difference(a, b)
    return mean < MAX_MEAN and fraction < max_fraction
