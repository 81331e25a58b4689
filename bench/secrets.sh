#!/usr/bin/env bash
# Secret scanning benchmark (issue 6): how much `drydock secrets` adds to the layer walk of a 1 GB image.
# Builds (once, under bench/results/secrets/) an OCI archive of about 1.1 GB uncompressed from ordinary content:
#   layer 1: a debootstrapped Debian root when the tests have made one ($TMPDIR/drydock-debootstrap-bookworm), else skipped
#   layer 2: a real node_modules when the tests have installed one (~/.cache/drydock-test/secrets-npm-*), else skipped
#   layer 3: jars from the local Maven repository (~/.m2), up to 200 MB: zip archives the scanner opens
#   layers 4+: generated filler to reach the size, half text (64 KiB files of base64 lines with code-like
#              assignments: the worst case, every byte goes through the keyword automaton) and half binary
#              (ELF-like files with NUL bytes: read only up to the binary probe)
# then times, each RUNS times (default 3; the machine is shared, so the minimum is reported):
#   A. the walk alone:  DRYDOCK_BENCH_DISABLE_ANALYZERS=secret drydock layers   (every other built-in analyzer runs)
#   B. the walk with secret scanning: drydock secrets (the same analyzers plus the secret one, and the config scan)
# with an empty layer cache each time, and peak RSS from /usr/bin/time -v. Target: B adds under 30% to A.
# Needs: a JDK, gzip, tar, python3, /usr/bin/time (package 'time').
# Usage: bench/secrets.sh [SIZE_MB (default 1100)] [RUNS (default 3)]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1100}
runs=${2:-3}
work=bench/results/secrets
drydock=bin/drydock
mkdir -p "$work"

[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
"$drydock" --version >/dev/null   # builds the jar before anything is timed

image="$work/image-${size_mb}m.oci.tar"
if [ ! -f "$image" ]; then
  echo "bench: generating a ${size_mb} MB image of ordinary content (once; kept in $work)"
  python3 - "$work/gen" "$size_mb" "${TMPDIR:-/tmp}/drydock-debootstrap-bookworm" <<'PY'
import glob, hashlib, io, json, os, random, shutil, subprocess, sys, tarfile
gen, size_mb, debian = sys.argv[1], int(sys.argv[2]), sys.argv[3]
shutil.rmtree(gen, ignore_errors=True)
os.makedirs(f"{gen}/blobs/sha256")
rng = random.Random(6)
layers, total = [], 0

def add_tree(tar, root, prefix, limit=None):
    n = 0
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(dirpath, f)
            if os.path.islink(p) or not os.path.isfile(p):
                continue
            size = os.path.getsize(p)
            if limit is not None and n + size > limit:
                return n
            tar.add(p, arcname=prefix + os.path.relpath(p, root), recursive=False)
            n += size
    return n

def layer(name, fill):
    global total
    path = f"{gen}/{name}.tar"
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        n = fill(tar)
    if n == 0:
        os.remove(path)
        return
    total += os.path.getsize(path)
    layers.append(path)
    print(f"  {name}: {n / 1e6:.0f} MB of files", flush=True)

if os.path.isfile(os.path.join(debian, "var/lib/dpkg/status")):
    layer("debian", lambda t: add_tree(t, debian, "", None))
npm = sorted(glob.glob(os.path.expanduser("~/.cache/drydock-test/secrets-npm-*/node_modules")))
if npm:
    layer("node_modules", lambda t: add_tree(t, npm[0], "app/node_modules/"))
m2 = os.path.expanduser("~/.m2/repository")
if os.path.isdir(m2):
    def jars(t):
        n = 0
        for p in sorted(glob.glob(m2 + "/**/*.jar", recursive=True)):
            s = os.path.getsize(p)
            if n + s > 200e6:
                break
            t.add(p, arcname="app/lib/" + os.path.basename(p) + "-" + hashlib.md5(p.encode()).hexdigest()[:6] + ".jar")
            n += s
        return n
    layer("jars", jars)

WORDS = ["config", "value", "name", "path", "user", "id", "timeout", "retries", "host", "port", "mode", "level"]
def text_file():
    out = io.StringIO()
    while out.tell() < 64 * 1024:
        if rng.random() < 0.1:
            out.write(f"{rng.choice(WORDS)}_{rng.choice(WORDS)} = \"{rng.randbytes(12).hex()}\"\n")
        else:
            out.write(__import__("base64").b64encode(rng.randbytes(57)).decode() + "\n")
    return out.getvalue().encode()
def binary_file():
    return b"\x7fELF\x02\x01\x01\x00" + rng.randbytes(256 * 1024)

i = 0
while total < size_mb * 1e6:
    i += 1
    def fill(t, i=i):
        n = 0
        for k in range(800):
            data = text_file() if k % 2 == 0 else binary_file()
            name = f"srv/gen{i}/{k // 100}/f{k}" + (".txt" if k % 2 == 0 else "")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
            n += len(data)
        return n
    layer(f"filler{i}", fill)

def sha(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
def blob(path=None, data=None):
    if data is not None:
        d = hashlib.sha256(data).hexdigest()
        open(f"{gen}/blobs/sha256/{d}", "wb").write(data)
        return d, len(data)
    d = sha(path)
    os.rename(path, f"{gen}/blobs/sha256/{d}")
    return d, os.path.getsize(f"{gen}/blobs/sha256/{d}")
diff_ids, descs = [], []
for tar in layers:
    diff_ids.append("sha256:" + sha(tar))
    subprocess.run(["gzip", "-6", "-n", tar], check=True)
    d, size = blob(tar + ".gz")
    descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + d, "size": size})
