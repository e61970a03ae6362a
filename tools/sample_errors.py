"""The errors sample (``sample-errors.xlsx``) and the broken files.

One member sheet ``加入者`` with the header in row 1 from column A and no
事業所 sheet. Each typical mistake appears once (a row with two mistakes
shows that all errors of a row are listed); the rows around them show which
household members are held back. ``broken/`` holds files that must fail to
load with one clear error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from tools.reference_rules import RefRow, summarize

SHEET = "加入者"
HEADERS = ("事業所コード", "事業所名", "所属コード", "記号", "番号", "枝番", "本人家族区分",
           "氏名", "フリガナ", "生年月日", "資格取得年月日", "資格喪失年月日", "喪失処理日",
           "個人番号下4桁")
NAMES = {"501": "サンプル商事株式会社", "502": "サンプル工業株式会社", "503": "サンプル運輸株式会社"}
KIGO = {"501": "7100", "502": "7200", "503": "7300"}
D = date


@dataclass(slots=True)
class ErrRow:
    """One row of the errors sample: its cells, intent and expected problems."""

    emp: str
    bango: object
    edaban: str
    kubun: object
    name: object
    kana: str
    birth: object = D(1980, 4, 1)
    acquired: object = D(2015, 4, 1)
    lost: object = None
    loss_recorded: object = None
    mynumber: object = "1234"
    emp_name: str = ""
    kigo: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, kind)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""

    def cells(self) -> list[object]:
        return [int(self.emp), self.emp_name or NAMES[self.emp], None, self.kigo or KIGO[self.emp],
                self.bango, self.edaban, self.kubun, self.name, self.kana, self.birth,
                self.acquired, self.lost, self.loss_recorded, self.mynumber]


def error_rows() -> list[ErrRow]:
    """The rows of the errors sample, from Excel row 2 on."""
    ins, dep = "本人", "家族"
    E = ErrRow
    return [
        E("501", "1001", "00", ins, "山田　太郎", "ヤマダ　タロウ"),
        E("501", "1001", "01", dep, "山田　花子", "ヤマダ　ハナコ"),
        E("501", "1001", "02", dep, "山田　陽翔", "ヤマダ　ハルト", birth="令和6年2月30日",
          errors=[("生年月日", "INVALID_DATE")], note="存在しない日付「令和6年2月30日」"),
        E("501", "1002", "00", ins, "佐藤　健一", "サトウ　ケンイチ", acquired="2024/13/1",
          errors=[("資格取得年月日", "INVALID_DATE")], note="存在しない日付「2024/13/1」"),
        E("501", "1003", "00", ins, "鈴木　誠", "スズキ　マコト"),
        E("501", "1003", "01", dep, "鈴木　恵子", "スズキ　ケイコ", lost="2023/2/29",
          errors=[("資格喪失年月日", "INVALID_DATE")], note="存在しない日付「2023/2/29」（閏年でない）"),
        E("501", "1004", "00", ins, "高橋　直樹", "タカハシ　ナオキ"),
        E("501", "1004", "01", "子", "高橋　蓮", "タカハシ　レン",
          errors=[("本人家族区分", "INVALID_KUBUN")], note="本人家族区分「子」"),
        E("501", "1005", "00", ins, "田中　修", "タナカ　オサム", mynumber="1234567",
          errors=[("個人番号下4桁", "INVALID_MYNUMBER")], note="個人番号 7桁の文字列"),
        E("501", "1005", "01", dep, "田中　由美", "タナカ　ユミ"),
        E("501", "1006", "00", ins, "伊藤　隆", "イトウ　タカシ", mynumber="123456789010",
          errors=[("個人番号下4桁", "INVALID_MYNUMBER")], note="個人番号 12桁で検査用数字が誤り（合成）"),
        E("501", "1007", "00", ins, "渡辺　浩", "ワタナベ　ヒロシ"),
        E("501", "1007", "01", dep, "渡辺　愛", "ワタナベ　アイ", mynumber="ABCD",
          errors=[("個人番号下4桁", "INVALID_MYNUMBER")], note="個人番号に英字"),
        E("501", "1008", "00", ins, "山本　学", "ヤマモト　マナブ", mynumber="123",
          errors=[("個人番号下4桁", "INVALID_MYNUMBER")],
          note="個人番号 3桁の文字列（数値セルなら補って警告、文字列はエラー）"),
        E("501", "1009", "00", ins, "\U00020BB7田　一郎", "ヨシダ　イチロウ",
          warnings=[("氏名", "GAIJI")], note="外字「𠮷」(U+20BB7) は IPAex にない: 警告、送付はする"),
        E("501", "1010", "00", ins, "中村　大輔", "ナカムラ　ダイスケ", loss_recorded=D(2024, 7, 10),
          warnings=[("喪失処理日", "LOSS_RECORDED_WITHOUT_LOSS")],
          note="喪失処理日だけあって資格喪失年月日なし: 警告、無視して送付"),
        E("501", "1011", "00", ins, "小林　拓也", "コバヤシ　タクヤ"),
        E("501", "1011", "01", "その他", "小林　舞", "コバヤシ　マイ", mynumber="12345",
          errors=[("本人家族区分", "INVALID_KUBUN"), ("個人番号下4桁", "INVALID_MYNUMBER")],
          note="1行に2つのエラー（区分「その他」と個人番号5桁）: 両方を「; 」で列挙"),
        E("502", "2001", "00", ins, "加藤　一郎", "カトウ　イチロウ"),
        E("502", "2001", "01", dep, "加藤　裕子", "カトウ　ユウコ",
          errors=[("枝番", "DUPLICATE_KEY")], note="記号+番号+枝番の重複（1行目）"),
        E("502", "2001", "01", dep, "加藤　美穂", "カトウ　ミホ",
          errors=[("枝番", "DUPLICATE_KEY")], note="記号+番号+枝番の重複（2行目）"),
        E("502", "2002", "00", ins, "吉田　健太", "ヨシダ　ケンタ",
          errors=[("本人家族区分", "TWO_INSURED")], note="1世帯に被保険者2行（1行目）"),
        E("502", "2002", "01", "被保険者", "吉田　陽子", "ヨシダ　ヨウコ",
          errors=[("本人家族区分", "TWO_INSURED")], note="1世帯に被保険者2行（2行目）"),
        E("502", "2002", "02", dep, "吉田　湊", "ヨシダ　ミナト"),
        E("502", "2003", "00", ins, "松本　和也", "マツモト　カズヤ"),
        E("501", "2003", "01", dep, "松本　彩", "マツモト　アヤ", kigo="7200",
          errors=[("事業所コード", "EMPLOYER_MISMATCH")],
          note="家族の事業所コード 501 が被保険者（502）と違う（記号 7200）"),
        E("502", "2004", "00", ins, '=A1&""', "イノウエ　マナブ",
          errors=[("氏名", "FORMULA_NO_VALUE")], note="氏名が計算結果のない数式 =A1&\"\""),
        E("502", "2004", "01", dep, "井上　結衣", "イノウエ　ユイ"),
        E("502", "2005", "00", ins, None, "キムラ　ヒロシ",
          errors=[("氏名", "REQUIRED_MISSING")], note="必須の氏名が空（行は空でない）"),
        E("502", "2005", "01", dep, "木村　さくら", "キムラ　サクラ"),
        E("502", "2006", "00", ins, "林　亮", "ハヤシ　リョウ", emp_name="サンプル工業（株）",
          warnings=[("事業所名", "EMPLOYER_NAME_MISMATCH")],
          note="同じ事業所コード 502 に別の事業所名: 警告、最初の名前を使う"),
        E("503", "000101", "00", ins, "斎藤　翔太", "サイトウ　ショウタ"),
        E("503", "000101", "01", dep, "斎藤　美咲", "サイトウ　ミサキ"),
        E("503", 102, "00", ins, "清水　直美", "シミズ　ナオミ",
          note="番号が数値セル 102（同じ事業所の 000101 と桁数が違う）: 事業所503・番号の警告（行なし）"),
    ]


def _ref(excel_row: int, r: ErrRow) -> RefRow:
    as_date = lambda v: v if isinstance(v, date) else None  # noqa: E731
    return RefRow(
        row=excel_row, employer=r.emp, kigo=r.kigo or KIGO[r.emp],
        bango=str(r.bango), edaban=r.edaban, insured=r.kubun in ("本人", "被保険者"),
        acquired=as_date(r.acquired) or D(2015, 4, 1),
        lost=as_date(r.lost), loss_recorded=as_date(r.lost) and as_date(r.loss_recorded),
        mynumber4=str(r.mynumber)[-4:], invalid=bool(r.errors))


def write_errors_workbook(path: Path) -> dict:
    """Write ``sample-errors.xlsx``; return ``sample-errors-expected.json``."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(list(HEADERS))
    rows = error_rows()
    for r in rows:
        ws.append(r.cells())
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy/m/d"
    wb.save(path)

    refs = [_ref(i, r) for i, r in enumerate(rows, start=2)]
    summary = summarize(refs, by_affiliation=set())
    problems = lambda attr: [  # noqa: E731
        {"sheet": SHEET, "row": i, "column": col, "kind": kind}
        for i, r in enumerate(rows, start=2) for col, kind in getattr(r, attr)
    ]
    warnings = problems("warnings") + [
        {"sheet": SHEET, "row": None, "column": "番号", "kind": "WIDTH_INCONSISTENT",
         "employer": "503"}]
    outcome = {row["row"]: row["reason"] for row in summary["rows"]}
    return {
        "workbook": "sample-errors.xlsx",
        "member_sheet": SHEET,
        "header_row": 1,
        "check_exit_status": 1,
        "errors": problems("errors"),
        "invalid_rows": sorted(r for r, reason in outcome.items() if reason == "INVALID"),
        "held_rows": sorted(r for r, reason in outcome.items() if reason == "HELD"),
        "warnings": {"count": len(warnings), "list": warnings},
        **{k: v for k, v in summary.items() if k not in ("rows", "new_members_candidates")},
        "notes": {str(i): r.note for i, r in enumerate(rows, start=2) if r.note},
    }


