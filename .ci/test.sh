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

log "Sanitizers and fuzzing: building (.ci/sanitize.sh, .ci/fuzz.sh)"
bash .ci/sanitize.sh --build-only
bash .ci/fuzz.sh --build-only

# Solidity reference contracts (solc-js, compiled once and cached in build/evm-artifacts) on revm:
# every exact-mode function against the EVM, bit for bit.  Its own pytest run: tests/evm has its
# own conftest.  A deeper run: CUSHION_EVM_CASES=100000 CUSHION_HYPOTHESIS_PROFILE=long.
# It keeps one core busy, so it runs beside the (also single-threaded) sanitizer runs; its
# output follows theirs.
log "On-chain parity: pytest tests/evm (beside the sanitizer runs; output in build/evm-parity.log)"
.venv/bin/python -m pytest -q tests/evm > build/evm-parity.log 2>&1 &
evm_pid=$!
trap '[ -n "$evm_pid" ] && kill "$evm_pid" 2>/dev/null; true' EXIT  # never leave it running on failure

log "Sanitizers: GoogleTest and a Python smoke run under ASan + UBSan (.ci/sanitize.sh)"
sanitize_status=0
bash .ci/sanitize.sh || sanitize_status=$?
evm_status=0
wait "$evm_pid" || evm_status=$?
evm_pid=
log "On-chain parity: pytest tests/evm"
cat build/evm-parity.log
if ((sanitize_status || evm_status)); then
  log "FAILED:$( ((sanitize_status)) && echo ' sanitizers')$( ((evm_status)) && echo ' on-chain parity')"
  exit 1
fi

log "Fuzzing: every libFuzzer target for ${FUZZ_SECONDS:-10} s (.ci/fuzz.sh)"
bash .ci/fuzz.sh "${FUZZ_SECONDS:-10}"

log "all tests passed in $((SECONDS - start)) s"
