#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs `cinemeasure-bench registry` against a throw-away PostgreSQL (started and stopped here).
# CINEMEASURE_BENCH_REGISTRY_SESSIONS sets the larger size (default 1000; the smaller is a tenth).
set -euo pipefail
cd "$(dirname "$0")/.."
state=$(mktemp)
trap 'sh tests/app/registry/pg_server.sh stop "$state"' EXIT
sh tests/app/registry/pg_server.sh start "$state" >/dev/null
conn=$(cat "$state")
case "$conn" in host=*) ;; *) echo "no PostgreSQL: $conn" >&2; exit 1 ;; esac
# The bench appends dbname= and user= to this (in libpq the last value of a keyword wins).
CINEMEASURE_BENCH_REGISTRY="$conn" ./build/bin/cinemeasure-bench registry
