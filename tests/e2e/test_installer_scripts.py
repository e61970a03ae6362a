"""The installer's scripts: the NSIS script compiles, and spec, build script,
workflow and smoke test agree with each other (``installer/``)."""

from __future__ import annotations

import ast
import os
import re
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
SMOKE = INSTALLER / "smoke_linux.sh"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"

sys.path.insert(0, str(INSTALLER))
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


def _nsi_required_defines() -> set[str]:
    text = NSI.read_text(encoding="utf-8")
    return set(re.findall(r"!ifndef (\w+)\s*\n\s*!error", text))


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


def test_nsi_keeps_a_fixed_identity_and_the_users_data():
    text = NSI.read_text(encoding="utf-8")
    guids = re.findall(r'!define PRODUCT_GUID "(\{[0-9A-F-]{36}\})"', text)
    assert len(guids) == 1
    assert '!define INSTALL_KEY "Software\\Oshirase\\Setup"' in text
    assert "Uninstall\\${PRODUCT_GUID}" in text
    uninstall = text[text.index('Section "Uninstall"'):]
    uninstall = uninstall[:uninstall.index("SectionEnd")]
    code = "\n".join(line.split(";")[0] for line in uninstall.splitlines())
    # Profiles and settings (%APPDATA%\Oshirase, QSettings) are never removed,
    # and the install folder itself is only removed when empty.
    assert "$APPDATA" not in code and "AppData" not in code
    assert 'RMDir /r "$INSTDIR"' not in code
    assert 'RMDir "$INSTDIR"' in code
    assert 'DeleteRegKey SHCTX "Software\\Oshirase"' not in code


# -- the PyInstaller spec ----------------------------------------------------------


def test_spec_lists_every_resource_folder_and_each_pattern_matches():
    resources = _spec_resources()
    on_disk = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert set(resources) == on_disk
    for folder, patterns in resources.items():
        for pattern in patterns:
            assert list((ROOT / "resources" / folder).glob(pattern)), f"resources/{folder}/{pattern} matches nothing"
    assert "IPA_Font_License_Agreement_v1.0.txt" in resources["fonts"]


def test_spec_is_one_folder_windowed_with_icon_and_version_resource():
    text = SPEC.read_text(encoding="utf-8")
    assert "exclude_binaries=True" in text and "COLLECT(" in text  # one folder
    assert "console=False" in text
    assert "oshirase.ico" in text and (INSTALLER / "oshirase.ico").is_file()
    assert "write_version_info(" in text
    assert '"qtbase_ja.qm"' in text
    for module in ("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "tkinter", "pytest", "hypothesis"):
        assert f'"{module}"' in text


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


# -- build scripts and workflow agree ------------------------------------------------


def test_windows_build_script_uses_the_same_spec_nsi_and_version_source():
    text = BUILD_PS1.read_text(encoding="utf-8")
    assert '"installer\\oshirase.spec"' in text
    assert '"installer\\oshirase.nsi"' in text
    assert '"installer\\version_info.py"' in text
    assert "Oshirase-$Version-setup.exe" in text
    for define in _nsi_required_defines():
        assert f'"-D{define}=' in text, f"build_windows.ps1 does not pass {define}"
    assert "-WX" in text
    # Order: PyInstaller, then the frozen self-test, then makensis.
    assert text.index("PyInstaller $Spec") < text.index("Invoke-SelfTest -AppExe $Exe") < text.index("& $MakensisExe")


def test_linux_smoke_uses_the_same_spec_nsi_and_version_source():
    text = SMOKE.read_text(encoding="utf-8")
    assert "installer/oshirase.spec" in text and "installer/oshirase.nsi" in text
    assert "installer/version_info.py" in text
    assert "makensis -WX" in text
    for define in _nsi_required_defines():
        assert f'"-D{define}=' in text, f"smoke_linux.sh does not pass {define}"
    assert "Oshirase-$VERSION-setup.exe" in text


def test_workflow_runs_the_build_script_and_the_install_test():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-" in text
    assert "./installer/build_windows.ps1" in text
    assert "./installer/test_install_windows.ps1" in text
    assert "installer/version_info.py" in text
    assert "build/Oshirase-${{ steps.version.outputs.version }}-setup.exe" in text
    assert 'python-version: "3.11"' in text
    install = INSTALL_TEST_PS1.read_text(encoding="utf-8")
    for step in ('Invoke-Setup @("/S", "/CurrentUser")', "Invoke-SelfTest -AppExe $Exe", "uninstall.exe"):
        assert step in install
    # The installed self-test looks for the product identity in the .nsi itself.
    assert "installer\\oshirase.nsi" in install and "PRODUCT_GUID" in install


@pytest.mark.parametrize("script", [BUILD_PS1, INSTALL_TEST_PS1, COMMON_PS1], ids=lambda p: p.name)
def test_powershell_scripts_are_ascii(script):
    # Windows PowerShell 5.1 reads a BOM-less script as ANSI: keep them ASCII.
    script.read_bytes().decode("ascii")


# -- end to end (slow) -------------------------------------------------------------


@pytest.mark.slow
@needs_makensis
def test_smoke_linux_end_to_end(tmp_path):
    env = {**os.environ, "BUILD_DIR": str(tmp_path / "build"), "PYTHON": sys.executable}
    proc = subprocess.run(["bash", str(SMOKE)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    for step in ("pyinstaller build: PASS", "frozen --self-test: PASS", "makensis -WX: PASS"):
        assert step in out
    internal = tmp_path / "build" / "dist" / "Oshirase" / "_internal"
    bundled_qt = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.*") if p.is_file()}
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"} <= bundled_qt
    assert not bundled_qt & {"QtQml", "QtQuick", "QtNetwork", "QtWebEngineCore", "QtMultimedia", "Qt3DCore"}
    assert (internal / "resources" / "samples" / "sample.xlsx").is_file()
    assert not (internal / "resources" / "samples" / "sample-errors.xlsx").exists()
    qt_translations = {p.name for p in internal.glob("PySide6/**/translations/*.qm")}
    assert qt_translations == {"qtbase_ja.qm"}
    app_qm = {p.stem for p in (internal / "resources" / "i18n").glob("*.qm")}
    assert app_qm == {p.stem for p in (ROOT / "resources" / "i18n").glob("*.ts")}
