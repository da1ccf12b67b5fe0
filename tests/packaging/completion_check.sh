#!/usr/bin/env bash
# completion_check.sh COMPLETION_DIR CLI [GUI]
#
# The bash completion as a user gets it: bash-completion's own framework, our scripts, and a
# simulated TAB after each command line below, against the built binaries. Options come from
# --help, preset names from --list-presets (first column), --lang offers en and ja, path options
# complete files. Reported as skipped without bash-completion (apt-get install bash-completion);
# in CI (CI=true) a missing bash-completion is an error.
set -euo pipefail

completions="$1"
cli="$2"
gui="${3:-}"

framework=/usr/share/bash-completion/bash_completion
if [[ ! -r "$framework" ]]; then
    if [[ "${CI:-}" == true ]]; then
        echo "bash-completion is not installed in CI (scripts/common.sh lists it)" >&2
        exit 1
    fi
    echo "SKIPPED: $framework is missing (apt-get install bash-completion)"
    exit 0
fi

# bash_completion expects an interactive-like shell; it only defines functions and completions.
set +eu
# shellcheck source=/dev/null
source "$framework"
# shellcheck source=/dev/null
source "$completions/tasklanes-cli"
if [[ -n "$gui" ]]; then
    # shellcheck source=/dev/null
    source "$completions/tasklanes"
fi
set -eu

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/dir"
touch "$work/batch.json" "$work/run.csv" "$work/notes.txt" "$work/list.txt" "$work/trace.json.gz"
cd "$work"

failures=0
# complete FUNCTION WORD... : the candidates bash would offer for the last WORD, one per line.
complete_line() {
    local function="$1"
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    local previous=""
    ((COMP_CWORD > 0)) && previous="${COMP_WORDS[COMP_CWORD - 1]}"
    "$function" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "$previous"
    printf '%s\n' "${COMPREPLY[@]}" | sort
}
# expect DESCRIPTION "WANTED..." -- FUNCTION WORD...: every wanted candidate is offered.
expect() {
    local what="$1" wanted="$2"
    shift 3
    local got
    got="$(complete_line "$@")"
    local word
    for word in $wanted; do
        if ! grep -qxF -- "$word" <<<"$got"; then
            echo "FAIL: $what: '$word' not offered for '${*:2}'; got: $(tr '\n' ' ' <<<"$got")"
            failures=$((failures + 1))
            return
        fi
    done
    echo "ok: $what"
}
# expect_only DESCRIPTION "EXACT..." -- FUNCTION WORD...: exactly these candidates, sorted.
expect_only() {
    local what="$1" wanted="$2"
    shift 3
    local got
    got="$(complete_line "$@" | tr '\n' ' ' | sed 's/ $//')"
    if [[ "$got" != "$wanted" ]]; then
        echo "FAIL: $what: for '${*:2}' offered '$got', expected '$wanted'"
        failures=$((failures + 1))
        return
    fi
    echo "ok: $what"
}

# tasklanes-cli
cli_options="$(LANGUAGE=en "$cli" --help | grep -oE '^  (-[a-z], )?--[a-z][a-z0-9-]*' |
    grep -oE -- '--[a-z][a-z0-9-]*')"
expect "cli: every --help option" "$cli_options" -- _tasklanes_cli "$cli" --
expect_only "cli: options by prefix" "--limit --list-presets" -- _tasklanes_cli "$cli" --li
presets="$("$cli" --list-presets | awk 'NF { print $1 }')"
[[ -n "$presets" ]] || { echo "FAIL: $cli --list-presets printed nothing"; exit 1; }
expect "cli: every preset name" "$presets" -- _tasklanes_cli "$cli" --preset ""
expect_only "cli: preset by prefix" "limit-two" -- _tasklanes_cli "$cli" --preset limit-
expect_only "cli: --lang" "en ja" -- _tasklanes_cli "$cli" --lang ""
expect_only "cli: --admission" "fifo in-task" -- _tasklanes_cli "$cli" --admission ""
expect_only "cli: --scenario offers JSON files and folders" "batch.json dir" -- \
    _tasklanes_cli "$cli" --scenario ""
expect_only "cli: --open offers runs and traces, gzipped or not" \
    "batch.json dir run.csv trace.json.gz" -- _tasklanes_cli "$cli" --open ""
expect "cli: --csv offers any file" "run.csv notes.txt dir" -- _tasklanes_cli "$cli" --csv ""
expect "cli: --png offers files" "notes.txt dir" -- _tasklanes_cli "$cli" --png ""
expect_only "cli: --durations @FILE" "@list.txt" -- _tasklanes_cli "$cli" --durations @li
expect_only "cli: nothing for --limit" "" -- _tasklanes_cli "$cli" --limit ""

# tasklanes
if [[ -n "$gui" ]]; then
    gui_options="$(QT_QPA_PLATFORM=offscreen LANGUAGE=en "$gui" --help 2>/dev/null |
        grep -oE '^  (-[a-z], )?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z][a-z0-9-]*')"
    expect "gui: every --help option" "$gui_options" -- _tasklanes "$gui" --
    expect_only "gui: --lang" "en ja" -- _tasklanes "$gui" --lang ""
    expect_only "gui: --theme" "dark light system" -- _tasklanes "$gui" --theme ""
    expect_only "gui: a file argument is a scenario or a run" "batch.json dir run.csv trace.json.gz" -- \
        _tasklanes "$gui" ""
fi

if ((failures)); then
    echo "$failures completion check(s) failed"
    exit 1
fi
echo "bash completion: all checks passed"
