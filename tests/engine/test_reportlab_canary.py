"""Canary: the reportlab internals the PDF writer relies on.

``output/pdf_writer.py`` and ``output/pdf_fonts.py`` (and ``layout/fonts.py``
for metrics and variant glyphs) use reportlab below its documented API:
private attributes of the canvas, the document and the fonts, and copies of
two font methods (``TTFont.addObjects``, ``TTFontFace.addSubsetObjects``)
that the writer puts in their place for its own documents. pyproject.toml
pins reportlab to the minor version these tests passed with. Before raising
the pin, run this file against the new release: each failure names the
internal that changed, and what of ours depends on it.
"""

from __future__ import annotations

import inspect
import io
import re
import tomllib
from pathlib import Path

import pytest
import reportlab
from pypdf import PdfReader
from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfgen.canvas import Canvas

from print_engine.layout.fonts import GOTHIC, MINCHO, FontSet, _advance
from print_engine.layout.primitives import Page, TextRun
from print_engine.output import pdf_fonts
from print_engine.output.pdf_writer import PdfWriter

ROOT = Path(__file__).resolve().parents[2]
TEXT = "資格情報のお知らせ 健保 太郎 1234-5678"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:3])


def test_installed_reportlab_is_the_pinned_minor():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    (pin,) = [d for d in deps if d.startswith("reportlab")]
    low, high = re.search(r">=([\d.]+),<([\d.]+)", pin).groups()
    installed = _version(reportlab.Version)
    assert _version(low) <= installed < _version(high), (
        f"reportlab {reportlab.Version} is outside the tested pin {pin!r}: run this file and the PDF tests "
        "(byte-identical output) before moving the pin")


def _font():
    return FontSet.load()[GOTHIC].ttfont


def _canvas():
    return Canvas(io.BytesIO(), invariant=1, pageCompression=1)


def _ellipse_into_list() -> bool:
    from reportlab.pdfgen.pathobject import PDFPathObject

    ops: list[str] = []
    PDFPathObject(code=ops).ellipse(0, 0, 10, 10)
    return ops[:2] == ["n", "10 5 m"] and len(ops) == 6 and all(op.endswith(" c") for op in ops[2:])


# (internal, what of ours relies on it, check) — the check raises or returns False when it changed.
def _params(func) -> list[str]:
    return list(inspect.signature(func).parameters)


