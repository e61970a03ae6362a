"""Warnings about the run profile itself: dates of an old run, the sample insurer.

The bundled profile is the sample society's August 2024 run. A profile whose
issue date or as-of date lies long in the past, or that still names the
sample insurer, prints a run that looks right and is wrong, so ``check``,
``batch`` and the window say so. They only say so: nothing is changed.
"""

from __future__ import annotations

from datetime import date

from print_engine.model import Problem, Severity
from print_engine.profile.loading import load_profile
from print_engine.profile.schema import RunProfile

STALE_DAYS = 60  # a date more than this many days before today is an earlier run's


def profile_warnings(profile: RunProfile, today: date) -> list[Problem]:
    """What about ``profile`` looks left over from another run (issue date, as-of date, insurer)."""
    out = []
    issue = profile.issue_date_resolved(today)
    if (today - issue).days > STALE_DAYS:
        out.append(_warning("PROFILE_OLD_DATE", f"実行プロファイルの発行日（[run] issue_date）{_ymd(issue)} は"
                            f"今日より{(today - issue).days}日前です。前回の印刷の設定のままではありませんか。"
                            "今回の発行日に直してください。"))
    as_of = profile.run.as_of
    if profile.run.variant != "reissue" and (today - as_of).days > STALE_DAYS:
        out.append(_warning("PROFILE_OLD_DATE", f"実行プロファイルの時点（[run] as_of）{_ymd(as_of)} は"
                            f"今日より{(today - as_of).days}日前です。お知らせに「{_ymd(as_of)}時点」と印字されます。"
                            "今回の時点に直してください。"))
    sample = load_profile().insurer
    if profile.insurer.number == sample.number or profile.insurer.name == sample.name:
        out.append(_warning("PROFILE_SAMPLE_INSURER", f"実行プロファイルの保険者（[insurer]）が見本の「{sample.name}」"
                            f"（保険者番号 {sample.number}）のままです。設定の「保険者」で自組合の名称・番号・"
                            "所在地・問い合わせ先を入力してください。"))
    return out


def _ymd(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _warning(code: str, message: str) -> Problem:
    return Problem(Severity.WARNING, code, message)
