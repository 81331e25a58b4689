#!/usr/bin/env bash
# Vulnerability database benchmarks:
#  1. `drydock db import` of the whole real snapshot (../shared/vulndb, or $1): wall time and peak RSS from
#     /usr/bin/time -v (3 runs), from the directory and from one zip of it; database size against the input's size
#     and against the same files zipped (DESIGN.md: the DB must be smaller than the zips it came from).
#  2. JMH VulnDbFindBenchmark: 1,000 lookups on a freshly opened database (target: < 100 ms).
# Extra arguments go to JMH (e.g. bench/vulndb.sh ../shared/vulndb -wi 1 -i 3).
set -euo pipefail
cd "$(dirname "$0")/.."
snap=${1:-../shared/vulndb}
shift || true
out=bench/results/vulndb
mkdir -p "$out"
[ -d "$snap/osv" ] || { echo "no snapshot at $snap (expected $snap/osv)" >&2; exit 2; }
./mvnw -q -B -DskipTests package
jar=target/drydock.jar

input=$(du -sb --apparent-size "$snap" | cut -f1)
rm -f "$out/snapshot.zip"
(cd "$snap" && zip -qr -9 "$OLDPWD/$out/snapshot.zip" .)
zipped=$(stat -c %s "$out/snapshot.zip")

run() { # label, input path
    local label=$1 path=$2 best=
    for i in 1 2 3; do
        rm -f "$out/drydock.db"
        /usr/bin/time -v java -jar "$jar" db import --fresh --db "$out/drydock.db" "$path" > "$out/import-$label.out" 2> "$out/time-$label-$i.txt"
        local wall rss cpu
        wall=$(grep 'Elapsed (wall clock)' "$out/time-$label-$i.txt" | awk '{print $NF}')
        rss=$(grep 'Maximum resident set size' "$out/time-$label-$i.txt" | awk '{print $NF}')
        cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$out/time-$label-$i.txt")
        printf '  %-10s run %d: wall %s, CPU (user+sys) %s s, peak RSS %d MB\n' "$label" "$i" "$wall" "$cpu" $((rss / 1024))
    done
}
echo "db import of $snap ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
run directory "$snap"
run zip "$out/snapshot.zip"
db=$(stat -c %s "$out/drydock.db")
head -2 "$out/import-zip.out" | tail -1
echo
printf 'input files: %d bytes; zipped (zip -9, one entry per file): %d bytes; database: %d bytes\n' "$input" "$zipped" "$db"
awk -v d="$db" -v i="$input" -v z="$zipped" 'BEGIN { printf "database / input = %.2f, database / zip = %.2f (target: < 1)\n", d / i, d / z }'
echo

(cd bench && ../mvnw -q -B package)
cp="bench/target/classes:$jar:$(cat bench/target/classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main VulnDbFindBenchmark -p db="$out/drydock.db" -rf text -rff bench/target/vulndb-find.txt "$@"
echo
echo "Score above is milliseconds for 1,000 lookups (openAndFind1000: a freshly opened database, as one scan; target: < 100 ms)."
