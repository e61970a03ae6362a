"""`python main.py batch` as a subprocess: files, CSVs, atomicity, exit codes."""

from __future__ import annotations

import csv
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.test_check_cli import _mynumber

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample.xlsx"
needs_poppler = pytest.mark.poppler


def batch(*args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "batch", *map(str, args)],
                          capture_output=True, cwd=ROOT, timeout=timeout)


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no BOM"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), f"{path.name} not CRLF"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout.decode()


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    proc = batch(SAMPLE, "--out", out)
    assert proc.returncode == 0, proc.stderr.decode()
    return out


def test_one_pdf_per_employer_and_the_csvs(sample_run):
    names = sorted(p.name for p in sample_run.iterdir())
    assert names == sorted(["1_株式会社サンプル電機.pdf", "2_サンプル精工株式会社.pdf", "10_東京サンプル電子株式会社.pdf",
                            "101_サンプル物流株式会社.pdf", "2001_合同会社サンプル設計.pdf",
                            "manifest.csv", "excluded.csv", "packing.csv", "profile.toml"])


def test_manifest_matches_pdf_pages_and_stream_order(sample_run):
    rows = read_csv(sample_run / "manifest.csv")
    assert list(rows[0]) == ["file", "first_page", "last_page", "employer_code", "affiliation_code",
                             "document", "kigo", "bango", "edaban", "name", "flag"]
    by_file: dict[str, list[dict]] = {}
    for r in rows:
        by_file.setdefault(r["file"], []).append(r)
    for name, entries in by_file.items():
        pages = len(PdfReader(sample_run / name).pages)
        assert int(entries[-1]["last_page"]) == pages
        expected = 1
        for e in entries:  # contiguous, 1-based, no gap
            assert int(e["first_page"]) == expected
            expected = int(e["last_page"]) + 1
        assert [e["document"] for e in entries[:2]] == ["cover", "list"]
        assert {e["document"] for e in entries[2:]} == {"notice"}
    notices = [r for r in rows if r["document"] == "notice"]
    assert len(notices) == 177
    assert sum(r["flag"] == "RETURN" for r in notices) == 8


def test_excluded_and_packing_csvs(sample_run):
    excluded = read_csv(sample_run / "excluded.csv")
    assert len(excluded) == 24
    assert {r["reason_code"] for r in excluded} == {"NOT_ENROLLED", "LOST_BEFORE_ASOF", "LOST_IN_WINDOW", "NO_MYNUMBER"}
    assert [int(r["row"]) for r in excluded] == sorted(int(r["row"]) for r in excluded)
    packing = {r["employer_code"]: r for r in read_csv(sample_run / "packing.csv")}
    assert packing["10"]["container"] == "段ボール" and packing["1"]["container"] == "封筒"
    assert packing["10"]["envelopes"] == packing["10"]["green_leaflets"] == packing["10"]["blue_leaflets"] == "54"


def test_profile_toml_is_the_resolved_profile(sample_run):
    data = tomllib.loads((sample_run / "profile.toml").read_text(encoding="utf-8"))
    assert str(data["run"]["issue_date"]) == "2024-08-07"
    assert data["insurer"]["number"] == "06134803"


@needs_poppler
def test_notice_pdf_text_has_the_key_fields(sample_run):
    text = pdf_text(sample_run / "1_株式会社サンプル電機.pdf")
    assert "令和6年6月30日時点" in text
    assert "令和6年8月7日発行" in text
    assert "**** **** 4198" in text  # row 7's last four digits
    assert "11-1007-00" in text
    assert "送付対象者リスト" in text


