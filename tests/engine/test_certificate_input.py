"""The certificate's workbook columns, profile keys and per-run row checks (certificate.md)."""

from dataclasses import replace
from datetime import date

import pytest

from print_engine.plan.documents import CERTIFICATE, NOTICE, DocumentRules
from print_engine.plan.run import load_members
from print_engine.profile.loading import ProfileError, dump_profile, load_profile, profile_from_mapping
from print_engine.profile.schema import CertificateSettings, IssueSettings, Leaflet, RunProfile

D = date
ISSUE = D(2025, 12, 1)
BASE = ["事業所コード", "事業所名", "記号", "番号", "枝番", "本人家族区分", "氏名", "資格取得年月日", "生年月日",
        "負担割合"]


def load(make_book, extra_headers, rows):
    """rows: (birth, ratio, *extra values); one household per row."""
    body = [[1, "テスト商事", "10", str(100 + i), "00", "本人", f"試験 {i}", "2010/4/1", birth, ratio, *extra]
            for i, (birth, ratio, *extra) in enumerate(rows)]
    return load_members(make_book(body, headers=BASE + extra_headers), RunProfile())


def rules(kind, loaded=None, **certificate):
    profile = RunProfile(issue=IssueSettings(kind),
                         certificate=replace(CertificateSettings(valid_until=D(2030, 11, 30)), **certificate))
    return DocumentRules(profile, ISSUE, loaded.labels if loaded is not None else {})


@pytest.mark.parametrize("header", ["マイナ保険証", "マイナ保険証登録", "マイナ保険証利用登録", "利用登録"])
def test_myna_card_column_and_its_aliases(make_book, header):
    values = ["有", "無", "○", "×", 1, 0, "登録済", "未登録", "はい", "いいえ", "TRUE", "false", True, "１"]
    loaded = load(make_book, [header], [("1980/1/1", "3割", v) for v in values])
    assert [m.myna_card for m in loaded.members] == [True, False] * 6 + [True, True]
    assert not loaded.row_errors()


def test_sex_expiry_columns_and_aliases(make_book):
    loaded = load(make_book, ["性別区分", "任意継続満了日", "在留期間満了日"], [
        ("1980/1/1", "", "男", "2027/3/31", None),
        ("1980/1/1", "", 2, None, "R8.8.20"),
        ("1980/1/1", "", "女", None, None),
    ])
    m = loaded.members
    assert [x.sex for x in m] == ["男", "女", "女"]
    assert (m[0].continuation_end, m[1].residence_end, m[2].residence_end) == (D(2027, 3, 31), D(2026, 8, 20), None)
    loaded = load(make_book, ["資格満了日", "在留期限", "性別"], [("1980/1/1", "", "2027/2/30", None, "1")])
    (error,) = loaded.row_errors()
    assert error.column == "資格満了日" and error.row == 2 and error.value == "2027/2/30"


def test_an_unreadable_myna_card_or_sex_is_an_error_only_where_the_run_needs_it(make_book):
    loaded = load(make_book, ["マイナ保険証", "性別"], [("1980/1/1", "", "たぶん", "X")])
    (m,) = loaded.members
    assert not m.errors  # a notice run does not need either column
    assert rules(NOTICE, loaded).decide(m).problems == ()
    by_reg = rules("by-registration", loaded).decide(m)
    assert by_reg.document is None
    (problem,) = by_reg.problems
    assert (problem.code, problem.column, problem.row, problem.value) == ("BAD_MYNA_CARD", "マイナ保険証", 2, "たぶん")
    cert = rules(CERTIFICATE, loaded).decide(m)
    assert [p.code for p in cert.problems] == ["BAD_SEX"]
    assert rules(CERTIFICATE, loaded, print_sex=False).decide(m).problems == ()


