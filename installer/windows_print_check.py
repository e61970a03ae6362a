"""Print one employer of the sample to a Windows "print to file" driver, and report.

Run by the Windows workflow (``.github/workflows/windows-installer.yml``) on
the runner, where "Microsoft Print to PDF" usually exists; it cannot run on
Linux. It prints the sample's first employer as one job through the real
Windows spooler and driver, with the output file given to the driver (so it
does not ask for a name), then reports the file's size per page and whether
the notice's text is text (extractable) rather than drawn outlines::

    python installer/windows_print_check.py [--printer NAME] [--out build/print-check]

Exit status 0 with a report (or ``SKIP`` when no such printer exists), 1 when
the job fails or writes nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PROBE = "資格情報のお知らせ"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--printer", default="Microsoft Print to PDF")
    parser.add_argument("--out", default=str(ROOT / "build" / "print-check"))
    args = parser.parse_args(argv)

    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    from gui.printing import prepare_printer, print_pages
    from print_engine.layout.fonts import FontSet
    from print_engine.model import Selection
    from print_engine.output.run_output import prepare_output
    from print_engine.plan.run import load_members, plan_run
    from print_engine.profile.loading import load_profile

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 - printing needs it
    if args.printer not in QPrinterInfo.availablePrinterNames():
        print(f"SKIP: no printer named {args.printer!r} (printers: {QPrinterInfo.availablePrinterNames()})")
        return 0
    profile = load_profile(None)
    fonts = FontSet.load(profile.fonts.fallback)
    loaded = load_members(ROOT / "resources" / "samples" / "sample.xlsx", profile, uncovered=fonts.missing_chars)
    first = plan_run(loaded, profile, profile.issue_date_resolved(date.today())).shipments[0].employer.code
    plan = plan_run(loaded, profile, profile.issue_date_resolved(date.today()), Selection(employers=frozenset({first})))
    output = prepare_output(plan, split="employer")
    spec = output.files[0]

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "employer.prn"  # not .pdf: Qt would use its own PDF engine instead of the driver
    target.unlink(missing_ok=True)
    printer = QPrinter(QPrinterInfo.printerInfo(args.printer), QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer)
    printer.setOutputFileName(str(target))
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        print(f"FAIL: {args.printer} is not printed through the driver ({printer.outputFormat()})")
        return 1
    started = time.monotonic()
    sent = print_pages(printer, output.file_pages(spec), output.context.fonts, Path(spec.name).stem)
    deadline = time.monotonic() + 60  # the spooler writes the file after the job is handed over
    while (not target.is_file() or target.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.5)
    seconds = time.monotonic() - started
    if not target.is_file() or target.stat().st_size == 0:
        print(f"FAIL: {args.printer} wrote nothing to {target} after {seconds:.0f} s")
        return 1
    size = target.stat().st_size
    text_is_text = "unknown (pypdf missing)"
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(target))
        pages = len(reader.pages)
        text = "".join(page.extract_text() or "" for page in reader.pages)
        text_is_text = "yes" if PROBE in text else "no (outlines or images)"
    except ImportError:
        pages = sent
    print(f"OK: {args.printer}: {sent} pages sent, {pages} in the file, {size:,} bytes "
          f"({size / max(pages, 1) / 1024:.0f} KB per page), text is text: {text_is_text}, {seconds:.1f} s")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as fh:
            fh.write(f"Print check ({args.printer}): {pages} pages, {size / max(pages, 1) / 1024:.0f} KB/page, "
                     f"text is text: {text_is_text}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
