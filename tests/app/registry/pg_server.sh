#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Starts or stops a throw-away PostgreSQL 15 server for the registry tests (CTest fixture).
#   pg_server.sh start STATE   initdb into a new temporary folder, start on a private Unix socket,
#                              write the libpq connection string to STATE
#   pg_server.sh stop STATE    stop that server and remove its folder
# The server listens on no TCP address at all: only on a socket in its own folder, so parallel
# runs never collide on a port. PostgreSQL refuses to run as root; under root (CI) it runs as the
# `postgres` user that Debian's package creates, in a folder that user owns.
set -eu
cmd=$1
state=$2
bindir=${CINEMEASURE_PG_BINDIR:-/usr/lib/postgresql/15/bin}

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$cmd" in
start)
    rm -f "$state"
    if [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
        echo "unavailable: no PostgreSQL server binaries in $bindir (install Debian's postgresql)" > "$state"
        echo "PostgreSQL not installed: registry tests will be skipped" >&2
        exit 0
    fi
    if [ "$(id -u)" = 0 ]; then
        # The postgres user must be able to reach the folder: /tmp, whatever TMPDIR is.
        dir=$(mktemp -d /tmp/cinemeasure-pg.XXXXXX)
        chown postgres "$dir"
    else
        dir=$(mktemp -d "${TMPDIR:-/tmp}/cinemeasure-pg.XXXXXX")
    fi
    chmod 700 "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        --no-sync > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # Port only names the socket file here (no TCP); fsync off: test data need not survive a crash.
    # The folder stays mode 700: trust authentication is safe only because no other local user can
    # reach the socket (root, running the tests in CI, can).
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir -p 5432 -c fsync=off -c max_connections=50" start \
        > /dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "host=$dir port=5432 user=postgres dbname=postgres" > "$state"
    echo "PostgreSQL running in $dir"
    ;;
stop)
    [ -f "$state" ] || exit 0
    dir=$(sed -n 's/^host=\([^ ]*\) .*/\1/p' "$state")
    if [ -n "$dir" ] && [ -d "$dir/data" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null || true
        rm -rf "$dir"
    fi
    rm -f "$state"
    ;;
*)
    echo "usage: $0 start|stop STATE" >&2
    exit 2
    ;;
esac
