"""What the ledger says about this run's members: not issued yet, issued, or changed since.

``--unissued`` (``ledger.md``, "Using it in a run"): a member whose latest
``issued`` document of the same kind has the same fingerprint is
``ALREADY_ISSUED``; one whose fingerprint differs is printed again and counted
as 「前回から変更」; one with no document of that kind is new. A document
entered by ``ledger import`` (fingerprint of 記号・番号・枝番 and 氏名 only) is
compared on those fields.

The look-up asks the ledger only about the members at hand, in chunks, along
one index, so it costs the same whether the ledger holds ten thousand
documents or millions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .fingerprint import MANIFEST_PREFIX, fingerprinter, manifest_fingerprint
from .store import Ledger

NEW = "new"  # 未発行
ISSUED = "issued"  # 発行済
CHANGED = "changed"  # 前回から変更
STATE_TEXT = {NEW: "未発行", ISSUED: "発行済", CHANGED: "前回から変更"}


def _state(member, kind: str, latest: str | None, fp) -> str:
    if latest is None:
        return NEW
    if latest.startswith(MANIFEST_PREFIX):
        mine = manifest_fingerprint(kind, member.kigo, member.bango, member.edaban, member.name)
    else:
        mine = fp(member, kind)
    return ISSUED if mine == latest else CHANGED


@dataclass(slots=True)
class IssueStates:
    """Each member's state against the ledger (members compare by identity)."""

    states: dict = field(default_factory=dict)

    def of(self, member) -> str:
        return self.states.get(member, NEW)

    def counts(self) -> Counter:
        return Counter(self.states.values())


def states_provider(ledger: Ledger | None):
    """What ``plan_run(issued=...)`` calls to learn each member's state (None: no ledger)."""
    if ledger is None:
        return None
    return lambda members, kind_of: issue_states(ledger, members, kind_of).states


def issue_states(ledger: Ledger, members: Iterable, kind_of: Callable[[object], str] = lambda m: "notice") -> IssueStates:
    """The state of every member for the document ``kind_of(member)`` it would get in this run."""
    by_kind: dict[str, list] = {}
    for m in members:
        by_kind.setdefault(kind_of(m), []).append(m)
    states = {}
    fp = fingerprinter()
    for kind, group in by_kind.items():
        keys = [f"{m.kigo}-{m.bango}-{m.edaban}" for m in group]  # fingerprint.member_key
        latest = ledger.latest_fingerprints(kind, keys)
        get = latest.get
        for m, key in zip(group, keys):
            states[m] = _state(m, kind, get(key), fp)
    return IssueStates(states)
