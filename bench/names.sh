#!/usr/bin/env bash
# Name precision: the example persons of the name tests in an archive
# padded with generated names (the shared generator's case rows), every
# example query run; prints the share of queries whose first result is the
# person (or, for a surname alone, the family), the share that find the
# person among the first five, and the share of the first five results that
# are the person (or the family).
#
#   bench/names.sh [NAMES]        (default: 5000 generated names)
#
# Needs the generator folder: $DOSSIER_BENCH_DIR, else ../shared/bench
# relative to the project root. Work files go to $DOSSIER_BENCH_WORK (else
# a temporary directory).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gen=${DOSSIER_BENCH_DIR:-$root/../shared/bench}
work=${DOSSIER_BENCH_WORK:-${TMPDIR:-/tmp}/dossier-bench}
n=${1:-5000}
mkdir -p "$work"
[ -f "$gen/gen.py" ] || { echo "bench: no generator at $gen (set DOSSIER_BENCH_DIR)" >&2; exit 2; }
csv="$work/names_rows.csv"
[ -f "$csv" ] || python3 "$gen/gen.py" --rows $((n * 2)) --seed 7 --out "$csv"
python3 - "$csv" "$n" "$work/name_padding.txt" <<'PY'
import csv, sys
seen, out = set(), []
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["name"] not in seen:
        seen.add(row["name"]); out.append(row["name"])
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(out[: int(sys.argv[2])]) + "\n")
PY
cd "$root"
DOSSIER_NAME_PADDING="$work/name_padding.txt" swift test --filter NamePrecisionMeasure 2>&1 | grep -E "name precision|name typos|first is someone else|not in the first five|✘"
