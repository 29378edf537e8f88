# Sourced by the JMH scripts: picks a JDK 21+, compiles the benchmarks and sets JAVA_HOME and CP.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
for d in "$JAVA_HOME" /usr/lib/jvm/temurin-25-jdk-amd64; do [ -x "$d/bin/javac" ] && "$d/bin/java" -version 2>&1 | grep -q 'version "2[1-9]' && JAVA_HOME=$d && break; done
export JAVA_HOME
./mvnw -q -B -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/jmh.classpath)"
