#!/usr/bin/env python3
"""Deterministic case rows in dossier's flat CSV format, for the crash and
concurrency tests (standard library only).

    python3 scripts/gen_rows.py --rows 3000 --seed 7 --out rows.csv --sources-out sources.json

With --big-case N the first case has N defendants (one large record for
`dossier edit`). The same options give the same rows. Each person appears once,
so no two rows disagree about a person or a case; every source_key is one
of the 40 sources written by --sources-out.
"""
import argparse
import csv
import json
import random
import sys

HEADER = ["case_ref", "person_ref", "name", "name_variants", "sex", "birth", "birthplace", "body",
          "body_kind", "category", "place", "trial_date", "charges", "charge_text", "outcome",
          "sentence", "term_years", "outcome_date", "executed_date", "rehabilitated_date",
          "source_key", "locator"]
SURNAMES = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Лебедев", "Козлов", "Новиков",
            "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев"]
GIVEN = ["Иван", "Пётр", "Николай", "Михаил", "Алексей", "Сергей", "Дмитрий", "Андрей"]
PLACES = ["Москва", "Ленинград", "Киев", "Минск", "Томск", "Омск", "Тифлис", "Харьков"]
BODIES = [("troika", "political", "NKVD troika"), ("special_board", "political", "Special Board of the NKVD"),
          ("military_collegium", "political", "Military Collegium of the Supreme Court"),
          ("regional_court", "criminal", "Regional court"), ("ordinary_court", "criminal", "People's court")]
CHARGES = ["58-10", "58-11", "58-6", "58-7", "58-1а", "58-8; 58-11", "КРД", "СОЭ", "107", "162"]
OUTCOMES = [("convicted", "10 years camp", "camp", "10"), ("convicted", "death", "death", ""),
            ("acquitted", "", "", ""), ("dismissed", "", "", ""), ("returned_for_investigation", "", "", ""),
            ("convicted", "5 years exile", "exile", "5")]


def sources(count):
    return [{"id": f"crash-source-{i:03d}", "type": "book", "title": f"Book of Memory, volume {i}",
             "issued": {"date-parts": [[1995 + i % 20]]}} for i in range(count)]


def rows(count, seed, big_case=0):
    rng = random.Random(seed)
    written = 0
    case_number = 0
    while written < count:
        case_number += 1
        kind, category, body = BODIES[rng.randrange(len(BODIES))]
        place = PLACES[rng.randrange(len(PLACES))]
        year = rng.randrange(1929, 1953)
        trial = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        case_ref = f"crash-{seed}-{case_number:06d}"
        for _ in range(big_case if case_number == 1 and big_case else rng.randrange(1, 5)):
            if written >= count:
                break
            written += 1
            surname = SURNAMES[rng.randrange(len(SURNAMES))]
            given = GIVEN[rng.randrange(len(GIVEN))]
            outcome, sentence, sentence_kind, term = OUTCOMES[rng.randrange(len(OUTCOMES))]
            charges = CHARGES[rng.randrange(len(CHARGES))]
            executed = trial if sentence_kind == "death" and rng.random() < 0.7 else ""
            rehabilitated = f"{rng.randrange(1956, 1992)}" if rng.random() < 0.4 else ""
            source = rng.randrange(40)
            page = rng.randrange(1, 700)
            yield [case_ref, f"crash-{seed}-p{written:07d}", f"{surname} {given}", f"{given} {surname}" if written % 3 == 0 else "",
                   "m" if written % 5 else "f", f"{rng.randrange(1870, 1920)}", place, f"{body}, {place}", kind, category,
                   place, trial, charges, "", outcome, sentence, term, trial if outcome != "returned_for_investigation" else "",
                   executed, rehabilitated, f"crash-source-{source:03d}", f"p. {page}"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="-")
    parser.add_argument("--sources-out")
    parser.add_argument("--big-case", type=int, default=0)
    args = parser.parse_args()
    if args.sources_out:
        with open(args.sources_out, "w", encoding="utf-8") as handle:
            json.dump(sources(40), handle, ensure_ascii=False, indent=1)
    handle = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="")
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(args.rows, args.seed, args.big_case):
        writer.writerow(row)
    if handle is not sys.stdout:
        handle.close()


if __name__ == "__main__":
    main()
