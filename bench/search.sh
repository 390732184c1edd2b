#!/usr/bin/env bash
# Search benchmark: generates case rows with the shared generator, imports
# them with a release build, and measures name, charge and filtered query
# latency in-process beside plain FTS5/LIKE SQL on the same archive.
#
#   bench/search.sh [ROWS...]        (default: 1000000 3000000)
#
# Needs the generator folder: $DOSSIER_BENCH_DIR, else ../shared/bench
# relative to the project root. Work files go to $DOSSIER_BENCH_WORK (else
# a temporary directory) and are kept for reuse.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gen=${DOSSIER_BENCH_DIR:-$root/../shared/bench}
work=${DOSSIER_BENCH_WORK:-${TMPDIR:-/tmp}/dossier-bench}
mkdir -p "$work"
[ -f "$gen/gen.py" ] || { echo "bench: no generator at $gen (set DOSSIER_BENCH_DIR)" >&2; exit 2; }
cd "$root"
swift build -c release --product dossier >/dev/null
swift build -c release --product DossierBench >/dev/null
bin=$(swift build -c release --show-bin-path)
[ -f "$work/sources.json" ] || python3 "$gen/gen_sources.py" --seed 42 --n 50000 --out "$work/sources.json"
for rows in "${@:-1000000 3000000}"; do
  for n in $rows; do
    csv="$work/rows_$n.csv"; db="$work/search_$n.sqlite"
    [ -f "$csv" ] || python3 "$gen/gen.py" --rows "$n" --seed 1 --out "$csv"
    if [ ! -f "$db" ]; then
      echo "== importing $n rows"
      /usr/bin/time -f "import: %e s wall, %M KB peak" "$bin/dossier" --db "$db.tmp" import "$work/sources.json" "$csv"
      mv "$db.tmp" "$db"; rm -f "$db.tmp-wal" "$db.tmp-shm"
    fi
    echo "== $n rows: $(du -h "$db" | cut -f1) archive"
    "$bin/DossierBench" "$db" --queries 1000
    echo "-- one whole dossier search process (cold start included):"
    /usr/bin/time -f "   %e s wall, %M KB peak" "$bin/dossier" --db "$db" search --name "Tukhachevsky" --format json > /dev/null
  done
done
