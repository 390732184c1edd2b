-- Search indexes, both derived from the records and never edited by hand.
--
-- name_key: the search keys of every name (see Sources/Dossier/Names):
-- folded Latin forms, cross-transliteration keys and typo-tolerant keys,
-- computed by the SQL function dossier_name_keys(name), which returns a
-- JSON array. dossier registers it on every connection it opens, so these
-- triggers keep the index complete whichever command writes a name
-- (add, import, edit, merge, revert).
CREATE TABLE name_key (
    key TEXT NOT NULL,
    name_id INTEGER NOT NULL REFERENCES person_name(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL,
    PRIMARY KEY (key, name_id)
) WITHOUT ROWID;
CREATE INDEX name_key_name ON name_key(name_id);

CREATE TRIGGER person_name_keys_insert AFTER INSERT ON person_name BEGIN
    INSERT OR IGNORE INTO name_key (key, name_id, person_id)
    SELECT value, NEW.id, NEW.person_id FROM json_each(dossier_name_keys(NEW.name));
END;

CREATE TRIGGER person_name_keys_update AFTER UPDATE OF name, person_id ON person_name BEGIN
    DELETE FROM name_key WHERE name_id = OLD.id;
    INSERT OR IGNORE INTO name_key (key, name_id, person_id)
    SELECT value, NEW.id, NEW.person_id FROM json_each(dossier_name_keys(NEW.name));
END;

INSERT OR IGNORE INTO name_key (key, name_id, person_id)
SELECT j.value, n.id, n.person_id FROM person_name n, json_each(dossier_name_keys(n.name)) j;

-- search_text: full text of each defendant's record (charges as written
-- and normalised, charge descriptions, outcome and sentence wording,
-- notes, and the case's title, body, place and notes), one row per
-- defendant with rowid = defendant.id. Triggers only mark defendants
-- whose text changed in search_dirty; dossier rebuilds their rows at the
-- end of each write transaction, set-wise, so a bulk import does not
-- rewrite a row once per charge.
CREATE VIRTUAL TABLE search_text USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE search_dirty (defendant_id INTEGER PRIMARY KEY);

CREATE VIEW defendant_search_text AS
SELECT d.id AS defendant_id,
       trim(coalesce(d.charge_text, '') || ' ' || coalesce(d.outcome_text, '') || ' '
            || coalesce(d.sentence, '') || ' ' || coalesce(d.notes, '') || ' '
            || coalesce(p.title, '') || ' ' || coalesce(p.body, '') || ' '
            || coalesce(p.place, '') || ' ' || coalesce(p.notes, '') || ' '
            || coalesce((SELECT group_concat(c.raw || ' ' || c.ref || ' ' || coalesce(c.description, ''), ' ')
                         FROM charge c WHERE c.defendant_id = d.id), '')) AS text
FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id;

CREATE TRIGGER defendant_search_insert AFTER INSERT ON defendant BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES (NEW.id);
END;
CREATE TRIGGER defendant_search_update AFTER UPDATE ON defendant BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES (NEW.id);
END;
CREATE TRIGGER defendant_search_delete AFTER DELETE ON defendant BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES (OLD.id);
END;
CREATE TRIGGER charge_search_insert AFTER INSERT ON charge BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES (NEW.defendant_id);
END;
CREATE TRIGGER charge_search_update AFTER UPDATE ON charge BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES (OLD.defendant_id);
    INSERT OR IGNORE INTO search_dirty VALUES (NEW.defendant_id);
END;
CREATE TRIGGER charge_search_delete AFTER DELETE ON charge BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES (OLD.defendant_id);
END;
CREATE TRIGGER proceeding_search_update AFTER UPDATE OF title, body, place, notes ON proceeding BEGIN
    INSERT OR IGNORE INTO search_dirty SELECT id FROM defendant WHERE proceeding_id = NEW.id;
END;

INSERT INTO search_text (rowid, text) SELECT defendant_id, text FROM defendant_search_text;
