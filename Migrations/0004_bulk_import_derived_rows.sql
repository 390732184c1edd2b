-- Bulk imports write what is derived from the rows they create in one
-- set-wise INSERT ... SELECT per table at the end of the import, instead of
-- one trigger firing per row: the same history rows (one 'insert' row per
-- created record, with its after-image as the import leaves it), at a
-- quarter of the cost, and the same name search keys (0003), inserted in
-- key order rather than all over the index.
--
-- While an import runs, bulk_load holds, per table, the first row id the
-- import may create (max(id) + 1 when it began). For rows at or above it
-- the triggers stay silent: inserts are recorded at the end of the import
-- (BulkLoad.finish, called by Archive.importFiles), and updates or deletes of a row created by the
-- same import need no record of their own (the row's insert record shows
-- its final state; a row created and deleted again leaves nothing, as it
-- left nothing behind). Rows that existed before the import are recorded
-- by the triggers as before. bulk_load is emptied before the import's
-- transaction commits, and a failed import rolls it back with everything
-- else, so outside an import it is always empty and every command records
-- history exactly as 0002 did.

CREATE TABLE bulk_load (
    table_name TEXT PRIMARY KEY,
    first_id INTEGER NOT NULL
);

DROP TRIGGER person_history_insert;
CREATE TRIGGER person_history_insert AFTER INSERT ON person WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'ref', NEW.ref, 'sex', NEW.sex, 'birth', NEW.birth, 'birth_lower', NEW.birth_lower, 'birth_upper', NEW.birth_upper, 'death', NEW.death, 'death_lower', NEW.death_lower, 'death_upper', NEW.death_upper, 'birthplace', NEW.birthplace, 'occupation', NEW.occupation, 'notes', NEW.notes));
END;

DROP TRIGGER person_history_update;
CREATE TRIGGER person_history_update AFTER UPDATE ON person WHEN (OLD.id IS NOT NEW.id OR OLD.ref IS NOT NEW.ref OR OLD.sex IS NOT NEW.sex OR OLD.birth IS NOT NEW.birth OR OLD.birth_lower IS NOT NEW.birth_lower OR OLD.birth_upper IS NOT NEW.birth_upper OR OLD.death IS NOT NEW.death OR OLD.death_lower IS NOT NEW.death_lower OR OLD.death_upper IS NOT NEW.death_upper OR OLD.birthplace IS NOT NEW.birthplace OR OLD.occupation IS NOT NEW.occupation OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', NEW.id, 'update',
            json_object('id', OLD.id, 'ref', OLD.ref, 'sex', OLD.sex, 'birth', OLD.birth, 'birth_lower', OLD.birth_lower, 'birth_upper', OLD.birth_upper, 'death', OLD.death, 'death_lower', OLD.death_lower, 'death_upper', OLD.death_upper, 'birthplace', OLD.birthplace, 'occupation', OLD.occupation, 'notes', OLD.notes),
            json_object('id', NEW.id, 'ref', NEW.ref, 'sex', NEW.sex, 'birth', NEW.birth, 'birth_lower', NEW.birth_lower, 'birth_upper', NEW.birth_upper, 'death', NEW.death, 'death_lower', NEW.death_lower, 'death_upper', NEW.death_upper, 'birthplace', NEW.birthplace, 'occupation', NEW.occupation, 'notes', NEW.notes));
END;

DROP TRIGGER person_history_delete;
CREATE TRIGGER person_history_delete AFTER DELETE ON person WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person', OLD.id, 'delete',
            json_object('id', OLD.id, 'ref', OLD.ref, 'sex', OLD.sex, 'birth', OLD.birth, 'birth_lower', OLD.birth_lower, 'birth_upper', OLD.birth_upper, 'death', OLD.death, 'death_lower', OLD.death_lower, 'death_upper', OLD.death_upper, 'birthplace', OLD.birthplace, 'occupation', OLD.occupation, 'notes', OLD.notes), NULL);
END;

