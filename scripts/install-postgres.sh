#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries for the PostgreSQL tests (test/pg/: each starts its
# own throwaway cluster with initdb and pg_ctl, test/helpers/pg.ts). Idempotent: does nothing when
# initdb is found on PATH or under /usr/lib/postgresql/*/bin. Runs as root (CI) or via sudo. The
# package's own cluster service is not needed and not started by the tests.
set -euo pipefail

have_initdb() {
  local bin
  bin="$(command -v initdb 2>/dev/null || true)"
  if [ -z "$bin" ]; then
    bin="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  fi
  if [ -n "$bin" ] && [ -x "$bin" ]; then
    echo "postgresql: $bin ($("$bin" --version 2>/dev/null || echo 'version unknown'))"
    return 0
  fi
  return 1
}

if have_initdb; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-postgres: must run as root or with sudo available" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y postgresql

have_initdb || { echo "install-postgres: initdb not found after install" >&2; exit 1; }
