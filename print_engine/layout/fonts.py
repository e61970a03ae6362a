"""The fonts of a run: loading, metrics and glyph coverage.

The notice is set in the two TrueType fonts shipped in ``resources/fonts``
(IPAex Gothic and IPAex Mincho). A run profile may name extra TrueType files
(``[fonts] fallback``, e.g. IPAmj Mincho) for characters those two lack
(外字); nothing is ever taken from the machine's own fonts, so the same inputs
give the same page everywhere.

Metrics come from reportlab's reading of each file (``TTFontFace``): the
advance of a character is ``charWidths[codepoint] / 1000 × size``, exactly the
width the PDF records for the glyph, and the Qt painter positions glyphs with
the same numbers.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from print_engine.layout.primitives import MM_PER_PT
from print_engine.resources import resources_dir

GOTHIC = "gothic"
MINCHO = "mincho"
BUNDLED = {GOTHIC: "ipaexg.ttf", MINCHO: "ipaexm.ttf"}

# Characters that are layout, not glyphs: never reported as missing.
_IGNORED = frozenset("\n\r\t")


@dataclass(slots=True)
class FontFace:
    """One TrueType file, registered with reportlab.

    Attributes:
        name: Logical name used in :class:`~.primitives.TextRun` (``"gothic"``).
        path: The TrueType file.
        rl_name: The name under which reportlab knows the font.
        ttfont: reportlab's font object (metrics and subset embedding).
        chars: Every character the font has a glyph for.
        widths: Advance per code point, in 1/1000 of the font size.
        default_width: Advance of a character without a width entry.
        ascent: Ascender in 1/1000 of the font size.
        descent: Descender (negative) in 1/1000 of the font size.
    """

    name: str
    path: Path
    rl_name: str
    ttfont: TTFont
    chars: frozenset[str]
    widths: dict[int, float]
    default_width: float
    ascent: float
    descent: float

    def width_pt(self, text: str, size_pt: float) -> float:
        """Advance width of ``text`` in this face, in points."""
        return self.ttfont.stringWidth(text, size_pt)

    def advances_pt(self, text: str, size_pt: float) -> list[float]:
        """Advance of each character of ``text`` in points."""
        w, d, k = self.widths, self.default_width, size_pt / 1000.0
        return [w.get(ord(c), d) * k for c in text]


def _load_face(name: str, path: Path) -> FontFace:
    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
    rl_name = f"Oshirase-{name}-{digest}"
    try:
        font = pdfmetrics.getFont(rl_name)
    except KeyError:
        font = TTFont(rl_name, str(path))
        pdfmetrics.registerFont(font)
    face = font.face
    return FontFace(
        name=name,
        path=path,
        rl_name=rl_name,
        ttfont=font,
        chars=frozenset(chr(c) for c in face.charToGlyph),
        widths=face.charWidths,
        default_width=face.defaultWidth,
        ascent=face.ascent,
        descent=face.descent,
    )


@dataclass(slots=True)
class FontSet:
    """The bundled Gothic and Mincho plus the profile's fallback fonts.

    Attributes:
        faces: Logical name → face; ``"gothic"`` and ``"mincho"`` always.
        fallbacks: Logical names of the fallback faces, in profile order.
    """

    faces: dict[str, FontFace]
    fallbacks: tuple[str, ...] = ()
    _all_chars: frozenset[str] = field(default=frozenset(), repr=False)

    @classmethod
    def load(cls, fallback_paths: tuple[str | os.PathLike, ...] | list = ()) -> FontSet:
        """The font set for a run (cached per process and per fallback list).

        Args:
            fallback_paths: Extra TrueType files from the profile's
                ``[fonts] fallback``, already resolved against the profile.

        Raises:
            FileNotFoundError: A fallback file does not exist.
        """
        resolved = tuple(str(Path(p).resolve()) for p in fallback_paths)
        return _load_cached(resolved)

    def __getitem__(self, name: str) -> FontFace:
        return self.faces[name]

    def covers(self, ch: str) -> bool:
        """Whether some font of the set can draw ``ch``."""
        return ch in self._all_chars

    def missing_chars(self, text: str) -> set[str]:
        """The characters of ``text`` that no font of the set can draw (外字)."""
        if self._all_chars.issuperset(text):
            return set()
        return {c for c in text if c not in self._all_chars and c not in _IGNORED}

    def split_runs(self, text: str, primary: str) -> list[tuple[str, str]]:
        """Cut ``text`` into (font name, chunk) pieces, each drawable by its font.

        A character missing in ``primary`` goes to the first fallback that
        has it, then to the other bundled face; a character no font has
        stays in ``primary`` (it is reported by :meth:`missing_chars`).
        """
        face = self.faces[primary]
        if face.chars.issuperset(text):
            return [(primary, text)]
        order = (primary, *self.fallbacks, *(n for n in BUNDLED if n != primary))
        pieces: list[tuple[str, str]] = []
        for ch in text:
            name = next((n for n in order if ch in self.faces[n].chars), primary)
            if pieces and pieces[-1][0] == name:
                pieces[-1] = (name, pieces[-1][1] + ch)
            else:
                pieces.append((name, ch))
        return pieces

    def width_pt(self, text: str, font: str, size_pt: float) -> float:
        """Advance width of ``text`` in points, fallback runs included."""
        face = self.faces[font]
        if face.chars.issuperset(text):
            return face.ttfont.stringWidth(text, size_pt)
        return sum(self.faces[n].width_pt(t, size_pt) for n, t in self.split_runs(text, font))

    def width_mm(self, text: str, font: str, size_pt: float) -> float:
        """Advance width of ``text`` in millimetres."""
        return self.width_pt(text, font, size_pt) * MM_PER_PT


@lru_cache(maxsize=8)
def _load_cached(fallback_paths: tuple[str, ...]) -> FontSet:
    fonts_dir = resources_dir() / "fonts"
    faces = {name: _load_face(name, fonts_dir / file) for name, file in BUNDLED.items()}
    names = []
    for i, p in enumerate(fallback_paths, start=1):
        path = Path(p)
        if not path.is_file():
            raise FileNotFoundError(f"外字用フォントが見つかりません: {path}")
        name = f"fallback{i}-{path.stem}"
        faces[name] = _load_face(name, path)
        names.append(name)
    all_chars = frozenset().union(*(f.chars for f in faces.values()))
    return FontSet(faces=faces, fallbacks=tuple(names), _all_chars=all_chars)


def uncovered_characters(text: str, fontset: FontSet) -> list[str]:
    """Characters of ``text`` no font of ``fontset`` can draw, in order of appearance.

    Used by validation to warn about 外字 in names before anything is printed.
    """
    missing = fontset.missing_chars(text)
    if not missing:
        return []
    seen: dict[str, None] = {}
    for c in text:
        if c in missing:
            seen.setdefault(c)
    return list(seen)
