"""What the preview pages through for a selected member.

The member's household (every notice in its envelope, in envelope order),
then its employer's cover letter and target list, all laid out by the
engine's :class:`~print_engine.output.render_context.RenderContext` — the same pages the PDF and
the printer get. Pages are laid out only when shown (a target list of a
large employer has hundreds of pages), so selecting a row costs one notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QCoreApplication

from print_engine import Member, Page


@dataclass(slots=True)
class PreviewPart:
    """One document of the preview: a notice, the cover letter or the list.

    Attributes:
        kind: ``"notice"``, ``"cover"`` or ``"list"``.
        label: What the page counter shows for it.
        make: Lays the part out (called once, when first shown).
        member: The member of a notice part.
    """

    kind: str
    label: str
    make: Callable[[], list[Page]]
    member: Member | None = None
    pages: list[Page] | None = None

    def get_pages(self) -> list[Page]:
        if self.pages is None:
            self.pages = self.make() or []
        return self.pages


@dataclass(slots=True)
class PreviewDocument:
    """The parts of one preview and where to start.

    Attributes:
        parts: In paging order.
        start: The part shown first (the selected member's notice).
        note: A line shown above the page (e.g. why the member is excluded).
    """

    parts: list[PreviewPart] = field(default_factory=list)
    start: int = 0
    note: str = ""


def _t(text: str) -> str:
    return QCoreApplication.translate("PreviewDocument", text)


def document_for_member(session, member: Member, status_label: str = "") -> PreviewDocument:
    """The preview of ``member``: household notices, cover letter, list.

    Args:
        session: The window's :class:`~gui.session.Session`.
        member: The selected member.
        status_label: The member's status, shown when it gets no notice.
    """
    maker = session.page_maker()
    placed = session.placement(member)
    if placed is None:
        part = PreviewPart("notice", _t("お知らせ（印刷対象外）"),
                           lambda: [maker.notice(member, None, _lone_shipment(session, member))], member)
        note = _t("この方には印刷されません: %1").replace("%1", status_label) if status_label else ""
        return PreviewDocument([part], 0, note)
    envelope, shipment = placed
    parts: list[PreviewPart] = []
    count = len(envelope.members)
    start = 0
    for i, m in enumerate(envelope.members):
        if m is member:
            start = i
        if envelope.document_of(m) == "certificate":  # its front, and its back when it has one
            label = _t("資格確認書（世帯 %1/%2）").replace("%1", str(i + 1)).replace("%2", str(count))
            parts.append(PreviewPart("certificate", label, lambda m=m: maker.member_pages(m, envelope, shipment), m))
            continue
        label = _t("お知らせ（世帯 %1/%2）").replace("%1", str(i + 1)).replace("%2", str(count))
        parts.append(PreviewPart("notice", label, lambda m=m: [maker.notice(m, envelope, shipment)], m))
    parts.append(PreviewPart("cover", _t("送付状"), lambda: maker.cover(shipment)))
    parts.append(PreviewPart("list", _t("対象者リスト"), lambda: maker.target_list(shipment)))
    note = ""
    if envelope.is_return_member(member):
        note = _t("返送対象（データ確定日後に資格喪失の届出あり）")
    return PreviewDocument(parts, start, note)


def _lone_shipment(session, member: Member):
    from print_engine import Employer, Shipment

    employers = session.loaded.employers if session.loaded is not None else {}
    employer = employers.get(member.employer_code) or Employer(member.employer_code, member.employer_name)
    return Shipment(employer, [])
