#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (playwright-core drives it; no Playwright
# download), and a Japanese Gothic font so console pages render Japanese in screenshots (the TV app
# ships its own font). Idempotent: does nothing when both are present. Runs as root (CI) or via sudo.
set -euo pipefail

have_chromium() {
  for bin in /usr/bin/chromium /usr/lib/chromium/chromium; do
    if [ -x "$bin" ]; then
      echo "chromium: $bin ($("$bin" --version 2>/dev/null || echo 'version unknown'))"
      return 0
    fi
  done
  return 1
}
have_font() { [ -d /usr/share/fonts/opentype/ipafont-gothic ]; }

if have_chromium && have_font; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-chromium: must run as root or with sudo available" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium fonts-ipafont-gothic

have_chromium || { echo "install-chromium: chromium binary not found after install" >&2; exit 1; }
