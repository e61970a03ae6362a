"""Before Qt starts on Linux: are the system libraries of its xcb plugin there?

PySide6's wheels bring Qt, but Qt's X11 plugin (``libqxcb.so``) needs
libraries of the desktop that a fresh Debian/Ubuntu may lack (Qt 6.5+ needs
``libxcb-cursor0``). Without them Qt aborts with "could not load the Qt
platform plugin xcb" and a core dump. This module finds the missing ones
with ``ctypes`` (no Qt import) and names the ``apt install`` line instead.
"""

from __future__ import annotations

import ctypes
import os
import sys

# soname → Debian/Ubuntu package, the X11 libraries libqxcb.so and libQt6XcbQpa need.
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)


def uses_xcb(env: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """True if Qt will pick its xcb plugin: Linux, and no other platform asked for."""
    env = os.environ if env is None else env
    if (platform or sys.platform) != "linux":
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return env.get("XDG_SESSION_TYPE", "") != "wayland"


def missing_libraries(libraries=XCB_LIBRARIES) -> list[tuple[str, str]]:
    """The ``(soname, package)`` pairs that the dynamic loader cannot find."""
    missing = []
    for soname, package in libraries:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append((soname, package))
    return missing


def missing_xcb_message(env: dict[str, str] | None = None, libraries=XCB_LIBRARIES) -> str:
    """The message for the operator if Qt's xcb plugin cannot load, else ``""``."""
    if not uses_xcb(env):
        return ""
    missing = missing_libraries(libraries)
    if not missing:
        return ""
    names = ", ".join(soname for soname, _ in missing)
    packages = " ".join(package for _, package in missing)
    return (
        f"エラー: 画面表示（Qt の xcb プラグイン）に必要なシステムのライブラリがありません: {names}\n"
        f"Debian / Ubuntu では次のコマンドで入れてから、もう一度起動してください:\n"
        f"  sudo apt install {packages}"
    )
