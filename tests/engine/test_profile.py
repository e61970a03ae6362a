"""The run profile: bundled default, one clear error per bad key, saving with comments."""

from __future__ import annotations

import dataclasses
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from print_engine import resources
from print_engine.profile.loading import (
    ProfileError,
    default_profile_path,
    dump_profile,
    load_profile,
    load_profile_document,
    profile_from_mapping,
    profile_to_mapping,
    resolve_today,
    save_profile,
)
from print_engine.profile.schema import RunProfile


def write(tmp_path: Path, text: str, name: str = "run.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> ProfileError:
    with pytest.raises(ProfileError) as info:
        load_profile(write(tmp_path, text))
    return info.value


# --- the bundled default ------------------------------------------------------


def test_default_is_the_august_2024_initial_run():
    profile = load_profile()
    assert profile == RunProfile()
    assert profile.insurer.number == "06134803"
    assert profile.run.variant == "initial"
    assert profile.run.as_of == date(2024, 6, 30)
    assert profile.run.issue_date == date(2024, 8, 7)
    assert profile.rules.enrollment_recorded_by == date(2024, 6, 28)
    assert profile.rules.freeze == date(2024, 8, 7)
    assert (profile.rules.new_members_from, profile.rules.new_members_to) == (date(2024, 7, 1), date(2024, 11, 29))
    assert profile.packing.envelope_max_households == 10
    assert profile.envelope.window_left_mm == 20.0
    assert profile.fonts.fallback == ()
    assert profile.sheet.widths == {}


def test_default_file_spells_out_every_key_with_a_comment():
    text = default_profile_path().read_text(encoding="utf-8")
    data = tomllib.loads(text)  # also valid for the standard parser
    expected = profile_to_mapping(RunProfile())
    assert {s: set(v) for s, v in data.items()} == {s: set(v) for s, v in expected.items()}
    for line in text.splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            assert "#" in line, f"no comment on: {line}"


def test_resources_dir_follows_a_pyinstaller_bundle(monkeypatch, tmp_path):
    assert default_profile_path().is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert default_profile_path() == tmp_path / "resources" / "profiles" / "default.toml"


# --- partial files --------------------------------------------------------------


def test_missing_keys_take_the_bundled_default(tmp_path):
    profile = load_profile(write(tmp_path, '[run]\nvariant = "new-members"\nissue_date = 2024-12-10\n'))
    assert profile.run.variant == "new-members"
    assert profile.run.issue_date == date(2024, 12, 10)
    assert profile.run.as_of == date(2024, 6, 30)
    assert profile.insurer == RunProfile().insurer
    assert profile.rules == RunProfile().rules


def test_empty_file_is_the_default(tmp_path):
    assert load_profile(write(tmp_path, "# nothing\n")) == RunProfile()


def test_int_window_and_employer_table_are_accepted(tmp_path):
    profile = load_profile(
        write(
            tmp_path,
            "[envelope]\nwindow_left_mm = 25\n"
            '[packing.employers]\n"000123" = "affiliation"\n"000456" = "number"\n'
            "[sheet]\nwidths = { kigo = 4, bango = 8 }\n",
        )
    )
    assert profile.envelope.window_left_mm == 25.0
    assert isinstance(profile.envelope.window_left_mm, float)
    assert profile.packing.employers == {"000123": "affiliation", "000456": "number"}
    assert profile.sheet.widths == {"kigo": 4, "bango": 8}


# --- one error, naming the key -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[run]\nvarient = \"initial\"\n", "run.varient"),
        ("[printer]\nname = \"x\"\n", "printer"),
        ("[rules]\nfreeze = \"2024-08-07\"\n", "rules.freeze"),
        ("[rules]\nfreeze = 2024-08-07T10:00:00\n", "rules.freeze"),
        ("[rules]\nrequire_mynumber = 1\n", "rules.require_mynumber"),
        ("[packing]\nenvelope_max_households = 10.0\n", "packing.envelope_max_households"),
        ("[packing]\nenvelope_max_households = true\n", "packing.envelope_max_households"),
        ("[packing]\nenvelope_max_households = 0\n", "packing.envelope_max_households"),
        ("[envelope]\nwindow_top_mm = true\n", "envelope.window_top_mm"),
        ("[envelope]\nwindow_top_mm = -3.0\n", "envelope.window_top_mm"),
        ("[insurer]\nnumber = 6134803\n", "insurer.number"),
        ("[insurer]\nnumber = \"0613480\"\n", "insurer.number"),
        ("[insurer]\nnumber = \"06134804\"\n", "insurer.number"),
        ("[run]\nvariant = \"renewal\"\n", "run.variant"),
        ("[run]\norder = \"name\"\n", "run.order"),
        ("[run]\ndocuments = \"cover\"\n", "run.documents"),
        ("[run]\nsplit = \"pages:0\"\n", "run.split"),
        ("[run]\nsplit = \"pages:x\"\n", "run.split"),
        ("[run]\nsplit = \"household\"\n", "run.split"),
        ("[run]\nissue_date = \"tomorrow\"\n", "run.issue_date"),
        ("[packing.employers]\n\"000123\" = \"name\"\n", "packing.employers.000123"),
        ("[packing]\nemployers = []\n", "packing.employers"),
        ("[sheet]\nwidths = { kigo = 4, family = 2 }\n", "sheet.widths.family"),
        ("[sheet]\nwidths = { bango = 0 }\n", "sheet.widths.bango"),
        ("[sheet]\nwidths = { bango = 8.0 }\n", "sheet.widths.bango"),
        ("[fonts]\nfallback = \"x.ttf\"\n", "fonts.fallback"),
        ("[fonts]\nfallback = [\"missing-gaiji.ttf\"]\n", "fonts.fallback"),
        ("[envelope]\nwindow_left_mm = 150.0\n", "envelope.window_width_mm"),
        ("[envelope]\nwindow_top_mm = 260.0\n", "envelope.window_height_mm"),
        ("[envelope]\nwindow_left_mm = 4.0\n", "envelope.window_left_mm"),
        ("[rules]\nnew_members_from = 2024-12-01\nnew_members_to = 2024-11-29\n", "rules.new_members_to"),
        ("run = 3\n", "run"),
        ("[insurer]\nname = 2024-01-01\n", "insurer.name"),
        ("[sheet]\nname = { first = true }\n", "sheet.name"),
        ("[sheet]\nwidths = 4\n", "sheet.widths"),
    ],
)
def test_each_bad_key_is_named(tmp_path, text, key):
    error = error_for(tmp_path, text)
    assert error.key == key
    assert key in error.message
    assert key in str(error)
    assert str(tmp_path / "run.toml") in str(error)


