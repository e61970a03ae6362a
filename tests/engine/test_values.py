"""Tests for print_engine.read.values: 本人家族区分, 個人番号, 負担割合, kana and names."""

from __future__ import annotations

import re
import traceback

import pytest
from hypothesis import given
from hypothesis import strategies as st

from print_engine.read import values as values_module
from print_engine.read.values import (
    MyNumberError,
    clean_text,
    fold_kana,
    parse_burden_ratio,
    parse_insured,
    parse_mynumber,
)


def _with_check_digit(first11: str) -> str:
    """A synthetic valid My Number: the check digit computed here, from the spec."""
    p = [int(ch) for ch in reversed(first11)]
    r = sum(pn * (n + 1 if n <= 6 else n - 5) for n, pn in enumerate(p, start=1)) % 11
    return first11 + str(0 if r <= 1 else 11 - r)


def _with_wrong_check_digit(first11: str) -> str:
    good = _with_check_digit(first11)
    return first11 + str((int(good[-1]) + 1) % 10)


VALID = _with_check_digit("12345678901")  # synthetic
VALID_2 = _with_check_digit("98765432109")


# --- 本人家族区分 ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["本人", "被保険者", "1", 1, 1.0, " 本人 ", "１"])
def test_insured(value: object) -> None:
    assert parse_insured(value) is True


@pytest.mark.parametrize("value", ["家族", "被扶養者", "2", 2, 2.0, "２", "\u3000家族"])
def test_dependent(value: object) -> None:
    assert parse_insured(value) is False


@pytest.mark.parametrize("value", ["3", 3, 1.5, "本人家族", "配偶者", True, "1.0"])
def test_insured_other_values_are_errors(value: object) -> None:
    with pytest.raises(ValueError) as info:
        parse_insured(value)
    message = str(info.value)
    assert "本人家族区分" in message
    for accepted in ("本人", "被保険者", "家族", "被扶養者"):
        assert accepted in message


@pytest.mark.parametrize("value", [None, "", "  "])
def test_insured_blank_is_an_error(value: object) -> None:
    with pytest.raises(ValueError, match="空欄"):
        parse_insured(value)


# --- 個人番号 -------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_mynumber_blank(value: object) -> None:
    assert parse_mynumber(value) == ("", None)


@pytest.mark.parametrize(
    ("value", "last4"), [("1234", "1234"), ("0012", "0012"), ("０１２３", "0123"), (" 9876 ", "9876")]
)
def test_mynumber_last_four_text(value: str, last4: str) -> None:
    assert parse_mynumber(value) == (last4, None)


def test_mynumber_four_digit_number_cell() -> None:
    assert parse_mynumber(5678) == ("5678", None)
    assert parse_mynumber(5678.0) == ("5678", None)


@pytest.mark.parametrize(("value", "last4"), [(12, "0012"), (7.0, "0007"), (0, "0000"), (123, "0123")])
def test_mynumber_short_number_cell_is_padded_with_a_warning(value: object, last4: str) -> None:
    result, warning = parse_mynumber(value)
    assert result == last4
    assert warning is not None and "個人番号" in warning


@pytest.mark.parametrize(
    "form",
    [
        lambda n: n,
        lambda n: f"{n[:4]} {n[4:8]} {n[8:]}",
        lambda n: f"{n[:4]}-{n[4:8]}-{n[8:]}",
        lambda n: n.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        lambda n: f"{n[:4]}\u3000{n[4:8]}－{n[8:]}",
        lambda n: int(n),
        lambda n: float(n),
    ],
)
def test_full_mynumber_is_cut_to_last_four(form) -> None:
    assert parse_mynumber(form(VALID)) == (VALID[-4:], None)


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_any_valid_mynumber_accepted_and_wrong_check_rejected(first11: str) -> None:
    good = _with_check_digit(first11)
    assert parse_mynumber(good) == (good[-4:], None)
    with pytest.raises(MyNumberError, match="チェックデジット"):
        parse_mynumber(_with_wrong_check_digit(first11))


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("1", "足りません"),
        ("123", "足りません"),
        ("12345", "桁数"),
        ("12345678901", "桁数"),
        ("1234567890123", "多すぎ"),
        ("12a4", "数字以外"),
        ("-", "数字以外"),
        (12345, "数値"),
        (12.5, "小数"),
        (-1234, "負"),
        (True, "読めない"),
    ],
)
def test_mynumber_errors(value: object, fragment: str) -> None:
    with pytest.raises(MyNumberError) as info:
        parse_mynumber(value)
    assert fragment in info.value.message
    assert "個人番号" in info.value.message
    assert isinstance(info.value, ValueError)


