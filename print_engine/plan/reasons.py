"""The wording of each reason code: the window's short label and excluded.csv's explanation.

Both live in ``resources/reasons.toml`` (wording an insurer may adapt), one
entry per :class:`~print_engine.model.Reason`; the window and the records
take them from here, so there is one copy of each.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from print_engine.model import Reason
from print_engine.resources import resources_dir


@lru_cache(maxsize=1)
def _wording() -> dict[str, dict[str, str]]:
    with (resources_dir() / "reasons.toml").open("rb") as fh:
        return tomllib.load(fh)


def reason_text(reason: Reason) -> str:
    """The explanation of ``reason`` written to excluded.csv (its code when the file lacks it)."""
    return _wording().get(reason.value, {}).get("text", reason.value)


def reason_label(reason: Reason) -> str:
    """The short label of ``reason`` in the window's status column and filter."""
    return _wording().get(reason.value, {}).get("label", reason.value)


def reason_labels() -> dict[str, str]:
    """Reason code → short label, for every reason."""
    return {r.value: reason_label(r) for r in Reason}
