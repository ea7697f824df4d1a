#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Renders the README's report pages (docs/screenshots/report-*.png) from simulated runs with
# poppler's pdftoppm. Run after a build: ./scripts/report-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/bin/cinemeasure
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CINEMEASURE_DB="$tmp/sessions.db"
"$bin" --data-dir calibration certify --profile rp431-2-theatre --quiet \
    --simulate calibration/virtual/projector-reference.json --out "$tmp/rp" \
    --site "Cinema Paradiso" --auditorium "Screen 2" --operator "Ada Inspector" >/dev/null
"$bin" --data-dir calibration certify --profile dyt8-led-sdr --quiet --lang zh_CN \
    --simulate calibration/virtual/led-reference.json --out "$tmp/led" \
    --site "北京电影院" --auditorium "3号厅" --operator "张伟" >/dev/null
shot() {  # PDF page name
    pdftoppm -png -r 80 -f "$2" -l "$2" -singlefile "$1" "docs/screenshots/$3"
}
shot "$tmp/rp/report.pdf" 1 report-1
shot "$tmp/rp/report.pdf" 4 report-ramp
shot "$tmp/led/report.pdf" 1 report-zh_CN
shot "$tmp/led/report.pdf" 4 report-charts
ls -l docs/screenshots/report-*.png
