#!/usr/bin/env bash
# Full-text index size and query latency: the external-content search_text
# (Migrations/0022, over the view defendant_search_text) beside the plain
# FTS5 table it replaced (which stored the text a second time), on the same
# imported archive. Imports generated rows once, copies the archive and
# gives the copy the old plain table (same text, same tokenizer), VACUUMs
# both, then prints each file's size, the dbstat bytes of the search_text
# tables, and the latency of the full-text query `dossier search TEXT` runs
# (SELECT rowid ... MATCH ? ORDER BY rank LIMIT 2000) for terms taken from
# the index at every frequency, the two archives in turn.
#
#   bench/fulltext.sh [ROWS] [debug|release]   (default: 100000 debug)
#
# Needs the generator folder: $DOSSIER_BENCH_DIR, else ../shared/bench
# relative to the project root. Work files go to $DOSSIER_BENCH_WORK (else
# a temporary directory) and are kept for reuse.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gen=${DOSSIER_BENCH_DIR:-$root/../shared/bench}
work=${DOSSIER_BENCH_WORK:-${TMPDIR:-/tmp}/dossier-bench}
rows=${1:-100000}
config=${2:-debug}
mkdir -p "$work"
[ -f "$gen/gen.py" ] || { echo "bench: no generator at $gen (set DOSSIER_BENCH_DIR)" >&2; exit 2; }
cd "$root"
swift build -c "$config" --product dossier >/dev/null
bin=$(swift build -c "$config" --show-bin-path)
[ -f "$work/sources.json" ] || python3 "$gen/gen_sources.py" --seed 42 --n 50000 --out "$work/sources.json"
csv="$work/rows_$rows.csv"
[ -f "$csv" ] || python3 "$gen/gen.py" --rows "$rows" --seed 1 --out "$csv"
after="$work/fulltext_${rows}_external.sqlite"
before="$work/fulltext_${rows}_plain.sqlite"
rm -f "$after" "$after-wal" "$after-shm" "$before" "$before-wal" "$before-shm"
echo "== $rows rows, $config build"
/usr/bin/time -f "import: %e s wall, %M KB peak" "$bin/dossier" --db "$after" import "$work/sources.json" "$csv" >/dev/null
sqlite3 "$after" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;" >/dev/null
cp "$after" "$before"
sqlite3 "$before" >/dev/null <<'SQL'
BEGIN;
DROP TABLE search_text;
CREATE VIRTUAL TABLE search_text USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search_text (rowid, text) SELECT defendant_id, text FROM defendant_search_text;
COMMIT;
VACUUM;
SQL
sqlite3 "$after" "VACUUM" >/dev/null
python3 - "$before" "$after" "$bin/dossier" <<'PY'
import os, sqlite3, statistics, subprocess, sys, time
paths = {"plain (0003)": sys.argv[1], "external content (0022)": sys.argv[2]}
dossier = sys.argv[3]
print(f"{'':26}{'archive bytes':>16}{'search_text* bytes':>20}")
for label, path in paths.items():
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    parts = db.execute("""SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search_text%'
                          GROUP BY name ORDER BY name""").fetchall()
    total = sum(size for _, size in parts)
    print(f"{label:26}{os.path.getsize(path):>16,}{total:>20,}")
    for name, size in parts:
        print(f"    {name:30}{size:>14,}")
# Terms at every frequency: every k-th of the index's terms by document count.
db = sqlite3.connect(f"file:{paths['plain (0003)']}?mode=ro", uri=True)
db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_text, row)")
terms = [t for (t,) in db.execute("SELECT term FROM temp.vocab WHERE term GLOB '[a-z]*' ORDER BY doc DESC, term")]
step = max(1, len(terms) // 200)
terms = terms[::step][:200]
print(f"\nfull-text query latency, {len(terms)} terms (the query `dossier search TEXT` runs), ms:")
query = "SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rank LIMIT 2000"
connections = {label: sqlite3.connect(f"file:{path}?mode=ro", uri=True) for label, path in paths.items()}
times = {label: [] for label in paths}
for rnd in range(2):                      # the first round warms the page cache
    for term in terms:
        for label, con in connections.items():
            start = time.perf_counter()
            con.execute(query, ('"' + term + '"',)).fetchall()
            if rnd == 1:
                times[label].append((time.perf_counter() - start) * 1000)
print(f"{'':26}{'median':>9}{'p95':>9}{'max':>9}{'total':>10}")
for label, values in times.items():
    values.sort()
    print(f"{label:26}{statistics.median(values):>9.2f}{values[int(len(values) * 0.95)]:>9.2f}"
          f"{values[-1]:>9.2f}{sum(values):>10.1f}")
print("\nwhole `dossier search` processes (free text, cold start included), s:")
for term in [terms[0], terms[len(terms) // 2]]:
    for label, path in paths.items():
        start = time.perf_counter()
        subprocess.run([dossier, "--db", path, "search", term, "--format", "json"], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"    {term!r:22} {label:26}{time.perf_counter() - start:>7.2f}")
PY
