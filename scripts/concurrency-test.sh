#!/usr/bin/env bash
# Concurrency test: while one process imports a large file, other processes
# run `show`, `history`, `check`, `backup` and (when this build has them)
# `search` and `stats` in a loop. None may fail, and every read must see
# the archive as it was before the import or as it is after it (compared
# with the same command run before and after an uninterrupted import).
# Then two imports at once: both succeed one after the other, or one fails
# cleanly saying the archive is locked, and the archive holds exactly the
# work of those that succeeded.
#
#   scripts/concurrency-test.sh                 # 3,000 generated rows
#   scripts/concurrency-test.sh --rows 20000 --bin .build/release/dossier
set -euo pipefail

rows=3000
seed=11
bin=.build/debug/dossier
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "concurrency-test: unknown option $1" >&2; exit 64 ;;
    esac
done
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -x "$bin" ] || { echo "concurrency-test: no dossier at $bin (build first)" >&2; exit 1; }
work=$(mktemp -d)
failed=0
cleanup() { if [ $failed = 0 ]; then rm -rf "$work"; else echo "concurrency-test: kept $work" >&2; fi; }
trap cleanup EXIT
fail() { failed=1; echo "concurrency-test: $*" >&2; exit 1; }
cd "$work"

python3 "$here/gen_rows.py" --rows "$rows" --seed "$seed" --out rows.csv --sources-out sources.json
python3 "$here/vary_rows.py" rows.csv changed.csv
python3 "$here/gen_rows.py" --rows "$((rows / 3))" --seed "$((seed + 1))" --out more.csv
"$bin" init --db base.sqlite >/dev/null
"$bin" import sources.json --db base.sqlite >/dev/null
"$bin" import rows.csv --db base.sqlite >/dev/null

# What the readers look at: a case and a person the changed file updates.
pick() {
    python3 - "$@" <<'EOF'
import csv, hashlib, sys
with open("rows.csv", encoding="utf-8", newline="") as handle:
    reader = csv.DictReader(handle)
    for row in reader:
        key = hashlib.sha1((row["case_ref"] + "/" + row["person_ref"]).encode()).digest()
        if key[0] % 3 == 0:
            print(row["case_ref"], row["person_ref"], row["name"].split()[0])
            break
EOF
}
read -r case_ref person_ref surname < <(pick)
readers=("show $case_ref --format json" "show $person_ref" "show crash-source-001")
has() { "$bin" --help | grep -qE "^  $1 "; }
if has search; then readers+=("search --name $surname --format json --limit 20"); fi
if has stats; then readers+=("stats --format json"); fi

# Each reader's output before and after an uninterrupted import.
cp base.sqlite after.sqlite
"$bin" import changed.csv --db after.sqlite >/dev/null
for i in "${!readers[@]}"; do
    # shellcheck disable=SC2086
    "$bin" ${readers[$i]} --db base.sqlite > "before.$i" 2>&1 || fail "reader failed before the import: ${readers[$i]}"
    # shellcheck disable=SC2086
    "$bin" ${readers[$i]} --db after.sqlite > "after.$i" 2>&1 || fail "reader failed after the import: ${readers[$i]}"
done
cmp -s "before.0" "after.0" && fail "the changed file does not change $case_ref; the test would prove nothing"
before_digest=$(python3 "$here/fingerprint.py" base.sqlite)
after_digest=$(python3 "$here/fingerprint.py" after.sqlite)

