#!/usr/bin/env bash
# Makes sure there is a browser for the accessibility and browser tests, so that `npm ci && npm test`
# does all the set-up on a fresh Debian machine: CHROME_PATH, else /usr/bin/chromium, else Debian's
# chromium installed with apt-get (as root, or with password-less sudo), else it says how and fails.
set -euo pipefail
chrome="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$chrome" ] && exit 0
if [ -n "${CHROME_PATH:-}" ]; then
  echo "CHROME_PATH is $CHROME_PATH, but there is no browser there. Point it at a Chrome or Chromium executable." >&2
  exit 1
fi
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then as_root=""; elif sudo -n true 2>/dev/null; then as_root="sudo -n"; else as_root="none"; fi
  if [ "$as_root" != "none" ]; then
    echo "No browser found: installing Debian's chromium for the browser tests (about 30 s)..."
    $as_root apt-get update -qq && $as_root apt-get install -y -qq chromium >/dev/null
    [ -x /usr/bin/chromium ] && exit 0
  fi
fi
echo "No browser found at $chrome, so the accessibility and browser tests cannot run." >&2
echo "Install Debian's Chromium with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROME_PATH)." >&2
exit 1
