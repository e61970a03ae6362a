"""Write the bundled sample workbooks, their expected figures and README.

Usage::

    python -m tools.make_samples [--out resources/samples]

The output is deterministic: the same bytes on every run (zip timestamps and
document dates are fixed), except ``broken/password.xlsx``, which is only
rewritten when ``msoffcrypto-tool`` is importable (encryption salts are
random). The expected figures come from ``tools.reference_rules``, not from
the engine.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

from tools.sample_clean import build_clean_sample
from tools.sample_clean_sheet import (
    expected_figures,
    number_rows,
    order_rows,
    write_clean_workbook,
)
from tools.sample_errors import (
    write_broken_files,
    write_errors_workbook,
    write_password_file,
)
from tools.samples_readme import render_readme

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "samples"
SEED = 20240807
FIXED_ZIP_TIME = (2024, 8, 7, 0, 0, 0)
FIXED_DOC_TIME = "2024-08-07T00:00:00Z"


def normalise_xlsx(path: Path) -> None:
    """Make an openpyxl-written file byte-stable: fixed zip and document times."""
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", FIXED_DOC_TIME.encode(), data)
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def make_samples(out_dir: Path = SAMPLES_DIR, seed: int = SEED) -> dict[str, object]:
    """Write every sample file into ``out_dir``; return what was written.

    Returns:
        ``{"files": [...relative paths], "password": bool, "expected": dict}``
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    sample = build_clean_sample(seed)
    ordered = order_rows(sample, seed)
    special = number_rows(ordered)
    clean_path = out_dir / "sample.xlsx"
    write_clean_workbook(clean_path, sample, ordered, special, seed)
    normalise_xlsx(clean_path)
    expected = expected_figures(sample, ordered, special)
    _write_json(out_dir / "sample-expected.json", expected)

    errors_path = out_dir / "sample-errors.xlsx"
    errors_expected = write_errors_workbook(errors_path)
    normalise_xlsx(errors_path)
    _write_json(out_dir / "sample-errors-expected.json", errors_expected)

    broken = out_dir / "broken"
    broken_files = write_broken_files(broken, clean_path)
    normalise_xlsx(broken / "missing-column.xlsx")
    password = write_password_file(broken / "password.xlsx")
    broken_files["password.xlsx"] = (
        'encrypted with the password "oshirase" (an OLE2 container, not a zip); '
        "written only where msoffcrypto-tool is importable")

    readme = render_readme(sample, ordered, special, expected, errors_expected, broken_files)
    (out_dir / "README.md").write_text(readme, encoding="utf-8")
    files = ["sample.xlsx", "sample-expected.json", "sample-errors.xlsx",
             "sample-errors-expected.json", "README.md"] + [f"broken/{n}" for n in broken_files]
    return {"files": files, "password": password, "expected": expected}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.make_samples", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="output folder")
    args = parser.parse_args(argv)
    result = make_samples(args.out)
    exp = result["expected"]
    print(f"wrote {len(result['files'])} files into {args.out}")
    if not result["password"]:
        print("note: msoffcrypto-tool not importable; broken/password.xlsx not (re)written",
              file=sys.stderr)
    print(f"sample.xlsx: {exp['members_rows']} member rows, {exp['included']} notices, "
          f"{exp['envelopes']} envelopes, {exp['employers_with_envelope']} employers, "
          f"reasons {exp['reasons']}, {exp['return_envelopes']} RETURN envelopes, "
          f"{exp['warnings']['count']} warnings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
