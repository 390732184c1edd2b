#!/usr/bin/env bash
# Checks what scripts/package.sh wrote to dist/, as a historian without a
# Swift toolchain would use it:
#
# 1. the tarball: unpacked, `dossier tour` and the SQLite extension run with
#    the Swift toolchain hidden (a tmpfs over its directory in a private
#    mount namespace);
# 2. the .deb: its control data, then installed with dpkg on this machine,
#    `dossier --version`, the man page rendered by `man -l`, and the tour
#    from /usr/bin, again with the toolchain hidden; removed afterwards;
# 3. with --debootstrap: the .deb installed into a clean Debian root made by
#    debootstrap (no Swift, nothing but the minimal base system), and run.
#
# Needs root (or unprivileged user namespaces) for the mount namespace, and
# root for dpkg -i. CI runs it as root.
#
# Usage: scripts/package-test.sh [--debootstrap] [--mirror URL] [--suite SUITE]
set -euo pipefail
cd "$(dirname "$0")/.."

use_debootstrap=false
# The machine's own Debian mirror by default: a clean root from the same
# archive the machine installs from.
mirror=$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}
suite=bookworm
while [ $# -gt 0 ]; do
    case $1 in
        --debootstrap) use_debootstrap=true ;;
        --mirror) mirror=$2; shift ;;
        --suite) suite=$2; shift ;;
        *) echo "usage: $0 [--debootstrap] [--mirror URL] [--suite SUITE]" >&2; exit 64 ;;
    esac
    shift
done

tarball=$(ls dist/dossier-*-linux-*.tar.gz 2>/dev/null | tail -n 1)
deb=$(ls dist/dossier_*.deb 2>/dev/null | tail -n 1)
[ -n "$tarball" ] && [ -n "$deb" ] || { echo "package-test: run scripts/package.sh first" >&2; exit 1; }

