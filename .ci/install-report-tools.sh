#!/usr/bin/env bash
# Installs what the HTML report's browser tests need (run as root): Debian's chromium (the real browser the report is
# opened in, headless), fonts-dejavu-core (so text renders in screenshots), nodejs and npm (Playwright's runtime), then
# playwright-core from the npm registry into src/test/js (npm ci, from its package-lock.json; playwright-core downloads
# no browser: the tests drive Debian's chromium). Without them HtmlReportBrowserTest says it is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-report-tools: missing ${need[*]} and cannot install (needs root and apt-get); browser tests will say they are skipped" >&2
    exit 0
  fi
  echo "install-report-tools: installing ${need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -d src/test/js/node_modules/playwright-core ]; then
  echo "install-report-tools: npm ci in src/test/js (playwright-core)"
  (cd src/test/js && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
else
  echo "install-report-tools: all present"
fi
