#!/usr/bin/env bash
# Smoke test of the installer on Linux (run by .ci/run and by the slow test
# tests/e2e/test_installer_scripts.py::test_smoke_linux_end_to_end).
#
# 1. build:     installer/oshirase.spec gives a one-folder bundle in build/dist/Oshirase
# 2. self-test: the frozen app passes `Oshirase --self-test` (offscreen)
# 3. makensis:  installer/oshirase.nsi compiles with -WX (warnings are errors),
#               with the Linux bundle as a stand-in payload
#
# Prints one PASS/FAIL line per step and exits 0 only when all three pass.
# The Linux payload is compiled without compression (-DNOCOMPRESS): the point
# is the script's validity, and LZMA over the stand-in takes minutes.
# -DLINUX_STANDIN lifts the check for Oshirase.exe (the Linux bundle has none).
#
# Environment: PYTHON (default python3), BUILD_DIR (default build).
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
BUILD_DIR=${BUILD_DIR:-build}
DIST="$BUILD_DIR/dist"
APP="$DIST/Oshirase/Oshirase"
LOG_DIR="$BUILD_DIR/smoke"
mkdir -p "$LOG_DIR"

VERSION=$("$PYTHON" installer/version_info.py)
VERSION_QUAD=$("$PYTHON" installer/version_info.py --quad)
echo "== Oshirase $VERSION installer smoke test (Linux)"

status_build=FAIL
status_selftest=SKIPPED
status_makensis=SKIPPED

summary() {
    echo "== summary"
    echo "pyinstaller build: $status_build"
    echo "frozen --self-test: $status_selftest"
    echo "makensis -WX: $status_makensis"
}
trap summary EXIT

seconds() { date +%s; }

# 1. PyInstaller -----------------------------------------------------------------
start=$(seconds)
if "$PYTHON" -m PyInstaller installer/oshirase.spec --noconfirm --clean \
        --distpath "$DIST" --workpath "$BUILD_DIR/work" >"$LOG_DIR/pyinstaller.log" 2>&1 \
        && [ -x "$APP" ]; then
    status_build=PASS
    echo "PASS pyinstaller build ($(( $(seconds) - start )) s, bundle $(du -sh "$DIST/Oshirase" | cut -f1))"
else
    echo "FAIL pyinstaller build (log: $LOG_DIR/pyinstaller.log)"
    tail -n 30 "$LOG_DIR/pyinstaller.log" || true
    exit 1
fi

# 2. The frozen app checks itself -------------------------------------------------
start=$(seconds)
status_selftest=FAIL
if QT_QPA_PLATFORM=offscreen timeout 300 "$APP" --self-test >"$LOG_DIR/selftest.log" 2>&1 \
        && [ "$(tail -n 1 "$LOG_DIR/selftest.log")" = "OK" ] \
        && grep -q "^Oshirase $VERSION self-test (frozen" "$LOG_DIR/selftest.log"; then
    status_selftest=PASS
    echo "PASS frozen --self-test ($(( $(seconds) - start )) s)"
    sed 's/^/    /' "$LOG_DIR/selftest.log"
else
    echo "FAIL frozen --self-test"
    sed 's/^/    /' "$LOG_DIR/selftest.log" || true
fi

# 3. makensis with the Linux bundle as stand-in payload --------------------------
start=$(seconds)
status_makensis=FAIL
if makensis -WX -V2 -DNOCOMPRESS -DLINUX_STANDIN \
        "-DVERSION=$VERSION" "-DVERSION_QUAD=$VERSION_QUAD" \
        "-DPAYLOAD_DIR=$(cd "$DIST/Oshirase" && pwd)" "-DOUTDIR=$(cd "$BUILD_DIR" && pwd)" \
        installer/oshirase.nsi >"$LOG_DIR/makensis.log" 2>&1 \
        && [ -s "$BUILD_DIR/Oshirase-$VERSION-setup.exe" ]; then
    status_makensis=PASS
    echo "PASS makensis -WX ($(( $(seconds) - start )) s, $BUILD_DIR/Oshirase-$VERSION-setup.exe)"
else
    echo "FAIL makensis -WX (log: $LOG_DIR/makensis.log)"
    tail -n 30 "$LOG_DIR/makensis.log" || true
fi

[ "$status_selftest" = PASS ] && [ "$status_makensis" = PASS ]
