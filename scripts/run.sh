#!/usr/bin/env bash
# Installs what is missing, builds the dev preset, then:
#   - with a display ($DISPLAY or $WAYLAND_DISPLAY) and the GUI built: starts build/dev/app/tasklanes
#     with the given arguments;
#   - otherwise: runs the article's comparison headless with tasklanes-cli and writes
#     comparison.csv (and comparison.png when the CLI supports --png) to the output directory.
#     Arguments, if any, go to tasklanes-cli instead of the default comparison.
#
# Env: TASKLANES_OUTPUT_DIR (default: <repo>/tasklanes-output), TASKLANES_HEADLESS=1 (skip the GUI
#      even with a display), TASKLANES_JOBS, TASKLANES_SKIP_APT=1.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

case "${1:-}" in
    -h | --help)
        sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
        exit 0
        ;;
esac

tl_setup
tl_build_preset dev

gui="$TASKLANES_ROOT/build/dev/app/tasklanes"
cli="$TASKLANES_ROOT/build/dev/app/tasklanes-cli"

if [[ "${TASKLANES_HEADLESS:-0}" != 1 && (-n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}") && -x "$gui" ]]; then
    tl_log "starting $gui"
    exec "$gui" "$@"
fi

[[ -x "$cli" ]] || tl_die "no GUI to start and $cli was not built"

if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    tl_log "no display (\$DISPLAY / \$WAYLAND_DISPLAY unset): running headless"
elif [[ ! -x "$gui" ]]; then
    tl_log "GUI not built ($gui missing): running headless"
fi
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

if (($#)); then
    exec "$cli" "$@"
fi

out="${TASKLANES_OUTPUT_DIR:-$TASKLANES_ROOT/tasklanes-output}"
mkdir -p "$out"
out="$(cd "$out" && pwd -P)"

# shellcheck disable=SC2054 # the commas belong to --durations
args=(--durations 5,1,8,3,4 --limit 2 --compare --time-scale 0.1 --csv "$out/comparison.csv")
png=0
# Read the help text whole first: `grep -q` in a pipe could SIGPIPE the CLI and, with pipefail,
# turn a match into a miss.
cli_help="$("$cli" --help 2>&1 || true)"
if grep -q -- --png <<<"$cli_help"; then
    args+=(--png "$out/comparison.png")
    png=1
fi

tl_log "tasklanes-cli ${args[*]}"
"$cli" "${args[@]}"

echo
echo "Comparison CSV written to: $out/comparison.csv"
if ((png)); then
    echo "Comparison chart written to: $out/comparison.png"
fi
