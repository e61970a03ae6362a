"""Warnings about a run as it would print, beside the workbook's own problems.

The workbook's errors and warnings (``LoadedWorkbook.problems``) do not
depend on the run; these do: texts the layout would cut (:mod:`.overflow`).
``check``, ``batch`` and the window all take them from :func:`run_warnings`.
"""

from __future__ import annotations

from print_engine.check.overflow import overflow_warnings
from print_engine.model import Problem
from print_engine.plan.run import RunPlan


def run_warnings(plan: RunPlan) -> list[Problem]:
    """Every warning about ``plan`` as it would print, in workbook order."""
    return overflow_warnings(plan)
