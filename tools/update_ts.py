"""Collect the UI strings of ``gui/`` into ``resources/i18n/oshirase_ja.ts``.

    python -m tools.update_ts          # rewrite the .ts (commit it)
    python -m tools.update_ts --check  # exit 1 if the .ts is out of date

The UI's source strings are written in Japanese (the operators are
Japanese), so the Japanese translation is the identity; the ``.ts`` file is
still the complete catalogue a translator into another language starts
from. Strings are found with ``ast`` — the same calls ``pyside6-lupdate``
understands, plus the modules' ``_t()`` helpers:

- ``self.tr("…")`` inside a class: context = the class name;
- ``_t("…")`` where the module defines ``_t`` with
  ``QCoreApplication.translate("Ctx", text)``: context = ``Ctx``;
- ``QCoreApplication.translate("Ctx", "…")`` / ``t("Ctx", "…")``.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "gui"
TS_FILE = ROOT / "resources" / "i18n" / "oshirase_ja.ts"


def _module_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_t":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and _is_translate(call) and isinstance(call.args[0], ast.Constant):
                    return call.args[0].value
    return None


def _is_translate(call: ast.Call) -> bool:
    f = call.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    return name in ("translate", "t") and len(call.args) >= 2


class _Collector(ast.NodeVisitor):
    def __init__(self, path: Path, module_context: str | None) -> None:
        self.path = path
        self.module_context = module_context
        self.classes: list[str] = []
        self.found: list[tuple[str, str, int]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast API
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast API
        f = node.func
        first = node.args[0] if node.args else None
        if isinstance(f, ast.Attribute) and f.attr == "tr" and self.classes and _literal(first):
            self.found.append((self.classes[-1], first.value, node.lineno))
        elif isinstance(f, ast.Name) and f.id == "_t" and self.module_context and _literal(first):
            self.found.append((self.module_context, first.value, node.lineno))
        elif _is_translate(node) and _literal(node.args[0]) and _literal(node.args[1]):
            self.found.append((node.args[0].value, node.args[1].value, node.lineno))
        self.generic_visit(node)


def _literal(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def collect(folder: Path = GUI) -> dict[str, dict[str, list[str]]]:
    """context → source text → locations (``gui/file.py:line``)."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        collector = _Collector(path, _module_context(tree))
        collector.visit(tree)
        for context, text, line in collector.found:
            out.setdefault(context, {}).setdefault(text, []).append(f"{path.name}:{line}")
    return out


def render(messages: dict[str, dict[str, list[str]]]) -> str:
    """The .ts XML (Japanese → Japanese, every message finished)."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="ja_JP" sourcelanguage="ja_JP">']
    for context in sorted(messages):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for text in sorted(messages[context]):
            lines.append("    <message>")
            for file in sorted({where.split(":")[0] for where in messages[context][text]}):
                # file only, no line: the catalogue changes when strings do, not when code moves
                lines.append(f'        <location filename="../../gui/{file}"/>')
            lines.append(f"        <source>{escape(text)}</source>")
            lines.append(f"        <translation>{escape(text)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that the .ts is up to date")
    args = ap.parse_args(argv)
    text = render(collect())
    current = TS_FILE.read_text(encoding="utf-8") if TS_FILE.exists() else ""
    if args.check:
        if current != text:
            print(f"{TS_FILE} is out of date: run python -m tools.update_ts", file=sys.stderr)
            return 1
        return 0
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    TS_FILE.write_text(text, encoding="utf-8")
    count = sum(len(v) for v in collect().values())
    print(f"{TS_FILE.relative_to(ROOT)}: {count} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
