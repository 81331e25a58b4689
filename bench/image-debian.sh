#!/usr/bin/env bash
# Whole-scan benchmark (issue 5): `drydock image` of a real Debian bookworm image (debootstrap --variant=minbase, one
# layer, docker-archive) against a database of the whole ../shared/vulndb snapshot: every scanner (vulnerabilities,
# secrets, image checks, layers), cold (empty layer cache) and warm, with wall time, CPU time and peak RSS.
# Needs: a JDK, python3, tar, /usr/bin/time, debootstrap (or DEBIAN_ROOT=DIR pointing at an existing root).
# Usage: bench/image-debian.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/results/image-debian
drydock=bin/drydock
root=${DEBIAN_ROOT:-/tmp/drydock-debootstrap-bookworm}
snapshot=${VULNDB:-../shared/vulndb}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
[ -d "$snapshot/osv" ] || { echo "bench: $snapshot is absent (the ../shared/vulndb snapshot)" >&2; exit 2; }
if [ ! -f "$root/var/lib/dpkg/status" ]; then
  echo "bench: debootstrap --variant=minbase bookworm $root (once)"
  debootstrap --variant=minbase bookworm "$root" >"$work/debootstrap.log" 2>&1
fi
"$drydock" --version >/dev/null   # builds the jar before anything is timed

image="$work/debian.tar"
if [ ! -f "$image" ]; then
  tar -C "$root" --numeric-owner -cf "$work/layer.tar" .
  python3 - "$work" <<'PY'
import hashlib, io, json, os, sys, tarfile
work = sys.argv[1]
h = hashlib.sha256()
with open(f"{work}/layer.tar", "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        h.update(chunk)
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["bash"]},
                     "rootfs": {"type": "layers", "diff_ids": ["sha256:" + h.hexdigest()]},
                     "history": [{"created_by": "debootstrap --variant=minbase bookworm"}]}).encode()
manifest = json.dumps([{"Config": "config.json", "RepoTags": ["debian-bench:12"], "Layers": ["layer.tar"]}]).encode()
with tarfile.open(f"{work}/debian.tar", "w") as t:
    t.add(f"{work}/layer.tar", arcname="layer.tar")
    for name, data in (("config.json", config), ("manifest.json", manifest)):
        info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
os.remove(f"{work}/layer.tar")
PY
fi
db="$work/db/drydock.db"
[ -f "$db" ] || "$drydock" db import --db "$db" "$snapshot" >"$work/import.txt"

field() { awk -F': ' -v k="$2" '$1 ~ k {print $2}' "$1"; }
secs() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
cache="$work/cache"
rm -rf "$cache"
for run in cold warm; do
  /usr/bin/time -v -o "$work/$run.time" "$drydock" image "docker-archive:$image" --db "$db" --skip-db-update \
    --cache-dir "$cache" -f json -o "$work/$run.json" || true
done
/usr/bin/time -v -o "$work/jvm.time" "$drydock" --version >/dev/null
python3 - "$work" "$image" <<'PY'
import json, os, re, sys
work, image = sys.argv[1], sys.argv[2]
def t(name):
    s = open(f"{work}/{name}.time").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", s).group(1).split(":")
    wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    cpu = float(re.search(r"User time \(seconds\): (\S+)", s).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", s).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", s).group(1)) / 1024
    return wall, cpu, rss
r = json.load(open(f"{work}/cold.json"))
kinds = {}
for f in r["findings"]:
    kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
print(f"image: {image} ({os.path.getsize(image) / 1e6:.0f} MB, one layer), cores: {os.cpu_count()}, load: {os.getloadavg()[0]:.1f}")
print(f"packages: {len(r['inventory']['packages'])}, findings by kind: {kinds}")
for name in ("cold", "warm", "jvm"):
    wall, cpu, rss = t(name)
    print(f"{'drydock --version' if name == 'jvm' else 'drydock image, ' + name:24s} wall {wall:6.2f} s   cpu {cpu:6.2f} s   peak RSS {rss:4.0f} MB")
same = json.load(open(f"{work}/cold.json"))["findings"] == json.load(open(f"{work}/warm.json"))["findings"]
print("cold and warm findings identical:", "yes" if same else "NO")
PY
