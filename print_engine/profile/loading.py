"""Load, validate and save the run profile (see ``shared/spec/run-profile.md``).

The profile is a TOML file. Every key is checked; the first problem raises one
:class:`ProfileError` naming the key (dotted, e.g. ``rules.freeze``) with a
Japanese message the operator can act on. A key left out takes the value of
the bundled default (``resources/profiles/default.toml``), which itself falls
back to the dataclass defaults of :mod:`print_engine.profile.schema`.

Saving goes through the tomlkit document the profile was read from, so the
operator's comments and key order survive and only changed values are
rewritten. The per-key checks live in ``profile_checks.py``.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import tomlkit
import tomlkit.items
from tomlkit.exceptions import ParseError, TOMLKitError

from print_engine.profile.checks import SECTIONS, ProfileError, checker, overlay
from print_engine.profile.schema import RunProfile
from print_engine.resources import resources_dir

__all__ = [
    "ProfileDocument",
    "ProfileError",
    "default_profile_path",
    "dump_profile",
    "load_profile",
    "load_profile_document",
    "profile_from_mapping",
    "profile_to_mapping",
    "resolve_today",
    "save_profile",
]


class ProfileDocument(NamedTuple):
    """A profile together with the TOML document (comments included) it came from."""

    profile: RunProfile
    document: tomlkit.TOMLDocument
    path: Path | None


def default_profile_path() -> Path:
    """Return the bundled default profile (works from a checkout and when frozen)."""
    return resources_dir() / "profiles" / "default.toml"


def profile_to_mapping(profile: RunProfile, base_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Return the profile as plain TOML-ready values, section by section.

    Args:
        profile: The profile.
        base_dir: When given, font paths inside this folder are written
            relative to it (the folder of the file being written).
    """
    out: dict[str, dict[str, Any]] = {}
    for section in SECTIONS:
        values = {}
        for f in dataclasses.fields(getattr(profile, section)):
            value = getattr(getattr(profile, section), f.name)
            if isinstance(value, dict):
                value = dict(value)
            elif section == "packing" and f.name == "leaflets":
                value = [{"name": leaflet.name, "documents": list(leaflet.documents)} for leaflet in value]
            elif isinstance(value, tuple):
                value = [_relative_to(p, base_dir) for p in value]
            values[f.name] = value
        out[section] = values
    return out


def _relative_to(path: str, base_dir: Path | None) -> str:
    if base_dir is not None:
        try:
            return Path(path).relative_to(base_dir.resolve()).as_posix()
        except ValueError:
            pass
    return path


@functools.lru_cache(maxsize=2)
def _bundled_mapping(path: Path, stamp: int) -> dict[str, Any]:
    return _read_document(path).unwrap()  # never handed out: overlay() copies what it keeps


def _bundled_profile() -> RunProfile:
    path = default_profile_path()
    try:
        return overlay(RunProfile(), _bundled_mapping(path, path.stat().st_mtime_ns), path.parent)
    except OSError as error:
        message = f"標準プロファイル {path} を読めません: {error.strerror or error}"
        raise ProfileError("", message, path) from error
    except ProfileError as error:
        error.path = path
        raise


def profile_from_mapping(data: Mapping[str, Any], base_dir: str | Path | None = None) -> RunProfile:
    """Validate a nested mapping (as the settings dialog holds it) into a profile.

    Missing sections and keys take the bundled default.

    Args:
        data: ``{section: {key: value}}`` with TOML-typed values (``date`` for
            dates, ``"today"`` allowed for ``run.issue_date``).
        base_dir: Folder against which relative font paths are resolved
            (the current directory when None).

    Raises:
        ProfileError: On the first problem, naming its key.
    """
    if hasattr(data, "unwrap"):
        data = data.unwrap()
    return overlay(_bundled_profile(), data, Path(base_dir) if base_dir is not None else Path.cwd())


# --- files ------------------------------------------------------------------


def _read_document(path: Path) -> tomlkit.TOMLDocument:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        message = f"プロファイル {path} を読めません: {error.strerror or error}"
        raise ProfileError("", message, path) from error
    except UnicodeDecodeError as error:
        message = f"プロファイル {path} が UTF-8 ではありません（{error.start} バイト目）。"
        raise ProfileError("", message, path) from error
    try:
        return tomlkit.parse(text)
    except ParseError as error:
        at = f" の {error.line} 行目 {error.col} 文字目"
        raise ProfileError("", f"プロファイル {path}{at}: TOML の書き方が正しくありません（{error}）。", path) from error
    except TOMLKitError as error:  # e.g. a key repeated inside a table: ask tomllib for the line
        where = re.search(r"at line (\d+), column (\d+)", _tomllib_complaint(text))
        at = f" の {where[1]} 行目 {where[2]} 文字目" if where else ""
        raise ProfileError("", f"プロファイル {path}{at}: TOML の書き方が正しくありません（{error}）。", path) from error


