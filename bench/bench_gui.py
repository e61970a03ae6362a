"""Benchmark: the desktop window on a large workbook (offscreen).

    python bench/bench_gui.py [--members 100000] [--employers 500]

Measures what the operator feels (the issue's targets in brackets):

- load to first paint: from "open" until the table shows its first rows (< 4 s);
- a filter keystroke: typing into the search box / the employer filter, until
  the table has repainted (< 100 ms);
- preview of a selected row: from selecting it until the page is rendered
  and painted (< 50 ms);
- peak memory of the process (< 1 GB).

The workbook is generated once into bench/_work/ (``tools.synth``) and reused.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from bench.bench_load import workbook  # noqa: E402
from gui import settings  # noqa: E402
from gui.app import create_application  # noqa: E402


def wait_for(signal, timeout_s: float = 120.0) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()


def timed(action, app, widget) -> float:
    """Milliseconds for ``action`` plus the repaint of ``widget`` it causes."""
    t = time.perf_counter()
    action()
    widget.repaint()
    app.processEvents()
    return (time.perf_counter() - t) * 1000.0


def report(name: str, values: list[float], target: float) -> None:
    worst = max(values)
    print(f"{name:<26} median {statistics.median(values):7.1f} ms   max {worst:7.1f} ms   "
          f"(target < {target:.0f} ms){'' if worst < target else '  OVER'}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--employers", type=int, default=500)
    ap.add_argument("--verbose", action="store_true", help="print every measurement")
    args = ap.parse_args()
    path = workbook(args.members, args.employers)
    settings.SETTINGS_PATH = Path(tempfile.mkdtemp()) / "bench.ini"
    app = create_application([])
    from gui import create_main_window

    window = create_main_window()
    window.resize(1600, 960)
    window.show()
    app.processEvents()

    t0 = time.perf_counter()
    window.open_workbook(path)
    wait_for(window.session.workbook_loaded)
    app.processEvents()  # everything the load queued: tree, problems, status bar
    window.table.viewport().repaint()
    first_paint = time.perf_counter() - t0
    rows = window.table.model().rowCount()
    print(f"members shown              {rows:,}")
    print(f"load to first paint        {first_paint:7.2f} s    (target < 4 s)")

    table = window.table.viewport()
    search = window.filters.search
    keystrokes = []
    for text in ("サ", "サト", "サトウ", "サトウ ", "サトウ ハ", "サト", "", "1", "12", "123", ""):
        keystrokes.append(timed(lambda text=text: search.setText(text), app, table))
    employer = window.filters.employer
    codes = sorted({m.employer_code for m in window.session.loaded.members})
    for code in random.Random(1).sample(codes, 5) + [""]:
        keystrokes.append(timed(lambda code=code: employer.setEditText(code), app, table))
    status = window.filters.status
    for code in ("NO_MYNUMBER", "included", "warning", ""):
        keystrokes.append(timed(lambda code=code: status.setEditText(code), app, table))
    report("filter keystroke", keystrokes, 100)
    if args.verbose:
        print("   each:", " ".join(f"{v:.0f}" for v in keystrokes))

    canvas = window.preview.view.canvas
    rng = random.Random(2)
    picks = rng.sample(range(rows), 30)
    window.select_source_row(picks[0])  # the first page also builds the static part once
    app.processEvents()
    previews = [timed(lambda r=r: window.select_source_row(r), app, canvas) for r in picks[1:]]
    report("preview of a selected row", previews, 50)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory                {peak_mb:7.0f} MB   (target < 1024 MB)")
    window.close()


if __name__ == "__main__":
    main()
