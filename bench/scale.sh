#!/usr/bin/env bash
# The whole pipeline at scale: for each size, generates case rows with the
# shared generator (and its sources), then times every step a historian with
# Memorial's archive runs, with peak memory and the bytes each step leaves,
# beside the references measured in the same run on the same file.
#
#   bench/scale.sh [--bin PATH] [ROWS...]        (default: 1000000 3000000)
#
# Steps: import, a no-change re-import, check, stats --by year,category,
# search (the search benchmark's queries, in process), duplicates (persons),
# publish, backup, export. References: sqlite3 .import and py_import.py on
# the CSV, and VACUUM INTO of the archive (the fastest copy SQLite makes).
# Memory is measured twice (bench/peakmem.py): the resident peak, which
# counts the archive pages SQLite maps, and the peak of RssAnon, what the
# process itself allocates. After the first import, every table and index
# with its size (dbstat). For each size, the targets of the performance
# issue met or not; then, for each step, how its time grows from the first
# size to the last: the ratio of times beside the ratio of rows (linear
# growth gives the same ratio; a larger one says the step grows faster).
#
# Needs the generator folder: $DOSSIER_BENCH_DIR, else ../shared/bench
# relative to the project root; python3 and sqlite3 (with dbstat). Work files go
# to $DOSSIER_BENCH_WORK (else a temporary directory); the generated CSVs are
# kept for reuse, the archives are made anew. --bin takes a dossier binary
# (and DossierBench beside it) instead of building the release products.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gen=${DOSSIER_BENCH_DIR:-$root/../shared/bench}
work=${DOSSIER_BENCH_WORK:-${TMPDIR:-/tmp}/dossier-bench}
bin=""
sizes=()
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin=$2; shift 2 ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        -*) echo "usage: bench/scale.sh [--bin PATH] [ROWS...]" >&2; exit 64 ;;
        *) sizes+=("$1"); shift ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 3000000)
[ -f "$gen/gen.py" ] || { echo "bench: no generator at $gen (set DOSSIER_BENCH_DIR)" >&2; exit 2; }
mkdir -p "$work"
cd "$root"
if [ -z "$bin" ]; then
    echo "bench: building dossier and DossierBench (release)" >&2
    swift build -c release --product dossier >/dev/null
    swift build -c release --product DossierBench >/dev/null
    bin=$(swift build -c release --show-bin-path)/dossier
fi
benchbin=$(dirname "$bin")/DossierBench
[ -f "$work/sources.json" ] || python3 "$gen/gen_sources.py" --seed 42 --n 50000 --out "$work/sources.json" >/dev/null
echo "$(nproc) cores; sqlite3 $(sqlite3 --version | cut -d' ' -f1); load average $(cut -d' ' -f1-3 /proc/loadavg)"

results="$work/scale.tsv"
: > "$results"
# step rows seconds peak_kB anon_kB bytes -> one line of the results
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$seconds" "$peak" "$anon" "$3" >> "$results"; }
# Runs a command under bench/peakmem.py, leaving $seconds, $peak (resident
# size, as GNU time's %M) and $anon (RssAnon: what the process allocates).
timed() {
    python3 "$root/bench/peakmem.py" "$work/time" "$@" >"$work/out" 2>"$work/err" || {
        echo "bench: failed: $*" >&2; tail -n 5 "$work/err" >&2; exit 1; }
    read -r seconds peak anon < "$work/time"
}
bytes() { du -sb "$@" | awk '{ s += $1 } END { printf "%.0f\n", s }'; }

