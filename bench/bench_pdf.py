"""How fast notices become PDF pages: our pipeline against a bare reportlab floor.

Usage::

    python bench/bench_pdf.py [N]        # default N = 2000 notices

* **ours** — ``layout_notice`` for every member, then ``PdfWriter.add_page``
  (static part as a form XObject, member runs as raw ``Tj``), then save.
* **floor** — the same pages drawn with reportlab's public canvas API only:
  the static part once as a form (``beginForm``/``doForm``), every variable
  run with ``setFont`` + ``drawString`` at its origin; the layout is computed
  beforehand and not timed. It is what a plain reportlab program would cost.

Prints pages/s of both, the ratio ours/floor (time; target ≤ 1.3) and the
bytes per page of our file (target ≤ 3 KB). Single core, invariant mode.
"""

from __future__ import annotations

import io
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from print_engine.layout.fonts import FontSet  # noqa: E402
from print_engine.layout.notice import NoticeLayouter  # noqa: E402
from print_engine.layout.primitives import (  # noqa: E402
    PT_PER_MM,
    Circle,
    Line,
    QrCode,
    Rect,
    TextRun,
)
from print_engine.layout.samples import SAMPLE_EMPLOYER, synthetic_envelopes  # noqa: E402
from print_engine.layout.templates import load_template  # noqa: E402
from print_engine.output.pdf_writer import PdfWriter  # noqa: E402
from print_engine.profile.schema import RunProfile  # noqa: E402

ISSUE = date(2024, 8, 7)


def members_for(n: int) -> list[tuple]:
    """(member, envelope) pairs of ``n`` synthetic notices."""
    pairs = []
    for env in synthetic_envelopes(n):
        for m in env.members:
            pairs.append((m, env))
            if len(pairs) == n:
                return pairs
    return pairs


def run_ours(pairs: list[tuple], fonts: FontSet) -> tuple[float, int]:
    profile, template = RunProfile(), load_template("notice-2024", "initial")
    buf = io.BytesIO()
    t0 = time.perf_counter()
    # One layouter for the run, as a render context holds it (its static part is laid out once).
    layouter = NoticeLayouter(profile, ISSUE, fonts, template)
    writer = PdfWriter(buf, fonts)
    for member, env in pairs:
        writer.add_page(layouter.layout(member, env, SAMPLE_EMPLOYER))
    writer.close()
    return time.perf_counter() - t0, len(buf.getvalue())


def _draw_plain(c: Canvas, prims, fonts: FontSet, height: float) -> None:
    k = PT_PER_MM
    for p in prims:
        if isinstance(p, TextRun):
            c.setFont(fonts[p.font].rl_name, p.size_pt)
            c.drawString(p.x * k, (height - p.y) * k, p.text)
        elif isinstance(p, Line):
            c.setLineWidth(p.width_pt)
            c.line(p.x1 * k, (height - p.y1) * k, p.x2 * k, (height - p.y2) * k)
        elif isinstance(p, Rect):
            c.setLineWidth(max(p.width_pt, 0.01))
            c.rect(p.x * k, (height - p.y - p.h) * k, p.w * k, p.h * k, stroke=int(p.width_pt > 0),
                   fill=int(p.fill is not None))
        elif isinstance(p, Circle):
            c.circle(p.cx * k, (height - p.cy) * k, p.r * k)
        elif isinstance(p, QrCode):
            m = p.size_mm / len(p.modules)
            for r, row in enumerate(p.modules):
                for col, dark in enumerate(row):
                    if dark:
                        c.rect((p.x + col * m) * k, (height - p.y - (r + 1) * m) * k, m * k, m * k, stroke=0, fill=1)


def run_floor(pairs: list[tuple], fonts: FontSet) -> tuple[float, int]:
    profile, template = RunProfile(), load_template("notice-2024", "initial")
    layouter = NoticeLayouter(profile, ISSUE, fonts, template)
    pages = [layouter.layout(m, env, SAMPLE_EMPLOYER) for m, env in pairs]
    buf = io.BytesIO()
    t0 = time.perf_counter()
    c = Canvas(buf, pagesize=(210 * PT_PER_MM, 297 * PT_PER_MM), invariant=1, pageCompression=1,
               initialFontName=fonts["gothic"].rl_name)
    forms: set[str] = set()
    for page in pages:
        name = "F" + str(abs(hash(page.static_key)))
        if name not in forms:
            c.beginForm(name)
            _draw_plain(c, page.static, fonts, 297.0)
            c.endForm()
            forms.add(name)
        c.doForm(name)
        _draw_plain(c, page.variable, fonts, 297.0)
        c.showPage()
    c.save()
    return time.perf_counter() - t0, len(buf.getvalue())


def _accel_state() -> str:
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        return "not installed"
    return "installed"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    fonts = FontSet.load()
    pairs = members_for(n)
    run_ours(pairs[:50], fonts)  # warm caches (fonts, templates) outside the timing
    ours = min(run_ours(pairs, fonts) for _ in range(3))
    floor = min(run_floor(pairs, fonts) for _ in range(3))
    print(f"notices            : {len(pairs)}   (rl_accel: {_accel_state()})")
    print(f"ours   pages/s     : {len(pairs) / ours[0]:8.0f}   ({ours[0]:.3f} s, {ours[1] / len(pairs):.0f} B/page)")
    print(f"floor  pages/s     : {len(pairs) / floor[0]:8.0f}   ({floor[0]:.3f} s, {floor[1] / len(pairs):.0f} B/page)")
    print(f"ratio ours/floor   : {ours[0] / floor[0]:8.2f}   (time; target <= 1.3)")


if __name__ == "__main__":
    main()
