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

if [ ${#need[@]} -eq 0 ]; then
  echo "install-version-tools: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-version-tools: missing ${need[*]} and cannot install (needs root and apt-get); version differential tests will say they are skipped" >&2
  exit 0
fi
echo "install-version-tools: installing ${need[*]}"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
