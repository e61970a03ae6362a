"""The ledger in ``check`` and ``batch``: which one, what it says about the run, the summary lines.

The ledger is opened before the workbook is read, so an unreachable,
newer or corrupt ledger stops the run at once (exit 2, nothing written).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from print_engine.cli.args import UsageError
from print_engine.ledger.location import choose_ledger
from print_engine.ledger.recording import pending_report
from print_engine.ledger.store import Ledger, open_ledger
from print_engine.ledger.unissued import CHANGED, ISSUED, states_provider  # noqa: F401 - common takes it from here


def open_reporting_pending(option: str | None = None, no_ledger: bool = False) -> Ledger | None:
    """The chosen ledger, open, having said on stderr when it holds a pending run."""
    location = choose_ledger(option, no_ledger)
    if location is None:
        return None
    ledger = open_ledger(location)
    message = pending_report(ledger)
    if message:
        print(f"注意: {message}", file=sys.stderr)
    return ledger


def ledger_for_run(args: argparse.Namespace) -> Ledger | None:
    """``--ledger`` / ``--no-ledger`` / ``--unissued`` of ``check`` and ``batch``."""
    if getattr(args, "unissued", False) and getattr(args, "no_ledger", False):
        raise UsageError("--unissued は発行台帳で発行済みの方を除くため、--no-ledger とは一緒に使えません")
    return open_reporting_pending(getattr(args, "ledger", None), getattr(args, "no_ledger", False))


def ledger_lines(plan) -> list[str]:
    """「発行台帳で発行済み」 and 「前回から変更」 among the members this run would print."""
    states = getattr(plan, "issue_states", None)
    if states is None:
        return []
    c = Counter(states.get(m) for m in plan.would_print())
    return [f"発行台帳で発行済み: {c[ISSUED]}", f"前回から変更: {c[CHANGED]}"]
