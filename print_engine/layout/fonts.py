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
import re
import struct
import threading
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

# Variation selectors (VS1–VS16, VS17–VS256). After a kanji they ask for one
# of its variant forms (異体字: an ideographic variation sequence, e.g.
# 葛 + U+E0100); they are never drawn themselves.
SELECTORS = frozenset(map(chr, [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]))
_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# A kanji (CJK unified or compatibility ideograph) and its selector: the
# sequences that are reported when no font has them.
_IDEOGRAPH_SEQUENCE = re.compile(
    "([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])([\ufe00-\ufe0f\U000e0100-\U000e01ef])")

# A variant glyph is drawn through a private code point (Supplementary
# Private Use Area-B) given to it in its font: the layout, the PDF subsets
# and the painter then treat it as one more character of that font (the
# way reportlab itself adds shaped glyphs). VARIANT_TEXT maps each such code
# back to its sequence, for the PDF's ToUnicode map (copy and search).
_PRIVATE_FIRST = 0x100000
VARIANT_FIRST = chr(_PRIVATE_FIRST)  # characters from here on are variant glyphs (painters draw them by glyph id)
_VARIANT_CODES: dict[tuple[str, int, int], int] = {}
VARIANT_TEXT: dict[int, str] = {}
_VARIANT_LOCK = threading.Lock()


def variation_sequences(cmap: bytes, char_to_glyph: dict[int, int]) -> dict[tuple[int, int], int]:
    """(base, selector) → glyph id, from a font's format-14 ``cmap`` subtable.

    A default sequence (the font draws it with the base's own glyph) maps to
    the base's glyph; a non-default one to its variant glyph.
    """
    sequences: dict[tuple[int, int], int] = {}
    try:
        (count,) = struct.unpack_from(">H", cmap, 2)
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
            if platform == 0 and encoding == 5 and struct.unpack_from(">H", cmap, offset)[0] == 14:
                _read_format14(cmap, offset, char_to_glyph, sequences)
    except struct.error:
        return {}  # a truncated table: no sequences rather than a wrong glyph
    return sequences


def _read_format14(cmap: bytes, base: int, char_to_glyph: dict[int, int],
                   sequences: dict[tuple[int, int], int]) -> None:
    (records,) = struct.unpack_from(">I", cmap, base + 6)
    for r in range(records):
        at = base + 10 + 11 * r
        selector = int.from_bytes(cmap[at:at + 3], "big")
        default_at, other_at = struct.unpack_from(">II", cmap, at + 3)
        if default_at:
            at = base + default_at
            (ranges,) = struct.unpack_from(">I", cmap, at)
            for k in range(ranges):
                start = int.from_bytes(cmap[at + 4 + 4 * k:at + 7 + 4 * k], "big")
                for ch in range(start, start + cmap[at + 7 + 4 * k] + 1):
                    glyph = char_to_glyph.get(ch)
                    if glyph is not None:
                        sequences[(ch, selector)] = glyph
        if other_at:
            at = base + other_at
            (mappings,) = struct.unpack_from(">I", cmap, at)
            for k in range(mappings):
                m = at + 4 + 5 * k
                sequences[(int.from_bytes(cmap[m:m + 3], "big"), selector)] = struct.unpack_from(">H", cmap, m + 3)[0]


def _advance(face, glyph: int) -> int:
    """The advance of ``glyph`` in font units, from the ``hmtx`` table."""
    (metrics,) = struct.unpack_from(">H", face.get_table("hhea"), 34)  # numberOfHMetrics
    return struct.unpack_from(">H", face.get_table("hmtx"), 4 * min(glyph, metrics - 1))[0]


