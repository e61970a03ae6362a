"""Write pages to a PDF with reportlab (fonts embedded as subsets).

Always in reportlab's invariant mode: the same pages give the same bytes.
The static part of a page is drawn once per file as a form XObject (keyed by
``Page.static_key``) and referenced by every page that shares it; per page
only the member's own runs are written, each as one ``Tj`` at the origin
the layout computed. reportlab places the glyphs of a ``Tj`` with the font's
own advances — the same advances the layout measured — so what the layout
computed is what prints.

Pages do not go through ``Canvas.showPage``: each page's content stream is
built here, compressed at once and added to reportlab's document as two
small objects (:class:`_PageObject`, :class:`_ContentStream`) that format
themselves in one step when the file is saved. reportlab still writes
everything else (forms, fonts, the page tree, the cross-reference table);
how fonts are embedded is in :mod:`.pdf_fonts`.
"""

from __future__ import annotations

import os
import zlib
from typing import BinaryIO

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfdoc import (
    PDFObject,
    PDFObjectReference,
    PDFResourceDictionary,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from print_engine.layout.fonts import GOTHIC, FontSet
from print_engine.layout.geometry import A4_MM
from print_engine.layout.primitives import (
    PT_PER_MM,
    BarCode,
    Circle,
    Line,
    Page,
    Primitive,
    QrCode,
    Rect,
    TextRun,
)
from print_engine.output.pdf_fonts import prepare_font

_CACHE_LIMIT = 200_000
_SHARED_RESOURCES = "OshiraseResources"

# Numbers as reportlab writes them (fp_str), remembered: a page's positions
# repeat page after page. Zero is never remembered (0.0 and -0.0 are equal keys).
_NUMBERS: dict[float, str] = {}
_NUMBERS_LIMIT = 100_000


def _num(v: float) -> str:
    s = _NUMBERS.get(v)
    if s is None:
        s = fp_str(v)
        if v and len(_NUMBERS) < _NUMBERS_LIMIT:
            _NUMBERS[v] = s
    return s


_ORIGINS: dict[tuple[float, float], str] = {}
_ORIGINS_LIMIT = 50_000


def _origin(x_mm: float, y_mm: float) -> str:
    """The ``Tm`` operator that puts a run's origin at (x, y) mm from the bottom left (remembered)."""
    key = (x_mm, y_mm)
    op = _ORIGINS.get(key)
    if op is None:
        k = PT_PER_MM
        op = f"1 0 0 1 {_num(x_mm * k)} {_num(y_mm * k)} Tm"
        if len(_ORIGINS) >= _ORIGINS_LIMIT:
            _ORIGINS.clear()
        _ORIGINS[key] = op
    return op


class _ContentStream(PDFObject):
    """A page's content stream, already compressed."""

    __RefOnly__ = 1

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        data = document.encrypt.encode(self.data)
        return b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\n" % (len(data), data)


class _PageLinks:
    """``/Parent … /Resources …`` shared by every page of one file (resolved once, while saving)."""

    def __init__(self) -> None:
        self.value: bytes | None = None

    def format(self, document) -> bytes:
        if self.value is None:
            parent = document.Reference(document.Pages).format(document)
            resources = PDFObjectReference(_SHARED_RESOURCES).format(document)
            self.value = b"/Parent %s /Resources %s" % (parent, resources)
        return self.value


class _PageObject(PDFObject):
    """A page dictionary: its size, its content stream and the shared resources."""

    __RefOnly__ = 1

    def __init__(self, links: _PageLinks, media_box: bytes, contents: str):
        self.links = links
        self.media_box = media_box
        self.contents = contents

    def format(self, document) -> bytes:
        number = document.idToObjectNumberAndVersion[self.contents][0]
        return b"<< /Type /Page %s /MediaBox %s /Contents %d 0 R >>\n" % (
            self.links.format(document), self.media_box, number)


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
        self._size_mm = A4_MM  # until the first page says otherwise
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
        self._doc._oshirase = True
        for face in fonts.faces.values():
            prepare_font(face.ttfont)
        self._media_box = _media_box(self._size_mm)
        self._forms: dict[str, str] = {}
        self._form_ops: dict[str, str] = {}
        self._chunks: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._subset_names: dict[tuple[str, int], str] = {}
        self._states: dict[str, ttfonts.TTFont.State] = {}
        self._links = _PageLinks()
        self.page_count = 0
        self._closed = False

    def __enter__(self) -> PdfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_page(self, page: Page) -> None:
        """Draw one page: its static form (drawn once per file) then its own primitives."""
        c = self._canvas
        height = page.size_mm[1]
        if page.size_mm != self._size_mm:
            self._size_mm = page.size_mm
            c.setPageSize((page.size_mm[0] * PT_PER_MM, height * PT_PER_MM))
            self._media_box = _media_box(page.size_mm)
        ops = [c._preamble]
        if page.static:
            if page.static_key is None:
                self._draw(page.static, height, ops)
            else:
                do = self._form_ops.get(page.static_key)
                if do is None:
                    do = self._define_form(page)
                ops.append(do)
        self._draw(page.variable, height, ops)
        ops.append(" \n")
        doc = self._doc
        contents = doc.Reference(_ContentStream(zlib.compress("\n".join(ops).encode("utf8"))))
        # Every page points at one shared resource dictionary (fonts and forms)
        # instead of carrying its own copy: smaller file, faster save.
        doc.addPage(_PageObject(self._links, self._media_box, contents.name))
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
        ops: list[str] = []
        self._draw(page.static, page.size_mm[1], ops)
        c.addLiteral("\n".join(ops))  # the form's stream joins its operations with newlines too
        c.endForm()
        self._forms[page.static_key] = name
        do = self._form_ops[page.static_key] = f"/{self._doc.getXObjectName(name)} Do"
        return do

    def _draw(self, prims: tuple[Primitive, ...], height_mm: float, ops: list[str]) -> None:
        text: list[TextRun] = []
        for p in prims:
            if p.__class__ is TextRun:
                text.append(p)
                continue
            if text:
                ops.append(self._text_ops(text, height_mm))
                text = []
            self._graphic(p, height_mm, ops)
        if text:
            ops.append(self._text_ops(text, height_mm))

    def _encoded(self, font: str, text: str) -> list[tuple[str, str]]:
        """(PDF font resource name, ``(…) Tj`` operator) pieces of one run (cached per file)."""
        key = (font, text)
        chunks = self._chunks.get(key)
        if chunks is None:
            chunks = [(self._subset_name(font, subset), f"({escapePDF(b)}) Tj")
                      for subset, b in self._split(font, text)]
            if len(self._chunks) > _CACHE_LIMIT:
                self._chunks.clear()
            self._chunks[key] = chunks
        return chunks

    def _split(self, font: str, text: str) -> list[tuple[int, bytes]]:
        """reportlab's ``splitString``: (subset, codes) pieces; new characters get codes.

        When every character already has its code in this file and all are
        in one subset (the usual case after the first pages), the codes are
        looked up here directly; otherwise reportlab assigns them.
        """
        ttf = self._fonts[font].ttfont
        state = self._states.get(font)
        if state is None:
            state = ttf.state.get(self._doc)  # reportlab makes it on the first string of this file
            if state is not None:
                self._states[font] = state
        if state is not None and text:
            try:
                codes = list(map(state.assignments.__getitem__, map(ord, text)))
            except KeyError:
                pass  # a character without a code yet (or one reportlab maps itself)
            else:
                if max(codes) < 256:  # all in the first subset
                    return [(0, bytes(codes))]
                return _by_subset(codes)
        return ttf.splitString(text, self._doc)

    def _subset_name(self, font: str, subset: int) -> str:
        key = (font, subset)
        name = self._subset_names.get(key)
        if name is None:
            name = self._subset_names[key] = self._fonts[font].ttfont.getSubsetInternalName(subset, self._doc)
        return name

    def _text_ops(self, runs: list[TextRun], height_mm: float) -> str:
        """One ``BT … ET`` block drawing ``runs`` at their origins."""
        k = PT_PER_MM
        ops = ["BT"]
        add = ops.append
        encoded = self._encoded
        current = None
        for r in runs:
            size = _num(r.size_pt)
            if r.advances is None:
                add(_origin(r.x, height_mm - r.y))
                for name, tj in encoded(r.font, r.text):
                    if (name, size) != current:
                        current = (name, size)
                        add(f"{name} {size} Tf")
                    add(tj)
                continue
            y = _num((height_mm - r.y) * k)
            x = r.x
            for ch, adv in zip(r.text, r.advances):
                add(f"1 0 0 1 {_num(x * k)} {y} Tm")
                for name, tj in encoded(r.font, ch):
                    if (name, size) != current:
                        current = (name, size)
                        add(f"{name} {size} Tf")
                    add(tj)
                x += adv
        add("ET")
        return "\n".join(ops)

    def _graphic(self, p: Primitive, height_mm: float, ops: list[str]) -> None:
        k = PT_PER_MM
        if isinstance(p, Line):
            ops.append(f"q {_stroke(p.width_pt, p.dash)} {_num(p.x1 * k)} {_num((height_mm - p.y1) * k)} m "
                       f"{_num(p.x2 * k)} {_num((height_mm - p.y2) * k)} l S Q")
        elif isinstance(p, Rect):
            box = f"{_num(p.x * k)} {_num((height_mm - p.y - p.h) * k)} {_num(p.w * k)} {_num(p.h * k)} re"
            stroke = p.width_pt > 0
            if p.fill is not None and stroke:
                ops.append(f"q {_num(p.fill)} g {_stroke(p.width_pt, p.dash)} {box} B Q")
            elif p.fill is not None:
                ops.append(f"q {_num(p.fill)} g {box} f Q")
            elif stroke:
                ops.append(f"q {_stroke(p.width_pt, p.dash)} {box} S Q")
        elif isinstance(p, Circle):
            # What Canvas.circle writes (saveState, setLineWidth, ellipse, stroke,
            # restoreState), through the public path object: its curves go to ``ops``.
            cx, cy, r = p.cx * k, (height_mm - p.cy) * k, p.r * k
            x1, x2, y1, y2 = cx - r, cx + r, cy - r, cy + r
            ops += ("q", f"{fp_str(p.width_pt)} w")
            PDFPathObject(code=ops).ellipse(x1, y1, x2 - x1, y2 - y1)
            ops += ("S", "Q")
        elif isinstance(p, QrCode):
            ops.append(_qr_ops(p, height_mm))
        elif isinstance(p, BarCode):
            ops.append(_bar_ops(p, height_mm))
        else:  # pragma: no cover - a new primitive type without a renderer
            raise TypeError(f"cannot draw {type(p).__name__}")


def _by_subset(codes: list[int]) -> list[tuple[int, bytes]]:
    """Codes cut into runs of one subset each, as ``splitString`` returns them."""
    pieces = []
    start, subset = 0, codes[0] >> 8
    for i, n in enumerate(codes):
        if n >> 8 != subset:
            pieces.append((subset, bytes([c & 0xFF for c in codes[start:i]])))
            start, subset = i, n >> 8
    pieces.append((subset, bytes([c & 0xFF for c in codes[start:]])))
    return pieces


def _media_box(size_mm: tuple[float, float]) -> bytes:
    return f"[ 0 0 {fp_str(size_mm[0] * PT_PER_MM)} {fp_str(size_mm[1] * PT_PER_MM)} ]".encode("ascii")


def _stroke(width_pt: float, dash: tuple[float, ...] | None) -> str:
    ops = f"{_num(width_pt)} w"
    if dash:
        ops += f" [{' '.join(_num(d) for d in dash)}] 0 d"
    return ops


def _bar_ops(b: BarCode, height_mm: float) -> str:
    """The bars of a customer barcode as one filled path of rectangles."""
    k = PT_PER_MM
    ops = ["q 0 g"]
    for x, y, w, h in b.rects():
        ops.append(f"{_num(x * k)} {_num((height_mm - y - h) * k)} {_num(w * k)} {_num(h * k)} re")
    ops.append("f Q")
    return "\n".join(ops)


def _qr_ops(q: QrCode, height_mm: float) -> str:
    """The dark modules of a QR code as one filled path (horizontal runs merged)."""
    k = PT_PER_MM
    m = q.module_mm
    ops = ["q 0 g"]
    for r, start, length in q.dark_runs():
        x = (q.x + start * m) * k
        y = (height_mm - q.y - (r + 1) * m) * k
        ops.append(f"{_num(x)} {_num(y)} {_num(length * m * k)} {_num(m * k)} re")
    ops.append("f Q")
    return "\n".join(ops)
