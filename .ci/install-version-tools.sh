#!/usr/bin/env bash
# Installs the reference implementations the version-scheme differential tests run (src/test/java/dev/drydock/version),
# from Debian's packages (run as root). Tests whose reference is missing say they are skipped.
set -euo pipefail
need=()

# ---- version-b: npm, Go, crates.io, Packagist (Maven's reference comes from Maven Central as a test dependency;
# NuGet has none on Debian: NuGetVersionTest uses NuGet.Client's own test rows) ----
# nodejs + npm: node-semver (npm registry package "semver", installed below into ~/.cache/drydock-test/npm)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
# golang-go + golang-golang-x-mod-dev: golang.org/x/mod/semver, built in GOPATH mode under target/
command -v go >/dev/null 2>&1 || need+=(golang-go)
[ -d /usr/share/gocode/src/golang.org/x/mod/semver ] || need+=(golang-golang-x-mod-dev)
# rustc + librust-semver-dev: the Rust semver crate's sources, compiled with rustc under target/
command -v rustc >/dev/null 2>&1 || [ -x "$HOME/.cargo/bin/rustc" ] || need+=(rustc)
ls -d /usr/share/cargo/registry/semver-1.* >/dev/null 2>&1 || need+=(librust-semver-dev)
# php-cli + php-composer-semver: composer/semver's VersionParser and PHP's version_compare
command -v php >/dev/null 2>&1 || need+=(php-cli)
[ -f /usr/share/php/Composer/Semver/autoload.php ] || need+=(php-composer-semver)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-version-tools: missing ${need[*]} and cannot install (needs root and apt-get); differential tests will say they are skipped" >&2
  else
    echo "install-version-tools: installing ${need[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
else
  echo "install-version-tools: apt packages present"
fi

# node-semver from the npm registry, pinned, into the cache dir NpmSemverDifferentialTest reads
# (override with -Ddrydock.npmSemverDir=DIR).
semver_dir="${DRYDOCK_NPM_SEMVER_DIR:-$HOME/.cache/drydock-test/npm}"
if command -v npm >/dev/null 2>&1 && [ ! -f "$semver_dir/node_modules/semver/package.json" ]; then
  mkdir -p "$semver_dir"
  (cd "$semver_dir" && npm install --no-audit --no-fund --silent semver@7.8.6 >/dev/null)
  echo "install-version-tools: node-semver installed in $semver_dir"
fi
