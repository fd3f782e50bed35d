#!/usr/bin/env bash
# The whole test suite: set everything up, then C++ (GoogleTest), Python (pytest,
# Hypothesis, notebooks) and on-chain parity.  Exits non-zero on the first failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/.ci/setup.sh"
cd "$ROOT"
log() { printf '\033[1m[test]\033[0m %s\n' "$*"; }
JOBS="${JOBS:-$(nproc)}"
start=$SECONDS

log "C++: GoogleTest (Release)"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCUSHION_BUILD_BENCH=ON >/dev/null
cmake --build build/release -j "$JOBS"
ctest --test-dir build/release --output-on-failure

log "Python: pytest"
# pytest-benchmark files run once each as smoke tests here; measuring is a separate command
# (see tests/python/test_batch_throughput.py).
.venv/bin/python -m pytest -q -n "$JOBS" --benchmark-disable tests/python

# Solidity reference contracts (solc-js, compiled once and cached in build/evm-artifacts) on revm:
# every exact-mode function against the EVM, bit for bit.  Its own pytest run: tests/evm has its
# own conftest.  A deeper run: CUSHION_EVM_CASES=100000 CUSHION_HYPOTHESIS_PROFILE=long.
log "On-chain parity: pytest tests/evm"
.venv/bin/python -m pytest -q tests/evm

log "Sanitizers: GoogleTest and a Python smoke run under ASan + UBSan (.ci/sanitize.sh)"
bash .ci/sanitize.sh

log "Fuzzing: every libFuzzer target for ${FUZZ_SECONDS:-10} s (.ci/fuzz.sh)"
bash .ci/fuzz.sh "${FUZZ_SECONDS:-10}"

log "all tests passed in $((SECONDS - start)) s"
