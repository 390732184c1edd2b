-- How the places written in records were read against the gazetteer
-- (Fixtures/gazetteer.json, docs/places.md): derived rows, like the
-- search indexes, kept in step by the program at every change and by
-- `check --fix`. The text as written stays in proceeding.place and
-- person.birthplace; these rows add the place it names, when the
-- gazetteer can tell (place_id NULL: unresolved, with the candidates).
-- `read` is what the row was read from (gazetteer version, text, date):
-- a row whose record or gazetteer changed since is read again.

CREATE TABLE proceeding_place (
    proceeding_id INTEGER PRIMARY KEY REFERENCES proceeding(id) ON DELETE CASCADE,
    place_id TEXT,
    candidates TEXT,
    read TEXT NOT NULL
);
CREATE INDEX proceeding_place_by_place ON proceeding_place(place_id);

CREATE TABLE person_birthplace (
    person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
    place_id TEXT,
    candidates TEXT,
    read TEXT NOT NULL
);
CREATE INDEX person_birthplace_by_place ON person_birthplace(place_id);
