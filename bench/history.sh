#!/usr/bin/env bash
# History benchmark: the bytes the edit history of one import takes, as id
# ranges (`history_range`, migration 0017) and as the one compact 'insert'
# history row per created record that imports wrote before it.
#
#   bench/history.sh [--rows N] [--workdir DIR] [--release]
#
# Imports N generated case rows and their 50,000 sources into an empty
# archive (one change), then makes a copy whose ranges are rewritten as the
# per-record rows the earlier importer wrote (the same SQL it ran when an
# import ended, rows in the same order), VACUUMs both and prints, from
# SQLite's dbstat, the archive's bytes, the history's bytes (tables and
# indexes) and the largest objects of each. Byte counts are the same with a
# debug build (the default); --release builds and uses the release binary.
# Then it checks the ranges archive (`dossier check`) and reverts the import.
# Needs ../shared/bench (gen.py, gen_sources.py) beside the repository, or
# BENCH_DIR pointing at it; python3 and sqlite3 (with dbstat).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=100000
work=""
config=debug
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --workdir) work=$2; shift 2 ;;
        --release) config=release; shift ;;
        *) echo "usage: bench/history.sh [--rows N] [--workdir DIR] [--release]" >&2; exit 64 ;;
    esac
done
bench=${BENCH_DIR:-../shared/bench}
[ -f "$bench/gen.py" ] || { echo "bench: no $bench/gen.py (set BENCH_DIR)" >&2; exit 1; }
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
echo "bench: building dossier ($config)" >&2
swift build -c "$config" --product dossier 2>&1 | tail -n 1 >&2
dossier=$(swift build -c "$config" --show-bin-path)/dossier

ranges="$work/ranges.sqlite"
rows_db="$work/per-row.sqlite"
rm -f "$ranges" "$ranges"-* "$rows_db" "$rows_db"-*
start=$(date +%s.%N)
"$dossier" --db "$ranges" import "$sources" "$csv" >/dev/null
end=$(date +%s.%N)
echo "file: $csv, $(( $(stat -c %s "$csv") / 1048576 )) MB; import ($config build) $(python3 -c "print(f'{$end - $start:.1f}')") s"

# The same archive as the importer before 0017 left it: one compact
# 'insert' row per created record (after NULL), attached to the change.
sqlite3 "$ranges" "VACUUM INTO '$rows_db'"
tables=$(sqlite3 "$ranges" "SELECT table_name FROM history_range GROUP BY table_name ORDER BY min(id)")
{
    echo "BEGIN;"
    for table in $tables; do
        echo "INSERT INTO history (change_id, at, table_name, row_id, op, before, after)
              SELECT c.id, c.at, '$table', t.id, 'insert', NULL, NULL
              FROM history_range r JOIN change c ON c.id = r.change_id JOIN $table t ON t.id BETWEEN r.first_id AND r.last_id
              WHERE r.table_name = '$table' ORDER BY t.id;"
    done
    echo "DELETE FROM history_range; COMMIT; VACUUM;"
} | sqlite3 "$rows_db"
sqlite3 "$ranges" "VACUUM"

python3 - "$rows_db" "$ranges" <<'PY'
import sqlite3, sys

def measure(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    sizes = dict(db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
    total = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("history", "history_range") if db.execute(
                  "SELECT count(*) FROM sqlite_schema WHERE name = ?", (t,)).fetchone()[0]}
    records = sum(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "source", "person", "person_name", "proceeding", "defendant", "charge", "event", "citation"))
    db.close()
    return sizes, total, counts, records

history_objects = ("history", "history_change", "history_row", "history_range", "history_range_change", "history_range_row")
mb = lambda n: f"{n / 1048576:8.1f} MB" if n >= 1048576 else f"{n / 1024:8.1f} KB"
results = []
for label, path in (("per-row history (before 0017)", sys.argv[1]), ("id ranges (0017)", sys.argv[2])):
    sizes, total, counts, records = measure(path)
    history = sum(sizes.get(name, 0) for name in history_objects)
    results.append((label, total, history))
    print(f"\n{label}: archive {mb(total)}, history {mb(history)} ({100 * history / total:.1f}%), "
          f"{records:,} records created; "
          + ", ".join(f"{n:,} {t} rows" for t, n in counts.items()))
    for name in history_objects:
        if name in sizes:
            print(f"  {name:24} {mb(sizes[name])}")
    print("  largest objects:")
    for name, size in sorted(sizes.items(), key=lambda item: -item[1])[:8]:
        print(f"  {name:24} {mb(size)}")
(_, before, hb), (_, after, ha) = results
print(f"\narchive {mb(before).strip()} -> {mb(after).strip()} ({100 * (before - after) / before:.1f}% smaller); "
      f"history {mb(hb).strip()} -> {ha:,} bytes")
PY

start=$(date +%s.%N)
"$dossier" --db "$ranges" check >/dev/null && echo "check of the ranges archive: clean ($(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s)"
start=$(date +%s.%N)
"$dossier" --db "$ranges" revert 1
echo "revert of the import ($config build): $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s"
