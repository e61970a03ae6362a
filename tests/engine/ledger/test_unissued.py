"""A member's state against the ledger: 未発行 / 発行済 / 前回から変更."""

from __future__ import annotations

from print_engine.ledger.fingerprint import manifest_fingerprint, member_key
from print_engine.ledger.recording import RunRecorder, document_row, run_info
from print_engine.ledger.unissued import CHANGED, ISSUED, NEW, issue_states

from .conftest import member


def commit(ledger, rows):
    rec = RunRecorder(ledger, run_info("export", "initial"))
    rec.start()
    rec.record(rows)
    rec.commit()


def test_new_issued_and_changed(ledger):
    same, renamed, fresh = member(bango="1"), member(bango="2"), member(bango="3")
    commit(ledger, [document_row("notice", m, "1", "a.pdf", 1, "") for m in (same, renamed)])
    now = [member(bango="1"), member(bango="2", name="改姓 太郎"), fresh]
    states = issue_states(ledger, now)
    assert [states.of(m) for m in now] == [ISSUED, CHANGED, NEW]
    assert states.counts() == {ISSUED: 1, CHANGED: 1, NEW: 1}


def test_kinds_are_separate(ledger):
    m = member()
    commit(ledger, [document_row("notice", m, "1", "a.pdf", 1, "")])
    states = issue_states(ledger, [m], kind_of=lambda _m: "certificate")
    assert states.of(m) == NEW


def test_an_imported_document_is_compared_on_number_and_name(ledger):
    row = document_row("notice", member(), "1", "a.pdf", 1, "")._replace(
        fingerprint=manifest_fingerprint("notice", "10", "100", "00", "試験 太郎"))
    commit(ledger, [row])
    kept, renamed = member(kana="ちがう"), member(name="改姓 太郎")
    assert issue_states(ledger, [kept]).of(kept) == ISSUED  # fields a manifest does not know do not count
    assert issue_states(ledger, [renamed]).of(renamed) == CHANGED
    assert member_key("10", "100", "00") == "10-100-00"


def test_the_look_up_started_early_gives_the_same_states_for_a_mixed_run(ledger):
    from print_engine.ledger.unissued import states_provider

    notice, cert, both = member(bango="1"), member(bango="2"), member(bango="3")
    commit(ledger, [document_row("notice", notice, "1", "a.pdf", 1, ""),
                    document_row("certificate", cert, "1", "a.pdf", 2, ""),
                    document_row("notice", both, "1", "a.pdf", 3, "")])
    loaded = [member(bango="1"), member(bango="2"), member(bango="3", name="改姓 太郎"), member(bango="4")]
    kinds = {"1": "notice", "2": "certificate", "3": "notice", "4": "certificate"}
    kind_of = lambda m: kinds[m.bango]  # noqa: E731 - decided by the rules, after the look-up started
    lookup = states_provider(ledger, loaded)  # asked before the rules say who gets which document
    early = lookup(loaded[:3], kind_of)  # the rules left out the fourth
    assert [early[m] for m in loaded[:3]] == [ISSUED, ISSUED, CHANGED]
    assert loaded[3] not in early
    late = issue_states(ledger, loaded[:3], kind_of)
    assert early == late.states
    # the certificate of member 2 does not count as the notice it would get now
    assert lookup([loaded[1]], lambda _m: "notice") == {loaded[1]: NEW}


def test_a_ledger_fault_on_the_look_up_thread_reaches_the_planner(ledger, monkeypatch):
    import pytest

    from print_engine.ledger.location import LedgerError
    from print_engine.ledger.unissued import states_provider

    def broken(*_a, **_k):
        raise LedgerError("発行台帳に接続できません（試験）。")

    monkeypatch.setattr(type(ledger), "latest_by_kind", broken)
    lookup = states_provider(ledger, [member()])
    with pytest.raises(LedgerError, match="接続できません"):
        lookup([member()], lambda _m: "notice")


