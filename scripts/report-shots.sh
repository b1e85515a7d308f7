#!/usr/bin/env bash
# Renders the sample session's report so anyone can look at its pages:
# the HTML report as a browser shows it (one tall PNG) and as it prints on
# A4 (the browser's "Print → PDF", one PNG per page), and the PDF report's
# pages when this build exports PDF. Writes into target/report-shots/.
# Installs chromium and poppler-utils from the distribution's packages
# when they are missing. Usage: scripts/report-shots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need() { # need COMMAND PACKAGE
    command -v "$1" >/dev/null && return
    if command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
    else
        echo "report-shots: install $2 (for $1) and run again" >&2
        exit 1
    fi
}
need chromium chromium
need pdftoppm poppler-utils

cargo build --quiet --bin atelier
bin="$PWD/target/debug/atelier"
out="$PWD/target/report-shots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"
export ATELIER_DB="$work/atelier.sqlite3"

"$bin" import sessions/atelier-5-emergence-session-1.json >/dev/null
"$bin" export latest --format html --out "$out/report.html" >/dev/null

chrome() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --no-pdf-header-footer "$@" 2>/dev/null
}
# On screen: a laptop-wide window, tall enough for the whole report.
chrome --window-size=1000,4000 --screenshot="$out/screen.png" "file://$out/report.html"
# On paper: the print stylesheet's A4 pages.
chrome --print-to-pdf="$out/print.pdf" "file://$out/report.html"
pdftoppm -png -r 70 "$out/print.pdf" "$out/print-page"

# The PDF report, when this build has it.
if "$bin" export latest --format pdf --out "$out/report.pdf" >/dev/null 2>&1; then
    pdftoppm -png -r 70 "$out/report.pdf" "$out/pdf-page"
fi
ls -1 "$out"
