"""Benchmark: a whole `batch` run on the 100,000-member workbook.

    python bench/bench_batch.py [--members 100000] [--employers 500] [--workers 0]

Prints load/plan time, render time, notices per second, bytes per notice
page and peak memory (this process and its worker processes). Targets from
the print-engine issue, on a 2-core machine with the employer split: whole
run <= 45 s, >= 3,000 notices/s rendered, <= 3 KB per notice page, peak
memory < 800 MB. The floor ratio is printed by bench/bench_pdf.py.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from argparse import Namespace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_load import workbook  # noqa: E402
from print_engine.cli.common import load_and_plan  # noqa: E402
from print_engine.output.batch import run_batch  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--employers", type=int, default=500)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--split", default="employer")
    args = ap.parse_args()
    path = workbook(args.members, args.employers)
    ns = Namespace(workbook=str(path), profile=None, variant=None, order=None, split=None, documents=None,
                   employer=[], affiliation=[], household=[], member=[])
    t0 = time.perf_counter()
    plan = load_and_plan(ns)
    t1 = time.perf_counter()
    out = Path(tempfile.mkdtemp(prefix="oshirase-bench-")) / "out"
    try:
        result = run_batch(plan, out, split=args.split, workers=args.workers)
        t2 = time.perf_counter()
        pdf_bytes = sum(p.stat().st_size for p in out.glob("*.pdf"))
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    notices = result.notices
    print(f"members / notices / pages   {args.members:,} / {notices:,} / {result.pages:,} in {len(result.files)} files")
    print(f"load + rules + packing      {t1 - t0:8.2f} s")
    print(f"render + CSVs               {t2 - t1:8.2f} s   -> {notices / (t2 - t1):,.0f} notices/s (target >= 3,000)")
    print(f"whole run                   {t2 - t0:8.2f} s   (target <= 45 s)")
    print(f"PDF bytes per page          {pdf_bytes / result.pages:8.0f} B   (target <= 3 KB per notice page)")
    print(f"peak memory                 {me:8.0f} MB main, {kids:.0f} MB largest worker (target < 800 MB)")
    print(f"machine load                {os.getloadavg()[0]:8.2f}     (1-minute load average; other processes slow this down)")


if __name__ == "__main__":
    main()
