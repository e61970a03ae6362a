"""Reprinting pages of a run with a mailed group rebuilds the same direct_mail.pdf pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from print_engine.layout.primitives import BarCode
from print_engine.output.reprint import load_run, pages_to_reprint, rebuild
from print_engine.plan.run import load_members
from tests.e2e.test_batch_cli import batch, read_csv

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.mark.parametrize("split", ["employer", "run"])
def test_a_mailed_page_is_reprinted_exactly(tmp_path, split):
    out = tmp_path / "out"
    proc = batch(SAMPLES / "sample-mail.xlsx", "--profile", SAMPLES / "sample-mail.toml", "--out", out,
                 "--split", split, "--no-ledger")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_csv(out / "manifest.csv")
    target = next(r for r in rows if (r["kigo"], r["bango"], r["edaban"]) == ("2020", "20002", "00"))
    run = load_run(out)
    output = rebuild(run, load_members(SAMPLES / "sample-mail.xlsx", run.profile))
    page_no = int(target["first_page"])
    [page] = pages_to_reprint(output, target["file"], page_no, page_no)
    assert "〒273-0102" in page.text() and "渡辺 春子 様" in page.text()
    assert sum(isinstance(p, BarCode) for p in page.variable) == 1
