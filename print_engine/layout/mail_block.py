"""The window block of a mailed envelope: 〒, address, addressee, customer barcode.

On the first page of an envelope mailed home (``direct-mail.md``) this block
takes the place of the usual window block: 〒 and the postal code (with
``記号-番号`` small on the same line, at the right), the address wrapped to
at most three lines, the addressee with 様, and directly under the name the
customer barcode with at least 2 mm clear on every side. Everything stays
inside the profile's ``[envelope]`` window; what does not fit is reported
as an :class:`Overflow` (``window.address``, ``window.name``,
``window.barcode``).
"""

from __future__ import annotations

from dataclasses import dataclass

from print_engine.layout.fonts import GOTHIC, FontSet
from print_engine.layout.notice_parts import ASCENT, DESCENT, LINE_PITCH
from print_engine.layout.primitives import MM_PER_PT, BarCode, Overflow, Primitive
from print_engine.layout.text import fit_text, place
from print_engine.mail.recipient import MailRecipient
from print_engine.profile.schema import EnvelopeWindow

POSTAL_MARK = "〒"


@dataclass(frozen=True, slots=True)
class MailBlockGeometry:
    """Sizes (pt) and gaps (mm) of the block."""

    margin: float = 3.0  # inset of the block in the window (as the notice's window block)
    postal_pt: float = 10.5
    number_pt: float = 7.5  # 記号-番号, small
    address_pt: float = 10.5
    address_min_pt: float = 8.0
    address_lines: int = 3
    name_pt: float = 13.0
    name_min_pt: float = 9.0
    gap_address: float = 1.4  # postal line → address
    gap_name: float = 1.8  # address → name
    barcode_clear: float = 2.0  # clear space on every side of the barcode


MAIL_BLOCK = MailBlockGeometry()


def barcode_width_problem(window: EnvelopeWindow, barcode_pt: float, g: MailBlockGeometry = MAIL_BLOCK) -> str | None:
    """Why the barcode at ``barcode_pt`` cannot fit the window with its clear space, or None."""
    length = BarCode(0.0, 0.0, "F" * 67, barcode_pt / 10.0).width_mm
    needed = max(g.margin, g.barcode_clear) + length + g.barcode_clear
    if needed <= window.window_width_mm + 1e-6:
        return None
    return (f"カスタマバーコード（{barcode_pt:g} ポイント、長さ {length:.1f} mm）が封筒の窓（幅 "
            f"{window.window_width_mm:g} mm）に余白 {g.barcode_clear:g} mm を含めて収まりません。"
            f"「direct_mail.barcode_pt」を小さくするか、「envelope.window_width_mm」を {needed:.1f} mm 以上にしてください。")


def _mm(size_pt: float) -> float:
    return size_pt * MM_PER_PT


def _fit_address(text: str, width: float, g: MailBlockGeometry, fonts: FontSet):
    """Wrapped at the full size if it fits three lines there, else shrunk as far as the minimum."""
    fit = fit_text(text, GOTHIC, g.address_pt, g.address_pt, width, g.address_lines, fonts=fonts)
    if fit.overflow:
        fit = fit_text(text, GOTHIC, g.address_pt, g.address_min_pt, width, g.address_lines, fonts=fonts)
    return fit


def mail_window_block(out: list[Primitive], overflow: list[Overflow], recipient: MailRecipient, fonts: FontSet,
                      window: EnvelopeWindow, barcode_pt: float, honorific: str,
                      g: MailBlockGeometry = MAIL_BLOCK) -> BarCode:
    """Append the block's primitives to ``out``; returns the barcode placed.

    Args:
        out: The page's variable primitives.
        overflow: Where texts that do not fit are reported.
        recipient: The envelope's address and barcode.
        fonts: The run's fonts.
        window: The profile's envelope window.
        barcode_pt: ``[direct_mail] barcode_pt``.
        honorific: 様 (from the template).
        g: Sizes and gaps.
    """
    left = window.window_left_mm + g.margin
    width = window.window_width_mm - 2 * g.margin
    right = window.window_left_mm + window.window_width_mm
    bottom = window.window_top_mm + window.window_height_mm
    y = window.window_top_mm + g.margin + ASCENT * _mm(g.postal_pt)
    out += place(left, y, f"{POSTAL_MARK}{recipient.postal_label}", GOTHIC, g.postal_pt, fonts)
    out += place(left, y, recipient.number_label, GOTHIC, g.number_pt, fonts, align="right", width=width)
    y += DESCENT * _mm(g.postal_pt) + g.gap_address

    address = _fit_address(recipient.address, width, g, fonts)
    if address.overflow:
        overflow.append(Overflow("window.address", recipient.address))
    size = _mm(address.size)
    y += ASCENT * size
    for i, line in enumerate(address.lines):
        if i:
            y += LINE_PITCH * size
        out += place(left, y, line, GOTHIC, address.size, fonts)
    y += DESCENT * size + g.gap_name

    name_text = f"{recipient.addressee} {honorific}"
    name = fit_text(name_text, GOTHIC, g.name_pt, g.name_min_pt, width, 1, fonts=fonts)
    if name.overflow:
        overflow.append(Overflow("window.name", recipient.addressee))
    y += ASCENT * _mm(name.size)
    out += place(left, y, name.lines[0], GOTHIC, name.size, fonts)
    y += DESCENT * _mm(name.size)

    bars = BarCode(max(left, window.window_left_mm + g.barcode_clear), y + g.barcode_clear,
                   recipient.barcode.bars, barcode_pt / 10.0)
    out.append(bars)
    if (bars.x + bars.width_mm + g.barcode_clear > right + 1e-6
            or bars.y + bars.height_mm + g.barcode_clear > bottom + 1e-6):
        overflow.append(Overflow("window.barcode", recipient.number_label))
    return bars
