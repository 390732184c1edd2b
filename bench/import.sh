#!/usr/bin/env bash
# Import benchmark: the same generated case-row CSV loaded by SQLite's own
# shell (flat table), by the plain Python normalised importer, and by
# `dossier import` (release build), measured in one run.
#
#   bench/import.sh [--rows N] [--workdir DIR] [--skip-baselines]
#
# Prints wall seconds, rows/s and peak resident memory (from
# /usr/bin/time) for each, then dossier's ratios to the baselines, the
# same figures for importing the same file again (nothing changes), and
# the floor: the tables dossier wrote copied by SQLite alone into an empty
# archive (what no importer into this schema can beat).
# Needs ../shared/bench (gen.py, gen_sources.py, baselines.sh) beside the
# repository, or BENCH_DIR pointing at it; python3, sqlite3, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=1000000
work=""
baselines=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --workdir) work=$2; shift 2 ;;
        --skip-baselines) baselines=0; shift ;;
        *) echo "usage: bench/import.sh [--rows N] [--workdir DIR] [--skip-baselines]" >&2; exit 64 ;;
    esac
done
bench=${BENCH_DIR:-../shared/bench}
[ -f "$bench/gen.py" ] || { echo "bench: no $bench/gen.py (set BENCH_DIR)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
work=${work:-$(mktemp -d)}
mkdir -p "$work"
csv="$work/rows_$rows.csv"
sources="$work/sources.json"

if [ ! -s "$csv" ]; then
    echo "bench: generating $rows rows (gen.py --seed 1)" >&2
    python3 "$bench/gen.py" --rows "$rows" --seed 1 --out "$csv"
fi
if [ ! -s "$sources" ]; then
    python3 "$bench/gen_sources.py" --seed 42 --n 50000 --out "$sources" >/dev/null
fi
echo "bench: building dossier (release)" >&2
swift build -c release --product dossier 2>&1 | tail -n 1 >&2
dossier=$(swift build -c release --show-bin-path)/dossier

data_rows=$(( $(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8'))))" "$csv") - 1 ))
echo "file: $csv, $data_rows rows, $(( $(stat -c %s "$csv") / 1048576 )) MB; $(nproc) cores; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"

# name seconds peak_kB -> one line as baselines.sh prints them
line() {
    python3 -c "import sys; s=float(sys.argv[2]); print(f'{sys.argv[1]:8} {s:8.1f} s {int(sys.argv[4])/s:10,.0f} rows/s {int(sys.argv[3])//1024:6} MB')" \
        "$1" "$2" "$3" "$data_rows"
}
# Runs a command under GNU time; leaves "seconds peak_kB" in $work/time.NAME.
timed() {
    local name=$1; shift
    /usr/bin/time -f '%e %M' -o "$work/time.$name" "$@" >"$work/out.$name" 2>"$work/err.$name" || {
        echo "bench: $name failed:" >&2; tail -n 5 "$work/err.$name" >&2; exit 1; }
}

if [ "$baselines" = 1 ]; then
    "$bench/baselines.sh" "$csv" "$work" | tee "$work/baselines.txt"
fi

db="$work/dossier.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
"$dossier" init --db "$db" >/dev/null
timed sources "$dossier" import --db "$db" "$sources"
read -r s0 k0 < "$work/time.sources"
echo "sources: $(cat "$work/out.sources") from $(( $(stat -c %s "$sources") / 1048576 )) MB of CSL-JSON in $s0 s, peak $(( k0 / 1024 )) MB"
timed import "$dossier" import --db "$db" "$csv"
read -r s k < "$work/time.import"
line dossier "$s" "$k"
timed reimport "$dossier" import --db "$db" "$csv"
read -r s2 k2 < "$work/time.reimport"
line again "$s2" "$k2"
echo "dossier: $(cat "$work/out.import")"
echo "again:   $(cat "$work/out.reimport")"

# The floor of any importer into this schema: the tables dossier wrote,
# copied by SQLite alone (INSERT ... SELECT, no parsing, no checking, no
# history, no triggers) into an empty archive with the same indexes, name
# keys and full-text index, in one transaction with the rollback journal.
floor="$work/floor.sqlite"
rm -f "$floor" "$floor-journal" "$floor-wal" "$floor-shm"
"$dossier" init --db "$floor" >/dev/null
sqlite3 "$floor" "PRAGMA journal_mode = DELETE" >/dev/null
sqlite3 "$floor" "$(sqlite3 "$floor" "SELECT group_concat('DROP TRIGGER \"' || name || '\";', ' ') FROM sqlite_schema WHERE type = 'trigger'")"
/usr/bin/time -f '%e %M' -o "$work/time.floor" sqlite3 "$floor" >/dev/null 2>"$work/err.floor" <<SQL || { echo "bench: floor failed:" >&2; tail -n 5 "$work/err.floor" >&2; exit 1; }
PRAGMA cache_size = -65536;
PRAGMA foreign_keys = ON;
ATTACH '$db' AS src;
BEGIN;
INSERT INTO source SELECT * FROM src.source;
INSERT INTO proceeding SELECT * FROM src.proceeding;
INSERT INTO person SELECT * FROM src.person;
INSERT INTO person_name SELECT * FROM src.person_name;
INSERT INTO defendant SELECT * FROM src.defendant;
INSERT INTO charge SELECT * FROM src.charge;
INSERT INTO event SELECT * FROM src.event;
INSERT INTO citation SELECT * FROM src.citation;
INSERT INTO name_key SELECT * FROM src.name_key ORDER BY key, name_id;
INSERT INTO surname_typo SELECT * FROM src.surname_typo ORDER BY key, surname;
INSERT INTO search_text (search_text) VALUES ('rebuild');
COMMIT;
SQL
read -r s3 k3 < "$work/time.floor"
line floor "$s3" "$k3"

if [ "$baselines" = 1 ]; then
    python3 - "$work/baselines.txt" "$s" "$k" "$s2" "$s3" <<'PY'
import sys
base = {}
for row in open(sys.argv[1]):
    parts = row.split()
    base[parts[0]] = float(parts[1])
s, k, s2, s3 = float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"dossier is {base['python'] / s:.2f}x as fast as py_import.py (target >= 2)")
print(f"dossier takes {s / base['flat']:.2f}x the time of sqlite3 .import (target <= 3)")
print(f"peak memory {k // 1024} MB (target < 200)")
print(f"re-import takes {s2 / s:.2f}x the time of the first import (target <= 1)")
print(f"floor (SQLite copying the imported tables): {s3 / base['flat']:.2f}x sqlite3 .import, "
      f"{base['python'] / s3:.2f}x as fast as py_import.py; dossier takes {s / s3:.2f}x the floor")
PY
fi
