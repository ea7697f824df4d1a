#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Every tracked source, build and script file names its licence in an SPDX line near its top.
# Usage: check_spdx.sh SOURCE_DIR
set -eu
cd "$1"
missing=0
for f in $(git ls-files | grep -E '(\.(cpp|h|py|sh|cmake)$)|(^|/)CMakeLists\.txt$|^\.ci/run$' |
           grep -vE '^tests/(fuzz/corpus|data)/'); do
    if ! head -n 3 "$f" | grep -q 'SPDX-License-Identifier: Apache-2.0'; then
        echo "no SPDX line: $f"
        missing=$((missing + 1))
    fi
done
[ "$missing" = 0 ] || { echo "FAIL: $missing file(s) without 'SPDX-License-Identifier: Apache-2.0'"; exit 1; }
echo "every source file carries its SPDX line"
