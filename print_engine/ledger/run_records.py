"""A planned run's documents as ledger rows, and the recording of an export around its folder.

:class:`ExportRecording` is what ``run_batch`` calls at the four points of
``recording.py``'s protocol: :meth:`~ExportRecording.start` before anything is
written, :meth:`~ExportRecording.output_ready` once the temporary folder holds
the run's manifest (the PDFs may still be drawing: the run is pending until
its folder is in place), :meth:`~ExportRecording.committed` once the folder is in place,
:meth:`~ExportRecording.abandoned` when the run failed or was cancelled.
:class:`PrinterRecording` records a printer run job by job.
"""

from __future__ import annotations

from pathlib import Path

from print_engine.profile.loading import dump_profile, resolve_today

from .location import LedgerError
from .recording import DOCUMENT_KINDS, RunCounts, RunRecorder, document_rows, file_sha256, run_info
from .store import Ledger


def file_documents(plan, spec, note: str = "") -> list[tuple]:
    """The notices and certificates of one output file (or printer job), as ``documents`` rows."""
    flag_of = getattr(plan, "flag_of", None) or (lambda m: m.flag)
    name = spec.name
    return document_rows(((e.document, e.member, e.shipment.employer.code, name, e.first_page, flag_of(e.member))
                          for e in spec.entries if e.document in DOCUMENT_KINDS), note,
                         plan.fingerprints)


def run_counts(files) -> RunCounts:
    counts = RunCounts()
    envelopes, employers = set(), set()
    for spec in files:
        for e in spec.entries:
            employers.add(e.shipment.employer.code)
            if e.document == "cover":
                counts.covers += 1
            elif e.document == "list":
                counts.lists += 1
            elif e.document in DOCUMENT_KINDS:
                setattr(counts, e.document + "s", getattr(counts, e.document + "s") + 1)
                envelopes.add(id(e.envelope))
    counts.envelopes, counts.employers = len(envelopes), len(employers)
    return counts


def plan_options(plan, **extra) -> dict:
    """The run's variant and selection, as recorded on the run."""
    sel = plan.selection
    options = {
        "variant": plan.profile.run.variant,
        "order": plan.order_override or plan.profile.run.order,
        "employers": sorted(sel.employers), "affiliations": sorted(sel.affiliations),
        "households": ["-".join(k) for k in sorted(sel.households)],
        "members": ["-".join(k) for k in sorted(sel.members)],
    }
    options.update({k: v for k, v in extra.items() if v not in (None, "")})
    return options


def plan_run_info(plan, kind: str, output: str, **options):
    text = dump_profile(resolve_today(plan.profile, plan.issue_date), complete=True)
    return run_info(kind, plan.profile.run.variant, workbook=Path(plan.loaded.path), profile_text=text,
                    options=plan_options(plan, **options), output=output)


class ExportRecording:
    """Records one export (``batch``, 「PDF に出力」) in the ledger, atomically with its folder.

    Attributes:
        warning: set when the run could not be marked committed after its folder
            was in place (it stays pending; the next start reports it).
    """

    def __init__(self, ledger: Ledger, plan, out_dir: str | Path, **options):
        self.ledger = ledger
        self.plan = plan
        self.recorder = RunRecorder(ledger, plan_run_info(plan, "export", str(Path(out_dir).absolute()), **options))
        self.counts = RunCounts()
        self.warning = ""

    @property
    def run_id(self) -> int | None:
        return self.recorder.run_id

    def start(self) -> None:
        """The pending run row, before anything is written (LedgerError: nothing is written)."""
        self.recorder.start()

    def output_ready(self, folder: Path, output) -> None:
        """Every document, with the SHA-256 of the run's manifest, while the run is still pending.

        The ledger look-up's answer is taken first: a run planned without
        ``--unissued`` did not wait for it, and its fault must stop the run
        before the folder is in place (LedgerError), not in the summary after.
        """
        self.plan.issue_states  # noqa: B018
        rows = [row for spec in output.files for row in file_documents(self.plan, spec)]
        self.counts = run_counts(output.files)
        self.recorder.record(rows, manifest_sha256=file_sha256(Path(folder) / "manifest.csv"), counts=self.counts)

    def committed(self) -> None:
        try:
            self.recorder.commit(self.counts)
        except LedgerError as exc:
            self.warning = (f"出力は完了しましたが、発行台帳に確定を記録できませんでした（{exc.message}）。"
                            f"「ledger resolve {self.run_id}」で記録してください。")

    def abandoned(self, status: str) -> None:
        self.recorder.give_up(status)


class PrinterRecording:
    """Records a printer run: each job's documents once the spooler has the whole job."""

    def __init__(self, ledger: Ledger, plan, printer_name: str, **options):
        self.ledger = ledger
        self.plan = plan
        self.recorder = RunRecorder(ledger, plan_run_info(plan, "printer", printer_name, **options))
        self.counts = RunCounts()
        self.jobs = 0

    @property
    def run_id(self) -> int | None:
        return self.recorder.run_id

    def start(self) -> None:
        self.recorder.start()

    def job_spooled(self, spec, interrupted: bool = False) -> None:
        """One job went to the spooler (completely, or ``interrupted`` after some pages)."""
        rows = file_documents(self.plan, spec, note="interrupted" if interrupted else "")
        self.jobs += 1
        done = run_counts([spec])
        for k, v in done.values().items():
            setattr(self.counts, k, getattr(self.counts, k) + v)
        self.recorder.record(rows, counts=self.counts)

    def finished(self, status: str = "committed") -> None:
        """``committed`` when every job was handed over; ``cancelled`` keeps the jobs already spooled."""
        if self.jobs and status != "committed":
            self.recorder.commit(self.counts, note=status)  # spooled jobs were issued
        elif status == "committed":
            self.recorder.commit(self.counts)
        else:
            self.recorder.give_up(status)
