"""Benchmark: the same 100,000 members read from .xlsx and from CSV (UTF-8, CP932).

    python bench/bench_formats.py [--members 100000] [--employers 500] [--repeat 3] [--spreadsheets]

The .xlsx is ``bench_load.py``'s synthetic workbook (``tools/synth.py``); its
member sheet is written once as CSV, as a core system exports it
(``tools.make_format_samples.cell_text``), in UTF-8 and in CP932, into
bench/_work/. With ``--spreadsheets`` it is also saved as .xls and .ods by
LibreOffice (``soffice``, if installed; an .xls holds at most 65,536 rows, so
it has fewer members). For each file the script prints
the best of ``--repeat`` runs of reading the file (``open_workbook``) and of
the whole load (read + parse + cross-row checks, ``load_members``). The
issue's target: CSV at least as fast as .xlsx.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_load import workbook  # noqa: E402
from print_engine.layout.fonts import FontSet  # noqa: E402
from print_engine.plan.run import gc_paused, load_members  # noqa: E402
from print_engine.profile.loading import load_profile  # noqa: E402
from print_engine.read.workbook import open_workbook  # noqa: E402


def write_csvs(xlsx: Path) -> list[Path]:
    """The member sheet of ``xlsx`` as UTF-8 and CP932 CSV (made once)."""
    targets = [xlsx.with_name(f"{xlsx.stem}-utf8.csv"), xlsx.with_name(f"{xlsx.stem}-cp932.csv")]
    if all(t.exists() for t in targets):
        return targets
    import python_calamine

    from tools.make_format_samples import cell_text

    t = time.perf_counter()
    rows = list(python_calamine.CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("加入者一覧").iter_rows())
    header = [str(v) for v in rows[0]]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([cell_text(v, header[i]) for i, v in enumerate(r)] for r in rows)
    text = buffer.getvalue()
    targets[0].write_bytes(text.encode("utf-8"))
    targets[1].write_bytes(text.encode("cp932"))
    print(f"wrote {targets[0].name}, {targets[1].name} in {time.perf_counter() - t:.1f} s")
    return targets


def write_spreadsheets(xlsx: Path) -> list[Path]:
    """``xlsx`` saved as .xls and .ods by LibreOffice (made once; [] without soffice)."""
    import shutil

    from tools.make_format_samples import libreoffice_convert

    if shutil.which("soffice") is None:
        print("soffice not found: .xls/.ods skipped")
        return []
    out = []
    for fmt in ("xls", "ods"):
        target = xlsx.with_suffix(f".{fmt}")
        if not target.exists():
            t = time.perf_counter()
            libreoffice_convert([xlsx], fmt, xlsx.parent)
            print(f"wrote {target.name} in {time.perf_counter() - t:.1f} s")
        out.append(target)
    return out


def best_of(repeat: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--employers", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--spreadsheets", action="store_true", help="also .xls and .ods (needs LibreOffice)")
    args = ap.parse_args()
    xlsx = workbook(args.members, args.employers)
    files = [xlsx, *write_csvs(xlsx)]
    if args.spreadsheets:
        files += write_spreadsheets(xlsx)
    profile = load_profile()
    fonts = FontSet.load()
    print(f"{'file':<34}{'size':>9}{'read':>9}{'load':>9}  members")
    figures = {}
    for path in files:
        with gc_paused():  # as load_members reads it
            read, _ = best_of(args.repeat, lambda path=path: open_workbook(path))
        load, loaded = best_of(args.repeat, lambda path=path: load_members(path, profile, uncovered=fonts.missing_chars))
        figures[path] = load
        size = path.stat().st_size / 1e6
        print(f"{path.name:<34}{size:>7.1f}MB{read:>8.2f}s{load:>8.2f}s  {len(loaded.members):,}"
              f"  errors {len(loaded.row_errors())}  warnings {len(loaded.warnings)}")
    xlsx_load = figures[xlsx]
    for path in files[1:3]:
        ratio = figures[path] / xlsx_load
        print(f"{path.name}: load time {ratio:.2f} x the .xlsx   (target <= 1.00)")
    print(f"machine load       {os.getloadavg()[0]:.2f}     (1-minute load average; other processes slow this down)")


if __name__ == "__main__":
    main()
