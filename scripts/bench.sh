#!/usr/bin/env bash
# Builds the Release preset in its own directory and runs the benchmarks in tests/benchmarks/:
# prints a readable table, then one "BENCH <name> <value> <unit>" line per figure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$TASKLANES_ROOT"

tl_ensure_packages
if [[ ! -f build/release/CMakeCache.txt ]]; then
    cmake --preset release >/dev/null
fi
cmake --build --preset release -j "${TASKLANES_JOBS:-2}" --target bench_engine bench_sweep bench_trace tasklanes-cli \
    $( [[ -f tests/benchmarks/bench_render.cpp ]] && echo bench_render bench_replay ) >/dev/null

bin=build/release
results=$(mktemp)
trap 'rm -f "$results"' EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "== engine: dispatch overhead and timing fidelity"
"$bin/tests/benchmarks/bench_engine" | tee -a "$results"

echo "== limit sweep: the prediction of 10,000 tasks at limits 1..64; what-if of 1,000,000 recorded"
"$bin/tests/benchmarks/bench_sweep" | tee -a "$results"

echo "== opening a Chrome trace of 1,000,000 slices (RunFile::open, simdjson)"
"$bin/tests/benchmarks/bench_trace" | tee -a "$results"
echo "== the same file through QJsonDocument::fromJson alone (the reader not chosen)"
"$bin/tests/benchmarks/bench_trace" --qjson | grep -v '^BENCH trace_open_file' | tee -a "$results"

if [[ -x "$bin/tests/benchmarks/bench_render" ]]; then
    echo "== rendering and live UI"
    QT_QPA_PLATFORM=offscreen "$bin/tests/benchmarks/bench_render" | tee -a "$results"
fi
if [[ -x "$bin/tests/benchmarks/bench_replay" ]]; then
    echo "== replay: seeks of a finished 100,000-task run"
    QT_QPA_PLATFORM=offscreen "$bin/tests/benchmarks/bench_replay" | tee -a "$results"
fi

echo "== the article's approach: asyncio.gather + Semaphore(8) + run_in_executor"
if command -v python3 >/dev/null; then
    py_us=$(python3 tests/benchmarks/asyncio_dispatch.py 20000)
    engine_us=$(awk '/^BENCH dispatch_engine_us_per_task_limit8 /{print $3}' "$results")
    printf '%-44s %9.3f us\n' "python asyncio, limit 8, per task" "$py_us"
    echo "BENCH python_asyncio_us_per_task_limit8 $py_us us" | tee -a "$results"
    awk -v p="$py_us" -v e="$engine_us" 'BEGIN{printf "BENCH python_over_engine_limit8 %.4g ratio\n", p/e}' \
        | tee -a "$results"
else
    echo "(python3 not found: skipped)"
fi

echo "== tasklanes-cli, 1,000,000 zero-duration tasks, limit 8"
read -r cli_s cli_mb < <(python3 tests/benchmarks/measure_cli.py "$bin/app/tasklanes-cli" 1000000)
printf '%-44s %9.3f s\n' "wall time" "$cli_s"
printf '%-44s %9.1f MB\n' "peak RSS" "$cli_mb"
echo "BENCH cli_seconds_1m $cli_s s" | tee -a "$results"
echo "BENCH cli_peak_rss_mb_1m $cli_mb MB" | tee -a "$results"

echo "== tasklanes-cli --open of a 1,000,000-slice Chrome trace, --quiet (read, statistics, report)"
trace_file=$(mktemp --suffix=.json)
trap 'rm -f "$results" "$trace_file"' EXIT
"$bin/tests/benchmarks/bench_trace" --write "$trace_file"
trace_mb=$(awk -v b="$(stat -c %s "$trace_file")" 'BEGIN{printf "%.1f", b/1e6}')
read -r open_s open_mb < <(python3 tests/benchmarks/measure_cli.py "$bin/app/tasklanes-cli" --open "$trace_file")
printf '%-44s %9.3f s\n' "wall time ($trace_mb MB of JSON)" "$open_s"
printf '%-44s %9.1f MB\n' "peak RSS" "$open_mb"
echo "BENCH trace_open_cli_seconds_1m $open_s s" | tee -a "$results"
echo "BENCH trace_open_cli_rss_mb_1m $open_mb MB" | tee -a "$results"

echo
echo "== all figures"
grep '^BENCH ' "$results"
