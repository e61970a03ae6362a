"""The Qt painter draws the 資格確認書 (front and back) as the PDF prints it."""

from __future__ import annotations

from datetime import date

import pytest

from gui.painter import render_page_image
from print_engine.layout.certificate import layout_certificate
from print_engine.layout.fonts import FontSet
from print_engine.layout.samples import SAMPLE_EMPLOYER, sample_envelope
from print_engine.plan.certificate_dates import certificate_dates
from print_engine.profile.loading import profile_from_mapping
from tests.gui.test_painter_matches_pdf import DPI, MAX_FRACTION, MAX_MEAN, pdf_render, qimage_to_pil, tolerant_difference

pytestmark = pytest.mark.poppler
ISSUE = date(2025, 12, 1)


def certificate_pages(fonts):
    profile = profile_from_mapping({"issue": {"kind": "certificate"}, "run": {"issue_date": ISSUE},
                                    "certificate": {"valid_until": date(2030, 11, 30), "back_side": True}})
    family = sample_envelope()
    member = family.members[0]
    member.birth_date, member.sex, member.burden_ratio = date(1954, 3, 1), "男", "2割"
    dates = certificate_dates(ISSUE, profile.certificate.valid_until, member.birth_date, acquired=member.acquired)
    return layout_certificate(member, dates, family, SAMPLE_EMPLOYER, profile, ISSUE, fonts)


@pytest.mark.parametrize("side", [0, 1])
def test_qt_image_matches_the_pdf(side, tmp_path):
    fonts = FontSet.load()
    page = certificate_pages(fonts)[side]
    qt = qimage_to_pil(render_page_image(page, DPI, fonts))
    mean, fraction = tolerant_difference(qt, pdf_render(page, fonts, tmp_path))
    assert mean < MAX_MEAN and fraction < MAX_FRACTION, (side, mean, fraction)