DROP TRIGGER person_name_history_insert;
CREATE TRIGGER person_name_history_insert AFTER INSERT ON person_name WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person_name' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person_name', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'person_id', NEW.person_id, 'name', NEW.name, 'is_primary', NEW.is_primary, 'script', NEW.script, 'position', NEW.position));
END;

DROP TRIGGER person_name_history_update;
CREATE TRIGGER person_name_history_update AFTER UPDATE ON person_name WHEN (OLD.id IS NOT NEW.id OR OLD.person_id IS NOT NEW.person_id OR OLD.name IS NOT NEW.name OR OLD.is_primary IS NOT NEW.is_primary OR OLD.script IS NOT NEW.script OR OLD.position IS NOT NEW.position) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person_name' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person_name', NEW.id, 'update',
            json_object('id', OLD.id, 'person_id', OLD.person_id, 'name', OLD.name, 'is_primary', OLD.is_primary, 'script', OLD.script, 'position', OLD.position),
            json_object('id', NEW.id, 'person_id', NEW.person_id, 'name', NEW.name, 'is_primary', NEW.is_primary, 'script', NEW.script, 'position', NEW.position));
END;

DROP TRIGGER person_name_history_delete;
CREATE TRIGGER person_name_history_delete AFTER DELETE ON person_name WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person_name' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person_name', OLD.id, 'delete',
            json_object('id', OLD.id, 'person_id', OLD.person_id, 'name', OLD.name, 'is_primary', OLD.is_primary, 'script', OLD.script, 'position', OLD.position), NULL);
END;

DROP TRIGGER proceeding_history_insert;
CREATE TRIGGER proceeding_history_insert AFTER INSERT ON proceeding WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'proceeding' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'ref', NEW.ref, 'title', NEW.title, 'body', NEW.body, 'body_kind', NEW.body_kind, 'category', NEW.category, 'place', NEW.place, 'date', NEW.date, 'date_lower', NEW.date_lower, 'date_upper', NEW.date_upper, 'notes', NEW.notes));
END;

DROP TRIGGER proceeding_history_update;
CREATE TRIGGER proceeding_history_update AFTER UPDATE ON proceeding WHEN (OLD.id IS NOT NEW.id OR OLD.ref IS NOT NEW.ref OR OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body OR OLD.body_kind IS NOT NEW.body_kind OR OLD.category IS NOT NEW.category OR OLD.place IS NOT NEW.place OR OLD.date IS NOT NEW.date OR OLD.date_lower IS NOT NEW.date_lower OR OLD.date_upper IS NOT NEW.date_upper OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'proceeding' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding', NEW.id, 'update',
            json_object('id', OLD.id, 'ref', OLD.ref, 'title', OLD.title, 'body', OLD.body, 'body_kind', OLD.body_kind, 'category', OLD.category, 'place', OLD.place, 'date', OLD.date, 'date_lower', OLD.date_lower, 'date_upper', OLD.date_upper, 'notes', OLD.notes),
            json_object('id', NEW.id, 'ref', NEW.ref, 'title', NEW.title, 'body', NEW.body, 'body_kind', NEW.body_kind, 'category', NEW.category, 'place', NEW.place, 'date', NEW.date, 'date_lower', NEW.date_lower, 'date_upper', NEW.date_upper, 'notes', NEW.notes));
END;

DROP TRIGGER proceeding_history_delete;
CREATE TRIGGER proceeding_history_delete AFTER DELETE ON proceeding WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'proceeding' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding', OLD.id, 'delete',
            json_object('id', OLD.id, 'ref', OLD.ref, 'title', OLD.title, 'body', OLD.body, 'body_kind', OLD.body_kind, 'category', OLD.category, 'place', OLD.place, 'date', OLD.date, 'date_lower', OLD.date_lower, 'date_upper', OLD.date_upper, 'notes', OLD.notes), NULL);
END;

