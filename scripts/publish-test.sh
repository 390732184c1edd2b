#!/usr/bin/env bash
# End-to-end test of `dossier publish`: publishes the fixtures, serves them
# with Datasette on 127.0.0.1, checks the site over HTTP, and takes
# screenshots of two pages with headless Chromium.
#
#   scripts/publish-test.sh                 # run the checks
#   scripts/publish-test.sh --update-docs   # ... and copy the screenshots to docs/
#
# What it needs, it installs when missing: Datasette (from PyPI, into a
# virtual environment of a Python whose sqlite3 module can load extensions:
# Debian's python3 can, many pyenv or python.org builds cannot) and Debian's
# chromium. Every step has a time limit, and the server it starts is always
# stopped (trap).
#
# Exit status: 0 all passed; 1 a check of the site failed; 2 setup failed
# (install, build, publish, or the server did not start); 3 the site passed
# every HTTP check but the screenshot part failed, e.g. because Chromium
# could not be installed: the message says why. PUBLISH_TEST_SKIP_SCREENSHOT=1
# skips the screenshot part on purpose (it says so, and exits 0);
# CHROMIUM=PATH names the browser instead of looking for one.
set -uo pipefail
cd "$(dirname "$0")/.."

update_docs=false
[ "${1:-}" = "--update-docs" ] && update_docs=true

venv="${DOSSIER_DATASETTE_VENV:-.build/datasette-venv}"
work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-publish-test.XXXXXX")
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

say() { echo "publish-test: $*"; }
fail_setup() { say "SETUP FAILED: $*"; exit 2; }

as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo -n)
apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    export DEBIAN_FRONTEND=noninteractive
    if [ -z "${apt_updated:-}" ]; then
        timeout 300 "${as_root[@]}" apt-get update -qq >"$work/apt.log" 2>&1 || return 1
        apt_updated=1
    fi
    timeout 900 "${as_root[@]}" apt-get install -y -qq "$@" >>"$work/apt.log" 2>&1
}

# A Python whose sqlite3 module can load extensions (Datasette's
# --load-extension needs it).
can_load_extensions() {
    "$1" -c 'import sqlite3, sys; sys.exit(0 if hasattr(sqlite3.connect(":memory:"), "enable_load_extension") else 1)' 2>/dev/null
}

# --- Datasette -------------------------------------------------------------
if [ ! -x "$venv/bin/datasette" ] || ! can_load_extensions "$venv/bin/python"; then
    python=""
    for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ] && can_load_extensions "$candidate"; then python=$candidate; break; fi
    done
    if [ -z "$python" ]; then
        say "installing Debian's python3 (this Python's sqlite3 cannot load extensions)"
        apt_install python3 python3-venv || fail_setup "no Python that can load SQLite extensions, and apt-get failed (see above)"
        python=/usr/bin/python3
    fi
    rm -rf "$venv"
    if ! timeout 120 "$python" -m venv "$venv" >"$work/venv.log" 2>&1; then
        apt_install python3-venv && timeout 120 "$python" -m venv "$venv" >"$work/venv.log" 2>&1 \
            || { cat "$work/venv.log"; fail_setup "cannot create a virtual environment with $python"; }
    fi
    say "installing Datasette into $venv"
    timeout 600 "$venv/bin/pip" install -q 'datasette>=0.64,<1' >"$work/pip.log" 2>&1 \
        || { tail -n 20 "$work/pip.log"; fail_setup "pip install datasette failed"; }
fi
say "$("$venv/bin/datasette" --version) on Python $("$venv/bin/python" -c 'import platform, sqlite3; print(platform.python_version(), "with SQLite", sqlite3.sqlite_version)')"

# --- Build and publish -----------------------------------------------------
for product in dossier DossierExtension; do
    timeout 1200 swift build --product "$product" >"$work/build.log" 2>&1 \
        || { tail -n 20 "$work/build.log"; fail_setup "swift build --product $product failed"; }
