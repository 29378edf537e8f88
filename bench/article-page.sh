#!/usr/bin/env bash
# Cached article page vs nginx serving the same bytes as a static file, same machine, same run.
# Usage: bench/article-page.sh [seconds per run, default 15] [connections, default 32]
# Needs: wrk and nginx (apt-get install -y wrk nginx-light); loopback only, bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-32}
APP_PORT=18080
NGINX_PORT=18081
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y wrk nginx-light curl)" >&2; exit 1; }
done
WORK=$(mktemp -d)
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

./masthead --version >/dev/null   # builds the jar when it is missing or stale

# First run fills the demo content; the second start is the one we time.
./masthead demo --port "$APP_PORT" --data "$WORK/data" > "$WORK/fill.log" 2>&1 &
APP_PID=$!
until curl -fs "http://127.0.0.1:$APP_PORT/_/health" >/dev/null 2>&1; do sleep 0.2; done
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true

start=$(date +%s%N)
./masthead run --port "$APP_PORT" --data "$WORK/data" > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/" 2>/dev/null; do sleep 0.05; done
startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))

ARTICLE=$(curl -fs "http://127.0.0.1:$APP_PORT/" | grep -o 'href="/[a-z]*/[a-z0-9-]*"' | grep -v '/"$' | head -n1 | cut -d'"' -f2)
URL="http://127.0.0.1:$APP_PORT$ARTICLE"
mkdir -p "$WORK/www"
curl -fs "$URL" > "$WORK/www/article.html"
bytes=$(wc -c < "$WORK/www/article.html")
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; etag on; }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

# Warm up both, then measure.
wrk -t2 -c"$CONNECTIONS" -d3s "$URL" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$NGINX_PORT/article.html" >/dev/null
app_out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$URL")
nginx_out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$NGINX_PORT/article.html")

rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
p99() { echo "$1" | awk '$1=="99%" {print $2}'; }
app_rps=$(rps "$app_out"); nginx_rps=$(rps "$nginx_out")
echo "article page: $ARTICLE ($bytes bytes), $CONNECTIONS connections, ${SECONDS_PER_RUN}s each"
echo "masthead: $app_rps req/s, p99 $(p99 "$app_out")"
echo "nginx:    $nginx_rps req/s, p99 $(p99 "$nginx_out")"
echo "ratio:    $(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN {printf "%.2f", a / n}') x nginx (target >= 0.5, p99 < 10 ms)"
echo "start-up to first served page: ${startup_ms} ms (launcher + JVM + migrations + first render)"
