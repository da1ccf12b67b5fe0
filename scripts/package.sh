#!/usr/bin/env bash
# Builds the Debian package build/package/tasklanes_<version>-1_<arch>.deb with CPack's DEB
# generator (the `package` preset: Release, no tests, dpkg-buildflags' hardening flags; Depends
# computed by dpkg-shlibdeps), then checks it: lintian (errors fail, and so do warnings other than
# the ones docs/packaging.md explains), and the files it installs: desktop-file-validate,
# appstreamcli validate --no-net, man -l of both pages.
#
#   scripts/package.sh              build, package, check
#   scripts/package.sh --no-check   build and package only
#
# Install it with: apt-get install ./build/package/tasklanes_*.deb
# Env: TASKLANES_JOBS (default 2), TASKLANES_SKIP_APT=1. A checker that is not installed is
#      skipped with a message, except in CI (CI=true), where that is an error.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check=1
case "${1:-}" in
    -h | --help)
        sed -n '2,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
        exit 0
        ;;
    --no-check) check=0 ;;
    "") ;;
    *) tl_die "unknown argument '$1' (see --help)" ;;
esac

tl_setup
build="$TASKLANES_ROOT/build/package"

# One date for the changelog and the archive: the commit's, so a rebuild of a commit is the same.
if [[ -z "${SOURCE_DATE_EPOCH:-}" ]]; then
    SOURCE_DATE_EPOCH="$(git -C "$TASKLANES_ROOT" log -1 --format=%ct 2>/dev/null || date +%s)"
fi
export SOURCE_DATE_EPOCH

# Debian's hardening flags (stack protector, fortify, format security, full RELRO, bind now),
# without -g (the binaries are stripped) and without the path-mapping flags (they would put the
# checkout's path in every command line and defeat ccache across clones).
export DEB_BUILD_MAINT_OPTIONS="hardening=+all reproducible=-fixfilepath,-fixdebugpath"
export DEB_CXXFLAGS_MAINT_STRIP="-g"
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags="$(dpkg-buildflags --get LDFLAGS)"

tl_log "configuring preset 'package' in build/package"
cmake --preset package -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" >/dev/null
tl_log "building preset 'package'"
cmake --build --preset package -j "${TASKLANES_JOBS:-2}"

rm -f "$build"/tasklanes_*.deb
tl_log "cpack -G DEB"
(cd "$build" && cpack -G DEB -C Release >/dev/null)
debs=("$build"/tasklanes_*.deb)
[[ -f "${debs[0]}" && ${#debs[@]} -eq 1 ]] || tl_die "cpack made no single tasklanes_*.deb in $build"
deb="${debs[0]}"
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Installed-Size Depends

((check)) || {
    echo "$deb"
    exit 0
}

failures=0
fail() {
    printf '[tasklanes] check failed: %s\n' "$*" >&2
    failures=$((failures + 1))
}
# have TOOL PACKAGE: true when TOOL is there; otherwise a skip message, or a failure in CI.
have() {
    command -v "$1" >/dev/null 2>&1 && return 0
    if [[ "${CI:-}" == true ]]; then
        fail "$1 is not installed in CI (scripts/common.sh lists $2)"
    else
        tl_log "SKIPPED: $1 is not installed (apt-get install $2)"
    fi
    return 1
}

# What the package installs: both binaries and everything a desktop and a shell look for.
contents="$(dpkg-deb --contents "$deb" | awk '{ print $NF }' | sed 's|^\./|/|')"
for path in /usr/bin/tasklanes /usr/bin/tasklanes-cli \
    /usr/share/applications/org.tasklanes.TaskLanes.desktop \
    /usr/share/icons/hicolor/scalable/apps/org.tasklanes.TaskLanes.svg \
    /usr/share/metainfo/org.tasklanes.TaskLanes.metainfo.xml \
    /usr/share/man/man1/tasklanes.1.gz /usr/share/man/man1/tasklanes-cli.1.gz \
    /usr/share/bash-completion/completions/tasklanes \
    /usr/share/bash-completion/completions/tasklanes-cli \
    /usr/share/doc/tasklanes/copyright /usr/share/doc/tasklanes/changelog.Debian.gz; do
    grep -qxF "$path" <<<"$contents" || fail "$deb does not install $path"
done
depends="$(dpkg-deb --field "$deb" Depends)"
[[ "$depends" == *libqt6widgets6* && "$depends" == *libqt6core6* ]] ||
    fail "Depends does not name the Qt 6 libraries (did dpkg-shlibdeps run?): $depends"

# The installed files themselves, as the package has them.
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
if have desktop-file-validate desktop-file-utils; then
    out="$(desktop-file-validate "$root/usr/share/applications/org.tasklanes.TaskLanes.desktop" 2>&1)" ||
        fail "desktop-file-validate: $out"
    [[ -z "$out" ]] || fail "desktop-file-validate: $out"
    tl_log "desktop-file-validate: clean"
fi
if have appstreamcli appstream; then
    if out="$(appstreamcli validate --no-net --strict \
        "$root/usr/share/metainfo/org.tasklanes.TaskLanes.metainfo.xml" 2>&1)"; then
        tl_log "appstreamcli validate --no-net --strict: $(tail -n 1 <<<"$out")"
    else
        fail "appstreamcli validate --no-net: $out"
    fi
fi
if have man man-db; then
    for page in "$root"/usr/share/man/man1/*.1.gz; do
        # lintian's invocation: anything on stderr is a warning.
        err="$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
            man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)" ||
            fail "man -l $(basename "$page") failed: $err"
        [[ -z "$err" ]] || fail "man -l $(basename "$page"): $err"
    done
    tl_log "man -l: both pages format without warnings"
fi
if have lintian lintian; then
    # The tags kept on purpose, each explained in docs/packaging.md. Any other warning or error
    # fails; infos are shown.
    kept_tags=(
        # the changelog's one entry closes no ITP bug: the package is not uploaded to Debian
        initial-upload-closes-no-bugs
    )
    # shellcheck disable=SC2054 # error,warning is one argument
    lintian_args=(--display-info --fail-on error,warning)
    ((${#kept_tags[@]})) && lintian_args+=(--suppress-tags "$(IFS=,; echo "${kept_tags[*]}")")
    ((EUID != 0)) || lintian_args+=(--allow-root)
    tl_log "lintian ${lintian_args[*]} $(basename "$deb")"
    if lintian "${lintian_args[@]}" "$deb"; then
        tl_log "lintian: no errors, no unexplained warnings"
    else
        fail "lintian found errors or warnings (above)"
    fi
fi

((failures == 0)) || tl_die "$failures package check(s) failed for $deb"
tl_log "package checked: $deb"
echo "$deb"
