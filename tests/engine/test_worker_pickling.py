"""A run's files reach the worker processes pickled: they must arrive whole and with their sharing.

The renderer finds a member's document kind and dates in its envelope's
mappings, keyed by the member itself (compared by identity): after the trip
to a worker, the keys must still be the very members of the envelope and
of the file's entries, or every certificate would be drawn as a notice.
"""

from __future__ import annotations

import pickle
from dataclasses import fields
from datetime import date
from pathlib import Path

from print_engine.output.run_output import prepare_output
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _monthly_files():
    profile = load_profile(SAMPLES / "monthly.toml")
    plan = plan_run(load_members(SAMPLES / "monthly.xlsx", profile), profile, date(2025, 12, 1))
    return prepare_output(plan, split="employer").files


def test_a_file_arrives_with_every_field_and_the_same_sharing():
    files = _monthly_files()
    certificates = 0
    for spec in files:
        back = pickle.loads(pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL))
        assert [e.document for e in back.entries] == [e.document for e in spec.entries]
        for before, after in zip(spec.entries, back.entries):
            assert (after.first_page, after.last_page) == (before.first_page, before.last_page)
            if before.member is None:
                continue
            for f in fields(before.member):
                assert getattr(after.member, f.name) == getattr(before.member, f.name), f.name
            env = after.envelope
            assert any(m is after.member for m in env.members)  # one object, not a copy
            assert env.document_of(after.member) == before.envelope.document_of(before.member)
            if after.document == "certificate":
                certificates += 1
                assert env.certificate_dates[after.member] == before.envelope.certificate_dates[before.member]
            assert after.shipment is back.entries[0].shipment  # the file's one shipment
    assert certificates > 0  # the sample's monthly run has certificates to check
