"""How :class:`~.pdf_output.PdfWriter` embeds its TrueType fonts (as reportlab subsets).

reportlab embeds each font as subsets of up to 256 characters, numbered in
the order the characters are first drawn in a file. Three things differ
from reportlab's own writing, all inside reportlab's own objects:

* The ToUnicode CMap of a subset maps characters beyond U+FFFF correctly
  (see :func:`_to_unicode_cmap`).
* A batch writes hundreds of files in one process: work that does not
  depend on the file is kept across files (font tables; the compressed
  font file of a subset whose character list is exactly one seen before).
* A subset's ``/Widths`` array is written in one step.

All three apply to documents of :class:`~.pdf_output.PdfWriter` only
(marked ``_oshirase``); reportlab itself is not patched, and any other
reportlab document is written as reportlab writes it. The same subsets give the same bytes, so a file does
not depend on what the process wrote before it.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfbase.pdfdoc import PDFObject

from print_engine.layout.fonts import VARIANT_TEXT


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap of a font subset, with characters beyond U+FFFF fixed.

    reportlab writes every code point as ``<%04X>``, so a 外字 from CJK
    Extension B (``𠮷`` U+20BB7, drawn by a fallback font such as IPAmj
    Mincho) is printed correctly but copied or searched as the wrong
    character. PDF wants UTF-16BE there (a surrogate pair); this writes it.
    A variant glyph (drawn through a private code, see ``layout.fonts``)
    maps to its variation sequence.
    """
    if all(v <= 0xFFFF for v in subset):
        return _RL_TO_UNICODE_CMAP(fontname, subset)
    text = VARIANT_TEXT.get  # a variant glyph's private code copies as its sequence (葛 + U+E0100)
    bfchar = [f"<{i:02X}> <{text(v, chr(v)).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar", *bfchar,
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


_RL_TO_UNICODE_CMAP = ttfonts.makeToUnicodeCMap  # used as it is for BMP-only subsets


# Embedded font subsets, shared by the files of one process: a subset is
# keyed by its exact character list, and the same list gives the same bytes.
_SUBSETS: OrderedDict[tuple[str, tuple[int, ...]], tuple[bytes, int]] = OrderedDict()
_SUBSET_CACHE = 24


def prepare_font(font: ttfonts.TTFont) -> None:
    """Let our documents reuse work across files for this font (once per font).

    * The face's ``get_table`` keeps each table it has cut from the font file
      (reportlab copies the whole ``glyf`` table again for every subset).
    * ``addSubsetObjects`` takes a subset's compressed font file from
      :data:`_SUBSETS` when an earlier file of this process embedded the very
      same subset (the notice's Mincho text gives the same subset in every
      file), and compresses new ones faster (zlib level 1).
    * ``addObjects`` writes each subset's ``/Widths`` in one step.

    Documents not written by :class:`PdfWriter` get reportlab's own behaviour.
    """
    if font.__dict__.get("_oshirase_prepared"):
        return
    face = font.face
    tables: dict[str, bytes] = {}
    read_table = face.get_table
    add_subset = face.addSubsetObjects
    add_objects = font.addObjects

    def get_table(tag: str) -> bytes:
        table = tables.get(tag)
        if table is None:
            table = tables[tag] = read_table(tag)
        return table

    def ours(doc) -> bool:
        return getattr(doc, "_oshirase", False) and doc.compression

    def add_subset_objects(doc, fontname: str, subset: list[int]):
        if not ours(doc):
            return add_subset(doc, fontname, subset)
        return _add_subset_objects(face, doc, fontname, subset)

    def add_font_objects(doc) -> None:
        if not ours(doc):
            return add_objects(doc)
        return _add_font_objects(font, doc)

    face.get_table = get_table
    face.addSubsetObjects = add_subset_objects
    font.addObjects = add_font_objects
    font._oshirase_prepared = True


class _Widths(PDFObject):
    """A subset's ``/Widths`` array, formatted in one step."""

    def __init__(self, widths: list[float]):
        self.widths = widths

    def format(self, document) -> bytes:
        return ("[ " + " ".join(map(fp_str, self.widths)) + " ]").encode("ascii")


def _add_font_objects(font: ttfonts.TTFont, doc) -> None:
    """reportlab's ``TTFont.addObjects`` (the Font dictionaries of every subset), faster ``/Widths``."""
    try:
        state = font.state[doc]
    except KeyError:
        state = font.state[doc] = ttfonts.TTFont.State(font._asciiReadable)
    state.frozen = 1
    face = font.face
    for n, subset in enumerate(state.subsets):
        internal_name = font.getSubsetInternalName(n, doc)[1:]
        base_font_name = b"".join((ttfonts.SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
        pdf_font = pdfdoc.PDFTrueTypeFont()
        pdf_font.__Comment__ = f"Font {font.fontName} subset {n}"
        pdf_font.Name = internal_name
        pdf_font.BaseFont = base_font_name
        pdf_font.FirstChar = 0
        pdf_font.LastChar = len(subset) - 1
        pdf_font.Widths = _Widths(list(map(face.getCharWidth, subset)))
        cmap = pdfdoc.PDFStream()
        cmap.content = _to_unicode_cmap(base_font_name, subset)
        cmap.filters = [pdfdoc.PDFZCompress]
        pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_font_name)
        pdf_font.FontDescriptor = face.addSubsetObjects(doc, base_font_name, subset)
        doc.Reference(pdf_font, internal_name)
        doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
    del font.state[doc]


def _add_subset_objects(face: ttfonts.TTFontFace, doc, fontname: str, subset: list[int]):
    """reportlab's ``TTFontFace.addSubsetObjects``, with the font file from the cache."""
    key = (face.filename, tuple(subset))
    entry = _SUBSETS.get(key)
    if entry is None:
        raw = face.makeSubset(subset)
        entry = (zlib.compress(raw, 1), len(raw))
        _SUBSETS[key] = entry
        if len(_SUBSETS) > _SUBSET_CACHE:
            _SUBSETS.popitem(last=False)
    else:
        _SUBSETS.move_to_end(key)
    font_file = pdfdoc.PDFStream()
    font_file.content, font_file.dictionary["Length1"] = entry
    font_file.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    font_file_ref = doc.Reference(font_file, f"fontFile:{face.filename}({fontname})")
    flags = (face.flags & ~ttfonts.FF_NONSYMBOLIC) | ttfonts.FF_SYMBOLIC
    descriptor = pdfdoc.PDFDictionary({
        "Type": "/FontDescriptor",
        "Ascent": face.ascent,
        "CapHeight": face.capHeight,
        "Descent": face.descent,
        "Flags": flags,
        "FontBBox": pdfdoc.PDFArray(face.bbox),
        "FontName": pdfdoc.PDFName(fontname),
        "ItalicAngle": face.italicAngle,
        "StemV": face.stemV,
        "FontFile2": font_file_ref,
        "MissingWidth": face.defaultWidth,
    })
    return doc.Reference(descriptor, "fontDescriptor:" + fontname)
