#!/usr/bin/env bash
# deb_install_check.sh DEB
#
# The package as a user meets it, as root on Debian 12: `apt-get install ./DEB` resolves every
# dependency from the configured apt sources (on a fresh Debian, Debian's own); both programs run
# (tasklanes-cli --preset limit-two --time-scale 0.01 exits 0, tasklanes --version prints the
# version); man and bash-completion find their files; `apt-get remove tasklanes` leaves none of
# the package's files or folders behind. CI runs it after scripts/package.sh; so does
# /work/shared/tools/fresh-debian-check (docs/packaging.md). Refuses to run when tasklanes is
# already installed, so it never removes a user's copy.
set -euo pipefail

say() { printf '[deb-install-check] %s\n' "$*"; }
die() {
    printf '[deb-install-check] FAILED: %s\n' "$*" >&2
    exit 1
}

if (($# != 1)) || [[ ! -f "$1" ]]; then
    die "usage: $0 path/to/tasklanes_VERSION_ARCH.deb"
fi
((EUID == 0)) || die "needs root (it installs and removes the package)"
deb="$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"
version="$(dpkg-deb --field "$deb" Version)"
upstream="${version%-*}"
if dpkg-query -W -f='${Status}' tasklanes 2>/dev/null | grep -q 'ok installed'; then
    die "tasklanes is installed already; remove it first (this check installs and removes it)"
fi
export DEBIAN_FRONTEND=noninteractive

# Every path the package ships, and which of them exist before it is installed (/usr/bin ...).
mapfile -t shipped < <(dpkg-deb --contents "$deb" | awk '{ print $NF }' | sed 's|^\./|/|; s|/$||' |
    grep -v '^/\?$')
declare -A existed=()
for path in "${shipped[@]}"; do
    [[ -e "$path" ]] && existed["$path"]=1
done
before="$(dpkg-query -W -f='${Package}\n' | sort)"

say "apt-get install $deb"
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "$deb"
# Whatever fails below, the machine does not keep the package.
trap 'apt-get remove -y -q tasklanes >/dev/null 2>&1 || true' EXIT
after="$(dpkg-query -W -f='${Package}\n' | sort)"
pulled="$(comm -13 <(echo "$before") <(echo "$after") | grep -vx tasklanes || true)"
say "packages pulled in besides tasklanes: $(wc -w <<<"$pulled")"
# Each one must come from an apt source, not only from dpkg's own status file.
for pkg in $pulled; do
    apt-cache policy "$pkg" | grep -qE '^ +[0-9]+ (https?|file|cdrom|copy|mirror\+[a-z]+):' ||
        die "$pkg was not installed from an apt source"
done

say "dpkg -L tasklanes"
mapfile -t installed < <(dpkg -L tasklanes | grep -v '^/\.$')
printf '  %s\n' "${installed[@]}"

say "tasklanes-cli --preset limit-two --time-scale 0.01"
tasklanes-cli --preset limit-two --time-scale 0.01 || die "tasklanes-cli exited $?"

say "tasklanes --version"
out="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM tasklanes --version 2>/dev/null)" ||
    die "tasklanes --version exited $?"
echo "$out"
[[ "$out" == "TaskLanes $upstream" ]] || die "tasklanes --version printed '$out', not 'TaskLanes $upstream'"
out="$(tasklanes-cli --version)"
[[ "$out" == "tasklanes-cli $upstream" ]] || die "tasklanes-cli --version printed '$out'"

if command -v man >/dev/null; then
    for page in tasklanes tasklanes-cli; do
        where="$(man -w "$page")" || die "man -w $page finds no page"
        say "man -w $page: $where"
    done
fi
if [[ -r /usr/share/bash-completion/bash_completion ]]; then
    loaded="$(bash -c 'source /usr/share/bash-completion/bash_completion
        __load_completion tasklanes-cli && __load_completion tasklanes
        complete -p tasklanes-cli tasklanes')" || die "bash-completion does not load our completions"
    say "bash completion: $(tr '\n' ';' <<<"$loaded")"
fi

say "apt-get remove tasklanes"
trap - EXIT
apt-get remove -y -q tasklanes
status="$(dpkg-query -W -f='${Status}' tasklanes 2>/dev/null || true)"
[[ -z "$status" || "$status" == *not-installed ]] || die "after remove, dpkg says: $status"
left=()
for path in "${installed[@]}" "${shipped[@]}"; do
    [[ -n "${existed[$path]:-}" ]] && continue
    [[ -e "$path" || -L "$path" ]] && left+=("$path")
done
((${#left[@]} == 0)) || die "left behind after apt-get remove: ${left[*]}"
stray="$(find /usr /etc /var/lib/dpkg/info -iname '*tasklanes*' 2>/dev/null || true)"
[[ -z "$stray" ]] || die "left behind after apt-get remove: $stray"
say "removed: none of the package's ${#installed[@]} paths is left"
say "passed"
