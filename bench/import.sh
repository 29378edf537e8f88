#!/usr/bin/env bash
# WordPress import speed and memory: a generated export of N posts (default 50,000), each with a featured photo attachment,
# imported without media into a fresh SQLite site in a JVM capped at 512 MB of heap. Prints posts/s and the heap's peak.
# Usage: bench/import.sh [POSTS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
for d in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do [ -n "$d" ] && [ -x "$d/bin/javac" ] && "$d/bin/java" -version 2>&1 | grep -q 'version "2[1-9]' && JAVA_HOME=$d && break; done
export JAVA_HOME
[ -f target/masthead.jar ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen-wxr.py "$n" "$work/export.xml"
echo "export: $n posts + $n attachments, $(du -m "$work/export.xml" | cut -f1) MB"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar target/masthead.jar user add --data "$work/data" --role admin --email bench@example.com >/dev/null 2>&1
start=$(date +%s.%N)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -Xlog:gc:file="$work/gc.log" -jar target/masthead.jar \
  import wxr "$work/export.xml" --data "$work/data" > "$work/out.log" 2>&1 || { tail -20 "$work/out.log"; exit 1; }
end=$(date +%s.%N)
grep -E "^Imported" "$work/out.log" | cut -c1-160
import_ms=$(grep -oE '^In [0-9]+ ms' "$work/out.log" | grep -oE '[0-9]+')
peak=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | cut -dM -f1 | sort -n | tail -1)
python3 - "$n" "$start" "$end" "${peak:-0}" "${import_ms:-0}" <<'PY'
import sys
n, s, e, peak, ms = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rate = n / (e - s)
own = n / (ms / 1000) if ms else 0
print(f"{n} posts in {e - s:.1f} s with the JVM's start: {rate:.0f} posts/s; the import itself (both passes, {ms / 1000:.1f} s): {own:.0f} posts/s")
print(f"target 2,000 posts/s: {rate / 2000:.2f}x counting the JVM's start, {own / 2000:.2f}x the import alone")
print(f"heap peak before a collection: {peak} MB of the 512 MB cap")
PY
