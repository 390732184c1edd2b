#!/usr/bin/env bash
# Crash test: kill -9 `dossier` at random moments while it imports a file,
# while it re-imports a changed copy (updates in place), while `edit` saves
# a changed document of the largest case, and while it reverts the import. After every kill, `dossier check`
# must pass and the archive must hold all or none of that command's work:
# its digest (scripts/fingerprint.py) must equal the one before the command
# or the one after an uninterrupted run.
#
#   scripts/crash-test.sh                       # 20 kills per command (10 for the update), 1,000 generated rows
#   scripts/crash-test.sh --kills 50 --rows 20000 --bin .build/release/dossier
#   scripts/crash-test.sh --gen /path/to/bench  # rows from bench/gen.py and gen_sources.py instead
#
# Prints one line per command and a total; exits 1 at the first failure,
# keeping the archive that failed.
set -euo pipefail

kills=20
rows=1000
seed=7
bin=.build/debug/dossier
gen=""
gen_args="--dup-rate 0 --repeat-rate 0 --n-sources 500"
while [ $# -gt 0 ]; do
    case "$1" in
        --kills) kills=$2; shift 2 ;;
        --rows) rows=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --gen) gen=$2; shift 2 ;;
        --gen-args) gen_args=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "crash-test: unknown option $1" >&2; exit 64 ;;
    esac
done
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -x "$bin" ] || { echo "crash-test: no dossier at $bin (build first)" >&2; exit 1; }
work=$(mktemp -d)
failed=0
cleanup() { if [ $failed = 0 ]; then rm -rf "$work"; else echo "crash-test: kept $work" >&2; fi; }
trap cleanup EXIT
RANDOM=$seed

cd "$work"
if [ -n "$gen" ]; then
    python3 "$gen/gen_sources.py" --seed 42 --n 500 --out sources.json
    # shellcheck disable=SC2086
    python3 "$gen/gen.py" --rows "$rows" --seed "$seed" $gen_args --out rows.csv
else
    python3 "$here/gen_rows.py" --rows "$rows" --seed "$seed" --big-case "$((rows / 2))" --out rows.csv --sources-out sources.json
fi
python3 "$here/vary_rows.py" rows.csv changed.csv

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
fingerprint() { python3 "$here/fingerprint.py" "$1"; }
fresh_copy() { rm -f "$2" "$2-wal" "$2-shm"; cp "$1" "$2"; }

"$bin" init --db base.sqlite >/dev/null
"$bin" import sources.json --db base.sqlite >/dev/null

# One uninterrupted run of a command: its duration and the digest after.
reference() {  # name from-archive to-archive command...
    local from=$2 to=$3; shift 3
    fresh_copy "$from" "$to"
    local start; start=$(now_ms)
    "$bin" "$@" --db "$to" >/dev/null
    echo $(( $(now_ms) - start ))
}

total=0
crash_series() {  # kills name from-archive expected-after duration-ms command...
    local kills=$1 name=$2 from=$3 after=$4 duration=$5; shift 5
    local before; before=$(fingerprint "$from")
    local none=0 all=0 i
    for i in $(seq 1 "$kills"); do
        fresh_copy "$from" w.sqlite
        "$bin" "$@" --db w.sqlite >/dev/null 2>&1 &
        local pid=$!
        local wait_ms=$(( (RANDOM * 32768 + RANDOM) % (duration * 12 / 10 + 1) ))
        sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        if ! "$bin" check --db w.sqlite > check.txt 2>&1; then
            failed=1
            echo "crash-test: $name: after a kill at ${wait_ms} ms, dossier check failed:" >&2
            cat check.txt >&2
            cp w.sqlite* "$work/.." 2>/dev/null || true
            exit 1
        fi
        local got; got=$(fingerprint w.sqlite)
        if [ "$got" = "$before" ]; then none=$((none + 1))
        elif [ "$got" = "$after" ]; then all=$((all + 1))
        else
            failed=1
            echo "crash-test: $name: after a kill at ${wait_ms} ms the archive holds part of the work:" >&2
            python3 "$here/fingerprint.py" --counts w.sqlite >&2
            exit 1
        fi
        total=$((total + 1))
    done
    echo "crash-test: $name (${duration} ms uninterrupted): $kills kills, check passed after each; $none left the archive as before, $all complete, 0 partial"
}

d=$(reference import base.sqlite imported.sqlite import rows.csv)
crash_series "$kills" "import of $rows rows" base.sqlite "$(fingerprint imported.sqlite)" "$d" import rows.csv

d=$(reference update imported.sqlite updated.sqlite import changed.csv)
crash_series "$(( (kills + 1) / 2 ))" "re-import of a changed copy (updates)" imported.sqlite "$(fingerprint updated.sqlite)" "$d" import changed.csv

if "$bin" --help | grep -q "^  edit "; then
    # The case with the most defendants, as a document, with every
    # conviction turned into an acquittal.
    big=$(python3 -c "import csv, collections, sys; print(collections.Counter(r['case_ref'] for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))).most_common(1)[0][0])" rows.csv)
    "$bin" show "$big" --format yaml --db imported.sqlite > case.yaml
    sed 's/^\( *\)outcome: convicted/\1outcome: acquitted/' case.yaml > edited.yaml
    defendants=$(grep -c "^ *outcome: " case.yaml || true)
    changed=$(grep -c "^ *outcome: convicted" case.yaml || true)
    d=$(reference edit imported.sqlite edited.sqlite edit "$big" --file edited.yaml)
    crash_series "$kills" "edit of a case of $defendants defendants ($changed outcomes changed)" imported.sqlite "$(fingerprint edited.sqlite)" "$d" edit "$big" --file edited.yaml
fi

change=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT max(id) FROM change').fetchone()[0])" imported.sqlite)
d=$(reference revert imported.sqlite reverted.sqlite revert "$change")
crash_series "$kills" "revert of the import" imported.sqlite "$(fingerprint reverted.sqlite)" "$d" revert "$change"

echo "crash-test: ok: $total kills -9, every archive passed dossier check and held all or none of the interrupted command"
