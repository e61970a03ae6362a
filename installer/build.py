"""Build Oshirase's one-folder bundle and setup file, and prove they work.

The one build script, on Windows (``build_windows.ps1`` and the GitHub
workflow call it) and on Linux (``.ci/run`` calls it)::

    python installer/build.py                    # venv, PyInstaller, checks, makensis
    python installer/build.py --wine             # … and install/upgrade/uninstall under Wine (Linux)
    python installer/build.py --python .venv/bin/python   # reuse a Python that has .[build]

Steps, each printed with PASS/FAIL and its time; the first failure stops the
build with exit status 1:

1. **venv** — a clean ``build/venv`` with ``pip install .[build]``, not
   editable (skipped with ``--python``);
   **package** — that install's ``oshirase`` console script runs ``check`` on
   a copy of the sample in a temporary folder, importing the engine and
   finding ``resources/`` inside the venv, not the checkout;
2. **pyinstaller** — ``installer/oshirase.spec`` gives ``build/dist/Oshirase/``
   with the windowed ``Oshirase`` and the console ``oshirase-cli``;
3. **bundle** — both programs, the resources, only the Qt modules the app
   uses, only Qt's Japanese translation; the bundle's size;
4. **self-test** — the windowed program's ``--self-test`` (its report goes to
   ``OSHIRASE_SELFTEST_LOG``, as a windowed exe has no console);
5. **console** — ``oshirase-cli`` runs ``--version``, ``check`` and ``batch``
   on the sample workbooks: its output (UTF-8), exit codes and written files
   must equal those of the unfrozen ``main.py``;
6. **makensis** — ``installer/oshirase.nsi`` with ``-WX``; on Linux the
   bundle is a stand-in payload (its programs renamed ``*.exe``, no
   compression) and a second setup of an older version is made for the
   upgrade test;
7. **wine** (``--wine``) — ``installer/wine_install_test.py`` installs,
   upgrades and uninstalls the setup under Wine.

Figures (build time, bundle size, setup size, Wine timings) are printed and
written to ``build/build-report.json``.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from version_info import project_version, version_quad  # noqa: E402

IS_WINDOWS = sys.platform == "win32"
EXE = ".exe" if IS_WINDOWS else ""
SAMPLES = ROOT / "resources" / "samples"
PREVIOUS_VERSION = "0.0.1"  # the "older version" the upgrade test installs first (Linux stand-in)
QT_NEEDED = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
QT_FORBIDDEN = {"QtQml", "QtQuick", "QtNetwork", "QtWebEngineCore", "QtMultimedia", "Qt3DCore"}


class StepFailed(Exception):
    """A build step failed; the message says why."""


def run(cmd: list[str], timeout: float = 1800, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, timeout=timeout, **kwargs)


def check_run(cmd: list[str], what: str, **kwargs) -> subprocess.CompletedProcess:
    proc = run(cmd, **kwargs)
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).decode("utf-8", "replace").splitlines()[-40:]
        raise StepFailed(f"{what} exited with {proc.returncode}:\n    " + "\n    ".join(tail))
    return proc


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


class Build:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.out = Path(args.out).resolve()
        self.dist = self.out / "dist"
        self.bundle = self.dist / "Oshirase"
        self.window_exe = self.bundle / f"Oshirase{EXE}"
        self.cli_exe = self.bundle / f"oshirase-cli{EXE}"
        self.version = project_version()
        self.python = Path(args.python) if args.python else None
        self.figures: dict[str, object] = {"version": self.version, "platform": sys.platform}
        self.setups: dict[str, Path] = {}
        self.venv_made = False

    # -- the steps ---------------------------------------------------------------------

    def step_venv(self) -> str:
        if self.python:
            return f"using {self.python}"
        venv = self.out / "venv"
        shutil.rmtree(venv, ignore_errors=True)
        check_run([sys.executable, "-m", "venv", venv], "python -m venv")
        self.python = venv / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")
        check_run([self.python, "-m", "pip", "install", "-q", "--upgrade", "pip"], "pip upgrade")
        check_run([self.python, "-m", "pip", "install", "-q", f"{ROOT}[build]"], "pip install .[build]", cwd=self.out)
        self.venv_made = True
        return f"clean venv {venv} with .[build]"

    def step_package(self) -> str:
        """``pip install .`` works on its own: the installed package checks the sample."""
        scripts = self.python.parent
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            shutil.copy(SAMPLES / "sample.xlsx", tmp / "book.xlsx")
            env = {**os.environ, "OSHIRASE_DATA_DIR": str(tmp / "data")}
            env.pop("PYTHONPATH", None)
            where = check_run([self.python, "-c", "import print_engine, print_engine.resources as r; "
                               "print(print_engine.__file__); print(r.resources_dir())"], "import", cwd=tmp, env=env)
            module, resources = where.stdout.decode("utf-8").split("\n")[:2]
            if "site-packages" not in Path(module).parts or Path(resources).name != "_resources":
                raise StepFailed(f"the installed package uses the checkout: {module}, {resources}")
            proc = run([scripts / f"oshirase{EXE}", "check", "book.xlsx"], cwd=tmp, env=env)
            source = run([self.python, ROOT / "main.py", "check", "book.xlsx"], cwd=tmp, env=env)
        if proc.returncode != 0 or proc.stdout != source.stdout:
            raise StepFailed(f"installed `oshirase check` exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[-1500:]}")
        return f"`oshirase check` from the installed package (resources in {Path(resources).parent.name}/)"

    def step_pyinstaller(self) -> str:
        started = time.monotonic()
        check_run(
            [self.python, "-m", "PyInstaller", HERE / "oshirase.spec", "--noconfirm", "--clean",
             "--distpath", self.dist, "--workpath", self.out / "work"],
            "PyInstaller", cwd=ROOT,
        )
        seconds = time.monotonic() - started
        self.figures["pyinstaller_s"] = round(seconds, 1)
        return f"{seconds:.0f} s"

    def step_bundle(self) -> str:
        for exe in (self.window_exe, self.cli_exe):
            if not exe.is_file():
                raise StepFailed(f"{exe.name} missing from the bundle")
        internal = self.bundle / "_internal"
        qt = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.*") if p.is_file()}  # PySide6 modules
        if not QT_NEEDED <= qt:
            raise StepFailed(f"Qt modules missing: {sorted(QT_NEEDED - qt)}")
        if qt & QT_FORBIDDEN:
            raise StepFailed(f"unused Qt modules bundled: {sorted(qt & QT_FORBIDDEN)}")
        res = internal / "resources"
        for needed in ("samples/sample.xlsx", "profiles/default.toml", "fonts/ipaexg.ttf", "fonts/ipaexm.ttf"):
            if not (res / needed).is_file():
                raise StepFailed(f"resources/{needed} missing from the bundle")
        if (res / "samples" / "sample-errors.xlsx").exists():
            raise StepFailed("the error samples must not be bundled")
        translations = {p.name for p in internal.glob("PySide6/**/translations/*.qm")}
        if translations != {"qtbase_ja.qm"}:
            raise StepFailed(f"Qt translations bundled: {sorted(translations)}")
        size = folder_bytes(self.bundle)
        self.figures["bundle_mb"] = round(size / 1e6, 1)
        self.figures["bundle_files"] = sum(1 for p in self.bundle.rglob("*") if p.is_file())
        return f"{size / 1e6:.0f} MB, {self.figures['bundle_files']} files"

    def step_self_test(self) -> str:
        with tempfile.TemporaryDirectory() as tmp:
            log = Path(tmp) / "selftest.log"
            env = {**os.environ, "OSHIRASE_SELFTEST_LOG": str(log), "QT_QPA_PLATFORM": "offscreen",
                   "OSHIRASE_DATA_DIR": str(Path(tmp) / "data")}
            started = time.monotonic()
            proc = run([self.window_exe, "--self-test"], timeout=300, env=env)
            lines = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
            seconds = time.monotonic() - started
        for line in lines:
            print(f"    {line}")
        if proc.returncode != 0 or not lines or lines[-1] != "OK":
            raise StepFailed(f"self-test exited with {proc.returncode}: " + (proc.stderr.decode("utf-8", "replace")[-2000:]))
        if not lines[0].startswith(f"Oshirase {self.version} self-test (frozen"):
            raise StepFailed(f"self-test reports {lines[0]!r}, expected version {self.version}")
        self.figures["self_test_s"] = round(seconds, 1)
        return f"{seconds:.0f} s"

    def step_console(self) -> str:
        """The frozen console program answers exactly as the unfrozen main.py does."""
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            # The issuance ledger of each side in the temporary folder: the same run number on both.
            env = {**os.environ, "OSHIRASE_DATA_DIR": str(tmp / "data"), "PYTHONUTF8": "0",
                   "OSHIRASE_LEDGER": str(tmp / "ledger-check.sqlite3")}
            env.pop("QT_QPA_PLATFORM", None)
            frozen = [self.cli_exe]
            source = [self.python, ROOT / "main.py"]
            version = run([*frozen, "--version"], env=env)
            if version.returncode != 0 or version.stdout.decode("utf-8").strip() != f"Oshirase {self.version}":
                raise StepFailed(f"oshirase-cli --version printed {version.stdout!r}")
            cases = [
                ("check sample", ["check", SAMPLES / "sample.xlsx"], 0),
                ("check errors", ["check", SAMPLES / "sample-errors.xlsx"], 1),
                ("unknown command", ["chek", SAMPLES / "sample.xlsx"], 2),
                ("no command", [], 2),
            ]
            for what, argv, expected in cases:
                got_frozen = run([*frozen, *argv], env=env, cwd=tmp)
                got_source = run([*source, *argv], env=env, cwd=tmp) if argv else got_frozen
                self._same(what, got_frozen, got_source, expected)
            started = time.monotonic()
            outs = {}
            for name, cmd in (("frozen", frozen), ("source", source)):
                out = tmp / f"out-{name}"
                ledger = tmp / f"ledger-{name}.sqlite3"
                proc = run([*cmd, "batch", SAMPLES / "sample.xlsx", "--out", out], cwd=tmp,
                           env={**env, "OSHIRASE_LEDGER": str(ledger)})
                proc.stdout = proc.stdout.replace(str(ledger).encode(), b"LEDGER")
                outs[name] = (out, proc)
                if name == "frozen":
                    self.figures["frozen_batch_s"] = round(time.monotonic() - started, 1)
            (out_f, proc_f), (out_s, proc_s) = outs["frozen"], outs["source"]
            proc_f.stdout = proc_f.stdout.replace(str(out_f).encode(), b"OUT")
            proc_s.stdout = proc_s.stdout.replace(str(out_s).encode(), b"OUT")
            self._same("batch", proc_f, proc_s, 0)
            files_f = sorted(p.relative_to(out_f).as_posix() for p in out_f.rglob("*") if p.is_file())
            files_s = sorted(p.relative_to(out_s).as_posix() for p in out_s.rglob("*") if p.is_file())
            if files_f != files_s:
                raise StepFailed(f"batch wrote other files frozen than unfrozen: {sorted(set(files_f) ^ set(files_s))}")
            differ = [f for f in files_f if not filecmp.cmp(out_f / f, out_s / f, shallow=False)]
            if differ:
                raise StepFailed(f"batch output differs frozen vs unfrozen: {differ}")
            pdfs = sum(1 for f in files_f if f.endswith(".pdf"))
        return f"check/batch equal to main.py ({len(cases)} cases, {pdfs} PDFs byte-identical)"

    @staticmethod
    def _same(what: str, frozen, source, expected: int) -> None:
        for stream in ("stdout", "stderr"):
            try:
                getattr(frozen, stream).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise StepFailed(f"{what}: oshirase-cli {stream} is not UTF-8 ({exc})") from None
        if frozen.returncode != expected:
            raise StepFailed(f"{what}: oshirase-cli exited {frozen.returncode}, expected {expected}: "
                             + frozen.stderr.decode("utf-8", "replace")[-1500:])
        if source is not frozen and (frozen.returncode, frozen.stdout) != (source.returncode, source.stdout):
            raise StepFailed(f"{what}: oshirase-cli and main.py differ (exit {frozen.returncode} vs {source.returncode})")

    def _makensis(self, version: str, payload: Path, out_dir: Path, compress: bool) -> Path:
        makensis = self.args.makensis or shutil.which("makensis")
        if not makensis and IS_WINDOWS:
            for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
                if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
                    makensis = str(Path(base) / "NSIS" / "makensis.exe")
        if not makensis:
            raise StepFailed("makensis not found (Debian: apt-get install nsis; Windows: NSIS 3.06+)")
        out_dir.mkdir(parents=True, exist_ok=True)
        setup = out_dir / f"Oshirase-{version}-setup.exe"
        setup.unlink(missing_ok=True)
        quad = ".".join(map(str, version_quad(version)))
        extra = [] if compress else ["-DNOCOMPRESS"]
        check_run([makensis, "-WX", "-V2", *extra, f"-DVERSION={version}", f"-DVERSION_QUAD={quad}",
                   f"-DPAYLOAD_DIR={payload}", f"-DOUTDIR={out_dir}", HERE / "oshirase.nsi"], "makensis")
        if not setup.is_file():
            raise StepFailed(f"makensis did not write {setup}")
        return setup

    def standin_payload(self) -> Path:
        """The Linux bundle as a Windows payload: its programs named ``*.exe`` (hard links)."""
        payload = self.out / "standin" / "Oshirase"
        shutil.rmtree(payload.parent, ignore_errors=True)
        shutil.copytree(self.bundle, payload, copy_function=os.link, symlinks=True)
        for name in ("Oshirase", "oshirase-cli"):
            (payload / name).rename(payload / f"{name}.exe")
        return payload

    def step_makensis(self) -> str:
        started = time.monotonic()
        if IS_WINDOWS:
            self.setups["current"] = self._makensis(self.version, self.bundle, self.out, compress=True)
        else:
            payload = self.standin_payload()
            self.setups["current"] = self._makensis(self.version, payload, self.out, compress=False)
            self.setups["previous"] = self._makensis(PREVIOUS_VERSION, payload, self.out / "previous", compress=False)
        seconds = time.monotonic() - started
        size = self.setups["current"].stat().st_size
        self.figures["makensis_s"] = round(seconds, 1)
        self.figures["setup_mb"] = round(size / 1e6, 1)
        return f"{self.setups['current'].name}, {size / 1e6:.0f} MB, {seconds:.0f} s"

    def step_wine(self) -> str:
        report = self.out / "wine-report.json"
        # The prefix lives outside the checkout and is removed: its dosdevices\z: links to "/", and
        # setuptools would walk the whole disk through it on the next `pip install .`.
        prefix = Path(tempfile.mkdtemp(prefix="oshirase-wine-"))
        try:
            proc = subprocess.run([sys.executable, str(HERE / "wine_install_test.py"), "--setup",
                                   str(self.setups["current"]), "--previous", str(self.setups["previous"]),
                                   "--version", self.version, "--prefix", str(prefix / "prefix"),
                                   "--report", str(report)], timeout=1200)
        finally:
            shutil.rmtree(prefix, ignore_errors=True)
        if proc.returncode != 0:  # its checks were printed as they ran
            raise StepFailed(f"wine_install_test.py exited with {proc.returncode}")
        figures = json.loads(report.read_text(encoding="utf-8"))
        self.figures["wine"] = figures
        return ", ".join(f"{k} {v} s" for k, v in figures.items())

    # -- driver ------------------------------------------------------------------------

    def steps(self):
        yield "venv", self.step_venv
        if self.venv_made:
            yield "package", self.step_package
        yield "pyinstaller", self.step_pyinstaller
        yield "bundle", self.step_bundle
        yield "self-test", self.step_self_test
        yield "console", self.step_console
        if not self.args.no_installer:
            yield "makensis", self.step_makensis
            if self.args.wine:
                yield "wine", self.step_wine

    def run(self) -> int:
        self.out.mkdir(parents=True, exist_ok=True)
        print(f"== Oshirase {self.version}: build on {sys.platform}", flush=True)
        started = time.monotonic()
        status = 0
        for name, step in self.steps():
            t0 = time.monotonic()
            try:
                detail = step()
            except (StepFailed, subprocess.TimeoutExpired, OSError) as exc:
                print(f"FAIL {name} ({time.monotonic() - t0:.0f} s): {exc}", flush=True)
                status = 1
                break
            print(f"PASS {name} ({time.monotonic() - t0:.0f} s): {detail}", flush=True)
        self.figures["total_s"] = round(time.monotonic() - started, 1)
        (self.out / "build-report.json").write_text(json.dumps(self.figures, indent=2), encoding="utf-8")
        print("== figures: " + json.dumps(self.figures, ensure_ascii=False), flush=True)
        return status


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "build"), help="build folder (default build/)")
    parser.add_argument("--python", help="a Python with .[build] installed (skips the clean venv)")
    parser.add_argument("--makensis", help="makensis to use (default: on PATH, else Program Files\\NSIS)")
    parser.add_argument("--no-installer", action="store_true", help="stop after the frozen checks")
    parser.add_argument("--wine", action="store_true", help="install, upgrade and uninstall under Wine (Linux)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.wine and IS_WINDOWS:
        print("--wine is for Linux; on Windows installer/test_install_windows.ps1 installs for real", file=sys.stderr)
        return 2
    return Build(args).run()


if __name__ == "__main__":
    sys.exit(main())
