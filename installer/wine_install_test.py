"""Install, upgrade and uninstall the setup file under Wine, silently, as an operator's PC would.

Run by ``installer/build.py --wine`` (``.ci/run``) with the Linux bundle as
stand-in payload; needs Debian's ``wine`` and ``wine32``
(``dpkg --add-architecture i386``). In a fresh Wine prefix it checks:

1. ``previous-setup.exe /S`` (no mode given) installs per user, without an
   all-users key, into ``%LOCALAPPDATA%\\Programs\\Oshirase``: both programs,
   the uninstaller, the resources, the Start-menu shortcut to
   ``Oshirase.exe``, the HKCU uninstall key with the version, the "Open with"
   entry;
2. ``setup.exe /S`` over it upgrades in place: the new version is recorded,
   the old program files are removed first, and the user's data
   (``%LOCALAPPDATA%\\Oshirase``: settings, logs; ``Documents\\Oshirase``: run
   records, profiles) is untouched;
3. ``uninstall.exe /S`` removes the program folder, the shortcut and every
   key, and keeps the user's data.

Prints one line per check and writes the timings (seconds) to ``--report``.
Exit status 0 when all pass, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

PRODUCT_GUID = "{6F1A3C52-8B4D-4E7A-9C2B-5D3E8F71A0B4}"  # installer/oshirase.nsi: never changes
SETUP_KEY = r"HKCU\Software\Oshirase\Setup"
UNINSTALL = r"Software\Microsoft\Windows\CurrentVersion\Uninstall" + "\\" + PRODUCT_GUID
APP_KEY = r"HKCU\Software\Classes\Applications\Oshirase.exe"
PROGID_KEY = r"HKCU\Software\Classes\Oshirase.Workbook"
SHORTCUT = "お知らせ印刷.lnk"


class Failed(Exception):
    pass


class Wine:
    def __init__(self, prefix: Path):
        self.prefix = prefix
        self.env = {
            **os.environ,
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            "WINEARCH": "win64",
            # No Mono/Gecko download prompts, no menu entries on the Linux desktop.
            "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
        }
        self.env.pop("DISPLAY", None)

    def run(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        proc = subprocess.run(["wine", *args], env=self.env, capture_output=True, timeout=timeout)
        # An NSIS uninstaller re-runs itself from %TEMP%: wait for every process of the prefix.
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=timeout)
        return proc

    def boot(self) -> None:
        shutil.rmtree(self.prefix, ignore_errors=True)
        self.prefix.parent.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(["wineboot", "-i"], env=self.env, capture_output=True, timeout=600)
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=600)
        if proc.returncode != 0:
            raise Failed(f"wineboot -i exited with {proc.returncode}: {proc.stderr.decode(errors='replace')[-800:]}")

    def env_var(self, name: str) -> str:
        out = self.run("cmd", "/c", f"echo %{name}%").stdout.decode("ascii", "replace").strip()
        if not out or "%" in out:
            raise Failed(f"%{name}% is not set in the Wine prefix")
        return out

    def unix_path(self, windows_path: str) -> Path:
        out = subprocess.run(["winepath", "-u", windows_path], env=self.env, capture_output=True, timeout=120)
        return Path(out.stdout.decode("utf-8").strip())

    def key_exists(self, key: str) -> bool:
        return self.run("reg", "query", key).returncode == 0

    def values(self, key: str) -> dict[str, str]:
        """The string values of ``key`` (``reg export`` writes UTF-16, so Japanese survives)."""
        target = self.prefix / "drive_c" / "export.reg"
        target.unlink(missing_ok=True)
        if self.run("reg", "export", key, r"C:\export.reg", "/y").returncode != 0 or not target.is_file():
            return {}
        text = target.read_text(encoding="utf-16")
        return {m[1]: m[2].replace("\\\\", "\\") for m in re.finditer(r'^"([^"]+)"="(.*)"\s*$', text, re.M)}


class Checks:
    def __init__(self):
        self.failed: list[str] = []

    def __call__(self, condition: bool, message: str) -> None:
        print(f"  {'ok  ' if condition else 'FAIL'} {message}", flush=True)
        if not condition:
            self.failed.append(message)


def shortcut_targets(lnk: Path, exe: str) -> bool:
    data = lnk.read_bytes() if lnk.is_file() else b""
    return exe.encode("ascii") in data or exe.encode("utf-16-le") in data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--setup", required=True, type=Path, help="the setup file under test")
    parser.add_argument("--previous", required=True, type=Path, help="a setup file of an older version")
    parser.add_argument("--version", required=True, help="the version of --setup")
    parser.add_argument("--prefix", required=True, type=Path, help="Wine prefix (recreated)")
    parser.add_argument("--report", type=Path, help="write the timings here (JSON)")
    args = parser.parse_args(argv)
    if not shutil.which("wine"):
        print("wine not found: dpkg --add-architecture i386 && apt-get install wine wine32", file=sys.stderr)
        return 1
    wine, check, times = Wine(args.prefix.resolve()), Checks(), {}

    started = time.monotonic()
    wine.boot()
    times["wineboot"] = round(time.monotonic() - started, 1)
    local = wine.env_var("LOCALAPPDATA")
    roaming = wine.unix_path(wine.env_var("APPDATA"))
    profile_dir = wine.unix_path(wine.env_var("USERPROFILE"))
    install_dir = wine.unix_path(local + r"\Programs\Oshirase")
    data_dir = wine.unix_path(local + r"\Oshirase")
    documents = profile_dir / "Documents" / "Oshirase"
    start_menu = roaming / "Microsoft" / "Windows" / "Start Menu" / "Programs" / SHORTCUT

    print(f"== install an older version: {args.previous.name} /S", flush=True)
    started = time.monotonic()
    proc = wine.run(str(args.previous), "/S")
    times["install"] = round(time.monotonic() - started, 1)
    check(proc.returncode == 0, f"setup exited 0 (got {proc.returncode})")
    setup = wine.values(SETUP_KEY)
    previous_version = setup.get("Version", "")
    check(setup.get("InstallMode") == "CurrentUser", "a silent install without a mode is per user")
    check(setup.get("InstallDir", "").lower() == (local + r"\Programs\Oshirase").lower(),
          f"installed into %LOCALAPPDATA%\\Programs\\Oshirase ({setup.get('InstallDir')})")
    for name in ("Oshirase.exe", "oshirase-cli.exe", "uninstall.exe", "_internal/resources/samples/sample.xlsx",
                 "_internal/resources/fonts/ipaexg.ttf"):
        check((install_dir / name).is_file(), f"{name} installed")
    check(shortcut_targets(start_menu, "Oshirase.exe"), f"Start-menu shortcut {SHORTCUT} to Oshirase.exe")
    uninstall = wine.values("HKCU\\" + UNINSTALL)
    check(uninstall.get("DisplayVersion") == previous_version != "", f"HKCU uninstall key, version {previous_version}")
    check(uninstall.get("DisplayName") == "お知らせ印刷 (Oshirase)", "Apps & features name お知らせ印刷 (Oshirase)")
    check("/S" in uninstall.get("QuietUninstallString", ""), "quiet uninstall string")
    check(not wine.key_exists("HKLM\\" + UNINSTALL), "no all-users (HKLM) key")
    check(wine.key_exists(APP_KEY + r"\shell\open\command"), "Open with: Applications\\Oshirase.exe")

    # The user's data, as the app and the operator leave it.
    user_files = {
        data_dir / "oshirase.ini": "[files]\nrecent=@Invalid()\n",
        data_dir / "logs" / "oshirase.log": "2026-12-01 start window\n",
        documents / "runs" / "20261201-0900" / "manifest.csv": "file,first_page\n",
        documents / "profiles" / "my-run.toml": "[run]\nvariant = \"initial\"\n",
    }
    for path, text in user_files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    stale = install_dir / "_internal" / "left-by-old-version.txt"
    stale.write_text("stale", encoding="utf-8")

    print(f"== upgrade: {args.setup.name} /S", flush=True)
    started = time.monotonic()
    proc = wine.run(str(args.setup), "/S")
    times["upgrade"] = round(time.monotonic() - started, 1)
    check(proc.returncode == 0, f"setup exited 0 (got {proc.returncode})")
    check(wine.values(SETUP_KEY).get("Version") == args.version, f"install record says {args.version}")
    check(wine.values("HKCU\\" + UNINSTALL).get("DisplayVersion") == args.version, f"Apps & features says {args.version}")
    check(not stale.exists(), "the old version's program files were removed first")
    check((install_dir / "Oshirase.exe").is_file() and (install_dir / "oshirase-cli.exe").is_file(), "both programs present")
    check(shortcut_targets(start_menu, "Oshirase.exe"), "Start-menu shortcut still there")
    check(all(p.is_file() and p.read_text(encoding="utf-8") == t for p, t in user_files.items()),
          "the user's settings, logs, run records and profiles are untouched")

    print("== uninstall: uninstall.exe /S", flush=True)
    started = time.monotonic()
    proc = wine.run(str(install_dir / "uninstall.exe"), "/S")
    times["uninstall"] = round(time.monotonic() - started, 1)
    check(proc.returncode == 0, f"uninstall exited 0 (got {proc.returncode})")
    check(not install_dir.exists(), "program folder removed")
    check(not start_menu.exists(), "Start-menu shortcut removed")
    for key in (SETUP_KEY, "HKCU\\" + UNINSTALL, APP_KEY, PROGID_KEY):
        check(not wine.key_exists(key), f"{key} removed")
    check(all(p.is_file() and p.read_text(encoding="utf-8") == t for p, t in user_files.items()),
          "the user's data is kept")

    if args.report:
        args.report.write_text(json.dumps(times), encoding="utf-8")
    print(f"== Wine: {len(check.failed)} failed; times (s): {times}", flush=True)
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
