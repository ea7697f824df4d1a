#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: installs what is missing, builds, and runs a full simulated certification of the
# reference projection theatre (SMPTE ST 431-1, review room), writing out/demo/report.{pdf,json,csv},
# then an LED wall from camera capture to per-module report (out/demo-wall/report.pdf).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh >/dev/null
./build/bin/cinemeasure certify \
  --profile st431-1-review \
  --simulate calibration/virtual/projector-reference.json \
  --site "Demo multiplex" --operator "Demo inspector" \
  --seed 2026 \
  --force \
  --out out/demo   # --force: a re-run keeps the previous report in out/demo/previous-<time>/
echo
# The LED vendor's job: a camera (the PTP/IP simulator, through the real libgphoto2) captures the
# sample wall; the per-module analysis and its PDF land in out/demo-wall/.
# The DY/T 8 wall limits are drafts: informative by default (the verdict would read NOT JUDGED).
# --provisional binding lets them decide so the demo shows a real verdict; the output and the PDF
# carry a warning that draft limits decided it.
./build/bin/cinemeasure wall --simulate calibration/virtual/led-sample-wall.json --size 1200 800 \
  --provisional binding --out out/demo-wall
echo
echo "Report files:"
ls -l out/demo/report.pdf out/demo/report.json out/demo/report.csv out/demo-wall/report.pdf
