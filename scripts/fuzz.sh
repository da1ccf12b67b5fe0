#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 60) on
# top of its corpus in tests/fuzz/corpus/. New inputs go to a scratch corpus, not the repository.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$TASKLANES_ROOT"

seconds="${1:-60}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_durations fuzz_scenariofile fuzz_csv fuzz_runcsv fuzz_trace)

tl_ensure_packages
tl_ensure_packages clang libclang-rt-14-dev
build=build/fuzz
if [[ ! -f $build/CMakeCache.txt ]]; then
    CXX=clang++ CC=clang cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DTASKLANES_BUILD_GUI=OFF -DTASKLANES_BUILD_TESTS=OFF -DTASKLANES_BUILD_FUZZERS=ON \
        -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" >/dev/null
fi
cmake --build "$build" -j "${TASKLANES_JOBS:-2}" --target "${targets[@]}" >/dev/null

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
total=0
for t in "${targets[@]}"; do
    corpus=tests/fuzz/corpus/${t#fuzz_}
    scratch=$build/corpus-$t
    mkdir -p "$scratch"
    log=$build/$t.log
    tl_log "fuzzing $t for ${seconds}s (corpus $corpus)"
    if ! "$build/tests/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 "$scratch" "$corpus" >"$log" 2>&1; then
        tail -n 60 "$log"
        tl_die "$t found a failure (input saved in $PWD; log $log)"
    fi
    runs=$(awk '/stat::number_of_executed_units/{print $2}' "$log")
    total=$((total + ${runs:-0}))
    echo "$t: ${runs:-?} executions, no failure"
done
echo "fuzzing: $total executions in all, no failure"
