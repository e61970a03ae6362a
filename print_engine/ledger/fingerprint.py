"""The fingerprint of a document: a hash of the member fields it prints.

``ledger.md``: 氏名, フリガナ, 記号・番号・枝番, 生年月日, 資格取得年月日, 負担割合,
性別, and for a certificate 任継満了日 and 在留期限 — never the run's dates
(issue date, as-of date), so next month's run does not see everyone as
changed, and never any My Number digit.

A field the member row does not carry (a workbook without 性別, or a build
without the certificate's columns) counts as empty. A document entered by
``ledger import`` from an old run's manifest knows only 記号・番号・枝番 and
氏名; its fingerprint is of those alone and starts with ``m:``
(:func:`manifest_fingerprint`), and ``--unissued`` compares a member with it
on those fields.
"""

from __future__ import annotations

import hashlib
from operator import attrgetter

NOTICE_FIELDS = ("name", "kana", "kigo", "bango", "edaban", "birth_date", "acquired", "burden_ratio", "sex")
CERTIFICATE_FIELDS = NOTICE_FIELDS + ("continuation_end", "residence_end")
FIELDS = {"notice": NOTICE_FIELDS, "certificate": CERTIFICATE_FIELDS}
MANIFEST_PREFIX = "m:"
_SEP = "\x1f"
FINGERPRINT_HEX = 20  # 80 bits: only one member's own documents are ever compared


_GETTERS = {kind: attrgetter(*fields) for kind, fields in FIELDS.items()}


def _digest(kind: str, values) -> str:
    # str() of a date is its ISO form; a missing value (None) hashes as "None".
    text = _SEP.join((kind, *map(str, values)))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=FINGERPRINT_HEX // 2).hexdigest()


def fingerprint(member: object, kind: str = "notice") -> str:
    """The fingerprint of ``kind`` (``notice`` | ``certificate``) printed for ``member``."""
    try:
        values = _GETTERS[kind](member)
    except AttributeError:  # a row without some of the fields: they count as empty
        values = [getattr(member, f, None) for f in FIELDS[kind]]
    return _digest(kind, values)


class RunFingerprints:
    """One run's fingerprints, each computed once, a list at a time: the same values as :func:`fingerprint`.

    The ledger look-up of a run (:class:`~.unissued.StatesLookup`) computes
    the members' fingerprints while the rules run, and the recording of the
    run's documents takes them from here (``RunPlan.fingerprints``) instead
    of computing them again. Members are remembered by identity; a plan's
    members are not changed once read. It may be read while :meth:`compute`
    still runs on its thread: one not made yet is made there and then (the
    same value), each step a single dict operation.
    """

    __slots__ = ("_known",)

    def __init__(self):
        self._known: dict[str, dict] = {kind: {} for kind in FIELDS}

    def __call__(self, member: object, kind: str) -> str:
        known = self._known[kind]
        found = known.get(member)
        if found is None:
            self.compute([member], kind)
            found = known[member]
        return found

    def of(self, members: list, kind: str) -> list[str]:
        """The fingerprints of ``kind`` for ``members``, in their order (made now where not made yet)."""
        self.compute(members, kind)
        known = self._known[kind]
        return [known[m] for m in members]

    def compute(self, members, kind: str = "notice") -> None:
        """The fingerprints of ``kind`` for all ``members``, now (done on a thread while the rules run).

        A whole list at a time, in comprehensions (half the time of one call
        per member: it runs beside the rules, and the GIL is shared); a list
        holding a row that lacks a field, or a value that cannot be hashed,
        is done by :func:`fingerprint`, member by member.
        """
        known = self._known[kind]
        todo = [m for m in members if m not in known]
        try:
            texts = _texts(todo, kind)
        except (AttributeError, TypeError):
            known.update((m, fingerprint(m, kind)) for m in todo)
            return
        blake2b, width = hashlib.blake2b, FINGERPRINT_HEX // 2
        known.update(zip(todo, [blake2b(t.encode("utf-8"), digest_size=width).hexdigest() for t in texts]))


def _texts(members: list, kind: str) -> list[str]:
    """What :func:`fingerprint` hashes, for each of ``members``.

    ``str()`` of a date is most of a fingerprint's cost, and a run's members
    share few distinct dates, so a notice's two dates are made into text
    once per distinct date.
    """
    if kind != "notice":
        getter, sep = _GETTERS[kind], _SEP
        return [sep.join((kind, *map(str, getter(m)))) for m in members]
    dates = {d: str(d) for d in {m.birth_date for m in members} | {m.acquired for m in members}}
    return [_SEP.join(("notice", m.name, m.kana, m.kigo, m.bango, m.edaban, dates[m.birth_date], dates[m.acquired],
                          m.burden_ratio, m.sex)) for m in members]


def manifest_fingerprint(kind: str, kigo: str, bango: str, edaban: str, name: str) -> str:
    """The fingerprint of a document known only from a manifest row (``ledger import``)."""
    return MANIFEST_PREFIX + _digest(kind, [kigo, bango, edaban, name])


def member_key(kigo: str, bango: str, edaban: str) -> str:
    return f"{kigo}-{bango}-{edaban}"