done
bin=$(swift build --show-bin-path) || fail_setup "swift build --show-bin-path failed"
[ -x "$bin/dossier" ] || fail_setup "no dossier executable in $bin"
timeout 120 "$bin/dossier" tour --db "$work/fixtures.sqlite" >/dev/null || fail_setup "dossier tour failed"
timeout 120 "$bin/dossier" publish --db "$work/fixtures.sqlite" --out "$work/site" \
    --title "dossier fixtures" --license "CC BY 4.0" \
    --license-url "https://creativecommons.org/licenses/by/4.0/" || fail_setup "dossier publish failed"
extension=$(ls "$work/site"/libDossierExtension.* 2>/dev/null | head -n 1)
[ -n "$extension" ] || fail_setup "dossier publish did not copy the loadable extension"

# --- Serve -----------------------------------------------------------------
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
timeout 600 "$venv/bin/datasette" serve -i "$work/site/archive.db" --metadata "$work/site/metadata.json" \
    --load-extension "$extension" -h 127.0.0.1 -p "$port" >"$work/datasette.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do
    curl -sf --max-time 2 "$base/-/versions.json" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
done
curl -sf --max-time 5 "$base/-/versions.json" >/dev/null 2>&1 \
    || { cat "$work/datasette.log"; fail_setup "Datasette did not start on $base"; }
say "serving the published fixtures on $base"

# --- HTTP checks -----------------------------------------------------------
BASE="$base" timeout 120 "$venv/bin/python" - <<'PY'
import json, os, sys, urllib.error, urllib.parse, urllib.request

base = os.environ["BASE"]
passed = failed = 0

def get(path, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")

def rows(query, **params):
    status, body = get(f"/archive/{query}.json", _shape="array", **params)
    if status != 200:
        raise AssertionError(f"{query}: HTTP {status}: {body[:300]}")
    return json.loads(body)

def check(name, function):
    global passed, failed
    try:
        function()
        passed += 1
        print(f"  ok    {name}")
    except Exception as error:
        failed += 1
        print(f"  FAIL  {name}: {error}")

def person_by_name(spelling):
    def run():
        found = rows("person_by_name", name=spelling)
        assert found, f"no rows for {spelling!r}"
        top = found[0]
        assert top["person_ref"] == "p-tukhachevsky-mn", f"first is {top['person_ref']}"
        assert "tukhachevsky-1937" in (top["cases"] or ""), top["cases"]
        print(f"        {spelling!r} -> {top['name']} via {top['matched_name']!r}: {top['reason']} {top['score']}")
    return run

for spelling in ["Tuchatschewski", "Tukhachevksy", "Тухачевский М. Н.", "M. N. Tukhachevsky"]:
    check(f"name search {spelling!r} reaches Tukhachevsky", person_by_name(spelling))

def concurrent_name_searches():
    # Datasette runs queries on several threads, each connection with its
    # own copy of the extension loaded: answers must not depend on that.
    from concurrent.futures import ThreadPoolExecutor
    spellings = ["Tuchatschewski", "Jeschow", "Bucharin", "Mandelstam", "Toukhatchevski", "Radek"] * 4
    first = lambda text: rows("person_by_name", name=text)[0]["person_ref"]
    expected = {text: first(text) for text in set(spellings)}
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(first, spellings))
    assert answers == [expected[text] for text in spellings], answers
check("name searches in parallel agree", concurrent_name_searches)

def case_page():
    found = rows("case_page", case="tukhachevsky-1937")
    fields = {row["field"]: row["value"] for row in found}
    assert fields.get("Case") == "tukhachevsky-1937", fields
    assert len(fields["Defendants"].splitlines()) == 3, fields["Defendants"]
    assert "[confirmed]" in fields["Sources"], fields["Sources"]
check("one case as a record card", case_page)

def case_defendants():
    found = rows("case_defendants", case="Shakhty")
    assert len(found) == 5 and {row["case_ref"] for row in found} == {"shakhty-1928"}, found
    assert {row["outcome"] for row in found} == {"convicted", "acquitted"}