# One import; meanwhile one reader process per command, each in a loop,
# and one that checks and backs up.
cp base.sqlite live.sqlite
rm -f done.flag
reader_loop() {  # index
    local i=$1 n=0
    while [ ! -e done.flag ]; do
        # shellcheck disable=SC2086
        if ! "$bin" ${readers[$i]} --db live.sqlite > "got.$i" 2>&1; then
            echo "fail: \`dossier ${readers[$i]}\` failed: $(head -c 300 "got.$i")"; return
        fi
        if cmp -s "got.$i" "before.$i"; then echo before
        elif cmp -s "got.$i" "after.$i"; then echo after
        else echo "fail: \`dossier ${readers[$i]}\` saw neither the archive before nor after the import"; return; fi
    done
}
keeper_loop() {
    local n=0
    while [ ! -e done.flag ]; do
        n=$((n + 1))
        "$bin" history --limit 1 --rows 1 --db live.sqlite > got.h 2>&1 || { echo "fail: history failed: $(head -c 300 got.h)"; return; }
        "$bin" check --db live.sqlite > got.h 2>&1 || { echo "fail: check failed: $(head -c 300 got.h)"; return; }
        echo check
        rm -f "copy$n.sqlite"
        "$bin" backup "copy$n.sqlite" --db live.sqlite > got.h 2>&1 || { echo "fail: backup failed: $(head -c 300 got.h)"; return; }
        local digest; digest=$(python3 "$here/fingerprint.py" "copy$n.sqlite")
        if [ "$digest" = "$before_digest" ]; then echo backup-before
        elif [ "$digest" = "$after_digest" ]; then echo backup-after
        else echo "fail: a backup taken during the import holds part of it"; return; fi
        rm -f "copy$n.sqlite"
    done
}
"$bin" import changed.csv --db live.sqlite > import.out 2>&1 &
importer=$!
loops=()
for i in "${!readers[@]}"; do reader_loop "$i" > "results.$i" & loops+=($!); done
keeper_loop > results.keeper & loops+=($!)
status=0
wait $importer || status=$?
touch done.flag
for pid in "${loops[@]}"; do wait "$pid"; done
[ $status = 0 ] || fail "the import failed while others read: $(cat import.out)"
if grep -h "^fail" results.*; then fail "a reader failed during the import (above)"; fi
reads=$(cat results.[0-9]* | wc -l)
saw_before=$(cat results.[0-9]* | grep -c "^before" || true)
saw_after=$(cat results.[0-9]* | grep -c "^after" || true)
checks=$(grep -c "^check" results.keeper || true)
backups=$(grep -c "^backup" results.keeper || true)
[ "$(python3 "$here/fingerprint.py" live.sqlite)" = "$after_digest" ] || fail "the import gave another result with readers around"
"$bin" check --db live.sqlite >/dev/null || fail "check failed after the import"
[ "$saw_before" -gt 0 ] || fail "no read happened while the import ran (make --rows larger)"
commands=$(for r in "${readers[@]}"; do echo "${r%% *}"; done | sort -u | tr '\n' ' ')
echo "concurrency-test: during one import of $rows changed rows: $reads reads in ${#readers[@]} parallel loops ($commands), $checks checks and $backups verified backups in another; none failed; $saw_before saw the archive before the import, $saw_after after it, none in between"

# Two imports at once, both orders of arrival, and a long one that makes
# the other give up.
two_imports() {  # label first-file second-file delay
    cp base.sqlite two.sqlite
    "$bin" import "$2" --db two.sqlite > one.out 2>&1 & local a=$!
    sleep "$4"
    "$bin" import "$3" --db two.sqlite > other.out 2>&1 & local b=$!
    local sa=0 sb=0
    wait $a || sa=$?
    wait $b || sb=$?
    if { [ $sa != 0 ] && ! grep -q "database is locked" one.out; } || { [ $sb != 0 ] && ! grep -q "database is locked" other.out; }; then
        fail "$1: an import failed without saying the archive was locked: $(cat one.out other.out)"
    fi
    "$bin" check --db two.sqlite >/dev/null || fail "check failed after two imports at once"
    # The archive holds exactly the work of the imports that succeeded.
    cp base.sqlite expected.sqlite
    [ $sa = 0 ] && "$bin" import "$2" --db expected.sqlite >/dev/null
    [ $sb = 0 ] && "$bin" import "$3" --db expected.sqlite >/dev/null
    local counts; counts=$(python3 "$here/fingerprint.py" --counts two.sqlite)
    [ "$counts" = "$(python3 "$here/fingerprint.py" --counts expected.sqlite)" ] \
        || fail "$1: the archive does not hold exactly the work of the imports that succeeded"
    echo "concurrency-test: two imports at once ($1): first exit $sa, second exit $sb$( [ $sb != 0 ] && echo " ($(head -n 1 other.out))"); archive passes check and holds the work of each import that succeeded"
}
two_imports "serialised" changed.csv more.csv 0.2

# A writer that holds the archive longer than the busy timeout (5 s): the
# import gives up with a clear message and writes nothing.
cp base.sqlite held.sqlite
python3 -c '
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
time.sleep(7)
db.execute("ROLLBACK")
' held.sqlite &
holder=$!
sleep 0.5
status=0
"$bin" import more.csv --db held.sqlite > held.out 2>&1 || status=$?
wait $holder
{ [ $status = 1 ] && grep -q "database is locked" held.out; } || fail "an import blocked for too long did not fail cleanly: exit $status: $(cat held.out)"
[ "$(python3 "$here/fingerprint.py" held.sqlite)" = "$before_digest" ] || fail "an import that gave up wrote something"
echo "concurrency-test: an import blocked by another writer for 7 s gave up after the 5 s busy timeout, wrote nothing, and said: $(head -n 1 held.out)"
echo "concurrency-test: ok"
