#!/bin/sh
# The browser test of the what-if page (serve_page.mjs): installs puppeteer-core exactly as package-lock.json pins
# it (`npm ci`, once, into this folder's node_modules; no browser is downloaded: Debian's Chromium is used), then
# runs it. Usage: run_serve_page.sh CASEFLOW REPO WORK. Exit 77 (skipped) without Node, npm or Chromium.
set -e
here=$(cd "$(dirname "$0")" && pwd)
for tool in node npm /usr/bin/chromium; do
  command -v "$tool" >/dev/null 2>&1 || { echo "no $tool: skipped"; exit 77; }
done
if [ ! -f "$here/node_modules/puppeteer-core/package.json" ]; then
  (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts)
fi
exec node "$here/serve_page.mjs" --caseflow "$1" --repo "$2" --work "$3"
