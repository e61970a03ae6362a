"""``python main.py --self-test``: the installed app checks itself.

The smoke test of a frozen build (``installer/smoke_linux.sh``,
``installer/build_windows.ps1``, the Windows CI workflow), and a quick check
an operator can run on a PC where something looks wrong. It checks, in order:

1. **fonts** — the bundled IPAex Gothic and Mincho load, with their licence;
2. **resources** — default profile, notice template and sample workbook
   are there (and, in a frozen build, that code, resources and
   Qt all come from inside the bundle);
3. **qt** — a Qt application starts on the ``offscreen`` platform, the native
   platform and print-support plugins are bundled, PNG can be written, the
   fonts load into Qt and Qt's Japanese translation loads;
4. **render** — the first notice of the sample workbook is laid out and
   written to a temporary PDF;
5. **preview** — the same page is painted by Qt (``gui/painter.py``) into an
   image, as the preview does, and is not blank;
6. **batch** — a few households of the sample go through ``run_batch`` with
   two worker processes (so a frozen build proves its workers start).

It prints one line per check, then ``OK`` and returns 0, or ``FAILED`` and
returns 1. Nothing outside a temporary folder is written; the members'
names and numbers are never printed. ``QT_QPA_PLATFORM`` is set to
``offscreen`` inside this process only. A watchdog ends the process with
status 1 if the whole test takes longer than :data:`TIMEOUT_S`, so a build
whose workers cannot start fails instead of hanging.

A windowed Windows exe has no console: set ``OSHIRASE_SELFTEST_LOG`` to a file
path and the same lines are written there too.
"""

from __future__ import annotations

import csv
import functools
import os
import re
import sys
import tempfile
import threading
import time
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, TextIO

TIMEOUT_S = 240
BATCH_WORKERS = 2
BATCH_HOUSEHOLDS = 4
PREVIEW_DPI = 50.0
LOG_ENV = "OSHIRASE_SELFTEST_LOG"
FONT_PROBE = "資格情報のお知らせ 健康保険組合 記号番号 令和６年８月７日 ０１２３ ABC"

# Files Qt needs on each platform besides the offscreen plugin the test runs on.
NATIVE_PLATFORM_PLUGIN = {"win32": "qwindows", "linux": "qxcb", "darwin": "qcocoa"}
PRINT_SUPPORT_PLUGIN = {"win32": "windowsprintersupport", "linux": "cupsprintersupport"}


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None))


