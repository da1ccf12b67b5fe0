# Shared helpers for scripts/run.sh, scripts/test.sh and .ci/run. Source it, do not execute it.
# shellcheck shell=bash

# The one list of Debian 12 packages the project needs to build, test and run (also on a fresh
# debootstrap --variant=minbase). Keep it sorted by purpose, not alphabetically. Real package
# names only: dpkg-query never reports a virtual one (libqt6svg6-dev -> qt6-svg-dev) as installed,
# which would send every run through apt.
TASKLANES_PACKAGES=(
    # toolchain
    build-essential
    cmake
    ninja-build
    ccache
    pkg-config
    # reading Chrome traces (simdjson: core/traceimport.cpp) and gzip-compressed run files (zlib)
    libsimdjson-dev
    zlib1g-dev
    # Qt 6.4
    qt6-base-dev
    qt6-base-dev-tools
    qt6-svg-dev
    qt6-tools-dev
    qt6-tools-dev-tools
    qt6-l10n-tools
    # Qt6Gui's CMake config pulls in OpenGL (required) and Vulkan headers (optional there, but
    # qt6-base-dev depends on libvulkan-dev anyway): listed so the need is visible here.
    libgl-dev
    libvulkan-dev
    # headless GUI runs and screenshots; fonts so offscreen rendering has glyphs (CJK for Japanese)
    xvfb
    xauth
    fonts-dejavu-core
    fonts-noto-cjk
    # benchmarks compare against Python asyncio
    python3
    # validates resources/*.desktop
    desktop-file-utils
    # scripts/package.sh and tests/packaging: the .deb (CPack needs dpkg-shlibdeps from dpkg-dev
    # and `file`), its checks (lintian, appstreamcli, man -l), and the bash completion's test
    dpkg-dev
    file
    lintian
    appstream
    man-db
    bash-completion
)

# Repository root, from this file's own location (works from any current directory).
TASKLANES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export TASKLANES_ROOT

if [[ -t 2 ]]; then
    tl_log() { printf '\033[1m[tasklanes]\033[0m %s\n' "$*" >&2; }
    tl_die() { printf '\033[1;31m[tasklanes] error:\033[0m %s\n' "$*" >&2; exit 1; }
else
    tl_log() { printf '[tasklanes] %s\n' "$*" >&2; }
    tl_die() { printf '[tasklanes] error: %s\n' "$*" >&2; exit 1; }
fi

# Prints the packages from "$@" that are not fully installed, one per line. One dpkg-query call
# for all of them: unknown packages print nothing on stdout, so anything without an
# "install ok installed" line counts as missing.
tl_missing_packages() {
    local -A installed=()
    local name status
    while IFS=' ' read -r name status; do
        [[ "$status" == "install ok installed" ]] && installed["${name%%:*}"]=1
    done < <(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null || true)
    local pkg
    for pkg in "$@"; do
        [[ -n "${installed[$pkg]:-}" ]] || printf '%s\n' "$pkg"
    done
}

# Installs whatever is missing from "$@" (default: TASKLANES_PACKAGES). Does not touch apt at
# all when everything is there, so a second run costs one dpkg-query.
# shellcheck disable=SC2120 # arguments are optional
tl_ensure_packages() {
    local -a wanted=("$@")
    ((${#wanted[@]})) || wanted=("${TASKLANES_PACKAGES[@]}")
    command -v dpkg-query >/dev/null 2>&1 || tl_die "dpkg-query not found: these scripts expect Debian 12"

    local -a missing
    mapfile -t missing < <(tl_missing_packages "${wanted[@]}")
    ((${#missing[@]})) || return 0

    if [[ "${TASKLANES_SKIP_APT:-0}" == 1 ]]; then
        tl_log "TASKLANES_SKIP_APT=1, not installing missing packages: ${missing[*]}"
        return 0
    fi

    local -a sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 ||
            tl_die "missing packages (${missing[*]}) and not root and no sudo: install them by hand"
        sudo=(sudo)
    fi
    tl_log "installing missing packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"

    mapfile -t missing < <(tl_missing_packages "${missing[@]}")
    if ((${#missing[@]})); then
        tl_log "warning: still not installed after apt-get (virtual package names?): ${missing[*]}"
    fi
}

# ccache: key on paths relative to the checkout so a fresh clone in another folder (CI) still hits.
tl_setup_ccache() {
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$TASKLANES_ROOT}"
    if [[ "${CI:-}" == true ]]; then
        # -g makes ccache hash the working directory; CI clones into a new folder every run.
        export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
    fi
}

# Configures preset $1 only when its build tree is missing or half-made, then builds it.
# Extra args go to `cmake --build`. CMake re-runs itself from ninja when CMakeLists change.
tl_build_preset() {
    local preset="$1"
    shift
    local dir="$TASKLANES_ROOT/build/$preset"
    if [[ ! -f "$dir/CMakeCache.txt" || ! -f "$dir/build.ninja" ]]; then
        tl_log "configuring preset '$preset' in build/$preset"
        cmake --preset "$preset"
    fi
    tl_log "building preset '$preset'"
    cmake --build --preset "$preset" -j "${TASKLANES_JOBS:-2}" "$@"
}

# Everything run.sh and test.sh need before building: packages and ccache settings.
tl_setup() {
    cd "$TASKLANES_ROOT" || tl_die "cannot cd to $TASKLANES_ROOT"
    # shellcheck disable=SC2119 # no arguments: the project's package list
    tl_ensure_packages
    tl_setup_ccache
}
