"""The PDF writer: text, fonts, forms, determinism, size and golden images.

Golden images live in ``tests/_reference/``; after an intended change of the
layout, regenerate them with ``OSHIRASE_UPDATE_GOLDEN=1 python -m pytest
tests/engine/test_pdf_output.py`` and look at the new PNGs before committing.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from print_engine.layout.fonts import FontSet
from print_engine.layout.notice import layout_notice
from print_engine.layout.primitives import PT_PER_MM, Page, TextRun
from print_engine.layout.samples import (
    SAMPLE_EMPLOYER,
    sample_member,
    sample_pages,
    synthetic_envelopes,
)
from print_engine.layout.templates import load_template
from print_engine.layout.text import distribute
from print_engine.output.pdf_writer import PdfWriter
from print_engine.profile.schema import RunProfile

pytestmark = pytest.mark.poppler

REFERENCE = Path(__file__).resolve().parent.parent / "_reference"
ISSUE = date(2024, 8, 7)
IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")
# Golden tolerance: mean absolute difference (0–255 gray) and share of pixels off by more than 64.
GOLDEN_MEAN = 1.0
GOLDEN_FRACTION = 0.005


def pdf_bytes(pages: list[Page], fonts: FontSet | None = None) -> bytes:
    buf = io.BytesIO()
    with PdfWriter(buf, fonts or FontSet.load()) as writer:
        for page in pages:
            writer.add_page(page)
    return buf.getvalue()


def pdftotext(data: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def notice_page(member=None, variant: str = "initial", fonts: FontSet | None = None) -> Page:
    p = RunProfile()
    profile = replace(p, run=replace(p.run, variant=variant))
    return layout_notice(member or sample_member(), None, SAMPLE_EMPLOYER, profile, ISSUE, fonts or FontSet.load(),
                         load_template("notice-2024", variant))


def test_notice_pdf_carries_the_key_fields(tmp_path):
    text = pdftotext(pdf_bytes([notice_page()]), tmp_path, "-layout")
    for field in ("1234-12345678-00", "健保 太郎 様", "資格情報のお知らせ", "令和6年6月30日時点",
                  "平成10年8月1日", "令和6年8月7日発行", "**** **** 1234", "保険者番号：06134803"):
        assert field in text, field
    assert re.search(r"記号 1234\s+番号 12345678\s+\(枝番\) 00", text)


def test_new_members_pdf_has_no_my_number_frame(tmp_path):
    text = pdftotext(pdf_bytes([notice_page(variant="new-members")]), tmp_path)
    assert "1234-12345678-00" in text
    assert not re.search(r"\*{4} \*{4}", text)
    assert "マイナンバー" not in text and "個人番号" not in text


def test_glyphs_are_where_the_layout_put_them(tmp_path):
    """Word boxes from poppler match each run's origin and measured width."""
    fonts = FontSet.load()
    page = notice_page()
    html = pdftotext(pdf_bytes([page]), tmp_path, "-bbox")
    words: dict[str, list[tuple[float, float, float, float]]] = {}
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', html):
        words.setdefault(m.group(5), []).append(tuple(float(m.group(i)) for i in range(1, 5)))
    checked = 0
    for run in page.text_runs():
        boxes = words.get(run.text.replace("<", "&lt;").replace(">", "&gt;"), [])
        if run.advances is not None or " " in run.text or "　" in run.text or len(boxes) != 1:
            continue
        x_min, y_min, x_max, y_max = boxes[0]
        assert x_min == pytest.approx(run.x * PT_PER_MM, abs=0.02), run
        assert x_max == pytest.approx((run.x + fonts.width_mm(run.text, run.font, run.size_pt)) * PT_PER_MM, abs=0.02)
        assert y_min < run.y * PT_PER_MM < y_max + 0.5
        checked += 1
    assert checked >= 25


