"""The print stream: page numbers, file splitting and the manifest rows."""

import pytest

from print_engine.model import Employer, Envelope, Member, Shipment
from print_engine.output.records import manifest_rows
from print_engine.output.stream import build_stream, employer_file_name, safe_file_name


def env(bango, n, employer="1"):
    members = [Member(sheet="s", row=i, kigo="10", bango=bango, edaban=f"{i:02d}", name=f"名{i}",
                      employer_code=employer) for i in range(n)]
    return Envelope(employer, "", "10", bango, members, members[0])


def ship(code, *sizes, name="甲社"):
    return Shipment(Employer(code, name), [env(str(i), n, code) for i, n in enumerate(sizes)])


def pages_of(files):
    return [(f.name, f.pages) for f in files]


def test_employer_split_cover_list_then_notices():
    files = build_stream([ship("1", 2, 1), ship("2", 3)], "employer", True, lambda s: 2)
    assert pages_of(files) == [("1_甲社.pdf", 6), ("2_甲社.pdf", 6)]
    docs = [(e.document, e.first_page, e.last_page) for e in files[0].entries]
    assert docs == [("cover", 1, 1), ("list", 2, 3), ("notice", 4, 4), ("notice", 5, 5), ("notice", 6, 6)]
    assert [e.first_in_envelope for e in files[0].entries[2:]] == [True, False, True]


def test_notices_only():
    files = build_stream([ship("1", 2)], "run", False, lambda s: 5)
    assert [e.document for e in files[0].entries] == ["notice", "notice"]


def test_run_split_one_file_numbered_through():
    files = build_stream([ship("1", 1), ship("2", 1)], "run", True, lambda s: 1)
    assert pages_of(files) == [("run.pdf", 6)]
    assert [e.first_page for e in files[0].entries] == [1, 2, 3, 4, 5, 6]


def test_pages_split_never_breaks_a_household_or_cover_from_first_envelope():
    files = build_stream([ship("1", 3, 3, 3), ship("2", 4)], "pages:5", True, lambda s: 1)
    # [cover, list, env 3] = 5 | env 3 | env 3 | [cover, list, env 4] = 6 (may exceed N)
    assert pages_of(files) == [("run-001.pdf", 5), ("run-002.pdf", 3), ("run-003.pdf", 3), ("run-004.pdf", 6)]
    assert [e.document for e in files[3].entries[:2]] == ["cover", "list"]
    seen = {}
    for f in files:
        for e in f.entries:
            if e.document == "notice":
                seen.setdefault((e.shipment.employer.code, e.envelope.bango), set()).add(f.name)
    assert all(len(names) == 1 for names in seen.values())


def test_pages_split_household_larger_than_n_gets_its_own_file():
    files = build_stream([ship("1", 1, 7)], "pages:4", False, lambda s: 1)
    assert pages_of(files) == [("run-001.pdf", 1), ("run-002.pdf", 7)]


@pytest.mark.parametrize("name, expected", [
    ('A/B:C*D?"E"<F>|G', "A_B_C_D__E__F__G"),
    ("株式会社 テスト.", "株式会社 テスト"),
])
def test_safe_file_names(name, expected):
    assert safe_file_name(name) == expected


def test_employer_file_name_uses_code_and_name():
    assert employer_file_name(ship("007", 1, name="東京/本社")) == "007_東京_本社.pdf"


def test_manifest_rows_one_per_document_with_member_fields():
    s = ship("1", 2)
    env = s.envelopes[0]
    env.flags = {env.members[1]: "RETURN"}
    s.envelopes[0].members[0].affiliation = "A1"
    files = build_stream([s], "employer", True, lambda s: 2)
    rows = manifest_rows(files)
    assert rows[0] == ("1_甲社.pdf", 1, 1, "1", "", "cover", "", "", "", "", "")
    assert rows[1] == ("1_甲社.pdf", 2, 3, "1", "", "list", "", "", "", "", "")
    assert rows[2] == ("1_甲社.pdf", 4, 4, "1", "A1", "notice", "10", "0", "00", "名0", "")
    assert rows[3][-1] == "RETURN"
