#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs a full simulated certification of the
# reference projection theatre (SMPTE ST 431-1, review room), writing out/demo/report.{pdf,json,csv}.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh >/dev/null
./build/bin/cinemeasure certify \
  --profile st431-1-review \
  --simulate calibration/virtual/projector-reference.json \
  --site "Demo multiplex" --operator "Demo inspector" \
  --seed 2026 \
  --out out/demo
echo
echo "Report files:"
ls -l out/demo/report.pdf out/demo/report.json out/demo/report.csv
