"""The customer barcode (カスタマバーコード): the contract's worked examples and our own cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from print_engine.mail.address_number import address_number, kanji_to_int
from print_engine.mail.barcode import (
    PostalCodeError,
    customer_barcode,
    letter_symbols,
    postal_digits,
    value_of,
)

# The worked examples of direct-mail.md (from the Japan Post manual).
MANUAL_1 = ("100-0013", "東京都千代田区霞が関1丁目3番2号　郵便プラザ503室")
MANUAL_2 = ("273-0102", "千葉県鎌ケ谷市右京塚　東3丁目-20-5　郵便・A&bコーポB604号")


def test_manual_example_1():
    code = customer_barcode(*MANUAL_1)
    assert code.data_text == "10000131-3-2-503[CC4][CC4][CC4][CC4]"
    assert code.check_text == "9"
    assert len(code.bars) == 67


def test_manual_example_2_letter_b_is_cc1_1():
    code = customer_barcode(*MANUAL_2)
    assert code.address_number == "3-20-5B604"
    assert code.data_text == "27301023-20-5[CC1]1604[CC4][CC4]"
    assert code.check_text == "0"


def test_manual_example_3_bars():
    code = customer_barcode("1234567", "")
    assert code.data_text == "1234567" + "[CC4]" * 13
    assert code.check_text == "[CC8]"
    assert code.bars == "FDFFTFDADFAFADFTFDAFAFDTDATDATDATDATDATDATDATDATDATDATDATDATDAFFFDF"


@pytest.mark.parametrize(
    ("address", "number"),
    [
        # 漢数字 before the markers become Arabic digits
        ("東京都港区芝五丁目十一番二十一号", "5-11-21"),
        ("岩手県滝沢市第二十一地割三番", "21-3"),
        ("新潟県長岡市百一番地", "101"),
        ("京都府京都市左京区二〇一番地", "201"),
        ("東京都荒川区三ノ輪二丁目", "3-2"),
        ("大阪府大阪市一の二", "1"),  # 二 is not before a marker
        ("北海道旭川市東旭川町十号線", "10"),
        ("北海道北見市端野町二区十五線", "15"),  # 区 is no marker
        ("北海道札幌市中央区北三条西四丁目", "4"),  # 三条 is a name, not a number
        ("東京都八王子市千人町二丁目二千百十一番", "2-2111"),
        # the F floor rule
        ("東京都新宿区西新宿2-8-1　都庁ビル5F", "2-8-1-5"),
        ("1-2-3 5F 501", "1-2-3-5-501"),
        ("1-2-3 F棟101", "1-2-3F101"),  # F not after a digit is a letter
        ("1-2-3 5FA", "1-2-3-5"),  # FA is a run of letters, not a floor
        # letters alone and in runs
        ("1-2-3 ABCマンション101", "1-2-3-101"),
        ("１－２－３　ＡＢＣハイツＢ棟２０１号", "1-2-3B201"),
        ("1-2 b棟", "1-2B"),
        ("3-4 A・B棟", "3-4"),  # ・ deleted: AB is a run
        ("3-4 A 棟 B", "3-4AB"),  # two lone letters; the hyphen between them goes
        # deletions and separators
        ("1.2/3&4", "1234"),
        ("1ー2ー3", "1-2-3"),
        ("1‐2−3", "1-2-3"),
        ("〒 霞が関１丁目３番２号", "1-3-2"),
        ("東京都千代田区", ""),
        ("", ""),
    ],
)
def test_address_number(address, number):
    assert address_number(address) == number


@pytest.mark.parametrize(
    ("kanji", "value"),
    [("一", 1), ("十", 10), ("十一", 11), ("二十一", 21), ("百一", 101), ("百", 100),
     ("三百五十", 350), ("千二十", 1020), ("二〇", 20), ("一〇五", 105)],
)
def test_kanji_numerals(kanji, value):
    assert kanji_to_int(kanji) == value


@pytest.mark.parametrize(
    ("letter", "symbols"),
    [("A", ("CC1", "0")), ("B", ("CC1", "1")), ("J", ("CC1", "9")), ("K", ("CC2", "0")),
     ("T", ("CC2", "9")), ("U", ("CC3", "0")), ("Z", ("CC3", "5"))],
)
def test_letters_take_two_positions(letter, symbols):
    assert letter_symbols(letter) == symbols


def test_check_digit_worked_by_hand():
    # 1+0+0+0+0+1+3 = 5; 5-11-21 = 30; CC4 × 6 = 84; 119 + 14 = 133 = 7 × 19
    code = customer_barcode("1000013", "東京都港区芝五丁目十一番二十一号")
    assert code.data_text == "10000135-11-21" + "[CC4]" * 6
    assert code.check == "CC4"


def test_long_address_is_cut_at_13_positions():
    code = customer_barcode("1000013", "1-2-3-4-5-6-7-8-9")
    assert code.data_text == "10000131-2-3-4-5-6-7"


def test_letter_split_keeps_its_control_code_last():
    # 12 characters, then A whose digit would be the 14th position
    code = customer_barcode("2730102", "1234-5678-90A")
    assert code.data_text == "27301021234-5678-90[CC1]"
    # 15 + (1+2+3+4+10+5+6+7+8+10+9+0+11 = 76) = 91; 91 + 4 = 95 = 5 × 19
    assert code.check == "4"
    assert code.bars[-5:] == "FAD" + "DF"


def test_letter_that_fits_keeps_both_positions():
    code = customer_barcode("2730102", "1234-5678-9A")
    assert code.data_text == "27301021234-5678-9[CC1]0"


def test_no_address_number_pads_the_postal_code_with_cc4():
    code = customer_barcode("0600001", "北海道札幌市中央区北一条西")
    assert code.data_text == "0600001" + "[CC4]" * 13


def test_full_width_input_gives_the_same_barcode():
    half = customer_barcode("100-0013", "霞が関1-3-2 B棟503")
    full = customer_barcode("〒１００－００１３", "霞が関１－３－２　Ｂ棟５０３")
    assert half == full


@pytest.mark.parametrize("value", ["12345", "100-00134", "abcdefg", "", "１２３４５６"])
def test_postal_code_must_be_7_digits(value):
    assert postal_digits(value) is None
    with pytest.raises(PostalCodeError, match="7 桁"):
        customer_barcode(value, "1-2-3")


@pytest.mark.parametrize("value", ["100-0013", "〒100-0013", "１００－００１３", "1000013", "100ー0013"])
def test_postal_code_forms(value):
    assert postal_digits(value) == "1000013"


# --- properties -------------------------------------------------------------

_DECODE = {
    "FFT": "1", "FDA": "2", "DFA": "3", "FAD": "4", "FTF": "5", "DAF": "6", "AFD": "7", "ADF": "8",
    "TFF": "9", "FTT": "0", "TFT": "-", "DAT": "CC1", "DTA": "CC2", "ADT": "CC3", "TDA": "CC4",
    "ATD": "CC5", "TAD": "CC6", "TTF": "CC7", "FFF": "CC8",
}  # fmt: skip

postal = st.text("0123456789", min_size=7, max_size=7)
address = st.text("0123456789-ー－１２３ABFKZabf　 ・&/.一二十百千丁目番地号割線のノ第条区東京都市ビル", max_size=60)


@given(postal, address)
def test_total_is_a_multiple_of_19_and_there_are_67_bars(code, addr):
    barcode = customer_barcode(code, addr)
    assert len(barcode.data) == 20
    assert sum(value_of(s) for s in (*barcode.data, barcode.check)) % 19 == 0
    assert len(barcode.bars) == 67
    assert set(barcode.bars) <= set("FADT")
    assert barcode.bars.startswith("FD") and barcode.bars.endswith("DF")


@given(postal, address)
def test_bars_decode_back_to_the_data(code, addr):
    barcode = customer_barcode(code, addr)
    body = barcode.bars[2:-2]
    decoded = [_DECODE[body[i:i + 3]] for i in range(0, len(body), 3)]
    assert decoded == [*barcode.data, barcode.check]


@given(address)
def test_address_number_shape(addr):
    number = address_number(addr)
    assert set(number) <= set("0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert not number.startswith("-") and not number.endswith("-")
    assert "--" not in number
    for i, ch in enumerate(number):
        if ch == "-":
            assert number[i - 1].isdigit() and number[i + 1].isdigit()
