"""The pipeline: workbook → members → rules → shipments, with progress and cancel.

Loading (read + parse + cross-row checks) is the expensive part and is done
once per workbook (:func:`load_members`); planning a run (rules, selection,
packing) is cheap and is redone whenever the operator changes the variant,
the order or the selection (:func:`plan_run`). Both the window and the
command line go through these two functions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from print_engine import collector
from print_engine.check.cross_rows import check_rows, collect_employers
from print_engine.mail.grouping import MailSplit, is_mail_shipment, mail_shipment, split_mailed
from print_engine.mail.households import deciding_member
from print_engine.model import Employer, Member, Problem, Reason, Selection, Shipment
from print_engine.plan.documents import DocumentResults, decide_documents
from print_engine.plan.packing import apply_selection, build_envelopes, build_shipments
from print_engine.plan.rules import apply_rules, households_of
from print_engine.profile.schema import RunProfile
from print_engine.read.rows import RowParser
from print_engine.read.workbook import kept_rows, open_workbook

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
CHUNK_ROWS = 10_000  # rows parsed between progress reports and cancel checks


class Cancelled(Exception):
    """The operator cancelled a long operation; nothing was kept."""


@dataclass(slots=True)
class LoadedWorkbook:
    """The parsed workbook: every member row, its problems and employers."""

    path: Path
    sheet: str
    members: list[Member]
    warnings: list[Problem]
    employers: dict[str, Employer]
    labels: dict[str, str]
    # Members grouped by 記号+番号 (``rules.households_of``), kept for planning.
    households: dict[tuple[str, str], list[Member]] | None = field(default=None, repr=False, compare=False)
    # How the file was read, for the summary: a CSV's delimiter and encoding (a guessed CP932 above all).
    notes: list[str] = field(default_factory=list, compare=False)
    # Row errors of the 事業所 sheet, and the employers they hold back (their letters and packing would be wrong).
    sheet_errors: list[Problem] = field(default_factory=list)
    held_employers: frozenset[str] = frozenset()

    def row_errors(self) -> list[Problem]:
        return [p for m in self.members for p in m.errors] + self.sheet_errors

    def problems(self) -> list[Problem]:
        """Errors and warnings in workbook order (sheet, row)."""
        allp = self.row_errors() + self.warnings
        return sorted(allp, key=lambda p: (p.sheet != self.sheet, p.sheet, p.row or 0, not p.is_error))


@dataclass(slots=True)
class RunPlan:
    """Who gets what in one run: shipments in print order plus the excluded.

    The plan owns its results (``reasons``, ``flags``): the workbook's member
    rows are shared by every plan and never changed by one.
    """

    loaded: LoadedWorkbook
    profile: RunProfile
    issue_date: date
    selection: Selection
    order_override: str
    shipments: list[Shipment] = field(default_factory=list)
    reasons: dict[Member, Reason] = field(default_factory=dict)
    flags: dict[Member, str] = field(default_factory=dict)
    # certificate.md: who gets a certificate (the rest a notice), its dates, the run's row errors
    documents: DocumentResults = field(default_factory=lambda: DocumentResults({}, {}, {}))
    # Row errors of this run beyond the workbook's own (a mailed household without a
    # usable address): the rows are INVALID/HELD in ``reasons``, the rows stay untouched.
    run_errors: list[Problem] = field(default_factory=list)
    # Each member's state against the issuance ledger, when the run was planned with one
    # (``plan_run(issued=...)``): the states, or what asks the ledger for them (``issue_states``).
    ledger_states: dict[Member, str] | Callable[[], dict[Member, str]] | None = None
    # The members' fingerprints made by that look-up (its ``fingerprints``, a ``RunFingerprints``),
    # for recording the run; safe to read while the look-up's thread still fills it.
    fingerprints: object | None = None

    @property
    def issue_states(self) -> dict[Member, str] | None:
        """Each member's state against the ledger ("new" | "issued" | "changed"), None without a ledger.

        A run planned without ``--unissued`` did not wait for the ledger's
        answer: it is taken here, on first use (``LedgerError`` if the look-up failed).
        """
        if callable(self.ledger_states):
            self.ledger_states = self.ledger_states()
        return self.ledger_states

    @property
    def members(self) -> list[Member]:
        return self.loaded.members

    def reason_of(self, member: Member) -> Reason | None:
        """Why ``member`` gets nothing in this run, or None when it is printed."""
        return self.reasons.get(member)

    def document_of(self, member: Member) -> str | None:
        """``"notice"`` or ``"certificate"`` (``None``: the row does not say; a row error)."""
        return self.documents.document_of(member)

    def run_problems(self) -> list[Problem]:
        """The row errors this run's document choice makes (a blank マイナ保険証 …); also in ``run_errors``."""
        return self.documents.problem_list()

    def flag_of(self, member: Member) -> str:
        """The member's flag in this run (``RETURN`` or '')."""
        return self.flags.get(member, "")

    def would_print(self) -> list[Member]:
        """The members this run prints, plus those ``--unissued`` left out as ``ALREADY_ISSUED``."""
        printed = [m for s in self.shipments for e in s.envelopes for m in e.members]
        return printed + [m for m, r in self.reasons.items() if r is Reason.ALREADY_ISSUED]

    def excluded(self) -> list[Member]:
        """The members printed nothing, in workbook order."""
        reasons = self.reasons
        return [m for m in self.loaded.members if m in reasons]

    def counts(self) -> dict[str, int]:
        reasons = Counter(r.value for r in self.reasons.values())
        errors = len(self.loaded.row_errors()) + len(self.run_errors)
        return {
            "member_rows": len(self.loaded.members),
            "included": sum(s.document_count for s in self.shipments),
            "notices": sum(s.notice_count for s in self.shipments),
            "certificates": sum(s.certificate_count for s in self.shipments),
            "envelopes": sum(len(s.envelopes) for s in self.shipments),
            "employers": sum(1 for s in self.shipments if not is_mail_shipment(s)),
            "mailed_envelopes": sum(len(s.envelopes) for s in self.shipments if is_mail_shipment(s)),
            "return_envelopes": sum(s.return_envelopes for s in self.shipments),
            **{r.value: reasons.get(r.value, 0) for r in Reason},
            "errors": errors,
            "warnings": len(self.loaded.warnings),
        }


