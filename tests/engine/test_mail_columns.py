"""The direct-mail columns of the member sheet: 送付先, 郵便番号, 住所 (+住所2), 宛名."""

from __future__ import annotations

import pytest

from print_engine.mail.households import (
    address_problems,
    counts_by_area,
    deciding_member,
    recipient_of,
    sends_home,
)
from print_engine.model import Member
from print_engine.plan.run import load_members
from print_engine.profile.schema import RunProfile

from .conftest import HEADERS, row

MAIL_HEADERS = HEADERS + ["送付先区分", "〒", "住所1", "住所2", "宛名"]


def mail_row(send="", postal="100-0013", address="東京都千代田区霞が関1-3-2", building="", addressee="", **kw):
    return row(**kw) + [send, postal, address, building, addressee]


def test_columns_are_read_with_their_aliases(make_book):
    path = make_book([
        mail_row("自宅", "〒１００－００１３", "東京都千代田区霞が関1-3-2", "郵便プラザ503室", "健保 花子"),
        mail_row(" 事業所 ", bango="101"),
        mail_row("", bango="102", building=""),
    ], headers=MAIL_HEADERS)
    members = load_members(path, RunProfile()).members
    assert [m.send_to for m in members] == ["自宅", "事業所", ""]
    assert members[0].address == "東京都千代田区霞が関1-3-2　郵便プラザ503室"
    assert members[0].addressee == "健保 花子"
    assert members[0].postal_code == "〒１００－００１３"  # kept as written; checked when mailed
    assert all(not m.errors for m in members)


def test_an_unknown_send_to_is_a_row_error_naming_the_column(make_book):
    path = make_book([mail_row("郵送")], headers=MAIL_HEADERS)
    member = load_members(path, RunProfile()).members[0]
    [problem] = member.errors
    assert problem.code == "BAD_SEND_TO" and problem.column == "送付先区分" and problem.value == "郵送"
    assert "「自宅」「事業所」または空欄" in problem.message


def test_a_workbook_without_the_columns_reads_as_before(make_book):
    member = load_members(make_book([row()]), RunProfile()).members[0]
    assert (member.send_to, member.addressee, member.postal_code, member.address) == ("", "", "", "")


def member(**kw) -> Member:
    base = dict(sheet="加入者", row=5, employer_code="1", kigo="10", bango="100", edaban="00", insured=True,
                name="試験 太郎", postal_code="100-0013", address="東京都千代田区霞が関1-3-2")
    return Member(**{**base, **kw})


def test_the_insured_decides_else_the_first_included():
    insured, child = member(send_to="事業所"), member(edaban="01", insured=False, send_to="自宅")
    assert deciding_member([insured, child], insured) is insured
    assert deciding_member([child], insured) is child  # the insured is not in the envelope
    assert not sends_home("1", insured, ())
    assert sends_home("1", child, ())
    assert sends_home("1", insured, ("1",))  # the employer is mailed as a whole
    assert not sends_home("2", member(), ("1",))


@pytest.mark.parametrize(("postal", "address", "codes"), [
    ("100-001", "東京都", ["MAIL_POSTAL_CODE"]),
    ("", "東京都", ["MAIL_POSTAL_CODE"]),
    ("1000013", "  ", ["MAIL_ADDRESS"]),
    ("abc", "", ["MAIL_POSTAL_CODE", "MAIL_ADDRESS"]),
    ("〒100-0013", "東京都", []),
])
def test_unusable_address_is_a_row_error(postal, address, codes):
    problems = address_problems(member(postal_code=postal, address=address), {"postal_code": "〒"})
    assert [p.code for p in problems] == codes
    assert all(p.is_error and p.row == 5 for p in problems)
    if "MAIL_POSTAL_CODE" in codes:
        assert problems[0].column == "〒"


def test_recipient_takes_the_addressee_else_the_name():
    assert recipient_of(member(addressee="健保 花子")).addressee == "健保 花子"
    got = recipient_of(member())
    assert (got.addressee, got.postal_label, got.number_label) == ("試験 太郎", "100-0013", "10-100")
    assert got.barcode.data_text.startswith("10000131-3-2")
    assert recipient_of(member(postal_code="")) is None


def test_counts_by_the_first_three_digits():
    assert counts_by_area(["2730102", "1000013", "1000001", "2731234", "0600001"]) == [
        ("060", 1), ("100", 2), ("273", 2)]
