#!/usr/bin/env bash
# libFuzzer: build every tests/fuzz/fuzz_*.cpp target (CMake preset "fuzz": clang-14, ASan +
# UBSan, build/fuzz) and run each for a bounded time (JOBS targets at once, default nproc),
# then print executions per target.
#
#   .ci/fuzz.sh                    # 10 s per target (what `make test` runs)
#   .ci/fuzz.sh 600                # 10 minutes per target
#   .ci/fuzz.sh 60 fuzz_prbmath    # some targets only
#   FUZZ_MERGE=1 .ci/fuzz.sh 600   # then minimise what was found into the seed corpus
#   .ci/fuzz.sh --build-only       # build, run nothing
#   FUZZ_SEED=0 .ci/fuzz.sh 600    # libFuzzer picks a random seed (what `make fuzz` does)
#
# The seed: FUZZ_SEED if set, else one derived from the commit (HEAD's hash), so every run of
# `make test` on a commit mutates the same way and a CI failure replays with the seed it
# printed (`FUZZ_SEED=<seed> .ci/fuzz.sh 10 <target>`); a new commit explores new inputs.  Runs
# are time-bounded, so a slower machine may stop before an input a faster one reaches.
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
build_only=0
if [ "${1:-}" = --build-only ]; then build_only=1; shift; fi
SECONDS_PER_TARGET="${1:-${FUZZ_SECONDS:-10}}"
shift || true
if [ -z "${FUZZ_SEED:-}" ]; then
  head_hash="$(git rev-parse --short=7 HEAD 2>/dev/null || echo 0)"
  FUZZ_SEED=$((16#$head_hash + 1))  # 0 would mean "random" to libFuzzer
fi

log "building (preset fuzz)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$JOBS"
((build_only)) && exit 0

if (($#)); then targets=("$@"); else
  targets=()
  for src in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
mkdir -p build/fuzz/artifacts build/fuzz/logs
rm -f build/fuzz/logs/*.rc
# One target: fuzz for the time given (libFuzzer is single-threaded, so JOBS targets run side
# by side), then record the exit status for the summary below.
fuzz_target() {
  local t="$1" work="build/fuzz/corpus/$1" seeds="tests/fuzz/corpus/$1" logfile="build/fuzz/logs/$1.log"
  mkdir -p "$work"
  local dirs=("$work")
  [ -d "$seeds" ] && dirs+=("$seeds")
  local rc=0
  "build/fuzz/$t" -seed="$FUZZ_SEED" -max_total_time="$SECONDS_PER_TARGET" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/artifacts/$t-" "${dirs[@]}" >"$logfile" 2>&1 || rc=$?
  if [ "${FUZZ_MERGE:-0}" = 1 ] && [ -d "$seeds" ]; then
    "build/fuzz/$t" -merge=1 "$seeds" "$work" >/dev/null 2>&1
  fi
  echo "$rc" > "build/fuzz/logs/$t.rc"
}
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= JOBS)); do wait -n || true; done
  log "$t: ${SECONDS_PER_TARGET} s, seed $FUZZ_SEED"
  fuzz_target "$t" &
done
wait
failed=()
printf '%-22s %12s %10s %12s\n' target executions exec/s 'work corpus' > build/fuzz/logs/summary.txt
for t in "${targets[@]}"; do
  logfile="build/fuzz/logs/$t.log"
  if [ "$(cat "build/fuzz/logs/$t.rc")" != 0 ]; then
    failed+=("$t")
    grep -v NEW_FUNC "$logfile" | grep -A25 -E "FUZZ_CHECK|ERROR: |runtime error" | head -60 || tail -40 "$logfile"
  fi
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$logfile")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$logfile")
  printf '%-22s %12s %10s %12s\n' "$t" "${execs:-?}" "${rate:-?}" "$(ls "build/fuzz/corpus/$t" | wc -l)" >> build/fuzz/logs/summary.txt
done
cat build/fuzz/logs/summary.txt
if ((${#failed[@]})); then
  log "FAILED: ${failed[*]} with seed $FUZZ_SEED (inputs in build/fuzz/artifacts/, logs in build/fuzz/logs/)"
  exit 1
fi