def app_version() -> str:
    """The app's version: the bundle's ``VERSION`` file, else ``pyproject.toml``."""
    if is_frozen():
        path = Path(sys._MEIPASS) / "VERSION"  # written by installer/oshirase.spec
        return path.read_text(encoding="utf-8").strip() if path.is_file() else "unknown"
    pyproject = Path(__file__).resolve().parent / "pyproject.toml"
    with open(pyproject, "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


@dataclass
class Report:
    """The self-test's output: to stdout (if any) and to the optional log file."""

    stream: TextIO | None = None
    log_path: str | None = None
    lines: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def line(self, text: str) -> None:
        with self._lock:
            self.lines.append(text)
            if self.stream is not None:
                try:
                    print(text, file=self.stream, flush=True)
                except (OSError, ValueError):
                    self.stream = None
            if self.log_path:
                with open(self.log_path, "a", encoding="utf-8") as fh:
                    fh.write(text + "\n")


# -- the checks --------------------------------------------------------------------------


def check_fonts() -> str:
    from print_engine.layout.fonts import BUNDLED, FontSet
    from print_engine.resources import resources_dir

    fonts_dir = resources_dir() / "fonts"
    if not any(fonts_dir.glob("*License*")):
        raise CheckFailed(f"no font licence in {fonts_dir}")
    fonts = FontSet.load(())
    for name, file in BUNDLED.items():
        if Path(fonts[name].path).resolve() != (fonts_dir / file).resolve():
            raise CheckFailed(f"{name} font loaded from {fonts[name].path}, not the bundle")
        missing = set(FONT_PROBE.replace(" ", "")) - fonts[name].chars
        if missing:
            raise CheckFailed(f"{file} lacks {len(missing)} characters of the notice")
    return ", ".join(sorted(BUNDLED.values())) + " + licence"


def check_resources() -> str:
    from print_engine.layout.templates import load_template
    from print_engine.profile.loading import load_profile
    from print_engine.resources import resources_dir

    res = resources_dir()
    profile = load_profile(None)
    load_template(profile.notice.template, profile.run.variant)
    sample = res / "samples" / "sample.xlsx"
    if not sample.is_file():
        raise CheckFailed(f"sample workbook missing: {sample}")
    qm = sorted(p.name for p in (res / "i18n").glob("*.qm"))
    if is_frozen():
        _check_inside_bundle(res)
        where = "all inside the bundle"
    else:
        where = "source checkout"
    # The app's own .qm are optional (its source strings are Japanese); the qt
    # check loads every one there is, and Qt's qtbase_ja.qm, which is required.
    translations = ", ".join(qm) if qm else "no app .qm"
    return f"profile, template {profile.notice.template}, sample, {translations}; {where}"


def _check_inside_bundle(res: Path) -> None:
    import print_engine

    bundle = Path(sys._MEIPASS).resolve()
    places = {"resources": res, "print_engine": Path(print_engine.__file__)}
    for name, path in places.items():
        if not path.resolve().is_relative_to(bundle):
            raise CheckFailed(f"{name} comes from {path}, outside the bundle {bundle}")


def check_qt() -> str:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import (
        QBuffer,
        QByteArray,
        QCoreApplication,
        QIODevice,
        QLibraryInfo,
        QTranslator,
    )
    from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QImageWriter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    from print_engine.resources import resources_dir

    app = QApplication.instance() or QApplication(["oshirase-self-test"])
    if QGuiApplication.platformName() != "offscreen":
        raise CheckFailed(f"platform plugin {QGuiApplication.platformName()!r} loaded, not offscreen")
    plugin_dirs = [Path(p) for p in QCoreApplication.libraryPaths()]
    plugin_dirs.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    wanted = [("platforms", NATIVE_PLATFORM_PLUGIN.get(sys.platform)),
              ("printsupport", PRINT_SUPPORT_PLUGIN.get(sys.platform))]
    for folder, stem in wanted:
        if stem and not any(_has_plugin(d / folder, stem) for d in plugin_dirs):
            raise CheckFailed(f"Qt plugin {folder}/{stem} not found in {[str(d) for d in plugin_dirs]}")
    if is_frozen():
        bundle = Path(sys._MEIPASS).resolve()
        if not any(d.resolve().is_relative_to(bundle) for d in plugin_dirs if d.exists()):
            raise CheckFailed("Qt plugins are not loaded from the bundle")

    if b"png" not in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
        raise CheckFailed("Qt cannot write PNG")
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    image.fill(0xFF1E5EB8)
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG") or not bytes(encoded).startswith(b"\x89PNG"):
        raise CheckFailed("Qt failed to encode a PNG")

    for ttf in sorted((resources_dir() / "fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(ttf)) < 0:
            raise CheckFailed(f"Qt cannot load the font {ttf.name}")

    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator(app).load("qtbase_ja", translations):
        raise CheckFailed(f"Qt's Japanese translation qtbase_ja.qm not found in {translations}")
    for qm in sorted((resources_dir() / "i18n").glob("*.qm")):
        if not QTranslator(app).load(str(qm)):
            raise CheckFailed(f"translation {qm.name} does not load")

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer.resolution() <= 0:
        raise CheckFailed("QPrinter has no resolution")
    printers = len(QPrinterInfo.availablePrinterNames())
    return f"offscreen, {NATIVE_PLATFORM_PLUGIN.get(sys.platform, '?')}, print support ({printers} printers), png, fonts, qtbase_ja"


def _has_plugin(folder: Path, stem: str) -> bool:
    return folder.is_dir() and any(stem in p.name for p in folder.iterdir())


@functools.lru_cache(maxsize=1)
def _load_sample():
    """The sample workbook, loaded and planned with the bundled default profile."""
    from print_engine.layout.fonts import FontSet
    from print_engine.plan.run import load_members, plan_run
    from print_engine.profile.loading import load_profile
    from print_engine.resources import resources_dir

    profile = load_profile(None)
    fonts = FontSet.load(profile.fonts.fallback)
    loaded = load_members(resources_dir() / "samples" / "sample.xlsx", profile, uncovered=fonts.missing_chars)
    issue_date = profile.issue_date_resolved(date.today())
    plan = plan_run(loaded, profile, issue_date)
    if not plan.shipments:
        raise CheckFailed("the sample workbook gives no envelope to print")
    return loaded, profile, issue_date, plan


def _sample_notice():
    """The first notice of the sample workbook, laid out, with its fonts."""
    from print_engine.output.render_context import RenderContext

    _, profile, issue_date, plan = _load_sample()
    shipment = plan.shipments[0]
    envelope = shipment.envelopes[0]
    maker = RenderContext(profile, issue_date)
    return maker.notice(envelope.members[0], envelope, shipment), maker.fonts


def check_render(tmp: Path) -> str:
    from print_engine.output.pdf_writer import PdfWriter

    page, fonts = _sample_notice()
    target = tmp / "notice.pdf"
    with PdfWriter(target, fonts) as pdf:
        pdf.add_page(page)
    pages = _pdf_pages(target)
    if pages != 1:
        raise CheckFailed(f"the notice PDF has {pages} pages, not 1")
    return f"1 notice, {target.stat().st_size // 1024} KB PDF"


def check_preview() -> str:
    import gui.main_window  # noqa: F401  (the window's modules are in the bundle)
    from gui.painter import render_page_image

    page, fonts = _sample_notice()
    image = render_page_image(page, dpi=PREVIEW_DPI, fonts=fonts)
    step = 3
    samples = [(x, y) for y in range(0, image.height(), step) for x in range(0, image.width(), step)]
    inked = sum(1 for x, y in samples if image.pixel(x, y) & 0xFFFFFF != 0xFFFFFF)
    if inked < len(samples) // 200:
        raise CheckFailed(f"the preview of the notice is blank ({inked} of {len(samples)} pixels inked)")
    return f"notice painted by Qt at {PREVIEW_DPI:.0f} dpi ({100 * inked / len(samples):.1f} % inked)"


def check_batch(tmp: Path) -> str:
    from print_engine.model import Selection
    from print_engine.output.batch import run_batch
    from print_engine.plan.run import plan_run

    loaded, profile, issue_date, full = _load_sample()
    envelopes = [e for s in full.shipments for e in s.envelopes][:BATCH_HOUSEHOLDS]
    if len(envelopes) < 2:
        raise CheckFailed("the sample workbook has fewer than two households")
    selection = Selection(households=frozenset((e.kigo, e.bango) for e in envelopes))
    plan = plan_run(loaded, profile, issue_date, selection)
    out = tmp / "batch"
    # pages:1 puts each household in a file of its own, so both workers get work.
    result = run_batch(plan, out, split="pages:1", workers=BATCH_WORKERS)
    if len(result.files) < BATCH_WORKERS:
        raise CheckFailed(f"only {len(result.files)} file(s): the parallel path was not taken")
    with open(out / "manifest.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    notices = sum(1 for r in rows if r["document"] == "notice")
    if notices != plan.counts()["included"] or notices == 0:
        raise CheckFailed(f"manifest lists {notices} notices, the plan {plan.counts()['included']}")
    for spec in result.files:
        pages = _pdf_pages(out / spec.name)
        if pages != spec.pages:
            raise CheckFailed(f"{spec.name} has {pages} pages, the manifest {spec.pages}")
    return f"{BATCH_WORKERS} workers, {len(result.files)} files, {result.pages} pages, {notices} notices"


def _pdf_pages(path: Path) -> int:
    """Page count of a PDF written by reportlab (page objects are not compressed)."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise CheckFailed(f"{path.name} is not a complete PDF")
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


# -- running them ------------------------------------------------------------------------

CHECKS: tuple[tuple[str, Callable[..., str], bool], ...] = (
    ("fonts", check_fonts, False),
    ("resources", check_resources, False),
    ("qt", check_qt, False),
    ("render", check_render, True),
    ("preview", check_preview, False),
    ("batch", check_batch, True),
)


def _watchdog(report: Report, timeout_s: float) -> threading.Timer:
    def expire() -> None:
        report.line(f"FAILED: the self-test did not finish within {timeout_s:.0f} s")
        os._exit(1)

    timer = threading.Timer(timeout_s, expire)
    timer.daemon = True
    timer.start()
    return timer


def run_self_test(stream: TextIO | None = None, timeout_s: float = TIMEOUT_S) -> int:
    """Run every check; print a line for each, then ``OK`` or ``FAILED``.

    Args:
        stream: Where to print (default: standard output; may be None in a
            windowed exe, then only ``OSHIRASE_SELFTEST_LOG`` gets the lines).
        timeout_s: The watchdog: after this long the process exits with 1.

    Returns:
        0 when every check passed, else 1.
    """
    if stream is None and sys.stdout is not None:
        try:
            sys.stdout.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
        stream = sys.stdout
    report = Report(stream, os.environ.get(LOG_ENV) or None)
    timer = _watchdog(report, timeout_s)
    mode = "frozen" if is_frozen() else "source"
    try:
        report.line(f"Oshirase {app_version()} self-test ({mode}, {sys.platform}, Python {sys.version.split()[0]})")
    except Exception as exc:  # noqa: BLE001 - the version must not stop the test
        report.line(f"Oshirase self-test ({mode}); version unknown: {exc}")
    failed = 0
    try:
        with tempfile.TemporaryDirectory(prefix="oshirase-selftest-", ignore_cleanup_errors=True) as tmp:
            for name, check, needs_tmp in CHECKS:
                start = time.perf_counter()
                try:
                    detail = check(Path(tmp)) if needs_tmp else check()
                except Exception as exc:  # noqa: BLE001 - every failure is reported, none escapes
                    failed += 1
                    report.line(f"  {name:<10} FAILED  {type(exc).__name__}: {exc}")
                else:
                    report.line(f"  {name:<10} ok      {detail} ({time.perf_counter() - start:.1f} s)")
    finally:
        timer.cancel()
    report.line("OK" if not failed else f"FAILED ({failed} of {len(CHECKS)} checks)")
    return 0 if not failed else 1
