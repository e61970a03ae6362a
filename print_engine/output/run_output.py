"""A run's output, prepared once for every sink: the PDF folder, the printer, a reprint.

:func:`prepare_output` turns a plan into the documents of the run, cut into
files (or printer jobs), with the render context that lays out their pages.
``batch``, the window's export, the printer path and reprint all start from
it, so they cannot disagree about which documents a run holds, in which
order, on which page: a printer is one more sink beside the PDF writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from print_engine.layout.primitives import Page
from print_engine.output.records import write_run_records
from print_engine.output.render_context import RenderContext
from print_engine.output.stream import FileSpec, FileTotals, build_stream
from print_engine.plan.run import RunPlan


def documents_for(plan: RunPlan, documents: str | None) -> str:
    """``all`` or ``notices``; a reissue prints notices only unless asked."""
    if documents:
        return documents
    if plan.profile.run.variant == "reissue":
        return "notices"
    return plan.profile.run.documents


@dataclass(slots=True)
class RunOutput(FileTotals):
    """Everything a sink needs to write or print a planned run.

    Attributes:
        plan: The planned run.
        context: Lays out the pages (fonts, template, caches of the run).
        split: How the documents are cut into files: ``employer``, ``run``
            or ``pages:N`` (a printer run prints one job per employer file).
        documents: ``all`` (cover letters and lists too) or ``notices``.
        files: The files (or printer jobs) in print order, pages numbered.
        duplex_sheets: the run's certificates have a back page, so it is
            printed duplex and every document has sheets of its own.
    """

    plan: RunPlan
    context: RenderContext
    split: str
    documents: str
    files: list[FileSpec]
    duplex_sheets: bool = False

    @property
    def duplex(self) -> bool:
        """Whether a printer prints this run on both sides (long edge)."""
        return self.duplex_sheets or self.plan.profile.run.duplex

    def file_pages(self, spec: FileSpec) -> Iterator[Page]:
        """The laid-out pages of one file, in order."""
        return self.context.file_pages(spec)

    def write_records(self, folder: Path, files: list[FileSpec] | None = None) -> None:
        """manifest.csv, excluded.csv, packing.csv and profile.toml of the run (or of ``files``)."""
        write_run_records(folder, self.plan, self.files if files is None else files)


def prepare_output(plan: RunPlan, *, split: str | None = None, documents: str | None = None,
                   context: RenderContext | None = None) -> RunOutput:
    """The run's documents cut into files, ready for any sink.

    Args:
        plan: The planned run.
        split: ``employer`` | ``run`` | ``pages:N`` (default: the profile's).
        documents: ``all`` | ``notices`` (default: the profile's; a reissue
            prints notices only).
        context: A render context of the plan's profile and issue date to
            reuse (the window keeps one); by default a new one.
    """
    split = split or plan.profile.run.split
    documents = documents_for(plan, documents)
    if context is None:
        context = RenderContext(plan.profile, plan.issue_date)
    back_side = plan.profile.certificate.back_side
    duplex_sheets = back_side and any(s.certificate_count for s in plan.shipments)
    files = build_stream(plan.shipments, split, documents == "all", context.list_page_count,
                         certificate_pages=2 if back_side else 1, duplex_sheets=duplex_sheets)
    return RunOutput(plan, context, split, documents, files, duplex_sheets)
