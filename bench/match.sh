#!/usr/bin/env bash
# Matching benchmark: 1,000 packages against the whole imported snapshot (../shared/vulndb); prints ms per 1,000.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
(cd bench && ../mvnw -q -B package)
cp="bench/target/classes:target/drydock.jar:$(cat bench/target/classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main MatchBenchmark -rf text -rff bench/target/match.txt "$@"
echo
echo "Score above is milliseconds to match 1,000 packages (target: under 100 ms)."
echo
echo "CPU time of the matching thread (the honest number on an overloaded machine):"
java -cp "$cp" dev.drydock.bench.MatchCpuTime 20
