#!/usr/bin/env bash
# libFuzzer: build every tests/fuzz/fuzz_*.cpp target (CMake preset "fuzz": clang-14, ASan +
# UBSan, build/fuzz) and run each for a bounded time, then print executions per target.
#
#   .ci/fuzz.sh                    # 10 s per target (what `make test` runs)
#   .ci/fuzz.sh 600                # 10 minutes per target
#   .ci/fuzz.sh 60 fuzz_prbmath    # some targets only
#   FUZZ_MERGE=1 .ci/fuzz.sh 600   # then minimise what was found into the seed corpus
#
# Each target starts from its seed corpus in the repository (tests/fuzz/corpus/<target>/,
# read only) plus a working corpus under build/fuzz/corpus/<target>/ (kept between runs,
# where new inputs go).  A failure leaves the input in build/fuzz/artifacts/; replay it with
# `build/fuzz/<target> build/fuzz/artifacts/<file>`, then add a regression test
# (tests/cpp/test_regressions.cpp) and the input to the seed corpus.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }
JOBS="${JOBS:-$(nproc)}"
SECONDS_PER_TARGET="${1:-${FUZZ_SECONDS:-10}}"
shift || true

log "building (preset fuzz)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$JOBS"

if (($#)); then targets=("$@"); else
  targets=()
  for src in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
mkdir -p build/fuzz/artifacts build/fuzz/logs
failed=()
printf '%-22s %12s %10s %12s\n' target executions exec/s 'work corpus' > build/fuzz/logs/summary.txt
for t in "${targets[@]}"; do
  work="build/fuzz/corpus/$t" seeds="tests/fuzz/corpus/$t" logfile="build/fuzz/logs/$t.log"
  mkdir -p "$work"
  dirs=("$work")
  [ -d "$seeds" ] && dirs+=("$seeds")
  log "$t: ${SECONDS_PER_TARGET} s"
  if ! "build/fuzz/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="build/fuzz/artifacts/$t-" "${dirs[@]}" >"$logfile" 2>&1; then
    failed+=("$t")
    grep -v NEW_FUNC "$logfile" | grep -A25 -E "FUZZ_CHECK|ERROR: |runtime error" | head -60 || tail -40 "$logfile"
  fi
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$logfile")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$logfile")
  printf '%-22s %12s %10s %12s\n' "$t" "${execs:-?}" "${rate:-?}" "$(ls "$work" | wc -l)" >> build/fuzz/logs/summary.txt
  if [ "${FUZZ_MERGE:-0}" = 1 ] && [ -d "$seeds" ]; then
    "build/fuzz/$t" -merge=1 "$seeds" "$work" >/dev/null 2>&1
  fi
done
cat build/fuzz/logs/summary.txt
if ((${#failed[@]})); then
  log "FAILED: ${failed[*]} (inputs in build/fuzz/artifacts/, logs in build/fuzz/logs/)"
  exit 1
fi