DROP TRIGGER defendant_history_insert;
CREATE TRIGGER defendant_history_insert AFTER INSERT ON defendant WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'defendant', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'proceeding_id', NEW.proceeding_id, 'person_id', NEW.person_id, 'position', NEW.position, 'charge_text', NEW.charge_text, 'outcome', NEW.outcome, 'outcome_text', NEW.outcome_text, 'outcome_subcategory', NEW.outcome_subcategory, 'sentence', NEW.sentence, 'sentence_kind', NEW.sentence_kind, 'term_years', NEW.term_years, 'charge_reduced', NEW.charge_reduced, 'outcome_date', NEW.outcome_date, 'outcome_date_lower', NEW.outcome_date_lower, 'outcome_date_upper', NEW.outcome_date_upper, 'notes', NEW.notes));
END;

DROP TRIGGER defendant_history_update;
CREATE TRIGGER defendant_history_update AFTER UPDATE ON defendant WHEN (OLD.id IS NOT NEW.id OR OLD.proceeding_id IS NOT NEW.proceeding_id OR OLD.person_id IS NOT NEW.person_id OR OLD.position IS NOT NEW.position OR OLD.charge_text IS NOT NEW.charge_text OR OLD.outcome IS NOT NEW.outcome OR OLD.outcome_text IS NOT NEW.outcome_text OR OLD.outcome_subcategory IS NOT NEW.outcome_subcategory OR OLD.sentence IS NOT NEW.sentence OR OLD.sentence_kind IS NOT NEW.sentence_kind OR OLD.term_years IS NOT NEW.term_years OR OLD.charge_reduced IS NOT NEW.charge_reduced OR OLD.outcome_date IS NOT NEW.outcome_date OR OLD.outcome_date_lower IS NOT NEW.outcome_date_lower OR OLD.outcome_date_upper IS NOT NEW.outcome_date_upper OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'defendant', NEW.id, 'update',
            json_object('id', OLD.id, 'proceeding_id', OLD.proceeding_id, 'person_id', OLD.person_id, 'position', OLD.position, 'charge_text', OLD.charge_text, 'outcome', OLD.outcome, 'outcome_text', OLD.outcome_text, 'outcome_subcategory', OLD.outcome_subcategory, 'sentence', OLD.sentence, 'sentence_kind', OLD.sentence_kind, 'term_years', OLD.term_years, 'charge_reduced', OLD.charge_reduced, 'outcome_date', OLD.outcome_date, 'outcome_date_lower', OLD.outcome_date_lower, 'outcome_date_upper', OLD.outcome_date_upper, 'notes', OLD.notes),
            json_object('id', NEW.id, 'proceeding_id', NEW.proceeding_id, 'person_id', NEW.person_id, 'position', NEW.position, 'charge_text', NEW.charge_text, 'outcome', NEW.outcome, 'outcome_text', NEW.outcome_text, 'outcome_subcategory', NEW.outcome_subcategory, 'sentence', NEW.sentence, 'sentence_kind', NEW.sentence_kind, 'term_years', NEW.term_years, 'charge_reduced', NEW.charge_reduced, 'outcome_date', NEW.outcome_date, 'outcome_date_lower', NEW.outcome_date_lower, 'outcome_date_upper', NEW.outcome_date_upper, 'notes', NEW.notes));
END;

DROP TRIGGER defendant_history_delete;
CREATE TRIGGER defendant_history_delete AFTER DELETE ON defendant WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'defendant', OLD.id, 'delete',
            json_object('id', OLD.id, 'proceeding_id', OLD.proceeding_id, 'person_id', OLD.person_id, 'position', OLD.position, 'charge_text', OLD.charge_text, 'outcome', OLD.outcome, 'outcome_text', OLD.outcome_text, 'outcome_subcategory', OLD.outcome_subcategory, 'sentence', OLD.sentence, 'sentence_kind', OLD.sentence_kind, 'term_years', OLD.term_years, 'charge_reduced', OLD.charge_reduced, 'outcome_date', OLD.outcome_date, 'outcome_date_lower', OLD.outcome_date_lower, 'outcome_date_upper', OLD.outcome_date_upper, 'notes', OLD.notes), NULL);
END;

DROP TRIGGER charge_history_insert;
CREATE TRIGGER charge_history_insert AFTER INSERT ON charge WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'charge' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'charge', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'defendant_id', NEW.defendant_id, 'position', NEW.position, 'kind', NEW.kind, 'ref', NEW.ref, 'raw', NEW.raw, 'description', NEW.description));
END;

