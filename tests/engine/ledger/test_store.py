"""The ledger store on both backends: schema, runs, documents, queries, void, purge."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from print_engine.ledger import schema
from print_engine.ledger.fingerprint import fingerprint, member_key
from print_engine.ledger.location import LedgerError, location_of
from print_engine.ledger.recording import RunCounts, RunRecorder, document_row, resolve_run, run_info
from print_engine.ledger.store import open_ledger

from .conftest import member


def record(ledger, members, status="committed", employer="1", file="1_テスト.pdf", kind="notice"):
    rec = RunRecorder(ledger, run_info("export", "initial", output="/out"))
    rec.start()
    rows = [document_row(kind, m, m.employer_code or employer, file, i + 1, "") for i, m in enumerate(members)]
    rec.record(rows, counts=RunCounts(notices=len(rows)))
    if status == "committed":
        rec.commit()
    elif status != "pending":
        rec.give_up(status)
    return rec.run_id


def test_first_use_creates_the_schema_with_its_version(ledger_url):
    with open_ledger(location_of(ledger_url)) as led:
        with led.reading() as conn:
            assert conn.execute(select(schema.version_table.c.version)).scalars().all() == [schema.SCHEMA_VERSION]
        assert led.runs() == []
    with open_ledger(location_of(ledger_url)) as led:  # opening again changes nothing
        with led.reading() as conn:
            assert conn.execute(select(schema.version_table.c.version)).scalars().all() == [schema.SCHEMA_VERSION]


def test_a_newer_ledger_is_refused_and_left_unchanged(ledger):
    run_id = record(ledger, [member()])
    with ledger.writing() as conn:
        conn.execute(schema.version_table.update().values(version=schema.SCHEMA_VERSION + 1))
    with pytest.raises(LedgerError, match="新しい版のアプリ.*アプリを更新"):
        open_ledger(ledger.location)
    assert [r["id"] for r in ledger.runs()] == [run_id]
    assert ledger.document_count() == 1


def test_an_older_ledger_is_migrated_once_in_one_transaction(ledger, monkeypatch):
    record(ledger, [member()])
    calls = []
    now = schema.SCHEMA_VERSION

    def add_column(conn):
        calls.append(1)
        conn.execute(text("ALTER TABLE runs ADD COLUMN migrated_note VARCHAR(10) DEFAULT ''"))

    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    monkeypatch.setitem(schema.MIGRATIONS, now, add_column)
    import print_engine.ledger.store as store

    monkeypatch.setattr(store, "SCHEMA_VERSION", now + 1)
    with open_ledger(ledger.location) as led:
        with led.reading() as conn:
            assert conn.execute(select(schema.version_table.c.version)).scalars().all() == [now + 1]
            assert conn.execute(text("SELECT migrated_note FROM runs")).scalars().all() == [""]
    open_ledger(ledger.location).close()
    assert calls == [1]


def test_a_failing_migration_leaves_the_ledger_as_it_was(ledger, monkeypatch):
    record(ledger, [member()])
    now = schema.SCHEMA_VERSION

    def half_done(conn):
        conn.execute(text("ALTER TABLE runs ADD COLUMN half VARCHAR(10)"))
        conn.execute(text("SELECT no_such_column FROM runs"))

    import print_engine.ledger.store as store

    monkeypatch.setattr(store, "SCHEMA_VERSION", now + 1)
    monkeypatch.setitem(schema.MIGRATIONS, now, half_done)
    with pytest.raises(LedgerError):
        open_ledger(ledger.location)
    with ledger.reading() as conn:
        assert conn.execute(select(schema.version_table.c.version)).scalars().all() == [now]
        columns = conn.execute(select(schema.runs)).keys()
    assert "half" not in columns


def test_a_version_1_ledger_is_brought_to_version_2_with_its_documents(ledger):
    """Version 2: no foreign key from documents to runs on PostgreSQL (its row-by-row check is slow)."""
    from sqlalchemy import inspect

    run_id = record(ledger, [member(), member(bango="2")])
    postgres = not ledger.location.is_sqlite
    with ledger.writing() as conn:  # as version 1 made it: the key on both backends
        if postgres:
            conn.execute(text("ALTER TABLE documents ADD CONSTRAINT documents_run_id_fkey "
                              "FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE"))
        conn.execute(schema.version_table.update().values(version=1))
    with open_ledger(ledger.location) as led:
        with led.reading() as conn:
            assert conn.execute(select(schema.version_table.c.version)).scalars().all() == [schema.SCHEMA_VERSION]
            keys = inspect(conn).get_foreign_keys("documents")
        assert led.document_count(run_id) == 2
        assert [r["run_id"] for r in led.history("10", "2", "00")] == [run_id]
    assert (keys == []) if postgres else ([k["referred_table"] for k in keys] == ["runs"])


def test_history_lists_a_members_documents_newest_first(ledger):
    first = record(ledger, [member(), member(edaban="01", name="試験 花子")])
    second = record(ledger, [member()])
    rows = ledger.history("10", "100", "00")
    assert [(r["run_id"], r["name"], r["page"]) for r in rows] == [(second, "試験 太郎", 1), (first, "試験 太郎", 1)]
    household = ledger.history("10", "100")
    assert sorted(r["edaban"] for r in household) == ["00", "00", "01"]
    assert ledger.history("10", "999") == []


def test_only_issued_documents_of_committed_runs_count(ledger):
    a, b, c = member(bango="1"), member(bango="2"), member(bango="3")
    record(ledger, [a])
    record(ledger, [b], status="pending")
    record(ledger, [member(bango="1")], status="pending")  # a later, unfinished run of the same document
    voided = record(ledger, [c])
    assert ledger.void(voided) == 1
    record(ledger, [c], status="failed")
    found = ledger.latest_fingerprints("notice", [member_key("10", n, "00") for n in "123"])
    assert found == {"10-1-00": fingerprint(a)}
    assert ledger.latest_fingerprints("certificate", ["10-1-00"]) == {}


def test_the_latest_document_decides_even_when_a_name_changed_back(ledger):
    record(ledger, [member(name="旧姓 花子")])
    record(ledger, [member(name="新姓 花子")])
    assert ledger.latest_fingerprints("notice", ["10-100-00"]) == {"10-100-00": fingerprint(member(name="新姓 花子"))}


def test_many_keys_are_looked_up_in_chunks(ledger):
    ms = [member(bango=str(n)) for n in range(12_000)]
    record(ledger, ms)
    found = ledger.latest_fingerprints("notice", [member_key("10", str(n), "00") for n in range(0, 12_000, 2)])
    assert len(found) == 6_000


def test_many_keys_looked_up_in_two_halves_at_once_give_the_same_answer(ledger, monkeypatch):
    from print_engine.ledger import store

    old = [member(bango=str(n), name="旧姓") for n in range(0, 300, 3)]  # a name changed since: the later counts
    ms = [member(bango=str(n)) for n in range(300)]
    record(ledger, old)
    record(ledger, ms)
    record(ledger, ms[:50], kind="certificate")
    keys = [member_key("10", str(n), "00") for n in range(0, 400, 2)]  # some never issued
    whole = ledger.latest_by_kind(keys)
    monkeypatch.setattr(store, "PARALLEL_LOOK_UP_KEYS", 10)
    halves = ledger.latest_by_kind(keys)
    assert halves == whole
    # the latest of each key (not the old name), in either half; none for keys never issued
    assert whole["notice"] == {member_key("10", str(n), "00"): fingerprint(member(bango=str(n))) for n in range(0, 300, 2)}
    assert len(whole["certificate"]) == 25


def test_codes_holding_control_characters_are_looked_up_all_the_same(ledger):
    # The look-up joins keys and rows with \x1e / \x1f; a code cell may hold them (the reader keeps
    # inner characters), and then the keys go as an array (PostgreSQL) or the rows come one by one
    # (SQLite), with the same answer.
    odd = [member(bango="1\x1f2"), member(bango="3\x1e4"), member(kigo="\t\\", bango="5\n")]
    plain = [member(bango=str(n)) for n in range(6, 9)]
    record(ledger, odd + plain)
    keys = [member_key(m.kigo, m.bango, m.edaban) for m in odd + plain] + ["10-99-00"]
    want = {member_key(m.kigo, m.bango, m.edaban): fingerprint(m) for m in odd + plain}
    assert ledger.latest_fingerprints("notice", keys) == want
    assert ledger.latest_fingerprints("notice", keys[3:]) == {k: want[k] for k in keys[3:6]}  # the joined path
    assert ledger.history("\t\\", "5\n")[0]["bango"] == "5\n"  # recorded as written (COPY's escapes)


def test_void_by_employer_and_member(ledger):
    run = record(ledger, [member(bango="1", employer="1"), member(bango="2", employer="2"),
                          member(bango="3", employer="2")])
    assert ledger.void(run, employers=["2"], members=["10-3-00"]) == 1
    assert ledger.void(run, employers=["2"]) == 1
    assert sorted(r["status"] for r in ledger.history("10", "1") + ledger.history("10", "2")) == ["issued", "voided"]
    with pytest.raises(LedgerError, match="実行番号 999"):
        ledger.void(999)


def test_purge_deletes_old_documents_and_empty_runs_but_keeps_pending(ledger):
    old = record(ledger, [member(bango="1")])
    pending = record(ledger, [member(bango="2")], status="pending")
    long_ago = datetime(2020, 1, 1, tzinfo=timezone.utc)
    with ledger.writing() as conn:
        conn.execute(schema.runs.update().values(started_at=long_ago, finished_at=long_ago))
    new = record(ledger, [member(bango="3")])
    cutoff = datetime.now(timezone.utc) - timedelta(days=1)
    assert ledger.purge_counts(cutoff) == (1, 1)
    assert ledger.purge(cutoff) == (1, 1)
    assert {r["id"] for r in ledger.runs()} == {pending, new}
    assert old not in {r["id"] for r in ledger.runs()}
    assert ledger.purge(cutoff) == (0, 0)


def test_resolve_commits_a_complete_export_and_voids_an_incomplete_one(ledger, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.csv").write_bytes(b"\xef\xbb\xbffile\r\n")
    from print_engine.ledger.recording import file_sha256

    done = RunRecorder(ledger, run_info("export", "initial", output=str(out)))
    done.start()
    done.record([document_row("notice", member(), "1", "a.pdf", 1, "")], manifest_sha256=file_sha256(out / "manifest.csv"))
    lost = RunRecorder(ledger, run_info("export", "initial", output=str(tmp_path / "never")))
    lost.start()
    lost.record([document_row("notice", member(bango="2"), "1", "a.pdf", 1, "")], manifest_sha256="0" * 64)
    assert {r["id"] for r in ledger.pending_runs()} == {done.run_id, lost.run_id}
    done.lock.release(), lost.lock.release()  # as if their processes had died (test_liveness.py kills one)
    assert resolve_run(ledger, done.run_id) == "committed"
    assert resolve_run(ledger, lost.run_id) == "failed"
    assert ledger.pending_runs() == []
    assert ledger.history("10", "2")[0]["status"] == "voided"
    assert ledger.latest_fingerprints("notice", ["10-100-00", "10-2-00"]).keys() == {"10-100-00"}
    assert resolve_run(ledger, done.run_id) == "committed"  # settled runs stay as they are


def test_no_my_number_digit_anywhere_in_the_ledger(ledger):
    m = member(mynumber4="4821", name="試験 次郎")
    record(ledger, [m])
    with ledger.reading() as conn:
        values = [v for t in (schema.runs, schema.documents) for row in conn.execute(select(t)) for v in row]
    assert values and not any("4821" in str(v) for v in values)
    assert fingerprint(m) == fingerprint(member(mynumber4="0000", name="試験 次郎"))


def test_the_fingerprint_follows_printed_fields_only():
    base = member()
    assert fingerprint(base) != fingerprint(member(name="試験 太朗"))
    assert fingerprint(base) != fingerprint(member(burden_ratio="3割"))
    assert fingerprint(base) == fingerprint(member(employer="2", affiliation="X"))  # not printed on the notice
    cert = member(continuation_end=None)
    assert fingerprint(cert, "certificate") != fingerprint(member(continuation_end=datetime(2026, 1, 1).date()), "certificate")
    assert fingerprint(cert, "notice") == fingerprint(member(continuation_end=datetime(2026, 1, 1).date()), "notice")


def test_rows_in_bulk_are_the_rows_one_by_one():
    from print_engine.ledger.recording import document_rows

    ms = [member(bango=str(n), name=f"試験 {n}") for n in range(5)] + [member(continuation_end=None)]
    one = [tuple(document_row(k, m, "1", "f.pdf", 3, "RETURN")) for m in ms for k in ("notice", "certificate")]
    bulk = document_rows((k, m, "1", "f.pdf", 3, "RETURN") for m in ms for k in ("notice", "certificate"))
    assert bulk == one
