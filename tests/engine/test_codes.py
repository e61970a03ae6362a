"""Tests for print_engine.read.codes: code folding, padding, natural order, check digits."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from print_engine.read.codes import (
    insurer_number_valid,
    mynumber_check_ok,
    natural_key,
    natural_key_blank_last,
    normalize_code,
    pad_code,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        (1234, "1234"),
        (1234.0, "1234"),
        (0.0, "0"),
        (12.5, "12.5"),
        ("１２３４", "1234"),
        (" 1234 ", "1234"),
        ("\u3000１２３４\u3000", "1234"),
        ("０７", "07"),
        ("A 12", "A 12"),
        ("ＡＢ１", "AB1"),
        ("0012", "0012"),
    ],
)
def test_normalize_code(value: object, expected: str) -> None:
    assert normalize_code(value) == expected


@pytest.mark.parametrize(
    ("code", "width", "expected"),
    [
        ("1", 2, "01"),
        ("7", 3, "007"),
        ("12", 2, "12"),
        ("123", 2, "123"),
        ("A1", 3, "A1"),
        ("", 3, ""),
        ("5", None, "5"),
        ("5", 0, "5"),
    ],
)
def test_pad_code(code: str, width: int | None, expected: str) -> None:
    assert pad_code(code, width) == expected


def test_natural_order_examples() -> None:
    codes = ["10", "2", "007", "7", "A10", "A9", "B", "07", "1"]
    assert sorted(codes, key=natural_key) == ["1", "2", "7", "07", "007", "10", "A9", "A10", "B"]
    assert natural_key("2") < natural_key("10")
    assert natural_key("7") < natural_key("007")
    assert natural_key("A9") < natural_key("A10")


def test_blank_sorts_last() -> None:
    codes = ["", "10", "2", " ", "A"]
    ordered = sorted(codes, key=natural_key_blank_last)
    assert ordered[:3] == ["2", "10", "A"]
    assert set(ordered[3:]) == {"", " "}


digit_strings = st.text(alphabet="0123456789", min_size=1, max_size=8)
codes = st.text(alphabet="0123456789AB-", max_size=8)


@given(st.lists(digit_strings, min_size=2, max_size=20), st.integers(min_value=1, max_value=8))
def test_equal_width_digit_codes_sort_as_integers(raw: list[str], width: int) -> None:
    padded = [s.zfill(width)[-width:] for s in raw]
    assert sorted(padded, key=natural_key) == sorted(padded, key=int)


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=2, max_size=20))
def test_unpadded_digit_codes_sort_as_integers(numbers: list[int]) -> None:
    assert [int(s) for s in sorted(map(str, numbers), key=natural_key)] == sorted(numbers)


def _reference_key(s: str) -> tuple:
    """The contract, written plainly: runs by value / text, then run lengths, then text."""
    runs = re.findall(r"[0-9]+|[^0-9]+", s)
    digit_runs = [r[0] in "0123456789" for r in runs]  # ASCII digits only; '１' is text
    primary = tuple((0, int(r), "") if d else (1, 0, r) for r, d in zip(runs, digit_runs))
    return (primary, tuple(len(r) for r, d in zip(runs, digit_runs) if d), s)


wide_codes = st.text(alphabet=st.sampled_from("0123456789AaBz-_ .\x00\x01\x02\x03\x04Ａ１髙"), max_size=10)


@given(st.lists(wide_codes, max_size=30))
def test_order_matches_the_contract(items: list[str]) -> None:
    assert sorted(items, key=natural_key) == sorted(items, key=_reference_key)


@given(wide_codes, wide_codes)
def test_pairwise_order_matches_the_contract(a: str, b: str) -> None:
    assert (natural_key(a) < natural_key(b)) == (_reference_key(a) < _reference_key(b))
    assert (natural_key(a) == natural_key(b)) == (a == b)


@given(codes, codes)
def test_key_equality_is_text_equality(a: str, b: str) -> None:
    assert (natural_key(a) == natural_key(b)) == (a == b)


@given(codes, codes, codes)
def test_order_is_total_and_transitive(a: str, b: str, c: str) -> None:
    ka, kb, kc = natural_key(a), natural_key(b), natural_key(c)
    assert (ka < kb) + (kb < ka) + (ka == kb) == 1
    if ka <= kb and kb <= kc:
        assert ka <= kc


@given(st.text(alphabet="AB", max_size=3), st.integers(0, 999), st.integers(0, 999))
def test_digit_runs_compare_by_value_after_the_same_prefix(prefix: str, m: int, n: int) -> None:
    if m < n:
        assert natural_key(f"{prefix}{m}") < natural_key(f"{prefix}{n}")


@pytest.mark.parametrize("number", ["06134803"])
def test_insurer_number_valid(number: str) -> None:
    assert insurer_number_valid(number)


@pytest.mark.parametrize("number", ["06134800", "06134804", "0613480", "061348033", "0613480A", "", "０６１３４８０３"])
def test_insurer_number_invalid(number: str) -> None:
    assert not insurer_number_valid(number)


def test_insurer_number_not_text() -> None:
    assert not insurer_number_valid(6134803)  # type: ignore[arg-type]


def _insurer_check(first7: str) -> int:
    """Independent reference: weights 2,1,2,… from the right, digit sums."""
    total = 0
    for position, ch in enumerate(reversed(first7)):
        product = int(ch) * (2 if position % 2 == 0 else 1)
        total += sum(int(d) for d in str(product))
    return (10 - total % 10) % 10


@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_insurer_number_exactly_one_check_digit(first7: str) -> None:
    valid = [d for d in "0123456789" if insurer_number_valid(first7 + d)]
    assert valid == [str(_insurer_check(first7))]


def _mynumber_check(first11: str) -> int:
    """Independent reference of the 個人番号 check digit (written from the spec)."""
    p = [int(ch) for ch in reversed(first11)]  # p[0] is P(1)
    q = [n + 1 if n <= 6 else n - 5 for n in range(1, 12)]
    r = sum(pn * qn for pn, qn in zip(p, q)) % 11
    return 0 if r <= 1 else 11 - r


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_mynumber_check_digit(first11: str) -> None:
    good = str(_mynumber_check(first11))
    assert mynumber_check_ok(first11 + good)
    for other in "0123456789":
        if other != good:
            assert not mynumber_check_ok(first11 + other)


@pytest.mark.parametrize(
    "bad",
    ["", "1234", "12345678901", "1234567890123", "12345678901a", "１２３４５６７８９０１８"],  # the last: valid but full-width
)
def test_mynumber_check_rejects_non_twelve_digits(bad: str) -> None:
    assert not mynumber_check_ok(bad)


def test_normalize_code_other_cells() -> None:
    from decimal import Decimal

    assert normalize_code(True) == "TRUE"  # as Excel shows it; the caller reports it
    assert normalize_code(Decimal("0042")) == "42"


def test_edaban_width_is_one_default_for_the_workbook_and_the_command_line(make_book):
    """`--member 10-100-1` names the row whose 枝番 cell is 1 (→ 01), and a profile width wins in both."""
    from types import SimpleNamespace

    from print_engine.cli.args import selection_from_args
    from print_engine.plan.run import load_members
    from print_engine.profile.schema import RunProfile, SheetSettings
    from print_engine.read.codes import code_width

    from .conftest import row

    assert code_width("edaban", {}) == 2 and code_width("kigo", {}) == 0
    assert code_width("edaban", {"edaban": 3}) == 3
    args = SimpleNamespace(employer=[], affiliation=[], household=[], member=["10-100-1"])
    path = make_book([row(edaban=1)])
    for widths in ({}, {"edaban": 3}):
        member = load_members(path, RunProfile(sheet=SheetSettings(widths=widths))).members[0]
        assert selection_from_args(args, widths).members == {member.key}


def test_no_problem_ever_carries_twelve_digits_in_a_row():
    """A shifted CSV row can push a My Number into any column: its problem never shows it."""
    from print_engine.model import Problem, Severity, mask_mynumber_like

    p = Problem(Severity.ERROR, "BAD_DATE", "日付ではありません: 123456789012", "加入者", 5, "生年月日",
                "1234 5678 9012")
    assert "123456789012" not in str(p) and "9012" not in p.value
    assert p.value == "**************" and "************" in p.message
    assert mask_mynumber_like("電話 03-1234-5678、記号 1234-12345678") == "電話 03-1234-5678、記号 1234-12345678"
    assert mask_mynumber_like("１２３４５６７８９０１２") == "*" * 12
