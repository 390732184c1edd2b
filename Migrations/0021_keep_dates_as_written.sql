-- The text a date was written in, beside the EDTF it was read as, when
-- it was not EDTF: a CSV cell `14 августа 1937 г.` is stored as
-- `1937-08-14` with `14 августа 1937 г.` as written. NULL when the date
-- was given as EDTF (or under --strict-dates).

ALTER TABLE person ADD COLUMN birth_as_written TEXT CHECK (birth_as_written IS NULL OR birth_as_written <> '');
ALTER TABLE person ADD COLUMN death_as_written TEXT CHECK (death_as_written IS NULL OR death_as_written <> '');
ALTER TABLE proceeding ADD COLUMN date_as_written TEXT CHECK (date_as_written IS NULL OR date_as_written <> '');
ALTER TABLE defendant ADD COLUMN outcome_date_as_written TEXT CHECK (outcome_date_as_written IS NULL OR outcome_date_as_written <> '');
ALTER TABLE event ADD COLUMN date_as_written TEXT CHECK (date_as_written IS NULL OR date_as_written <> '');

-- The history triggers record every column of the row, so they are made
-- again with the new ones, their bulk_load conditions as they were.

DROP TRIGGER person_history_insert;
CREATE TRIGGER person_history_insert AFTER INSERT ON person WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'ref', NEW.ref, 'sex', NEW.sex, 'birth', NEW.birth, 'birth_lower', NEW.birth_lower, 'birth_upper', NEW.birth_upper, 'birth_as_written', NEW.birth_as_written, 'death', NEW.death, 'death_lower', NEW.death_lower, 'death_upper', NEW.death_upper, 'death_as_written', NEW.death_as_written, 'birthplace', NEW.birthplace, 'occupation', NEW.occupation, 'nationality', NEW.nationality, 'notes', NEW.notes));
END;

DROP TRIGGER person_history_update;
CREATE TRIGGER person_history_update AFTER UPDATE ON person WHEN (OLD.id IS NOT NEW.id OR OLD.ref IS NOT NEW.ref OR OLD.sex IS NOT NEW.sex OR OLD.birth IS NOT NEW.birth OR OLD.birth_lower IS NOT NEW.birth_lower OR OLD.birth_upper IS NOT NEW.birth_upper OR OLD.birth_as_written IS NOT NEW.birth_as_written OR OLD.death IS NOT NEW.death OR OLD.death_lower IS NOT NEW.death_lower OR OLD.death_upper IS NOT NEW.death_upper OR OLD.death_as_written IS NOT NEW.death_as_written OR OLD.birthplace IS NOT NEW.birthplace OR OLD.occupation IS NOT NEW.occupation OR OLD.nationality IS NOT NEW.nationality OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', NEW.id, 'update',
            json_object('id', OLD.id, 'ref', OLD.ref, 'sex', OLD.sex, 'birth', OLD.birth, 'birth_lower', OLD.birth_lower, 'birth_upper', OLD.birth_upper, 'birth_as_written', OLD.birth_as_written, 'death', OLD.death, 'death_lower', OLD.death_lower, 'death_upper', OLD.death_upper, 'death_as_written', OLD.death_as_written, 'birthplace', OLD.birthplace, 'occupation', OLD.occupation, 'nationality', OLD.nationality, 'notes', OLD.notes),
            json_object('id', NEW.id, 'ref', NEW.ref, 'sex', NEW.sex, 'birth', NEW.birth, 'birth_lower', NEW.birth_lower, 'birth_upper', NEW.birth_upper, 'birth_as_written', NEW.birth_as_written, 'death', NEW.death, 'death_lower', NEW.death_lower, 'death_upper', NEW.death_upper, 'death_as_written', NEW.death_as_written, 'birthplace', NEW.birthplace, 'occupation', NEW.occupation, 'nationality', NEW.nationality, 'notes', NEW.notes));
END;

DROP TRIGGER person_history_delete;
CREATE TRIGGER person_history_delete AFTER DELETE ON person WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', OLD.id, 'delete',
            json_object('id', OLD.id, 'ref', OLD.ref, 'sex', OLD.sex, 'birth', OLD.birth, 'birth_lower', OLD.birth_lower, 'birth_upper', OLD.birth_upper, 'birth_as_written', OLD.birth_as_written, 'death', OLD.death, 'death_lower', OLD.death_lower, 'death_upper', OLD.death_upper, 'death_as_written', OLD.death_as_written, 'birthplace', OLD.birthplace, 'occupation', OLD.occupation, 'nationality', OLD.nationality, 'notes', OLD.notes), NULL);
END;