def test_spaced_labels_are_drawn_glyph_by_glyph(tmp_path):
    fonts = FontSet.load()
    run = distribute(20.0, 30.0, "氏名", 30.0, "gothic", 10.0, fonts)
    page = Page((210.0, 297.0), None, (), (run,), "test")
    html = pdftotext(pdf_bytes([page]), tmp_path, "-bbox")
    xs = [float(x) for x in re.findall(r'xMin="([\d.]+)"[^>]*>(?:氏|名)<', html)]
    assert xs == pytest.approx([20.0 * PT_PER_MM, (20.0 + run.advances[0]) * PT_PER_MM], abs=0.02)


def test_same_input_gives_the_same_bytes():
    pages = list(sample_pages().values())
    assert pdf_bytes(pages) == pdf_bytes(pages)


def test_same_input_gives_the_same_bytes_in_another_process(tmp_path):
    script = ("import sys\n"
              "from print_engine.layout.samples import sample_pages\n"
              "from print_engine.layout.fonts import FontSet\n"
              "from print_engine.output.pdf_writer import PdfWriter\n"
              "with PdfWriter(sys.argv[1], FontSet.load()) as w:\n"
              "    [w.add_page(p) for p in sample_pages().values()]\n")
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for i in range(2):
        target = tmp_path / f"run{i}.pdf"
        subprocess.run([sys.executable, "-c", script, str(target)], check=True, cwd=root,
                       env=dict(os.environ, PYTHONHASHSEED=str(i + 1)))
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == pdf_bytes(list(sample_pages().values()))


def test_fonts_are_embedded_subsets_only(tmp_path):
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf_bytes(list(sample_pages().values())))
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert {row.split()[0].split("+")[1] for row in rows} == {"IPAexGothic", "IPAexMincho"}
    for row in rows:
        emb, sub = row.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), row
    assert "Helvetica" not in out


def test_static_part_is_one_form_shared_by_every_notice():
    envelopes = synthetic_envelopes(5)
    fonts, profile, template = FontSet.load(), RunProfile(), load_template()
    pages = [layout_notice(m, e, SAMPLE_EMPLOYER, profile, ISSUE, fonts, template) for e in envelopes for m in e.members]
    data = pdf_bytes(pages)
    assert data.count(b"/Subtype /Form") == 1
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(pages)
    forms = {id(p["/Resources"]["/XObject"]["/FormXob.S0"].get_object()) for p in reader.pages}
    assert len(forms) == 1
    for p in reader.pages:
        assert [round(float(v), 2) for v in p.mediabox] == [0, 0, 595.28, 841.89]
    assert "健保 太郎" in reader.pages[0].extract_text()


def test_a_notice_page_costs_less_than_3kb():
    envelopes = synthetic_envelopes(120)
    fonts, profile, template = FontSet.load(), RunProfile(), load_template()
    pages = [layout_notice(m, e, SAMPLE_EMPLOYER, profile, ISSUE, fonts, template) for e in envelopes for m in e.members]
    assert len(pdf_bytes(pages)) / len(pages) < 3000


def test_writer_accepts_a_path_and_closes_once(tmp_path):
    target = tmp_path / "out.pdf"
    writer = PdfWriter(target, FontSet.load(), title="テスト", author="東京都電機健康保険組合")
    writer.add_page(notice_page())
    writer.close()
    writer.close()
    assert writer.page_count == 1
    reader = PdfReader(target)
    assert reader.metadata.title == "テスト" and reader.metadata.author == "東京都電機健康保険組合"


@pytest.mark.skipif(not IPAMJ.is_file(), reason="IPAmj Mincho is not installed")
def test_a_fallback_font_named_by_the_profile_is_embedded(tmp_path):
    fonts = FontSet.load([IPAMJ])
    data = pdf_bytes([notice_page(sample_member("𠮷田 太郎"), fonts=fonts)], fonts)
    path = tmp_path / "gaiji.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    assert "IPAmjMincho" in out
    assert "𠮷田 太郎" in pdftotext(data, tmp_path)



