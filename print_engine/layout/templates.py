"""The wording of the notice, the cover letter and the list, read from TOML.

A template (``resources/templates/<name>.toml``) holds every sentence that
appears on paper, with ``{placeholders}`` for the run's dates, the insurer
and the member. Another insurer adapts the wording by copying the file; the
layout code holds positions, never sentences.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from print_engine.profile.schema import RunProfile
from print_engine.read.wareki import format_wareki
from print_engine.resources import resources_dir

SECTIONS = ("notice", "cover", "list")


class TemplateError(ValueError):
    """A template file that is missing, unreadable or lacks a key."""


@dataclass(frozen=True, slots=True)
class Template:
    """One wording template, with the overrides of one variant applied.

    Attributes:
        name: Template name (the file's stem).
        variant: The run variant whose overrides were merged in.
        data: ``{"notice": {...}, "cover": {...}, "list": {...}}``.
        digest: Short hash of the file and variant (part of static keys).
    """

    name: str
    variant: str
    data: dict[str, Any]
    digest: str

    def raw(self, key: str) -> Any:
        """The unformatted value at a dotted key (``"notice.table.name"``).

        Raises:
            TemplateError: The key does not exist.
        """
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise TemplateError(f"テンプレート「{self.name}」に項目 {key} がありません")
            node = node[part]
        return node

    def text(self, key: str, ctx: dict[str, str] | None = None) -> str:
        """The text at ``key`` with its placeholders filled from ``ctx``."""
        value = self.raw(key)
        if isinstance(value, list):
            value = "\n".join(value)
        return _format(self, key, str(value), ctx or {})

    def lines(self, key: str, ctx: dict[str, str] | None = None) -> list[str]:
        """A list value (or a single text) as a list of filled-in lines."""
        value = self.raw(key)
        items = value if isinstance(value, list) else [value]
        return [_format(self, key, str(v), ctx or {}) for v in items]


def _format(template: Template, key: str, text: str, ctx: dict[str, str]) -> str:
    try:
        return text.format_map(ctx)
    except KeyError as exc:
        raise TemplateError(
            f"テンプレート「{template.name}」の {key} に不明な差し込み項目 {{{exc.args[0]}}} があります"
        ) from None


def template_path(name: str) -> Path:
    """Where the template named ``name`` lives in ``resources/templates``."""
    return resources_dir() / "templates" / f"{name}.toml"


@lru_cache(maxsize=16)
def load_template(name: str = "notice-2024", variant: str = "initial") -> Template:
    """Read a template and merge in the overrides of ``variant``.

    Raises:
        TemplateError: The file is missing, is not valid TOML or lacks a section.
    """
    path = template_path(name)
    try:
        raw_bytes = path.read_bytes()
        doc = tomllib.loads(raw_bytes.decode("utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"文面テンプレート「{name}」が見つかりません（{path}）") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"文面テンプレート「{name}」を読めません: {exc}") from None
    data: dict[str, Any] = {}
    for section in SECTIONS:
        if section not in doc:
            raise TemplateError(f"文面テンプレート「{name}」に [{section}] がありません")
        data[section] = dict(doc[section])
    overrides = doc.get("variants", {}).get(variant, {})
    for section, values in overrides.items():
        data.setdefault(section, {}).update(values)
    digest = hashlib.sha1(raw_bytes + variant.encode()).hexdigest()[:10]
    return Template(name=name, variant=variant, data=data, digest=digest)


def run_context(profile: RunProfile, issue_date: date) -> dict[str, str]:
    """The placeholders every document of a run can use (dates in 和暦)."""
    ins, rules, run = profile.insurer, profile.rules, profile.run
    return {
        "as_of_wareki": format_wareki(run.as_of),
        "as_of_next_wareki": format_wareki(run.as_of + timedelta(days=1)),
        "issue_wareki": format_wareki(issue_date),
        "freeze_wareki": format_wareki(rules.freeze),
        "freeze_next_wareki": format_wareki(rules.freeze + timedelta(days=1)),
        "enrollment_recorded_by_wareki": format_wareki(rules.enrollment_recorded_by),
        "new_members_from_wareki": format_wareki(rules.new_members_from),
        "new_members_to_wareki": format_wareki(rules.new_members_to),
        "insurer_name": ins.name,
        "insurer_number": ins.number,
        "postal_code": ins.postal_code,
        "address": ins.address,
        "inquiry_name": ins.inquiry_name,
        "phone": ins.phone,
        "hours": ins.hours,
    }
