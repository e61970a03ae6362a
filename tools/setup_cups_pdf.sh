#!/usr/bin/env bash
# Set up the CUPS queue the printer test prints to (idempotent; run as root).
#
#   bash tools/setup_cups_pdf.sh
#
# Needs the packages cups, cups-client, cups-bsd and printer-driver-cups-pdf
# (.ci/run installs them). Then:
#   - cups-pdf writes every job to $OSHIRASE_CUPS_PDF_DIR (default /tmp/cups-pdf),
#   - cupsd runs (started here if it is not),
#   - the queue "Oshirase-PDF" exists, is enabled and accepts jobs.
# tests/gui/test_cups_print.py prints a small run to that queue and checks
# the PDF that cups-pdf wrote there.
set -euo pipefail

QUEUE="${OSHIRASE_CUPS_QUEUE:-Oshirase-PDF}"
OUT_DIR="${OSHIRASE_CUPS_PDF_DIR:-/tmp/cups-pdf}"
CONF=/etc/cups/cups-pdf.conf

if [ "$(id -u)" != "0" ]; then
    echo "setup_cups_pdf.sh: run as root (it edits /etc/cups and starts cupsd)" >&2
    exit 1
fi
for tool in cupsd lpadmin lpstat; do
    command -v "$tool" >/dev/null || { echo "setup_cups_pdf.sh: $tool is missing (install cups)" >&2; exit 1; }
done
[ -f "$CONF" ] || { echo "setup_cups_pdf.sh: $CONF is missing (install printer-driver-cups-pdf)" >&2; exit 1; }

# 1. cups-pdf writes into one known folder, for named and anonymous users alike.
set_conf() {  # key value
    if grep -qE "^[#[:space:]]*$1[[:space:]]" "$CONF"; then
        sed -i -E "s|^[#[:space:]]*$1[[:space:]].*|$1 $2|" "$CONF"
    else
        echo "$1 $2" >>"$CONF"
    fi
}
set_conf Out "$OUT_DIR"
set_conf AnonDirName "$OUT_DIR"
mkdir -p "$OUT_DIR"
chmod 1777 "$OUT_DIR"

# 2. The scheduler.
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    cupsd
    for _ in $(seq 1 50); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.2
    done
fi
lpstat -r | grep -q "is running" || { echo "setup_cups_pdf.sh: cupsd did not start" >&2; exit 1; }

# 3. The queue.
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    PPD=""
    for candidate in /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd \
                     /usr/share/cups/model/CUPS-PDF_noopt.ppd /usr/share/cups/model/CUPS-PDF.ppd; do
        if [ -f "$candidate" ]; then PPD="$candidate"; break; fi
    done
    if [ -n "$PPD" ]; then
        lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD"
    else
        MODEL="$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ {print $1; exit}')"
        [ -n "$MODEL" ] || { echo "setup_cups_pdf.sh: no cups-pdf PPD found" >&2; exit 1; }
        lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$MODEL"
    fi
fi
cupsenable "$QUEUE" 2>/dev/null || true
cupsaccept "$QUEUE" 2>/dev/null || true
lpadmin -p "$QUEUE" -o PageSize=A4 2>/dev/null || true

lpstat -p "$QUEUE"
echo "cups-pdf writes to $OUT_DIR"