gc_paused = collector.paused  # the engine's pause of the cyclic collector (main thread only)


def _noop_progress(done: int, total: int, stage: str) -> None:
    pass


def load_members(
    path: str | Path,
    profile: RunProfile,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    uncovered: Callable[[str], set[str]] | None = None,
) -> LoadedWorkbook:
    """Read and validate the workbook.

    Args:
        path: the member file: .xlsx/.xlsm, .xls, .xlsb, .ods or .csv/.tsv/.txt.
        profile: gives the sheet name and zero-pad widths.
        progress: called as (done, total, stage) now and then.
        cancelled: polled between chunks; True stops with :class:`Cancelled`.
        uncovered: returns the characters of a text no font can draw (外字).

    Raises:
        WorkbookError: the file cannot be used (one clear message).
        Cancelled: the operator cancelled.
    """
    with gc_paused():
        return _load_members(path, profile, progress or _noop_progress, cancelled or (lambda: False), uncovered)


def _load_members(path, profile: RunProfile, progress: Progress, cancelled: CancelCheck,
                  uncovered: Callable[[str], set[str]] | None) -> LoadedWorkbook:
    progress(0, 0, "ファイルを読み込んでいます")
    data = open_workbook(path, profile.sheet.name, profile.sheet.encoding)
    if cancelled():
        raise Cancelled
    sheet = data.members
    warnings: list[Problem] = []
    parser = RowParser(sheet.name, sheet.header, profile.sheet.widths, sheet.uncached, warnings.append,
                       sheet.overflow, sheet.header_width)
    rows = kept_rows(sheet)
    members: list[Member] = []
    for start in range(0, len(rows), CHUNK_ROWS):
        members += parser.parse_all(rows[start:start + CHUNK_ROWS])
        progress(min(start + CHUNK_ROWS, len(rows)), len(rows), "行を確認しています")
        if cancelled():
            raise Cancelled
    total = len(rows)
    progress(total, total, "世帯と事業所を確認しています")
    labels = sheet.header.labels
    households = households_of(members)
    check_rows(members, labels, profile.sheet.widths.keys(), warnings.append, uncovered, households)
    sheet_errors: list[Problem] = []
    held: set[str] = set()

    def employer_error(problem: Problem, code: str) -> None:
        sheet_errors.append(problem)
        if code:
            held.add(code)

    employers = collect_employers(members, data.employers, warnings.append,
                                  profile.sheet.widths.get("employer_code", 0), labels.get("employer_name", ""),
                                  employer_error)
    if cancelled():
        raise Cancelled
    return LoadedWorkbook(Path(path), sheet.name, members, warnings, employers, labels, households, data.notes,
                          sheet_errors, frozenset(held))


