#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer harnesses with clang (library instrumented, ASan + UBSan) into build-fuzz/
# and runs each for CINEMEASURE_FUZZ_SECONDS (default 20) from its seed corpus. Crashes are
# written to build-fuzz/tests/fuzz/found_<parser>/crash-*: add each to tests/fuzz/corpus/<parser>/
# so test_fuzz_corpus keeps it as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
seconds="${CINEMEASURE_FUZZ_SECONDS:-20}"
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCINEMEASURE_BUILD_FUZZERS=ON -DCINEMEASURE_BUILD_GUI=OFF -DCINEMEASURE_BUILD_BENCH=OFF \
    -DCINEMEASURE_FUZZ_SECONDS="$seconds" -DCINEMEASURE_WERROR=OFF >/dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target fuzz_profile fuzz_theatre fuzz_report \
  fuzz_spectrum_csv fuzz_cgats
cd build-fuzz
ctest -L fuzz --output-on-failure -j"$(nproc)"
