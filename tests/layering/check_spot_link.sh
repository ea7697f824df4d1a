#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# A program built on the spot-meter drivers alone needs none of the camera or application stack.
# Usage: check_spot_link.sh EXECUTABLE
set -eu
needed=$(readelf -d "$1" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
echo "$1 needs:" $needed
bad=$(echo "$needed" | grep -E 'gphoto|tiff|opencv|raw|Qt|pq|cairo|pango|png|sqlite|sodium' || true)
[ -z "$bad" ] || { echo "FAIL: spot drivers pull in: $bad" >&2; exit 1; }
