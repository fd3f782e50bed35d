#!/usr/bin/env bash
# Sets up everything cushion needs on a fresh Debian bookworm machine, idempotently:
# Debian packages (apt-get), a Python virtualenv with pinned packages (pip), the
# Solidity compiler (npm), and cushion itself built from this checkout.
# A second run only checks and rebuilds what changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# --- Debian packages ------------------------------------------------------------------
APT_PACKAGES=(g++ cmake ninja-build make libboost-dev libeigen3-dev libbenchmark-dev googletest libgtest-dev
              clang-14 libclang-rt-14-dev)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Node.js may come from Debian (nodejs + npm) or be preinstalled (e.g. NodeSource, npm bundled).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Python ----------------------------------------------------------------------------
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  log "creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.cushion-requirements
want="$(cat .ci/requirements.txt .ci/constraints.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "pip install -r .ci/requirements.txt"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r .ci/requirements.txt -c .ci/constraints.txt
  echo "$want" > "$stamp"
fi

# --- npm (the Solidity compiler for the EVM parity tests) --------------------------------
if [ -f tests/evm/package.json ]; then
  npm_stamp=tests/evm/node_modules/.cushion-lock
  want_npm="$(sha256sum tests/evm/package-lock.json | cut -d' ' -f1)"
  if [ "$(cat "$npm_stamp" 2>/dev/null)" != "$want_npm" ]; then
    log "npm ci (tests/evm)"
    (cd tests/evm && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want_npm" > "$npm_stamp"
  fi
fi

# --- cushion itself (incremental: the CMake build directory under build/ is reused) ---
log "building and installing cushion"
.venv/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps .
