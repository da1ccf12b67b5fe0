#!/usr/bin/env bash
# Soak tests (issue 16, tests/soak): hundreds of runs in one process, failing when resident memory
# grows by more than 10 MB after the first 20 runs or when threads or open files do not come back
# to their baseline after a run. Builds the dev preset's soak targets, runs both headless, prints
# their "SOAK <name> <value> <unit>" lines and how long each took.
#
#   scripts/soak.sh            full: 300 comparisons of 200 tasks in the main window, 1000 CLI runs
#   scripts/soak.sh --short    for CI: 40 comparisons, 120 CLI runs (still 20 after the warm-up)
#
# Env: TASKLANES_JOBS (build parallelism, default 2), TASKLANES_SKIP_APT=1 (never call apt).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

comparisons=300
runs=1000
while (($#)); do
    case "$1" in
        --short)
            comparisons=40
            runs=120
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *) tl_die "unknown argument '$1' (see --help)" ;;
    esac
    shift
done

tl_setup
tl_build_preset dev --target soak_cli soak_gui

export QT_QPA_PLATFORM=offscreen
bin="$TASKLANES_ROOT/build/dev/tests/soak"
failed=()

# run_soak NAME COMMAND...: runs it, prints its time as a SOAK line too, notes a failure.
run_soak() {
    local name="$1"
    shift
    tl_log "running $name: $*"
    local start=$SECONDS rc=0
    "$@" || rc=$?
    echo "SOAK ${name}_wall_seconds $((SECONDS - start)) s"
    ((rc == 0)) || failed+=("$name (exit $rc)")
}

run_soak gui "$bin/soak_gui" --comparisons "$comparisons"
run_soak cli "$bin/soak_cli" --runs "$runs"

if ((${#failed[@]})); then
    tl_die "soak failed: ${failed[*]}"
fi
tl_log "soak passed"
