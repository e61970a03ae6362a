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
