#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Builds one layering probe target and checks the outcome.
# Usage: check_probe.sh BUILD_DIR TARGET ok|fail [HEADER that must be reported missing]
set -u
build=$1
target=$2
expect=$3
header=${4:-}
out=$(cmake --build "$build" --target "$target" 2>&1)
rc=$?
if [ "$expect" = ok ]; then
    [ $rc -eq 0 ] && { echo "$target compiles, as it must"; exit 0; }
    echo "$out" >&2
    echo "FAIL: $target should compile" >&2
    exit 1
fi
if [ $rc -ne 0 ] && echo "$out" | grep -q "$header: No such file or directory"; then
    echo "$target does not compile: $header is not published to it"
    exit 0
fi
echo "$out" >&2
echo "FAIL: $target should fail to compile because $header is not visible to it" >&2
exit 1
