"""The installer's scripts, run where they can run here (``installer/``).

The NSIS script compiles (and refuses bad payloads); the spec lists every
resource; the version source; the build script's frozen-vs-source check of
the console program, with a stand-in program; the Wine install test with a
stand-in payload. The real build (PyInstaller, the real bundle under Wine)
is ``.ci/run``'s ``installer/build.py --wine``; the PowerShell scripts run on
the Windows workflow only.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
NSI = INSTALLER / "oshirase.nsi"
SPEC = INSTALLER / "oshirase.spec"
BUILD_PS1 = INSTALLER / "build_windows.ps1"
INSTALL_TEST_PS1 = INSTALLER / "test_install_windows.ps1"
COMMON_PS1 = INSTALLER / "windows_common.ps1"

sys.path.insert(0, str(INSTALLER))
import build  # noqa: E402
import version_info  # noqa: E402

needs_makensis = pytest.mark.makensis  # skipped without nsis, except under CI (tests/conftest.py)


def _makensis(payload: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["makensis", "-WX", "-V2", "-DVERSION=1.2.3", "-DVERSION_QUAD=1.2.3.0",
         f"-DPAYLOAD_DIR={payload}", f"-DOUTDIR={out}", *extra, str(NSI)],
        capture_output=True, text=True, timeout=300,
    )


def _fake_payload(root: Path) -> Path:
    payload = root / "Oshirase"
    (payload / "_internal" / "resources").mkdir(parents=True)
    (payload / "Oshirase.exe").write_bytes(b"MZ stand-in")
    (payload / "_internal" / "resources" / "sample.txt").write_text("x", encoding="utf-8")
    return payload


def _spec_resources() -> dict[str, list[str]]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "RESOURCES":
            return {folder: patterns for folder, patterns in ast.literal_eval(node.value)}
    raise AssertionError("RESOURCES not found in oshirase.spec")


# -- NSIS ----------------------------------------------------------------------------


@needs_makensis
def test_nsi_compiles_without_warnings_and_names_the_setup_by_version(tmp_path):
    proc = _makensis(_fake_payload(tmp_path), tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    setup = tmp_path / "Oshirase-1.2.3-setup.exe"
    assert setup.is_file()
    assert setup.read_bytes()[:2] == b"MZ"


@needs_makensis
def test_nsi_refuses_a_payload_that_is_not_a_pyinstaller_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = _makensis(tmp_path / "empty", tmp_path)
    assert proc.returncode != 0
    assert "_internal" in proc.stdout + proc.stderr
    assert not (tmp_path / "Oshirase-1.2.3-setup.exe").exists()


@needs_makensis
def test_nsi_refuses_a_payload_without_the_exe(tmp_path):
    payload = _fake_payload(tmp_path)
    (payload / "Oshirase.exe").unlink()
    proc = _makensis(payload, tmp_path)
    assert proc.returncode != 0
    assert "no Oshirase.exe" in proc.stdout + proc.stderr
    # The Linux smoke test's stand-in bundle is let through on purpose.
    assert _makensis(payload, tmp_path, "-DLINUX_STANDIN", "-DNOCOMPRESS").returncode == 0


@needs_makensis
def test_nsi_requires_the_version(tmp_path):
    proc = subprocess.run(
        ["makensis", "-WX", f"-DPAYLOAD_DIR={_fake_payload(tmp_path)}", f"-DOUTDIR={tmp_path}", str(NSI)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode != 0
    assert "-DVERSION" in proc.stdout + proc.stderr


# -- the PyInstaller spec ----------------------------------------------------------


def test_spec_lists_every_resource_folder_and_each_pattern_matches():
    resources = _spec_resources()
    on_disk = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert set(resources) == on_disk
    for folder, patterns in resources.items():
        for pattern in patterns:
            assert list((ROOT / "resources" / folder).glob(pattern)), f"resources/{folder}/{pattern} matches nothing"
    assert "IPA_Font_License_Agreement_v1.0.txt" in resources["fonts"]
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    files = next(ast.literal_eval(n.value) for n in tree.body
                 if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "RESOURCE_FILES")
    assert set(files) == {p.name for p in (ROOT / "resources").iterdir() if p.is_file()}


def test_version_comes_from_pyproject_and_renders_a_valid_resource():
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as fh:
        assert version_info.project_version() == tomllib.load(fh)["project"]["version"]
    assert version_info.version_quad("1.2") == (1, 2, 0, 0)
    assert version_info.version_quad("0.3.1rc2") == (0, 3, 1, 0)
    with pytest.raises(ValueError):
        version_info.version_quad("dev")

    # PyInstaller eval()s the file; evaluate it the same way with recording stand-ins.
    class Node:
        def __init__(self, *args, **kwargs):
            self.args, self.kwargs = args, kwargs

    names = "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo VarStruct"
    info = eval(version_info.render_version_info("2.5.1"), {n: type(n, (Node,), {}) for n in names.split()})  # noqa: S307
    assert type(info).__name__ == "VSVersionInfo"
    assert info.kwargs["ffi"].kwargs["filevers"] == (2, 5, 1, 0)
    strings = {s.args[0]: s.args[1] for s in info.kwargs["kids"][0].args[0][0].args[1]}
    assert strings["ProductVersion"] == "2.5.1"
    assert strings["OriginalFilename"] == "Oshirase.exe"


def test_version_cli_prints_plain_and_quad_forms():
    run = [sys.executable, str(INSTALLER / "version_info.py")]
    plain = subprocess.run(run, capture_output=True, text=True, check=True).stdout.strip()
    quad = subprocess.run([*run, "--quad"], capture_output=True, text=True, check=True).stdout.strip()
    assert plain == version_info.project_version()
    assert quad == ".".join(map(str, version_info.version_quad(plain)))


@pytest.mark.parametrize("script", [BUILD_PS1, INSTALL_TEST_PS1, COMMON_PS1], ids=lambda p: p.name)
def test_powershell_scripts_are_ascii(script):
    # Windows PowerShell 5.1 reads a BOM-less script as ANSI: keep them ASCII.
    script.read_bytes().decode("ascii")


# -- installer/build.py's console check, with stand-in programs -----------------------


def _stand_in_bundle(tmp_path: Path, extra: str = "") -> argparse.Namespace:
    """A "bundle" whose oshirase-cli is the front door posing as the frozen console
    program (plus ``extra`` shell lines first)."""
    bundle = tmp_path / "dist" / "Oshirase"
    bundle.mkdir(parents=True)
    cli = bundle / "oshirase-cli"
    pose = (f"import sys; sys.frozen = True; sys.executable = {str(cli)!r}; sys.path.insert(0, {str(ROOT)!r}); "
            "from oshirase.entry import main; sys.exit(main(sys.argv[1:]))")
    cli.write_text(f'#!/bin/sh\n{extra}\nexec "{sys.executable}" -c "{pose}" "$@"\n', encoding="utf-8")
    cli.chmod(0o755)
    return build.parse_args(["--out", str(tmp_path), "--python", sys.executable])


@pytest.mark.skipif(sys.platform == "win32", reason="stand-in programs are shell scripts")
def test_console_check_passes_when_the_program_answers_like_main_py(tmp_path):
    detail = build.Build(_stand_in_bundle(tmp_path)).step_console()
    assert "byte-identical" in detail


@pytest.mark.skipif(sys.platform == "win32", reason="stand-in programs are shell scripts")
@pytest.mark.parametrize("extra, message", [
    ('[ "$1" = check ] && echo "加入者の行数: 0"', "oshirase-cli and main.py differ"),
    ('[ "$1" = check ] && [ "${2##*/}" = sample-errors.xlsx ] && exit 0', "exited 0, expected 1"),
    ('[ "$1" = check ] && { printf "\\377\\376"; exit 0; }', "not UTF-8"),
])
def test_console_check_fails_when_the_program_answers_otherwise(tmp_path, extra, message):
    with pytest.raises(build.StepFailed, match=message):
        build.Build(_stand_in_bundle(tmp_path, extra)).step_console()


# -- the setup file under Wine, with a stand-in payload -------------------------------


@pytest.mark.slow
@pytest.mark.wine
@needs_makensis
def test_setup_installs_upgrades_and_uninstalls_under_wine(tmp_path):
    payload = _fake_payload(tmp_path)
    (payload / "oshirase-cli.exe").write_bytes(b"MZ stand-in")
    for name in ("samples/sample.xlsx", "fonts/ipaexg.ttf"):
        (payload / "_internal" / "resources" / name).parent.mkdir(parents=True, exist_ok=True)
        (payload / "_internal" / "resources" / name).write_bytes(b"x")
    for version, out in (("1.2.3", tmp_path), ("1.0.0", tmp_path / "previous")):
        out.mkdir(exist_ok=True)
        proc = subprocess.run(
            ["makensis", "-WX", "-V2", "-DNOCOMPRESS", f"-DVERSION={version}", f"-DVERSION_QUAD={version}.0",
             f"-DPAYLOAD_DIR={payload}", f"-DOUTDIR={out}", str(NSI)], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    report = tmp_path / "wine.json"
    proc = subprocess.run(
        [sys.executable, str(INSTALLER / "wine_install_test.py"), "--setup", str(tmp_path / "Oshirase-1.2.3-setup.exe"),
         "--previous", str(tmp_path / "previous" / "Oshirase-1.0.0-setup.exe"), "--version", "1.2.3",
         "--prefix", str(tmp_path / "wine"), "--report", str(report)],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "FAIL" not in proc.stdout
    for line in ("per user", "HKCU uninstall key, version 1.0.0", "install record says 1.2.3",
                 "old version's program files were removed", "program folder removed", "the user's data is kept"):
        assert line in proc.stdout
    shutil.rmtree(tmp_path / "wine", ignore_errors=True)
