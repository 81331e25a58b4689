#!/usr/bin/env bash
# Runs drydock's benchmarks: builds drydock and the JMH harness, then the corpus lint benchmark.
# Prints files per second (one JMH operation = one Dockerfile parsed and linted).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
(cd bench && ../mvnw -q -B package)
# build-classpath leaves out system-scoped dependencies: add drydock.jar itself
cp="bench/target/classes:target/drydock.jar:$(cat bench/target/classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main LintCorpusBenchmark -rf text -rff bench/target/lint-corpus.txt "$@"
echo
echo "Score above is Dockerfiles parsed and linted per second, one JVM (target: 1,000/s)."
