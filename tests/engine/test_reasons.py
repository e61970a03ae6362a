"""Each reason's wording exists once (resources/reasons.toml) and both the window and excluded.csv use it."""

from __future__ import annotations

import tomllib

from print_engine.model import Reason
from print_engine.plan.reasons import reason_label, reason_labels, reason_text
from print_engine.resources import resources_dir


def test_every_reason_has_a_label_and_an_explanation():
    wording = tomllib.loads((resources_dir() / "reasons.toml").read_text(encoding="utf-8"))
    for reason in Reason:
        entry = wording.get(reason.value, {})
        assert entry.get("label") and entry.get("text"), reason.value
        assert reason_text(reason) == entry["text"] and reason_label(reason) == entry["label"]
    assert list(reason_labels()) == [r.value for r in Reason]


def test_excluded_csv_and_the_window_show_the_same_wording():
    from print_engine.output import records

    assert records.reason_wording is reason_text  # excluded.csv takes the wording from the one table
    from print_engine.plan import rules

    assert not hasattr(rules, "REASON_TEXT")  # no second copy
    assert reason_text(Reason.NO_MYNUMBER) == "個人番号（マイナンバー）が登録されていない"
    assert reason_label(Reason.NO_MYNUMBER) == "対象外：個人番号なし"