INTERNALS = [
    ("Canvas._doc", "PdfWriter adds pages and objects to the canvas's document",
     lambda: isinstance(_canvas()._doc, pdfdoc.PDFDocument)),
    ("Canvas._preamble", "PdfWriter starts every page's content stream with it",
     lambda: isinstance(_canvas()._preamble, str)),
    ("Canvas.addLiteral / beginForm / endForm", "PdfWriter writes a form's operations as one literal",
     lambda: _params(Canvas.addLiteral)[:2] == ["self", "s"] and hasattr(Canvas, "beginForm")),
    ("PDFPathObject(code=ops).ellipse", "PdfWriter draws a circle's curves into its own operations",
     lambda: _ellipse_into_list()),
    ("PDFDocument.idToObjectNumberAndVersion", "_PageObject.format resolves its content stream",
     lambda: isinstance(_canvas()._doc.idToObjectNumberAndVersion, dict)),
    ("PDFDocument.idToObject['BasicFonts'].dict", "pdf_fonts._add_font_objects registers each subset",
     lambda: isinstance(_canvas()._doc.idToObject["BasicFonts"].dict, dict)),
    ("PDFDocument.compression / encrypt.encode / Pages / xobjDict / getXObjectName", "PdfWriter",
     lambda: all(hasattr(_canvas()._doc, a) for a in ("compression", "encrypt", "Pages", "xobjDict",
                                                         "getXObjectName", "Reference", "addPage"))),
    ("TTFont.state[doc] / TTFont.State(asciiReadable, font)", "pdf_fonts._add_font_objects, PdfWriter._split",
     lambda: _params(ttfonts.TTFont.State.__init__)[:2] == ["self", "asciiReadable"]
     and callable(getattr(_font().state, "get", None))),
    ("TTFont.State.assignments / subsets / frozen / nextCode", "PdfWriter._split reads the codes given",
     lambda: all(hasattr(ttfonts.TTFont.State(0), a) for a in ("assignments", "subsets", "frozen", "nextCode"))),
    ("TTFont._asciiReadable", "pdf_fonts._add_font_objects makes the state as reportlab does",
     lambda: hasattr(_font(), "_asciiReadable")),
    ("TTFont.addObjects(doc)", "pdf_fonts.prepare_font replaces it for our documents",
     lambda: _params(ttfonts.TTFont.addObjects) == ["self", "doc"]),
    ("TTFont.splitString(text, doc) / getSubsetInternalName(subset, doc)", "PdfWriter._encoded",
     lambda: _params(ttfonts.TTFont.splitString)[:3] == ["self", "text", "doc"]
     and _params(ttfonts.TTFont.getSubsetInternalName) == ["self", "subset", "doc"]),
    ("TTFontFace.addSubsetObjects(doc, fontname, subset)", "pdf_fonts.prepare_font replaces it for our documents",
     lambda: _params(ttfonts.TTFontFace.addSubsetObjects) == ["self", "doc", "fontname", "subset"]),
    ("TTFontFile.get_table(tag) / makeSubset(subset) / getCharWidth(code)", "pdf_fonts caches tables and subsets",
     lambda: _params(ttfonts.TTFontFile.get_table) == ["self", "tag"]
     and _params(ttfonts.TTFontFile.makeSubset) == ["self", "subset"]
     and _params(ttfonts.TTFontFace.getCharWidth) == ["self", "code"]),
    ("TTFontFace.charToGlyph / glyphToChar / charWidths / hmetrics / unitsPerEm",
     "layout.fonts: metrics, coverage and variant glyphs (private codes)",
     lambda: all(hasattr(_font().face, a) for a in ("charToGlyph", "glyphToChar", "charWidths", "unitsPerEm",
                                                     "defaultWidth", "ascent", "descent"))),
    ("TTFontFace descriptor fields", "pdf_fonts._add_subset_objects writes the FontDescriptor",
     lambda: all(hasattr(_font().face, a) for a in ("name", "subfontNameX", "filename", "flags", "capHeight",
                                                     "bbox", "italicAngle", "stemV"))),
    ("ttfonts.makeToUnicodeCMap(fontname, subset)", "pdf_fonts._to_unicode_cmap (BMP-only subsets)",
     lambda: _params(ttfonts.makeToUnicodeCMap) == ["fontname", "subset"]),
    ("ttfonts.SUBSETN / FF_SYMBOLIC / FF_NONSYMBOLIC", "pdf_fonts: subset names and descriptor flags",
     lambda: ttfonts.SUBSETN(0) == b"AAAAAA" and ttfonts.FF_SYMBOLIC == 4 and ttfonts.FF_NONSYMBOLIC == 32),
    ("pdfdoc object classes", "pdf_writer, pdf_fonts",
     lambda: all(hasattr(pdfdoc, n) for n in ("PDFTrueTypeFont", "PDFStream", "PDFZCompress", "PDFDictionary",
                                              "PDFArray", "PDFName", "PDFObject", "PDFObjectReference",
                                              "PDFResourceDictionary"))),
    ("rl_accel.fp_str / escapePDF", "numbers and strings in content streams",
     lambda: rl_accel.fp_str(1.5, 2.0) == "1.5 2" and rl_accel.escapePDF(b"(a)") == "\\(a\\)"),
]


@pytest.mark.parametrize("internal, user, check", INTERNALS, ids=[i[0] for i in INTERNALS])
def test_internal_is_still_there(internal, user, check):
    try:
        ok = check()
    except Exception as exc:  # noqa: BLE001 - the canary reports any breakage by name
        pytest.fail(f"reportlab {reportlab.Version}: {internal} changed ({type(exc).__name__}: {exc}); "
                    f"used by {user}")
    assert ok, f"reportlab {reportlab.Version}: {internal} changed; used by {user}"