DROP TRIGGER charge_history_update;
CREATE TRIGGER charge_history_update AFTER UPDATE ON charge WHEN (OLD.id IS NOT NEW.id OR OLD.defendant_id IS NOT NEW.defendant_id OR OLD.position IS NOT NEW.position OR OLD.kind IS NOT NEW.kind OR OLD.ref IS NOT NEW.ref OR OLD.raw IS NOT NEW.raw OR OLD.description IS NOT NEW.description) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'charge' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'charge', NEW.id, 'update',
            json_object('id', OLD.id, 'defendant_id', OLD.defendant_id, 'position', OLD.position, 'kind', OLD.kind, 'ref', OLD.ref, 'raw', OLD.raw, 'description', OLD.description),
            json_object('id', NEW.id, 'defendant_id', NEW.defendant_id, 'position', NEW.position, 'kind', NEW.kind, 'ref', NEW.ref, 'raw', NEW.raw, 'description', NEW.description));
END;

DROP TRIGGER charge_history_delete;
CREATE TRIGGER charge_history_delete AFTER DELETE ON charge WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'charge' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'charge', OLD.id, 'delete',
            json_object('id', OLD.id, 'defendant_id', OLD.defendant_id, 'position', OLD.position, 'kind', OLD.kind, 'ref', OLD.ref, 'raw', OLD.raw, 'description', OLD.description), NULL);
END;

DROP TRIGGER event_history_insert;
CREATE TRIGGER event_history_insert AFTER INSERT ON event WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'event' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'event', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'defendant_id', NEW.defendant_id, 'position', NEW.position, 'kind', NEW.kind, 'date', NEW.date, 'date_lower', NEW.date_lower, 'date_upper', NEW.date_upper, 'body', NEW.body, 'notes', NEW.notes));
END;

DROP TRIGGER event_history_update;
CREATE TRIGGER event_history_update AFTER UPDATE ON event WHEN (OLD.id IS NOT NEW.id OR OLD.defendant_id IS NOT NEW.defendant_id OR OLD.position IS NOT NEW.position OR OLD.kind IS NOT NEW.kind OR OLD.date IS NOT NEW.date OR OLD.date_lower IS NOT NEW.date_lower OR OLD.date_upper IS NOT NEW.date_upper OR OLD.body IS NOT NEW.body OR OLD.notes IS NOT NEW.notes) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'event' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'event', NEW.id, 'update',
            json_object('id', OLD.id, 'defendant_id', OLD.defendant_id, 'position', OLD.position, 'kind', OLD.kind, 'date', OLD.date, 'date_lower', OLD.date_lower, 'date_upper', OLD.date_upper, 'body', OLD.body, 'notes', OLD.notes),
            json_object('id', NEW.id, 'defendant_id', NEW.defendant_id, 'position', NEW.position, 'kind', NEW.kind, 'date', NEW.date, 'date_lower', NEW.date_lower, 'date_upper', NEW.date_upper, 'body', NEW.body, 'notes', NEW.notes));
END;

DROP TRIGGER event_history_delete;
CREATE TRIGGER event_history_delete AFTER DELETE ON event WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'event' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'event', OLD.id, 'delete',
            json_object('id', OLD.id, 'defendant_id', OLD.defendant_id, 'position', OLD.position, 'kind', OLD.kind, 'date', OLD.date, 'date_lower', OLD.date_lower, 'date_upper', OLD.date_upper, 'body', OLD.body, 'notes', OLD.notes), NULL);
END;

DROP TRIGGER source_history_insert;
CREATE TRIGGER source_history_insert AFTER INSERT ON source WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'source' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'source', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'key', NEW.key, 'type', NEW.type, 'title', NEW.title, 'authors', NEW.authors, 'editors', NEW.editors, 'translators', NEW.translators, 'container_title', NEW.container_title, 'collection_title', NEW.collection_title, 'volume', NEW.volume, 'issue', NEW.issue, 'page', NEW.page, 'edition', NEW.edition, 'publisher', NEW.publisher, 'publisher_place', NEW.publisher_place, 'issued', NEW.issued, 'issued_lower', NEW.issued_lower, 'issued_upper', NEW.issued_upper, 'url', NEW.url, 'doi', NEW.doi, 'accessed', NEW.accessed, 'archive', NEW.archive, 'archive_location', NEW.archive_location, 'archive_place', NEW.archive_place, 'language', NEW.language, 'note', NEW.note, 'extra', NEW.extra));
END;

