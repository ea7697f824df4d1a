#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian package into a clean Debian bookworm (debootstrap minbase) and runs it there.
# apt resolves the package's Depends from the Debian mirror this machine's apt uses, so a missing
# or wrong dependency fails here. Then, inside the clean system, from the installed paths only:
# `cinemeasure --version`, `cinemeasure profiles`, a certification of a shipped virtual theatre,
# and the GUI started offscreen.
#
# Usage: check_deb_bookworm.sh BUILD_DIR CACHE_DIR
#   CACHE_DIR/bookworm   the debootstrapped system, made once and reused (never modified)
#   CACHE_DIR/archives   downloaded .debs, reused so a re-run needs no download
#   CACHE_DIR/run        the scratch copy each run installs into (removed after a pass)
#   CACHE_DIR/deb        the package, built afresh by cpack from BUILD_DIR
# Exit 77 (CTest "Skipped") when not root, when debootstrap is missing, or when the mirror
# cannot be reached.
set -eu
build=$1
cache=$2
skip() {
    echo "SKIP: $*"
    exit 77
}
[ "$(id -u)" = 0 ] || skip "needs root (debootstrap and chroot)"
command -v debootstrap >/dev/null 2>&1 || skip "debootstrap is not installed (scripts/packages.txt)"

# The Debian mirror and suites this machine's apt uses (deb822 .sources or one-line .list).
sources() {
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] && sed -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" { print $2, $3, $4 }'
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && awk '
            function flush() { if (types ~ /(^| )deb( |$)/ && uris != "")
                                   for (i = 1; i <= ns; i++) print uris, s[i], comp;
                               types = uris = comp = ""; ns = 0 }
            /^[ \t]*$/ { flush(); next }
            /^Types:/ { types = substr($0, 8) }
            /^URIs:/ { uris = $2 }
            /^Suites:/ { ns = split(substr($0, 9), s, " ") }
            /^Components:/ { comp = $2 }
            END { flush() }' "$f"
    done
}
lines=$(sources | awk '$2 ~ /^bookworm(-updates|-security)?$/ { print "deb " $1 " " $2 " main" }' |
        sort -u)
mirror=$(echo "$lines" | awk '$3 == "bookworm" { print $2; exit }')
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
echo "Debian mirror: $mirror"

start=$(date +%s)
rm -rf "$cache/deb"
(cd "$build" && cpack -G DEB -B "$cache/deb" >/dev/null)
deb=$(ls "$cache"/deb/cinemeasure_*.deb)
echo "package: $deb (cpack: $(($(date +%s) - start)) s)"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"

start=$(date +%s)
mkdir -p "$cache/archives"
if [ ! -f "$cache/bookworm/.cinemeasure-ready" ]; then
    rm -rf "$cache/bookworm"
    debootstrap --variant=minbase bookworm "$cache/bookworm" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
        { tail -n 5 "$cache/debootstrap.log"; skip "debootstrap could not fetch bookworm from $mirror"; }
    touch "$cache/bookworm/.cinemeasure-ready"
    echo "debootstrap: $(($(date +%s) - start)) s"
fi

root="$cache/run"
rm -rf "$root"
cp -a "$cache/bookworm" "$root"
cleanup() {
    for m in proc dev/pts; do
        mountpoint -q "$root/$m" 2>/dev/null && umount "$root/$m" || true
    done
}
trap cleanup EXIT
mount -t proc proc "$root/proc" 2>/dev/null || true
echo "$lines" >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$cache"/archives/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
cp "$deb" "$root/tmp/cinemeasure.deb"
in_root() {
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
t=$(date +%s)
in_root apt-get update -qq >"$cache/apt.log" 2>&1 ||
    { tail -n 5 "$cache/apt.log"; skip "the Debian mirror cannot be reached from the chroot"; }
# Only what the package's Depends pull in: no recommends, nothing from this machine.
in_root apt-get install -y -q --no-install-recommends /tmp/cinemeasure.deb >>"$cache/apt.log" 2>&1 ||
    { tail -n 30 "$cache/apt.log"; echo "FAIL: apt-get cannot install the package on bookworm" >&2; exit 1; }
cp -n "$root"/var/cache/apt/archives/*.deb "$cache/archives/" 2>/dev/null || true
echo "apt-get install with dependencies: $(($(date +%s) - t)) s ($(grep -c '^Setting up' "$cache/apt.log") packages set up)"

t=$(date +%s)
version=$(in_root cinemeasure --version)
echo "$version"
echo "$version" | grep -qx "data: /usr/share/cinemeasure/calibration" ||
    { echo "FAIL: the installed cinemeasure does not use /usr/share/cinemeasure" >&2; exit 1; }
in_root cinemeasure profiles | grep -q st431-1-theatre ||
    { echo "FAIL: the installed cinemeasure lists no profiles" >&2; exit 1; }
in_root sh -c 'cd /tmp && cinemeasure certify --profile st431-1-theatre --quiet --db /tmp/s.db \
    --out /tmp/run --simulate /usr/share/cinemeasure/calibration/virtual/projector-reference.json' \
    >"$cache/certify.log" 2>&1 || { cat "$cache/certify.log";
    echo "FAIL: the installed cinemeasure cannot certify a shipped virtual theatre" >&2; exit 1; }
grep '^Overall:' "$cache/certify.log"
for f in report.json report.csv report.pdf; do
    [ -s "$root/tmp/run/$f" ] || { echo "FAIL: certify wrote no $f" >&2; exit 1; }
done
dpkg-deb -c "$deb" >"$cache/contents.txt"
if grep -q './usr/bin/cinemeasure-gui$' "$cache/contents.txt"; then
    rc=0
    in_root sh -c 'cd /tmp && QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp timeout 5 \
        cinemeasure-gui --db /tmp/s.db' >"$cache/gui.log" 2>&1 || rc=$?
    [ "$rc" = 124 ] || { cat "$cache/gui.log"; echo "FAIL: the installed GUI exited with $rc" >&2; exit 1; }
    echo "cinemeasure-gui: started offscreen and kept running"
fi
# The Python module: its Recommends (Python and numpy, which dpkg-shlibdeps cannot see) installed,
# it imports and lists the installed profiles.
if grep -q 'dist-packages/cinemeasure' "$cache/contents.txt"; then
    recommends=$(dpkg-deb -f "$deb" Recommends | tr ',' '\n' | sed 's/(.*)//; s/ //g' | sort -u | tr '\n' ' ')
    echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
    [ -n "$recommends" ] || { echo "FAIL: the package ships a Python module but recommends no Python" >&2; exit 1; }
    # shellcheck disable=SC2086
    in_root apt-get install -y -q --no-install-recommends $recommends >>"$cache/apt.log" 2>&1 ||
        { tail -n 20 "$cache/apt.log"; echo "FAIL: cannot install the Recommends" >&2; exit 1; }
    in_root python3 -c 'import cinemeasure; assert "st431-1-theatre" in [p["id"] for p in cinemeasure.profiles.list()]' ||
        { echo "FAIL: the installed Python module does not import on bookworm" >&2; exit 1; }
    echo "python3: import cinemeasure ok"
    cp -n "$root"/var/cache/apt/archives/*.deb "$cache/archives/" 2>/dev/null || true
fi
echo "runs on the installed paths: $(($(date +%s) - t)) s"
cleanup
rm -rf "$root"  # kept only when a check failed, to look into
echo "clean bookworm install: ok ($(($(date +%s) - start)) s in all)"
