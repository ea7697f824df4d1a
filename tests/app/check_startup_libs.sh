#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Fails when the CLI links a library that costs tens of ms to load at start-up (issue 19 item 7):
# opencv_imgcodecs and what it drags in (GDAL, GDCM, HDF5, poppler).
set -eu
bin="$1"
libs=$(ldd "$bin") || { echo "ldd failed on $bin" >&2; exit 1; }
heavy=$(printf '%s\n' "$libs" | grep -E 'libopencv_imgcodecs|libgdal|libgdcm|libhdf5|libpoppler' || true)
if [ -n "$heavy" ]; then
    echo "$bin links libraries that slow every start-up:" >&2
    printf '%s\n' "$heavy" >&2
    exit 1
fi
echo "$bin: $(printf '%s\n' "$libs" | wc -l) shared libraries, none of the heavy codec ones"