def write_broken_files(folder: Path, sample_xlsx: Path) -> dict[str, str]:
    """The files that must be refused with one clear error (exit 2)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "not-excel.xlsx").write_text(
        "事業所コード,事業所名,記号,番号\r\n1,サンプル,11,1001\r\n", encoding="utf-8")
    data = sample_xlsx.read_bytes()
    (folder / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["事業所コード", "事業所名", "記号", "番号", "枝番", "本人家族区分", "氏名",
               "生年月日", "個人番号下4桁"])
    ws.append(["1", "株式会社サンプル電機", "11", "1001", "00", "本人", "山田　太郎",
               D(1980, 4, 1), "1234"])
    ws.append(["1", "株式会社サンプル電機", "11", "1001", "01", "家族", "山田　花子",
               D(1982, 5, 5), "5678"])
    wb.save(folder / "missing-column.xlsx")
    return {
        "not-excel.xlsx": "CSV text renamed to .xlsx: not an Excel file",
        "truncated.xlsx": "first half of the bytes of sample.xlsx: broken zip",
        "missing-column.xlsx": "header row 1 lacks 資格取得年月日 and its aliases 資格取得日, 取得年月日",
    }


def write_password_file(path: Path, password: str = "oshirase") -> bool:
    """An encrypted xlsx (OLE2 container), if ``msoffcrypto-tool`` is importable.

    The package is only needed to make this file, never at run time; without
    it the existing file is left as it is and ``False`` is returned.
    """
    try:
        from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-not-found]
    except ImportError:
        return False
    import io

    plain = io.BytesIO()
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(list(HEADERS))
    ws.append(["1", "株式会社サンプル電機", None, "11", "1001", "00", "本人", "山田　太郎",
               "ヤマダ　タロウ", D(1980, 4, 1), D(2015, 4, 1), None, None, "1234"])
    wb.save(plain)
    plain.seek(0)
    with path.open("wb") as out:
        OOXMLFile(plain).encrypt(password, out)
    return True
