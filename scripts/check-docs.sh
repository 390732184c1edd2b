#!/usr/bin/env bash
# Guards for the documentation, run by .ci/run: no merge-conflict markers in
# any tracked text file, no pointer to ../shared in the README or docs/, and
# a README of at most 300 lines.
# A conflict marker is a line starting with seven `<`, `>` or `|` and then a
# space or the end of the line, or a line of exactly seven `=` outside a
# fenced code block of a Markdown file. Exit 1 with the places found, 0 when clean.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "check-docs: not a git checkout; skipping the conflict-marker check" >&2
    files_cmd=(find . -path ./.build -prune -o -type f -print0)
else
    files_cmd=(git ls-files -z)
fi

status=0
"${files_cmd[@]}" | python3 -c '
import re, sys
marker = re.compile(rb"^(<{7}|>{7}|\|{7})( |$)")
found = 0
for name in sys.stdin.buffer.read().split(b"\0"):
    if not name:
        continue
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError:
        continue
    if b"\0" in data:
        continue  # binary
    markdown = name.endswith(b".md")
    fence = None
    for number, line in enumerate(data.split(b"\n"), 1):
        line = line.rstrip(b"\r")
        stripped = line.lstrip(b" ")
        if markdown and (stripped.startswith(b"```") or stripped.startswith(b"~~~")):
            if fence is None:
                fence = stripped[:3]
            elif stripped[:3] == fence and stripped.strip(b"`~ ") == b"":
                fence = None
        if marker.match(line) or (line == b"=" * 7 and fence is None):
            print("%s:%d: merge-conflict marker: %s" % (name.decode(errors="replace"), number,
                  line[:40].decode(errors="replace")))
            found += 1
sys.exit(1 if found else 0)
' || status=1

# The user's documentation points to nothing outside the repository.
if grep -n '\.\./shared' README.md docs/*.md; then
    echo "README.md or docs/ points to ../shared, a folder outside the repository"
    status=1
fi

lines=$(wc -l < README.md)
if [ "$lines" -gt 300 ]; then
    echo "README.md: $lines lines (expected at most 300; move the detail into docs/)"
    status=1
fi
[ "$status" = 0 ] && echo "check-docs: no conflict markers; README.md $lines lines"
exit "$status"
