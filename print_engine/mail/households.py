"""Which households are mailed home, and whether their address can be used.

``direct-mail.md``: a household is mailed home when its employer is listed
in ``[direct_mail] employers`` or when its deciding row says 送付先 = 自宅.
The insured's row decides; without an included insured, the first included
member's. A mailed household without a usable postal code or address is a
row error on that deciding row, so the household is held, never mailed to
nowhere. The plan calls these functions; nothing here is stored on a
:class:`~print_engine.model.Member`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from print_engine.model import Member, Problem, Severity
from print_engine.read.columns import label_of

from .barcode import postal_digits
from .recipient import MailRecipient, make_recipient

HOME = "自宅"
GROUP_LABEL = "自宅送付"  # the mailed group, wherever an employer's name would stand
GROUP_CODE = "direct_mail"  # its key among the shipments (file direct_mail.pdf)

POSTAL_MESSAGE = ("自宅へ郵送する世帯の郵便番号が 7 桁の数字ではありません。郵便番号を「100-0013」のように"
                  "入力してください（世帯ごと保留しました）。")
ADDRESS_MESSAGE = "自宅へ郵送する世帯の住所が空欄です。住所を入力してください（世帯ごと保留しました）。"


def deciding_member(included: Sequence[Member], insured: Member | None) -> Member | None:
    """The row whose 送付先 and address count: the insured if included, else the first included."""
    if insured is not None and any(m is insured for m in included):
        return insured
    return included[0] if included else None


def sends_home(employer_code: str, decider: Member | None, mailed_employers: Collection[str]) -> bool:
    """Mailed home: a listed employer, or 送付先 = 自宅 on the deciding row."""
    if employer_code in mailed_employers:
        return True
    return decider is not None and decider.send_to == HOME


def address_problems(decider: Member, labels: Mapping[str, str] | None = None) -> list[Problem]:
    """Row errors of a mailed household's deciding row: postal code not 7 digits, blank address."""
    labels = labels or {}
    out = []
    if postal_digits(decider.postal_code) is None:
        out.append(Problem(Severity.ERROR, "MAIL_POSTAL_CODE", POSTAL_MESSAGE, decider.sheet, decider.row,
                           labels.get("postal_code", label_of("postal_code")), decider.postal_code))
    if not decider.address.strip():
        out.append(Problem(Severity.ERROR, "MAIL_ADDRESS", ADDRESS_MESSAGE, decider.sheet, decider.row,
                           labels.get("address", label_of("address"))))
    return out


def recipient_of(decider: Member) -> MailRecipient | None:
    """The envelope's recipient: the deciding row's address, its 宛名 or else its name."""
    return make_recipient(decider.postal_code, decider.address, decider.addressee or decider.name,
                          decider.kigo, decider.bango)


def counts_by_area(postal_codes: Sequence[str]) -> list[tuple[str, int]]:
    """Envelopes per first three digits of the postal code, in postal order (for the post office)."""
    counts: dict[str, int] = {}
    for code in sorted(postal_codes):
        counts[code[:3]] = counts.get(code[:3], 0) + 1
    return list(counts.items())
