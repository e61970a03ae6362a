"""Checking run-profile values, key by key (see ``shared/spec/run-profile.md``).

Each setting has a checker that either returns the value in its typed form
(e.g. a font path resolved to an absolute path, an int window size as float)
or raises :class:`ProfileError` naming the dotted key. :func:`overlay` applies a
nested mapping on top of a base profile, then runs the checks that involve
more than one key. Reading and writing files lives in ``profile.py``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import os
import re
import typing
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from print_engine.layout.geometry import A4_MM, EDGE_MM
from print_engine.plan.certificate_dates import valid_until_problem
from print_engine.profile.schema import (
    DOCUMENT_KINDS,
    DOCUMENTS,
    ENCODINGS,
    ISSUE_KINDS,
    ORDERS,
    VARIANTS,
    Leaflet,
    RunProfile,
)
from print_engine.read.codes import insurer_number_valid

A4_WIDTH_MM, A4_HEIGHT_MM = A4_MM
WINDOW_MARGIN_MM = EDGE_MM  # the window must leave the paper's unprintable edge free
WIDTH_FIELDS = ("kigo", "bango", "edaban", "employer_code", "affiliation")
PACKING_CHOICES = ("affiliation", "number")
_SPLIT_RE = re.compile(r"pages:[1-9][0-9]*")
BARCODE_PT = (8.0, 11.5)  # the customer barcode's sizes allowed by the Japan Post manual
SECTIONS: dict[str, type] = {f.name: f.default_factory for f in dataclasses.fields(RunProfile)}  # type: ignore[misc]


class ProfileError(ValueError):
    """A run profile that cannot be used.

    Attributes:
        key: Dotted key of the offending setting (``rules.freeze``,
            ``sheet.widths.foo``); ``""`` for a file that cannot be read or
            parsed at all.
        message: Japanese explanation naming the key and what is expected.
        path: The profile file, when the error came from one.
    """

    def __init__(self, key: str, message: str, path: Path | None = None) -> None:
        super().__init__(key, message)
        self.key = key
        self.message = message
        self.path = path

    def __str__(self) -> str:
        text = self.message if (not self.key or self.key in self.message) else f"{self.key}: {self.message}"
        return f"{self.path}: {text}" if self.path is not None and str(self.path) not in text else text


# --- value checkers ---------------------------------------------------------

Checker = Callable[[str, Any, Path], Any]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"真偽値 {str(value).lower()}"
    if isinstance(value, datetime):
        return f"日時 {value.isoformat()}"
    if isinstance(value, date):
        return f"日付 {value.isoformat()}"
    if isinstance(value, (int, float)):
        return f"数値 {value!r}"
    if isinstance(value, str):
        return f"文字列 \"{value}\""
    if isinstance(value, Mapping):
        return "表"
    if isinstance(value, (list, tuple)):
        return "配列"
    return type(value).__name__


def _fail(key: str, expected: str, value: Any) -> ProfileError:
    return ProfileError(key, f"「{key}」には{expected}を指定してください（指定値: {_describe(value)}）。")


def _check_str(key: str, value: Any, base_dir: Path) -> str:
    if not isinstance(value, str):
        raise _fail(key, "文字列（\"…\" で囲む）", value)
    return value


def _check_bool(key: str, value: Any, base_dir: Path) -> bool:
    if not isinstance(value, bool):
        raise _fail(key, "true または false", value)
    return value


def _check_date(key: str, value: Any, base_dir: Path) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise _fail(key, "日付（例: 2024-08-07、引用符なし、時刻なし）", value)
    return value


def _check_int(key: str, value: Any, base_dir: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(key, "整数", value)
    return value


def _check_positive_int(key: str, value: Any, base_dir: Path) -> int:
    if _check_int(key, value, base_dir) < 1:
        raise _fail(key, "1 以上の整数", value)
    return value


def _check_positive_mm(key: str, value: Any, base_dir: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise _fail(key, "正の数値（mm、例: 20.0）", value)
    return float(value)


def _enum(choices: tuple[str, ...]) -> Checker:
    def check(key: str, value: Any, base_dir: Path) -> str:
        if value not in choices or not isinstance(value, str):
            raise _fail(key, " | ".join(f"\"{c}\"" for c in choices) + " のいずれか", value)
        return value

    return check


def _check_split(key: str, value: Any, base_dir: Path) -> str:
    if not isinstance(value, str) or not (value in ("employer", "run") or _SPLIT_RE.fullmatch(value)):
        raise _fail(key, "\"employer\"、\"run\" または \"pages:N\"（N は 1 以上の整数）", value)
    return value


def _check_issue_date(key: str, value: Any, base_dir: Path) -> date | str:
    if value == "today" and isinstance(value, str):
        return value
    if not isinstance(value, date) or isinstance(value, datetime):
        raise _fail(key, "日付（例: 2024-08-07）または \"today\"", value)
    return value


def _check_insurer_number(key: str, value: Any, base_dir: Path) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{8}", value):
        raise _fail(key, "8 桁の数字の文字列（例: \"06134803\"）", value)
    if not insurer_number_valid(value):
        raise ProfileError(key, f"「{key}」の保険者番号 {value} は検証番号（8 桁目）が正しくありません。")
    return value


def _check_employers(key: str, value: Any, base_dir: Path) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise _fail(key, "表（事業所コード = \"affiliation\" または \"number\"）", value)
    for code, choice in value.items():
        _enum(PACKING_CHOICES)(f"{key}.{code}", choice, base_dir)
    return dict(value)


def _check_widths(key: str, value: Any, base_dir: Path) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise _fail(key, "表（例: { kigo = 4, bango = 8 }）", value)
    for name, width in value.items():
        if name not in WIDTH_FIELDS:
            raise ProfileError(
                f"{key}.{name}",
                f"「{key}.{name}」は使えない項目です。使える項目: {', '.join(WIDTH_FIELDS)}。",
            )
        _check_positive_int(f"{key}.{name}", width, base_dir)
    return dict(value)


def _check_fallback(key: str, value: Any, base_dir: Path) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise _fail(key, "フォントファイルのパスの配列（例: [\"C:/Fonts/ipamjm.ttf\"]）", value)
    resolved = []
    for entry in value:
        path = Path(os.path.normpath(base_dir / Path(entry).expanduser()))
        if not path.is_file():
            raise ProfileError(key, f"「{key}」のフォントファイルが見つかりません: {path}")
        resolved.append(str(path))
    return tuple(resolved)


_LEAFLET_NAME = re.compile(r"[A-Za-z0-9_-]+")


def _check_leaflets(key: str, value: Any, base_dir: Path) -> tuple[Leaflet, ...]:
    """``[[packing.leaflets]]``: each a ``name`` (the packing.csv column prefix) and its ``documents``."""
    if not isinstance(value, (list, tuple)):
        raise _fail(key, "表の配列（[[packing.leaflets]] に name と documents）", value)
    leaflets: list[Leaflet] = []
    for i, entry in enumerate(value, start=1):
        where = f"{key}[{i}]"
        if not isinstance(entry, Mapping):
            raise _fail(where, "表（name と documents）", entry)
        unknown = [k for k in entry if k not in ("name", "documents")]
        if unknown:
            raise ProfileError(f"{where}.{unknown[0]}",
                               f"「{where}.{unknown[0]}」は不明な項目です。使える項目: name, documents。")
        name = entry.get("name")
        if not isinstance(name, str) or not _LEAFLET_NAME.fullmatch(name):
            raise _fail(f"{where}.name", "英数字の名前（例: \"green\"。packing.csv の列名 green_leaflets になります）", name)
        if any(leaflet.name == name for leaflet in leaflets):
            raise ProfileError(f"{where}.name", f"「{where}.name」の \"{name}\" は別のリーフレットと重複しています。")
        documents = entry.get("documents", ["notice"])
        if (not isinstance(documents, (list, tuple)) or not documents
                or not all(isinstance(d, str) and d in DOCUMENT_KINDS for d in documents)):
            raise _fail(f"{where}.documents", "書類の種類の配列（\"notice\"、\"certificate\"）", documents)
        leaflets.append(Leaflet(name, tuple(dict.fromkeys(documents))))
    return tuple(leaflets)


def _check_mail_employers(key: str, value: Any, base_dir: Path) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(
            isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
        raise _fail(key, "事業所コードの配列（例: [\"9999\"]）", value)
    from print_engine.read.codes import normalize_code  # local: keeps this module's imports to the checks

    codes = tuple(normalize_code(v) for v in value)
    if not all(codes):
        raise ProfileError(key, f"「{key}」に空の事業所コードがあります。")
    return codes


def _check_barcode_pt(key: str, value: Any, base_dir: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not BARCODE_PT[0] <= value <= BARCODE_PT[1]:
        raise _fail(key, f"{BARCODE_PT[0]:.1f}～{BARCODE_PT[1]:.1f} の数値（ポイント、標準 10.0）", value)
    return float(value)


_BY_TYPE: dict[type, Checker] = {
    str: _check_str, bool: _check_bool, int: _check_int, float: _check_positive_mm, date: _check_date,
}
_SPECIAL: dict[str, Checker] = {
    "insurer.number": _check_insurer_number,
    "run.variant": _enum(VARIANTS),
    "run.issue_date": _check_issue_date,
    "run.order": _enum(ORDERS),
    "run.split": _check_split,
    "run.documents": _enum(DOCUMENTS),
    "packing.envelope_max_households": _check_positive_int,
    "packing.employers": _check_employers,
    "packing.leaflets": _check_leaflets,
    "issue.kind": _enum(ISSUE_KINDS),
    "direct_mail.employers": _check_mail_employers,
    "direct_mail.barcode_pt": _check_barcode_pt,
    "fonts.fallback": _check_fallback,
    "sheet.widths": _check_widths,
    "sheet.encoding": _enum(ENCODINGS),
}


def checker(section: str, name: str) -> Checker:
    """Return the checker of ``section.name``: a special one, else the one of its declared type."""
    key = f"{section}.{name}"
    if key in _SPECIAL:
        return _SPECIAL[key]
    return _BY_TYPE[_declared(section)[name]]


@functools.lru_cache(maxsize=None)
def _declared(section: str) -> dict[str, Any]:
    """Field → the type the schema declares for it (never taken from a default value)."""
    return typing.get_type_hints(SECTIONS[section])


# --- mapping <-> profile ------------------------------------------------------


def overlay(base: RunProfile, data: Mapping[str, Any], base_dir: Path) -> RunProfile:
    """Return ``base`` with every value of ``data`` checked and put in its place."""
    if not isinstance(data, Mapping):
        raise ProfileError("", "プロファイルの内容が表（セクションの並び）ではありません。")
    sections: dict[str, Any] = {}
    for section, values in data.items():
        if section not in SECTIONS:
            raise ProfileError(
                section, f"「[{section}]」は不明なセクションです。使えるセクション: {', '.join(SECTIONS)}。"
            )
        if not isinstance(values, Mapping):
            raise _fail(section, f"表（[{section}] セクション）", values)
        current = getattr(base, section)
        names = [f.name for f in dataclasses.fields(current)]
        changes = {}
        for name, value in values.items():
            if name not in names:
                raise ProfileError(
                    f"{section}.{name}",
                    f"「{section}.{name}」は不明な項目です。[{section}] で使える項目: {', '.join(names)}。",
                )
            changes[name] = checker(section, name)(f"{section}.{name}", value, base_dir)
        sections[section] = dataclasses.replace(current, **changes)
    profile = dataclasses.replace(base, **sections)
    _check_consistency(profile)
    return profile


def check_certificate_validity(profile: RunProfile, issue_date: date) -> None:
    """``[certificate] valid_until`` against the run's issue date, when the run issues certificates.

    Raises:
        ProfileError: more than five years after the issue date, or before it.
    """
    if profile.issue.kind == "notice":
        return
    problem = valid_until_problem(profile.certificate.valid_until, issue_date)
    if problem is not None:
        raise ProfileError("certificate.valid_until", problem)


def _check_consistency(profile: RunProfile) -> None:
    """Checks that involve more than one key."""
    rules = profile.rules
    if rules.new_members_from > rules.new_members_to:
        raise ProfileError(
            "rules.new_members_to",
            f"「rules.new_members_to」（{rules.new_members_to}）が「rules.new_members_from」"
            f"（{rules.new_members_from}）より前です。期間の終了日は開始日以後にしてください。",
        )
    if isinstance(profile.run.issue_date, date):  # "today" is checked once it is resolved
        check_certificate_validity(profile, profile.run.issue_date)
    env = profile.envelope
    limits = (
        ("window_left_mm", env.window_left_mm, WINDOW_MARGIN_MM, "用紙の左端"),
        ("window_top_mm", env.window_top_mm, WINDOW_MARGIN_MM, "用紙の上端"),
    )
    for name, value, minimum, edge in limits:
        if value < minimum:
            raise ProfileError(
                f"envelope.{name}", f"「envelope.{name}」は{edge}から {minimum:g} mm 以上にしてください（指定値: {value:g}）。"
            )
    spans = (
        ("window_width_mm", "window_left_mm", env.window_left_mm + env.window_width_mm, A4_WIDTH_MM, "右端"),
        ("window_height_mm", "window_top_mm", env.window_top_mm + env.window_height_mm, A4_HEIGHT_MM, "下端"),
    )
    for name, start, end, page, edge in spans:
        if end > page - WINDOW_MARGIN_MM:
            raise ProfileError(
                f"envelope.{name}",
                f"「envelope.{start}」+「envelope.{name}」= {end:g} mm で、窓が A4 用紙の{edge}から"
                f" {WINDOW_MARGIN_MM:g} mm 以内にはみ出します（{page - WINDOW_MARGIN_MM:g} mm 以下にしてください）。",
            )

