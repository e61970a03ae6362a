"""``main.py batch``: plan the run, write it atomically, print a summary."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from print_engine.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    load_and_plan,
    profile_lines,
    run_warnings,
    summary_lines,
)
from print_engine.cli.ledger_run import ledger_for_run
from print_engine.ledger.run_records import ExportRecording
from print_engine.output.batch import BatchError, check_target, run_batch
from print_engine.run_log import log, log_problems, logged_run


class StderrProgress:
    """Progress on standard error, at most a few times a second."""

    def __init__(self, stream=None, interval: float = 0.5):
        self.stream = stream or sys.stderr
        self.interval = interval
        self.last = 0.0
        self.start = time.monotonic()

    def __call__(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - self.last < self.interval and done < total:
            return
        self.last = now
        if total:
            rate = done / max(now - self.start, 1e-6)
            left = (total - done) / rate if rate > 0 else 0
            print(f"\r{done:,}/{total:,} ページ（残り約 {left:.0f} 秒）", end="", file=self.stream, flush=True)
            if done >= total:
                print(file=self.stream)
        else:
            print(what, file=self.stream, flush=True)


def cmd_batch(args: argparse.Namespace) -> int:
    try:
        check_target(Path(args.out), args.force)  # before the long load
    except BatchError as exc:
        log.error("batch not started: the output folder cannot be used (%s)", type(exc).__name__)
        print(f"エラー: {exc}", file=sys.stderr)
        return EXIT_FAILED
    ledger = ledger_for_run(args)  # before the long load: a ledger fault stops here, nothing written
    try:
        return _batch(args, ledger)
    finally:
        if ledger is not None:
            ledger.close()


def _batch(args: argparse.Namespace, ledger) -> int:
    recording = None
    with logged_run("batch", split=args.split, documents=args.documents) as run:
        plan = load_and_plan(args, ledger=ledger)
        if ledger is not None:
            recording = ExportRecording(ledger, plan, args.out, split=args.split, documents=args.documents,
                                        unissued=args.unissued or None)
        extra = run_warnings(plan)
        log_problems(plan.loaded.problems() + extra)
        run["counts"] = plan.counts()
        try:
            result = run_batch(
                plan,
                args.out,
                split=args.split,
                documents=args.documents,
                force=args.force,
                workers=args.workers,
                progress=StderrProgress(),
                recording=recording,
            )
        except BatchError as exc:
            run["outcome"] = f"failed ({type(exc).__name__})"
            print(f"エラー: {exc}", file=sys.stderr)
            return EXIT_FAILED
        run["counts"] = {**plan.counts(), "pdf_files": len(result.files), "pages": result.pages}
    for line in summary_lines(plan, extra) + profile_lines(plan):
        print(line)
    for problem in extra:  # what the PDFs cut: the workbook's own problems are check's to list
        print(problem)
    print(f"出力: {result.out_dir}（PDF {len(result.files)} ファイル、{result.pages} ページ）")
    if recording is not None:
        if recording.warning:
            print(f"注意: {recording.warning}", file=sys.stderr)
        else:
            print(f"発行台帳: 実行番号 {recording.run_id} として記録しました（{ledger.location.label}）。")
    return EXIT_ROW_ERRORS if plan.counts()["errors"] else EXIT_OK
