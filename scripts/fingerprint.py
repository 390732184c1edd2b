#!/usr/bin/env python3
"""Prints a digest of everything an archive holds: every record table, the
changes (without their times) and the history. Two archives with the same
digest hold the same data. Opens the file read-only.

    python3 scripts/fingerprint.py archive.sqlite
    python3 scripts/fingerprint.py --counts archive.sqlite   # rows per table instead
"""
import hashlib
import sqlite3
import sys

TABLES = ["proceeding", "person", "person_name", "defendant", "charge", "event", "source", "citation"]
QUERIES = [(t, f"SELECT * FROM {t} ORDER BY id") for t in TABLES] + [
    ("change", "SELECT id, command, summary, reverts FROM change ORDER BY id"),
    ("history", "SELECT id, change_id, table_name, row_id, op, before, after FROM history ORDER BY id"),
    ("history_range", "SELECT id, change_id, table_name, first_id, last_id FROM history_range ORDER BY id"),
]


def main():
    args = sys.argv[1:]
    counts = "--counts" in args
    path = [a for a in args if a != "--counts"][0]
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    digest = hashlib.sha256()
    out = []
    for table, sql in QUERIES:
        n = 0
        for row in db.execute(sql):
            n += 1
            digest.update(repr(row).encode())
        digest.update(f"#{table}:{n}".encode())
        out.append(f"{table}={n}")
    db.close()
    print(" ".join(out) if counts else digest.hexdigest())


if __name__ == "__main__":
    main()
