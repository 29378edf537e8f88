#!/usr/bin/env bash
# JMH: word diff of two 5,000-word revisions (target: under 50 ms). Usage: bench/diff.sh [JMH options]
set -euo pipefail
source "$(dirname "$0")/jmh-classpath.sh"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main DiffBenchmark "$@"
