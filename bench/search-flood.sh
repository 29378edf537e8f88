#!/usr/bin/env bash
# Does a flood of searches slow article pages? Article-page p99 quiet, then again while wrk floods /search from many
# addresses (random X-Forwarded-For behind a trusted proxy, so the per-address limit lets them through and every search runs).
# CONTROL=1 floods the cached home page instead: what any flood of that rate costs on the same two cores (wrk included).
# Usage: bench/search-flood.sh [seconds per run, default 15] [article connections, default 16] [search connections, default 32]
# Needs: wrk and curl (apt-get install -y wrk curl); loopback only, bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-16}
FLOOD=${3:-32}
APP_PORT=18090
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y wrk curl)" >&2; exit 1; }
done
WORK=$(mktemp -d)
cleanup() {
  [ -n "${FLOOD_PID:-}" ] && kill "$FLOOD_PID" 2>/dev/null || true
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
./masthead --version >/dev/null
MASTHEAD_HTTP_TRUSTED_PROXIES=127.0.0.1 ./masthead demo --port "$APP_PORT" --data "$WORK/data" > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/_/health" 2>/dev/null; do sleep 0.2; done
until curl -fs "http://127.0.0.1:$APP_PORT/api/v1/search?q=council" | grep -q '"total":[1-9]'; do sleep 0.5; done
ARTICLE=$(curl -fs "http://127.0.0.1:$APP_PORT/" | grep -o 'href="/[a-z]*/[a-z0-9-]*"' | grep -v '/"$' | head -n1 | cut -d'"' -f2)
URL="http://127.0.0.1:$APP_PORT$ARTICLE"
p99() { echo "$1" | awk '$1=="99%" {print $2}'; }
rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
wrk -t1 -c"$CONNECTIONS" -d3s "$URL" >/dev/null
wrk -t1 -c8 -d3s -s bench/search-flood.lua "http://127.0.0.1:$APP_PORT" >/dev/null
quiet=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$URL")
if [ -n "${CONTROL:-}" ]; then # the control: the same flood of a cached page (the home page) instead of searches
  wrk -t1 -c"$FLOOD" -d"$((SECONDS_PER_RUN + 4))s" --latency "http://127.0.0.1:$APP_PORT/" > "$WORK/flood.txt" &
else
  wrk -t1 -c"$FLOOD" -d"$((SECONDS_PER_RUN + 4))s" --latency -s bench/search-flood.lua "http://127.0.0.1:$APP_PORT" > "$WORK/flood.txt" &
fi
FLOOD_PID=$!
sleep 2
busy=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$URL")
wait "$FLOOD_PID" || true
FLOOD_PID=
flood=$(cat "$WORK/flood.txt")
echo "article page $ARTICLE, $CONNECTIONS connections, ${SECONDS_PER_RUN}s; search flood: $FLOOD connections from random addresses"
echo "quiet:        $(rps "$quiet") req/s, p99 $(p99 "$quiet")"
echo "under flood:  $(rps "$busy") req/s, p99 $(p99 "$busy")"
echo "the flood:    $(rps "$flood") searches/s, p99 $(p99 "$flood"); non-2xx: $(echo "$flood" | awk '/Non-2xx/ {print $NF}')"
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else { sub(/s$/, "", v); print v * 1000 } }'; }
echo "ratio:        $(awk -v b="$(to_ms "$(p99 "$busy")")" -v q="$(to_ms "$(p99 "$quiet")")" 'BEGIN {printf "%.2f", b / q}') x the quiet p99 (target <= 1.20)"
