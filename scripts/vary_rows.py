#!/usr/bin/env python3
"""Writes a changed copy of a flat CSV of case rows: about a third of the
defendants get another outcome, sentence, term and rehabilitation date;
nothing about cases or persons changes. Importing the copy over the
original updates those rows in place (the crash test's stand-in for an
edit). Rows of the same defendant in the same case change the same way.

    python3 scripts/vary_rows.py rows.csv changed.csv
"""
import csv
import hashlib
import sys

OUTCOMES = [("acquitted", "", ""), ("convicted", "8 years camp", "8"), ("dismissed", "", ""),
            ("released_without_trial", "", ""), ("convicted", "3 years exile", "3")]


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8", newline="") as handle, open(target, "w", encoding="utf-8", newline="") as out:
        reader = csv.reader(handle)
        writer = csv.writer(out, lineterminator="\r\n")
        header = next(reader)
        writer.writerow(header)
        column = {name: index for index, name in enumerate(header)}
        for row in reader:
            key = hashlib.sha1((row[column["case_ref"]] + "/" + row[column["person_ref"]]).encode()).digest()
            if key[0] % 3 == 0:
                outcome, sentence, term = OUTCOMES[key[1] % len(OUTCOMES)]
                row[column["outcome"]] = outcome
                for name, value in [("sentence", sentence), ("term_years", term), ("sentence_kind", ""),
                                    ("rehabilitated_date", f"19{56 + key[2] % 35}-{1 + key[3] % 12:02d}")]:
                    if name in column:
                        row[column[name]] = value
            writer.writerow(row)


if __name__ == "__main__":
    main()
