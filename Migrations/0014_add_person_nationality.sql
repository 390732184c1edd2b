-- A person's nationality as the source writes it (латыш, полька, German),
-- a column of its own instead of words in the notes: the national
-- operations of 1937-38 make it one of the first things counted.
-- Values are kept as written; grouping the forms of one nationality is the
-- program's work (`stats --by nationality`), not the schema's.
ALTER TABLE person ADD COLUMN nationality TEXT CHECK (nationality IS NULL OR nationality <> '');

-- The history triggers record every column of the row, so they are made
-- again with the new one.
DROP TRIGGER person_history_insert;
CREATE TRIGGER person_history_insert AFTER INSERT ON person WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'ref', NEW.ref, 'sex', NEW.sex, 'birth', NEW.birth, 'birth_lower', NEW.birth_lower, 'birth_upper', NEW.birth_upper, 'death', NEW.death, 'death_lower', NEW.death_lower, 'death_upper', NEW.death_upper, 'birthplace', NEW.birthplace, 'occupation', NEW.occupation, 'nationality', NEW.nationality, 'notes', NEW.notes));
END;

DROP TRIGGER person_history_update;
CREATE TRIGGER person_history_update AFTER UPDATE ON person WHEN (OLD.id IS NOT NEW.id OR OLD.ref IS NOT NEW.ref OR OLD.sex IS NOT NEW.sex OR OLD.birth IS NOT NEW.birth OR OLD.birth_lower IS NOT NEW.birth_lower OR OLD.birth_upper IS NOT NEW.birth_upper OR OLD.death IS NOT NEW.death OR OLD.death_lower IS NOT NEW.death_lower OR OLD.death_upper IS NOT NEW.death_upper OR OLD.birthplace IS NOT NEW.birthplace OR OLD.occupation IS NOT NEW.occupation OR OLD.nationality IS NOT NEW.nationality OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', NEW.id, 'update',
            json_object('id', OLD.id, 'ref', OLD.ref, 'sex', OLD.sex, 'birth', OLD.birth, 'birth_lower', OLD.birth_lower, 'birth_upper', OLD.birth_upper, 'death', OLD.death, 'death_lower', OLD.death_lower, 'death_upper', OLD.death_upper, 'birthplace', OLD.birthplace, 'occupation', OLD.occupation, 'nationality', OLD.nationality, 'notes', OLD.notes),
            json_object('id', NEW.id, 'ref', NEW.ref, 'sex', NEW.sex, 'birth', NEW.birth, 'birth_lower', NEW.birth_lower, 'birth_upper', NEW.birth_upper, 'death', NEW.death, 'death_lower', NEW.death_lower, 'death_upper', NEW.death_upper, 'birthplace', NEW.birthplace, 'occupation', NEW.occupation, 'nationality', NEW.nationality, 'notes', NEW.notes));
END;

DROP TRIGGER person_history_delete;
CREATE TRIGGER person_history_delete AFTER DELETE ON person WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', OLD.id, 'delete',
            json_object('id', OLD.id, 'ref', OLD.ref, 'sex', OLD.sex, 'birth', OLD.birth, 'birth_lower', OLD.birth_lower, 'birth_upper', OLD.birth_upper, 'death', OLD.death, 'death_lower', OLD.death_lower, 'death_upper', OLD.death_upper, 'birthplace', OLD.birthplace, 'occupation', OLD.occupation, 'nationality', OLD.nationality, 'notes', OLD.notes), NULL);
END;

CREATE INDEX person_nationality ON person(nationality) WHERE nationality IS NOT NULL;
