"""The preview shows the selected member's page exactly as it prints."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PIL import ImageChops

from print_engine.output.batch import run_batch
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile

from .conftest import SAMPLE
from .raster import pdf_page_image, qimage_to_pil, same_page

pytestmark = pytest.mark.poppler  # pdftoppm renders the PDFs compared

DPI = 150


@pytest.fixture(scope="module")
def sample_pdf_run(tmp_path_factory):
    """The sample printed to PDF by the engine (as ``main.py batch`` does)."""
    out = tmp_path_factory.mktemp("batch") / "out"
    profile = load_profile()
    loaded = load_members(SAMPLE, profile)
    run_batch(plan_run(loaded, profile, profile.issue_date_resolved(date.today())), out, workers=1)
    with (out / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return out, rows


def row_of(win, excel_row: int) -> int:
    return next(i for i, m in enumerate(win.model.members) if m.row == excel_row)


def test_selecting_a_row_shows_its_notice(sample_window):
    win = sample_window
    win.select_source_row(row_of(win, 16))  # 11-1010-01, the second member of its household
    member = win.model.member(win.current_source_row())
    page = win.preview.current_page()
    assert page is not None and page.kind == "notice"
    text = page.text()
    assert member.number_label in text and member.name in text
    assert win.preview.page_label.text() == "お知らせ（世帯 2/2）"
    assert win.findChild(type(win.preview.view), "previewView").isVisible()


def test_paging_goes_through_the_household_then_cover_and_list(sample_window):
    win = sample_window
    win.select_source_row(row_of(win, 7))  # 11-1007: three members
    pane = win.preview
    labels = [pane.page_label.text()]
    kinds = [pane.current_page().kind]
    while pane.next_button.isEnabled():
        pane.next_page()
        labels.append(pane.page_label.text())
        kinds.append(pane.current_page().kind)
    assert kinds[:3] == ["notice"] * 3
    assert labels[:3] == ["お知らせ（世帯 1/3）", "お知らせ（世帯 2/3）", "お知らせ（世帯 3/3）"]
    assert kinds[3] == "cover" and set(kinds[4:]) == {"list"}
    pane.previous_page()
    assert pane.current_page().kind in ("list", "cover")
    pane.show_part("cover")
    assert pane.current_page().kind == "cover"
    assert win.session.loaded.employers["1"].name in pane.current_page().text()


def test_an_excluded_member_is_previewed_with_the_reason(sample_window):
    win = sample_window
    win.select_source_row(row_of(win, 198))  # NO_MYNUMBER
    assert win.preview.note.isVisibleTo(win)
    assert "個人番号なし" in win.preview.note.text()
    assert win.preview.current_page().kind == "notice"


def test_the_preview_matches_the_pdf_page_of_the_same_notice(sample_window, sample_pdf_run, tmp_path):
    out, manifest = sample_pdf_run
    win = sample_window
    for excel_row in (15, 91):  # an insured; a household without its insured (window lists the others)
        source = row_of(win, excel_row)
        win.select_source_row(source)
        m = win.model.member(source)
        entry = next(r for r in manifest if r["document"] == "notice" and (r["kigo"], r["bango"], r["edaban"]) == m.key)
        page = win.preview.current_page()
        shown = win.preview.view.renderer.render(page, DPI / 25.4, win.session.page_maker().fonts)
        pdf = pdf_page_image(out / entry["file"], int(entry["first_page"]), DPI, tmp_path)
        qt = qimage_to_pil(shown)
        assert same_page(qt, pdf), excel_row
        assert not same_page(ImageChops.offset(qt, 3, 0), pdf)  # the comparison would see a shift


def test_the_list_page_in_the_preview_matches_the_pdf(sample_window, sample_pdf_run, tmp_path):
    out, manifest = sample_pdf_run
    win = sample_window
    win.select_source_row(row_of(win, 25))
    win.preview.show_part("list")
    entry = next(r for r in manifest if r["document"] == "list" and r["employer_code"] == "1")
    shown = win.preview.view.renderer.render(win.preview.current_page(), DPI / 25.4, win.session.page_maker().fonts)
    pdf = pdf_page_image(out / entry["file"], int(entry["first_page"]), DPI, tmp_path)
    assert same_page(qimage_to_pil(shown), pdf)


def test_zoom_modes_and_the_window_outline(qtbot, sample_window):
    win = sample_window
    win.select_source_row(row_of(win, 15))
    view = win.preview.view
    win.resize(2200, 900)
    win.main_splitter.setSizes([200, 900, 1100])  # a wide preview: fit page and fit width differ
    qtbot.waitUntil(lambda: view.viewport().width() > 900)
    win.preview.set_zoom("page")
    shown = view.canvas.image
    assert shown.height() <= view.viewport().height() and shown.width() < view.viewport().width() * 0.9
    win.preview.set_zoom("width")
    assert view.canvas.image.width() > view.viewport().width() * 0.9
    assert view.canvas.image.height() > view.viewport().height()
    win.preview.set_zoom(100)
    assert view.px_per_mm() == pytest.approx(view.logicalDpiX() / 25.4)
    assert view.canvas.image.width() == pytest.approx(210 * view.logicalDpiX() / 25.4, abs=2)
    win.preview.set_zoom("page")
    win.preview.set_outlines(False)
    plain = view.canvas.grab().toImage()
    win.preview.outline.click()
    assert view.canvas.show_outlines
    outlined = view.canvas.grab().toImage()
    assert plain != outlined
    # the outline follows the profile's window
    window = win.session.profile.envelope
    k = view.canvas.px_per_mm / view.canvas.image.devicePixelRatio()
    x = round(16 + (window.window_left_mm + window.window_width_mm / 2) * k)
    y = round(16 + window.window_top_mm * k)
    colour = outlined.pixelColor(x, y)
    assert colour.blue() > colour.red() + 60  # the blue window frame


def test_selecting_another_row_renders_quickly(sample_window):
    win = sample_window
    times = []
    win.preview.view.rendered.connect(times.append)
    for excel_row in (20, 21, 26, 27, 30):
        win.select_source_row(row_of(win, excel_row))
    assert len(times) == 5
    assert sorted(times)[2] < 150  # ms; the benchmark holds the real target (50 ms)
