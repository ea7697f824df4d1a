#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The shipped udev rules are exactly what the family USB tables produce (no hand-edited drift).
# Usage: check_udev_rules.sh CINEMEASURE_BINARY SHIPPED_RULES_FILE
set -eu
cli=$1
shipped=$2
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
"$cli" families --udev-rules >"$generated"
if ! diff -u "$shipped" "$generated"; then
    echo "FAIL: $shipped differs from 'cinemeasure families --udev-rules';" \
         "regenerate it: build/bin/cinemeasure families --udev-rules > packaging/60-cinemeasure-meters.rules" >&2
    exit 1
fi
# Every active rule hands the node to plugdev, and none grants a bare generic FTDI bridge.
grep -v '^#' "$shipped" | grep 'ATTRS' | grep -v 'GROUP="plugdev"' && { echo "FAIL: a rule without plugdev" >&2; exit 1; }
grep -v '^#' "$shipped" | grep 'idVendor}=="0403"' | grep -v 'ATTRS{product}\|ATTRS{manufacturer}' &&
    { echo "FAIL: a rule grants every FTDI device" >&2; exit 1; }
echo "udev rules match the family tables ($(grep -vc '^#' "$shipped") lines)"