def plan_run(
    loaded: LoadedWorkbook,
    profile: RunProfile,
    issue_date: date,
    selection: Selection = Selection(),
    order_override: str = "",
    issued: IssuedLookup | None = None,
    unissued: bool = False,
) -> RunPlan:
    """Apply the rules and the selection, and pack the envelopes.

    Args:
        issued: asks the issuance ledger for the state of members (``new``,
            ``issued``, ``changed``) given a member → document kind function.
        unissued: members the ledger has ``issued`` get ``ALREADY_ISSUED``.

    Raises:
        ValueError: a ``reissue`` run with no member or household named, or
            ``unissued`` with a reissue or without a ledger.
    """
    if profile.run.variant == "reissue" and not (selection.members or selection.households):
        raise ValueError("再交付（reissue）では、対象の加入者（--member）または世帯（--household）を指定してください。")
    if unissued and profile.run.variant == "reissue":
        raise ValueError("再交付（reissue）は発行済みの方に再び発行するため、--unissued（未発行の方のみ）とは一緒に使えません。")
    if unissued and issued is None:
        raise ValueError("--unissued（未発行の方のみ）には発行台帳が必要です。")
    with gc_paused():
        documents = decide_documents(loaded.members, profile, issue_date, loaded.labels)
        results = apply_rules(loaded.members, profile, issue_date, _households(loaded), loaded.held_employers,
                              documents=documents)
        states = None
        if issued is not None:
            asked = [m for m in loaded.members if m not in results.reasons]
            kind_of = _document_kind(documents)
            if unissued:
                states = issued(asked, kind_of)
                for m, state in states.items():
                    if state == "issued":
                        results.reasons[m] = Reason.ALREADY_ISSUED
            else:  # only the summary and the window want them: asked for on first use
                states = lambda: issued(asked, kind_of)  # noqa: E731
        envelopes = build_envelopes(loaded.members, results.households, results.reasons, results.flags)
        if documents.documents:
            kinds, dates = documents.documents, documents.dates
            for env in envelopes:  # each envelope its own few entries (a file's pickle stays small)
                mine = {m: kinds[m] for m in env.members if m in kinds}
                if mine:
                    env.documents = mine
                    env.certificate_dates = {m: dates[m] for m in mine if m in dates}
        envelopes = apply_selection(envelopes, selection, results.reasons)
        mail = split_mailed(envelopes, profile, loaded.labels, "send_to" in loaded.labels)
        if mail.held:
            _hold_unmailable(mail, results.households or households_of(loaded.members), results.reasons)
        shipments = build_shipments(mail.kept, loaded.employers, profile, order_override)
        if mail.mailed:  # the mailed group follows all employers (direct-mail.md)
            shipments.append(mail_shipment(mail.mailed))
    return RunPlan(loaded, profile, issue_date, selection, order_override, shipments,
                   results.reasons, results.flags, documents=documents, ledger_states=states,
                   fingerprints=getattr(issued, "fingerprints", None),
                   run_errors=mail.problems + documents.problem_list())


# (members, member -> document kind) -> states; a look-up with a ``fingerprints`` attribute
# (``StatesLookup``) lends them to the plan.
IssuedLookup = Callable[[list[Member], Callable[[Member], str]], dict[Member, str]]


def _document_kind(documents: DocumentResults) -> Callable[[Member], str]:
    """Which document a member gets in this run: the plan's decision, a notice where it has none."""
    document_of = documents.document_of
    return lambda m: document_of(m) or "notice"


def _hold_unmailable(mail: MailSplit, households: dict[tuple[str, str], list[Member]],
                     reasons: dict[Member, Reason]) -> None:
    """A mailed household without a usable address: its deciding row INVALID, the others HELD."""
    for env in mail.held:
        decider = deciding_member(env.members, env.insured)
        for m in households.get((env.kigo, env.bango), env.members):
            reasons[m] = Reason.INVALID if m is decider else Reason.HELD


def _households(loaded: LoadedWorkbook) -> dict[tuple[str, str], list[Member]] | None:
    """The households grouped at load time, if they still cover exactly the members."""
    households = loaded.households
    if households is None or sum(map(len, households.values())) != len(loaded.members):
        return None
    return households
