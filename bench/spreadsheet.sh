#!/usr/bin/env bash
# Spreadsheet benchmark: generated case rows imported from CSV, exported
# as an .xlsx workbook (`export --format xlsx`), and that workbook imported
# into an empty archive; the two archives' CSV exports must be the same.
#
#   bench/spreadsheet.sh [--rows N] [--workdir DIR] [--debug]
#
# Prints wall seconds, CPU seconds (user + system) and peak resident memory
# (GNU time) of each step, and the sizes of the files. The release build by
# default; --debug uses the debug build (slower, quicker to build).
# Needs ../shared/bench (gen.py, gen_sources.py) beside the repository, or
# BENCH_DIR pointing at it; python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=20000
work=""
configuration=release
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --workdir) work=$2; shift 2 ;;
        --debug) configuration=debug; shift ;;
        *) echo "usage: bench/spreadsheet.sh [--rows N] [--workdir DIR] [--debug]" >&2; exit 64 ;;
    esac
done
bench=${BENCH_DIR:-../shared/bench}
[ -f "$bench/gen.py" ] || { echo "bench: no $bench/gen.py (set BENCH_DIR)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
work=${work:-$(mktemp -d)}
mkdir -p "$work"
rm -f "$work"/*.sqlite* "$work/cases.xlsx"
python3 "$bench/gen.py" --rows "$rows" --seed 1 --n-sources 5000 --out "$work/rows.csv"
python3 "$bench/gen_sources.py" --seed 42 --n 5000 --out "$work/sources.json" >/dev/null
echo "bench: building dossier ($configuration)" >&2
swift build -c "$configuration" --product dossier 2>&1 | tail -n 1 >&2
dossier=$(swift build -c "$configuration" --show-bin-path)/dossier

step() {
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out" 2>"$work/err" \
        || { cat "$work/err" >&2; exit 1; }
    read -r wall user sys kib < "$work/time"
    printf '%-28s wall %6.2f s  cpu %6.2f s  peak %5d MB\n' "$name" "$wall" "$(awk "BEGIN { print $user + $sys }")" $(( kib / 1024 ))
}

echo "spreadsheet benchmark: $rows generated rows, $configuration build"
"$dossier" import --db "$work/csv.sqlite" "$work/sources.json" >/dev/null
step "import CSV" "$dossier" import --db "$work/csv.sqlite" "$work/rows.csv"
step "export --format xlsx" "$dossier" export --db "$work/csv.sqlite" --format xlsx --out "$work/cases.xlsx"
"$dossier" import --db "$work/xlsx.sqlite" "$work/sources.json" >/dev/null
step "import .xlsx" "$dossier" import --db "$work/xlsx.sqlite" "$work/cases.xlsx"
"$dossier" export --db "$work/csv.sqlite" --format csv > "$work/a.csv"
"$dossier" export --db "$work/xlsx.sqlite" --format csv > "$work/b.csv"
cmp -s "$work/a.csv" "$work/b.csv" || { echo "bench: the two archives differ" >&2; exit 1; }
printf 'files: rows.csv %d KB, cases.xlsx %d KB (%d rows exported); the exports are the same\n' \
    $(( $(stat -c %s "$work/rows.csv") / 1024 )) $(( $(stat -c %s "$work/cases.xlsx") / 1024 )) \
    $(( $(wc -l < "$work/a.csv") - 1 ))
