#!/usr/bin/env bash
# The view beacon against the same server's no-op endpoint (reads the body, answers 204, counts
# nothing), same run, loopback, bounded in time. Reports the ratio and counted views per second.
# Usage: bench/beacon.sh [seconds per run, default 15] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-32}
PORT=18082
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
WORK=$(mktemp -d)
cleanup() { [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
./masthead --version >/dev/null
# One client address sends everything here, so the per-address limit is lifted for the benchmark.
export MASTHEAD_POPULARITY_PER_ADDRESS_PER_MINUTE=1000000000
./masthead demo --port "$PORT" --data "$WORK/data" > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/_/health" 2>/dev/null; do sleep 0.2; done
counted() { curl -fs "http://127.0.0.1:$PORT/_/metrics" | awk '/^masthead_views_total\{outcome="counted"/ {print $2}'; }

wrk -t2 -c"$CONNECTIONS" -d3s -s bench/beacon.lua "http://127.0.0.1:$PORT/_/noop" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d3s -s bench/beacon.lua "http://127.0.0.1:$PORT/_/view" >/dev/null
noop=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s bench/beacon.lua "http://127.0.0.1:$PORT/_/noop")
before=$(counted)
view=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s bench/beacon.lua "http://127.0.0.1:$PORT/_/view")
after=$(counted)
rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
p99() { echo "$1" | awk '$1=="99%" {print $2}'; }
echo "no-op:  $(rps "$noop") req/s, p99 $(p99 "$noop")"
echo "beacon: $(rps "$view") req/s, p99 $(p99 "$view")"
echo "ratio:  $(awk -v a="$(rps "$view")" -v n="$(rps "$noop")" 'BEGIN {printf "%.2f", a / n}') x no-op (target >= 0.8)"
echo "counted views/s: $(awk -v a="$after" -v b="$before" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.0f", (a - b) / s}') (target >= 50000)"