def _tomllib_complaint(text: str) -> str:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return str(error)
    return ""


def load_profile_document(path: str | Path | None = None) -> ProfileDocument:
    """Load and validate a profile, keeping its TOML document for saving.

    Args:
        path: The TOML file; None for the bundled default.

    Raises:
        ProfileError: Unreadable file, TOML syntax error, or invalid value.
    """
    file = Path(path) if path is not None else default_profile_path()
    document = _read_document(file)
    try:
        profile = overlay(_bundled_profile(), document.unwrap(), file.resolve().parent)
    except ProfileError as error:
        if error.path is None:  # else the bundled default is at fault, and says so
            error.path = file
        raise
    return ProfileDocument(profile, document, file)


def load_profile(path: str | Path | None = None) -> RunProfile:
    """Load and validate a profile (None: the bundled default).

    Raises:
        ProfileError: Unreadable file, TOML syntax error, or invalid value.
    """
    return load_profile_document(path).profile


def resolve_today(profile: RunProfile, today: date) -> RunProfile:
    """Return the profile with an issue date of ``"today"`` replaced by ``today``."""
    if isinstance(profile.run.issue_date, str):
        return dataclasses.replace(profile, run=dataclasses.replace(profile.run, issue_date=today))
    return profile


def _toml_value(value: Any) -> Any:
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(value)
        return array
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        table.update(value)
        return table
    return value


def _same(section: str, name: str, raw: Any, wanted: Any, base_dir: Path) -> bool:
    try:
        return checker(section, name)(f"{section}.{name}", raw, base_dir) == wanted
    except ProfileError:
        return False


def _merge_employers(packing: Any, wanted: dict[str, str], complete: bool) -> None:
    if "employers" not in packing:
        if wanted or complete:
            table = tomlkit.table()
            table.update(wanted)
            packing["employers"] = table
        return
    current = packing["employers"]
    for code in [c for c in current if c not in wanted]:
        del current[code]
    for code, choice in wanted.items():
        if current.get(code) != choice:
            current[code] = choice


def dump_profile(
    profile: RunProfile,
    document: tomlkit.TOMLDocument | None = None,
    *,
    base_dir: str | Path | None = None,
    complete: bool = False,
) -> str:
    """Return the profile as TOML text.

    Args:
        profile: The profile to write; it is validated first.
        document: The document to start from (its comments and key order are
            kept, only changed values are replaced; it is not modified). None
            starts from the bundled default, comments included.
        base_dir: Folder of the file being written (relative font paths);
            the current directory when None.
        complete: Write every key, even those the document leaves out.

    Raises:
        ProfileError: The profile itself is invalid.
    """
    folder = Path(base_dir).resolve() if base_dir is not None else Path.cwd()
    profile_from_mapping(profile_to_mapping(profile), folder)
    doc = tomlkit.parse(document.as_string()) if document is not None else _read_document(default_profile_path())
    implied = _bundled_profile()
    mapping = profile_to_mapping(profile, folder)
    for section, values in mapping.items():
        table = doc[section] if section in doc else tomlkit.table()
        was_super = isinstance(table, tomlkit.items.Table) and table.is_super_table()
        for name, value in values.items():
            wanted = getattr(getattr(profile, section), name)
            if section == "packing" and name == "employers":
                _merge_employers(table, value, complete)
            elif name in table:
                if not _same(section, name, table[name], wanted, folder):
                    table[name] = _toml_value(value)
            elif complete or getattr(getattr(implied, section), name) != wanted:
                table[name] = _toml_value(value)
        if section not in doc and len(table):
            doc[section] = table
        elif was_super and any(not isinstance(v, tomlkit.items.Table) for v in table.values()):
            table.trivia.comment = table.trivia.comment_ws = ""  # the header now shows; its comment was a sub-table's
    return doc.as_string()


def save_profile(
    profile: RunProfile,
    path: str | Path,
    base_document: tomlkit.TOMLDocument | None = None,
    *,
    complete: bool = False,
) -> None:
    """Write the profile to ``path`` (atomically), keeping comments.

    Args:
        profile: The profile to write.
        path: Destination file.
        base_document: The document the profile was loaded from. When None
            and ``path`` already holds a readable TOML file, that file is the
            base; otherwise the bundled default (with its comments) is.
        complete: Write every key (e.g. for the run's own ``profile.toml``).

    Raises:
        ProfileError: The profile is invalid.
        OSError: The file cannot be written.
    """
    file = Path(path)
    if base_document is None and file.is_file():
        try:
            base_document = _read_document(file)
        except ProfileError:
            base_document = None
    text = dump_profile(profile, base_document, base_dir=file.resolve().parent, complete=complete)
    handle, temp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.resolve().parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temp, file)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
