#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what is missing, builds, and runs every test with CTest; non-zero exit on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
cd build
# The clean-Debian install test (install:deb_on_clean_bookworm, label debian-chroot) takes minutes
# and needs the Debian mirror: opt-in here with CINEMEASURE_TEST_DEBIAN=1; .ci/run runs it.
exclude=(-LE debian-chroot)
if [ "${CINEMEASURE_TEST_DEBIAN:-0}" = 1 ]; then
  exclude=()
fi
ctest --output-on-failure -j"$(nproc)" "${exclude[@]}" "$@"