DROP TRIGGER source_history_update;
CREATE TRIGGER source_history_update AFTER UPDATE ON source WHEN (OLD.id IS NOT NEW.id OR OLD.key IS NOT NEW.key OR OLD.type IS NOT NEW.type OR OLD.title IS NOT NEW.title OR OLD.authors IS NOT NEW.authors OR OLD.editors IS NOT NEW.editors OR OLD.translators IS NOT NEW.translators OR OLD.container_title IS NOT NEW.container_title OR OLD.collection_title IS NOT NEW.collection_title OR OLD.volume IS NOT NEW.volume OR OLD.issue IS NOT NEW.issue OR OLD.page IS NOT NEW.page OR OLD.edition IS NOT NEW.edition OR OLD.publisher IS NOT NEW.publisher OR OLD.publisher_place IS NOT NEW.publisher_place OR OLD.issued IS NOT NEW.issued OR OLD.issued_lower IS NOT NEW.issued_lower OR OLD.issued_upper IS NOT NEW.issued_upper OR OLD.url IS NOT NEW.url OR OLD.doi IS NOT NEW.doi OR OLD.accessed IS NOT NEW.accessed OR OLD.archive IS NOT NEW.archive OR OLD.archive_location IS NOT NEW.archive_location OR OLD.archive_place IS NOT NEW.archive_place OR OLD.language IS NOT NEW.language OR OLD.note IS NOT NEW.note OR OLD.extra IS NOT NEW.extra) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'source' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'source', NEW.id, 'update',
            json_object('id', OLD.id, 'key', OLD.key, 'type', OLD.type, 'title', OLD.title, 'authors', OLD.authors, 'editors', OLD.editors, 'translators', OLD.translators, 'container_title', OLD.container_title, 'collection_title', OLD.collection_title, 'volume', OLD.volume, 'issue', OLD.issue, 'page', OLD.page, 'edition', OLD.edition, 'publisher', OLD.publisher, 'publisher_place', OLD.publisher_place, 'issued', OLD.issued, 'issued_lower', OLD.issued_lower, 'issued_upper', OLD.issued_upper, 'url', OLD.url, 'doi', OLD.doi, 'accessed', OLD.accessed, 'archive', OLD.archive, 'archive_location', OLD.archive_location, 'archive_place', OLD.archive_place, 'language', OLD.language, 'note', OLD.note, 'extra', OLD.extra),
            json_object('id', NEW.id, 'key', NEW.key, 'type', NEW.type, 'title', NEW.title, 'authors', NEW.authors, 'editors', NEW.editors, 'translators', NEW.translators, 'container_title', NEW.container_title, 'collection_title', NEW.collection_title, 'volume', NEW.volume, 'issue', NEW.issue, 'page', NEW.page, 'edition', NEW.edition, 'publisher', NEW.publisher, 'publisher_place', NEW.publisher_place, 'issued', NEW.issued, 'issued_lower', NEW.issued_lower, 'issued_upper', NEW.issued_upper, 'url', NEW.url, 'doi', NEW.doi, 'accessed', NEW.accessed, 'archive', NEW.archive, 'archive_location', NEW.archive_location, 'archive_place', NEW.archive_place, 'language', NEW.language, 'note', NEW.note, 'extra', NEW.extra));
END;

