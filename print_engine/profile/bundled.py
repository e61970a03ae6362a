"""The bundled default profile's values, read once: the defaults of the schema.

``resources/profiles/default.toml`` is the one place a default value is
written (an insurer adapts it; the settings dialog saves over a copy of it).
The schema (:mod:`.schema`) declares every key and its type and takes each
default from here, so the two cannot disagree; ``tests/engine/test_profile_defaults.py``
proves that the file and the schema name the same keys with values of the
declared types.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any, Callable

from print_engine.resources import resources_dir


@lru_cache(maxsize=1)
def bundled_values() -> dict[str, dict[str, Any]]:
    """The bundled default profile as parsed TOML (section → key → value)."""
    with (resources_dir() / "profiles" / "default.toml").open("rb") as fh:
        return tomllib.load(fh)


def bundled(section: str, key: str, convert: Callable[[Any], Any] | None = None) -> Callable[[], Any]:
    """A ``default_factory`` giving ``[section] key`` of the bundled profile.

    Arrays become tuples and tables dicts (fresh copies: a default is never
    shared); ``convert`` turns the TOML value into the field's own type
    (e.g. leaflet tables into ``Leaflet`` objects).

    Raises (when the factory runs):
        KeyError: the bundled profile lacks the key — the schema declares a
            key the file does not hold (a packaging error, caught by the tests).
    """

    def factory() -> Any:
        value = bundled_values()[section][key]
        if convert is not None:
            return convert(value)
        if isinstance(value, list):
            return tuple(value)
        if isinstance(value, dict):
            return dict(value)
        return value

    return factory
