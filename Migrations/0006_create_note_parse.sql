-- How a defendant record was read from a biographical note (Memorial's
-- house style): which parser, how much of the note it read, and for every
-- structured field the stretch of the note it came from. The note itself
-- is the defendant's `notes`, verbatim.
--
-- `fields` is a JSON array with one array per field:
--   [field, value, start, end]            a field of the note's first case
--   [field, value, start, end, case]      of its second (1) or later case
--   [field, value, start, end, case, "name"]  read from the name (the sex
--                                         from a patronymic)
-- `value` is null when it is the quoted text itself (a birthplace, a body
-- as written) and given when it differs (`1937-08-14` for «14.08.1937»,
-- `dvoika`, `RSFSR-1926:58-10`). Offsets count Unicode code points from 0,
-- end exclusive, so substr(notes, start + 1, end - start) is the quote.
-- `unread` is a JSON array of [start, end] stretches the parser did not
-- read; `problems` a JSON array of strings. `confidence` is the share of
-- the note's letters and digits that went into fields (0 to 1).
--
-- Like the search indexes, the parse is derived (from the note and the
-- parser version) and has no history of its own; it goes with its
-- defendant, and when the note's text changes by any other way than a new
-- parse (an edit, a revert), the parse no longer describes it and is
-- deleted. Importing the note again makes it anew.
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

CREATE TRIGGER note_parse_stale AFTER UPDATE OF notes ON defendant WHEN OLD.notes IS NOT NEW.notes BEGIN
    DELETE FROM note_parse WHERE defendant_id = NEW.id;
END;

-- One row per field read, with its value and quote: for queries such as
-- "every birthplace and the words it was read from".
CREATE VIEW note_field AS
SELECT parse_id, defendant_id, field, coalesce(value, quote) AS value, case_index, start, "end", in_name, quote
FROM (
    SELECT p.id AS parse_id,
           p.defendant_id AS defendant_id,
           json_extract(f.value, '$[0]') AS field,
           json_extract(f.value, '$[1]') AS value,
           coalesce(json_extract(f.value, '$[4]'), 0) AS case_index,
           json_extract(f.value, '$[2]') AS start,
           json_extract(f.value, '$[3]') AS "end",
           json_extract(f.value, '$[5]') IS NOT NULL AS in_name,
           substr(CASE WHEN json_extract(f.value, '$[5]') = 'name' THEN n.name ELSE d.notes END,
                  json_extract(f.value, '$[2]') + 1,
                  json_extract(f.value, '$[3]') - json_extract(f.value, '$[2]')) AS quote
    FROM note_parse p
    JOIN defendant d ON d.id = p.defendant_id
    JOIN person_name n ON n.person_id = d.person_id AND n.is_primary = 1,
         json_each(p.fields) f
);