def test_wrong_check_digit_says_so(tmp_path):
    error = error_for(tmp_path, '[insurer]\nnumber = "06134804"\n')
    assert "検証番号" in error.message


def test_wrong_type_says_what_is_expected(tmp_path):
    error = error_for(tmp_path, '[rules]\nfreeze = "2024-08-07"\n')
    assert "日付" in error.message and "2024-08-07" in error.message


def test_window_may_touch_the_5mm_margin(tmp_path):
    profile = load_profile(write(tmp_path, "[envelope]\nwindow_left_mm = 5\nwindow_width_mm = 200\n"))
    assert profile.envelope.window_left_mm + profile.envelope.window_width_mm == 205.0


@pytest.mark.parametrize(
    "text",
    ['[run]\nas_of = 2024-02-30\n', '[run]\nvariant = "initial"\nvariant = "reissue"\n', '[run\n'],
)
def test_toml_syntax_errors_have_no_key_and_give_the_line(tmp_path, text):
    error = error_for(tmp_path, text)
    assert error.key == ""
    assert "行目" in error.message


def test_file_not_in_utf8(tmp_path):
    path = tmp_path / "sjis.toml"
    path.write_bytes('[insurer]\nname = "東京都電機健康保険組合"\n'.encode("shift_jis"))
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert info.value.key == "" and "UTF-8" in info.value.message


