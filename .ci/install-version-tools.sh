#!/usr/bin/env bash
# Installs the reference implementations the version-scheme differential tests run (run as root; idempotent).
# Without them those tests say they are skipped. Each section names who uses it; the lead unions the sections.
set -euo pipefail
need=()

# --- version-a: dpkg, RPM, PEP 440 and RubyGems oracles (apk-tools is not packaged in Debian 12; ApkVersion is
# --- tested against apk-tools' own test/unit/version.data instead)
command -v dpkg >/dev/null 2>&1 || need+=(dpkg)
perl -MDpkg::Version -e 1 >/dev/null 2>&1 || need+=(libdpkg-perl)            # Dpkg::Version, dpkg's Perl implementation
/usr/bin/python3 -c 'import rpm' >/dev/null 2>&1 || need+=(python3-rpm)     # rpm.labelCompare / rpm.ver
/usr/bin/python3 -c 'import packaging.version' >/dev/null 2>&1 || need+=(python3-packaging)
command -v ruby >/dev/null 2>&1 || need+=(ruby)                              # Gem::Version
# --- end version-a

# --- version-b: npm, Go, crates.io and Packagist oracles (Maven's ComparableVersion is a test-scope Maven dependency;
# --- NuGet has no reference in Debian: NuGetVersionTest carries NuGet.Client's own test rows)
command -v node >/dev/null 2>&1 || need+=(nodejs)                            # runs node-semver (installed below)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v go >/dev/null 2>&1 || need+=(golang-go)                           # builds the x/mod/semver oracle under target/
[ -d /usr/share/gocode/src/golang.org/x/mod/semver ] || need+=(golang-golang-x-mod-dev)
command -v rustc >/dev/null 2>&1 || [ -x "$HOME/.cargo/bin/rustc" ] || need+=(rustc)   # builds the semver-crate oracle
ls -d /usr/share/cargo/registry/semver-1.* >/dev/null 2>&1 || need+=(librust-semver-dev)
command -v php >/dev/null 2>&1 || need+=(php-cli)                            # composer/semver + version_compare
[ -f /usr/share/php/Composer/Semver/autoload.php ] || need+=(php-composer-semver)
# --- end version-b

if [ ${#need[@]} -eq 0 ]; then
  echo "install-version-tools: all packages present"
elif [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-version-tools: missing ${need[*]} and cannot install (needs root and apt-get); version differential tests will say they are skipped" >&2
else
  echo "install-version-tools: installing ${need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- version-b: node-semver from the npm registry, pinned, into the cache dir NpmSemverDifferentialTest reads
# --- (DRYDOCK_NPM_SEMVER_DIR here; -Ddrydock.npmSemverDir=DIR for the test)
semver_dir="${DRYDOCK_NPM_SEMVER_DIR:-$HOME/.cache/drydock-test/npm}"
if command -v npm >/dev/null 2>&1 && [ ! -f "$semver_dir/node_modules/semver/package.json" ]; then
  mkdir -p "$semver_dir"
  (cd "$semver_dir" && npm install --no-audit --no-fund --silent semver@7.8.6 >/dev/null)
  echo "install-version-tools: node-semver installed in $semver_dir"
fi
