"""Replacing an export folder while one of its PDFs is open in a viewer (item 7):
the run stops before rendering, names the file, and leaves the old output intact."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from print_engine.layout.fonts import FontSet
from print_engine.model import Selection
from print_engine.output import open_files
from print_engine.output.batch import BatchError, run_batch
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile
from print_engine.resources import resources_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plan():
    profile = load_profile(None)
    fonts = FontSet.load(profile.fonts.fallback)
    loaded = load_members(resources_dir() / "samples" / "sample.xlsx", profile, uncovered=fonts.missing_chars)
    return plan_run(loaded, profile, profile.issue_date_resolved(date(2024, 8, 7)),
                    Selection(employers=frozenset({"2", "2001"})))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_an_open_pdf_stops_the_export_before_rendering_and_keeps_the_old_output(plan, tmp_path, monkeypatch):
    out = tmp_path / "export"
    run_batch(plan, out, workers=1)
    before = _snapshot(out)
    viewer_has = next(out.glob("2001_*.pdf"))
    monkeypatch.setattr(open_files, "is_held_open", lambda path: path == viewer_has)
    pages = []
    with pytest.raises(BatchError) as failed:
        run_batch(plan, out, force=True, workers=1, progress=lambda done, total, what: pages.append(done))
    message = str(failed.value)
    assert f"「{viewer_has.name}」" in message and "閉じてから" in message and "そのまま残っています" in message
    assert pages == []  # nothing was rendered
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]  # no partial folder left behind


def test_without_force_a_full_folder_is_still_the_usual_error(plan, tmp_path, monkeypatch):
    out = tmp_path / "export"
    run_batch(plan, out, workers=1)
    monkeypatch.setattr(open_files, "is_held_open", lambda path: True)
    with pytest.raises(BatchError, match="空ではありません"):
        run_batch(plan, out, workers=1)


def test_the_cli_says_the_same_and_exits_2(tmp_path):
    out = tmp_path / "export"
    sample = str(resources_dir() / "samples" / "sample.xlsx")
    env = {**os.environ, "OSHIRASE_LEDGER": str(tmp_path / "ledger.sqlite3")}
    first = subprocess.run([sys.executable, str(ROOT / "main.py"), "batch", sample, "--out", str(out),
                            "--employer", "2001"], capture_output=True, text=True, timeout=300, env=env)
    assert first.returncode == 0, first.stderr
    code = (
        "import sys; from pathlib import Path; from print_engine.output import open_files\n"
        "open_files.is_held_open = lambda p: p.suffix == '.pdf'\n"
        "from oshirase.entry import main; sys.exit(main(sys.argv[1:]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, "batch", sample, "--out", str(out), "--employer", "2001",
                           "--force"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 2
    assert "他のアプリ（PDF ビューアなど）で開かれている" in proc.stderr
    assert proc.stdout == ""  # not even the load's summary: stopped before the load
