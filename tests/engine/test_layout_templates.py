"""The wording template: every sentence fills in for every variant, overrides apply."""

from __future__ import annotations

from datetime import date

import pytest

from print_engine.layout import templates
from print_engine.layout.templates import TemplateError, load_template, run_context
from print_engine.profile.schema import VARIANTS, RunProfile

MEMBER_KEYS = {"kigo": "1234", "bango": "12345678", "edaban": "00", "mynumber4": "1234",
               "insured_name": "健保 太郎", "employer_code": "000123", "employer_name": "株式会社テスト",
               "container": "封筒", "envelopes": "3", "notices": "7", "affiliation": "001", "returns": "1",
               "page": "1", "pages": "2"}


def _walk(node, prefix=""):
    for key, value in node.items():
        if isinstance(value, dict):
            yield from _walk(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_text_of_the_template_fills_in(variant):
    t = load_template("notice-2024", variant)
    ctx = dict(run_context(RunProfile(), date(2024, 8, 7)), **MEMBER_KEYS)
    for key, _ in _walk(t.data):
        for line in t.lines(key, ctx):
            assert "{" not in line and "}" not in line, key


def test_run_context_dates_are_wareki():
    ctx = run_context(RunProfile(), date(2024, 8, 7))
    assert ctx["as_of_wareki"] == "令和6年6月30日"
    assert ctx["as_of_next_wareki"] == "令和6年7月1日"
    assert ctx["issue_wareki"] == "令和6年8月7日"
    assert ctx["freeze_next_wareki"] == "令和6年8月8日"
    assert ctx["insurer_number"] == "06134803"


def test_variant_overrides_replace_only_their_keys():
    initial = load_template("notice-2024", "initial")
    new = load_template("notice-2024", "new-members")
    assert "個人番号" in initial.text("cover.title")
    assert "個人番号" not in new.text("cover.title")
    assert new.text("cover.addressee") == initial.text("cover.addressee")
    assert new.digest != initial.digest


def test_missing_key_and_unknown_placeholder_are_clear_errors(tmp_path, monkeypatch):
    t = load_template("notice-2024", "initial")
    with pytest.raises(TemplateError, match="notice.nothing"):
        t.text("notice.nothing")
    with pytest.raises(TemplateError, match="as_of_wareki"):
        t.text("notice.lead", {})


def test_missing_or_broken_template_file(tmp_path, monkeypatch):
    monkeypatch.setattr(templates, "template_path", lambda name: tmp_path / f"{name}.toml")
    with pytest.raises(TemplateError, match="見つかりません"):
        templates.load_template.__wrapped__("absent", "initial")
    (tmp_path / "broken.toml").write_text("[notice\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="読めません"):
        templates.load_template.__wrapped__("broken", "initial")
    (tmp_path / "partial.toml").write_text("[notice]\n[cover]\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"\[list\]"):
        templates.load_template.__wrapped__("partial", "initial")