def _planned(make_book, rows):
    from datetime import date

    from print_engine.plan.run import load_members
    from print_engine.profile.schema import RunProfile

    from ..conftest import row

    profile = RunProfile()
    return load_members(make_book([row(**r) for r in rows]), profile), profile, date(2024, 8, 7)


def test_a_run_without_unissued_asks_the_ledger_only_when_its_states_are_used(make_book):
    from print_engine.plan.run import plan_run

    loaded, profile, day = _planned(make_book, [{"bango": "1"}, {"bango": "2", "name": "改姓 太郎"}])
    asked = []

    def issued(members, kind_of):
        asked.append([m.bango for m in members])
        return {m: ISSUED for m in members}

    plan = plan_run(loaded, profile, day, issued=issued)
    assert asked == []  # planned without waiting for the ledger
    assert list(plan.issue_states.values()) == [ISSUED, ISSUED]
    assert plan.issue_states is plan.issue_states and asked == [["1", "2"]]  # asked once
    left_out = plan_run(loaded, profile, day, issued=issued, unissued=True)
    assert len(asked) == 2 and left_out.counts()["included"] == 0  # --unissued needs the answer to plan


def test_the_recording_takes_the_fingerprints_the_look_up_made(ledger, make_book, monkeypatch):
    import pytest

    from print_engine.ledger import fingerprint as fingerprint_module
    from print_engine.ledger import recording
    from print_engine.ledger.bulk import DocumentRow
    from print_engine.ledger.fingerprint import fingerprint
    from print_engine.ledger.run_records import file_documents
    from print_engine.ledger.unissued import states_provider
    from print_engine.output.run_output import prepare_output
    from print_engine.plan.run import plan_run

    loaded, profile, day = _planned(make_book, [{"bango": "1"}, {"bango": "2"}])
    commit(ledger, [document_row("notice", loaded.members[0], "1", "a.pdf", 1, "")])
    lookup = states_provider(ledger, loaded.members)
    plan = plan_run(loaded, profile, day, issued=lookup)
    lookup.wait()
    made = []
    texts = fingerprint_module._texts
    monkeypatch.setattr(fingerprint_module, "_texts", lambda members, kind: made.extend(members) or texts(members, kind))
    monkeypatch.setattr(fingerprint_module, "fingerprint", lambda m, kind="notice": made.append(m) or fingerprint(m, kind))
    monkeypatch.setattr(recording, "RunFingerprints", lambda: pytest.fail("the rows made their own fingerprints"))
    rows = [DocumentRow(*r) for spec in prepare_output(plan, split="employer").files
            for r in file_documents(plan, spec)]
    assert [r.fingerprint for r in rows] == [fingerprint(m) for m in loaded.members]
    assert made == []  # made once, by the look-up's thread, not again for the rows
    assert [plan.issue_states[m] for m in loaded.members] == [ISSUED, NEW]


def test_closing_the_ledger_waits_for_its_look_ups(ledger):
    import threading

    started, ended = threading.Event(), []

    def slow():
        started.set()
        threading.Event().wait(0.3)
        ended.append(True)

    ledger.in_background(slow, name="slow-look-up")
    started.wait(5)
    ledger.close()
    assert ended == [True]


def test_a_look_up_fault_in_a_batch_without_unissued_still_writes_nothing(ledger_url, make_book, tmp_path,
                                                                          monkeypatch, capsys):
    from print_engine.cli.main import main as cli_main
    from print_engine.ledger.location import LedgerError, location_of
    from print_engine.ledger.store import Ledger, open_ledger

    from ..conftest import row

    def broken(*_a, **_k):
        raise LedgerError("発行台帳に接続できません（試験）。")

    monkeypatch.setattr(Ledger, "latest_by_kind", broken)
    out = tmp_path / "out"
    code = cli_main(["batch", str(make_book([row()])), "--out", str(out), "--ledger", ledger_url, "--workers", "1"])
    assert code == 2 and "接続できません" in capsys.readouterr().err
    assert not out.exists()
    with open_ledger(location_of(ledger_url)) as led:
        assert [r["status"] for r in led.runs()] == ["failed"] and led.document_count() == 0
