#!/usr/bin/env bash
# End-to-end suite: runs the real launcher (bin/drydock) the way users and CI do, and checks exit codes and output.
# Prints one line per case and a closing "N passed, N failed" line; exits non-zero if any case failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dd="$root/bin/drydock"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# expect NAME WANT_EXIT [grep patterns that must match stdout+stderr] [!pattern that must not]
expect() {
  local name=$1 want=$2; shift 2
  local ok=1
  if [ "$rc" != "$want" ]; then ok=0; echo "    exit code $rc, wanted $want"; fi
  for pat in "$@"; do
    if [ "${pat:0:1}" = "!" ]; then
      if grep -qE -- "${pat:1}" "$tmp/out"; then ok=0; echo "    output matches forbidden /${pat:1}/"; fi
    else
      if ! grep -qE -- "$pat" "$tmp/out"; then ok=0; echo "    output lacks /$pat/"; fi
    fi
  done
  if [ $ok = 1 ]; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/    | /' "$tmp/out" | head -40; fi
}
run() { "$@" >"$tmp/out" 2>&1; rc=$?; }

# The README's quick start: the insecure example fails the lint and every secret stays redacted.
run "$dd" dockerfile examples/insecure-node/Dockerfile
expect "quick start example reports its problems" 1 'DL3007' 'DD0001' 'DL3008' 'FAIL: fail-on warning' \
  '!wJalrXUtnFEMI/K7MDENG' '!Exception' '!	at dev\.drydock'

run "$dd" --version
expect "--version" 0 '^drydock [0-9]'

run "$dd" --help
expect "--help lists subcommands" 0 'dockerfile' 'rules' 'completion'

run "$dd" dockerfile --no-such-option examples/insecure-node/Dockerfile
expect "unknown option is a usage error" 2 'Unknown option' '!Exception'

run "$dd" dockerfile "$tmp/does-not-exist/Dockerfile"
expect "missing file is an input error" 3 'no such file' '!Exception'

printf 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n' >"$tmp/Dockerfile.heredoc"
run "$dd" dockerfile "$tmp/Dockerfile.heredoc"
expect "unterminated heredoc names file and line" 3 'Dockerfile.heredoc:2' 'heredoc' '!Exception'

printf 'FROM alpine:3.20\nRUNN echo hi\n' >"$tmp/Dockerfile.unknown"
run "$dd" dockerfile "$tmp/Dockerfile.unknown"
expect "unknown instruction names line and column" 3 'Dockerfile.unknown:2:1' 'unknown instruction' '!Exception'

head -c 3000 /dev/urandom >"$tmp/Dockerfile.bin"; printf '\0' >>"$tmp/Dockerfile.bin"
run "$dd" dockerfile "$tmp/Dockerfile.bin"
expect "binary file is refused" 3 'not (a text file|valid UTF-8)' '!Exception'

: >"$tmp/Dockerfile.empty"
run "$dd" dockerfile "$tmp/Dockerfile.empty"
expect "empty file is an input error" 3 'Dockerfile.empty' '!Exception'

cat >"$tmp/Dockerfile.clean" <<'DOCKERFILE'
# syntax=docker/dockerfile:1
FROM golang:1.23.4-bookworm@sha256:7ea4c9dcb2b97ff8ee80a67db3d44f98c8ffa0d191399197007d8459c1453041 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY cmd ./cmd
RUN CGO_ENABLED=0 go build -trimpath -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot@sha256:6ec5aa99dc335666e79dc64e4a6c8b89c33a543a1967f20d360922a80dd21f02
COPY --from=build /out/app /app
USER nonroot:nonroot
HEALTHCHECK --interval=30s --timeout=3s CMD ["/app", "healthcheck"]
ENTRYPOINT ["/app"]
DOCKERFILE
# DD0024 (end-of-life base) depends on today's date: any pinned Go release reaches its end of life within a year.
run "$dd" dockerfile --fail-on info --ignore DD0024 "$tmp/Dockerfile.clean"
expect "a careful Dockerfile passes" 0 '0 findings' 'PASS'

printf 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' | "$dd" dockerfile --format json - >"$tmp/out" 2>&1; rc=$?
expect "stdin with JSON output" 1 '"schemaVersion"' '"path" : "-"' '"ruleId" : "DL3015"'

run "$dd" dockerfile --format sarif examples/insecure-node/Dockerfile
expect "SARIF output" 1 '"version" : "2.1.0"' '"ruleId" : "DL3007"'

run "$dd" dockerfile --format checkstyle examples/insecure-node/Dockerfile
expect "checkstyle output" 1 '<checkstyle' 'source="DL3007"'

