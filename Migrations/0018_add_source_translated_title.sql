-- A source's title translated into English (or the language of the
-- paper), which citations for English-language journals give in brackets
-- after a Russian title: Очерки истории [Essays on history].
ALTER TABLE source ADD COLUMN translated_title TEXT CHECK (translated_title IS NULL OR translated_title <> '');

-- The history triggers record every column of the row, so they are made
-- again with the new one.
DROP TRIGGER source_history_insert;
CREATE TRIGGER source_history_insert AFTER INSERT ON source WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'source' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'source', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'key', NEW.key, 'type', NEW.type, 'title', NEW.title, 'authors', NEW.authors, 'editors', NEW.editors, 'translators', NEW.translators, 'container_title', NEW.container_title, 'collection_title', NEW.collection_title, 'volume', NEW.volume, 'issue', NEW.issue, 'page', NEW.page, 'edition', NEW.edition, 'publisher', NEW.publisher, 'publisher_place', NEW.publisher_place, 'issued', NEW.issued, 'issued_lower', NEW.issued_lower, 'issued_upper', NEW.issued_upper, 'url', NEW.url, 'doi', NEW.doi, 'accessed', NEW.accessed, 'archive', NEW.archive, 'archive_location', NEW.archive_location, 'archive_place', NEW.archive_place, 'translated_title', NEW.translated_title, 'language', NEW.language, 'note', NEW.note, 'extra', NEW.extra));
END;

DROP TRIGGER source_history_update;
CREATE TRIGGER source_history_update AFTER UPDATE ON source WHEN (OLD.id IS NOT NEW.id OR OLD.key IS NOT NEW.key OR OLD.type IS NOT NEW.type OR OLD.title IS NOT NEW.title OR OLD.authors IS NOT NEW.authors OR OLD.editors IS NOT NEW.editors OR OLD.translators IS NOT NEW.translators OR OLD.container_title IS NOT NEW.container_title OR OLD.collection_title IS NOT NEW.collection_title OR OLD.volume IS NOT NEW.volume OR OLD.issue IS NOT NEW.issue OR OLD.page IS NOT NEW.page OR OLD.edition IS NOT NEW.edition OR OLD.publisher IS NOT NEW.publisher OR OLD.publisher_place IS NOT NEW.publisher_place OR OLD.issued IS NOT NEW.issued OR OLD.issued_lower IS NOT NEW.issued_lower OR OLD.issued_upper IS NOT NEW.issued_upper OR OLD.url IS NOT NEW.url OR OLD.doi IS NOT NEW.doi OR OLD.accessed IS NOT NEW.accessed OR OLD.archive IS NOT NEW.archive OR OLD.archive_location IS NOT NEW.archive_location OR OLD.archive_place IS NOT NEW.archive_place OR OLD.translated_title IS NOT NEW.translated_title OR OLD.language IS NOT NEW.language OR OLD.note IS NOT NEW.note OR OLD.extra IS NOT NEW.extra) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'source' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'source', NEW.id, 'update',
            json_object('id', OLD.id, 'key', OLD.key, 'type', OLD.type, 'title', OLD.title, 'authors', OLD.authors, 'editors', OLD.editors, 'translators', OLD.translators, 'container_title', OLD.container_title, 'collection_title', OLD.collection_title, 'volume', OLD.volume, 'issue', OLD.issue, 'page', OLD.page, 'edition', OLD.edition, 'publisher', OLD.publisher, 'publisher_place', OLD.publisher_place, 'issued', OLD.issued, 'issued_lower', OLD.issued_lower, 'issued_upper', OLD.issued_upper, 'url', OLD.url, 'doi', OLD.doi, 'accessed', OLD.accessed, 'archive', OLD.archive, 'archive_location', OLD.archive_location, 'archive_place', OLD.archive_place, 'translated_title', OLD.translated_title, 'language', OLD.language, 'note', OLD.note, 'extra', OLD.extra),
            json_object('id', NEW.id, 'key', NEW.key, 'type', NEW.type, 'title', NEW.title, 'authors', NEW.authors, 'editors', NEW.editors, 'translators', NEW.translators, 'container_title', NEW.container_title, 'collection_title', NEW.collection_title, 'volume', NEW.volume, 'issue', NEW.issue, 'page', NEW.page, 'edition', NEW.edition, 'publisher', NEW.publisher, 'publisher_place', NEW.publisher_place, 'issued', NEW.issued, 'issued_lower', NEW.issued_lower, 'issued_upper', NEW.issued_upper, 'url', NEW.url, 'doi', NEW.doi, 'accessed', NEW.accessed, 'archive', NEW.archive, 'archive_location', NEW.archive_location, 'archive_place', NEW.archive_place, 'translated_title', NEW.translated_title, 'language', NEW.language, 'note', NEW.note, 'extra', NEW.extra));
END;

DROP TRIGGER source_history_delete;
CREATE TRIGGER source_history_delete AFTER DELETE ON source WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'source' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'source', OLD.id, 'delete',
            json_object('id', OLD.id, 'key', OLD.key, 'type', OLD.type, 'title', OLD.title, 'authors', OLD.authors, 'editors', OLD.editors, 'translators', OLD.translators, 'container_title', OLD.container_title, 'collection_title', OLD.collection_title, 'volume', OLD.volume, 'issue', OLD.issue, 'page', OLD.page, 'edition', OLD.edition, 'publisher', OLD.publisher, 'publisher_place', OLD.publisher_place, 'issued', OLD.issued, 'issued_lower', OLD.issued_lower, 'issued_upper', OLD.issued_upper, 'url', OLD.url, 'doi', OLD.doi, 'accessed', OLD.accessed, 'archive', OLD.archive, 'archive_location', OLD.archive_location, 'archive_place', OLD.archive_place, 'translated_title', OLD.translated_title, 'language', OLD.language, 'note', OLD.note, 'extra', OLD.extra), NULL);
END;
