#!/usr/bin/env bash
# Duplicates benchmark: generates case rows with the shared generator (about
# as many rows as the persons wanted: the generator gives ~0.97 persons per
# row), imports them with a release build, and times `dossier duplicates`
# for persons and for cases on the archive.
#
#   bench/duplicates.sh [PERSONS...]        (default: 100000 1000000)
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
bin=$(swift build -c release --show-bin-path)/dossier
[ -f "$work/sources.json" ] || python3 "$gen/gen_sources.py" --seed 42 --n 50000 --out "$work/sources.json"
for persons in "${@:-100000 1000000}"; do
  for n in $persons; do
    rows=$(( n * 1033 / 1000 ))
    csv="$work/rows_$rows.csv"; db="$work/duplicates_$n.sqlite"
    [ -f "$csv" ] || python3 "$gen/gen.py" --rows "$rows" --seed 1 --out "$csv"
    if [ ! -f "$db" ]; then
      echo "== importing $rows rows"
      rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
      if ! /usr/bin/time -f "import: %e s wall, %M KB peak" "$bin" --db "$db.tmp" import "$work/sources.json" "$csv" 2> "$work/import_$n.err"; then
        # An importer that refuses rows re-describing a person or case (the
        # generator's re-attestations) gets the rows made consistent first.
        grep -q "described differently\|already a defendant" "$work/import_$n.err" || { cat "$work/import_$n.err" >&2; exit 1; }
        echo "   (importer refused re-attestations; importing the rows with the first description of each ref)"
        python3 "$root/bench/duplicates_rows.py" "$csv" > "$work/rows_${rows}_consistent.csv"
        rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
        /usr/bin/time -f "import: %e s wall, %M KB peak" "$bin" --db "$db.tmp" import "$work/sources.json" "$work/rows_${rows}_consistent.csv"
      else
        tail -n 1 "$work/import_$n.err"
      fi
      mv "$db.tmp" "$db"; rm -f "$db.tmp-wal" "$db.tmp-shm"
    fi
    "$bin" --db "$db" init > /dev/null
    count=$(sqlite3 "$db" "SELECT count(*) FROM person")
    names=$(sqlite3 "$db" "SELECT count(*) FROM person_name")
    cases=$(sqlite3 "$db" "SELECT count(*) FROM proceeding")
    echo "== $count persons ($names names), $cases cases: $(du -hL "$db" | cut -f1) archive"
    for kind in person case; do
      /usr/bin/time -f "duplicates --kind $kind: %e s wall, %U s user, %M KB peak" \
        "$bin" --db "$db" duplicates --kind "$kind" --limit 100 --format table > "$work/duplicates_${n}_$kind.txt"
      echo "   $(tail -n 1 "$work/duplicates_${n}_$kind.txt" | sed 's/ (the best.*//; s/\. Merge with.*//')"
    done
  done
done
