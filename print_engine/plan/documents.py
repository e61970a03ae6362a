"""Which document each member gets — notice or 資格確認書 — and what a certificate needs.

``[issue] kind`` decides (``shared/spec/certificate.md``): ``notice`` gives
everyone a notice (the 2024 behaviour), ``certificate`` everyone a
certificate, ``by-registration`` lets the member sheet's column マイナ保険証
decide (registered → notice, not registered → certificate).

What a run needs of a row depends on that choice, so these checks belong to
the plan, not to reading: a blank or unreadable マイナ保険証 in a
by-registration run, a certificate without 生年月日, a member aged 70–74
without 負担割合, and an unreadable or blank 性別 when the template prints it
are row errors of the run (the household is held). Each names the sheet, the
Excel row and the column as written in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from print_engine.model import Member, Problem, Severity
from print_engine.plan.certificate_dates import CertificateDates, certificate_dates
from print_engine.profile.schema import RunProfile
from print_engine.read.columns import label_of

NOTICE = "notice"
CERTIFICATE = "certificate"

MESSAGES = {
    "MYNA_CARD_REQUIRED": ("マイナ保険証の登録の有無が空欄です。この実行（by-registration）ではこの列でお知らせか"
                           "資格確認書かを決めるため、「有」または「無」を入力してください。"),
    "BIRTH_REQUIRED": "資格確認書には生年月日が必要です（有効期限と負担割合の判定に使います）。生年月日を入力してください。",
    "RATIO_REQUIRED": ("70歳から74歳の方の資格確認書には一部負担金の割合を印字します。負担割合（「2割」「3割」など）を"
                       "入力してください。"),
    "SEX_REQUIRED": "資格確認書に性別を印字する設定です（certificate.print_sex）。性別（「男」または「女」）を入力してください。",
}
MYNA_CARD_COLUMN_MISSING = ("この実行（[issue] kind = \"by-registration\"）には列「マイナ保険証」が必要です"
                            "（探した見出し: 「マイナ保険証」「マイナ保険証登録」「マイナ保険証利用登録」「利用登録」）。"
                            "見出し行にこの列を追加してください。")


@dataclass(frozen=True, slots=True)
class Decision:
    """What one member gets in a run.

    Attributes:
        document: ``"notice"`` or ``"certificate"``; ``None`` when the row
            does not allow a decision (then ``problems`` says why).
        dates: the certificate's dates (``None`` for a notice).
        problems: row errors of this run (never a My Number).
    """

    document: str | None
    dates: CertificateDates | None = None
    problems: tuple[Problem, ...] = ()


NOTICE_DECISION = Decision(NOTICE)


class DocumentRules:
    """Decides each member's document for one run (profile + issue date).

    Args:
        profile: the run profile (``[issue]``, ``[certificate]``).
        issue_date: the resolved issue date (交付年月日).
        labels: field key → the header as written in the file (for messages).
    """

    def __init__(self, profile: RunProfile, issue_date: date, labels: dict[str, str] | None = None):
        self.kind = profile.issue.kind
        self.settings = profile.certificate
        self.issue_date = issue_date
        self.labels = labels or {}

    @property
    def notices_only(self) -> bool:
        """Every member gets a notice: nothing to decide per row."""
        return self.kind == NOTICE

    def _problem(self, m: Member, code: str, key: str) -> Problem:
        return Problem(Severity.ERROR, code, MESSAGES[code], m.sheet, m.row, self.labels.get(key, label_of(key)))

    @staticmethod
    def _conditional(m: Member, code: str) -> list[Problem]:
        return [p for p in m.conditional if p.code == code]

    def decide(self, m: Member) -> Decision:
        """The member's document, its certificate dates and the run's row errors."""
        if self.kind == NOTICE:
            return NOTICE_DECISION
        if self.kind == CERTIFICATE:
            return self._certificate(m)
        if m.myna_card is None:
            bad = self._conditional(m, "BAD_MYNA_CARD")
            return Decision(None, None, tuple(bad or [self._problem(m, "MYNA_CARD_REQUIRED", "myna_card")]))
        return NOTICE_DECISION if m.myna_card else self._certificate(m)

    def _certificate(self, m: Member) -> Decision:
        problems: list[Problem] = []
        own_errors = {p.column for p in m.errors}
        settings = self.settings
        if settings.print_sex and not m.sex:
            problems += self._conditional(m, "BAD_SEX") or [self._problem(m, "SEX_REQUIRED", "sex")]
        if m.birth_date is None:
            if self.labels.get("birth_date", label_of("birth_date")) not in own_errors:
                problems.append(self._problem(m, "BIRTH_REQUIRED", "birth_date"))
            return Decision(CERTIFICATE, None, tuple(problems))
        dates = certificate_dates(
            self.issue_date, settings.valid_until, m.birth_date, cap_at_75=settings.cap_at_75,
            continuation_end=m.continuation_end, residence_end=m.residence_end, acquired=m.acquired)
        if dates.elderly and not m.burden_ratio:
            if self.labels.get("burden_ratio", label_of("burden_ratio")) not in own_errors:
                problems.append(self._problem(m, "RATIO_REQUIRED", "burden_ratio"))
        return Decision(CERTIFICATE, dates, tuple(problems))

    def missing_column(self, columns: dict[str, str]) -> str | None:
        """The message of a run that cannot start because the sheet lacks a column, else ``None``.

        A by-registration run needs マイナ保険証; a run that may issue
        certificates needs 生年月日, and 性別 when it is printed.

        Args:
            columns: the sheet's field key → header (``LoadedWorkbook.labels``).
        """
        if self.kind == NOTICE:
            return None
        if self.kind == "by-registration" and "myna_card" not in columns:
            return MYNA_CARD_COLUMN_MISSING
        needed = [("birth_date", "生年月日", "")]
        if self.settings.print_sex:
            needed.append(("sex", "性別", "「性別」「性別区分」"))
        for key, header, tried in needed:
            if key not in columns:
                also = f"（探した見出し: {tried}）" if tried else ""
                return (f"資格確認書を発行する実行（[issue] kind = \"{self.kind}\"）には列「{header}」が必要です"
                        f"{also}。見出し行にこの列を追加してください。")
        return None


@dataclass(slots=True)
class DocumentResults:
    """Every member's document in one run, as the plan keeps it.

    Members absent from ``documents`` get a notice; so a ``notice`` run
    holds nothing here and costs nothing.

    Attributes:
        documents: member → ``"certificate"`` (or ``None``: undecided, a row error).
        dates: member → its certificate's dates.
        problems: member → the run's row errors of that member.
    """

    documents: dict[Member, str | None]
    dates: dict[Member, CertificateDates]
    problems: dict[Member, tuple[Problem, ...]]

    def document_of(self, member: Member) -> str | None:
        return self.documents.get(member, NOTICE)

    def problem_list(self) -> list[Problem]:
        """The run's row errors, in workbook order."""
        return [p for problems in self.problems.values() for p in problems]


def decide_documents(members: list[Member], profile: RunProfile, issue_date: date,
                     labels: dict[str, str] | None = None) -> DocumentResults:
    """Each member's document, certificate dates and the run's row errors (``[issue] kind``)."""
    rules = DocumentRules(profile, issue_date, labels)
    results = DocumentResults({}, {}, {})
    if rules.notices_only:
        return results
    documents, dates, problems = results.documents, results.dates, results.problems
    for m in members:
        d = rules.decide(m)
        if d.document != NOTICE:
            documents[m] = d.document
        if d.dates is not None:
            dates[m] = d.dates
        if d.problems:
            problems[m] = d.problems
    return results
