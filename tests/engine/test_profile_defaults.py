"""One source of defaults: the schema declares keys and types, the bundled TOML holds the values (item 5)."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date

import pytest

from print_engine.profile import checks
from print_engine.profile.bundled import bundled_values
from print_engine.profile.loading import load_profile
from print_engine.profile.schema import RunProfile

SECTIONS = {f.name: f.default_factory for f in dataclasses.fields(RunProfile)}


def declared(section: str) -> dict[str, object]:
    return typing.get_type_hints(SECTIONS[section])


def test_the_bundled_file_and_the_schema_name_the_same_keys():
    values = bundled_values()
    assert set(values) == set(SECTIONS), "a section in one but not the other"
    for section, cls in SECTIONS.items():
        in_file = set(values[section])
        in_schema = {f.name for f in dataclasses.fields(cls)}
        assert in_file == in_schema, (section, in_file ^ in_schema)


def _is_instance(value, kind) -> bool:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        return any(_is_instance(value, k) for k in typing.get_args(kind))
    if origin is not None:
        if not isinstance(value, origin):
            return False
        args = typing.get_args(kind)
        if origin is tuple:
            return all(isinstance(v, args[0]) for v in value)
        if origin is dict:
            return all(isinstance(k, args[0]) and isinstance(v, args[1]) for k, v in value.items())
        return True
    if kind is float:
        return isinstance(value, float)
    if kind is date:
        return isinstance(value, date)
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def test_every_default_has_the_type_the_schema_declares():
    profile = RunProfile()
    for section in SECTIONS:
        part = getattr(profile, section)
        for name, kind in declared(section).items():
            assert _is_instance(getattr(part, name), kind), f"{section}.{name}: {getattr(part, name)!r} is not {kind}"


def test_the_schema_defaults_are_the_checked_bundled_profile():
    assert RunProfile() == load_profile()


def test_each_key_is_checked_by_its_declared_type_not_its_default(monkeypatch):
    for section in SECTIONS:
        for name, kind in declared(section).items():
            check = checks.checker(section, name)
            if f"{section}.{name}" not in checks._SPECIAL:
                assert check is checks._BY_TYPE[kind], f"{section}.{name}"
    # A default of another type changes nothing: the declaration decides.
    values = {**bundled_values(), "insurer": {**bundled_values()["insurer"], "phone": 42}}
    monkeypatch.setattr("print_engine.profile.bundled.bundled_values", lambda: values)
    assert checks.checker("insurer", "phone") is checks._check_str
    with pytest.raises(checks.ProfileError, match="insurer.phone"):
        checks.overlay(load_profile(), {"insurer": {"phone": 42}}, ROOT)


ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
