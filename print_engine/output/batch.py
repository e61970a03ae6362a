"""A whole print run to a folder: PDFs, manifest, exclusions, packing, profile.

The run's output is prepared once (:func:`~print_engine.output.run_output.prepare_output`)
and written through an :class:`~print_engine.output.atomic.AtomicOutput`: a
failed or cancelled run leaves nothing half-written. Files are rendered in
worker processes (spawn, so a frozen Windows build works too); each file is
rendered by one process from the same inputs, so a parallel run gives the
same bytes as a serial one. The workers are started before the files are
planned (they load fonts meanwhile), and the CSVs are written while they
render.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from print_engine.output.atomic import AtomicOutput, BatchError, check_target
from print_engine.output.pdf_writer import PdfWriter
from print_engine.output.render_context import RenderContext
from print_engine.output.run_output import RunOutput, prepare_output
from print_engine.output.stream import FileSpec, FileTotals
from print_engine.plan.run import Cancelled, RunPlan, gc_paused

__all__ = ["AtomicOutput", "BatchError", "BatchResult", "check_target", "render_file", "run_batch"]

PARALLEL_MIN_NOTICES = 3000
PAGES_PER_CHECK = 25  # pages between progress reports and cancel checks inside a file
Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class BatchResult(FileTotals):
    out_dir: Path
    files: list[FileSpec] = field(default_factory=list)
    output: RunOutput | None = None

    @property
    def documents(self) -> int:
        """Notices and certificates (``RunOutput.documents`` is the documents option)."""
        return sum(f.documents for f in self.files)


_worker_context: RenderContext | None = None


def _init_worker(profile, issue_date) -> None:
    global _worker_context
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker_context = RenderContext(profile, issue_date)
    # Fonts, templates and modules live as long as the worker: the collector
    # need not walk them again and again while pages come and go.
    gc.freeze()


def _worker_ready() -> None:
    """A no-op task: submitting one starts a worker process."""


def render_file(context: RenderContext, spec: FileSpec, folder: Path, *,
                on_pages: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> int:
    """Draw one file's pages into ``folder/spec.name``; returns its page count.

    ``on_pages(n)`` is told every few pages how many are drawn, and
    ``cancelled()`` is polled as often, so a long file (``--split run``) can
    show progress and be stopped part-way.
    """
    writer = PdfWriter(folder / spec.name, context.fonts)
    for n, page in enumerate(context.file_pages(spec), start=1):
        writer.add_page(page)
        if n % PAGES_PER_CHECK == 0:
            if cancelled is not None and cancelled():
                raise Cancelled
            if on_pages is not None:
                on_pages(n)
    writer.close()
    return spec.pages


def _render_in_worker(spec: FileSpec, folder: str) -> int:
    return render_file(_worker_context, spec, Path(folder))


def _start_pool(plan: RunPlan, workers: int) -> ProcessPoolExecutor:
    """Worker processes, started now so that they load while the main process plans."""
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(plan.profile, plan.issue_date))
    for _ in range(workers):
        pool.submit(_worker_ready)
    return pool


def _render_all(plan, context, files, folder, workers, progress, cancelled, pool=None,
                while_rendering: Callable[[], None] = lambda: None) -> None:
    """Render every file.

    ``while_rendering`` runs in this process while the workers render (after
    the last file when this process renders them itself).
    """
    total = sum(f.pages for f in files)
    done = 0
    progress(0, total, "PDF を作成しています")
    if workers <= 1:
        for spec in files:
            if cancelled():
                raise Cancelled
            base = done
            done += render_file(context, spec, folder, cancelled=cancelled,
                                on_pages=lambda n, base=base, name=spec.name: progress(base + n, total, name))
            progress(done, total, spec.name)
        while_rendering()
        return
    if pool is None:
        pool = _start_pool(plan, workers)
    try:
        # Largest files first keeps both cores busy to the end. This process
        # only hands out work (pickling, no cycles): no collector passes over the plan.
        with gc_paused():
            order = sorted(files, key=lambda f: -f.pages)
            pending = {pool.submit(_render_in_worker, spec, str(folder)): spec for spec in order}
            while_rendering()
            while pending:
                finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in finished:
                    spec = pending.pop(fut)
                    done += fut.result()
                    progress(done, total, spec.name)
                if cancelled():
                    raise Cancelled
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _workers_for(files: int, notices: int, requested: int) -> int:
    if requested > 0:
        return min(requested, max(1, files))
    if notices < PARALLEL_MIN_NOTICES or files < 2:
        return 1
    return min(os.cpu_count() or 1, files)


def choose_workers(files: list[FileSpec], requested: int = 0) -> int:
    return _workers_for(len(files), sum(f.documents for f in files), requested)


def _workers_before_planning(plan: RunPlan, split: str, requested: int) -> int:
    """:func:`choose_workers` known before the files are planned (one file per employer), else 0."""
    if split != "employer":
        return 0
    return _workers_for(len(plan.shipments), sum(s.document_count for s in plan.shipments), requested)


def run_batch(
    plan: RunPlan,
    out_dir: str | Path,
    *,
    split: str | None = None,
    documents: str | None = None,
    force: bool = False,
    workers: int = 0,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    recording=None,
) -> BatchResult:
    """Write the whole run into ``out_dir`` atomically.

    Args:
        plan: the planned run (rules applied, shipments in order).
        out_dir: the target folder; must be empty or absent unless ``force``.
        split: ``employer`` | ``run`` | ``pages:N`` (default: the profile's).
        documents: ``all`` | ``notices`` (default: the profile's; a reissue
            prints notices only).
        force: replace a non-empty ``out_dir`` as a whole.
        workers: processes to render with; 0 chooses by the run's size.
        progress: called as (pages done, pages total, what).
        cancelled: polled between files and every few pages of a file drawn in
            this process; True stops with :class:`Cancelled`.
        recording: the run's ledger record
            (:class:`~print_engine.ledger.run_records.ExportRecording`): pending
            before anything is written, its documents once the manifest is
            written (while the PDFs are drawn), committed once the complete
            folder is in place, abandoned (its documents voided) otherwise.

    Raises:
        BatchError: the target is not usable, or writing failed.
        Cancelled: the operator cancelled; nothing is left behind.
    """
    progress = progress or (lambda *a: None)
    cancelled = cancelled or (lambda: False)
    split = split or plan.profile.run.split
    out = AtomicOutput(Path(out_dir), force)
    pool = None
    if recording is not None:
        try:
            recording.start()  # a ledger fault stops the run here: nothing written
        except BaseException:
            out.abort()
            raise
    try:
        with gc_paused():  # planning makes many objects and no cycles; the plan is large
            early = _workers_before_planning(plan, split, workers)
            if early > 1:
                pool = _start_pool(plan, early)
            output = prepare_output(plan, split=split, documents=documents)
            files = output.files
            count = choose_workers(files, workers)
            if pool is not None and count <= 1:
                pool.shutdown(wait=True)
                pool = None

        def reports() -> None:
            output.write_records(out.tmp)
            if recording is not None:  # the documents, pending, while the workers draw (not on the way after)
                recording.output_ready(out.tmp, output)

        _render_all(plan, output.context, files, out.tmp, count, progress, cancelled, pool, reports)
        pool = None  # shut down by _render_all
        out.commit()
    except (Cancelled, KeyboardInterrupt):
        _stop(pool)
        out.abort()
        _abandon(recording, "cancelled")
        raise
    except OSError as exc:
        _stop(pool)
        out.abort()
        _abandon(recording, "failed")
        raise BatchError(f"出力中にエラーが発生しました（{exc.strerror or exc}）。何も出力していません。") from None
    except BaseException:
        _stop(pool)
        out.abort()
        _abandon(recording, "failed")
        raise
    if recording is not None:
        recording.committed()
    return BatchResult(Path(out_dir), files, output)


def _abandon(recording, status: str) -> None:
    if recording is not None:
        recording.abandoned(status)


def _stop(pool: ProcessPoolExecutor | None) -> None:
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
