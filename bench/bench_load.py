"""Benchmark: read + validate + apply the rules to a large synthetic workbook.

    python bench/bench_load.py [--members 100000] [--employers 500]

Prints the time of each stage and the peak memory (the issue's target:
at most 3 s and 400 MB for 100,000 members on a 2-core machine). The
workbook is generated once into bench/_work/ and reused.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from print_engine.layout.fonts import FontSet  # noqa: E402
from print_engine.plan.run import load_members, plan_run  # noqa: E402
from print_engine.profile.loading import load_profile  # noqa: E402


def workbook(members: int, employers: int) -> Path:
    path = ROOT / "bench" / "_work" / f"members-{members}-{employers}.xlsx"
    if not path.exists():
        from tools.synth import (
            write_large_workbook,  # only to generate: openpyxl stays out of the timing
        )

        path.parent.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        write_large_workbook(path, members=members, employers=employers, seed=1)
        print(f"generated {path.name} in {time.perf_counter() - t:.1f} s")
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--employers", type=int, default=500)
    args = ap.parse_args()
    path = workbook(args.members, args.employers)
    profile = load_profile()
    fonts = FontSet.load()
    t0 = time.perf_counter()
    loaded = load_members(path, profile, uncovered=fonts.missing_chars)
    t1 = time.perf_counter()
    plan = plan_run(loaded, profile, date(2024, 8, 7))
    t2 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    c = plan.counts()
    print(f"members            {c['member_rows']:>10,}")
    print(f"included           {c['included']:>10,}   envelopes {c['envelopes']:,}   employers {c['employers']:,}")
    print(f"errors / warnings  {c['errors']:>10,} / {c['warnings']:,}")
    print(f"read + validate    {t1 - t0:10.2f} s")
    print(f"rules + packing    {t2 - t1:10.2f} s")
    print(f"total              {t2 - t0:10.2f} s   (target <= 3 s)")
    print(f"peak memory        {peak_mb:10.0f} MB  (target < 400 MB)")
    print(f"machine load       {os.getloadavg()[0]:10.2f}     (1-minute load average; other processes slow this down)")


if __name__ == "__main__":
    main()
