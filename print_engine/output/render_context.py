"""One run's render context: the fonts, template and caches its pages are laid out with.

The PDF writer, the printer and the preview all get their pages here, so
they cannot disagree about what a cover, a list or a notice looks like.

A :class:`RenderContext` is made for one profile and issue date. Everything
it caches (the notice's static parts, the cover letter's and the list's
common parts, the last list laid out) depends only on what the context was
made from, so the caches need no key of their own and go with the context:
there is no process-wide cache to go stale, and nothing is keyed by ``id()``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Iterator

from print_engine.layout.certificate import CertificateLayouter, load_certificate_template
from print_engine.layout.cover_letter import layout_cover_letter
from print_engine.layout.fonts import FontSet
from print_engine.layout.mail_list import count_mail_list_pages, layout_mail_list, mail_lines
from print_engine.layout.notice import NoticeLayouter
from print_engine.layout.primitives import A4_MM, Page
from print_engine.layout.shipment_wording import combination, cover_template, list_template
from print_engine.layout.target_list import count_target_list_pages, layout_target_list
from print_engine.layout.templates import load_template
from print_engine.mail.grouping import is_mail_shipment
from print_engine.model import Employer, Envelope, Member, Shipment
from print_engine.output.stream import DocEntry, FileSpec
from print_engine.profile.schema import RunProfile


_NO_EMPLOYER = Employer("", "")  # a mailed envelope's pages name no employer (direct-mail.md)


BLANK_PAGE = Page(A4_MM, None, (), (), "blank")  # the back of a one-page document in a duplex run


def issues_certificates(profile: RunProfile) -> bool:
    """Whether the run may print certificates (``[issue] kind`` other than ``notice``)."""
    return profile.issue.kind != "notice"


class RenderContext:
    """Lays out covers, lists and notices for one run (profile + issue date).

    Attributes:
        profile: The run profile.
        issue_date: The resolved issue date.
        fonts: The run's fonts (the bundled faces and the profile's fallbacks).
        template: The wording template, with the run's variant applied.
    """

    def __init__(self, profile: RunProfile, issue_date: date, fonts: FontSet | None = None):
        self.profile = profile
        self.issue_date = issue_date
        self.fonts = fonts if fonts is not None else FontSet.load(profile.fonts.fallback)
        self.template = load_template(profile.notice.template, profile.run.variant)
        self._notices = NoticeLayouter(profile, issue_date, self.fonts, self.template)
        self._certificates: CertificateLayouter | None = None
        self.certificate_template = (load_certificate_template(profile.certificate.template)
                                     if issues_certificates(profile) else None)
        # the list counts notices and certificates in a run that may issue both
        self.list_template = list_template(self.template, self.certificate_template)
        self._cover_statics: dict[str, dict] = {}
        self._list_statics: dict = {}
        self._last_list: tuple[Shipment, list[Page]] | None = None

    def notice(self, member: Member, envelope: Envelope | None, shipment: Shipment) -> Page:
        """A notice; the first page of an envelope mailed home gets the address block."""
        if envelope is None or envelope.recipient is None:
            return self._notices.layout(member, envelope, shipment.employer)
        # Mailed home: no employer's name in the window; the first page has the address block.
        mail = envelope.recipient if envelope.members[0] is member else None
        return self._notices.layout(member, envelope, _NO_EMPLOYER, mail)

    def certificate(self, member: Member, envelope: Envelope, shipment: Shipment) -> list[Page]:
        """The certificate's pages (front, and back when the profile asks)."""
        if self._certificates is None:
            template = self.certificate_template or load_certificate_template(self.profile.certificate.template)
            self._certificates = CertificateLayouter(self.profile, self.issue_date, self.fonts, template)
        dates = envelope.certificate_dates[member]
        recipient = getattr(envelope, "recipient", None)
        if recipient is None:
            return self._certificates.layout(member, dates, envelope, shipment.employer)
        # Mailed home (direct-mail.md): no employer's name; the envelope's first page has the address block.
        mail = recipient if envelope.members[0] is member else None
        return self._certificates.layout(member, dates, envelope, replace(shipment.employer, code="", name=""), mail)

    def member_pages(self, member: Member, envelope: Envelope, shipment: Shipment) -> list[Page]:
        """The member's document in this run: a notice, or a certificate (for the preview too)."""
        if envelope.document_of(member) == "certificate":
            return self.certificate(member, envelope, shipment)
        return [self.notice(member, envelope, shipment)]

    def cover(self, shipment: Shipment) -> list[Page]:
        combo = combination(shipment.notice_count, shipment.certificate_count)
        template = cover_template(self.template, self.certificate_template, combo)
        return layout_cover_letter(shipment, self.profile, self.issue_date, self.fonts, template,
                                   statics=self._cover_statics.setdefault(combo, {}))

    def target_list(self, shipment: Shipment) -> list[Page]:
        """The shipment's list pages (the last one is kept: lists are asked for in order)."""
        last = self._last_list
        if last is not None and last[0] is shipment:  # holds the shipment: no identity reuse
            return last[1]
        if is_mail_shipment(shipment):  # the mailed group's 発送リスト
            pages = layout_mail_list(mail_lines(shipment), self.profile, self.issue_date, self.fonts)
        else:
            pages = layout_target_list(shipment, self.profile, self.issue_date, self.fonts, self.list_template,
                                       statics=self._list_statics)
        self._last_list = (shipment, pages)
        return pages

    def list_page_count(self, shipment: Shipment) -> int:
        if is_mail_shipment(shipment):
            return count_mail_list_pages(mail_lines(shipment))
        return count_target_list_pages(shipment, self.list_template)

    def entry_pages(self, entry: DocEntry) -> list[Page]:
        if entry.document == "notice":
            pages = [self.notice(entry.member, entry.envelope, entry.shipment)]
        elif entry.document == "certificate":
            pages = self.certificate(entry.member, entry.envelope, entry.shipment)
        elif entry.document == "cover":
            pages = self.cover(entry.shipment)
        else:
            pages = self.target_list(entry.shipment)
        if len(pages) < entry.pages:  # a duplex run: the document's blank back
            pages = pages + [BLANK_PAGE] * (entry.pages - len(pages))
        return pages

    def file_pages(self, spec: FileSpec) -> Iterator[Page]:
        for entry in spec.entries:
            yield from self.entry_pages(entry)
