#!/usr/bin/env bash
# Exports the fixtures' sources in every citation format and checks the
# files with real clients: pandoc's citeproc (Chicago full-note style),
# bibtexparser, rispy and the CSL-JSON schema, through the shared
# citation-export validator (validate.py; see its README).
#
# The validator is not part of this repository. It is looked for in
# $DOSSIER_VALIDATE_DIR, else in ../shared/validate beside the project; when
# it is absent this script says so and exits 0.
#
# Usage: scripts/validate-citations.sh [--keep DIR]
#   --keep DIR   write the exports and the report to DIR (kept afterwards)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

validate_dir=${DOSSIER_VALIDATE_DIR:-$root/../shared/validate}
if [ ! -f "$validate_dir/validate.py" ]; then
    echo "validate-citations: skipped: no validator at $validate_dir/validate.py" \
         "(set DOSSIER_VALIDATE_DIR to the directory holding validate.py)"
    exit 0
fi
for tool in pandoc python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "validate-citations: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
python3 -c 'import bibtexparser, rispy, jsonschema' 2>/dev/null || {
    echo "validate-citations: missing Python packages (pip install 'bibtexparser>=2' rispy jsonschema)" >&2; exit 1; }

if [ "${1:-}" = "--keep" ] && [ -n "${2:-}" ]; then
    out=$2
    mkdir -p "$out"
else
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi

dossier() { swift run --skip-build dossier "$@"; }
db="$out/fixtures.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
dossier tour --db "$db" > /dev/null

# Every source key, and every case and person ref, of the fixtures.
dossier --db "$db" sources --format json > "$out/sources.json"
mapfile -t keys < <(python3 -c 'import json,sys; [print(s["key"]) for s in json.load(open(sys.argv[1]))]' "$out/sources.json")
mapfile -t refs < <(python3 - "$db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (ref,) in db.execute("SELECT ref FROM proceeding UNION ALL SELECT ref FROM person ORDER BY 1"):
    print(ref)
EOF
)
echo "validate-citations: ${#keys[@]} sources, ${#refs[@]} case and person refs"
source_args=()
for key in "${keys[@]}"; do source_args+=(--source "$key"); done

# The sources in every style; the citations of every record with their
# locators (as CSL cite items) beside the CSL-JSON.
dossier --db "$db" cite "${source_args[@]}" --style csl-json > "$out/sources.csl.json"
dossier --db "$db" cite "${source_args[@]}" --style bibtex > "$out/sources-bibtex.bib"
dossier --db "$db" cite "${source_args[@]}" --style biblatex > "$out/sources-biblatex.bib"
dossier --db "$db" cite "${source_args[@]}" --style ris > "$out/sources.ris"
dossier --db "$db" cite "${refs[@]}" --style csl-json --locators "$out/citations.json" > "$out/cited.csl.json"
for style in chicago-note chicago-bib; do
    dossier --db "$db" cite "${refs[@]}" "${source_args[@]}" --style "$style" > "$out/$style.md"
done

# Every record's notes print; none is empty or carries TeX debris.
python3 - "$out" <<'EOF'
import re, sys
out = sys.argv[1]
bad = 0
for name in ("chicago-note.md", "chicago-bib.md"):
    lines = open(f"{out}/{name}", encoding="utf-8").read().splitlines()
    if not lines:
        print(f"validate-citations: {name} is empty"); bad += 1
    for n, line in enumerate(lines, 1):
        if name == "chicago-note.md" and not re.match(r"^\d+\. \S", line):
            print(f"validate-citations: {name}:{n}: not a numbered note: {line}"); bad += 1
        if re.search(r"[\\{}]|\?\?|\ufffd", line):
            print(f"validate-citations: {name}:{n}: TeX debris or ??: {line}"); bad += 1
sys.exit(1 if bad else 0)
EOF

# The validator wants, per key, the locator of a first and of a later note:
# take the first two locators each source is cited with.
python3 - "$out/citations.json" "$out/locators.json" <<'EOF'
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
locators = {}
for item in items:
    text = item.get("pandoc", "")
    loc = text[text.index(",") + 2:-1] if ", " in text else ""
    locators.setdefault(item["id"], [])
    if loc and len(locators[item["id"]]) < 2:
        locators[item["id"]].append(loc)
for key, locs in locators.items():
    locators[key] = (locs + locs[:1] + ["", ""])[:2]
json.dump(locators, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(f"validate-citations: {len(items)} citations, {sum(1 for v in locators.values() if v[0])} sources with locators")
EOF

status=0
python3 "$validate_dir/validate.py" \
    --csl-json "$out/sources.csl.json" \
    --bibtex "$out/sources-bibtex.bib" --bib-dialect bibtex \
    --ris "$out/sources.ris" \
    --locators "$out/locators.json" \
    --json-report "$out/report.json" > "$out/report.txt" 2>&1 || status=$?
python3 "$validate_dir/validate.py" \
    --biblatex "$out/sources-biblatex.bib" \
    --locators "$out/locators.json" \
    --json-report "$out/report-biblatex.json" > "$out/report-biblatex.txt" 2>&1 || status=$?
# Every error; warnings (advisory: missing data such as an undated web
# page, fields a format cannot carry) counted by kind.
python3 - "$out/report.json" "$out/report-biblatex.json" <<'EOF'
import collections, json, re, sys
for path in sys.argv[1:]:
    report = json.load(open(path, encoding="utf-8"))
    kinds = collections.Counter()
    for section in report["sections"]:
        for error in section["errors"]:
            print(f"  ERROR  [{section['title']}] {error}")
        for warning in section["warnings"]:
            kind = re.sub(r"^(line \d+|\S+): ", "", warning)
            kind = re.split(r"[='\[(]", kind)[0].strip()
            kinds[f"[{section['title'].split(':')[0]}] {kind}"] += 1
    for kind, count in kinds.most_common():
        print(f"  {count:4d} x WARN {kind}")
EOF
grep -h "^SUMMARY" "$out/report.txt" "$out/report-biblatex.txt"
if [ "$status" -ne 0 ]; then
    echo "validate-citations: FAILED (status $status); full reports: $out/report.txt, $out/report-biblatex.txt" >&2
    [ "${1:-}" = "--keep" ] || { tail -n 60 "$out/report.txt"; }
    exit 1
fi
echo "validate-citations: ok"