check("everyone tried in one case", case_defendants)

def outcomes_by_decade():
    found = rows("outcomes_by_decade")
    total = sum(row["defendants"] for row in found)
    status, body = get("/archive/defendant.json", _size=0)
    assert status == 200
    assert total == json.loads(body)["filtered_table_rows_count"], total
    shares = {}
    for row in found:
        shares[row["decade"]] = shares.get(row["decade"], 0) + row["share_percent"]
    assert all(abs(value - 100) < 0.5 for value in shares.values()), shares
    extrajudicial = rows("outcomes_by_decade", jurisdiction="extrajudicial")
    assert 0 < sum(row["defendants"] for row in extrajudicial) < total
check("outcomes by decade with shares", outcomes_by_decade)

def records_citing_source():
    found = rows("records_citing_source", source="conquest1990great")
    assert found and all(row["source_key"] == "conquest1990great" for row in found), found
    assert all(row["short_note"] and row["record_ref"] for row in found)
check("every record citing a source", records_citing_source)

def every_query_answers_json():
    status, body = get("/archive.json")
    assert status == 200
    names = [query["name"] for query in json.loads(body)["queries"]]
    assert set(names) >= {"person_by_name", "case_page", "case_defendants", "outcomes_by_decade", "records_citing_source"}, names
    for name in names:
        status, body = get(f"/archive/{name}.json")
        assert status == 200 and json.loads(body)["ok"], f"{name}: HTTP {status}"
check("every canned query answers as JSON", every_query_answers_json)

internals = ["history", "history_range", "change", "name_key", "search_dirty", "search_text", "schema_migration", "setting",
             "person_label", "source_note", "citation_note", "person_fts", "case_fts", "source_fts",
             "case_row", "defendant_row", "person_row", "source_row"]

def hidden_tables():
    status, body = get("/archive.json")
    tables = {table["name"]: table for table in json.loads(body)["tables"]}
    for name in internals:
        assert tables[name]["hidden"], f"{name} is not hidden"
    shown = sorted(name for name, table in tables.items() if not table["hidden"])
    assert shown == ["charge", "citation", "defendant", "event", "person", "person_name", "proceeding", "source"], shown
    status, html = get("/archive")
    for name in internals + ["defendant_search_text", "source_search_text"]:
        assert f'href="/archive/{name}"' not in html, f"{name} is listed on the database page"
    for name in ["case_view", "defendant_view", "person_view", "source_view"]:
        assert f'href="/archive/{name}"' in html, f"{name} is not listed"
    status, _ = get("/archive/defendant_search_text")
    assert status == 403, f"the internal view answers {status}"
check("internals are hidden", hidden_tables)

def facets_and_search():
    status, body = get("/archive/defendant_view.json", _size=1)
    facets = json.loads(body)["facet_results"]
    facets = facets.get("results", facets)
    assert {"outcome", "body_kind", "category", "decade", "place_name"} <= set(facets), sorted(facets)
    status, body = get("/archive/person_view.json", _search="Tuchatschewski", _shape="array")
    assert [row["ref"] for row in json.loads(body)] == ["p-tukhachevsky-mn"], body[:200]
    status, body = get("/archive/case_view.json", _search="Vyshinsky", _shape="array")
    assert "shakhty-1928" in [row["ref"] for row in json.loads(body)], body[:200]
check("facets and full-text search", facets_and_search)

def metadata_is_served():
    status, body = get("/-/metadata.json")
    metadata = json.loads(body)
    assert metadata["license"] == "CC BY 4.0" and metadata["source"], metadata.get("license")
    columns = metadata["databases"]["archive"]["tables"]["case_view"]["columns"]
    assert "citations" in columns and columns["citations"], columns
check("titles, licence, source and column descriptions", metadata_is_served)

