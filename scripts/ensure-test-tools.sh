#!/usr/bin/env bash
# Makes sure the programs the tests drive are here, so that `npm ci && npm test` does all the set-up on a
# fresh Debian machine: a browser (CHROME_PATH, else /usr/bin/chromium) for the accessibility and browser
# tests, and nginx for the test that serves a built site as a real web server would. What is missing is
# installed from Debian's packages with apt-get (as root, or with password-less sudo); else it says how and fails.
set -euo pipefail
chrome="${CHROME_PATH:-/usr/bin/chromium}"
if [ -n "${CHROME_PATH:-}" ] && [ ! -x "$CHROME_PATH" ]; then
  echo "CHROME_PATH is $CHROME_PATH, but there is no browser there. Point it at a Chrome or Chromium executable." >&2
  exit 1
fi
missing=()
[ -x "$chrome" ] || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then as_root=""; elif sudo -n true 2>/dev/null; then as_root="sudo -n"; else as_root="none"; fi
  if [ "$as_root" != "none" ]; then
    echo "Installing Debian's ${missing[*]} for the tests (about 30 s)..."
    $as_root apt-get update -qq && $as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    # Debian starts nginx as a service when it is installed; the tests run their own instance.
    if [[ " ${missing[*]} " == *" nginx "* ]]; then $as_root service nginx stop >/dev/null 2>&1 || true; fi
    exit 0
  fi
fi
echo "Missing: ${missing[*]}. The browser tests need Chromium and the web-server test needs nginx." >&2
echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]} (or set CHROME_PATH)." >&2
exit 1
