#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Refreshes the README's GUI screenshots (docs/screenshots/gui-*.png, English and Chinese) from the
# GUI tests run in a real X server (xvfb-run) at a 1366×768 laptop size. Run after a build that
# includes test_gui, test_gui_wall and test_gui_look: ./scripts/gui-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || { echo "xvfb-run not installed (Debian package xvfb)" >&2; exit 77; }
shots=build/tests/gui/screenshots
rm -rf "$shots"
export QT_QPA_PLATFORM=xcb
x() { xvfb-run -a -s "-screen 0 1366x768x24" "$@" >/dev/null; }
x build/bin/test_gui fullSimulatedCertification chineseTranslationLoads
x build/bin/test_gui_wall wallPageCapturesAnalysesAndExports sessionBrowserSortsExportsAndArchives \
    chineseWallAndSessionPagesHaveNoEnglish
x build/bin/test_gui_look chinesePagesHaveNoEnglish
# test_gui names its shots by page; the README's files carry a gui- prefix.
for page in start run results start-zh_CN; do
    cp "$shots/$page.png" "docs/screenshots/gui-$page.png"
done
# The LED wall and session pages in the dark (the application's default) and the light theme.
for f in gui-wall gui-sessions gui-wall-zh_CN gui-sessions-zh_CN gui-run-zh_CN \
    gui-wall-light gui-sessions-light gui-wall-zh_CN-light gui-sessions-zh_CN-light; do
    cp "$shots/$f.png" "docs/screenshots/$f.png"
done
ls -l docs/screenshots/gui-*.png
