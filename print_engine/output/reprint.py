"""Reprinting pages of an earlier run (after a paper jam or a damaged page).

An earlier run left a folder with ``manifest.csv`` and the ``profile.toml``
it used. The run is rebuilt with the engine from the open workbook: the
same profile, and the members the manifest lists as the selection, give the
same shipments; the engine's print stream is cut the same way; and the
rebuilt manifest must equal the stored one row for row — otherwise the
workbook changed since, and nothing is printed. Then exactly the asked
pages are laid out again. The window's reprint dialog and
printer sink call this; nothing here needs Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from print_engine.errors import OperatorError
from print_engine.layout.primitives import Page
from print_engine.model import Selection
from print_engine.output.records import MANIFEST_COLUMNS, manifest_rows, read_manifest
from print_engine.output.render_context import RenderContext
from print_engine.output.run_output import RunOutput, prepare_output
from print_engine.plan.run import LoadedWorkbook, plan_run
from print_engine.profile.loading import load_profile
from print_engine.profile.schema import RunProfile

REPRINT_PAGE_LIMIT = 2000


class ReprintError(OperatorError):
    """The earlier run cannot be reprinted; ``str()`` is the Japanese message."""


@dataclass(slots=True)
class Household:
    """A household's pages inside one file of the earlier run."""

    kigo: str
    bango: str
    names: list[str]
    first_page: int
    last_page: int

    @property
    def label(self) -> str:
        more = f" ほか{len(self.names) - 1}名" if len(self.names) > 1 else ""
        return f"{self.kigo}-{self.bango}  {self.names[0]}{more}（{self.first_page}–{self.last_page} ページ）"


@dataclass(slots=True)
class EarlierRun:
    """A run folder: its manifest rows and the profile it used."""

    folder: Path
    rows: list[dict[str, str]]
    profile: RunProfile

    def files(self) -> list[tuple[str, str, int]]:
        """(file name, employer code, pages) in print order."""
        out: dict[str, tuple[str, int]] = {}
        for r in self.rows:
            code, last = out.get(r["file"], (r["employer_code"], 0))
            out[r["file"]] = (code, max(last, int(r["last_page"])))
        return [(name, code, pages) for name, (code, pages) in out.items()]

    def households(self, file_name: str) -> list[Household]:
        """The households of one file, in print order, with their page range."""
        found: dict[tuple[str, str], Household] = {}
        for r in self.rows:
            if r["file"] != file_name or r["document"] != "notice":
                continue
            key = (r["kigo"], r["bango"])
            page = int(r["first_page"])
            h = found.get(key)
            if h is None:
                found[key] = Household(r["kigo"], r["bango"], [r["name"]], page, int(r["last_page"]))
            else:
                h.names.append(r["name"])
                h.first_page = min(h.first_page, page)
                h.last_page = max(h.last_page, int(r["last_page"]))
        return list(found.values())

    def documents_on(self, file_name: str, first: int, last: int) -> list[dict[str, str]]:
        """The manifest rows whose pages meet ``first``–``last`` of ``file_name``."""
        return [r for r in self.rows if r["file"] == file_name
                and int(r["first_page"]) <= last and int(r["last_page"]) >= first]


def load_run(manifest: str | Path) -> EarlierRun:
    """Read an earlier run's manifest and profile.

    Raises:
        ReprintError: not a manifest, or the profile beside it is missing.
    """
    path = Path(manifest)
    if path.is_dir():
        path = path / "manifest.csv"
    try:
        rows = read_manifest(path)
    except (OSError, ValueError) as exc:
        raise ReprintError(f"以前の印刷の記録（manifest.csv）を読めません: {exc}") from None
    if not rows:
        raise ReprintError("この印刷の記録にはページがありません。")
    try:
        profile = load_profile(path.parent / "profile.toml")
    except ValueError as exc:
        raise ReprintError(f"印刷に使った実行プロファイル（profile.toml）を読めません: {exc}") from None
    return EarlierRun(path.parent, rows, profile)


def rebuild(run: EarlierRun, loaded: LoadedWorkbook, context: RenderContext | None = None) -> RunOutput:
    """Prepare the earlier run's output again from ``loaded`` and check it is the same.

    The run is planned and prepared exactly as a new run is
    (:func:`~print_engine.output.run_output.prepare_output`), with the
    profile it used, the members its manifest lists as the selection and its
    documents (with cover letters and lists if it printed them).

    Args:
        run: The earlier run.
        loaded: The workbook open now (it must be the one that was printed).
        context: A render context of the run's profile to reuse (optional).

    Returns:
        The rebuilt output, with only the files of the manifest.

    Raises:
        ReprintError: the workbook does not give the same pages any more.
    """
    profile = run.profile
    issue_date = profile.run.issue_date
    if isinstance(issue_date, str):
        raise ReprintError("印刷の記録の profile.toml に発行日（日付）がありません。")
    keys = frozenset((r["kigo"], r["bango"], r["edaban"]) for r in run.rows
                     if r["document"] in ("notice", "certificate"))
    employers = frozenset(r["employer_code"] for r in run.rows)
    order = profile.run.order if profile.run.order in ("number", "affiliation") else ""
    selection = Selection(employers=employers, members=keys) if keys else Selection(employers=employers)
    plan = plan_run(loaded, profile, issue_date, selection, order)
    documents = "all" if any(r["document"] in ("cover", "list") for r in run.rows) else "notices"
    output = prepare_output(plan, split=profile.run.split, documents=documents, context=context)
    names = {r["file"] for r in run.rows}
    output.files = [f for f in output.files if f.name in names]
    rebuilt = [tuple(str(v) for v in row) for row in manifest_rows(output.files)]
    stored = [tuple(r[c] for c in MANIFEST_COLUMNS) for r in run.rows]
    if rebuilt != stored:
        raise ReprintError(
            "開いているワークブックから、以前の印刷と同じページを作れません（印刷後にワークブックが変わったか、"
            "別のファイルです）。印刷したときのワークブックを開いてから再印刷してください。"
        )
    return output


def pages_to_reprint(output: RunOutput, file_name: str, first: int, last: int) -> list[Page]:
    """Lay out pages ``first``–``last`` (1-based, inclusive) of ``file_name`` again.

    Raises:
        ReprintError: no such file or pages.
    """
    spec = next((f for f in output.files if f.name == file_name), None)
    if spec is None:
        raise ReprintError(f"ファイル {file_name} は以前の印刷にありません。")
    if not (1 <= first <= last <= spec.pages):
        raise ReprintError(f"ページは 1～{spec.pages} の範囲で指定してください。")
    if last - first + 1 > REPRINT_PAGE_LIMIT:
        raise ReprintError(f"一度に再印刷できるのは {REPRINT_PAGE_LIMIT} ページまでです。")
    pages: list[Page] = []
    for entry in spec.entries:
        if entry.last_page < first or entry.first_page > last:
            continue
        for number, page in enumerate(output.context.entry_pages(entry), start=entry.first_page):
            if first <= number <= last:
                pages.append(page)
    return pages