def test_same_bytes_twice_and_serial_equals_parallel(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert batch(SAMPLE, "--out", a, "--workers", "1").returncode == 0
    assert batch(SAMPLE, "--out", b, "--workers", "2").returncode == 0
    assert sorted(p.name for p in a.iterdir()) == sorted(p.name for p in b.iterdir())
    differing = [f.name for f in sorted(a.iterdir()) if f.read_bytes() != (b / f.name).read_bytes()]
    assert differing == []


@needs_poppler
def test_new_members_variant_prints_no_my_number(tmp_path):
    out = tmp_path / "nm"
    proc = batch(SAMPLE, "--out", out, "--variant", "new-members", "--split", "run", "--documents", "notices")
    assert proc.returncode == 0, proc.stderr.decode()
    text = pdf_text(out / "run.pdf")
    assert "資格情報のお知らせ" in text
    assert re.search(r"\*{4}\s+\*{4}\s+\d{4}", text) is None  # no frame ② digits
    assert "マイナンバー" not in text and "個人番号" not in text


def test_split_run_and_pages(tmp_path):
    proc = batch(SAMPLE, "--out", tmp_path / "run", "--split", "run")
    assert proc.returncode == 0
    run_rows = read_csv(tmp_path / "run" / "manifest.csv")
    assert len(PdfReader(tmp_path / "run" / "run.pdf").pages) == int(run_rows[-1]["last_page"])
    assert sum(r["document"] == "cover" for r in run_rows) == 5
    proc = batch(SAMPLE, "--out", tmp_path / "p", "--split", "pages:40")
    assert proc.returncode == 0
    rows = read_csv(tmp_path / "p" / "manifest.csv")
    files = sorted({r["file"] for r in rows})
    assert files[0] == "run-001.pdf" and len(files) > 3
    for name in files:
        pages = len(PdfReader(tmp_path / "p" / name).pages)
        households = {(r["kigo"], r["bango"]) for r in rows if r["file"] == name and r["document"] == "notice"}
        assert pages == max(int(r["last_page"]) for r in rows if r["file"] == name)
        # Over N only when the file holds one unbreakable unit: a household, with the
        # cover and list of its employer before it when it is that employer's first.
        assert pages <= 40 or len(households) == 1
    seen: dict[tuple, set] = {}
    for r in rows:
        if r["document"] == "notice":
            seen.setdefault((r["kigo"], r["bango"]), set()).add(r["file"])
    assert all(len(v) == 1 for v in seen.values())  # no household split across files


def test_selection_and_notices_only(tmp_path):
    out = tmp_path / "sel"
    proc = batch(SAMPLE, "--out", out, "--employer", "2", "101", "--documents", "notices")
    assert proc.returncode == 0
    rows = read_csv(out / "manifest.csv")
    assert {r["employer_code"] for r in rows} == {"2", "101"}
    assert {r["document"] for r in rows} == {"notice"}
    excluded = read_csv(out / "excluded.csv")
    assert any(r["reason_code"] == "NOT_SELECTED" for r in excluded)


def test_reissue_needs_members_and_prints_notices_only(tmp_path):
    proc = batch(SAMPLE, "--out", tmp_path / "r0", "--variant", "reissue")
    assert proc.returncode == 2 and not (tmp_path / "r0").exists()
    proc = batch(SAMPLE, "--out", tmp_path / "r1", "--variant", "reissue", "--member", "11-1007-1")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_csv(tmp_path / "r1" / "manifest.csv")
    assert [(r["document"], r["kigo"], r["bango"], r["edaban"]) for r in rows] == [("notice", "11", "1007", "01")]


def test_nothing_to_print_writes_csvs_and_no_pdf(tmp_path):
    out = tmp_path / "none"
    proc = batch(SAMPLE, "--out", out, "--employer", "99999")
    assert proc.returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["excluded.csv", "manifest.csv", "packing.csv", "profile.toml"]
    assert read_csv(out / "manifest.csv") == []
    assert "印刷の対象者はいません" in proc.stdout.decode()


def test_non_empty_dir_is_refused_then_replaced_with_force(tmp_path):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "keep.txt").write_text("operator's file")
    proc = batch(SAMPLE, "--out", out, "--employer", "1")
    assert proc.returncode == 2 and "--force" in proc.stderr.decode()
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    proc = batch(SAMPLE, "--out", out, "--employer", "1", "--force")
    assert proc.returncode == 0
    assert not (out / "keep.txt").exists() and (out / "manifest.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["busy"]  # no temp or old folder left


def test_row_errors_exit_1(tmp_path):
    proc = batch(ROOT / "resources" / "samples" / "sample-errors.xlsx", "--out", tmp_path / "e")
    assert proc.returncode == 1
    excluded = read_csv(tmp_path / "e" / "excluded.csv")
    two = [r for r in excluded if r["row"] == "19"]
    assert two[0]["reason_code"] == "INVALID" and "; " in two[0]["reason"]


@pytest.fixture(scope="module")
def bigger_workbook(tmp_path_factory) -> Path:
    from tools.synth import write_large_workbook

    path = tmp_path_factory.mktemp("big") / "big.xlsx"
    write_large_workbook(path, members=4000, employers=8, seed=3)
    return path


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_interrupted_run_leaves_nothing(tmp_path, bigger_workbook, sig, code):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "batch", str(bigger_workbook),
                             "--out", str(out), "--workers", "1", "--split", "run"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".out.partial") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    time.sleep(0.5)  # well inside rendering
    proc.send_signal(sig)
    assert proc.wait(timeout=60) == code
    assert not out.exists()
    if sig == signal.SIGINT:
        assert list(tmp_path.iterdir()) == []


