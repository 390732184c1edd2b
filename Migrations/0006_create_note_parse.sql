-- How a defendant record was read from a biographical note (Memorial's
-- house style): which parser, how much of the note it read, and for every
-- structured field the stretch of the note it came from. The note itself
-- is the defendant's `notes`, verbatim.
--
-- `fields` is a JSON array of {"field", "value", "start", "end"} objects
-- (plus "case" when the field belongs to the note's second or later case,
-- and "in": "name" with "text" when it was read from the name, e.g. the
-- sex from a patronymic). Offsets count Unicode code points from 0, end
-- exclusive, so that substr(notes, start + 1, end - start) is the quote.
-- `unread` is a JSON array of [start, end] pairs the parser did not read;
-- `problems` a JSON array of strings. `confidence` is the share of the
-- note's letters and digits that went into fields (0 to 1).
CREATE TABLE note_parse (
    id INTEGER PRIMARY KEY,
    defendant_id INTEGER NOT NULL UNIQUE REFERENCES defendant(id) ON DELETE CASCADE,
    format TEXT NOT NULL CHECK (length(format) > 0),
    parser_version INTEGER NOT NULL,
    confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),
    unread TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(unread)),
    problems TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(problems))
);
CREATE INDEX note_parse_confidence ON note_parse(confidence);

-- One row per field read, with its quote: for queries such as "every
-- birthplace and the words it was read from".
CREATE VIEW note_field AS
SELECT p.id AS parse_id,
       p.defendant_id AS defendant_id,
       json_extract(f.value, '$.field') AS field,
       json_extract(f.value, '$.value') AS value,
       coalesce(json_extract(f.value, '$.case'), 0) AS case_index,
       json_extract(f.value, '$.start') AS start,
       json_extract(f.value, '$.end') AS "end",
       CASE WHEN json_extract(f.value, '$.in') = 'name' THEN json_extract(f.value, '$.text')
            ELSE substr(d.notes, json_extract(f.value, '$.start') + 1,
                        json_extract(f.value, '$.end') - json_extract(f.value, '$.start'))
       END AS quote
FROM note_parse p
JOIN defendant d ON d.id = p.defendant_id,
     json_each(p.fields) f;

CREATE TRIGGER note_parse_history_insert AFTER INSERT ON note_parse BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'note_parse', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'defendant_id', NEW.defendant_id, 'format', NEW.format, 'parser_version', NEW.parser_version, 'confidence', NEW.confidence, 'fields', NEW.fields, 'unread', NEW.unread, 'problems', NEW.problems));
END;
CREATE TRIGGER note_parse_history_update AFTER UPDATE ON note_parse WHEN OLD.id IS NOT NEW.id OR OLD.defendant_id IS NOT NEW.defendant_id OR OLD.format IS NOT NEW.format OR OLD.parser_version IS NOT NEW.parser_version OR OLD.confidence IS NOT NEW.confidence OR OLD.fields IS NOT NEW.fields OR OLD.unread IS NOT NEW.unread OR OLD.problems IS NOT NEW.problems BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'note_parse', NEW.id, 'update',
            json_object('id', OLD.id, 'defendant_id', OLD.defendant_id, 'format', OLD.format, 'parser_version', OLD.parser_version, 'confidence', OLD.confidence, 'fields', OLD.fields, 'unread', OLD.unread, 'problems', OLD.problems),
            json_object('id', NEW.id, 'defendant_id', NEW.defendant_id, 'format', NEW.format, 'parser_version', NEW.parser_version, 'confidence', NEW.confidence, 'fields', NEW.fields, 'unread', NEW.unread, 'problems', NEW.problems));
END;
CREATE TRIGGER note_parse_history_delete AFTER DELETE ON note_parse BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'note_parse', OLD.id, 'delete',
            json_object('id', OLD.id, 'defendant_id', OLD.defendant_id, 'format', OLD.format, 'parser_version', OLD.parser_version, 'confidence', OLD.confidence, 'fields', OLD.fields, 'unread', OLD.unread, 'problems', OLD.problems), NULL);
END;
