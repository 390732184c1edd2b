#!/usr/bin/env python3
"""Makes generated case rows importable by an importer that refuses rows
re-describing a person or case: every row of a person_ref takes the first
row's person columns, every row of a case_ref the first row's case columns,
and a second row for the same defendant in the same case is dropped.

    python3 duplicates_rows.py rows.csv > rows_normalised.csv

Streaming, standard library only; memory grows with the number of refs.
"""
import csv
import sys

PERSON = ["name", "name_variants", "sex", "birth", "birthplace"]
CASE = ["body", "body_kind", "category", "place", "trial_date"]


def main():
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        pi = [header.index(c) for c in PERSON]
        ci = [header.index(c) for c in CASE]
        cr, pr = header.index("case_ref"), header.index("person_ref")
        sys.stdout.reconfigure(newline="")
        out = csv.writer(sys.stdout, lineterminator="\r\n")
        out.writerow(header)
        persons, cases, pairs = {}, {}, set()
        for row in reader:
            pair = (row[cr], row[pr])
            if pair in pairs:
                continue
            pairs.add(pair)
            for refs, index, key in ((persons, pi, row[pr]), (cases, ci, row[cr])):
                known = refs.get(key)
                if known is None:
                    refs[key] = tuple(row[i] for i in index)
                else:
                    for i, value in zip(index, known):
                        row[i] = value
            out.writerow(row)


if __name__ == "__main__":
    main()
