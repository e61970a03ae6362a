"""`python main.py check|batch` on the monthly sample: notices and 資格確認書, and the bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.test_batch_cli import pdf_text, read_csv

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
MONTHLY, PROFILE = SAMPLES / "monthly.xlsx", SAMPLES / "monthly.toml"
EXPECTED = json.loads((SAMPLES / "monthly-expected.json").read_text(encoding="utf-8"))


def main_py(*args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, cwd=ROOT,
                          timeout=timeout)


@pytest.fixture(scope="module")
def monthly_run(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("monthly") / "out"
    proc = main_py("batch", MONTHLY, "--profile", PROFILE, "--out", out)
    assert proc.returncode == 0, proc.stderr.decode()
    return out, proc.stdout.decode()


def test_batch_prints_both_kinds_with_the_reference_counts(monthly_run):
    out, stdout = monthly_run
    assert f"うちお知らせ: {EXPECTED['notices']}" in stdout
    assert f"うち資格確認書: {EXPECTED['certificates']}" in stdout
    rows = read_csv(out / "manifest.csv")
    assert sum(r["document"] == "certificate" for r in rows) == EXPECTED["certificates"]
    assert sum(r["document"] == "notice" for r in rows) == EXPECTED["notices"]
    excluded = {r["reason_code"] for r in read_csv(out / "excluded.csv")}
    assert excluded == set(EXPECTED["reasons"])


@pytest.mark.poppler
def test_the_pdf_holds_the_certificate_and_its_back_as_the_manifest_says(monthly_run):
    out, _ = monthly_run
    rows = read_csv(out / "manifest.csv")
    row = next(r for r in rows if r["document"] == "certificate" and r["file"].startswith("2_"))
    pdf = out / row["file"]
    assert len(PdfReader(pdf).pages) == max(int(r["last_page"]) for r in rows if r["file"] == row["file"])
    first = int(row["first_page"])
    front = subprocess.run(["pdftotext", "-f", str(first), "-l", str(first), "-layout", str(pdf), "-"],
                           capture_output=True, check=True).stdout.decode()
    back = subprocess.run(["pdftotext", "-f", str(first + 1), "-l", str(first + 1), "-layout", str(pdf), "-"],
                          capture_output=True, check=True).stdout.decode()
    assert "資格確認書" in front and "有効期限" in front and f"{row['kigo']}-{row['bango']}-{row['edaban']}" in front
    assert "臓器提供に関する意思表示欄" in back
    assert "資格確認書" in pdf_text(out / "1_株式会社サンプル電機.pdf")


def test_a_by_registration_run_without_the_column_is_one_error(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text('[issue]\nkind = "by-registration"\n[run]\nissue_date = 2025-12-01\n'
                       '[certificate]\nvalid_until = 2030-11-30\n', encoding="utf-8")
    proc = main_py("check", SAMPLES / "sample.xlsx", "--profile", profile)
    assert proc.returncode == 2
    assert "マイナ保険証" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_an_expiry_more_than_five_years_out_is_a_profile_error(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text('[issue]\nkind = "certificate"\n[run]\nissue_date = 2025-12-01\n'
                       '[certificate]\nvalid_until = 2031-01-01\n', encoding="utf-8")
    out = tmp_path / "out"
    proc = main_py("batch", MONTHLY, "--profile", profile, "--out", out)
    assert proc.returncode == 2 and not out.exists()
    err = proc.stderr.decode()
    assert "certificate.valid_until" in err and "5年" in err
