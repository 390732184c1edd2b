-- Typo keys are kept once per surname key instead of once per name. They
-- were most of name_key (about nine of the eleven keys a name: 18 million
-- rows for 1.7 million names), and a common surname repeated the same nine
-- for each of its thousands of names. surname_typo maps each typo key to
-- the surname keys (`s:<cross key>:<class>`) it stands for; a query reads
-- its typo keys here, then the names of the surname keys found in
-- name_key. The rows are derived from the surname key alone
-- (dossier_surname_typo_keys); a row whose surname no name has any more
-- leads to nothing and is harmless.
CREATE TABLE surname_typo (
    key TEXT NOT NULL,
    surname TEXT NOT NULL,
    PRIMARY KEY (key, surname)
) WITHOUT ROWID;

INSERT OR IGNORE INTO surname_typo (key, surname)
SELECT j.value, s.key
FROM (SELECT DISTINCT key FROM name_key WHERE key >= 's:' AND key < 's;') s,
     json_each(dossier_surname_typo_keys(s.key)) j
ORDER BY 1, 2;

DELETE FROM name_key WHERE key < 's:' OR key >= 's;';

DROP TRIGGER person_name_keys_insert;
CREATE TRIGGER person_name_keys_insert AFTER INSERT ON person_name WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person_name' AND NEW.id >= b.first_id) BEGIN
    INSERT OR IGNORE INTO name_key (key, name_id, person_id)
    SELECT value, NEW.id, NEW.person_id FROM json_each(dossier_name_keys(NEW.name));
    INSERT OR IGNORE INTO surname_typo (key, surname)
    SELECT t.value, k.value FROM json_each(dossier_name_keys(NEW.name)) k, json_each(dossier_surname_typo_keys(k.value)) t;
END;

DROP TRIGGER person_name_keys_update;
CREATE TRIGGER person_name_keys_update AFTER UPDATE OF name, person_id ON person_name WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person_name' AND NEW.id >= b.first_id) BEGIN
    DELETE FROM name_key WHERE name_id = OLD.id;
    INSERT OR IGNORE INTO name_key (key, name_id, person_id)
    SELECT value, NEW.id, NEW.person_id FROM json_each(dossier_name_keys(NEW.name));
    INSERT OR IGNORE INTO surname_typo (key, surname)
    SELECT t.value, k.value FROM json_each(dossier_name_keys(NEW.name)) k, json_each(dossier_surname_typo_keys(k.value)) t;
END;
