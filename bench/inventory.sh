#!/usr/bin/env bash
# Inventory benchmark (issue 4): a large image (thousands of npm packages from the npm registry, every jar of the local
# Maven repository) is inventoried by `drydock packages`, cold (empty layer cache) and warm, with wall time and peak
# RSS from /usr/bin/time -v, and the package counts per ecosystem (npm checked against `npm ls --all`).
# Needs: a JDK, node + npm with access to the npm registry, python3, tar, gzip, /usr/bin/time, a populated ~/.m2.
# Usage: bench/inventory.sh [NPM_PACKAGE (default react-scripts@5.0.1)]
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=${1:-react-scripts@5.0.1}
work=bench/results/inventory
drydock=bin/drydock
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
command -v npm >/dev/null || { echo "bench: npm missing (apt-get install npm)" >&2; exit 2; }
"$drydock" --version >/dev/null   # builds the jar before anything is timed

image="$work/inventory.oci.tar"
if [ ! -f "$image" ]; then
  gen="$work/gen"
  rm -rf "$gen" && mkdir -p "$gen/l1/app" "$gen/l2/opt/jars" "$gen/blobs/sha256"
  echo "bench: npm install $pkg (once; kept in $work)"
  (cd "$gen/l1/app" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "$pkg" >/dev/null)
  (cd "$gen/l1/app" && npm ls --all --json 2>/dev/null || true) > "$work/npm-ls.json"
  find "${M2_REPO:-$HOME/.m2/repository}" -name '*.jar' -exec cp -t "$gen/l2/opt/jars" {} +
  tar -C "$gen/l1" --owner=0 --group=0 --numeric-owner -cf "$gen/layer1.tar" .
  tar -C "$gen/l2" --owner=0 --group=0 --numeric-owner -cf "$gen/layer2.tar" .
  rm -rf "$gen/l1" "$gen/l2"
  python3 - "$gen" <<'PY'
import hashlib, json, os, subprocess, sys
gen = sys.argv[1]
def sha(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()
def put(path=None, data=None):
    if data is not None:
        d = hashlib.sha256(data).hexdigest()
        open(f"{gen}/blobs/sha256/{d}", 'wb').write(data)
        return d, len(data)
    d = sha(path)
    os.rename(path, f"{gen}/blobs/sha256/{d}")
    return d, os.path.getsize(f"{gen}/blobs/sha256/{d}")
diff_ids, layers = [], []
for i in (1, 2):
    tar = f"{gen}/layer{i}.tar"
    diff_ids.append("sha256:" + sha(tar))
    subprocess.run(["gzip", "-6", "-n", tar], check=True)
    d, size = put(tar + ".gz")
    layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + d, "size": size})
config = {"architecture": "amd64", "os": "linux", "config": {}, "rootfs": {"type": "layers", "diff_ids": diff_ids},
          "history": [{"created_by": "COPY app /app"}, {"created_by": "COPY jars /opt/jars"}]}
cd, cs = put(data=json.dumps(config).encode())
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + cd, "size": cs},
            "layers": layers}
md, ms = put(data=json.dumps(manifest).encode())
json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
           "digest": "sha256:" + md, "size": ms}]}, open(f"{gen}/index.json", "w"))
open(f"{gen}/oci-layout", "w").write('{"imageLayoutVersion":"1.0.0"}')
PY
  tar -C "$gen" -cf "$image" oci-layout index.json blobs
  rm -rf "$gen"
fi

elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
cache="$work/cache"
rm -rf "$cache"
/usr/bin/time -v -o "$work/cold.time" "$drydock" packages "oci-archive:$image" --cache-dir "$cache" -f json -o "$work/cold.json"
/usr/bin/time -v -o "$work/warm.time" "$drydock" packages "oci-archive:$image" --cache-dir "$cache" -f json -o "$work/warm.json"
python3 - "$work" "$image" "$(elapsed "$work/cold.time")" "$(rss "$work/cold.time")" "$(elapsed "$work/warm.time")" \
  "$(rss "$work/warm.time")" <<'PY'
import collections, json, os, sys
work, image, cold, cold_rss, warm, warm_rss = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
report = json.load(open(f"{work}/cold.json"))
pkgs = report.get("packages", [])
by = collections.Counter(p.get("ecosystem") for p in pkgs)
def walk(deps, seen):
    for name, d in (deps or {}).items():
        if "version" in d:
            seen.add((name, d["version"]))
        walk(d.get("dependencies"), seen)
    return seen
oracle = len(walk(json.load(open(f"{work}/npm-ls.json")).get("dependencies"), set())) if os.path.getsize(f"{work}/npm-ls.json") else 0
npm = {(p["name"], p["version"]) for p in pkgs if p.get("ecosystem") == "npm"}
print(f"image: {image} ({os.path.getsize(image) / 1e6:.0f} MB compressed), cores: {os.cpu_count()}")
print(f"packages: {len(pkgs)} entries; by ecosystem: " + ", ".join(f"{k} {v}" for k, v in sorted(by.items())))
print(f"npm: {len(npm)} distinct name@version found; npm ls --all lists {oracle}")
print(f"drydock packages, cold: {cold:6.2f} s   peak RSS {cold_rss / 1024:.0f} MB")
print(f"drydock packages, warm: {warm:6.2f} s   peak RSS {warm_rss / 1024:.0f} MB")
print("cold and warm reports identical:", "yes" if open(f"{work}/cold.json").read() == open(f"{work}/warm.json").read() else "NO")
PY