printf 'FROM debian:12.5\nRUN apt-get update && apt-get install curl\n' >"$tmp/Dockerfile.fix"
run "$dd" dockerfile --fix --diff "$tmp/Dockerfile.fix"
expect "--fix --diff prints the rewrite" 1 '^\+RUN .*--no-install-recommends' '^-RUN apt-get update && apt-get install curl$'
cp "$tmp/Dockerfile.fix" "$tmp/Dockerfile.fix.orig"
run "$dd" dockerfile --fix "$tmp/Dockerfile.fix"
grep -q -- '-y' "$tmp/Dockerfile.fix" && grep -q -- '--no-install-recommends' "$tmp/Dockerfile.fix" && rc2=0 || rc2=1
cat "$tmp/Dockerfile.fix" >>"$tmp/out"
expect "--fix rewrites the file in place" 1 'apt-get install -y --no-install-recommends curl|apt-get install --no-install-recommends -y curl'

printf 'FROM debian:12.5\n# hadolint ignore=DL3008,DL3015\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nUSER nobody\n' >"$tmp/Dockerfile.pragma"
run "$dd" dockerfile --fail-on warning "$tmp/Dockerfile.pragma"
expect "hadolint pragmas suppress" 0 '!DL3008' '!DL3015'

if command -v shellcheck >/dev/null 2>&1; then
  printf 'FROM debian:12.5\nRUN for f in $(ls *.txt); do echo $f; done\n' >"$tmp/Dockerfile.sc"
  run "$dd" dockerfile --shellcheck "$tmp/Dockerfile.sc"
  expect "--shellcheck reports ShellCheck findings" 1 'SC20(46|86)'
else
  echo "skip --shellcheck case: shellcheck is not installed"