def test_broken_bundle_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(ProfileError) as info:
        profile_from_mapping({})
    assert "default.toml" in str(info.value)
    (tmp_path / "resources" / "profiles").mkdir(parents=True)
    (tmp_path / "resources" / "profiles" / "default.toml").write_text('[run]\nsplit = "all"\n', encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        profile_from_mapping({})
    assert info.value.key == "run.split"
    assert info.value.path == tmp_path / "resources" / "profiles" / "default.toml"


def test_unreadable_file(tmp_path):
    with pytest.raises(ProfileError) as info:
        load_profile(tmp_path / "absent.toml")
    assert info.value.key == ""
    assert "absent.toml" in str(info.value)


# --- fonts -------------------------------------------------------------------------


def test_relative_font_path_is_resolved_against_the_profile_folder(tmp_path, monkeypatch):
    (tmp_path / "fonts").mkdir()
    font = tmp_path / "fonts" / "gaiji.ttf"
    font.write_bytes(b"\0\1\0\0")
    monkeypatch.chdir(tmp_path.parent)  # not the profile's folder
    profile = load_profile(write(tmp_path, '[fonts]\nfallback = ["fonts/gaiji.ttf"]\n'))
    assert profile.fonts.fallback == (str(font),)


# --- the settings dialog ------------------------------------------------------------


def test_mapping_overlays_the_default():
    profile = profile_from_mapping({"run": {"split": "pages:500"}, "rules": {"freeze": date(2024, 8, 9)}})
    assert profile.run.split == "pages:500"
    assert profile.rules.freeze == date(2024, 8, 9)
    assert profile.run.variant == "initial"


def test_mapping_reports_the_first_problem():
    with pytest.raises(ProfileError) as info:
        profile_from_mapping({"run": {"split": "pages:-1"}})
    assert info.value.key == "run.split"
    assert info.value.path is None


def test_mapping_must_be_a_table():
    with pytest.raises(ProfileError) as info:
        profile_from_mapping(["run"])  # type: ignore[arg-type]
    assert info.value.key == ""


def test_mapping_value_of_no_toml_type_is_named():
    with pytest.raises(ProfileError) as info:
        profile_from_mapping({"sheet": {"name": None}})
    assert info.value.key == "sheet.name"


def test_mapping_may_be_a_tomlkit_document(tmp_path):
    loaded = load_profile_document(write(tmp_path, '[run]\nsplit = "run"\n'))
    assert profile_from_mapping(loaded.document).run.split == "run"


def test_mapping_round_trips_a_profile():
    profile = profile_from_mapping({"packing": {"employers": {"7": "number"}}, "run": {"issue_date": "today"}})
    assert profile_from_mapping(profile_to_mapping(profile)) == profile


# --- "today" ---------------------------------------------------------------------


def test_today_is_kept_until_resolved(tmp_path):
    profile = load_profile(write(tmp_path, '[run]\nvariant = "reissue"\nissue_date = "today"\n'))
    assert profile.run.issue_date == "today"
    resolved = resolve_today(profile, date(2025, 1, 15))
    assert resolved.run.issue_date == date(2025, 1, 15)
    assert resolved.run.variant == "reissue"
    assert profile.run.issue_date == "today"  # the original is untouched


def test_resolve_today_leaves_a_fixed_date():
    profile = load_profile()
    assert resolve_today(profile, date(2025, 1, 15)).run.issue_date == date(2024, 8, 7)


def test_today_is_written_as_a_string_and_a_date_as_a_toml_date(tmp_path):
    profile = profile_from_mapping({"run": {"issue_date": "today"}})
    out = tmp_path / "today.toml"
    save_profile(profile, out)
    assert tomllib.loads(out.read_text(encoding="utf-8"))["run"]["issue_date"] == "today"
    save_profile(resolve_today(profile, date(2025, 1, 15)), out)
    assert tomllib.loads(out.read_text(encoding="utf-8"))["run"]["issue_date"] == date(2025, 1, 15)


# --- saving keeps comments ---------------------------------------------------------

COMMENTED = """\
# 2024年12月 新規加入者分
[run]
variant = "new-members"   # 新規加入者
issue_date = 2024-12-10   # 発行日

[packing.employers]       # 梱包順
"000123" = "affiliation"  # 本社は所属別

[envelope]
window_left_mm = 22       # 購入した封筒に合わせた
"""


def test_round_trip_keeps_comments_and_changes_one_value(tmp_path):
    path = write(tmp_path, COMMENTED)
    loaded = load_profile_document(path)
    changed = dataclasses.replace(
        loaded.profile, run=dataclasses.replace(loaded.profile.run, issue_date=date(2024, 12, 12))
    )
    save_profile(changed, path, loaded.document)
    text = path.read_text(encoding="utf-8")
    assert text == COMMENTED.replace("2024-12-10", "2024-12-12")
    assert load_profile(path) == changed


def test_unchanged_profile_is_written_back_byte_for_byte(tmp_path):
    path = write(tmp_path, COMMENTED)
    loaded = load_profile_document(path)
    assert dump_profile(loaded.profile, loaded.document, base_dir=tmp_path) == COMMENTED


def test_saving_over_a_file_uses_it_as_the_base(tmp_path):
    path = write(tmp_path, COMMENTED)
    profile = load_profile(path)
    changed = dataclasses.replace(
        profile,
        packing=dataclasses.replace(profile.packing, employers={"000456": "number"}),
        sheet=dataclasses.replace(profile.sheet, widths={"kigo": 4}),
    )
    save_profile(changed, path)
    text = path.read_text(encoding="utf-8")
    assert "# 2024年12月 新規加入者分" in text and "# 購入した封筒に合わせた" in text
    assert "000123" not in text
    assert load_profile(path) == changed


def test_new_file_starts_from_the_commented_default(tmp_path):
    profile = profile_from_mapping({"run": {"variant": "reissue"}})
    path = tmp_path / "new.toml"
    save_profile(profile, path)
    text = path.read_text(encoding="utf-8")
    assert "保険者番号" in text
    assert load_profile(path) == profile


def test_complete_writes_every_key_of_a_partial_document(tmp_path):
    path = write(tmp_path, COMMENTED)
    loaded = load_profile_document(path)
    out = tmp_path / "runs" / "profile.toml"
    out.parent.mkdir()
    save_profile(loaded.profile, out, loaded.document, complete=True)
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert data["rules"]["freeze"] == date(2024, 8, 7)
    assert data["insurer"]["number"] == "06134803"
    assert "# 購入した封筒に合わせた" in out.read_text(encoding="utf-8")
    assert load_profile(out) == loaded.profile


def test_invalid_profile_is_not_saved(tmp_path):
    profile = load_profile()
    bad = dataclasses.replace(profile, run=dataclasses.replace(profile.run, split="pages:0"))
    path = tmp_path / "bad.toml"
    with pytest.raises(ProfileError) as info:
        save_profile(bad, path)
    assert info.value.key == "run.split"
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_font_paths_stay_relative_when_saved_next_to_the_font(tmp_path):
    (tmp_path / "gaiji.ttf").write_bytes(b"\0\1\0\0")
    path = write(tmp_path, '[fonts]\nfallback = ["gaiji.ttf"]  # 外字\n')
    loaded = load_profile_document(path)
    changed = dataclasses.replace(loaded.profile, sheet=dataclasses.replace(loaded.profile.sheet, name="加入者"))
    save_profile(changed, path, loaded.document)
    text = path.read_text(encoding="utf-8")
    assert 'fallback = ["gaiji.ttf"]  # 外字' in text
    assert load_profile(path) == changed


def test_a_caller_changing_one_profile_does_not_change_the_next():
    first = profile_from_mapping({})
    first.packing.employers["000999"] = "number"  # dicts inside a frozen dataclass stay mutable
    first.sheet.widths["kigo"] = 4
    again = profile_from_mapping({})
    assert again.packing.employers == {} and again.sheet.widths == {}
    assert load_profile() == RunProfile()


def test_saving_over_a_bad_value_replaces_it_and_keeps_the_comment(tmp_path):
    path = write(tmp_path, '[run]\nsplit = "pages:0"  # 分け方\n')
    with pytest.raises(ProfileError):
        load_profile(path)
    fixed = profile_from_mapping({"run": {"split": "pages:400"}})
    save_profile(fixed, path)
    assert path.read_text(encoding="utf-8") == '[run]\nsplit = "pages:400"  # 分け方\n'


def test_saving_over_a_file_that_is_not_toml_starts_from_the_default(tmp_path):
    path = write(tmp_path, "[run\n")
    save_profile(load_profile(), path)
    assert path.read_text(encoding="utf-8") == default_profile_path().read_text(encoding="utf-8")


def test_employer_choices_added_to_a_file_without_them(tmp_path):
    path = write(tmp_path, '[run]\nvariant = "initial"  # 一斉\n')
    loaded = load_profile_document(path)
    changed = dataclasses.replace(
        loaded.profile, packing=dataclasses.replace(loaded.profile.packing, employers={"000123": "affiliation"})
    )
    save_profile(changed, path, loaded.document)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('[run]\nvariant = "initial"  # 一斉\n')
    assert "[packing.employers]" in text
    assert load_profile(path) == changed


def test_font_outside_the_profile_folder_is_saved_as_an_absolute_path(tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "gaiji.ttf").write_bytes(b"\0\1\0\0")
    profile = profile_from_mapping({"fonts": {"fallback": [str(fonts / "gaiji.ttf")]}})
    out = tmp_path / "runs" / "profile.toml"
    out.parent.mkdir()
    save_profile(profile, out)
    assert tomllib.loads(out.read_text(encoding="utf-8"))["fonts"]["fallback"] == [str(fonts / "gaiji.ttf")]
    assert load_profile(out) == profile


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    path = write(tmp_path, COMMENTED)

    def refuse(src, dst):
        raise PermissionError(13, "locked")

    monkeypatch.setattr("print_engine.profile.loading.os.replace", refuse)
    with pytest.raises(PermissionError):
        save_profile(load_profile(), path)
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert [p.name for p in tmp_path.iterdir()] == ["run.toml"]


def test_duplex_defaults_to_simplex_and_is_type_checked(tmp_path):
    assert load_profile().run.duplex is False
    path = tmp_path / "duplex.toml"
    path.write_text("[run]\nduplex = true\n", encoding="utf-8")
    assert load_profile(path).run.duplex is True
    path.write_text('[run]\nduplex = "yes"\n', encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert info.value.key == "run.duplex"
