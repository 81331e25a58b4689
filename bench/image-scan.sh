#!/usr/bin/env bash
# Image scan benchmark (DESIGN.md "Performance"): builds a multi-layer OCI archive of at least 1 GB uncompressed
# from locally generated, hard-to-compress data, then measures in the same run:
#   1. gzip -dc of every layer to /dev/null             (the baseline: just decompressing)
#   2. a cold `drydock layers` walk with an empty cache (target: <= 1.3 x the baseline; peak RSS < 512 MB)
#   3. a warm re-scan with every layer cached           (target: < 0.5 s plus JVM start)
#   4. JVM start alone (`drydock --version`)
# Needs: a JDK, gzip, tar, sha256sum, python3, /usr/bin/time (package 'time'; see .ci/install-image-tools.sh).
# Usage: bench/image-scan.sh [SIZE_MB (default 1100)] [LAYERS (default 6)]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1100}
layers=${2:-6}
work=bench/results/image-scan
drydock=bin/drydock
mkdir -p "$work"

[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
"$drydock" --version >/dev/null   # builds the jar (and the CDS archive) before anything is timed

image="$work/image-${size_mb}m-${layers}l.oci.tar"
if [ ! -f "$image" ]; then
  echo "bench: generating a ${size_mb} MB, ${layers}-layer image (once; kept in $work)"
  gen="$work/gen"
  rm -rf "$gen"
  mkdir -p "$gen/blobs/sha256"
  per_layer=$(( size_mb / layers ))
  for i in $(seq 1 "$layers"); do
    root="$gen/root$i"
    mkdir -p "$root/data/layer$i" "$root/etc"
    # base64 of random bytes: about 75% compressible at best, so gzip does real work (neither text nor noise)
    files=$(( per_layer / 16 ))
    for f in $(seq 1 "$files"); do
      head -c $(( 12 * 1024 * 1024 )) /dev/urandom | base64 -w 76 > "$root/data/layer$i/f$f.txt"
    done
    echo "layer $i" > "$root/etc/layer-$i"
    if [ "$i" -gt 1 ]; then
      # overwrite a file of the first layer, so there is some waste to report
      head -c $(( 4 * 1024 * 1024 )) /dev/urandom | base64 -w 76 > "$root/data/layer1-f1-overwritten.txt"
    fi
    tar -C "$root" --owner=0 --group=0 --numeric-owner -cf "$gen/layer$i.tar" .
    rm -rf "$root"
  done
  python3 - "$gen" "$layers" <<'PY'
import hashlib, json, os, subprocess, sys
gen, n = sys.argv[1], int(sys.argv[2])
def sha(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()
def blob(data_path=None, data=None):
    if data is not None:
        d = hashlib.sha256(data).hexdigest()
        open(f"{gen}/blobs/sha256/{d}", 'wb').write(data)
        return d, len(data)
    d = sha(data_path)
    os.rename(data_path, f"{gen}/blobs/sha256/{d}")
    return d, os.path.getsize(f"{gen}/blobs/sha256/{d}")
diff_ids, layers = [], []
for i in range(1, n + 1):
    tar = f"{gen}/layer{i}.tar"
    diff_ids.append("sha256:" + sha(tar))
    subprocess.run(["gzip", "-6", "-n", tar], check=True)
    d, size = blob(tar + ".gz")
    layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + d, "size": size})
config = {"architecture": "amd64", "os": "linux", "config": {"Env": ["PATH=/usr/bin"]},
          "rootfs": {"type": "layers", "diff_ids": diff_ids},
          "history": [{"created_by": f"COPY data{i} /data/"} for i in range(1, n + 1)]}
cd, cs = blob(data=json.dumps(config).encode())
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + cd, "size": cs},
            "layers": layers}
md, ms = blob(data=json.dumps(manifest).encode())
json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
           "digest": "sha256:" + md, "size": ms, "annotations": {"org.opencontainers.image.ref.name": "bench"}}]},
          open(f"{gen}/index.json", "w"))
open(f"{gen}/oci-layout", "w").write('{"imageLayoutVersion":"1.0.0"}')
PY
  tar -C "$gen" -cf "$image" oci-layout index.json blobs
  rm -rf "$gen"
fi

blobs_dir="$work/blobs"
rm -rf "$blobs_dir" && mkdir -p "$blobs_dir"
tar -C "$blobs_dir" -xf "$image" blobs   # the baseline reads the same layers as plain files
layer_files=$(find "$blobs_dir" -type f -size +1M | sort)
uncompressed=0
for l in $layer_files; do uncompressed=$(( uncompressed + $(gzip -dc "$l" | wc -c) )); done

now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }

sync
t0=$(now)
for l in $layer_files; do gzip -dc "$l" > /dev/null; done
t1=$(now)
gunzip_s=$(secs "$t0" "$t1")

cache="$work/cache"
rm -rf "$cache"
/usr/bin/time -v -o "$work/cold.time" "$drydock" layers "oci-archive:$image" --cache-dir "$cache" -f json -o "$work/cold.json"
cold_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/cold.time")
cold_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/cold.time")

# the launcher limits the JIT to C1 for start-up; C1 has no SHA-256 intrinsic, so hashing layers is far slower.
# Measure the walk with the full JIT too (the later -XX flag wins).
rm -rf "$cache.c2"
DRYDOCK_JAVA_OPTS="-XX:TieredStopAtLevel=4 ${DRYDOCK_JAVA_OPTS:-}" /usr/bin/time -v -o "$work/cold-c2.time" "$drydock" layers \
  "oci-archive:$image" --cache-dir "$cache.c2" -f json -o "$work/cold-c2.json"
cold2_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/cold-c2.time")
cold2_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/cold-c2.time")
rm -rf "$cache.c2"

/usr/bin/time -v -o "$work/warm.time" "$drydock" layers "oci-archive:$image" --cache-dir "$cache" -f json -o "$work/warm.json"
warm_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/warm.time")
warm_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/warm.time")

/usr/bin/time -v -o "$work/jvm.time" "$drydock" --version > /dev/null
jvm_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/jvm.time")

cmp -s "$work/cold.json" "$work/warm.json" && same=yes || same=NO

python3 - <<PY
unc, gz, cold, cold2, warm, jvm = $uncompressed, $gunzip_s, $cold_s, $cold2_s, $warm_s, $jvm_s
print(f"image: $image")
print(f"  layers: $layers, uncompressed: {unc / 1e6:.0f} MB, compressed: $(du -m "$image" | cut -f1) MB, cores: $(nproc)")
print(f"gzip -dc of every layer:      {gz:7.2f} s   ({unc / 1e6 / gz:.0f} MB/s)")
print(f"drydock layers, cold (C1):    {cold:7.2f} s   peak RSS {int('$cold_rss') / 1024:.0f} MB   ratio to gzip -dc: {cold / gz:.2f} (target <= 1.3)")
print(f"drydock layers, cold (C2 JIT):{cold2:7.2f} s   peak RSS {int('$cold2_rss') / 1024:.0f} MB   ratio to gzip -dc: {cold2 / gz:.2f} (target <= 1.3)")
print(f"drydock layers, warm:         {warm:7.2f} s   peak RSS {int('$warm_rss') / 1024:.0f} MB")
print(f"JVM start (drydock --version):{jvm:7.2f} s   warm minus JVM start: {warm - jvm:.2f} s (target < 0.5)")
print(f"cold and warm reports identical: $same")
PY
rm -rf "$blobs_dir"
