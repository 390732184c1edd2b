#!/usr/bin/env bash
# Memorial-notes import benchmark: repeats the invented fixture notes
# (Fixtures/memorial/*.txt) under numbered names until there are COPIES
# times 72 notes, imports them with a release build, imports them again
# (nothing changes), and prints CPU time, notes per CPU second, peak memory
# and the archive's size per note.
#
#   bench/memorial.sh [COPIES]        (default: 1400, i.e. 100,800 notes)
#
# Work files go to $DOSSIER_BENCH_WORK (else a temporary directory).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${DOSSIER_BENCH_WORK:-${TMPDIR:-/tmp}/dossier-bench}
copies=${1:-1400}
mkdir -p "$work"
cd "$root"
swift build -c release --product dossier >/dev/null
bin=$(swift build -c release --show-bin-path)
notes="$work/memorial_$copies.txt"
db="$work/memorial_$copies.sqlite"
if [ ! -f "$notes" ]; then
  for k in $(seq 1 "$copies"); do
    for f in Fixtures/memorial/notes.txt Fixtures/memorial/heldout.txt Fixtures/memorial/fresh.txt; do
      # The first line of each record (the name) gets the copy's number.
      awk -v k="$k" 'BEGIN { RS = ""; ORS = "\n\n" } { sub(/\n/, " " k "\n"); print }' "$f"
    done
  done > "$notes"
fi
count=$(awk 'BEGIN { RS = "" } END { print NR }' "$notes")
rm -f "$db" "$db-wal" "$db-shm"
for run in first again; do
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$bin/dossier" import "$notes" --format memorial --db "$db" > "$work/out"
  read -r user sys peak < "$work/time"
  echo "$run import of $count notes: $(head -n 1 "$work/out" | cut -c1-90)"
  awk -v n="$count" -v u="$user" -v s="$sys" -v m="$peak" \
    'BEGIN { printf "  %.1f s CPU (%.1f user, %.1f system), %.0f notes per CPU second, %d MB peak\n", u + s, u, s, n / (u + s), m / 1024 }'
done
size=$(stat -c %s "$db")
awk -v b="$size" -v n="$count" 'BEGIN { printf "archive: %.0f MB, %.1f KB per note\n", b / 1048576, b / n / 1024 }'
