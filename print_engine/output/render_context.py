"""From stream entries to laid-out pages: the one place every output asks.

The PDF writer, the printer and the preview all get their pages here, so
they cannot disagree about what a cover, a list or a notice looks like.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

from print_engine.layout.cover_letter import layout_cover_letter
from print_engine.layout.fonts import FontSet
from print_engine.layout.notice import layout_notice
from print_engine.layout.primitives import Page
from print_engine.layout.target_list import count_target_list_pages, layout_target_list
from print_engine.layout.templates import load_template
from print_engine.model import Envelope, Member, Shipment
from print_engine.output.stream import DocEntry, FileSpec
from print_engine.profile.schema import RunProfile


class PageMaker:
    """Lays out covers, lists and notices for one run (profile + issue date)."""

    def __init__(self, profile: RunProfile, issue_date: date):
        self.profile = profile
        self.issue_date = issue_date
        self.fonts = FontSet.load(profile.fonts.fallback)
        self.template = load_template(profile.notice.template, profile.run.variant)
        self._lists: dict[int, list[Page]] = {}

    def notice(self, member: Member, envelope: Envelope, shipment: Shipment) -> Page:
        return layout_notice(member, envelope, shipment.employer, self.profile, self.issue_date,
                             self.fonts, self.template)

    def cover(self, shipment: Shipment) -> list[Page]:
        return layout_cover_letter(shipment, self.profile, self.issue_date, self.fonts, self.template)

    def target_list(self, shipment: Shipment) -> list[Page]:
        key = id(shipment)
        pages = self._lists.get(key)
        if pages is None:
            pages = layout_target_list(shipment, self.profile, self.issue_date, self.fonts, self.template)
            self._lists = {key: pages}  # keep only the latest: lists are asked for in order
        return pages

    def list_page_count(self, shipment: Shipment) -> int:
        return count_target_list_pages(shipment, self.template)

    def entry_pages(self, entry: DocEntry) -> list[Page]:
        if entry.document == "notice":
            return [self.notice(entry.member, entry.envelope, entry.shipment)]
        if entry.document == "cover":
            return self.cover(entry.shipment)
        return self.target_list(entry.shipment)

    def file_pages(self, spec: FileSpec) -> Iterator[Page]:
        for entry in spec.entries:
            yield from self.entry_pages(entry)
