"""Oshirase print engine: workbook → members → rules → households → pages (no Qt).

The folders follow the data: ``read/`` (the workbook), ``check/`` (cross-row
checks), ``plan/`` (rules, selection, packing, the run plan), ``layout/``
(pages as positioned primitives), ``output/`` (the one output path: files,
PDF writer, records, reprint), ``profile/``, ``cli/``.

This module is the facade the window uses: ``from print_engine import
plan_run, prepare_output, …``. Names are imported on first use (PEP 562), so
a headless ``check`` loads only what it needs and no import cycle can form
through this file.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# name → module that defines it
_EXPORTS: dict[str, str] = {
    # data
    "Employer": "print_engine.model",
    "Envelope": "print_engine.model",
    "Member": "print_engine.model",
    "Problem": "print_engine.model",
    "Reason": "print_engine.model",
    "RETURN": "print_engine.model",
    "Selection": "print_engine.model",
    "Severity": "print_engine.model",
    "Shipment": "print_engine.model",
    # errors
    "OperatorError": "print_engine.errors",
    "WorkbookError": "print_engine.read.workbook",
    "ProfileError": "print_engine.profile.loading",
    "BatchError": "print_engine.output.atomic",
    "ReprintError": "print_engine.output.reprint",
    "Cancelled": "print_engine.plan.run",
    # reading and planning
    "LoadedWorkbook": "print_engine.plan.run",
    "RunPlan": "print_engine.plan.run",
    "load_members": "print_engine.plan.run",
    "plan_run": "print_engine.plan.run",
    "natural_key": "print_engine.read.codes",
    "natural_key_blank_last": "print_engine.read.codes",
    "format_wareki": "print_engine.read.wareki",
    "MEMBER_FILE_SUFFIXES": "print_engine.read.file_kind",
    "SUFFIX_KINDS": "print_engine.read.file_kind",
    # profile
    "RunProfile": "print_engine.profile.schema",
    "EnvelopeWindow": "print_engine.profile.schema",
    "WIDTH_FIELDS": "print_engine.profile.checks",
    "load_profile": "print_engine.profile.loading",
    "load_profile_document": "print_engine.profile.loading",
    "profile_from_mapping": "print_engine.profile.loading",
    "save_profile": "print_engine.profile.loading",
    # layout
    "FontSet": "print_engine.layout.fonts",
    "GEOMETRY": "print_engine.layout.notice",
    "layout_test_page": "print_engine.layout.test_page",
    "Page": "print_engine.layout.primitives",
    "Primitive": "print_engine.layout.primitives",
    "TextRun": "print_engine.layout.primitives",
    "Line": "print_engine.layout.primitives",
    "Rect": "print_engine.layout.primitives",
    "Circle": "print_engine.layout.primitives",
    "QrCode": "print_engine.layout.primitives",
    "BarCode": "print_engine.layout.primitives",
    "MM_PER_PT": "print_engine.layout.primitives",
    "PT_PER_MM": "print_engine.layout.primitives",
    # output: the one path every sink takes
    "RenderContext": "print_engine.output.render_context",
    "RunOutput": "print_engine.output.run_output",
    "prepare_output": "print_engine.output.run_output",
    "documents_for": "print_engine.output.run_output",
    "run_batch": "print_engine.output.batch",
    "AtomicOutput": "print_engine.output.atomic",
    "FileSpec": "print_engine.output.stream",
    "packing_rows": "print_engine.output.records",
    "EarlierRun": "print_engine.output.reprint",
    "load_run": "print_engine.output.reprint",
    "rebuild": "print_engine.output.reprint",
    "pages_to_reprint": "print_engine.output.reprint",
    "resources_dir": "print_engine.resources",
    # the support log and open-file checks
    "VARIANT_FIRST": "print_engine.layout.fonts",
    "is_held_open": "print_engine.output.open_files",
    "open_file_message": "print_engine.output.open_files",
    "log": "print_engine.run_log",
    "new_run_id": "print_engine.run_log",
    "log_problems": "print_engine.run_log",
    "logged_run": "print_engine.run_log",
    # direct mail (direct-mail.md)
    "GROUP_CODE": "print_engine.mail.households",
    "is_mail_shipment": "print_engine.mail.grouping",
    # warnings about a run as it would print
    "run_warnings": "print_engine.check.run_warnings",
    "profile_warnings": "print_engine.check.profile_age",
    "reason_labels": "print_engine.plan.reasons",
    # the issuance ledger (ledger.md)
    "Ledger": "print_engine.ledger.store",
    "LedgerError": "print_engine.ledger.location",
    "LedgerLocation": "print_engine.ledger.location",
    "choose_ledger": "print_engine.ledger.location",
    "location_of": "print_engine.ledger.location",
    "open_ledger": "print_engine.ledger.store",
    "pending_message": "print_engine.ledger.recording",
    "pending_report": "print_engine.ledger.recording",
    "interrupted_runs": "print_engine.ledger.recording",
    "resolve_interrupted": "print_engine.ledger.recording",
    "resolve_run": "print_engine.ledger.recording",
    "void_run": "print_engine.ledger.recording",
    "RunInProgress": "print_engine.ledger.recording",
    "alive_runs": "print_engine.ledger.liveness",
    # the per-user folder (the default ledger, the window's settings, the log)
    "data_dir": "print_engine.user_data",
    "logs_dir": "print_engine.user_data",
    "import_run_folder": "print_engine.ledger.backfill",
    "issue_states": "print_engine.ledger.unissued",
    "states_provider": "print_engine.ledger.unissued",
    "ExportRecording": "print_engine.ledger.run_records",
    "PrinterRecording": "print_engine.ledger.run_records",
    "history_rows": "print_engine.ledger.reports",
    "export_csv_bytes": "print_engine.ledger.reports",
    "local_midnight": "print_engine.ledger.reports",
    "local_time": "print_engine.ledger.reports",
    "LEDGER_STATUS_TEXT": "print_engine.ledger.reports",
    "LEDGER_DOCUMENT_TEXT": "print_engine.ledger.reports",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'print_engine' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # for type checkers and editors; never executed
    from print_engine.errors import OperatorError  # noqa: F401
    from print_engine.output.run_output import RunOutput, prepare_output  # noqa: F401
    from print_engine.plan.run import LoadedWorkbook, RunPlan, load_members, plan_run  # noqa: F401
