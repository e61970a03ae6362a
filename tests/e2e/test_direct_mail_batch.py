"""Direct mail end to end: `main.py batch` on the mail sample, and the 2024 path unchanged."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from tests.e2e.test_batch_cli import batch, pdf_text, read_csv
from tests.engine.test_barcode_measured import barcode_bars, check_bars, filled_rects

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
BOOK = SAMPLES / "sample-mail.xlsx"
PROFILE = SAMPLES / "sample-mail.toml"
EXPECTED = json.loads((SAMPLES / "sample-mail-expected.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.poppler


@pytest.fixture(scope="module")
def mail_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("mail") / "out"
    proc = batch(BOOK, "--profile", PROFILE, "--out", out)
    assert proc.returncode == 0, proc.stderr.decode()
    return out


def test_the_group_is_its_own_file_after_the_employers(mail_run):
    names = sorted(p.name for p in mail_run.iterdir())
    assert names == sorted(["1_株式会社サンプル電機.pdf", "2_サンプル精工株式会社.pdf", "direct_mail.pdf",
                            "direct_mail.csv", "manifest.csv", "excluded.csv", "packing.csv", "profile.toml"])
    files = list(dict.fromkeys(r["file"] for r in read_csv(mail_run / "manifest.csv")))
    assert files[-1] == "direct_mail.pdf"


def test_direct_mail_csv_has_one_row_per_envelope_in_mailing_order(mail_run):
    rows = read_csv(mail_run / "direct_mail.csv")
    assert list(rows[0]) == ["postal_code", "address", "addressee", "kigo", "bango", "documents", "barcode_data"]
    assert [f"{r['kigo']}-{r['bango']}" for r in rows] == EXPECTED["mailed_order"]
    assert [r["postal_code"].replace("-", "") for r in rows] == EXPECTED["mailed_postal_codes"]
    assert {f"{r['kigo']}-{r['bango']}": r["addressee"] for r in rows} == EXPECTED["addressees"]
    assert sum(int(r["documents"]) for r in rows) == EXPECTED["mailed_notices"]
    barcodes = {f"{r['kigo']}-{r['bango']}": r["barcode_data"] for r in rows}
    for household, data in EXPECTED["barcodes"].items():
        assert barcodes[household] == data, household
    霞が関 = next(r for r in rows if r["kigo"] == "11")
    assert 霞が関["address"] == "東京都千代田区霞が関1丁目3番2号　郵便プラザ503室"


def test_packing_has_a_mail_row_and_employers_keep_theirs(mail_run):
    rows = read_csv(mail_run / "packing.csv")
    mail = rows[-1]
    assert (mail["employer_name"], mail["container"]) == ("自宅送付", "郵送")
    assert (int(mail["envelopes"]), int(mail["notices"])) == (EXPECTED["mailed_envelopes"], EXPECTED["mailed_notices"])
    others = {r["employer_code"]: int(r["envelopes"]) for r in rows[:-1]}
    assert others == EXPECTED["envelopes_per_employer"]


def test_manifest_rows_keep_each_members_own_employer_code(mail_run):
    rows = [r for r in read_csv(mail_run / "manifest.csv") if r["file"] == "direct_mail.pdf"]
    assert rows[0]["document"] == "list" and rows[0]["first_page"] == "1"
    assert "cover" not in {r["document"] for r in rows}
    notices = [r for r in rows if r["document"] == "notice"]
    households = list(dict.fromkeys(f"{r['kigo']}-{r['bango']}" for r in notices))
    assert households == EXPECTED["mailed_order"]
    codes = {f"{r['kigo']}-{r['bango']}": r["employer_code"] for r in notices}
    assert codes["11-1003"] == "1" and codes["2020-20002"] == "2" and codes["9000-1"] == "9999"


def test_the_mail_pdf_is_the_list_then_the_addressed_notices(mail_run):
    pdf = mail_run / "direct_mail.pdf"
    reader = PdfReader(pdf)
    notices = [r for r in read_csv(mail_run / "manifest.csv") if r["file"] == "direct_mail.pdf"
               and r["document"] == "notice"]
    assert len(reader.pages) == int(notices[-1]["last_page"])
    text = pdf_text(pdf)
    assert "発送リスト" in text and "事業主" not in text
    for area, count in EXPECTED["counts_by_area"].items():
        assert re.search(rf"{area}\s+{count}通", text), area
    first = {}
    for r in notices:
        first.setdefault(f"{r['kigo']}-{r['bango']}", int(r["first_page"]))
    for household, page in first.items():
        page_text = reader.pages[page - 1].extract_text()
        postal = EXPECTED["mailed_postal_codes"][EXPECTED["mailed_order"].index(household)]
        assert f"〒{postal[:3]}-{postal[3:]}" in page_text, household
        bars = barcode_bars(filled_rects(pdf, page - 1), 1.0)
        assert len(bars) == 67, household


def test_the_barcode_on_a_printed_page_measures_right(mail_run):
    pdf = mail_run / "direct_mail.pdf"
    rows = read_csv(mail_run / "direct_mail.csv")
    notices = [r for r in read_csv(mail_run / "manifest.csv") if r["file"] == "direct_mail.pdf"
               and r["document"] == "notice"]
    from print_engine.mail.barcode import customer_barcode

    for row in rows:
        page = next(int(r["first_page"]) for r in notices if (r["kigo"], r["bango"]) == (row["kigo"], row["bango"]))
        letters = customer_barcode(row["postal_code"], row["address"]).bars
        check_bars(barcode_bars(filled_rects(pdf, page - 1), 1.0), letters, 1.0)


@pytest.mark.parametrize("split", ["run", "pages:5"])
def test_every_split_puts_the_group_last(tmp_path, split):
    proc = batch(BOOK, "--profile", PROFILE, "--out", tmp_path / "out", "--split", split)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_csv(tmp_path / "out" / "manifest.csv")
    notices = [r for r in rows if r["document"] == "notice"]
    tail = list(dict.fromkeys(f"{r['kigo']}-{r['bango']}" for r in notices))[-len(EXPECTED["mailed_order"]):]
    assert tail == EXPECTED["mailed_order"]
    assert (tmp_path / "out" / "direct_mail.csv").is_file()
    assert not (tmp_path / "out" / "direct_mail.pdf").exists()


def test_a_reissue_of_a_mailed_household_is_mailed_again(tmp_path):
    proc = batch(BOOK, "--profile", PROFILE, "--out", tmp_path / "out", "--variant", "reissue",
                 "--household", "9000-1")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_csv(tmp_path / "out" / "direct_mail.csv")
    assert [(r["kigo"], r["bango"]) for r in rows] == [("9000", "1")]
    page = PdfReader(tmp_path / "out" / "direct_mail.pdf").pages[0].extract_text()
    assert "〒100-0013" in page


def test_a_mailed_household_without_a_postal_code_is_held(tmp_path):
    wb = openpyxl.load_workbook(BOOK)
    ws = wb.active
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if (row[header.index("記号")].value, row[header.index("番号")].value) == ("9000", "1"):
            row[header.index("郵便番号")].value = "100-001"
    book = tmp_path / "book.xlsx"
    wb.save(book)
    check = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(book), "--profile", str(PROFILE)],
                           capture_output=True, cwd=ROOT, timeout=120)
    out = check.stdout.decode("utf-8")
    assert check.returncode == 1, out
    assert "郵便番号が 7 桁の数字ではありません" in out and "100-001" in out
    proc = batch(book, "--profile", PROFILE, "--out", tmp_path / "out")
    assert proc.returncode == 1, proc.stderr.decode()
    excluded = {(r["kigo"], r["bango"], r["edaban"]): r["reason_code"]
                for r in read_csv(tmp_path / "out" / "excluded.csv")}
    assert excluded[("9000", "1", "00")] == "INVALID" and excluded[("9000", "1", "01")] == "HELD"
    mailed = [(r["kigo"], r["bango"]) for r in read_csv(tmp_path / "out" / "direct_mail.csv")]
    assert ("9000", "1") not in mailed and len(mailed) == EXPECTED["mailed_envelopes"] - 1


def _pdf_digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.pdf"))}


def test_the_2024_path_is_byte_identical(tmp_path):
    """No [direct_mail] employers and no 送付先 column: the same PDFs, whatever barcode_pt says."""
    plain = tmp_path / "plain"
    assert batch(SAMPLES / "sample.xlsx", "--out", plain).returncode == 0
    profile = tmp_path / "p.toml"
    profile.write_text("[direct_mail]\nemployers = []\nbarcode_pt = 11.5\n", encoding="utf-8")
    with_section = tmp_path / "section"
    assert batch(SAMPLES / "sample.xlsx", "--profile", profile, "--out", with_section).returncode == 0
    assert _pdf_digests(plain) == _pdf_digests(with_section)
    assert not list(plain.glob("direct_mail*"))
    assert "郵送" not in (plain / "packing.csv").read_text(encoding="utf-8-sig")
