"""The engine's facade: every name it offers resolves, and the window imports nothing else."""

import ast
from pathlib import Path

import print_engine

ROOT = Path(__file__).resolve().parents[2]


def test_every_facade_name_resolves_to_what_its_module_defines():
    from importlib import import_module

    for name, module in print_engine._EXPORTS.items():
        assert getattr(print_engine, name) is getattr(import_module(module), name), name


def test_an_unknown_name_is_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError):
        print_engine.no_such_thing  # noqa: B018


def test_the_window_reaches_the_engine_only_through_the_facade():
    offenders = {}
    for path in sorted((ROOT / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deep = sorted({node.module for node in ast.walk(tree)
                       if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                       and node.module.startswith("print_engine.")}
                      | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                         for alias in node.names if alias.name.startswith("print_engine.")})
        if deep:
            offenders[str(path.relative_to(ROOT))] = deep
    assert offenders == {}