def _fonts_of(data: bytes) -> dict[str, dict]:
    """BaseFont → its font dictionary, decoded (streams as their bytes)."""
    reader = PdfReader(io.BytesIO(data))
    out = {}

    def walk(resources):
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            if font["/Subtype"] != "/TrueType":
                continue  # reportlab's initial Helvetica
            descriptor = font["/FontDescriptor"].get_object()
            out[str(font["/BaseFont"])] = {
                "Widths": [float(w) for w in font["/Widths"]],
                "FirstChar": font["/FirstChar"], "LastChar": font["/LastChar"],
                "ToUnicode": font["/ToUnicode"].get_object().get_data(),
                "Descriptor": {k: v for k, v in descriptor.items() if k != "/FontFile2"},
                "FontFile2": descriptor["/FontFile2"].get_object().get_data(),
            }
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources") or {})

    for page in reader.pages:
        walk(page["/Resources"])
    return out


def test_our_font_objects_are_what_reportlab_writes():
    """pdf_fonts' copies of TTFont.addObjects / TTFontFace.addSubsetObjects still match reportlab's own."""
    fonts = FontSet.load()
    ours = io.BytesIO()
    with PdfWriter(ours, fonts) as pdf:
        pdf.add_page(Page((210.0, 297.0), None, (), (TextRun(20.0, 30.0, TEXT, GOTHIC, 12.0),
                                                      TextRun(20.0, 50.0, TEXT, MINCHO, 12.0))))
    theirs = io.BytesIO()
    c = Canvas(theirs, pagesize=(595.2755905511812, 841.8897637795277), invariant=1, pageCompression=1)
    for name, y in ((GOTHIC, 700), (MINCHO, 650)):
        c.setFont(fonts[name].rl_name, 12)
        c.drawString(56, y, TEXT)
    c.showPage()
    c.save()
    mine, rl = _fonts_of(ours.getvalue()), _fonts_of(theirs.getvalue())
    assert set(mine) == set(rl), "reportlab names its subsets differently now (TTFont.addObjects / SUBSETN)"
    for name in rl:
        for key in rl[name]:
            assert mine[name][key] == rl[name][key], (
                f"reportlab {reportlab.Version} writes the {key} of a font subset differently: "
                "pdf_fonts._add_font_objects / _add_subset_objects copy TTFont.addObjects / "
                "TTFontFace.addSubsetObjects and must follow the change")


def test_the_writers_code_shortcut_agrees_with_split_string():
    """PdfWriter._split reads TTFont.State.assignments instead of calling splitString once codes exist."""
    fonts = FontSet.load()
    pdf = PdfWriter(io.BytesIO(), fonts)
    first = pdf._split(GOTHIC, TEXT)  # reportlab assigns the codes
    again = pdf._split(GOTHIC, TEXT)  # our shortcut over the assignments
    assert again == first == fonts[GOTHIC].ttfont.splitString(TEXT, pdf._doc), (
        "TTFont.State.assignments no longer holds what splitString assigns (PdfWriter._split)")
    pdf.close()


def test_variant_widths_are_scaled_as_reportlab_scales_widths():
    """layout.fonts gives a variant glyph the width reportlab would give a character of that glyph."""
    face = FontSet.load()[GOTHIC].ttfont.face
    for ch in "国aあ1－":
        glyph = face.charToGlyph[ord(ch)]
        assert face.charWidths[ord(ch)] == _advance(face, glyph) * (1000 / face.unitsPerEm), (
            "TTFontFace.charWidths is no longer hmtx advance × 1000 / unitsPerEm (layout.fonts._variant_char)")


def test_bmp_to_unicode_cmap_is_reportlabs_own():
    subset = [0, 32, ord("国"), ord("a")]
    assert pdf_fonts._to_unicode_cmap("AAAAAA+X", subset) == ttfonts.makeToUnicodeCMap("AAAAAA+X", subset)
