"""RenderContext and prepare_output: the page counts the stream plans are the pages that get drawn."""

from datetime import date
from pathlib import Path

import pytest

from print_engine.output.render_context import RenderContext
from print_engine.output.run_output import prepare_output
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sample.xlsx"


@pytest.fixture(scope="module")
def plan():
    profile = load_profile()
    return plan_run(load_members(SAMPLE, profile), profile, date(2024, 8, 7))


def test_list_page_count_equals_laid_out_pages(plan):
    maker = RenderContext(plan.profile, plan.issue_date)
    for shipment in plan.shipments:
        assert maker.list_page_count(shipment) == len(maker.target_list(shipment))
    assert any(maker.list_page_count(s) > 1 for s in plan.shipments)  # the affiliation-packed one


def test_every_planned_page_is_drawn_in_order(plan):
    maker = RenderContext(plan.profile, plan.issue_date)
    for spec in prepare_output(plan, split="employer", documents="all", context=maker).files:
        pages = list(maker.file_pages(spec))
        assert len(pages) == spec.pages
        kinds = [p.kind for p in pages]
        expected = [e.document for e in spec.entries for _ in range(e.pages)]
        assert kinds == expected


def test_a_long_file_reports_progress_and_stops_part_way(plan, tmp_path):
    from print_engine.output.batch import render_file
    from print_engine.plan.run import Cancelled

    maker = RenderContext(plan.profile, plan.issue_date)
    (spec,) = prepare_output(plan, split="run", documents="all", context=maker).files
    seen = []
    with pytest.raises(Cancelled):
        render_file(maker, spec, tmp_path, on_pages=seen.append, cancelled=lambda: len(seen) >= 2)
    assert seen == [25, 50]  # stopped after 75 of the file's pages, not at its end
    assert spec.pages > 100


def test_a_second_plan_of_the_same_workbook_leaves_the_first_alone(plan):
    from dataclasses import replace

    from print_engine.model import Selection

    before = [(plan.reason_of(m), plan.flag_of(m)) for m in plan.members]
    counts = plan.counts()
    reissue = replace(plan.profile, run=replace(plan.profile.run, variant="reissue"))
    other = plan_run(plan.loaded, reissue, plan.issue_date, Selection(households=frozenset({("11", "1007")})))
    assert [(plan.reason_of(m), plan.flag_of(m)) for m in plan.members] == before
    assert plan.counts() == counts
    assert sum(s.notice_count for s in other.shipments) == 3
    assert other.counts()["NOT_SELECTED"] > 100
    assert counts["NOT_SELECTED"] == 0
