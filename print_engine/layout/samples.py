"""Synthetic members, envelopes and shipments for previews, tests and benchmarks.

The data is made up (the reference notice's 健保 太郎 and family); no real
person and no real My Number. Used by the template preview, the golden-image
tests, the documentation images and ``bench/bench_pdf.py``.
"""

from __future__ import annotations

from datetime import date

from print_engine.layout.fonts import FontSet
from print_engine.layout.primitives import Page
from print_engine.layout.templates import load_template
from print_engine.model import RETURN, Employer, Envelope, Member, Shipment
from print_engine.profile.schema import RunProfile

SAMPLE_EMPLOYER = Employer(code="000123", name="株式会社東京都電機健保")


def sample_member(
    name: str = "健保 太郎",
    kana: str = "ケンポ タロウ",
    edaban: str = "00",
    *,
    kigo: str = "1234",
    bango: str = "12345678",
    insured: bool | None = None,
    mynumber4: str = "1234",
    affiliation: str = "001",
    row: int = 2,
) -> Member:
    """One synthetic member (by default the insured of the reference notice)."""
    return Member(
        sheet="加入者",
        row=row,
        employer_code=SAMPLE_EMPLOYER.code,
        employer_name=SAMPLE_EMPLOYER.name,
        affiliation=affiliation,
        kigo=kigo,
        bango=bango,
        edaban=edaban,
        insured=(edaban == "00") if insured is None else insured,
        name=name,
        kana=kana,
        birth_date=date(1975, 4, 12),
        acquired=date(1998, 8, 1),
        mynumber4=mynumber4,
        burden_ratio="3割",
    )


def sample_envelope(with_insured: bool = True, dependents: int = 2, **member_kw: object) -> Envelope:
    """A household: the insured (or not, e.g. posted abroad) and its dependents."""
    insured = sample_member(**member_kw)
    family = [sample_member("健保 花子", "ケンポ ハナコ", "01", mynumber4="5678", **member_kw),
              sample_member("健保 一郎", "ケンポ イチロウ", "02", mynumber4="9012", **member_kw),
              sample_member("健保 次郎", "ケンポ ジロウ", "03", mynumber4="3456", **member_kw)][:dependents]
    members = ([insured] if with_insured else []) + family
    return Envelope(employer_code=insured.employer_code, affiliation=insured.affiliation, kigo=insured.kigo,
                    bango=insured.bango, members=members, insured=insured)


_FAMILY = "健保 佐藤 鈴木 高橋 田中 渡辺 伊藤 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤".split()
_GIVEN = "太郎 花子 一郎 次郎 美咲 翔太 陽菜 蓮 結衣 大翔 さくら 悠真 葵 湊 凛 陽斗 芽依 樹 澪 蒼".split()


def synthetic_envelopes(count: int, *, employer_code: str = "000123", affiliations: int = 1,
                        returns_every: int = 0) -> list[Envelope]:
    """``count`` households with 0–3 dependents, numbered in order.

    Args:
        count: Number of envelopes.
        affiliations: Spread the households over this many 所属コード.
        returns_every: Make every n-th household a RETURN envelope (0 = none).
    """
    envelopes = []
    for i in range(count):
        bango = f"{10000000 + i * 7:08d}"
        family = _FAMILY[i % len(_FAMILY)]
        aff = f"{1 + (i * affiliations) // max(count, 1):03d}"
        flag = RETURN if returns_every and i % returns_every == returns_every - 1 else ""
        members = []
        for d in range(1 + i % 4):
            given = _GIVEN[(i + d * 3) % len(_GIVEN)]
            m = sample_member(f"{family} {given}", "ケンポ タロウ", f"{d:02d}", bango=bango,
                              mynumber4=f"{(i * 37 + d) % 10000:04d}", affiliation=aff, row=2 + i)
            m.employer_code = employer_code
            members.append(m)
        envelopes.append(Envelope(employer_code=employer_code, affiliation=aff, kigo="1234", bango=bango,
                                  members=members, insured=members[0],
                                  flags={m: flag for m in members} if flag else {}))
    return envelopes


def sample_shipment(count: int = 12, *, by_affiliation: bool = False, affiliations: int = 1) -> Shipment:
    """A shipment for :data:`SAMPLE_EMPLOYER` with one RETURN and one removed dependent."""
    envelopes = synthetic_envelopes(count, affiliations=affiliations, returns_every=5)
    if len(envelopes) > 2:
        env = envelopes[2]
        if len(env.members) > 1:
            env.flags = {**env.flags, env.members[-1]: RETURN}
    return Shipment(employer=SAMPLE_EMPLOYER, envelopes=envelopes, by_affiliation=by_affiliation,
                    container="封筒" if count <= 10 else "段ボール")


def sample_pages(fonts: FontSet | None = None) -> dict[str, Page]:
    """One notice, one cover letter and one list page of the bundled default run.

    The pages of the documentation images, the golden-image tests and the
    template preview: the reference notice's 健保 太郎 in the August 2024
    ``initial`` run, and a 12-household shipment of his employer.
    """
    from print_engine.layout.cover_letter import layout_cover_letter
    from print_engine.layout.notice import layout_notice
    from print_engine.layout.target_list import layout_target_list

    fonts = fonts or FontSet.load()
    profile = RunProfile()
    template = load_template(profile.notice.template, profile.run.variant)
    issue = profile.issue_date_resolved(date(2024, 8, 7))
    family = sample_envelope()
    shipment = sample_shipment(12)
    return {
        "notice": layout_notice(family.members[0], family, SAMPLE_EMPLOYER, profile, issue, fonts, template),
        "cover": layout_cover_letter(shipment, profile, issue, fonts, template)[0],
        "list": layout_target_list(shipment, profile, issue, fonts, template)[0],
    }
