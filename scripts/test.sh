#!/usr/bin/env bash
# Installs what is missing, builds, and runs the test suite with ctest.
#
#   scripts/test.sh                      dev preset (RelWithDebInfo), every test
#   scripts/test.sh --sanitize address   asan preset (ASan + UBSan), every test
#   scripts/test.sh --sanitize thread    tsan preset, tests labelled "core" only
#   scripts/test.sh -R scenario -V       anything else is passed to ctest
#
# Env: TASKLANES_JOBS (build parallelism, default 2), TASKLANES_TEST_JOBS (tests at a time, default
# 2), TASKLANES_SKIP_APT=1 (never call apt).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

preset=dev
ctest_args=()
while (($#)); do
    case "$1" in
        --sanitize | --sanitize=*)
            if [[ "$1" == --sanitize ]]; then
                (($# >= 2)) || tl_die "--sanitize needs 'address' or 'thread'"
                kind="$2"
                shift
            else
                kind="${1#--sanitize=}"
            fi
            case "$kind" in
                address | asan) preset=asan ;;
                thread | tsan) preset=tsan ;;
                *) tl_die "unknown sanitizer '$kind' (use 'address' or 'thread')" ;;
            esac
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *) ctest_args+=("$1") ;;
    esac
    shift
done

tl_setup
tl_build_preset "$preset"

# The test presets set these too; exported here for anyone running a test binary from this shell.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# The suppression files are described in tests/sanitizers/*.supp; keep these in step with the
# test presets in CMakePresets.json (which set the same for ctest and win over these).
supp="$TASKLANES_ROOT/tests/sanitizers"
launcher=()
case "$preset" in
    asan)
        export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
        export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$supp/lsan.supp:print_suppressions=0}"
        export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
        ;;
    tsan)
        # ignore_noninstrumented_modules: see tests/sanitizers/tsan.supp for why.
        export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:ignore_noninstrumented_modules=1:suppressions=$supp/tsan.supp:print_suppressions=0}"
        # GCC 12's TSan cannot map its shadow memory with the 32-bit mmap randomisation of newer
        # kernels ("unexpected memory mapping"); running without ASLR sidesteps that.
        if [[ "$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 0)" -gt 28 ]] &&
            command -v setarch >/dev/null 2>&1; then
            launcher=(setarch "$(uname -m)" -R)
        fi
        ;;
esac

tl_log "running ctest --preset $preset ${ctest_args[*]}"
# Two tests at a time (TASKLANES_TEST_JOBS): most of them wait on sleeps, and every test is meant
# to pass on a loaded 2-core machine.
exec "${launcher[@]}" ctest --preset "$preset" --output-on-failure -j "${TASKLANES_TEST_JOBS:-2}" \
    "${ctest_args[@]}"
