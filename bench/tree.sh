#!/usr/bin/env bash
# Tree benchmark: an archive of generated cases written as a tree of YAML
# files (`dossier export --tree`), kept in git, and read back (`dossier
# import DIR`), on the release build.
#
#   bench/tree.sh [--cases N] [--workdir DIR] [--full]
#
# Prints wall seconds, CPU seconds (user + system) and peak resident memory
# (GNU time) for: export --tree into an empty folder; git add and commit of
# the tree; import of the tree into the archive it came from (nothing
# changed); 1% of the case files edited, then `git status` and `git diff`;
# the import of that tree (1% changed). With --full also: export --tree
# again (nothing changed), check --tree, and the import into an empty
# archive. On a shared machine the CPU seconds are the steadier figure.
# Needs ../shared/bench (gen.py, gen_sources.py) beside the repository, or
# BENCH_DIR pointing at it; python3, git, sqlite3, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=100000
work=""
full=0
while [ $# -gt 0 ]; do
    case "$1" in
        --cases) cases=$2; shift 2 ;;
        --workdir) work=$2; shift 2 ;;
        --full) full=1; shift ;;
        *) echo "usage: bench/tree.sh [--cases N] [--workdir DIR] [--full]" >&2; exit 64 ;;
    esac
done
bench=${BENCH_DIR:-../shared/bench}
[ -f "$bench/gen.py" ] || { echo "bench: no $bench/gen.py (set BENCH_DIR)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
command -v git >/dev/null || { echo "bench: needs git" >&2; exit 1; }
work=${work:-$(mktemp -d)}
mkdir -p "$work"
csv="$work/cases_$cases.csv"
sources="$work/sources.json"
n_sources=5000

if [ ! -s "$csv" ]; then
    echo "bench: generating $cases cases (gen.py --seed 1)" >&2
    # About 2.8 rows a case; keep the rows of the first $cases cases.
    python3 "$bench/gen.py" --rows $(( cases * 3 + 1000 )) --seed 1 --n-sources $n_sources --out "$work/rows.csv"
    python3 - "$work/rows.csv" "$csv" "$cases" <<'PY'
import csv, sys
source, target, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
seen = set()
with open(source, newline='', encoding='utf-8') as f, open(target, 'w', newline='', encoding='utf-8') as out:
    reader = csv.reader(f)
    writer = csv.writer(out, lineterminator='\r\n')
    header = next(reader)
    writer.writerow(header)
    index = header.index('case_ref')
    for row in reader:
        ref = row[index]
        if ref not in seen:
            if len(seen) >= limit:
                continue
            seen.add(ref)
        writer.writerow(row)
PY
    rm -f "$work/rows.csv"
fi
if [ ! -s "$sources" ]; then
    python3 "$bench/gen_sources.py" --seed 42 --n $n_sources --out "$sources" >/dev/null
fi
echo "bench: building dossier (release)" >&2
swift build -c release --product dossier 2>&1 | tail -n 1 >&2
dossier=$(swift build -c release --show-bin-path)/dossier

# Runs a command under GNU time and prints "name  wall s  CPU s  peak MB".
timed() {
    local name=$1; shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out.$name" 2>"$work/err.$name" || {
        echo "bench: $name failed:" >&2; tail -n 5 "$work/err.$name" >&2; exit 1; }
    read -r seconds user system kb < <(tail -n 1 "$work/time")
    printf '%-36s %8.1f s wall %8.1f s CPU %6d MB\n' "$name" "$seconds" "$(awk "BEGIN { print $user + $system }")" $(( kb / 1024 ))
}
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.org

db="$work/archive.sqlite"
tree="$work/tree"
rm -rf "$db" "$db-wal" "$db-shm" "$tree" "$work/empty.sqlite"*
"$dossier" import "$sources" "$csv" --db "$db" >/dev/null
echo "archive: $(sqlite3 "$db" "SELECT (SELECT count(*) FROM proceeding) || ' cases, ' || (SELECT count(*) FROM defendant) || ' defendants, ' || (SELECT count(*) FROM person) || ' persons, ' || (SELECT count(*) FROM source) || ' sources'")"
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(git --version); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"

timed "export --tree (new folder)" "$dossier" export --tree "$tree" --db "$db"
cat "$work/out.export --tree (new folder)"
echo "tree: $(find "$tree" -type f | wc -l) files, $(du -sm "$tree" | cut -f1) MB, largest folder $(find "$tree" -mindepth 2 -maxdepth 2 -type d -exec sh -c 'ls "$1" | wc -l' _ {} \; | sort -n | tail -n 1) files"
[ $full = 1 ] && timed "export --tree (nothing changed)" "$dossier" export --tree "$tree" --db "$db"
timed "git init + add + commit" sh -c "git -C '$tree' init -q && git -C '$tree' add -A && git -C '$tree' commit -q -m tree"
timed "import DIR (nothing changed)" "$dossier" import "$tree" --db "$db"
cat "$work/out.import DIR (nothing changed)"

# 1% of the case files: one field changed in each (the place).
python3 - "$tree" <<'PY'
import os, sys
root = os.path.join(sys.argv[1], 'cases')
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith('.yaml'))
changed = files[::100]
for path in changed:
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    for i, line in enumerate(lines):
        if line.startswith('place:'):
            lines[i] = 'place: checked against the file'
            break
    else:
        lines.insert(1, 'place: checked against the file')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
print(f"bench: edited {len(changed)} of {len(files)} case files", file=sys.stderr)
PY
timed "git status (1% changed)" git -C "$tree" status --porcelain
timed "git diff (1% changed)" git -C "$tree" diff
timed "import DIR (1% changed)" "$dossier" import "$tree" --db "$db"
cat "$work/out.import DIR (1% changed)"
if [ $full = 1 ]; then
    timed "check --tree" "$dossier" check --tree "$tree"
    timed "import DIR (into an empty archive)" "$dossier" import "$tree" --db "$work/empty.sqlite"
fi
echo "work folder: $work"
