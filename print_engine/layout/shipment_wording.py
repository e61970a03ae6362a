"""The letters' wording by what a shipment holds: notices, certificates, or both.

The cover letter (別添1) names what the shipment contains (certificate.md):
an employer whose envelopes hold notices only gets the notice template's
letter exactly as before; one with certificates only, or with both, gets the
certificate template's ``[cover.certificates]`` or ``[cover.mixed]`` keys in
place of the notice template's. In a run that may issue certificates the
target list counts both kinds per envelope, with the certificate template's
``[list]`` keys (column names, sub-totals, total).
"""

from __future__ import annotations

import hashlib

from print_engine.layout.templates import Template

NOTICES_ONLY = "notices"
CERTIFICATES_ONLY = "certificates"
MIXED = "mixed"


def combination(notices: int, certificates: int) -> str:
    """Which letter a shipment gets: ``notices``, ``certificates`` or ``mixed``."""
    if certificates and notices:
        return MIXED
    return CERTIFICATES_ONLY if certificates else NOTICES_ONLY


def _merged(base: Template, certificate: Template, section: str, overrides: dict, tag: str) -> Template:
    data = dict(base.data)
    data[section] = {**base.data.get(section, {}), **overrides}
    digest = hashlib.sha1(f"{base.digest}:{certificate.digest}:{tag}".encode()).hexdigest()[:10]
    return Template(base.name, base.variant, data, digest)


def cover_template(base: Template, certificate: Template | None, combo: str) -> Template:
    """The notice template with the cover letter's keys of ``combo`` (unchanged for notices only)."""
    if combo == NOTICES_ONLY or certificate is None:
        return base
    overrides = certificate.data.get("cover", {}).get(combo, {})
    return _merged(base, certificate, "cover", overrides, f"cover.{combo}")


def list_template(base: Template, certificate: Template | None) -> Template:
    """The notice template with the certificate template's ``[list]`` keys (runs that count certificates)."""
    if certificate is None or "list" not in certificate.data:
        return base
    return _merged(base, certificate, "list", certificate.data["list"], "list")
