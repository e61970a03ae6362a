"""Where the bundled resources (wording, fonts, default profile) live.

One helper, so that every module finds ``resources/`` the same way whether the
app runs from a checkout (or an editable install), from a wheel installed by
``pip install .`` (``setup.py`` copies the folder to ``print_engine/_resources``)
or from a PyInstaller bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the folder that holds the bundled resources.

    Returns:
        ``<_MEIPASS>/resources`` inside a frozen (PyInstaller) app, else
        ``print_engine/_resources`` of an installed wheel, else the
        repository's ``resources/`` folder next to ``print_engine/``.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    packaged = here / "_resources"
    if packaged.is_dir():
        return packaged
    return here.parent / "resources"
