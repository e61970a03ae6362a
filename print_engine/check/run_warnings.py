"""Warnings about a run as it would print, beside the workbook's own problems.

The workbook's errors and warnings (``LoadedWorkbook.problems``) do not
depend on the run; these do: texts the layout would cut (:mod:`.overflow`).
``check``, ``batch`` and the window all take them from :func:`run_warnings`.
"""

from __future__ import annotations

from print_engine.check.overflow import overflow_warnings
from print_engine.layout.mail_block import barcode_width_problem
from print_engine.mail.grouping import is_mail_shipment
from print_engine.model import Problem, Severity
from print_engine.plan.run import RunPlan


def run_warnings(plan: RunPlan) -> list[Problem]:
    """Every warning about ``plan`` as it would print, in workbook order."""
    return _barcode_warnings(plan) + overflow_warnings(plan)


def _barcode_warnings(plan: RunPlan) -> list[Problem]:
    """A run that mails envelopes whose window cannot hold the customer barcode (direct-mail.md)."""
    if not any(is_mail_shipment(s) for s in plan.shipments):
        return []
    message = barcode_width_problem(plan.profile.envelope, plan.profile.direct_mail.barcode_pt)
    return [Problem(Severity.WARNING, "BARCODE_OUTSIDE_WINDOW", message)] if message else []
