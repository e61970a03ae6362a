"""Measuring, shrinking, breaking and placing text.

Widths come from the embedded fonts' own advances (:mod:`.fonts`), so a line
measured here is exactly as long on paper, in the PDF and in the preview.

Line breaking follows the basic Japanese rules (禁則処理): no line starts with
a closing bracket, a comma or full stop, a small kana or the long-vowel mark,
and no line ends with an opening bracket; a character that would break a rule
is carried to the next line with its neighbour (追い出し). Runs of ASCII
letters and digits (``03-3835-0006``, ``9:00~17:00``, URLs) stay together.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from print_engine.layout.fonts import SELECTORS, FontSet
from print_engine.layout.primitives import (
    MM_PER_PT,
    Circle,
    Line,
    Primitive,
    QrCode,
    Rect,
    TextRun,
)

# 行頭禁則: may not start a line.
NO_LINE_START = frozenset(
    "、。，．,.）)」』】〕〉》］]｝}〙〗!?！？：；:;ー－ｰ々ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ・…‥゛゜"
) | SELECTORS  # a variation selector stays with its kanji
# 行末禁則: may not end a line.
NO_LINE_END = frozenset("「『（(【〔〈《［[｛{〘〖")

_UNIT = re.compile(r"[!-~０-９Ａ-Ｚａ-ｚ]+|.", re.DOTALL)
_SPACES = " \u3000"
_EPS = 1e-6


@dataclass(frozen=True, slots=True)
class Fit:
    """What :func:`fit_text` decided.

    Attributes:
        lines: The lines to draw (one, unless the text had to wrap).
        size: The font size in points for every line.
        overflow: True when the text did not fit even at the smallest size
            on the allowed lines; the last line was then shortened with ``…``.
    """

    lines: tuple[str, ...]
    size: float
    overflow: bool


def measure(text: str, font: str, size_pt: float, fonts: FontSet) -> float:
    """Width of ``text`` in mm, set in ``font`` at ``size_pt`` (fallbacks included)."""
    return fonts.width_pt(text, font, size_pt) * MM_PER_PT


def _units(text: str) -> list[str]:
    return _UNIT.findall(text)


def break_lines(
    text: str,
    font: str,
    size_pt: float,
    max_width: float,
    fonts: FontSet,
    first_width: float | None = None,
) -> list[str]:
    """Break a paragraph into lines no wider than ``max_width`` mm, with 禁則.

    Args:
        text: The paragraph; ``\\n`` forces a line break.
        font: Logical font name.
        size_pt: Font size.
        max_width: Width available to each line (mm).
        fonts: The run's fonts.
        first_width: Width of the first line when it differs (an indent).

    Returns:
        The lines, without spaces at the break points.
    """
    lines: list[str] = []
    for i, para in enumerate(text.split("\n")):
        width = first_width if (i == 0 and first_width is not None) else max_width
        lines.extend(_break_paragraph(para, font, size_pt, width, max_width, fonts))
    return lines


def _break_paragraph(
    para: str, font: str, size_pt: float, first_width: float, width: float, fonts: FontSet
) -> list[str]:
    units = _units(para)
    if not units:
        return [""]
    k = MM_PER_PT
    widths = [fonts.width_pt(u, font, size_pt) * k for u in units]
    lines: list[str] = []
    start, n = 0, len(units)
    while start < n:
        if lines:
            while start < n and units[start] in _SPACES:
                start += 1
            if start == n:
                break
        limit = (first_width if not lines else width) + _EPS
        acc, i = 0.0, start
        while i < n and acc + widths[i] <= limit:
            acc += widths[i]
            i += 1
        if i == n:
            lines.append("".join(units[start:]).rstrip(_SPACES))
            break
        if i == start:
            if len(units[i]) > 1:  # a word wider than the line: cut it by character
                chars = list(units[i])
                units[i : i + 1] = chars
                widths[i : i + 1] = [fonts.width_pt(c, font, size_pt) * k for c in chars]
                n = len(units)
                continue
            i += 1  # a single character wider than the line: it goes alone
        else:
            j = i
            while j > start + 1 and _bad_break(units, j):
                j -= 1
            if not _bad_break(units, j):
                i = j
        lines.append("".join(units[start:i]).rstrip(_SPACES))
        start = i
    return lines


def _bad_break(units: list[str], j: int) -> bool:
    """Whether breaking before ``units[j]`` violates 禁則."""
    return units[j][0] in NO_LINE_START or units[j - 1][-1] in NO_LINE_END


def _wrap_at_spaces(text: str, font: str, size_pt: float, max_width: float, fonts: FontSet) -> list[str] | None:
    """Wrap at spaces (names: family name, given name); ``None`` if a word is too wide."""
    words = text.replace("\u3000", " ").split()
    if len(words) < 2 or any(measure(w, font, size_pt, fonts) > max_width + _EPS for w in words):
        return None
    lines: list[str] = []
    for w in words:
        if lines and measure(lines[-1] + " " + w, font, size_pt, fonts) <= max_width + _EPS:
            lines[-1] += " " + w
        else:
            lines.append(w)
    return lines


def _wrap_chars(text: str, font: str, size_pt: float, max_width: float, fonts: FontSet) -> list[str]:
    return break_lines(text, font, size_pt, max_width, fonts)


def fit_text(
    text: str,
    font: str,
    max_size: float,
    min_size: float,
    max_width: float,
    max_lines: int = 1,
    *,
    fonts: FontSet,
    max_height: float | None = None,
    leading: float = 1.2,
    step: float = 0.25,
) -> Fit:
    """Fit a short text (a name, a value) into a box: shrink first, then wrap.

    Args:
        text: The text.
        font: Logical font name.
        max_size: Preferred size (pt).
        min_size: Smallest acceptable size (pt).
        max_width: Width of the box (mm).
        max_lines: Lines allowed when shrinking alone is not enough.
        fonts: The run's fonts.
        max_height: Height of the box (mm) that the wrapped lines must fit,
            at ``leading`` × size per line; ``None`` = no limit.
        leading: Line pitch as a multiple of the size.
        step: Size decrement (pt).

    Returns:
        A :class:`Fit`; ``overflow`` is set when the text could not fit.
    """
    # Pages repeat many values (a code, a date, the employer's name): each fit is remembered.
    key = (text, font, max_size, min_size, max_width, max_lines, max_height, leading, step)
    hit = _FITS.get(key)
    if hit is not None and hit[0] is fonts:
        return hit[1]
    fit = _fit_text(text, font, max_size, min_size, max_width, max_lines, fonts, max_height, leading, step)
    if len(_FITS) >= _FITS_LIMIT:
        _FITS.clear()
    _FITS[key] = (fonts, fit)
    return fit


_FITS: dict[tuple, tuple[FontSet, Fit]] = {}
_FITS_LIMIT = 20_000


def _fit_text(text: str, font: str, max_size: float, min_size: float, max_width: float, max_lines: int,
              fonts: FontSet, max_height: float | None, leading: float, step: float) -> Fit:
    width = measure(text, font, max_size, fonts)
    if width <= max_width + _EPS:
        return Fit((text,), max_size, False)
    size = math.floor(max_size * max_width / width / step + _EPS) * step
    if size >= min_size - _EPS and measure(text, font, size, fonts) <= max_width + _EPS:
        return Fit((text,), size, False)

    def fits_height(count: int, size: float) -> bool:
        return max_height is None or count * size * leading * MM_PER_PT <= max_height + _EPS

    if max_lines > 1:
        for wrap in (_wrap_at_spaces, _wrap_chars):  # word boundaries first, at any size
            size = max_size
            while size >= min_size - _EPS:
                lines = wrap(text, font, size, max_width, fonts)
                if lines is not None and len(lines) <= max_lines and fits_height(len(lines), size):
                    return Fit(tuple(lines), size, False)
                size -= step
    size = min_size
    lines = (_wrap_at_spaces(text, font, size, max_width, fonts) or _wrap_chars(text, font, size, max_width, fonts)
             if max_lines > 1 else [text])
    kept = lines[:max_lines]
    while len(kept) > 1 and not fits_height(len(kept), size):
        kept.pop()
    last = kept[-1] if len(kept) == len(lines) else kept[-1] + "…"
    while len(last) > 1 and measure(last, font, size, fonts) > max_width + _EPS:
        last = last[:-2] + "…"
    kept[-1] = last
    return Fit(tuple(kept), size, True)


def place(
    x: float,
    y: float,
    text: str,
    font: str,
    size_pt: float,
    fonts: FontSet,
    *,
    align: str = "left",
    width: float = 0.0,
) -> list[TextRun]:
    """Text runs for ``text`` with its baseline at ``y``.

    A character missing in ``font`` but present in a fallback gets its own
    run in that fallback, placed right after the previous run. A variation
    sequence is drawn as its variant glyph where a font has it, else as its
    base character (:meth:`FontSet.shape`); a selector is never drawn.

    Args:
        x: Left edge (``align="left"``), else left edge of the box of ``width``.
        y: Baseline (mm).
        align: ``"left"``, ``"center"`` or ``"right"`` within ``width`` from ``x``.
    """
    face = fonts.faces[font]
    if face.chars.issuperset(text):  # the common case: one run in the asked font
        if align != "left":
            x += (width - face.ttfont.stringWidth(text, size_pt) * MM_PER_PT) / (2.0 if align == "center" else 1.0)
        return [TextRun(x, y, text, font, size_pt)]
    pieces = fonts.split_runs(text, font)
    if align != "left":
        total = sum(fonts.width_pt(t, f, size_pt) for f, t in pieces) * MM_PER_PT
        x += (width - total) / (2.0 if align == "center" else 1.0)
    if len(pieces) == 1:  # one font draws it all (variation sequences shaped)
        return [TextRun(x, y, pieces[0][1], pieces[0][0], size_pt)]
    runs = []
    for f, t in pieces:
        runs.append(TextRun(x, y, t, f, size_pt))
        x += fonts.width_pt(t, f, size_pt) * MM_PER_PT
    return runs


def distribute(
    x: float, y: float, text: str, width: float, font: str, size_pt: float, fonts: FontSet
) -> TextRun:
    """A label spread evenly across ``width`` (均等割付), e.g. ``氏　　名``.

    The first character starts at ``x`` and the last ends at ``x + width``;
    the run carries its own advances. Text wider than ``width`` is set
    normally.
    """
    face = fonts[font]
    natural = [a * MM_PER_PT for a in face.advances_pt(text, size_pt)]
    if len(text) < 2 or sum(natural) >= width:
        return TextRun(x, y, text, font, size_pt)
    gap = (width - sum(natural)) / (len(text) - 1)
    advances = tuple(a + gap for a in natural[:-1]) + (natural[-1],)
    return TextRun(x, y, text, font, size_pt, advances)


def paragraph(
    x: float,
    y: float,
    width: float,
    text: str,
    font: str,
    size_pt: float,
    fonts: FontSet,
    *,
    leading: float = 1.6,
    indent: float = 0.0,
    hanging: float = 0.0,
) -> tuple[list[TextRun], float]:
    """Set a paragraph: first baseline at ``y``, lines ``leading`` × size apart.

    Args:
        indent: Extra left offset of the first line (字下げ), mm.
        hanging: Extra left offset of the following lines (for ``※`` notes), mm.

    Returns:
        The runs and the baseline of the line after the paragraph.
    """
    pitch = size_pt * leading * MM_PER_PT
    lines = break_lines(text, font, size_pt, width - hanging, fonts, first_width=width - indent)
    runs: list[TextRun] = []
    for i, line in enumerate(lines):
        runs.extend(place(x + (indent if i == 0 else hanging), y, line, font, size_pt, fonts))
        y += pitch
    return runs, y


def extent(p: Primitive, fonts: FontSet) -> tuple[float, float, float, float]:
    """The ink box ``(left, top, right, bottom)`` of a primitive, in mm.

    Text spans its em box (ascent 0.88, descent 0.12 of the size for the
    IPAex faces); strokes include half their width.
    """
    if isinstance(p, TextRun):
        size = p.size_pt * MM_PER_PT
        width = sum(p.advances) if p.advances is not None else fonts.width_mm(p.text, p.font, p.size_pt)
        return (p.x, p.y - 0.88 * size, p.x + width, p.y + 0.12 * size)
    if isinstance(p, Line):
        half = p.width_pt * MM_PER_PT / 2
        return (min(p.x1, p.x2) - half, min(p.y1, p.y2) - half, max(p.x1, p.x2) + half, max(p.y1, p.y2) + half)
    if isinstance(p, Rect):
        half = p.width_pt * MM_PER_PT / 2
        return (p.x - half, p.y - half, p.x + p.w + half, p.y + p.h + half)
    if isinstance(p, Circle):
        r = p.r + p.width_pt * MM_PER_PT / 2
        return (p.cx - r, p.cy - r, p.cx + r, p.cy + r)
    if isinstance(p, QrCode):
        return (p.x, p.y, p.x + p.size_mm, p.y + p.size_mm)
    raise TypeError(f"no extent for {type(p).__name__}")