tmp=$(mktemp -d)
installed=false
cleanup() {
    if $installed; then dpkg -r dossier >/dev/null || echo "package-test: dpkg -r dossier failed" >&2; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

apt_install() {
    echo "package-test: installing $*"
    export DEBIAN_FRONTEND=noninteractive
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$@"
    else sudo apt-get update -qq && sudo apt-get install -y -qq "$@"; fi
}

# --- Hiding the toolchain --------------------------------------------------
# The toolchain is the directory above the `bin` that holds the real swift
# (a toolchain unpacked in its own folder). When that is /usr itself, only its Swift
# libraries can be hidden.
swift_path=$(command -v swift || true)
toolchain=
if [ -n "$swift_path" ]; then
    toolchain=$(dirname "$(dirname "$(readlink -f "$swift_path")")")
    [ "$toolchain" != /usr ] || toolchain=/usr/lib/swift
fi
# A private mount namespace: plain `unshare -m` as root; otherwise map the
# user to root in a new user namespace, where the kernel allows it.
if unshare -m true 2>/dev/null; then
    unshare_cmd=(unshare -m)
elif unshare --mount --map-root-user true 2>/dev/null; then
    unshare_cmd=(unshare --mount --map-root-user)
else
    echo "package-test: cannot make a mount namespace here (run as root)" >&2
    exit 1
fi

# Runs a shell snippet with the toolchain hidden under an empty tmpfs. The
# namespace's mounts are private (unshare's default), so the machine never
# sees the tmpfs.
without_swift() {
    "${unshare_cmd[@]}" env TOOLCHAIN="$toolchain" bash -euo pipefail -c '
        if [ -n "$TOOLCHAIN" ]; then
            mount -t tmpfs -o size=1m tmpfs "$TOOLCHAIN"
            if command -v swift >/dev/null; then echo "package-test: swift still visible" >&2; exit 1; fi
        fi
        '"$1"
}

echo "package-test: toolchain hidden: ${toolchain:-none found}"

# --- 1. The tarball --------------------------------------------------------
mkdir "$tmp/unpacked"
tar -xzf "$tarball" -C "$tmp/unpacked"
top=$(ls -d "$tmp"/unpacked/dossier-*)
for file in bin/dossier lib/libDossierExtension.so share/man/man1/dossier.1 share/man/man1/dossier.import.1 \
        share/bash-completion/completions/dossier share/zsh/site-functions/_dossier \
        share/fish/vendor_completions.d/dossier.fish README.md LICENSE; do
    [ -f "$top/$file" ] || { echo "package-test: $file missing from $tarball" >&2; exit 1; }
done
# The name-key function through the sqlite3 shell shows that the extension
# loads and runs its Swift code without the toolchain.
without_swift '
    cd "'"$top"'"
    ldd bin/dossier lib/libDossierExtension.so
    if ldd bin/dossier lib/libDossierExtension.so | grep "not found"; then exit 1; fi
    bin/dossier --version
    bin/dossier tour --db "'"$tmp"'/tour.sqlite" > "'"$tmp"'/tour.txt"
    grep -q "^== The demo archive" "'"$tmp"'/tour.txt"
    if command -v sqlite3 >/dev/null; then
        sqlite3 :memory: ".load lib/libDossierExtension.so" \
            "SELECT dossier_name_keys('"'Тухачевский, Михаил Николаевич'"')" | grep -q "\["
        echo "package-test: the extension loads in the sqlite3 shell"
    fi
'
echo "package-test: the tarball runs with the toolchain hidden ($(wc -l < "$tmp/tour.txt") lines of tour)"

# An older SQLite is refused with a message and exit status 1, before the
# archive file is made: a stand-in library that reports 3.37.2, preloaded
# ahead of the real one (only when a C compiler is at hand).
if command -v cc >/dev/null; then
    printf '%s\n' 'const char *sqlite3_libversion(void) { return "3.37.2"; }' \
        'int sqlite3_libversion_number(void) { return 3037002; }' > "$tmp/old-sqlite.c"
    cc -shared -fPIC -o "$tmp/old-sqlite.so" "$tmp/old-sqlite.c"
    status=0
    LD_PRELOAD="$tmp/old-sqlite.so" "$top/bin/dossier" tour --db "$tmp/old.sqlite" > /dev/null 2> "$tmp/old.txt" || status=$?
    if [ "$status" != 1 ] || [ -e "$tmp/old.sqlite" ] \
            || ! grep -q "^dossier: error: dossier needs SQLite 3.38.0 or newer, but .* is 3.37.2" "$tmp/old.txt"; then
        echo "package-test: an older SQLite was not refused (exit $status):" >&2
        cat "$tmp/old.txt" >&2
        exit 1
    fi
    echo "package-test: SQLite 3.37.2 is refused: $(cat "$tmp/old.txt")"
fi

# --- 2. The .deb on this machine --------------------------------------------
info=$(dpkg-deb -I "$deb")
echo "$info" | grep -E '^ (Package|Version|Architecture|Depends|Maintainer):'
echo "$info" | grep -q '^ Depends:.*libsqlite3-0' || { echo "package-test: no libsqlite3-0 dependency" >&2; exit 1; }
if echo "$info" | grep '^ Depends:' | grep -qi swift; then echo "package-test: depends on Swift" >&2; exit 1; fi
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/dossier ./usr/lib/dossier/libDossierExtension.so ./usr/share/man/man1/dossier.1.gz \
        ./usr/share/bash-completion/completions/dossier ./usr/share/zsh/vendor-completions/_dossier \
        ./usr/share/fish/vendor_completions.d/dossier.fish ./usr/share/doc/dossier/copyright; do
    echo "$contents" | grep -q " $path\$" || { echo "package-test: $path missing from $deb" >&2; exit 1; }
done

if [ "$(id -u)" != 0 ]; then
    echo "package-test: not root: the .deb was checked but not installed"
elif dpkg -s dossier >/dev/null 2>&1; then
    # Someone's own installation: leave it alone.
    echo "package-test: a dossier package is already installed here: the .deb was not installed"
else
    need=()
    command -v man >/dev/null || need+=(man-db)
    command -v groff >/dev/null || command -v nroff >/dev/null || need+=(groff-base)
    [ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
    dpkg -i "$deb" >/dev/null
    installed=true
    /usr/bin/dossier --version
    # man -l renders the page without a terminal (no pager); a broken page
    # gives troff warnings on stderr, which fail the test.
    MANWIDTH=80 MANPAGER=cat man -l /usr/share/man/man1/dossier.1.gz 2> "$tmp/man-errors.txt" > "$tmp/man.txt"
    if [ -s "$tmp/man-errors.txt" ]; then cat "$tmp/man-errors.txt" >&2; exit 1; fi
    grep -q "dossier" "$tmp/man.txt" && head -n 8 "$tmp/man.txt"
    MANPAGER=cat man -l /usr/share/man/man1/dossier.search.1.gz > /dev/null
    without_swift '
        cd "'"$tmp"'"
        /usr/bin/dossier tour --db "'"$tmp"'/installed-tour.sqlite" > "'"$tmp"'/installed-tour.txt"
    '
    cmp <(sed 1d "$tmp/tour.txt") <(sed 1d "$tmp/installed-tour.txt")
    dpkg -r dossier >/dev/null
    installed=false
    [ ! -e /usr/bin/dossier ] || { echo "package-test: dpkg -r left /usr/bin/dossier" >&2; exit 1; }
    echo "package-test: the .deb installs, runs the tour with the toolchain hidden, and removes"
fi

# --- 3. A clean Debian root (optional) --------------------------------------
if $use_debootstrap; then
    [ "$(id -u)" = 0 ] || { echo "package-test: --debootstrap needs root" >&2; exit 1; }
    command -v debootstrap >/dev/null || apt_install debootstrap
    start=$(date +%s)
    # minbase: essential packages and apt only. libsqlite3-0 is the one
    # dependency that is not in it; dpkg -i does not fetch dependencies.
    debootstrap --variant=minbase --include=libsqlite3-0 "$suite" "$tmp/root" "$mirror" > "$tmp/debootstrap.log" \
        || { tail -n 20 "$tmp/debootstrap.log" >&2; exit 1; }
    made=$(date +%s)
    mkdir -p "$tmp/root/srv/check"
    cp "$deb" "$tmp/root/srv/check/dossier.deb"
    # /proc for the chroot, in a private namespace so that nothing stays
    # mounted on the machine.
    unshare -m bash -euo pipefail -c '
        root=$1
        mount -t proc proc "$root/proc"
        chroot "$root" dpkg -i /srv/check/dossier.deb
        if chroot "$root" sh -c "command -v swift"; then echo "swift in the clean root?" >&2; exit 1; fi
        chroot "$root" dossier --version
        chroot "$root" sh -c "cd /srv/check && dossier tour --db tour.sqlite > tour.txt"
    ' _ "$tmp/root"
    cmp <(sed 1d "$tmp/tour.txt") <(sed 1d "$tmp/root/srv/check/tour.txt")
    echo "package-test: clean $suite root made in $((made - start)) s; the .deb installs and runs the tour there"
fi
echo "package-test: ok"
