#!/usr/bin/env python3
"""Drops the rows of a gen.py case-row CSV that describe an already seen
person or case differently (re-attestations from another source with other
name variants, say) or repeat a defendant of a case, so that `dossier import`
accepts the file while its importer insists on one description per ref and
one row per defendant per case.

    python3 stats_consistent.py rows.csv rows.consistent.csv [--limit N]

With --limit, stops after N kept rows (N defendants). Streaming; keeps one
small hash per person and case ref. Prints how many rows it kept and
dropped to stderr.
"""
import csv
import sys
import zlib

PERSON = ["name", "name_variants", "sex", "birth", "birthplace"]
CASE = ["body", "body_kind", "category", "place", "trial_date"]


def digest(row, columns):
    return zlib.crc32("\x1f".join(row[c] for c in columns).encode("utf-8"))


def main():
    source, target = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--limit" else None
    persons, cases, defendants = {}, {}, set()
    kept = dropped = 0
    with open(source, newline="", encoding="utf-8") as infile, \
            open(target, "w", newline="", encoding="utf-8") as outfile:
        reader = csv.DictReader(infile)
        writer = csv.DictWriter(outfile, fieldnames=reader.fieldnames, lineterminator="\r\n")
        writer.writeheader()
        for row in reader:
            p = digest(row, PERSON)
            c = digest(row, CASE)
            d = hash((row["case_ref"], row["person_ref"]))
            if (persons.setdefault(row["person_ref"], p) != p or cases.setdefault(row["case_ref"], c) != c
                    or d in defendants):
                dropped += 1
                continue
            defendants.add(d)
            writer.writerow(row)
            kept += 1
            if limit is not None and kept >= limit:
                break
    print(f"kept {kept:,} rows, dropped {dropped:,} that described a person or case differently or repeated a defendant",
          file=sys.stderr)


if __name__ == "__main__":
    main()
