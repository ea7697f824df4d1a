#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Installs the build into a scratch prefix and checks that the installed CLI runs from there on
# its installed data (not the source checkout), then builds the Debian package and checks its
# contents and that dpkg-shlibdeps filled in the dependencies.
# Usage: check_install.sh BUILD_DIR SCRATCH_DIR
set -eu
build=$1
scratch=$2
rm -rf "$scratch"
mkdir -p "$scratch"
prefix="$scratch/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

version=$(env -u CINEMEASURE_DATA_DIR "$prefix/bin/cinemeasure" --version)
echo "$version"
echo "$version" | grep -qx "data: $prefix/share/cinemeasure/calibration" ||
    { echo "FAIL: installed cinemeasure does not use its installed data" >&2; exit 1; }
env -u CINEMEASURE_DATA_DIR "$prefix/bin/cinemeasure" profiles | grep -q st431-1-theatre ||
    { echo "FAIL: installed cinemeasure lists no profiles" >&2; exit 1; }
# A whole certification with the installed binary and data, from outside the source tree.
(cd "$scratch" && env -u CINEMEASURE_DATA_DIR "$prefix/bin/cinemeasure" certify \
    --profile st431-1-theatre --quiet --db "$scratch/sessions.db" --out "$scratch/run" \
    --simulate "$prefix/share/cinemeasure/calibration/virtual/projector-reference.json" >/dev/null) ||
    { echo "FAIL: installed cinemeasure cannot certify a shipped virtual theatre" >&2; exit 1; }
test -s "$scratch/run/report.pdf" || { echo "FAIL: installed certify wrote no PDF" >&2; exit 1; }
# The installed GUI starts (offscreen) and keeps running until stopped.
if [ -x "$prefix/bin/cinemeasure-gui" ]; then
    rc=0
    (cd "$scratch" && env -u CINEMEASURE_DATA_DIR QT_QPA_PLATFORM=offscreen HOME="$scratch" \
        timeout 4 "$prefix/bin/cinemeasure-gui" --db "$scratch/sessions.db" >/dev/null 2>&1) || rc=$?
    [ "$rc" = 124 ] || { echo "FAIL: installed cinemeasure-gui exited with $rc" >&2; exit 1; }
fi
if ls "$prefix"/lib/python3/dist-packages/cinemeasure*.so >/dev/null 2>&1; then
    CINEMEASURE_DATA_DIR="$prefix/share/cinemeasure/calibration" \
        PYTHONPATH="$prefix/lib/python3/dist-packages" /usr/bin/python3 -c \
        'import cinemeasure; assert "st431-1-theatre" in [p["id"] for p in cinemeasure.profiles.list()]' ||
        { echo "FAIL: installed Python module does not import" >&2; exit 1; }
fi
for f in share/doc/cinemeasure/LICENSE share/applications/cinemeasure.desktop \
         share/icons/hicolor/scalable/apps/cinemeasure.svg \
         share/bash-completion/completions/cinemeasure share/man/man1/cinemeasure.1 \
         lib/udev/rules.d/60-cinemeasure-meters.rules; do
    test -f "$prefix/$f" || { echo "FAIL: $f not installed" >&2; exit 1; }
done
grep -q '^Exec=cinemeasure-gui$' "$prefix/share/applications/cinemeasure.desktop" ||
    { echo "FAIL: desktop file does not start the GUI" >&2; exit 1; }
grep -q '^\.SH NAME' "$prefix/share/man/man1/cinemeasure.1" &&
    grep -q 'cinemeasure \\- certify cinema screens' "$prefix/share/man/man1/cinemeasure.1" ||
    { echo "FAIL: man page not generated from the CLI" >&2; exit 1; }
# The completion script offers the CLI's own subcommands.
subs=$(bash -c ". '$prefix/share/bash-completion/completions/cinemeasure'; _init_completion() { cur=\${COMP_WORDS[COMP_CWORD]}; prev=\${COMP_WORDS[COMP_CWORD-1]}; words=(\"\${COMP_WORDS[@]}\"); cword=\$COMP_CWORD; }; _filedir() { :; }; COMP_WORDS=('$prefix/bin/cinemeasure' 'cer'); COMP_CWORD=1; _cinemeasure; echo \"\${COMPREPLY[*]}\"")
echo "completion of 'cer': $subs"
[ "$subs" = certify ] || { echo "FAIL: bash completion does not offer certify" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$scratch/deb" >/dev/null)
deb=$(ls "$scratch"/deb/cinemeasure_*.deb)
listing=$(dpkg-deb -c "$deb")
echo "$listing" | grep -q './usr/bin/cinemeasure$' || { echo "FAIL: .deb lacks the CLI" >&2; exit 1; }
echo "$listing" | grep -q 'share/cinemeasure/calibration/profiles/st431-1-theatre.json' ||
    { echo "FAIL: .deb lacks the profiles" >&2; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "$depends" | grep -q 'libc6' || { echo "FAIL: .deb has no shared-library dependencies" >&2; exit 1; }
echo "install and package: ok ($deb)"