def test_by_registration_decides_by_the_column(make_book):
    loaded = load(make_book, ["マイナ保険証", "性別"], [("1980/1/1", "", "有", "男"), ("1980/1/1", "", "無", "男"),
                                                   ("1980/1/1", "", None, "男")])
    decided = [rules("by-registration", loaded).decide(m) for m in loaded.members]
    assert [d.document for d in decided] == [NOTICE, CERTIFICATE, None]
    assert [p.code for p in decided[2].problems] == ["MYNA_CARD_REQUIRED"]
    assert "「有」または「無」" in decided[2].problems[0].message
    assert decided[1].dates.valid_until == D(2030, 11, 30)


def test_certificate_row_checks(make_book):
    loaded = load(make_book, ["性別"], [
        (None, "", "男"),                # no 生年月日
        ("1954/3/1", "", "女"),          # 71 on the issue date, no 負担割合
        ("1954/3/1", "2割", ""),         # 70–74 with its ratio, but no 性別
        ("1960/3/1", "", "男"),          # 65: no ratio needed
        ("1950/12/1", "", "男"),         # 75th birthday on the issue date: expired
    ])
    decided = [rules(CERTIFICATE, loaded).decide(m) for m in loaded.members]
    assert [[p.code for p in d.problems] for d in decided] == [
        ["BIRTH_REQUIRED"], ["RATIO_REQUIRED"], ["SEX_REQUIRED"], [], []]
    assert decided[1].problems[0].column == "負担割合" and decided[1].problems[0].row == 3
    assert decided[2].dates.elderly and decided[2].dates.effective_from == D(2024, 3, 1)
    assert not decided[3].dates.elderly
    assert decided[4].dates.expired


def test_a_run_that_needs_a_missing_column_cannot_start(make_book):
    loaded = load(make_book, [], [("1980/1/1", "")])
    assert rules(NOTICE, loaded).missing_column(loaded.labels) is None
    assert "マイナ保険証" in rules("by-registration", loaded).missing_column(loaded.labels)
    assert "性別" in rules(CERTIFICATE, loaded).missing_column(loaded.labels)
    assert rules(CERTIFICATE, loaded, print_sex=False).missing_column(loaded.labels) is None


def test_profile_keys_of_the_certificate():
    profile = load_profile()
    assert profile.issue.kind == "notice"
    assert profile.packing.leaflets == (Leaflet("green", ("notice",)), Leaflet("blue", ("notice",)))
    custom = profile_from_mapping({
        "issue": {"kind": "by-registration"}, "run": {"issue_date": ISSUE},
        "certificate": {"valid_until": D(2030, 11, 30), "back_side": True},
        "packing": {"leaflets": [{"name": "leaflet2025", "documents": ["certificate", "notice"]}]},
    })
    assert custom.certificate.back_side and custom.packing.leaflets == (
        Leaflet("leaflet2025", ("certificate", "notice")),)
    again = profile_from_mapping(__import__("tomllib").loads(dump_profile(custom, complete=True)))
    assert again == custom


@pytest.mark.parametrize("mapping, key", [
    ({"issue": {"kind": "both"}}, "issue.kind"),
    ({"issue": {"kind": "certificate"}, "run": {"issue_date": ISSUE}, "certificate": {"valid_until": D(2030, 12, 2)}},
     "certificate.valid_until"),
    ({"issue": {"kind": "certificate"}, "certificate": {"valid_until": D(2024, 8, 6)}}, "certificate.valid_until"),
    ({"packing": {"leaflets": [{"name": "green"}, {"name": "green"}]}}, "packing.leaflets[2].name"),
    ({"packing": {"leaflets": [{"name": "g", "documents": ["flyer"]}]}}, "packing.leaflets[1].documents"),
    ({"packing": {"leaflets": [{"name": "g", "colour": "red"}]}}, "packing.leaflets[1].colour"),
])
def test_profile_errors_name_the_key(mapping, key):
    with pytest.raises(ProfileError) as info:
        profile_from_mapping(mapping)
    assert info.value.key == key and key in str(info.value)


def test_a_far_expiry_is_fine_while_the_run_issues_notices_only():
    profile = profile_from_mapping({"run": {"issue_date": ISSUE}, "certificate": {"valid_until": D(2035, 1, 1)}})
    assert profile.issue.kind == "notice"
