"""The project version, read from ``pyproject.toml`` (its single source).

Used by the PyInstaller spec (the exe's Windows version resource), by
``installer/build.py`` (on Windows and Linux) and the install test (the setup file's
name and the ``VERSION``/``VERSION_QUAD`` defines given to makensis)::

    python installer/version_info.py            # 0.1.0
    python installer/version_info.py --quad     # 0.1.0.0  (Windows wants four numbers)
    python installer/version_info.py --write F  # the version resource, rendered into F
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYPROJECT = HERE.parent / "pyproject.toml"
TEMPLATE = HERE / "version_info.txt.in"

_RELEASE = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?")


def project_version(pyproject: Path = PYPROJECT) -> str:
    """Return ``[project] version`` of ``pyproject``."""
    with open(pyproject, "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def version_quad(version: str) -> tuple[int, int, int, int]:
    """The numeric release part of a PEP 440 version, padded to four numbers.

    ``"1.2"`` → ``(1, 2, 0, 0)``; ``"0.3.1rc2"`` → ``(0, 3, 1, 0)``.

    Raises:
        ValueError: The version does not start with a number.
    """
    match = _RELEASE.match(version)
    if not match:
        raise ValueError(f"not a release version: {version!r}")
    return tuple(int(part or 0) for part in match.groups())  # type: ignore[return-value]


def render_version_info(version: str, template: Path = TEMPLATE) -> str:
    """The text of the PyInstaller version file for ``version``."""
    text = template.read_text(encoding="utf-8")
    return text.replace("@VERSION_TUPLE@", repr(version_quad(version))).replace("@VERSION@", version)


def write_version_info(target: Path, version: str | None = None) -> Path:
    """Render the version resource into ``target`` (UTF-8 with BOM, as PyInstaller reads it)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_version_info(version or project_version()), encoding="utf-8-sig")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quad", action="store_true", help="print the four-number form")
    parser.add_argument("--write", metavar="FILE", help="write the version resource to FILE")
    args = parser.parse_args(argv)
    version = project_version()
    if args.write:
        write_version_info(Path(args.write), version)
    elif args.quad:
        print(".".join(str(n) for n in version_quad(version)))
    else:
        print(version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
