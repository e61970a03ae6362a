"""The print stream: which document goes on which page of which file.

For each employer, in order: cover letter, target list, then every
envelope's notices. The stream is cut into files (one per employer, one for
the run, or chunks of at most N pages that never split a household nor an
employer's cover and list from its first envelope). Page numbers are known
here, before anything is drawn, so the manifest, the PDF writer and the
printer all follow the same plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from print_engine.mail.grouping import is_mail_shipment
from print_engine.mail.households import GROUP_CODE
from print_engine.model import Envelope, Member, Shipment, tuple_pickled

WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@tuple_pickled
@dataclass(slots=True)
class DocEntry:
    """One manifest row: a cover, a list, or one member's notice or certificate.

    ``document`` is the kind the manifest (and the ledger) records; a
    certificate with a back is one entry of two pages.
    """

    document: str  # "cover" | "list" | "notice" | "certificate"
    shipment: Shipment
    first_page: int = 0
    last_page: int = 0
    envelope: Envelope | None = None
    member: Member | None = None
    first_in_envelope: bool = False

    @property
    def pages(self) -> int:
        return self.last_page - self.first_page + 1


@tuple_pickled
@dataclass(slots=True)
class FileSpec:
    """One output file (or one printer job) and its documents in page order."""

    name: str
    entries: list[DocEntry] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return self.entries[-1].last_page if self.entries else 0

    @property
    def notices(self) -> int:
        return sum(1 for e in self.entries if e.document == "notice")

    @property
    def certificates(self) -> int:
        return sum(1 for e in self.entries if e.document == "certificate")

    @property
    def documents(self) -> int:
        """Notices and certificates: the members' documents in this file."""
        return sum(1 for e in self.entries if e.member is not None)


class FileTotals:
    """Counts over ``self.files`` (a run's files or printer jobs), for the classes that hold them."""

    __slots__ = ()  # the subclass defines ``files: list[FileSpec]``

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)

    @property
    def notices(self) -> int:
        return sum(f.notices for f in self.files)

    @property
    def certificates(self) -> int:
        return sum(f.certificates for f in self.files)


def safe_file_name(text: str) -> str:
    """Characters that Windows forbids in file names become ``_``."""
    cleaned = WINDOWS_FORBIDDEN.sub("_", text).rstrip(" .")
    return cleaned or "_"


def employer_file_name(shipment: Shipment) -> str:
    if is_mail_shipment(shipment):  # the mailed group (direct-mail.md)
        return f"{GROUP_CODE}.pdf"
    return safe_file_name(f"{shipment.employer.code}_{shipment.employer.name}") + ".pdf"


def _sheets(pages: int, duplex_sheets: bool) -> int:
    """Pages a document takes: rounded up to whole sheets when every document has its own sheet."""
    return pages + (pages % 2) if duplex_sheets else pages


def _units(shipment: Shipment, with_letters: bool, list_pages: int, certificate_pages: int = 1,
           duplex_sheets: bool = False) -> list[list[DocEntry]]:
    """Unbreakable groups: [cover, list, first envelope], then each envelope."""
    units: list[list[DocEntry]] = []
    head: list[DocEntry] = []
    one = _sheets(1, duplex_sheets)  # a one-page document (with its blank back in a duplex run)
    certificate_last = _sheets(certificate_pages, duplex_sheets)
    if with_letters:
        if not is_mail_shipment(shipment):  # the mailed group has its list, no cover letter
            head.append(DocEntry("cover", shipment, 1, one))
        head.append(DocEntry("list", shipment, 1, _sheets(list_pages, duplex_sheets)))
    for i, env in enumerate(shipment.envelopes):
        documents = env.documents
        notices = [
            DocEntry("certificate", shipment, 1, certificate_last, env, m, first_in_envelope=(j == 0))
            if documents and documents.get(m) == "certificate" else
            DocEntry("notice", shipment, 1, one, env, m, first_in_envelope=(j == 0))
            for j, m in enumerate(env.members)
        ]
        if i == 0:
            units.append(head + notices)
        else:
            units.append(notices)
    if not shipment.envelopes and head:
        units.append(head)
    return units


def _unit_pages(unit: list[DocEntry]) -> int:
    return sum(e.pages for e in unit)


def _append(spec: FileSpec, unit: list[DocEntry]) -> None:
    page = spec.pages
    for e in unit:
        n = e.pages
        e.first_page, e.last_page = page + 1, page + n
        page += n
        spec.entries.append(e)


def build_stream(
    shipments: list[Shipment],
    split: str,
    with_letters: bool,
    list_pages: Callable[[Shipment], int],
    certificate_pages: int = 1,
    duplex_sheets: bool = False,
) -> list[FileSpec]:
    """Cut the run's documents into files.

    Args:
        shipments: in employer order, envelopes in packing order.
        split: ``employer``, ``run`` or ``pages:N``.
        with_letters: include the cover letter and target list.
        list_pages: the number of pages of an employer's target list.
        certificate_pages: 2 when certificates have a back page.
        duplex_sheets: every document starts on a sheet of its own (a run
            printed duplex for the certificates' backs): a one-page notice,
            cover or an odd list gets a blank back page.
    """
    per_employer = [
        (s, _units(s, with_letters, list_pages(s) if with_letters else 0, certificate_pages, duplex_sheets))
        for s in shipments
    ]
    files: list[FileSpec] = []
    if split == "employer":
        for shipment, units in per_employer:
            spec = FileSpec(employer_file_name(shipment))
            for unit in units:
                _append(spec, unit)
            files.append(spec)
    elif split == "run":
        spec = FileSpec("run.pdf")
        for _, units in per_employer:
            for unit in units:
                _append(spec, unit)
        if spec.entries:
            files.append(spec)
    elif split.startswith("pages:"):
        limit = int(split.split(":", 1)[1])
        spec = None
        for _, units in per_employer:
            for unit in units:
                if spec is None or (spec.entries and spec.pages + _unit_pages(unit) > limit):
                    spec = FileSpec(f"run-{len(files) + 1:03d}.pdf")
                    files.append(spec)
                _append(spec, unit)
    else:
        raise ValueError(f"split: {split!r}")
    return files