def test_full_mynumbers_never_reach_any_output_file(tmp_path):
    import openpyxl

    numbers = [_mynumber(f"{i + 100}98765432") for i in range(12)]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事業所コード", "事業所名", "記号", "番号", "枝番", "本人家族区分", "氏名", "資格取得年月日", "個人番号"])
    for i, n in enumerate(numbers):
        ws.append([1, "甲社", "10", str(i + 1), "00", "本人", f"試験 {i}", "2010/4/1", int(n) if i % 2 else n])
    path = tmp_path / "mn.xlsx"
    wb.save(path)
    out = tmp_path / "out"
    proc = batch(path, "--out", out, "--split", "run")
    assert proc.returncode == 0, proc.stderr.decode()
    blobs = [proc.stdout, proc.stderr] + [p.read_bytes() for p in out.iterdir()]
    if shutil.which("pdftotext"):
        blobs.append(pdf_text(out / "run.pdf").encode())
        assert f"**** **** {numbers[0][-4:]}" in pdf_text(out / "run.pdf")
    for n in numbers:
        for blob in blobs:
            assert n.encode() not in blob
            assert n[:8].encode() not in blob


def test_unusable_output_folder_is_one_message_and_exit_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    proc = batch(SAMPLE, "--out", blocker / "out")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_fallback_font_that_is_not_truetype_is_a_profile_error(tmp_path):
    bad = tmp_path / "not-a-font.ttf"
    bad.write_bytes(b"this is no font")
    profile = tmp_path / "p.toml"
    profile.write_text(f'[fonts]\nfallback = ["{bad.as_posix()}"]\n', encoding="utf-8")
    proc = batch(SAMPLE, "--out", tmp_path / "out", "--profile", profile)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "fonts.fallback" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_household_and_member_selectors_combine_as_and(tmp_path):
    out = tmp_path / "and"
    proc = batch(SAMPLE, "--out", out, "--household", "11-1007", "--member", "11-1007-01", "11-1018-00",
                 "--documents", "notices")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_csv(out / "manifest.csv")
    assert [(r["kigo"], r["bango"], r["edaban"]) for r in rows] == [("11", "1007", "01")]


def test_command_line_codes_are_folded_like_the_workbook(tmp_path):
    out = tmp_path / "fw"
    proc = batch(SAMPLE, "--out", out, "--employer", "１０１", "--member", "４１００-402-0", "--documents", "notices")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_csv(out / "manifest.csv")
    assert [(r["employer_code"], r["kigo"], r["bango"], r["edaban"]) for r in rows] == [("101", "4100", "402", "00")]


def test_batch_prints_what_its_pages_cut_and_the_profile_warnings(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事業所コード", "事業所名", "記号", "番号", "枝番", "本人家族区分", "氏名", "資格取得年月日", "個人番号下4桁"])
    ws.append([1, "甲社", "10", "1", "00", "本人", "長" * 80, "2010/4/1", "1234"])
    path = tmp_path / "long.xlsx"
    wb.save(path)
    proc = batch(path, "--out", tmp_path / "out", "--workers", "1")
    text = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    cut = [ln for ln in text.splitlines() if "枠に収まりません" in ln]
    assert len(cut) == 2 and all("2行目" in ln and "列「氏名」" in ln for ln in cut)
    assert "警告: 実行プロファイルの保険者" in text  # the bundled profile: the sample insurer
    assert (tmp_path / "out" / "manifest.csv").exists()  # a warning: the run is written all the same
