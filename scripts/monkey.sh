#!/usr/bin/env bash
# The GUI monkey (tests/ui/tst_monkey.cpp) under ASan + UBSan + LSan for SECONDS (default 180), as CI
# runs it: random but reproducible user actions on the real main window. The seed is drawn here
# unless TASKLANES_MONKEY_SEED is set, and printed first, so a failure replays with that seed.
# Usage: scripts/monkey.sh [SECONDS] [PRESET]   (PRESET: asan, the default, or dev)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

seconds="${1:-180}"
preset="${2:-asan}"
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 1 ]] || tl_die "SECONDS must be a whole number >= 1, not \"$seconds\""
[[ "$preset" == asan || "$preset" == dev ]] || tl_die "PRESET must be asan or dev, not \"$preset\""

tl_setup
tl_build_preset "$preset" --target tst_monkey

seed="${TASKLANES_MONKEY_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
echo "monkey: ${seconds}s on the $preset build, seed $seed (replay: TASKLANES_MONKEY_SEED=$seed scripts/monkey.sh $seconds $preset)"
supp="$TASKLANES_ROOT/tests/sanitizers"
export QT_QPA_PLATFORM=offscreen LANGUAGE=en
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$supp/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
TASKLANES_MONKEY_SECONDS="$seconds" TASKLANES_MONKEY_SEED="$seed" \
    "$TASKLANES_ROOT/build/$preset/tests/ui/tst_monkey"
