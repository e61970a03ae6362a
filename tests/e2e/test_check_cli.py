"""`python main.py check` as a subprocess: counts, messages, exit codes."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def check(*args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # prove UTF-8 output is forced
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", *map(str, args)],
        capture_output=True, env=env, cwd=ROOT, timeout=120,
    )


def out(proc) -> str:
    return proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


def counts(text: str) -> dict[str, str]:
    pairs = (line.split(": ", 1) for line in text.splitlines() if ": " in line)
    return {k: v for k, v in pairs}


def test_clean_sample_exits_0_with_expected_counts():
    proc = check(SAMPLES / "sample.xlsx")
    text = out(proc)
    assert proc.returncode == 0, text
    expected = json.loads((SAMPLES / "sample-expected.json").read_text(encoding="utf-8"))
    c = counts(text)
    assert int(c["加入者の行数"]) == expected["members_rows"]
    assert int(c["お知らせの対象者"]) == expected["included"]
    assert int(c["封筒（世帯）"]) == expected["envelopes"]
    assert int(c["封筒のある事業所"]) == expected["employers_with_envelope"]
    for code, n in expected["reasons"].items():
        assert int(c[f"除外 {code}"]) == n, code
    assert c["エラー"] == "0"


def test_errors_sample_exits_1_and_lists_every_error_on_one_line():
    proc = check(SAMPLES / "sample-errors.xlsx")
    text = out(proc)
    assert proc.returncode == 1, text
    expected = json.loads((SAMPLES / "sample-errors-expected.json").read_text(encoding="utf-8"))
    error_lines = [line for line in text.splitlines() if line.startswith("エラー: シート")]
    for item in expected["errors"]:
        hits = [line for line in error_lines if f"{item['row']}行目" in line and item["column"] in line]
        assert hits, f"no error line for {item}"


@pytest.mark.parametrize("name, phrase", [
    ("not-excel.xlsx", "Excel ファイル"),
    ("truncated.xlsx", "壊れて"),
    ("missing-column.xlsx", "資格取得年月日"),
])
def test_broken_files_exit_2_with_one_message(name, phrase):
    proc = check(SAMPLES / "broken" / name)
    text = out(proc)
    assert proc.returncode == 2
    assert phrase in text
    assert "Traceback" not in text
    assert len(text.strip().splitlines()) == 1


def test_bad_profile_exits_2_naming_the_key(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text('[rules]\nfreeze = "yesterday"\n', encoding="utf-8")
    proc = check(SAMPLES / "sample.xlsx", "--profile", profile)
    assert proc.returncode == 2
    assert "rules.freeze" in out(proc)


def test_bad_arguments_exit_2():
    proc = check(SAMPLES / "sample.xlsx", "--household", "nodash")
    assert proc.returncode == 2
    assert "Traceback" not in out(proc)


def _mynumber(first11: str) -> str:
    digits = [int(c) for c in reversed(first11)]
    r = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(digits, start=1)) % 11
    return first11 + str(0 if r <= 1 else 11 - r)


def test_full_mynumbers_never_appear_in_any_output(tmp_path):
    rng = random.Random(7)
    numbers = [_mynumber("".join(rng.choice("0123456789") for _ in range(11))) for _ in range(30)]
    bad = [n[:-1] + str((int(n[-1]) + 1) % 10) for n in numbers[:5]]  # wrong check digit
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事業所コード", "事業所名", "記号", "番号", "枝番", "本人家族区分", "氏名", "資格取得年月日", "個人番号"])
    for i, n in enumerate(numbers):
        cell = int(n) if i % 2 else n  # as a number cell and as text
        ws.append([1, "甲社", "10", str(i + 1), "00", "本人", f"試験 {i}", "2010/4/1", cell])
    for i, n in enumerate(bad):
        ws.append([1, "甲社", "20", str(i + 1), "00", "本人", f"誤り {i}", "2010/4/1", n])
    path = tmp_path / "mn.xlsx"
    wb.save(path)
    proc = check(path)
    text = out(proc)
    assert proc.returncode == 1  # the bad check digits are row errors
    assert "個人番号" in text
    for n in numbers + bad:
        assert n not in text
        assert n[:8] not in text  # not even a leading part


def test_a_name_the_notice_would_cut_is_a_warning_line(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事業所コード", "事業所名", "記号", "番号", "枝番", "本人家族区分", "氏名", "資格取得年月日", "個人番号下4桁"])
    ws.append([1, "甲社", "10", "1", "00", "本人", "長" * 80, "2010/4/1", "1234"])
    ws.append([1, "甲社", "10", "2", "00", "本人", "短い 名前", "2010/4/1", "5678"])
    path = tmp_path / "long.xlsx"
    wb.save(path)
    proc = check(path)
    text = out(proc)
    assert proc.returncode == 0, text  # a warning: the run still prints
    assert "警告: 2" in text.splitlines()  # the summary counts them: the notice and the list
    lines = [ln for ln in text.splitlines() if "枠に収まりません" in ln]
    assert len(lines) == 2 and all("2行目" in ln and "列「氏名」" in ln for ln in lines)
    assert lines[0].startswith("警告: シート「Sheet」 2行目 列「氏名」: お知らせ（") and "対象者一覧（一覧表）" in lines[1]


def test_the_bundled_profile_is_warned_about_first_and_not_counted_as_a_row_warning():
    proc = check(SAMPLES / "sample.xlsx")
    lines = out(proc).splitlines()
    assert proc.returncode == 0
    first = lines.index("警告: 3")  # the summary's last line: the sample's three row warnings only
    assert lines[first + 1].startswith("警告: 実行プロファイルの発行日")
    assert lines[first + 2].startswith("警告: 実行プロファイルの時点")
    assert lines[first + 3].startswith("警告: 実行プロファイルの保険者")
    assert lines[first + 4].startswith("警告: シート")
