"""Ledger fixtures: every ledger test runs on SQLite and on PostgreSQL.

The PostgreSQL case needs a server: ``OSHIRASE_TEST_PG_URL`` (set by
``eval "$(bash tools/start_test_postgres.sh)"``, which ``.ci/run`` does). Without
it those tests are skipped locally and fail under CI (``tests/conftest.py``).
"""

from __future__ import annotations

import os
from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, text

from print_engine.ledger.location import location_of
from print_engine.ledger.store import open_ledger

PG_ENV = "OSHIRASE_TEST_PG_URL"


def clean_postgres(url: str) -> None:
    engine = create_engine(location_of(url).url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS documents, runs, ledger_version CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger_url(request, tmp_path) -> str:
    """A fresh, empty ledger's ``--ledger`` value on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.sqlite3")
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.fail(f"{PG_ENV} is not set (eval \"$(bash tools/start_test_postgres.sh)\")")
    clean_postgres(url)
    return url


@pytest.fixture
def ledger(ledger_url):
    with open_ledger(location_of(ledger_url)) as led:
        yield led


def member(kigo="10", bango="100", edaban="00", name="試験 太郎", employer="1", affiliation="", **kw):
    """A member row as the recording reads it (only the printed fields matter)."""
    fields = dict(kigo=kigo, bango=bango, edaban=edaban, name=name, kana="シケン タロウ",
                  birth_date=date(1980, 1, 2), acquired=date(2010, 4, 1), burden_ratio="", sex="",
                  employer_code=employer, affiliation=affiliation, mynumber4="9876")
    fields.update(kw)
    return FakeMember(**fields)


class FakeMember(SimpleNamespace):
    """Compared by identity, like ``Member`` (``eq=False``)."""

    __eq__ = object.__eq__
    __hash__ = object.__hash__