print(f"publish-test http: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
http_status=$?
if [ $http_status -ne 0 ]; then
    say "HTTP checks FAILED; the server's log ends:"
    tail -n 20 "$work/datasette.log"
    exit 1
fi

# --- Screenshots -----------------------------------------------------------
if [ "${PUBLISH_TEST_SKIP_SCREENSHOT:-}" = 1 ]; then
    say "screenshot part SKIPPED (PUBLISH_TEST_SKIP_SCREENSHOT=1)"
    exit 0
fi
browser=""
find_browser() {
    if [ -n "${CHROMIUM:-}" ]; then
        [ -x "$CHROMIUM" ] && browser=$CHROMIUM
        return 0
    fi
    for name in chromium chromium-browser google-chrome; do
        if command -v "$name" >/dev/null 2>&1; then browser=$(command -v "$name"); return 0; fi
    done
    return 1
}
find_browser || true
if [ -n "${CHROMIUM:-}" ] && [ -z "$browser" ]; then
    say "SCREENSHOT PART FAILED: CHROMIUM=$CHROMIUM is not an executable. The HTTP checks above passed."
    exit 3
fi
if [ -z "$browser" ]; then
    say "installing Debian's chromium for the screenshots"
    apt_install chromium fonts-dejavu-core || true
    find_browser || true
    if [ -z "$browser" ]; then
        say "SCREENSHOT PART FAILED: Chromium is not installed and could not be installed"
        say "(apt-get install chromium failed; last lines of its log follow). The HTTP checks above passed."
        tail -n 5 "$work/apt.log" 2>/dev/null
        exit 3
    fi
fi
sandbox=()
[ "$(id -u)" = 0 ] && sandbox=(--no-sandbox)

# screenshot NAME URL WIDTH HEIGHT EXPECTED-TEXT
shots_failed=0
screenshot() {
    local name=$1 url=$2 width=$3 height=$4 expected=$5 png="$work/$1.png"
    local flags=(--headless "${sandbox[@]}" --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
                 --user-data-dir="$work/chromium-profile" --virtual-time-budget=3000)
    timeout 90 "$browser" "${flags[@]}" --window-size="$width,$height" --screenshot="$png" "$url" \
        >"$work/chromium-$name.log" 2>&1
    timeout 90 "$browser" "${flags[@]}" --dump-dom "$url" >"$work/$name.html" 2>>"$work/chromium-$name.log"
    local verdict
    verdict=$("$venv/bin/python" - "$png" "$width" "$height" "$work/$name.html" "$expected" <<'PY'
import struct, sys
png, width, height, dom, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
try:
    data = open(png, "rb").read()
except OSError:
    print("no PNG was written"); sys.exit(1)
if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
    print("not a PNG"); sys.exit(1)
w, h = struct.unpack(">II", data[16:24])
if (w, h) != (width, height):
    print(f"PNG is {w}x{h}, expected {width}x{height}"); sys.exit(1)
# A blank page of this size compresses to a few kilobytes; text does not.
if len(data) < 20000:
    print(f"PNG has only {len(data)} bytes: a blank page?"); sys.exit(1)
if expected not in open(dom, encoding="utf-8", errors="replace").read():
    print(f"the rendered page does not contain {expected!r}"); sys.exit(1)
print(f"{w}x{h} PNG, {len(data)} bytes, page shows {expected!r}")
PY
)
    if [ $? -eq 0 ]; then
        say "  ok    screenshot $name: $verdict"
        if $update_docs; then cp "$png" "docs/$name.png"; say "        copied to docs/$name.png"; fi
    else
        say "  FAIL  screenshot $name: $verdict"
        tail -n 5 "$work/chromium-$name.log"
        shots_failed=$((shots_failed + 1))
    fi
}
$update_docs && mkdir -p docs
screenshot case-view "$base/archive/case_page?case=tukhachevsky-1937" 1280 1500 "Тухачевский, Михаил Николаевич"
screenshot outcomes-by-decade "$base/archive/outcomes_by_decade" 1200 900 "share_percent"
if [ $shots_failed -gt 0 ]; then
    say "SCREENSHOT PART FAILED ($shots_failed of 2); the HTTP checks above passed."
    exit 3
fi
say "all passed"
