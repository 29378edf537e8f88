#!/usr/bin/env bash
# JMH benchmarks of the view path (bench/jmh), then the memory report with 1,000,000 articles.
# Usage: bench/jmh.sh [JMH options, e.g. -wi 1 -i 2]
set -euo pipefail
source "$(dirname "$0")/jmh-classpath.sh"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main CounterBenchmark "$@"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g -cp "$CP" org.masthead.popularity.MemoryReport 1000000
