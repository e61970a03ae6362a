"""Write pages to a PDF with reportlab (fonts embedded as subsets).

Always in reportlab's invariant mode: the same pages give the same bytes.
The static part of a page is drawn once per file as a form XObject (keyed by
``Page.static_key``) and referenced by every page that shares it; per page
only the member's own runs are written, each as one ``Tj`` at the origin
the layout computed. reportlab places the glyphs of a ``Tj`` with the font's
own advances — the same advances the layout measured — so what the layout
computed is what prints.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfdoc import PDFObjectReference, PDFResourceDictionary
from reportlab.pdfgen.canvas import Canvas

from .layout.fonts import GOTHIC, FontSet
from .layout.primitives import PT_PER_MM, Circle, Line, Page, Primitive, QrCode, Rect, TextRun

def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap of a font subset, with characters beyond U+FFFF fixed.

    reportlab writes every code point as ``<%04X>``, so a 外字 from CJK
    Extension B (``𠮷`` U+20BB7, drawn by a fallback font such as IPAmj
    Mincho) is printed correctly but copied or searched as the wrong
    character. PDF wants UTF-16BE there (a surrogate pair); this writes it.
    """
    if all(v <= 0xFFFF for v in subset):
        return _RL_TO_UNICODE_CMAP(fontname, subset)
    bfchar = [f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar", *bfchar,
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


# Keep reportlab's own function once, even if this module is imported again.
_RL_TO_UNICODE_CMAP = ttfonts.__dict__.setdefault("_rl_make_to_unicode_cmap", ttfonts.makeToUnicodeCMap)
ttfonts.makeToUnicodeCMap = _to_unicode_cmap

_CACHE_LIMIT = 200_000
_SHARED_RESOURCES = "OshiraseResources"


class PdfWriter:
    """A PDF file being written, page by page.

    Use as a context manager, or call :meth:`close` when done::

        with PdfWriter(path, fonts) as pdf:
            for page in pages:
                pdf.add_page(page)

    Attributes:
        page_count: Pages added so far.
    """

    def __init__(self, target: str | os.PathLike | BinaryIO, fonts: FontSet, *,
                 title: str = "資格情報のお知らせ", author: str = "") -> None:
        """Open the PDF.

        Args:
            target: A file path, or a binary file object.
            fonts: The fonts the pages were laid out with.
            title: The document title (PDF metadata).
            author: The document author (PDF metadata), e.g. the insurer.
        """
        if isinstance(target, os.PathLike):
            target = os.fspath(target)
        self._fonts = fonts
        self._size_mm = (210.0, 297.0)
        self._canvas = Canvas(
            target,
            pagesize=(self._size_mm[0] * PT_PER_MM, self._size_mm[1] * PT_PER_MM),
            invariant=1,
            pageCompression=1,
            initialFontName=fonts[GOTHIC].rl_name,
        )
        self._canvas.setTitle(title)
        self._canvas.setCreator("Oshirase")
        if author:
            self._canvas.setAuthor(author)
        self._doc = self._canvas._doc
        self._resources = PDFObjectReference(_SHARED_RESOURCES)
        self._forms: dict[str, str] = {}
        self._chunks: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.page_count = 0
        self._closed = False

    def __enter__(self) -> PdfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_page(self, page: Page) -> None:
        """Draw one page: its static form (drawn once per file) then its own primitives."""
        c = self._canvas
        if page.size_mm != self._size_mm:
            self._size_mm = page.size_mm
            c.setPageSize((page.size_mm[0] * PT_PER_MM, page.size_mm[1] * PT_PER_MM))
        if page.static:
            if page.static_key is None:
                self._draw(page.static, page.size_mm[1])
            else:
                name = self._forms.get(page.static_key)
                if name is None:
                    name = self._define_form(page)
                c.doForm(name)
        self._draw(page.variable, page.size_mm[1])
        c.showPage()
        # Every page points at one shared resource dictionary (fonts and forms)
        # instead of carrying its own copy: smaller file, faster save.
        self._doc.Pages.pages[-1].Resources = self._resources
        self.page_count += 1

    def close(self) -> None:
        """Finish and write the file (idempotent)."""
        if not self._closed:
            self._closed = True
            resources = PDFResourceDictionary()
            resources.basicFonts()
            resources.basicProcs()
            if self._forms:
                resources.XObject = self._doc.xobjDict(list(self._forms.values()))
            self._doc.Reference(resources, _SHARED_RESOURCES)
            self._canvas.save()

    # ------------------------------------------------------------------ drawing
    def _define_form(self, page: Page) -> str:
        name = f"S{len(self._forms)}"
        c = self._canvas
        c.beginForm(name)
        self._draw(page.static, page.size_mm[1])
        c.endForm()
        self._forms[page.static_key] = name
        return name

    def _draw(self, prims: tuple[Primitive, ...], height_mm: float) -> None:
        code = self._canvas._code
        text: list[TextRun] = []
        for p in prims:
            if type(p) is TextRun:
                text.append(p)
                continue
            if text:
                code.append(self._text_ops(text, height_mm))
                text = []
            self._graphic(p, height_mm)
        if text:
            code.append(self._text_ops(text, height_mm))

    def _encoded(self, font: str, text: str) -> list[tuple[str, str]]:
        """(PDF font resource name, escaped string) pieces of one run (cached per file)."""
        key = (font, text)
        chunks = self._chunks.get(key)
        if chunks is None:
            ttf = self._fonts[font].ttfont
            doc = self._doc
            chunks = [(ttf.getSubsetInternalName(subset, doc), escapePDF(b))
                      for subset, b in ttf.splitString(text, doc)]
            if len(self._chunks) > _CACHE_LIMIT:
                self._chunks.clear()
            self._chunks[key] = chunks
        return chunks

    def _text_ops(self, runs: list[TextRun], height_mm: float) -> str:
        """One ``BT … ET`` block drawing ``runs`` at their origins."""
        k = PT_PER_MM
        ops = ["BT"]
        current = None
        for r in runs:
            if r.advances is None:
                pieces = [(r.x, r.text)]
            else:
                pieces, x = [], r.x
                for ch, adv in zip(r.text, r.advances):
                    pieces.append((x, ch))
                    x += adv
            size = fp_str(r.size_pt)
            y = fp_str((height_mm - r.y) * k)
            for x, text in pieces:
                ops.append(f"1 0 0 1 {fp_str(x * k)} {y} Tm")
                for name, esc in self._encoded(r.font, text):
                    if (name, size) != current:
                        current = (name, size)
                        ops.append(f"{name} {size} Tf")
                    ops.append(f"({esc}) Tj")
        ops.append("ET")
        return "\n".join(ops)

    def _graphic(self, p: Primitive, height_mm: float) -> None:
        k = PT_PER_MM
        code = self._canvas._code
        if isinstance(p, Line):
            code.append(f"q {_stroke(p.width_pt, p.dash)} {fp_str(p.x1 * k)} {fp_str((height_mm - p.y1) * k)} m "
                        f"{fp_str(p.x2 * k)} {fp_str((height_mm - p.y2) * k)} l S Q")
        elif isinstance(p, Rect):
            box = f"{fp_str(p.x * k)} {fp_str((height_mm - p.y - p.h) * k)} {fp_str(p.w * k)} {fp_str(p.h * k)} re"
            stroke = p.width_pt > 0
            if p.fill is not None and stroke:
                code.append(f"q {fp_str(p.fill)} g {_stroke(p.width_pt, p.dash)} {box} B Q")
            elif p.fill is not None:
                code.append(f"q {fp_str(p.fill)} g {box} f Q")
            elif stroke:
                code.append(f"q {_stroke(p.width_pt, p.dash)} {box} S Q")
        elif isinstance(p, Circle):
            c = self._canvas
            c.saveState()
            c.setLineWidth(p.width_pt)
            c.circle(p.cx * k, (height_mm - p.cy) * k, p.r * k, stroke=1, fill=0)
            c.restoreState()
        elif isinstance(p, QrCode):
            code.append(_qr_ops(p, height_mm))
        else:  # pragma: no cover - a new primitive type without a renderer
            raise TypeError(f"cannot draw {type(p).__name__}")


def _stroke(width_pt: float, dash: tuple[float, ...] | None) -> str:
    ops = f"{fp_str(width_pt)} w"
    if dash:
        ops += f" [{' '.join(fp_str(d) for d in dash)}] 0 d"
    return ops


def _qr_ops(q: QrCode, height_mm: float) -> str:
    """The dark modules of a QR code as one filled path (horizontal runs merged)."""
    k = PT_PER_MM
    n = len(q.modules)
    m = q.size_mm / n
    ops = ["q 0 g"]
    for r, row in enumerate(q.modules):
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            x = (q.x + start * m) * k
            y = (height_mm - q.y - (r + 1) * m) * k
            ops.append(f"{fp_str(x)} {fp_str(y)} {fp_str((c - start) * m * k)} {fp_str(m * k)} re")
    ops.append("f Q")
    return "\n".join(ops)
