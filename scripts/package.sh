#!/usr/bin/env bash
# Builds dossier for people without a Swift toolchain and writes to dist/:
#
#   dossier-VERSION-linux-ARCH.tar.gz   bin/dossier, lib/libDossierExtension.so,
#                                       share/man/man1/dossier*.1, completions,
#                                       README.md, LICENSE
#   dossier_VERSION_DEBARCH.deb         the same files in Debian's places
#
# The Swift runtime and Foundation are linked statically into both binaries,
# so they need only the C library, libstdc++/libgcc and the system's
# libsqlite3. docs/install.md describes the result; scripts/package-test.sh
# checks it.
#
# Usage: scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in swift dpkg-deb strip objdump; do
    command -v "$tool" >/dev/null || { echo "package: $tool is needed" >&2; exit 1; }
done

# --- Version ---------------------------------------------------------------
# The latest v* tag names the version; commits after it are added Debian-
# and semver-style (0.2.0+3.g1a2b3c4). Without a tag (or without git, e.g.
# from a source tarball) the version is the constant in Version.swift.
fallback=$(sed -n 's/^ *static let fallback = "\([^"]*\)".*/\1/p' Sources/DossierCLI/Version.swift)
[ -n "$fallback" ] || { echo "package: no version constant in Sources/DossierCLI/Version.swift" >&2; exit 1; }
version=$fallback
commit=
if git rev-parse --git-dir >/dev/null 2>&1; then
    commit=$(git rev-parse --short=10 HEAD)
    if tag=$(git describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null); then
        version=${tag#v}
        ahead=$(git rev-list --count "$tag..HEAD")
        [ "$ahead" = 0 ] || version="$version+$ahead.g$commit"
    fi
    # Uncommitted changes to tracked files: say so rather than name a
    # commit the binary was not built from.
    git diff --quiet HEAD -- 2>/dev/null || commit="$commit-dirty"
fi
case $version in
    [0-9]*) ;;
    *) echo "package: version \"$version\" must start with a digit (Debian requires it)" >&2; exit 1 ;;
esac
arch=$(uname -m)
deb_arch=$(dpkg --print-architecture)
echo "package: dossier $version${commit:+ (commit $commit)} for linux-$arch"

# --- Build -----------------------------------------------------------------
# Package.swift hands these two variables to the CBuildInfo target only, so
# a new commit recompiles one C file and relinks.
export DOSSIER_VERSION=$version DOSSIER_COMMIT=$commit
# --static-swift-stdlib links the Swift runtime and Foundation (with its
# ICU data) into the executable. SwiftPM applies it to executables only;
# Package.swift adds -static-stdlib to the extension's link in release.
# One invocation for both products: a second one may relink the embedding
# plugin's tool and so recompile the Dossier module (minutes).
swift build -c release --static-swift-stdlib
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)

# --- Man pages -------------------------------------------------------------
# swift-argument-parser's generate-manual plugin: one page per subcommand
# (dossier.1, dossier.import.1, ...). The plugin builds the package itself,
# without --static-swift-stdlib, which changes every compile command: in
# release that would be a second full build, so it builds in debug, the
# build CI has made already (the pages depend neither on optimisation nor
# on the version, so the variables above are left out). The date is the
# commit's, so that one commit gives the same pages anywhere.
if [ -n "$commit" ]; then
    date=$(git log -1 --format=%cs HEAD)
else
    date=$(date -u +%F)
fi
man_out=.build/plugins/GenerateManual/outputs/DossierCLI
rm -rf "$man_out"
env -u DOSSIER_VERSION -u DOSSIER_COMMIT swift package generate-manual --configuration debug --multi-page \
    --date "$date" --authors "The dossier authors" >/dev/null
ls "$man_out"/dossier*.1 >/dev/null

# --- The tarball tree ------------------------------------------------------
name="dossier-$version-linux-$arch"
stage=dist/stage
rm -rf "$stage"
tree="$stage/$name"
mkdir -p "$tree/bin" "$tree/lib" "$tree/share/man/man1" \
    "$tree/share/bash-completion/completions" "$tree/share/zsh/site-functions" \
    "$tree/share/fish/vendor_completions.d"
