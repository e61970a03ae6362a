"""Draw the app icon: a white envelope with a red お seal on a blue rounded square.

The icon is drawn here with Pillow (no external artwork), so it can be redrawn
at any time::

    python installer/make_icon.py

writes ``installer/oshirase.png`` (256 px, also used as the window icon) and
``installer/oshirase.ico`` (16–256 px, for the exe, the setup and the
shortcuts). The お is set in the bundled IPAex Gothic.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "resources" / "fonts" / "ipaexg.ttf"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

BLUE = (30, 94, 184, 255)
BLUE_DARK = (22, 70, 140, 255)
WHITE = (255, 255, 255, 255)
FLAP = (200, 214, 235, 255)
RED = (206, 38, 38, 255)

CANVAS = 1024  # drawn large, then scaled down for clean edges


def draw_icon(size: int = CANVAS) -> Image.Image:
    """Return the icon as an RGBA image of ``size`` × ``size`` pixels."""
    s = size / CANVAS
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (round(x0 * s), round(y0 * s), round(x1 * s), round(y1 * s))

    # Blue rounded square with a slightly darker rim.
    d.rounded_rectangle(box(32, 32, 992, 992), radius=round(190 * s), fill=BLUE_DARK)
    d.rounded_rectangle(box(52, 52, 972, 972), radius=round(172 * s), fill=BLUE)

    # Envelope: white body, pale flap lines meeting in the middle.
    left, top, right, bottom = 150, 270, 874, 760
    d.rounded_rectangle(box(left, top, right, bottom), radius=round(36 * s), fill=WHITE)
    mid_x, mid_y = (left + right) / 2, 540
    width = max(1, round(30 * s))
    d.line([(left * s + 20 * s, top * s + 24 * s), (mid_x * s, mid_y * s),
            (right * s - 20 * s, top * s + 24 * s)], fill=FLAP, width=width, joint="curve")
    d.line([(left * s + 24 * s, bottom * s - 24 * s), (410 * s, 560 * s)], fill=FLAP, width=width)
    d.line([(right * s - 24 * s, bottom * s - 24 * s), (614 * s, 560 * s)], fill=FLAP, width=width)

    # Red seal with a white お, overlapping the envelope's lower right corner.
    cx, cy, r = 720, 700, 200
    d.ellipse(box(cx - r - 18, cy - r - 18, cx + r + 18, cy + r + 18), fill=WHITE)
    d.ellipse(box(cx - r, cy - r, cx + r, cy + r), fill=RED)
    font = ImageFont.truetype(str(FONT), round(250 * s))
    d.text((cx * s, cy * s + 6 * s), "お", font=font, fill=WHITE, anchor="mm")
    return img


def write_icons(png: Path = HERE / "oshirase.png", ico: Path = HERE / "oshirase.ico") -> None:
    """Write the 256 px PNG and the multi-size ICO."""
    big = draw_icon()
    big.resize((256, 256), Image.LANCZOS).save(png, optimize=True)
    big.save(ico, format="ICO", sizes=[(n, n) for n in ICO_SIZES])


if __name__ == "__main__":
    write_icons()
    sys.exit(0)