DROP TRIGGER proceeding_history_insert;
CREATE TRIGGER proceeding_history_insert AFTER INSERT ON proceeding WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'proceeding' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'ref', NEW.ref, 'title', NEW.title, 'body', NEW.body, 'body_kind', NEW.body_kind, 'category', NEW.category, 'place', NEW.place, 'date', NEW.date, 'date_lower', NEW.date_lower, 'date_upper', NEW.date_upper, 'date_as_written', NEW.date_as_written, 'notes', NEW.notes));
END;

DROP TRIGGER proceeding_history_update;
CREATE TRIGGER proceeding_history_update AFTER UPDATE ON proceeding WHEN (OLD.id IS NOT NEW.id OR OLD.ref IS NOT NEW.ref OR OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body OR OLD.body_kind IS NOT NEW.body_kind OR OLD.category IS NOT NEW.category OR OLD.place IS NOT NEW.place OR OLD.date IS NOT NEW.date OR OLD.date_lower IS NOT NEW.date_lower OR OLD.date_upper IS NOT NEW.date_upper OR OLD.date_as_written IS NOT NEW.date_as_written OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'proceeding' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding', NEW.id, 'update',
            json_object('id', OLD.id, 'ref', OLD.ref, 'title', OLD.title, 'body', OLD.body, 'body_kind', OLD.body_kind, 'category', OLD.category, 'place', OLD.place, 'date', OLD.date, 'date_lower', OLD.date_lower, 'date_upper', OLD.date_upper, 'date_as_written', OLD.date_as_written, 'notes', OLD.notes),
            json_object('id', NEW.id, 'ref', NEW.ref, 'title', NEW.title, 'body', NEW.body, 'body_kind', NEW.body_kind, 'category', NEW.category, 'place', NEW.place, 'date', NEW.date, 'date_lower', NEW.date_lower, 'date_upper', NEW.date_upper, 'date_as_written', NEW.date_as_written, 'notes', NEW.notes));
END;

DROP TRIGGER proceeding_history_delete;
CREATE TRIGGER proceeding_history_delete AFTER DELETE ON proceeding WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'proceeding' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding', OLD.id, 'delete',
            json_object('id', OLD.id, 'ref', OLD.ref, 'title', OLD.title, 'body', OLD.body, 'body_kind', OLD.body_kind, 'category', OLD.category, 'place', OLD.place, 'date', OLD.date, 'date_lower', OLD.date_lower, 'date_upper', OLD.date_upper, 'date_as_written', OLD.date_as_written, 'notes', OLD.notes), NULL);
END;

DROP TRIGGER defendant_history_insert;
CREATE TRIGGER defendant_history_insert AFTER INSERT ON defendant WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'defendant', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'proceeding_id', NEW.proceeding_id, 'person_id', NEW.person_id, 'position', NEW.position, 'charge_text', NEW.charge_text, 'outcome', NEW.outcome, 'outcome_text', NEW.outcome_text, 'outcome_subcategory', NEW.outcome_subcategory, 'sentence', NEW.sentence, 'sentence_kind', NEW.sentence_kind, 'term_years', NEW.term_years, 'charge_reduced', NEW.charge_reduced, 'outcome_date', NEW.outcome_date, 'outcome_date_lower', NEW.outcome_date_lower, 'outcome_date_upper', NEW.outcome_date_upper, 'outcome_date_as_written', NEW.outcome_date_as_written, 'notes', NEW.notes));
END;