for n in "${sizes[@]}"; do
    csv="$work/rows_$n.csv"; db="$work/scale_$n.sqlite"
    [ -f "$csv" ] || { echo "bench: generating $n rows" >&2; python3 "$gen/gen.py" --rows "$n" --seed 1 --out "$csv"; }
    rm -rf "$db" "$db-wal" "$db-shm" "$work/site_$n" "$work/backup_$n.sqlite" "$work/vacuum_$n.sqlite" \
        "$work/flat_$n.db" "$work/py_$n.db" "$work/export_$n.jsonl"
    echo "== $n rows: $(( $(stat -L -c %s "$csv") / 1048576 )) MB of CSV"

    timed sqlite3 "$work/flat_$n.db" -cmd '.mode csv' ".import $csv flat"
    record "sqlite3 .import" "$n" "$(bytes "$work/flat_$n.db")"
    timed python3 "$gen/py_import.py" "$csv" "$work/py_$n.db"
    record "py_import.py" "$n" "$(bytes "$work/py_$n.db")"
    rm -f "$work/flat_$n.db" "$work/py_$n.db"

    "$bin" --db "$db" import "$work/sources.json" >/dev/null
    seconds=0 peak=0 anon=0
    record "CSV" "$n" "$(stat -L -c %s "$csv")"
    timed "$bin" --db "$db" import "$csv"
    record "import" "$n" "$(bytes "$db")"
    # Where the archive's bytes are: every table and index, largest first.
    sqlite3 "$db" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC" > "$work/dbstat_$n.txt"
    timed "$bin" --db "$db" import "$csv"
    record "re-import (no change)" "$n" "$(bytes "$db")"
    timed sqlite3 "$db" "VACUUM INTO '$work/vacuum_$n.sqlite'"
    record "VACUUM INTO" "$n" "$(bytes "$work/vacuum_$n.sqlite")"
    rm -f "$work/vacuum_$n.sqlite"
    timed "$bin" --db "$db" check
    record "check" "$n" ""
    timed "$bin" --db "$db" stats --by year,category --format json
    record "stats --by year,category" "$n" ""
    if [ -x "$benchbin" ]; then
        timed "$benchbin" "$db" --queries 1000
        record "search (1,000 queries)" "$n" ""
        sed 's/^/   /' "$work/out" > "$work/search_$n.txt"
    fi
    timed "$bin" --db "$db" duplicates --limit 100 --format json
    record "duplicates (persons)" "$n" ""
    timed "$bin" --db "$db" publish --out "$work/site_$n"
    record "publish" "$n" "$(bytes "$work/site_$n")"
    rm -rf "$work/site_$n"
    timed "$bin" --db "$db" backup "$work/backup_$n.sqlite"
    record "backup" "$n" "$(bytes "$work/backup_$n.sqlite")"
    rm -f "$work/backup_$n.sqlite"
    timed "$bin" --db "$db" export --out "$work/export_$n.jsonl"
    record "export" "$n" "$(bytes "$work/export_$n.jsonl")"
    rm -f "$work/export_$n.jsonl"
    [ -f "$work/search_$n.txt" ] && { echo "   search latency at $n rows:"; cat "$work/search_$n.txt"; }
    echo "   the archive after the first import, by table and index (MB):"
    awk -F'|' '{ printf "   %-40s %9.1f\n", $1, $2 / 1048576 }' "$work/dbstat_$n.txt"
    rm -f "$db" "$db-wal" "$db-shm"
done

python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
sizes = sorted({int(r[1]) for r in rows})
MB = 1048576
print(f"\n{'step':26} {'rows':>10} {'seconds':>9} {'peak MB':>8} {'anon MB':>8} {'MB written':>11}")
for step, n, s, k, a, b in rows:
    if step == "CSV": continue
    written = f"{int(b) / MB:11,.0f}" if b else f"{'':11}"
    print(f"{step:26} {int(n):10,} {float(s):9.1f} {int(k) // 1024:8,} {int(a) // 1024:8,} {written}")
print("\npeak MB: resident size, as GNU time's %M (counts archive pages SQLite maps or caches);")
print("anon MB: RssAnon, what the process allocates, sampled every 20 ms.")
def get(step, n):
    return next((r for r in rows if r[0] == step and int(r[1]) == n), None)
for n in sizes:
    csv, imp, re, py, vac, pub = (get(x, n) for x in ("CSV", "import", "re-import (no change)", "py_import.py", "VACUUM INTO", "publish"))
    print(f"\ntargets at {n:,} rows:")
    def line(what, figure, ok):
        print(f"  {what:52} {figure:>10}  {'met' if ok else 'not met'}")
    if imp and py:
        r = float(py[2]) / float(imp[2]); line("first import as fast as py_import.py (x its speed)", f"{r:.2f}x", r >= 1)
    if imp and csv:
        r = int(imp[5]) / int(csv[5]); line("archive at most 3x the CSV", f"{r:.2f}x", r <= 3)
    if imp and re:
        r = float(re[2]) / float(imp[2]); line("re-import at most half the first import", f"{r:.2f}x", r <= 0.5)
    anon = max((int(r[4]) for r in rows if int(r[1]) == n and r[0] not in ("CSV", "sqlite3 .import", "py_import.py", "VACUUM INTO")), default=0)
    line("allocated memory (RssAnon) under 200 MB, every step", f"{anon // 1024} MB", anon < 200 * 1024)
    if pub and vac:
        r = float(pub[2]) / float(vac[2]); line("publish at most 3x VACUUM INTO", f"{r:.1f}x", r <= 3)
    if pub and imp:
        r = int(pub[5]) / int(imp[5]); line("site no larger than the archive", f"{r:.2f}x", r <= 1)
if len(sizes) > 1:
    first, last = sizes[0], sizes[-1]
    print(f"\ngrowth from {first:,} to {last:,} rows (x{last / first:.1f} the rows): time ratio, bytes ratio")
    steps = []
    for r in rows:
        if r[0] not in steps and r[0] != "CSV": steps.append(r[0])
    for step in steps:
        a, b = get(step, first), get(step, last)
        if not a or not b or float(a[2]) == 0: continue
        ratio = float(b[2]) / float(a[2])
        size = f"{int(b[5]) / int(a[5]):.2f}" if a[5] and b[5] and int(a[5]) else "-"
        verdict = "linear or better" if ratio <= (last / first) * 1.15 else "faster than linear"
        print(f"{step:26} x{ratio:5.2f}  bytes x{size:>5}  {verdict}")
PY
