#!/usr/bin/env bash
# JMH benchmarks of the view path (bench/jmh), then the memory report with 1,000,000 articles.
# Usage: bench/jmh.sh [JMH options, e.g. -wi 1 -i 2]
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
for d in "$JAVA_HOME" /usr/lib/jvm/temurin-25-jdk-amd64; do [ -x "$d/bin/javac" ] && "$d/bin/java" -version 2>&1 | grep -q 'version "2[1-9]' && JAVA_HOME=$d && break; done
export JAVA_HOME
./mvnw -q -B -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/jmh.classpath)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main CounterBenchmark "$@"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g -cp "$CP" org.masthead.popularity.MemoryReport 1000000
