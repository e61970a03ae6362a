"""The app's front door: the command line, the version, the support log.

``main.py`` (checkout), the ``oshirase`` console script (``pip install .``)
and both executables of the frozen bundle (``Oshirase``, windowed, and
``oshirase-cli``, console) all enter through :func:`oshirase.entry.main`.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

PRODUCT = "Oshirase"


def app_version() -> str:
    """The app's version.

    A frozen bundle reads its ``VERSION`` file (written by the spec); a
    checkout reads ``pyproject.toml`` (the single source); an installed
    package reads its own metadata.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        path = Path(bundle) / "VERSION"
        return path.read_text(encoding="utf-8").strip() if path.is_file() else "unknown"
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        with open(pyproject, "rb") as fh:
            return tomllib.load(fh)["project"]["version"]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("oshirase")
    except PackageNotFoundError:
        return "unknown"
