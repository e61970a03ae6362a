"""Project-wide test settings.

Tests that need an external program are marked (``poppler``: pdftoppm /
pdftotext; ``postgres``: a PostgreSQL server named by
``OSHIRASE_TEST_PG_URL``). On a developer machine without it they are skipped with the
package to install; under CI (``CI`` set) they always run, so a missing
install step fails loudly instead of hiding behind a skip.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

# The app's per-user folder (support log, window settings) of every test and
# of the programs the tests start: never the developer's own.
os.environ.setdefault("OSHIRASE_DATA_DIR", tempfile.mkdtemp(prefix="oshirase-test-data-"))

TOOLS = {
    "poppler": (("pdftoppm", "pdftotext"), "poppler-utils"),
    "makensis": (("makensis",), "nsis"),
    "wine": (("wine", "wineserver"), "wine wine32"),
}
# Markers that need a running service, found through an environment variable.
SERVICES = {
    "postgres": ("OSHIRASE_TEST_PG_URL", "postgresql",
                 'apt-get install postgresql; eval "$(bash tools/start_test_postgres.sh)"'),
}


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CI"):
        return
    for marker, (programs, package) in TOOLS.items():
        if all(shutil.which(p) for p in programs):
            continue
        skip = pytest.mark.skip(reason=f"{package} is not installed (apt-get install {package})")
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)
    for marker, (variable, package, how) in SERVICES.items():
        if os.environ.get(variable):
            continue
        skip = pytest.mark.skip(reason=f"no {package} server: {variable} is not set ({how})")
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_ledger(tmp_path_factory, monkeypatch):
    """Runs record into a ledger of the test's own (``OSHIRASE_LEDGER``), never the user's.

    It lives in a folder of its own, so a test's ``tmp_path`` holds only what the test wrote.
    """
    monkeypatch.setenv("OSHIRASE_LEDGER", str(tmp_path_factory.mktemp("ledger") / "ledger.sqlite3"))