fi
# A PATH with everything this machine has but shellcheck.
mkdir -p "$tmp/nosc"
for f in /usr/local/bin/* /usr/bin/* /bin/*; do
  [ "$(basename "$f")" = shellcheck ] || ln -sf "$f" "$tmp/nosc/" 2>/dev/null
done
run env PATH="$tmp/nosc" "$dd" dockerfile --shellcheck examples/insecure-node/Dockerfile
expect "--shellcheck without shellcheck says so" 2 "needs the 'shellcheck' program"

run "$dd" completion
expect "completion script" 0 'complete -F'

run "$dd" rules DL3008
expect "rules explains a rule" 0 'DL3008' 'Fix:'

# Image sources that need no tools: an unreachable registry and an absent daemon fail fast and say so.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run "$dd" layers "127.0.0.1:$port/app:1" --insecure --timeout 2 --no-cache
expect "unreachable registry is an input error" 3 "registry 127.0.0.1:$port unreachable after [0-9]+s" '!Exception'
run env DOCKER_HOST="unix://$tmp/no.sock" "$dd" layers docker-daemon:app:1 --no-cache
expect "absent daemon socket is an input error" 3 'no such socket' '!Exception'
printf 'pw-never-shown\n' | "$dd" layers "127.0.0.1:$port/app:1" --insecure --timeout 1 --username u --password-stdin --no-cache >"$tmp/out" 2>&1; rc=$?
expect "a password from stdin is never echoed" 3 '!pw-never-shown'

# Inventories and SBOMs of a directory (the repository's own examples), deterministic with SOURCE_DATE_EPOCH.
run env SOURCE_DATE_EPOCH=1700000000 "$dd" sbom examples --format spdx
expect "sbom of a directory as SPDX" 0 '"spdxVersion" : "SPDX-2.3"' '"created" : "2023-11-14T22:13:20Z"' '"SPDXRef-Directory"'
cp "$tmp/out" "$tmp/spdx1"
run env SOURCE_DATE_EPOCH=1700000000 "$dd" sbom examples --format spdx
if cmp -s "$tmp/out" "$tmp/spdx1"; then rc=0; else rc=9; fi
expect "the same SBOM twice" 0
run "$dd" sbom examples -o "$tmp/bom.json"
rc2=$rc; run grep -c '"specVersion" : "1.6"' "$tmp/bom.json"; [ "$rc2" = 0 ] || rc=$rc2
expect "sbom of a directory as CycloneDX to a file" 0 '^1$'
run "$dd" packages examples --format json
expect "packages of a directory as JSON" 0 '"packages"' '"subject"'
run "$dd" sbom examples --format xml
expect "an unknown SBOM format is a usage error" 2 "Invalid value for option '--format'" '!Exception'
run "$dd" sbom "$tmp/missing.tar"
expect "a missing image is an input error" 3 'missing.tar' '!Exception'

# Vulnerabilities, policy and reports end to end: real Maven advisories from ../shared/vulndb, an application with
# log4j-core 2.14.1 in a jar, as a directory and as a docker-archive image.
vulndb="$root/../shared/vulndb"
if [ -d "$vulndb/osv/Maven" ]; then
  run "$dd" db import --db "$tmp/db/drydock.db" "$vulndb/osv/Maven" "$vulndb/kev/known_exploited_vulnerabilities.json"
  expect "db import of real advisories" 0 'imported'
  run "$dd" db status --db "$tmp/db/drydock.db"
  expect "db status" 0 'Maven' 'Schema: +version 1' 'KEV entries'
  python3 - "$tmp" <<'PY'
import io, json, hashlib, os, sys, tarfile, zipfile
tmp = sys.argv[1]
os.makedirs(f"{tmp}/app/lib", exist_ok=True)
with zipfile.ZipFile(f"{tmp}/app/lib/log4j-core-2.14.1.jar", "w") as z:
    z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
    z.writestr("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
               "groupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=2.14.1\n")
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w") as t:
    t.add(f"{tmp}/app", arcname="app")
layer = layer.getvalue()
diff = "sha256:" + hashlib.sha256(layer).hexdigest()
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"User": "10001"},
                     "rootfs": {"type": "layers", "diff_ids": [diff]},
                     "history": [{"created_by": "COPY app /app"}]}).encode()
with tarfile.open(f"{tmp}/app.tar", "w") as t:
    for name, data in (("layer.tar", layer), ("config.json", config),
                       ("manifest.json", json.dumps([{"Config": "config.json", "RepoTags": ["app:1"], "Layers": ["layer.tar"]}]).encode())):
        info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
PY
  run "$dd" fs "$tmp/app" --db "$tmp/db/drydock.db" --skip-db-update --fail-on critical
  expect "fs finds Log4Shell and fails the policy" 1 'CVE-2021-44228' 'CRITICAL' 'log4j-core' '2\.15\.0' 'KEV' 'Verdict: FAIL' '!Exception'
  run "$dd" image "docker-archive:$tmp/app.tar" --db "$tmp/db/drydock.db" --skip-db-update --no-cache --fail-on critical \
    -f "table,html=$tmp/report.html,sarif=$tmp/report.sarif"
  expect "image scan with three report formats" 1 'CVE-2021-44228' 'Verdict: FAIL'
  if [ -s "$tmp/report.html" ] && ! grep -qE '<script[^>]+src=|<link[^>]+href="http' "$tmp/report.html" \
     && grep -q 'CVE-2021-44228' "$tmp/report.html" && grep -q '"version" *: *"2.1.0"' "$tmp/report.sarif"; then rc=0; else rc=9; fi
  expect "the HTML report is self-contained and the SARIF is 2.1.0" 0
  cat > "$tmp/ignore.yaml" <<'YAML'
ignores:
  - id: CVE-2021-44228
    package: org.apache.logging.log4j:log4j-core
    reason: JNDI lookups are disabled with log4j2.formatMsgNoLookups; upgrade planned
    expires: 2099-01-01
  - id: CVE-2021-45046
    reason: no Thread Context lookups in the pattern layout; upgrade planned
    expires: 2099-01-01
YAML
  run "$dd" fs "$tmp/app" --db "$tmp/db/drydock.db" --skip-db-update --fail-on critical --ignorefile "$tmp/ignore.yaml"
  expect "ignores with reasons suppress and say why" 0 'formatMsgNoLookups' 'Suppressed [(]2' 'Verdict: PASS'
  sed -i 's/2099-01-01/2020-01-01/' "$tmp/ignore.yaml"
  run "$dd" fs "$tmp/app" --db "$tmp/db/drydock.db" --skip-db-update --fail-on critical --ignorefile "$tmp/ignore.yaml"
  expect "an expired ignore stops applying and is reported" 1 'expired' 'Verdict: FAIL'
  printf 'ignores:\n  - id: CVE-2021-44228\n    expires: 2099-01-01\n' > "$tmp/bad-ignore.yaml"
  run "$dd" fs "$tmp/app" --db "$tmp/db/drydock.db" --skip-db-update --ignorefile "$tmp/bad-ignore.yaml"
  expect "an ignore without a reason is an input error naming the file" 3 'bad-ignore.yaml' 'reason' '!Exception'
  run "$dd" fs "$tmp/app" --db "$tmp/nothing/drydock.db"
  expect "without a database the scan still runs and says how to get one" 0 'drydock db update'
else
  echo "skip vulnerability cases: ../shared/vulndb is absent"
fi

echo
echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
