#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (playwright-core drives it; no Playwright download).
# Idempotent: does nothing when a Chromium binary is already present. Runs as root (CI) or via sudo.
set -euo pipefail

for bin in /usr/bin/chromium /usr/lib/chromium/chromium; do
  if [ -x "$bin" ]; then
    echo "chromium already installed: $bin ($("$bin" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-chromium: must run as root or with sudo available" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium

for bin in /usr/bin/chromium /usr/lib/chromium/chromium; do
  if [ -x "$bin" ]; then
    echo "chromium installed: $bin ($("$bin" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
  fi
done
echo "install-chromium: chromium binary not found after install" >&2
exit 1
