#!/usr/bin/env bash
# Installs what the inventory tests need as their oracles, from Debian's packages (run as root):
# OS packages: debootstrap (a real Debian bookworm root whose dpkg database is the dpkg oracle; needs deb.debian.org),
# rpm (rpm, rpmbuild: builds and installs test packages into a real SQLite rpmdb; rpm -qa is the rpm oracle),
# db5.3-util (db5.3_load writes a real Berkeley DB hash Packages file that rpm's bdb_ro backend reads back).
# Language packages: nodejs + npm (a real npm project installed from the npm registry; `npm ls --all --json`),
# maven (a real fat jar built from Maven Central; `mvn dependency:list`), golang-go (real Go binaries; `go version -m`).
set -euo pipefail
need=()
[ -x /usr/sbin/debootstrap ] || need+=(debootstrap)
command -v rpmbuild >/dev/null 2>&1 || need+=(rpm)
command -v db5.3_load >/dev/null 2>&1 || need+=(db5.3-util)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v go >/dev/null 2>&1 || need+=(golang-go)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-inventory-tools: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-inventory-tools: missing ${need[*]} and cannot install (needs root and apt-get); inventory tests will say they are skipped" >&2
  exit 0
fi
echo "install-inventory-tools: installing ${need[*]}"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
