-- Surname search keys are now filed under the first class of the given
-- name (`s:<cross key>:<class>` instead of `s:<cross key>`), so a query
-- with a given name reads only the names that can agree with it instead of
-- every name with a common surname. The keys are derived data: the table
-- is built again from every stored name with the current
-- dossier_name_keys (the triggers of 0003 and 0004 write to it by name).
DROP TABLE name_key;

-- No foreign key on name_id: checking it cost most of the time of writing
-- the keys of a bulk import (one parent lookup per key, ten keys a name).
-- The trigger below deletes a name's keys with it, as ON DELETE CASCADE did
-- (it fires for names deleted by the cascade from person too).
CREATE TABLE name_key (
    key TEXT NOT NULL,
    name_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    PRIMARY KEY (key, name_id)
) WITHOUT ROWID;

CREATE TRIGGER person_name_keys_delete AFTER DELETE ON person_name BEGIN
    DELETE FROM name_key WHERE name_id = OLD.id;
END;

INSERT OR IGNORE INTO name_key (key, name_id, person_id)
SELECT j.value, n.id, n.person_id FROM person_name n, json_each(dossier_name_keys(n.name)) j
ORDER BY 1, 2;

CREATE INDEX name_key_name ON name_key(name_id);