config = {"architecture": "amd64", "os": "linux", "config": {"Env": ["PATH=/usr/bin"]},
          "rootfs": {"type": "layers", "diff_ids": diff_ids},
          "history": [{"created_by": f"COPY {os.path.basename(t)} /"} for t in layers]}
cd, cs = blob(data=json.dumps(config).encode())
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + cd, "size": cs},
            "layers": descs}
md, ms = blob(data=json.dumps(manifest).encode())
json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
           "digest": "sha256:" + md, "size": ms, "annotations": {"org.opencontainers.image.ref.name": "bench"}}]},
          open(f"{gen}/index.json", "w"))
open(f"{gen}/oci-layout", "w").write('{"imageLayoutVersion":"1.0.0"}')
print(f"  uncompressed layers: {total / 1e6:.0f} MB")
PY
  tar -C "$work/gen" -cf "$image" oci-layout index.json blobs
  rm -rf "$work/gen"
fi

elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

walk=(); scan=(); walk_rss=(); scan_rss=()
for r in $(seq 1 "$runs"); do
  rm -rf "$work/cache"
  DRYDOCK_BENCH_DISABLE_ANALYZERS=secret /usr/bin/time -v -o "$work/walk.time" \
    "$drydock" layers "oci-archive:$image" --cache-dir "$work/cache" -f json -o "$work/walk.json"
  walk+=("$(elapsed "$work/walk.time")"); walk_rss+=("$(rss "$work/walk.time")")
  rm -rf "$work/cache"
  set +e
  /usr/bin/time -v -o "$work/secrets.time" \
    "$drydock" secrets "oci-archive:$image" --cache-dir "$work/cache" -f json -o "$work/secrets.json"
  code=$?
  set -e
  [ "$code" -le 1 ] || { echo "bench: drydock secrets failed (exit $code)" >&2; exit 1; }
  scan+=("$(elapsed "$work/secrets.time")"); scan_rss+=("$(rss "$work/secrets.time")")
  echo "run $r: walk ${walk[-1]} s (RSS $(( ${walk_rss[-1]} / 1024 )) MB), secrets ${scan[-1]} s (RSS $(( ${scan_rss[-1]} / 1024 )) MB)"
done
rm -rf "$work/cache"
findings=$(python3 -c "import json; print(len(json.load(open('$work/secrets.json'))['findings']))")

python3 - "${walk[*]}" "${scan[*]}" "${walk_rss[*]}" "${scan_rss[*]}" <<PY
import sys
walk, scan = [float(x) for x in sys.argv[1].split()], [float(x) for x in sys.argv[2].split()]
wr, sr = [int(x) for x in sys.argv[3].split()], [int(x) for x in sys.argv[4].split()]
w, s = min(walk), min(scan)
print(f"image: $image ($(du -m "$image" | cut -f1) MB compressed), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)")
print(f"walk alone (drydock layers, no secret analyzer): min {w:7.2f} s of {walk}   peak RSS {max(wr) / 1024:.0f} MB")
print(f"walk + secrets (drydock secrets):                min {s:7.2f} s of {scan}   peak RSS {max(sr) / 1024:.0f} MB")
print(f"secret scanning adds {100 * (s - w) / w:.0f}% to the walk (target < 30%); findings: $findings")
PY