DROP TRIGGER defendant_history_update;
CREATE TRIGGER defendant_history_update AFTER UPDATE ON defendant WHEN (OLD.id IS NOT NEW.id OR OLD.proceeding_id IS NOT NEW.proceeding_id OR OLD.person_id IS NOT NEW.person_id OR OLD.position IS NOT NEW.position OR OLD.charge_text IS NOT NEW.charge_text OR OLD.outcome IS NOT NEW.outcome OR OLD.outcome_text IS NOT NEW.outcome_text OR OLD.outcome_subcategory IS NOT NEW.outcome_subcategory OR OLD.sentence IS NOT NEW.sentence OR OLD.sentence_kind IS NOT NEW.sentence_kind OR OLD.term_years IS NOT NEW.term_years OR OLD.charge_reduced IS NOT NEW.charge_reduced OR OLD.outcome_date IS NOT NEW.outcome_date OR OLD.outcome_date_lower IS NOT NEW.outcome_date_lower OR OLD.outcome_date_upper IS NOT NEW.outcome_date_upper OR OLD.outcome_date_as_written IS NOT NEW.outcome_date_as_written OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'defendant', NEW.id, 'update',
            json_object('id', OLD.id, 'proceeding_id', OLD.proceeding_id, 'person_id', OLD.person_id, 'position', OLD.position, 'charge_text', OLD.charge_text, 'outcome', OLD.outcome, 'outcome_text', OLD.outcome_text, 'outcome_subcategory', OLD.outcome_subcategory, 'sentence', OLD.sentence, 'sentence_kind', OLD.sentence_kind, 'term_years', OLD.term_years, 'charge_reduced', OLD.charge_reduced, 'outcome_date', OLD.outcome_date, 'outcome_date_lower', OLD.outcome_date_lower, 'outcome_date_upper', OLD.outcome_date_upper, 'outcome_date_as_written', OLD.outcome_date_as_written, 'notes', OLD.notes),
            json_object('id', NEW.id, 'proceeding_id', NEW.proceeding_id, 'person_id', NEW.person_id, 'position', NEW.position, 'charge_text', NEW.charge_text, 'outcome', NEW.outcome, 'outcome_text', NEW.outcome_text, 'outcome_subcategory', NEW.outcome_subcategory, 'sentence', NEW.sentence, 'sentence_kind', NEW.sentence_kind, 'term_years', NEW.term_years, 'charge_reduced', NEW.charge_reduced, 'outcome_date', NEW.outcome_date, 'outcome_date_lower', NEW.outcome_date_lower, 'outcome_date_upper', NEW.outcome_date_upper, 'outcome_date_as_written', NEW.outcome_date_as_written, 'notes', NEW.notes));
END;

DROP TRIGGER defendant_history_delete;
CREATE TRIGGER defendant_history_delete AFTER DELETE ON defendant WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'defendant', OLD.id, 'delete',
            json_object('id', OLD.id, 'proceeding_id', OLD.proceeding_id, 'person_id', OLD.person_id, 'position', OLD.position, 'charge_text', OLD.charge_text, 'outcome', OLD.outcome, 'outcome_text', OLD.outcome_text, 'outcome_subcategory', OLD.outcome_subcategory, 'sentence', OLD.sentence, 'sentence_kind', OLD.sentence_kind, 'term_years', OLD.term_years, 'charge_reduced', OLD.charge_reduced, 'outcome_date', OLD.outcome_date, 'outcome_date_lower', OLD.outcome_date_lower, 'outcome_date_upper', OLD.outcome_date_upper, 'outcome_date_as_written', OLD.outcome_date_as_written, 'notes', OLD.notes), NULL);
END;

DROP TRIGGER event_history_insert;
CREATE TRIGGER event_history_insert AFTER INSERT ON event WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'event' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'event', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'defendant_id', NEW.defendant_id, 'position', NEW.position, 'kind', NEW.kind, 'date', NEW.date, 'date_lower', NEW.date_lower, 'date_upper', NEW.date_upper, 'date_as_written', NEW.date_as_written, 'body', NEW.body, 'notes', NEW.notes));
END;

DROP TRIGGER event_history_update;
CREATE TRIGGER event_history_update AFTER UPDATE ON event WHEN (OLD.id IS NOT NEW.id OR OLD.defendant_id IS NOT NEW.defendant_id OR OLD.position IS NOT NEW.position OR OLD.kind IS NOT NEW.kind OR OLD.date IS NOT NEW.date OR OLD.date_lower IS NOT NEW.date_lower OR OLD.date_upper IS NOT NEW.date_upper OR OLD.date_as_written IS NOT NEW.date_as_written OR OLD.body IS NOT NEW.body OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'event' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'event', NEW.id, 'update',
            json_object('id', OLD.id, 'defendant_id', OLD.defendant_id, 'position', OLD.position, 'kind', OLD.kind, 'date', OLD.date, 'date_lower', OLD.date_lower, 'date_upper', OLD.date_upper, 'date_as_written', OLD.date_as_written, 'body', OLD.body, 'notes', OLD.notes),
            json_object('id', NEW.id, 'defendant_id', NEW.defendant_id, 'position', NEW.position, 'kind', NEW.kind, 'date', NEW.date, 'date_lower', NEW.date_lower, 'date_upper', NEW.date_upper, 'date_as_written', NEW.date_as_written, 'body', NEW.body, 'notes', NEW.notes));
END;

DROP TRIGGER event_history_delete;
CREATE TRIGGER event_history_delete AFTER DELETE ON event WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'event' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'event', OLD.id, 'delete',
            json_object('id', OLD.id, 'defendant_id', OLD.defendant_id, 'position', OLD.position, 'kind', OLD.kind, 'date', OLD.date, 'date_lower', OLD.date_lower, 'date_upper', OLD.date_upper, 'date_as_written', OLD.date_as_written, 'body', OLD.body, 'notes', OLD.notes), NULL);
END;
