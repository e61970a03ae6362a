"""Ledger faults: one Japanese message, and the ledger left as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from print_engine.ledger.location import LedgerError, choose_ledger, default_ledger_path, location_of
from print_engine.ledger.recording import run_info
from print_engine.ledger.store import open_ledger

from .conftest import PG_ENV


def test_choice_order_option_environment_window_default(tmp_path):
    env = {"OSHIRASE_LEDGER": str(tmp_path / "env.sqlite3")}
    assert choose_ledger(str(tmp_path / "opt.sqlite3"), environ=env, window_setting="w.sqlite3").path.name == "opt.sqlite3"
    assert choose_ledger(None, environ=env, window_setting=str(tmp_path / "w.sqlite3")).path.name == "env.sqlite3"
    assert choose_ledger(None, environ={}, window_setting=str(tmp_path / "w.sqlite3")).path.name == "w.sqlite3"
    assert choose_ledger(None, environ={}).path == default_ledger_path()
    assert choose_ledger(str(tmp_path / "opt.sqlite3"), no_ledger=True, environ=env) is None


def test_the_default_ledger_is_in_the_per_user_folder_which_oshirase_data_dir_moves(tmp_path, monkeypatch):
    monkeypatch.setenv("OSHIRASE_DATA_DIR", str(tmp_path / "portable"))
    assert default_ledger_path() == tmp_path / "portable" / "ledger.sqlite3"
    monkeypatch.delenv("OSHIRASE_DATA_DIR")
    assert default_ledger_path().parts[-2:] == ("Oshirase", "ledger.sqlite3")


def test_postgres_urls_use_psycopg_and_hide_the_password():
    loc = location_of("postgresql://alice:secret@db.example/ledger")
    assert loc.url == "postgresql+psycopg://alice:secret@db.example/ledger"
    assert "secret" not in loc.label and not loc.is_sqlite


@pytest.mark.parametrize("path", [r"\\server\share\ledger.sqlite3", "//server/share/ledger.sqlite3"])
def test_a_sqlite_file_on_a_network_share_is_refused_with_the_reason(path):
    with pytest.raises(LedgerError, match="共有フォルダ.*排他.*PostgreSQL"):
        location_of(path)


def test_other_databases_are_refused():
    with pytest.raises(LedgerError, match="mysql"):
        location_of("mysql://x/y")


def test_a_corrupt_sqlite_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    junk = b"this is not a database, it is a text file written by mistake\n" * 100
    path.write_bytes(junk)
    with pytest.raises(LedgerError, match="壊れているか、台帳ではありません"):
        open_ledger(location_of(path))
    assert path.read_bytes() == junk


def test_a_full_disk_is_reported_and_nothing_is_recorded(tmp_path):
    loc = location_of(tmp_path / "ledger.sqlite3")
    open_ledger(loc).close()
    led = open_ledger(loc)

    @event.listens_for(led.engine, "connect")
    def _full(dbapi_conn, _rec):  # no page may be added: SQLite reports "database or disk is full"
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    led.engine.dispose()
    big = run_info("export", "initial", profile_text="x" * 200_000)
    with pytest.raises(LedgerError, match="ディスクに空きがない"):
        led.begin_run(big)
    led.close()
    with open_ledger(loc) as again:
        assert again.runs() == []


@contextmanager
def read_only(path: Path):
    """The file cannot be written, even by root (who ignores the mode): chmod, or chattr +i."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        yield
        path.chmod(0o644)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("root cannot make a file read-only here (chattr +i unsupported)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_sqlite_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    open_ledger(location_of(path)).close()
    before = path.read_bytes()
    with read_only(path):
        led = open_ledger(location_of(path))  # reading works
        assert led.runs() == []
        with pytest.raises(LedgerError, match="読み取り専用"):
            led.begin_run(run_info("export", "initial"))
        led.close()
    assert path.read_bytes() == before


@pytest.mark.postgres
def test_an_unreachable_server_is_reported():
    with pytest.raises(LedgerError, match="接続できません"):
        open_ledger(location_of("postgresql://oshirase:x@127.0.0.1:1/oshirase_test"))


@pytest.mark.postgres
def test_a_wrong_password_is_reported_without_the_password():
    bad = os.environ[PG_ENV].replace(":oshirase@", ":wrong-secret@")
    with pytest.raises(LedgerError, match="パスワードが違います") as info:
        open_ledger(location_of(bad))
    assert "wrong-secret" not in info.value.message


def test_a_fault_met_by_the_look_up_on_the_drivers_cursor_is_one_message(ledger):
    # The look-up and the recording use the driver's cursor, past SQLAlchemy: a ledger whose
    # documents table is gone (damaged by hand) still gives one Japanese line, not a traceback.
    from sqlalchemy import text

    from print_engine.ledger.unissued import issue_states

    from .conftest import member

    with ledger.writing() as conn:
        conn.execute(text("DROP TABLE documents"))
    with pytest.raises(LedgerError, match="に台帳の表が見つかりません。"):
        issue_states(ledger, [member()])


def test_a_missing_table_and_a_refused_one_are_told_apart_on_postgres():
    # PostgreSQL 10 and older say "permission denied for relation documents"; only a missing
    # table ("relation \"documents\" does not exist") is one.
    from print_engine.ledger.faults import fault_message

    loc = location_of("postgresql://alice:secret@db.example/ledger")
    assert "権限がありません" in fault_message(Exception("permission denied for relation documents"), loc)
    assert "台帳の表が見つかりません" in fault_message(Exception('relation "documents" does not exist'), loc)
