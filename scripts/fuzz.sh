#!/usr/bin/env bash
# Fuzzes dossier's parsers with libFuzzer (swiftc -sanitize=fuzzer,address,
# Linux): CSV rows, lines, JSON Lines case documents, CSL-JSON, BibTeX, EDTF
# dates, statute references, search words, whole searches of the fixture
# archive, CSV output cells, YAML record documents and Memorial notes. The
# checks are those of Tests/DossierTests/HostileFuzzHarness.swift (also run,
# seeded, by the test suite); fuzz/main.swift is the entry point.
#
# Every input runs under a time limit and a memory limit: an input that
# takes longer than --timeout seconds or makes the process's resident memory
# pass --rss-limit-mb megabytes is a failure like a crash (libFuzzer's
# -timeout and -rss_limit_mb). Inputs are at most 4 KB, so either limit is
# thousands of times what a linear parser needs: passing one means a hang
# or an expansion (docs/limits.md).
#
#   scripts/fuzz.sh                      # every target, 10 seconds each
#   scripts/fuzz.sh --seconds 600 csv    # one target, ten minutes
#   scripts/fuzz.sh --seed 1             # the same mutations each run (CI)
#   scripts/fuzz.sh --timeout 2 --rss-limit-mb 512 yaml   # tighter limits
#
# A failing input is saved under .build/fuzz/ and printed; keep it as a
# regression test by copying it to fuzz/regressions/TARGET/ (the test suite
# runs every file there). Prints the inputs tried per target and in all.
set -euo pipefail

seconds=10
timeout=10
rss_limit_mb=1024
targets=()
seed=0
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --rss-limit-mb) rss_limit_mb=$2; shift 2 ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        -*) echo "fuzz: unknown option $1" >&2; exit 64 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(csv lines jsonl csl-json bibtex edtf statute search archive-search csv-cell yaml memorial xlsx-sheet ods-content)
cd "$(dirname "$0")/.."
build=.build/fuzz
mkdir -p "$build"

# Build: the storage module, the domain module, the archive module (with an empty stand-in for
# the embedded files) and the entry point, each
# instrumented. Rebuilt only when a source is newer than the binary.
sources=$(find Sources/DossierStorage Sources/DossierDomain Sources/Dossier fuzz Tests/DossierTests/HostileFuzzHarness.swift -name '*.swift')
binary=$build/dossier-fuzz
if [ ! -x "$binary" ] || [ -n "$(find $sources -newer "$binary" | head -n 1)" ]; then
    echo "fuzz: building $binary"
    rm -f "$binary"
    # The package's dependencies (Yams and its C library, ZIPFoundation and zlib) come from the
    # ordinary debug build, uninstrumented.
    swift build --product dossier >/dev/null
    packages=$(swift build --show-bin-path)
    cyaml=$(dirname "$(find .build/checkouts/Yams/Sources/CYaml -name module.modulemap | head -n 1)")
    czlib=.build/checkouts/ZIPFoundation/Sources/CZLib
    dependencies=("$packages"/Yams.build/*.o "$packages"/CYaml.build/src/*.o "$packages"/ZIPFoundation.build/*.o)
    # One package name for all modules: the domain's `package` declarations
    # are visible to the archive module and the harness.
    flags=(-package-name dossier -parse-as-library -enable-testing -sanitize=fuzzer,address -I "$build" -I Sources/CSQLite
           -I "$packages/Modules" -I "$cyaml" -I "$czlib")
    # The schema and fixtures the package build embedded (the archive
    # search target opens an archive).
    embedded=$(find .build/plugins/outputs -path '*Dossier*' -name Embedded.swift | head -n 1)
    [ -n "$embedded" ] || { echo "fuzz: no Embedded.swift from the package build" >&2; exit 1; }
    cp "$embedded" "$build/Embedded.swift"
    swiftc -module-name DossierStorage "${flags[@]}" -wmo -c -emit-module -emit-module-path "$build/DossierStorage.swiftmodule" \
        Sources/DossierStorage/*.swift -o "$build/DossierStorage.o"
    # shellcheck disable=SC2046
    swiftc -module-name DossierDomain "${flags[@]}" -wmo -c -emit-module -emit-module-path "$build/DossierDomain.swiftmodule" \
        $(find Sources/DossierDomain -name '*.swift' | sort) -o "$build/DossierDomain.o"
    # shellcheck disable=SC2046
    swiftc -module-name Dossier "${flags[@]}" -wmo -c -emit-module -emit-module-path "$build/Dossier.swiftmodule" \
        $(find Sources/Dossier -name '*.swift' | sort) "$build/Embedded.swift" -o "$build/Dossier.o"
    swiftc -module-name DossierFuzz "${flags[@]}" fuzz/main.swift Tests/DossierTests/HostileFuzzHarness.swift \
        "$build/Dossier.o" "$build/DossierDomain.o" "$build/DossierStorage.o" "${dependencies[@]}" -lsqlite3 -lz -o "$binary" 2>&1 \
        | grep -v "Cannot export local symbol" || true
    [ -x "$binary" ] || { echo "fuzz: the build failed" >&2; exit 1; }
fi

total=0
failed=()
for target in "${targets[@]}"; do
    corpus=$build/corpus-$target
    mkdir -p "$corpus"
    seeds=()
    for folder in "fuzz/corpus/$target" "fuzz/regressions/$target"; do [ -d "$folder" ] && seeds+=("$folder"); done
    log=$build/fuzz-$target.log
    # The file readers are fuzzed with small inputs: every input is read
    # again in chunks of 1, 2, 3, 7 and 64 bytes.
    max_len=4096
    case "$target" in csv|lines) max_len=512 ;; esac
    status=0
    DOSSIER_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=16 "$binary" \
        -seed="$seed" -max_total_time="$seconds" -max_len=$max_len -timeout="$timeout" -rss_limit_mb="$rss_limit_mb" -print_final_stats=1 \
        -artifact_prefix="$build/failed-$target-" "$corpus" "${seeds[@]}" > "$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    runs=${runs:-0}
    total=$((total + runs))
    if [ $status != 0 ]; then
        failed+=("$target")
        echo "fuzz: $target: FAILED after $runs inputs:"
        grep -E "dossier-fuzz:|ERROR|SUMMARY|Test unit written" "$log" | head -n 8
    else
        echo "fuzz: $target: $runs inputs in ${seconds} s, no failure (corpus $(ls "$corpus" | wc -l) inputs)"
    fi
done
echo "fuzz: $total inputs in all"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: failures in ${failed[*]}: copy the input to fuzz/regressions/TARGET/ once fixed" >&2
    exit 1
fi