def _variant_char(font: TTFont, base: int, selector: int, glyph: int) -> str:
    """The private character that draws ``glyph`` of ``font`` (given on first use, then kept)."""
    key = (font.fontName, base, selector)
    with _VARIANT_LOCK:
        code = _VARIANT_CODES.get(key)
        if code is None:
            face = font.face
            code = _PRIVATE_FIRST + len(_VARIANT_CODES)
            face.charToGlyph[code] = glyph
            face.glyphToChar.setdefault(glyph, []).append(code)
            face.charWidths[code] = _advance(face, glyph) * (1000 / face.unitsPerEm)  # as reportlab scales
            VARIANT_TEXT[code] = chr(base) + chr(selector)
            _VARIANT_CODES[key] = code
        return chr(code)


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
        sequences: (base, selector) → glyph id of every variation sequence
            the font has (its format-14 ``cmap``); empty for most fonts.
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
    sequences: dict[tuple[int, int], int] = field(default_factory=dict, repr=False)

    def glyph_of(self, ch: str) -> int | None:
        """The glyph id that draws ``ch`` (a variant's private character included)."""
        return self.ttfont.face.charToGlyph.get(ord(ch))

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
        chars=frozenset(chr(c) for c in face.charToGlyph if c < _PRIVATE_FIRST),
        widths=face.charWidths,
        default_width=face.defaultWidth,
        ascent=face.ascent,
        descent=face.descent,
        sequences=variation_sequences(face.get_table("cmap"), face.charToGlyph),
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
    _shaped: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)  # :meth:`shape` results

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
        """What of ``text`` no font of the set can draw.

        Single characters (外字), and as two-character strings the variation
        sequences (kanji + selector) that no font has: those are drawn as
        the kanji alone. A selector is never missing itself.
        """
        if self._all_chars.issuperset(text):
            return set()
        missing = {c for c in text if c not in self._all_chars and c not in _IGNORED and c not in SELECTORS}
        if _SELECTOR.search(text):
            for m in _IDEOGRAPH_SEQUENCE.finditer(text):
                base, selector = m.groups()
                if base not in missing and self._variant_face(base, selector) is None:
                    missing.add(base + selector)
        return missing

    def _variant_face(self, base: str, selector: str, primary: str = GOTHIC) -> str | None:
        """The first font that has the sequence ``base`` + ``selector``, in :meth:`split_runs` order."""
        key = (ord(base), ord(selector))
        return next((n for n in self._order(primary) if key in self.faces[n].sequences), None)

    def _order(self, primary: str) -> tuple[str, ...]:
        return (primary, *self.fallbacks, *(n for n in BUNDLED if n != primary))

    def shape(self, text: str, primary: str = GOTHIC) -> str:
        """``text`` as drawn: each variation sequence becomes its variant's private character.

        The variant comes from the first font that has the sequence: the
        text's own, then the profile's fallbacks, then the other bundled
        face (IPAex has the Adobe-Japan1 sequences, IPAmj Mincho the
        Moji_Joho ones). A sequence that no font has becomes its base
        character alone, and a selector with nothing before it is dropped:
        a selector is never drawn (as a box or otherwise).
        """
        if not _SELECTOR.search(text):
            return text
        key = (text, primary)
        shaped = self._shaped.get(key)
        if shaped is None:
            out: list[str] = []
            for ch in text:
                if ch not in SELECTORS:
                    out.append(ch)
                    continue
                base = out[-1] if out else ""
                name = self._variant_face(base, ch, primary) if len(base) == 1 and ord(base) < _PRIVATE_FIRST else None
                if name is not None:
                    face = self.faces[name]
                    out[-1] = _variant_char(face.ttfont, ord(base), ord(ch), face.sequences[(ord(base), ord(ch))])
            shaped = "".join(out)
            if len(self._shaped) > 10_000:
                self._shaped.clear()
            self._shaped[key] = shaped
        return shaped

    def _draws(self, name: str, ch: str) -> bool:
        face = self.faces[name]
        return ch in face.chars or (ord(ch) >= _PRIVATE_FIRST and face.glyph_of(ch) is not None)

    def split_runs(self, text: str, primary: str) -> list[tuple[str, str]]:
        """Cut ``text`` into (font name, chunk) pieces, each drawable by its font.

        Variation sequences are shaped first (:meth:`shape`). A character
        missing in ``primary`` goes to the first fallback that has it, then
        to the other bundled face; a character no font has stays in
        ``primary`` (it is reported by :meth:`missing_chars`).
        """
        face = self.faces[primary]
        if face.chars.issuperset(text):
            return [(primary, text)]
        text = self.shape(text, primary)
        order = self._order(primary)
        pieces: list[tuple[str, str]] = []
        for ch in text:
            name = next((n for n in order if self._draws(n, ch)), primary)
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
    """What of ``text`` no font of ``fontset`` can draw (:meth:`FontSet.missing_chars`), in order of appearance.

    Used by validation to warn about 外字 in names before anything is printed.
    """
    missing = fontset.missing_chars(text)
    if not missing:
        return []
    return sorted(missing, key=text.find)
