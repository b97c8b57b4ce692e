#!/usr/bin/env bash
# Installs Debian's Chromium for the web front end's Playwright tests when it is missing.
set -euo pipefail
BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$BIN" ]; then
  echo "chromium present: $BIN" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium missing at $BIN and not root: run 'apt-get update && apt-get install -y chromium' as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[ -x "$BIN" ] && echo "chromium installed: $("$BIN" --version 2>/dev/null || echo "$BIN")" >&2
