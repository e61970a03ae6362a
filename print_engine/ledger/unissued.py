"""What the ledger says about this run's members: not issued yet, issued, or changed since.

``--unissued`` (``ledger.md``, "Using it in a run"): a member whose latest
``issued`` document of the same kind has the same fingerprint is
``ALREADY_ISSUED``; one whose fingerprint differs is printed again and counted
as 「前回から変更」; one with no document of that kind is new. A document
entered by ``ledger import`` (fingerprint of 記号・番号・枝番 and 氏名 only) is
compared on those fields.

The look-up asks the ledger only about the members at hand, along one index,
so it costs the same whether the ledger holds ten thousand documents or
millions. A run that knows its members before its rules are applied starts
the look-up on a thread (:class:`StatesLookup`): the database works (SQLite
and psycopg release the GIL) while the rules run, and only the comparison of
fingerprints is left for planning. A run without ``--unissued`` needs the
states only for its summary and its window, so ``plan_run`` does not wait
for them: ``RunPlan.issue_states`` asks on first use, by when the look-up
has long ended.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from .fingerprint import MANIFEST_PREFIX, RunFingerprints, manifest_fingerprint
from .store import Ledger

NEW = "new"  # 未発行
ISSUED = "issued"  # 発行済
CHANGED = "changed"  # 前回から変更
STATE_TEXT = {NEW: "未発行", ISSUED: "発行済", CHANGED: "前回から変更"}
_BY_MANIFEST = object()  # while comparing: to compare with a document entered by ``ledger import``


@dataclass(slots=True)
class IssueStates:
    """Each member's state against the ledger (members compare by identity)."""

    states: dict = field(default_factory=dict)

    def of(self, member) -> str:
        return self.states.get(member, NEW)

    def counts(self) -> Counter:
        return Counter(self.states.values())


def states_provider(ledger: Ledger | None, members: Sequence | None = None):
    """What ``plan_run(issued=...)`` calls to learn each member's state (None: no ledger).

    Given the run's ``members`` (all of them, before the rules), the ledger is
    asked about them at once, on a thread, while the caller goes on planning.
    """
    if ledger is None:
        return None
    if members is not None:
        return StatesLookup(ledger, members)
    return lambda members, kind_of: issue_states(ledger, members, kind_of).states


def _keys(members: Iterable) -> list[str]:
    return [f"{m.kigo}-{m.bango}-{m.edaban}" for m in members]  # fingerprint.member_key


def compare(latest: dict[str, dict[str, str]], members: Iterable, kind_of: Callable[[object], str],
            fingerprints: RunFingerprints, key_of: dict) -> dict:
    """Each member's state, given the latest fingerprint of each kind and key (``Ledger.latest_by_kind``).

    ``fingerprints`` holds (or makes) the members' fingerprints, ``key_of``
    their keys (every member is one the look-up was given). A kind's members
    are compared a list at a time: this is the last step before the plan goes
    on, and runs for every member.
    """
    mark = MANIFEST_PREFIX[0]
    members = list(members)
    kinds = list(map(kind_of, members))
    states: dict = {}
    for kind in dict.fromkeys(kinds):
        mine = members if len(kinds) == kinds.count(kind) else [m for m, k in zip(members, kinds) if k == kind]
        prints = fingerprints.of(mine, kind)  # made by the look-up's thread, for the run's one kind or the notice
        of_kind = latest.get(kind, {})
        found = [of_kind.get(key_of[m]) for m in mine]
        # A fingerprint is hex: one that differs and starts like MANIFEST_PREFIX was entered by ``ledger import``.
        codes = [NEW if f is None else ISSUED if f == p else CHANGED if f[:1] != mark else _BY_MANIFEST
                 for f, p in zip(found, prints)]
        if _BY_MANIFEST in codes:  # compared on 記号・番号・枝番 and 氏名 only
            for i, (code, m) in enumerate(zip(codes, mine)):
                if code is _BY_MANIFEST:
                    same = manifest_fingerprint(kind, m.kigo, m.bango, m.edaban, m.name) == found[i]
                    codes[i] = ISSUED if same else CHANGED
        states.update(zip(mine, codes))
    return states


def issue_states(ledger: Ledger, members: Iterable, kind_of: Callable[[object], str] = lambda m: "notice") -> IssueStates:
    """The state of every member for the document ``kind_of(member)`` it would get in this run."""
    members = list(members)
    kinds = {kind_of(m) for m in members}
    only = next(iter(kinds)) if len(kinds) == 1 else None
    return IssueStates(StatesLookup(ledger, members, only)(members, kind_of))


class StatesLookup:
    """The ledger's latest fingerprints of a run's members, fetched on a thread from the start.

    A second thread fingerprints the members meanwhile (for ``kind``, or the
    notice), so that little is left to do when the answer comes, and the
    run's recording takes the same fingerprints (:attr:`fingerprints`,
    ``RunPlan.fingerprints``). Called (``plan_run(issued=lookup)``), it waits
    for both and compares; a ledger fault met on the thread is raised there,
    in the caller's thread. A run that stops before calling it leaves its
    threads to :meth:`Ledger.close`, which waits for them.
    """

    def __init__(self, ledger: Ledger, members: Sequence, kind: str | None = None):
        self._latest: dict[str, dict[str, str]] = {}
        self._key_of: dict = {}
        self._error: BaseException | None = None
        self.fingerprints = RunFingerprints()
        self._threads = [
            ledger.in_background(self._fetch, ledger, members, kind, name="ledger-look-up"),
            ledger.in_background(self.fingerprints.compute, members, kind or "notice", name="ledger-fingerprints"),
        ]

    def _fetch(self, ledger: Ledger, members: Sequence, kind: str | None) -> None:
        try:
            keys = _keys(members)
            self._key_of = dict(zip(members, keys))  # for the comparison: no key made twice
            self._latest = ledger.latest_by_kind(keys, kind)
        except BaseException as exc:  # noqa: BLE001 - handed to the planning thread
            self._error = exc

    def __call__(self, members: Iterable, kind_of: Callable[[object], str]) -> dict:
        """The states of ``members`` (some or all of those given at the start)."""
        self.wait()
        if self._error is not None:
            raise self._error
        return compare(self._latest, members, kind_of, self.fingerprints, self._key_of)

    def wait(self) -> None:
        """Until the look-up has ended (its answer or its fault kept for the call)."""
        for thread in self._threads:
            thread.join()