def _bad_full_numbers() -> list[object]:
    """Inputs that hold a full (synthetic) My Number and must be rejected."""
    return [
        _with_wrong_check_digit("12345678901"),
        _with_wrong_check_digit("98765432109"),
        VALID + "5",
        "5" + VALID_2,
        VALID[:6] + "x" + VALID[6:],
        f"{VALID} 番",
        f"No.{VALID_2}",
        VALID[:11],
        int(_with_wrong_check_digit("98765432109")),
        float(_with_wrong_check_digit("12345678901")),
        int(VALID[1:]),  # a number cell that lost a digit
    ]


_DIGIT = re.compile(r"[0-9０-９]")


@pytest.mark.parametrize("value", _bad_full_numbers(), ids=lambda _: "synthetic")
def test_mynumber_never_leaks_into_the_exception(value: object) -> None:
    with pytest.raises(MyNumberError) as info:
        parse_mynumber(value)
    exc = info.value
    digits = re.sub(r"\D", "", str(value))
    texts = [str(exc), repr(exc), *map(str, exc.args), *map(repr, exc.args), exc.message]
    texts += traceback.format_exception_only(exc)
    for text in texts:
        assert not _DIGIT.search(text), text  # not one digit, not even masked
        assert digits not in text
    assert exc.__cause__ is None
    assert exc.__context__ is None
    assert exc.__suppress_context__
    # No frame of the parser, kept alive by the traceback, still holds the number.
    tb = exc.__traceback__
    parser_frames = 0
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_filename == values_module.__file__:
            parser_frames += 1
            for local in frame.f_locals.values():
                assert digits[-8:] not in re.sub(r"\D", "", repr(local))
        tb = tb.tb_next
    assert parser_frames == 1  # the check above did look at parse_mynumber's frame


# --- 負担割合 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3割", "3割"),
        ("2割", "2割"),
        ("1割", "1割"),
        ("３割", "3割"),
        (" 3 割 ", "3割"),
        ("0.3", "3割"),
        ("0.2", "2割"),
        ("0.10", "1割"),
        ("０．３", "3割"),
        ("30%", "3割"),
        ("２０％", "2割"),
        (0.3, "3割"),
        (0.1 + 0.2, "3割"),
        (0.2, "2割"),
        (None, ""),
        ("", ""),
        ("  ", ""),
    ],
)
def test_burden_ratio(value: object, expected: str) -> None:
    assert parse_burden_ratio(value) == expected


@pytest.mark.parametrize("value", ["4割", "0割", "3", 3, 30, "0.35", "35%", "100%", "三割", True, 0.0, "3割負担"])
def test_burden_ratio_errors(value: object) -> None:
    with pytest.raises(ValueError, match="負担割合"):
        parse_burden_ratio(value)


# --- フリガナ and names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"),
        ("ｶﾞｷﾞｸﾞｹﾞｺﾞ", "ガギグゲゴ"),
        ("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ"),
        ("ｳﾞｧｲｵﾘﾝ", "ヴァイオリン"),
        ("ｺｰﾋｰ", "コーヒー"),
        ("ﾔﾏﾀﾞ\u3000ﾊﾅｺ", "ヤマダ\u3000ハナコ"),
        ("ヤマダ　タロウ", "ヤマダ　タロウ"),
        ("ﾞｱ", "゛ア"),
        ("ｱﾞ", "ア゛"),
    ],
)
def test_fold_kana(text: str, expected: str) -> None:
    assert fold_kana(text) == expected


@pytest.mark.parametrize("text", ["髙橋", "ＡＢＣ", "①", "ABC 123", "㈱", "やまだ", ""])
def test_fold_kana_leaves_everything_else(text: str) -> None:
    assert fold_kana(text) == text


def test_fold_kana_inside_mixed_text() -> None:
    assert fold_kana("髙ｶﾞＡ") == "髙ガＡ"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("  山田 太郎  ", "山田 太郎"),
        ("\u3000髙橋\u3000一郎\u3000", "髙橋\u3000一郎"),
        ("ﾀﾛｳ", "ﾀﾛｳ"),
        ("ＡＢＣ", "ＡＢＣ"),
        (123, "123"),
        (123.0, "123"),
        (1.5, "1.5"),
    ],
)
def test_clean_text(value: object, expected: str) -> None:
    assert clean_text(value) == expected


def test_other_cell_types() -> None:
    from datetime import date

    with pytest.raises(MyNumberError, match="読めない"):
        parse_mynumber(date(2024, 1, 1))
    assert clean_text(date(2024, 1, 1)) == "2024-01-01"
