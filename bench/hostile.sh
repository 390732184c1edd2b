#!/usr/bin/env bash
# Hostile-input run of the readers the second round of limits covers: a
# CSV header cell, a name and a date of 10 MB, 100,000 columns, JSON nested
# 100,000 deep, CSL-JSON items without ids that all make one citation key,
# a name query of one long word, a search of 10,000 words and a tree file of
# 100,000 keys. Each runs under /usr/bin/time with a timeout; prints wall
# and CPU time, peak memory and the exit status, and the first line of what
# dossier said.
#
#   bench/hostile.sh [debug|release]     (default: debug; release takes 20+ minutes to build)
#
# Work files go to $DOSSIER_BENCH_WORK (else a temporary directory);
# $DOSSIER_BENCH_TIMEOUT is the timeout per input in seconds (default 60).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${DOSSIER_BENCH_WORK:-${TMPDIR:-/tmp}/dossier-bench}/hostile
configuration=${1:-debug}
limit=${DOSSIER_BENCH_TIMEOUT:-60}
mkdir -p "$work"
cd "$root"
swift build -c "$configuration" --product dossier >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/dossier

python3 - "$work" <<'EOF'
import json, os, sys
work = sys.argv[1]
def put(name, text):
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write(text)
big = "Вымыслов" * (10 * 1024 * 1024 // 16)
put("header-cell-10mb.csv", "x" * (10 * 1024 * 1024) + ",case_ref\nc1,x\n")
put("name-10mb.csv", "case_ref,person_ref,name\nc1,p1," + big + "\n")
put("name-word-984.csv", "case_ref,person_ref,name\nc1,p1," + "Вымыслов" * 123 + " Петр\n")
put("birth-10mb.csv", "case_ref,person_ref,name,birth\nc1,p1,Вымыслов Петр," + "1" * (10 * 1024 * 1024) + "\n")
put("variants-20k.csv", "case_ref,person_ref,name,name_variants\nc1,p1,Вымыслов Петр,"
    + ";".join("Вымыслов%d" % i for i in range(20000)) + "\n")
put("columns-100k.csv", ",".join("c%d" % i for i in range(100000)) + "\n")
put("nested-100k.jsonl", '{"case_ref":"c","defendants":' + "[" * 100000 + "]" * 100000 + "}\n")
put("nested-100k.json", "[" * 100000 + "]" * 100000)
for n in (5000, 20000):
    put("items-without-ids-%d.json" % n, json.dumps([{"type": "book", "title": "Заглавие",
        "author": [{"family": "Вымыслов"}], "issued": {"date-parts": [[1937]]}}] * n))
os.makedirs(os.path.join(work, "tree/cases/00"), exist_ok=True)
put("tree/dossier-tree.yaml", "format: 1\ndefault_code: RSFSR-1926\n")
put("tree/cases/00/c-0.yaml", "case_ref: c-0\nbody_kind: troika\ncategory: political\n"
    + "".join("k%d: v\n" % i for i in range(100000)))
put("name-word-1k.txt", "tokarev" * 150)
put("words-10k.txt", " ".join(["Вым"] * 10000))
EOF

db="$work/hostile.sqlite"
run() {
    local label=$1; shift
    rm -f "$db" "$db-wal" "$db-shm"
    "$bin" init --db "$db" >/dev/null
    local status=0
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" timeout "$limit" "$@" > "$work/out" 2>&1 || status=$?
    read -r wall user sys peak < <(tail -n 1 "$work/time")
    [ "$status" = 124 ] && said="killed at the ${limit} s timeout" || said=$(head -n 1 "$work/out" | cut -c1-110)
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v m="$peak" -v x="$status" \
        'BEGIN { printf "%-44s %6.2f s (%.2f s CPU), %4d MB, exit %d\n", l, w, u + s, m / 1024, x }'
    echo "    $said"
}
run "CSV header cell of 10 MB" "$bin" --db "$db" import --dry-run "$work/header-cell-10mb.csv"
run "CSV name of 10 MB" "$bin" --db "$db" import "$work/name-10mb.csv"
run "CSV name, one word of 984 letters" "$bin" --db "$db" import "$work/name-word-984.csv"
run "CSV birth date of 10 MB" "$bin" --db "$db" import "$work/birth-10mb.csv"
run "CSV, 20,000 name variants in one cell" "$bin" --db "$db" import "$work/variants-20k.csv"
run "CSV of 100,000 columns" "$bin" --db "$db" import "$work/columns-100k.csv"
run "JSON Lines nested 100,000 deep" "$bin" --db "$db" import "$work/nested-100k.jsonl"
run "CSL-JSON nested 100,000 deep" "$bin" --db "$db" import "$work/nested-100k.json"
run "CSL-JSON, 5,000 items without ids" "$bin" --db "$db" import --dry-run "$work/items-without-ids-5000.json"
run "CSL-JSON, 20,000 items without ids" "$bin" --db "$db" import --dry-run "$work/items-without-ids-20000.json"
run "tree file of 100,000 keys" "$bin" check --tree "$work/tree"
run "search --name, one word of 1,050 letters" "$bin" --db "$db" search --name "$(cat "$work/name-word-1k.txt")"
run "search, 10,000 words" "$bin" --db "$db" search "$(cat "$work/words-10k.txt")"
