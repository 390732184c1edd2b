#!/usr/bin/env bash
# Serves a published site with Datasette's default settings (1 s per query)
# and times every page a reader opens first and every canned query: each
# fetched twice, both times printed, and a note when Datasette reports a
# query that took too long.
#
#   bench/site.sh SITE_DIR [PORT]        (SITE_DIR: what `dossier publish --out` wrote)
#
# Needs datasette on PATH (or $DATASETTE), sqlite3, curl and python3; loads the site's
# libDossierExtension when publish copied one (the query "A person by any
# spelling" needs it).
set -uo pipefail
site=${1:?usage: bench/site.sh SITE_DIR [PORT]}
port=${2:-8799}
datasette=${DATASETTE:-datasette}
db="$site/archive.db"
[ -f "$db" ] || { echo "bench: no archive.db in $site" >&2; exit 2; }
command -v "$datasette" >/dev/null || { echo "bench: needs datasette (pip install datasette, or set DATASETTE)" >&2; exit 2; }
extension=()
[ -f "$site/libDossierExtension.so" ] && extension=(--load-extension "$site/libDossierExtension.so")
page=$(mktemp)
"$datasette" serve -i "$db" --metadata "$site/metadata.json" "${extension[@]}" -p "$port" >"$page.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$page" "$page.log"' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 1; done
one() { sqlite3 "$db" "$1" | head -n 1; }
case_ref=$(one "SELECT ref FROM proceeding ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM proceeding)")
source_key=$(one "SELECT key FROM source ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM source)")
surname=$(one "SELECT name FROM person_name ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM person_name)" | cut -d, -f1 | cut -d' ' -f1)
echo "$(sqlite3 "$db" "SELECT count(*) FROM defendant") defendants; case $case_ref, source $source_key, surname $surname"
quote() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
surname=$(quote "$surname"); case_ref=$(quote "$case_ref"); source_key=$(quote "$source_key")
for path in "" /defendant_view "/defendant_view?outcome=acquitted" "/defendant_view?_sort=decade" \
    "/defendant_view?_search=$surname" /case_view "/case_view?_search=$surname" /person_view \
    "/person_view?_search=$surname" /source_view /proceeding /person /person_name /defendant /charge /event \
    /source /citation "/person_by_name?name=$surname" "/case_page?case=$case_ref" \
    "/case_defendants?case=$case_ref" "/outcomes_by_decade?jurisdiction=RSFSR" \
    "/records_citing_source?source=$source_key"; do
    times=""
    for _ in 1 2; do
        times="$times $(curl -s -o "$page" -w '%{http_code} %{time_total}s' "http://127.0.0.1:$port/archive$path")"
    done
    note=$(grep -o 'took too long' "$page" | head -n 1)
    printf '%-60s%s %s\n' "/archive$path" "$times" "$note"
done
