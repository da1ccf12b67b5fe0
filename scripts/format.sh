#!/usr/bin/env bash
# Applies or checks the committed .clang-format on every C++ source of the project.
#
#   scripts/format.sh           reformat every source in place
#   scripts/format.sh --check   list the sources that differ from the format; exit 1 if any
#
# Uses Debian 12's clang-format (14), installed when missing (TASKLANES_SKIP_APT=1: never).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check=0
case "${1:-}" in
    --check) check=1 ;;
    "") ;;
    -h | --help)
        sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
        exit 0
        ;;
    *) tl_die "unknown option '$1' (use --check)" ;;
esac

tl_ensure_packages clang-format
cd "$TASKLANES_ROOT"
mapfile -t files < <(git ls-files -- 'app/*.cpp' 'app/*.h' 'core/*.cpp' 'core/*.h' 'ui/*.cpp' \
    'ui/*.h' 'tests/*.cpp' 'tests/*.h')
((${#files[@]})) || tl_die "no sources found (not a git checkout?)"

if ((check == 0)); then
    clang-format -i "${files[@]}"
    tl_log "formatted ${#files[@]} files"
    exit 0
fi

bad=()
for f in "${files[@]}"; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done
if ((${#bad[@]})); then
    printf 'not formatted (run scripts/format.sh): %s\n' "${bad[@]}" >&2
    exit 1
fi
tl_log "all ${#files[@]} sources match .clang-format"
