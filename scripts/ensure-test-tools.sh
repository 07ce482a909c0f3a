#!/usr/bin/env bash
# Makes sure the programs the tests drive are here (Chromium, and nginx for the web-server test), so that
# `npm ci && npm test` does the set-up on a fresh Debian machine in CI. In CI (CI=true) what is missing is installed
# with apt-get; on a person's machine only when asked (--install, or INSTALL_TEST_TOOLS=1): otherwise it prints
# the command to run and fails. The decision: src/checks/test-tools.ts; the work: scripts/ensure-test-tools.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --import tsx scripts/ensure-test-tools.ts "$@"
