"""Tests for print_engine.read.wareki: every date form of the workbook contract."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from print_engine.read.wareki import DateError, era_of, format_wareki, parse_date

JUNE_30 = date(2024, 6, 30)


@pytest.mark.parametrize(
    "text",
    [
        "2024/6/30",
        "2024/06/30",
        "2024-06-30",
        "2024.6.30",
        "20240630",
        "2024年6月30日",
        "令和6年6月30日",
        "R6.6.30",
        "R06/06/30",
        "r6-6-30",
        "Ｒ６．６．３０",
        "ｒ６．６．３０",
        "２０２４／６／３０",
        "２０２４０６３０",
        "令和６年６月３０日",
        "  2024/6/30  ",
        "\u30002024/6/30\u3000",
        "令和 6年 6月 30日",
        "2024-06-30 00:00:00",
        "2024-06-30T12:34:56",
    ],
)
def test_text_forms_of_one_day(text: str) -> None:
    assert parse_date(text) == (JUNE_30, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("R1.5.1", date(2019, 5, 1)),
        ("H10.8.1", date(1998, 8, 1)),
        ("平成10年8月1日", date(1998, 8, 1)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("H31.4.30", date(2019, 4, 30)),
        ("S60.1.1", date(1985, 1, 1)),
        ("昭和60年1月1日", date(1985, 1, 1)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("S元.12.25", date(1926, 12, 25)),
        ("大正元年7月30日", date(1912, 7, 30)),
        ("T15.12.24", date(1926, 12, 24)),
        ("明治45年7月29日", date(1912, 7, 29)),
        ("M1.1.25", date(1868, 1, 25)),
    ],
)
def test_era_text(text: str, expected: date) -> None:
    assert parse_date(text) == (expected, None)


@pytest.mark.parametrize(
    ("text", "expected", "shown_as"),
    [
        ("平成32年4月1日", date(2020, 4, 1), "令和2年4月1日"),
        ("平成31年5月1日", date(2019, 5, 1), "令和元年5月1日"),
        ("令和元年4月30日", date(2019, 4, 30), "平成31年4月30日"),
        ("昭和64年1月8日", date(1989, 1, 8), "平成元年1月8日"),
        ("H1.1.7", date(1989, 1, 7), "昭和64年1月7日"),
    ],
)
def test_era_date_outside_its_span_is_read_with_a_warning(text: str, expected: date, shown_as: str) -> None:
    result, warning = parse_date(text)
    assert result == expected
    assert warning is not None
    assert shown_as in warning  # the operator sees how the date was read
    assert "確認" in warning


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("令和6年2月30日", "令和6年2月30日は存在しない日付です"),
        ("2024/13/1", "2024/13/1は存在しない日付です"),
        ("2023/2/29", "2023/2/29は存在しない日付です"),
        ("2023/2/29", "28日まで"),
        ("20230229", "存在しない日付"),
        ("R6.4.31", "30日まで"),
        ("2024/0/10", "月は1〜12"),
        ("2024/6/0", "存在しない日付"),
        ("令和0年1月1日", "元年"),
        ("H0.1.1", "平成0年"),
    ],
)
def test_impossible_dates_are_errors(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert fragment in info.value.message
    assert "入力してください" in info.value.message
    assert str(info.value) == info.value.message


@pytest.mark.parametrize(
    "text",
    ["abc", "45473", "2024630", "24/6/30", "6/30", "令和六年六月三十日", "X6.6.30", "2024/6-30", "202406300"],
)
def test_unreadable_text_is_an_error(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert "入力してください" in info.value.message


def test_serial_as_text_is_not_a_date() -> None:
    with pytest.raises(DateError, match="8桁"):
        parse_date("45473")


@pytest.mark.parametrize("blank", [None, "", "   ", "\u3000"])
def test_blank_is_none(blank: object) -> None:
    assert parse_date(blank) == (None, None)


def test_date_and_datetime_cells() -> None:
    assert parse_date(JUNE_30) == (JUNE_30, None)
    result, warning = parse_date(datetime(2024, 6, 30, 15, 45))
    assert (result, warning) == (JUNE_30, None)
    assert type(result) is date


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (45473, JUNE_30),
        (45473.0, JUNE_30),
        (45473.99, JUNE_30),
        (2958465, date(9999, 12, 31)),
        (20240630, JUNE_30),  # yyyymmdd typed into a cell became a number
        (20240630.0, JUNE_30),
    ],
)
def test_numbers(serial: float, expected: date) -> None:
    assert parse_date(serial) == (expected, None)


@pytest.mark.parametrize("bad", [0, -1, 0.5, 60, 2958466, 123456789, float("nan"), float("inf"), True, 20241301])
def test_bad_numbers(bad: object) -> None:
    with pytest.raises(DateError):
        parse_date(bad)


def test_other_types_are_errors() -> None:
    with pytest.raises(DateError):
        parse_date(timedelta(days=3))


def test_errors_are_repeatable_through_the_cache() -> None:
    for _ in range(3):
        with pytest.raises(DateError, match="存在しない"):
            parse_date("令和6年2月30日")


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2024, 6, 30), "令和6年6月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(1998, 8, 1), "平成10年8月1日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1868, 1, 25), "明治元年1月25日"),
    ],
)
def test_format_wareki(d: date, text: str) -> None:
    assert format_wareki(d) == text


def test_format_wareki_before_meiji() -> None:
    with pytest.raises(ValueError, match="明治より前"):
        format_wareki(date(1868, 1, 24))
    assert era_of(date(1868, 1, 25)).name == "明治"


dates = st.dates(min_value=date(1868, 1, 25), max_value=date(2100, 12, 31))


@given(dates)
def test_wareki_round_trip(d: date) -> None:
    assert parse_date(format_wareki(d)) == (d, None)


@given(dates)
def test_gregorian_text_forms_round_trip(d: date) -> None:
    for text in (d.isoformat(), f"{d.year}/{d.month}/{d.day}", d.strftime("%Y%m%d"), f"{d.year}.{d.month}.{d.day}"):
        assert parse_date(text) == (d, None), text


@given(dates)
def test_latin_initial_round_trip(d: date) -> None:
    era = era_of(d)
    n = d.year - era.first_year + 1
    assert parse_date(f"{era.letter}{n:02d}/{d.month:02d}/{d.day:02d}") == (d, None)


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_excel_serial_round_trip(d: date) -> None:
    serial = (d - date(1899, 12, 30)).days
    assert parse_date(serial) == (d, None)
    assert parse_date(float(serial) + 0.25) == (d, None)


def test_subclasses_of_date_and_str() -> None:
    class LocalDate(date):
        pass

    class Cell(str):
        pass

    result, _ = parse_date(LocalDate(2024, 6, 30))
    assert result == JUNE_30 and type(result) is date
    assert parse_date(Cell("R6.6.30")) == (JUNE_30, None)


def test_year_zero_is_an_error() -> None:
    with pytest.raises(DateError, match="範囲外の年"):
        parse_date("0000/1/1")