DROP TRIGGER source_history_delete;
CREATE TRIGGER source_history_delete AFTER DELETE ON source WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'source' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'source', OLD.id, 'delete',
            json_object('id', OLD.id, 'key', OLD.key, 'type', OLD.type, 'title', OLD.title, 'authors', OLD.authors, 'editors', OLD.editors, 'translators', OLD.translators, 'container_title', OLD.container_title, 'collection_title', OLD.collection_title, 'volume', OLD.volume, 'issue', OLD.issue, 'page', OLD.page, 'edition', OLD.edition, 'publisher', OLD.publisher, 'publisher_place', OLD.publisher_place, 'issued', OLD.issued, 'issued_lower', OLD.issued_lower, 'issued_upper', OLD.issued_upper, 'url', OLD.url, 'doi', OLD.doi, 'accessed', OLD.accessed, 'archive', OLD.archive, 'archive_location', OLD.archive_location, 'archive_place', OLD.archive_place, 'language', OLD.language, 'note', OLD.note, 'extra', OLD.extra), NULL);
END;

DROP TRIGGER citation_history_insert;
CREATE TRIGGER citation_history_insert AFTER INSERT ON citation WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'citation' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'citation', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'source_id', NEW.source_id, 'person_id', NEW.person_id, 'proceeding_id', NEW.proceeding_id, 'defendant_id', NEW.defendant_id, 'event_id', NEW.event_id, 'position', NEW.position, 'locator', NEW.locator, 'confidence', NEW.confidence, 'quote', NEW.quote, 'note', NEW.note));
END;

DROP TRIGGER citation_history_update;
CREATE TRIGGER citation_history_update AFTER UPDATE ON citation WHEN (OLD.id IS NOT NEW.id OR OLD.source_id IS NOT NEW.source_id OR OLD.person_id IS NOT NEW.person_id OR OLD.proceeding_id IS NOT NEW.proceeding_id OR OLD.defendant_id IS NOT NEW.defendant_id OR OLD.event_id IS NOT NEW.event_id OR OLD.position IS NOT NEW.position OR OLD.locator IS NOT NEW.locator OR OLD.confidence IS NOT NEW.confidence OR OLD.quote IS NOT NEW.quote OR OLD.note IS NOT NEW.note) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'citation' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'citation', NEW.id, 'update',
            json_object('id', OLD.id, 'source_id', OLD.source_id, 'person_id', OLD.person_id, 'proceeding_id', OLD.proceeding_id, 'defendant_id', OLD.defendant_id, 'event_id', OLD.event_id, 'position', OLD.position, 'locator', OLD.locator, 'confidence', OLD.confidence, 'quote', OLD.quote, 'note', OLD.note),
            json_object('id', NEW.id, 'source_id', NEW.source_id, 'person_id', NEW.person_id, 'proceeding_id', NEW.proceeding_id, 'defendant_id', NEW.defendant_id, 'event_id', NEW.event_id, 'position', NEW.position, 'locator', NEW.locator, 'confidence', NEW.confidence, 'quote', NEW.quote, 'note', NEW.note));
END;

DROP TRIGGER citation_history_delete;
CREATE TRIGGER citation_history_delete AFTER DELETE ON citation WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'citation' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'citation', OLD.id, 'delete',
            json_object('id', OLD.id, 'source_id', OLD.source_id, 'person_id', OLD.person_id, 'proceeding_id', OLD.proceeding_id, 'defendant_id', OLD.defendant_id, 'event_id', OLD.event_id, 'position', OLD.position, 'locator', OLD.locator, 'confidence', OLD.confidence, 'quote', OLD.quote, 'note', OLD.note), NULL);
END;

DROP TRIGGER person_name_keys_insert;
CREATE TRIGGER person_name_keys_insert AFTER INSERT ON person_name WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person_name' AND NEW.id >= b.first_id) BEGIN
    INSERT OR IGNORE INTO name_key (key, name_id, person_id)
    SELECT value, NEW.id, NEW.person_id FROM json_each(dossier_name_keys(NEW.name));
END;

DROP TRIGGER person_name_keys_update;
CREATE TRIGGER person_name_keys_update AFTER UPDATE OF name, person_id ON person_name WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'person_name' AND NEW.id >= b.first_id) BEGIN
    DELETE FROM name_key WHERE name_id = OLD.id;
    INSERT OR IGNORE INTO name_key (key, name_id, person_id)
    SELECT value, NEW.id, NEW.person_id FROM json_each(dossier_name_keys(NEW.name));
END;
