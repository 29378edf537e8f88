#!/usr/bin/env bash
# Metadata + all renditions of a 24-megapixel JPEG: time and heap peak (one JVM, G1, 2 GB heap).
set -euo pipefail
cd "$(dirname "$0")/.."
for d in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do [ -n "$d" ] && [ -x "$d/bin/javac" ] && "$d/bin/java" -version 2>&1 | grep -q 'version "2[1-9]' && JAVA_HOME=$d && break; done
export JAVA_HOME
./mvnw -q -B -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.masthead.media.RenditionReport
