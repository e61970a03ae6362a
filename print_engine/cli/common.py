"""What ``check`` and ``batch`` share: exit codes, loading and planning, the summary."""

from __future__ import annotations

import argparse
from datetime import date

from print_engine.layout.fonts import FontSet
from print_engine.check.profile_age import profile_warnings
from print_engine.check.run_warnings import run_warnings  # noqa: F401 - check and batch take it from here
from print_engine.model import Problem, Reason
from print_engine.plan.run import LoadedWorkbook, RunPlan, load_members, plan_run
from print_engine.plan.documents import DocumentRules
from print_engine.profile.checks import check_certificate_validity
from print_engine.profile.loading import ProfileError

from .args import profile_from_args, selection_from_args
from .ledger_run import ledger_lines, states_provider

EXIT_OK = 0
EXIT_ROW_ERRORS = 1
EXIT_FAILED = 2
EXIT_CANCELLED = 130

COUNT_LABELS = (
    ("member_rows", "加入者の行数"),
    ("included", "お知らせの対象者"),
    ("envelopes", "封筒（世帯）"),
    ("employers", "封筒のある事業所"),
    ("return_envelopes", "返送の封筒"),
)



def load_and_plan(args: argparse.Namespace, progress=None, today: date | None = None, ledger=None) -> RunPlan:
    profile = profile_from_args(args)
    # valid_until against an issue date of "today", known only now (before the slow load)
    check_certificate_validity(profile, profile.issue_date_resolved(today or date.today()))
    try:
        uncovered = FontSet.load(profile.fonts.fallback).missing_chars
    except Exception:  # reportlab raises TTFError for a file that is not TrueType
        raise ProfileError("fonts.fallback", "fonts.fallback のフォントを読み込めません。TrueType（.ttf）ファイルを指定してください。") from None
    loaded = load_members(args.workbook, profile, progress=progress, uncovered=uncovered)
    # the ledger is asked now, on threads, while the rules run (Ledger.close waits for them)
    issued = states_provider(ledger, loaded.members)
    issue_date = profile.issue_date_resolved(today or date.today())
    missing = DocumentRules(profile, issue_date).missing_column(loaded.labels)
    if missing:  # e.g. a by-registration run on a sheet without マイナ保険証: one clear error, exit 2
        raise ValueError(missing)
    order = args.order or ""
    return plan_run(loaded, profile, issue_date, selection_from_args(args, profile.sheet.widths), order,
                    issued=issued, unissued=getattr(args, "unissued", False))


def profile_lines(plan: RunPlan, today: date | None = None) -> list[str]:
    """Warnings about the profile itself (an earlier run's dates, the sample insurer), first after the summary.

    They are not counted under 警告 in the summary, which counts the rows' warnings.
    """
    return [str(p) for p in profile_warnings(plan.profile, today or date.today())]


def summary_lines(plan: RunPlan, extra: list[Problem] = ()) -> list[str]:
    """The counts of ``check``/``batch``; ``extra`` are the :func:`run_warnings` (counted as warnings)."""
    counts = plan.counts()
    lines = [f"ファイル: {plan.loaded.path.name}（シート「{plan.loaded.sheet}」）"]
    lines += plan.loaded.notes  # how a CSV was read: delimiter, encoding (a guessed CP932 says so)
    lines += [f"{label}: {counts[key]}" for key, label in COUNT_LABELS]
    if plan.profile.issue.kind != "notice":  # certificate.md: both kinds, counted apart
        lines.insert(3, f"  うちお知らせ: {counts['notices']}")
        lines.insert(4, f"  うち資格確認書: {counts['certificates']}")
    for reason in Reason:
        lines.append(f"除外 {reason.value}: {counts[reason.value]}")
    lines += ledger_lines(plan)
    lines.append(f"エラー: {counts['errors']}")
    lines.append(f"警告: {counts['warnings'] + len(extra)}")
    if counts["included"] == 0:
        lines.append("印刷の対象者はいません。")
    return lines


def problem_lines(loaded: LoadedWorkbook, extra: list[Problem] = ()) -> list[str]:
    """Every error and warning, one line each: the workbook's, then the run's (``extra``)."""
    return [str(p) for p in loaded.problems()] + [str(p) for p in extra]


