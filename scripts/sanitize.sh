#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libmeasure and driver tests with AddressSanitizer + UndefinedBehaviorSanitizer (the
# `asan` preset, build-asan/) and runs them; any report fails the run. libgphoto2's camera
# plugins (dlopen'ed, then unloaded) and iconv keep allocations LeakSanitizer cannot attribute, so
# the camera tests run with leak detection off; every other sanitizer check stays on for them.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [ ! -f build-asan/CMakeCache.txt ]; then
  cmake --preset asan >/dev/null
fi
cmake --build build-asan -j"$(nproc)" --target test_libmeasure test_spot_drivers test_drivers
cd build-asan
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  ctest -R '^test_(libmeasure|spot_drivers|drivers):' -E '^test_drivers:Camera' -j"$(nproc)" --output-on-failure
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
  ctest -R '^test_drivers:Camera' -j"$(nproc)" --output-on-failure
