"""Benchmark: a whole `batch` run on the 100,000-member workbook.

    python bench/bench_batch.py [--members 100000] [--employers 500] [--workers 0] [--mixed [--back]]

Prints load/plan time, render time, notices per second, bytes per notice
page and peak memory (this process and its worker processes). Targets from
the print-engine issue, on a 2-core machine with the employer split: whole
run <= 45 s, >= 3,000 notices/s rendered, <= 3 KB per notice page, peak
memory < 800 MB. The floor ratio is printed by bench/bench_pdf.py.

``--mixed`` runs the monthly kind of run of certificate.md instead: the
profile's ``[issue] kind = "by-registration"`` and, since the synthetic
workbook has no マイナ保険証 column, three members in five are given one in
memory (the others get a 資格確認書), with 性別 and 負担割合 filled in.
The target there is >= 3,000 documents/s (notices and certificates);
``--back`` adds the certificates' back pages (duplex).
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
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_load import workbook  # noqa: E402
from print_engine.cli.common import load_and_plan  # noqa: E402
from print_engine.output.batch import run_batch  # noqa: E402
from print_engine.plan.run import load_members, plan_run  # noqa: E402
from print_engine.profile.loading import profile_from_mapping  # noqa: E402

MIXED_ISSUE = date(2025, 12, 1)


def mixed_plan(path: Path, back: bool):
    """A by-registration run over the synthetic workbook (マイナ保険証 given in memory)."""
    profile = profile_from_mapping({
        "run": {"issue_date": MIXED_ISSUE, "as_of": date(2025, 11, 30)},
        "rules": {"enrolled_by": date(2025, 11, 30), "enrollment_recorded_by": date(2025, 11, 28),
                  "freeze": date(2025, 12, 1), "new_members_from": date(2025, 11, 1),
                  "new_members_to": date(2025, 11, 28)},
        "issue": {"kind": "by-registration"},
        "certificate": {"valid_until": date(2030, 11, 30), "back_side": back},
    })
    loaded = load_members(path, profile)
    for m in loaded.members:  # synthetic test data: the columns the generator does not write
        m.myna_card = m.row % 5 < 3
        m.sex = "男" if m.row % 2 else "女"
        m.birth_date = m.birth_date or date(1980, 1, 1)
        m.burden_ratio = m.burden_ratio or "2割"
    return plan_run(loaded, profile, MIXED_ISSUE)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--employers", type=int, default=500)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--split", default="employer")
    ap.add_argument("--mixed", action="store_true", help="notices and certificates (by-registration)")
    ap.add_argument("--back", action="store_true", help="with --mixed: certificates with a back page")
    args = ap.parse_args()
    path = workbook(args.members, args.employers)
    ns = Namespace(workbook=str(path), profile=None, variant=None, order=None, split=None, documents=None,
                   employer=[], affiliation=[], household=[], member=[])
    t0 = time.perf_counter()
    plan = mixed_plan(path, args.back) if args.mixed else load_and_plan(ns)
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
    if args.mixed:
        documents = result.documents
        print(f"certificates                {result.certificates:,} (back pages: {'yes' if args.back else 'no'})")
    print(f"load + rules + packing      {t1 - t0:8.2f} s")
    if args.mixed:
        print(f"render + CSVs               {t2 - t1:8.2f} s   -> {documents / (t2 - t1):,.0f} documents/s "
              f"(notices + certificates; target >= 3,000)")
    else:
        print(f"render + CSVs               {t2 - t1:8.2f} s   -> {notices / (t2 - t1):,.0f} notices/s (target >= 3,000)")
    print(f"whole run                   {t2 - t0:8.2f} s   (target <= 45 s)")
    print(f"PDF bytes per page          {pdf_bytes / result.pages:8.0f} B   (target <= 3 KB per notice page)")
    print(f"peak memory                 {me:8.0f} MB main, {kids:.0f} MB largest worker (target < 800 MB)")
    print(f"machine load                {os.getloadavg()[0]:8.2f}     (1-minute load average; other processes slow this down)")


if __name__ == "__main__":
    main()
