#!/usr/bin/env bash
# The reader's search: Masthead's Lucene index (SearchIndex.search, snippets included) against SQLite FTS5 and PostgreSQL
# full-text search (tsvector + GIN) on the same synthetic corpus and queries, in one run; loopback only, bounded in time.
# Usage: bench/search.sh [stories, default 100000] [seconds per measurement, default 10] [PostgreSQL JDBC URL]
# ENGINES=lucene (or lucene,sqlite) leaves the peers out. BENCH_KEEP=dir keeps the built indexes there (and the PostgreSQL table):
# a later run with the same folder re-measures every engine's queries without building again (delete dir/lucene.built to rebuild one).
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), as the tests do.
set -euo pipefail
source "$(dirname "$0")/jmh-classpath.sh"
STORIES=${1:-100000}
SECONDS_PER=${2:-10}
PG=${3:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx6g ${BENCH_JAVA_OPTS:-} -cp "$CP" org.masthead.search.SearchBench "$STORIES" "$SECONDS_PER" "$PG" "${ENGINES:-lucene,sqlite,pg}"