# Stripped: the symbol tables are most of a release binary's size and
# nothing at run time reads them (the extension keeps its dynamic symbols,
# sqlite3_extension_init among them).
strip -o "$tree/bin/dossier" "$bin/dossier"
strip --strip-unneeded -o "$tree/lib/libDossierExtension.so" "$bin/libDossierExtension.so"
chmod 0755 "$tree/bin/dossier"
chmod 0644 "$tree/lib/libDossierExtension.so"
install -m 0644 "$man_out"/dossier*.1 "$tree/share/man/man1/"
"$tree/bin/dossier" --generate-completion-script bash > "$tree/share/bash-completion/completions/dossier"
"$tree/bin/dossier" --generate-completion-script zsh > "$tree/share/zsh/site-functions/_dossier"
"$tree/bin/dossier" --generate-completion-script fish > "$tree/share/fish/vendor_completions.d/dossier.fish"
install -m 0644 README.md LICENSE "$tree/"

# The packaged binaries must not need the toolchain: no Swift or
# Foundation library among their dynamic dependencies.
for file in "$tree/bin/dossier" "$tree/lib/libDossierExtension.so"; do
    if ldd "$file" | grep -Ei 'swift|foundation|dispatch|BlocksRuntime|icu'; then
        echo "package: $file still links the libraries above" >&2
        exit 1
    fi
done

# Same bytes for the same commit: fixed owner, order and times.
if [ -n "$commit" ]; then epoch=$(git log -1 --format=%ct HEAD); else epoch=$(date +%s); fi
tar_flags=(--sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch")
mkdir -p dist
tar "${tar_flags[@]}" -C "$stage" -cf - "$name" | gzip -9n > "dist/$name.tar.gz"

# --- The Debian package ----------------------------------------------------
root="$stage/deb"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/lib/dossier" "$root/usr/share/man/man1" \
    "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d" "$root/usr/share/doc/dossier"
cp -p "$tree/bin/dossier" "$root/usr/bin/"
cp -p "$tree/lib/libDossierExtension.so" "$root/usr/lib/dossier/"
for page in "$tree"/share/man/man1/*.1; do
    gzip -9n < "$page" > "$root/usr/share/man/man1/$(basename "$page").gz"
done
install -m 0644 "$tree/share/bash-completion/completions/dossier" "$root/usr/share/bash-completion/completions/"
install -m 0644 "$tree/share/zsh/site-functions/_dossier" "$root/usr/share/zsh/vendor-completions/"
install -m 0644 "$tree/share/fish/vendor_completions.d/dossier.fish" "$root/usr/share/fish/vendor_completions.d/"
install -m 0644 README.md "$root/usr/share/doc/dossier/"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: dossier"
    echo
    echo "Files: *"
    echo "Copyright: 2026 The dossier authors"
    echo "License: Expat"
    # The licence text, as the format wants it: indented, blank lines as " .".
    sed -e 's/^$/./' -e 's/^/ /' LICENSE
} > "$root/usr/share/doc/dossier/copyright"

# The C library version: the newest GLIBC_ symbol version either binary
# asks for. libstdc++6, libgcc-s1 and zlib1g (the zip of .xlsx and .ods
# files) come with every Debian system; naming them keeps the list honest. SQLite: see SQLiteRequirement.swift.
glibc=$(objdump -T "$tree/bin/dossier" "$tree/lib/libDossierExtension.so" \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -Vu | tail -n 1)
sqlite_min=$(sed -n 's/^ *public static let minimum = "\([^"]*\)".*/\1/p' Sources/Dossier/SQLiteRequirement.swift)
[ -n "$glibc" ] && [ -n "$sqlite_min" ] || { echo "package: cannot work out the dependencies" >&2; exit 1; }
installed_kib=$(du -sk --apparent-size "$root/usr" | cut -f 1)
cat > "$root/DEBIAN/control" <<EOF
Package: dossier
Version: $version
Architecture: $deb_arch
Maintainer: The dossier authors
Installed-Size: $installed_kib
Depends: libc6 (>= $glibc), libgcc-s1, libstdc++6, zlib1g, libsqlite3-0 (>= $sqlite_min)
Section: utils
Priority: optional
Description: archival case database for historians of trials
 dossier keeps case records (defendants, charges, trials, outcomes, and the
 sources behind each fact) in one SQLite file, searches them by name in any
 spelling or script and by charge, computes outcome statistics, and exports
 citations (CSL JSON, BibTeX, RIS, Chicago notes).
 .
 The package also installs libDossierExtension.so in /usr/lib/dossier, an
 SQLite extension with dossier's name-matching functions for Datasette or
 the sqlite3 shell.
EOF
# Everything in the package belongs to root, whoever builds it.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -exec touch -h -d "@$epoch" {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "dist/dossier_${version}_$deb_arch.deb" >/dev/null
rm -rf "$stage"

ls -l "dist/$name.tar.gz" "dist/dossier_${version}_$deb_arch.deb"