@pytest.mark.skipif(not IPAMJ.is_file(), reason="IPAmj Mincho is not installed")
def test_a_variant_glyph_is_drawn_and_copies_as_its_sequence(tmp_path):
    """葛 + U+E0102 (IPAmj Mincho only) prints IPAmj's variant glyph; an unknown sequence prints its base."""
    fonts = FontSet.load([IPAMJ])

    def pdf(name: str) -> bytes:
        return pdf_bytes([notice_page(sample_member(name), fonts=fonts)], fonts)

    variant = pdf("葛\U000E0102子 太郎")
    assert "葛\U000E0102子 太郎" in pdftotext(variant, tmp_path)
    mean, _ = difference(render_png(variant, tmp_path, 100, "variant"), render_png(pdf("葛子 太郎"), tmp_path, 100, "base"))
    assert mean > 0  # another glyph than the base's
    # No font has 辻 + U+E01EF: the page is exactly the page of 辻 (no box, nothing after it).
    assert pdf("辻\U000E01EF子 太郎") == pdf("辻子 太郎")


# ----------------------------------------------------------------- golden images
def render_png(data: bytes, tmp_path: Path, dpi: int, name: str) -> Image.Image:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(tmp_path / name)], check=True)
    return Image.open(tmp_path / f"{name}.png").convert("L")


def difference(a: Image.Image, b: Image.Image) -> tuple[float, float]:
    """Mean absolute gray difference and the share of pixels off by more than 64."""
    assert a.size == b.size
    hist = ImageChops.difference(a, b).histogram()
    n = a.size[0] * a.size[1]
    return sum(i * c for i, c in enumerate(hist)) / n, sum(hist[65:]) / n


@pytest.mark.parametrize("kind", ["notice", "cover", "list"])
def test_golden_image(kind, tmp_path):
    image = render_png(pdf_bytes([sample_pages()[kind]]), tmp_path, 100, kind)
    reference = REFERENCE / f"{kind}.png"
    if os.environ.get("OSHIRASE_UPDATE_GOLDEN") == "1":
        image.save(reference, optimize=True)
    mean, fraction = difference(image, Image.open(reference).convert("L"))
    assert mean < GOLDEN_MEAN and fraction < GOLDEN_FRACTION, (kind, mean, fraction)


def test_golden_comparison_would_catch_a_moved_zone(tmp_path):
    image = render_png(pdf_bytes([sample_pages()["notice"]]), tmp_path, 100, "notice")
    moved = ImageChops.offset(image, 0, 4)  # everything 1 mm lower
    mean, fraction = difference(moved, Image.open(REFERENCE / "notice.png").convert("L"))
    assert mean >= GOLDEN_MEAN or fraction >= GOLDEN_FRACTION


def test_pages_without_a_static_key_and_of_another_size(tmp_path):
    from print_engine.layout.primitives import Rect

    label = Page((148.0, 100.0), None, (Rect(10.0, 10.0, 50.0, 20.0, 1.0, fill=0.8),),
                 (TextRun(12.0, 22.0, "はがき", "gothic", 12.0),), "test")
    data = pdf_bytes([notice_page(), label, notice_page()])
    reader = PdfReader(io.BytesIO(data))
    sizes = [[round(float(v), 2) for v in p.mediabox][2:] for p in reader.pages]
    assert sizes == [[595.28, 841.89], [419.53, 283.46], [595.28, 841.89]]
    assert data.count(b"/Subtype /Form") == 1  # the label's static part is drawn in its page
    assert "はがき" in pdftotext(data, tmp_path)


def test_the_encoding_cache_is_bounded(monkeypatch):
    from print_engine.output import pdf_writer as pdf_output

    pages = list(sample_pages().values())
    expected = pdf_bytes(pages)
    monkeypatch.setattr(pdf_output, "_CACHE_LIMIT", 5)
    assert pdf_bytes(pages) == expected
