-- The full-text index without a second copy of its text. search_text
-- (0003) was a plain FTS5 table: beside its index it stored every
-- defendant's text again in search_text_content (141 MB of a 1.71 GB
-- archive at a million generated rows). It is now an external-content
-- table over the view defendant_search_text: the index alone is stored,
-- and the text, when a query asks for it, is read from the records.
--
-- An external-content index is kept by hand. Removing a defendant's row
-- from it takes FTS5's 'delete' command with the very text that was
-- indexed, so the old text is deleted BEFORE the records change: BEFORE
-- triggers on every table the view reads (defendant, charge, proceeding)
-- delete the defendant's indexed text, unless it is already marked in
-- search_dirty, and then mark it. So a defendant in search_dirty has no
-- row in the index, and every other defendant has exactly its current
-- text there. SearchIndex.refresh, at the end of each write, indexes the
-- current text of the marked defendants that still exist and clears the
-- marks.
--
-- During a bulk import (0004, BulkLoad) the defendants it creates are
-- marked when it ends, set-wise; these triggers leave them alone (they
-- are not indexed yet), and act as above for the defendants that existed
-- before it (a re-import that changes them, or a new charge of one).
DROP TRIGGER defendant_search_update;
DROP TRIGGER defendant_search_delete;
DROP TRIGGER charge_search_insert;
DROP TRIGGER charge_search_update;
DROP TRIGGER charge_search_delete;
DROP TRIGGER proceeding_search_update;
DROP TABLE search_text;

CREATE VIRTUAL TABLE search_text USING fts5(
    text, content = 'defendant_search_text', content_rowid = 'defendant_id',
    tokenize = 'unicode61 remove_diacritics 2');

-- defendant_search_insert (0003) stays: a new defendant has nothing
-- indexed yet, it is only marked.
CREATE TRIGGER defendant_search_update
BEFORE UPDATE OF id, proceeding_id, charge_text, outcome_text, sentence, notes ON defendant
WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO search_text (search_text, rowid, text)
    SELECT 'delete', defendant_id, text FROM defendant_search_text
    WHERE defendant_id = OLD.id AND OLD.id NOT IN (SELECT defendant_id FROM search_dirty);
    INSERT OR IGNORE INTO search_dirty VALUES (OLD.id);
    INSERT OR IGNORE INTO search_dirty VALUES (NEW.id);
END;
CREATE TRIGGER defendant_search_delete BEFORE DELETE ON defendant
WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO search_text (search_text, rowid, text)
    SELECT 'delete', defendant_id, text FROM defendant_search_text
    WHERE defendant_id = OLD.id AND OLD.id NOT IN (SELECT defendant_id FROM search_dirty);
    INSERT OR IGNORE INTO search_dirty VALUES (OLD.id);
END;
-- A new charge changes its defendant's text. Named apart from 0003's
-- charge_search_insert, which a bulk import dropped for its duration:
-- this one must fire then too, for the defendants that existed before.
CREATE TRIGGER charge_search_before_insert BEFORE INSERT ON charge
WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND NEW.defendant_id >= b.first_id) BEGIN
    INSERT INTO search_text (search_text, rowid, text)
    SELECT 'delete', defendant_id, text FROM defendant_search_text
    WHERE defendant_id = NEW.defendant_id AND NEW.defendant_id NOT IN (SELECT defendant_id FROM search_dirty);
    INSERT OR IGNORE INTO search_dirty VALUES (NEW.defendant_id);
END;
CREATE TRIGGER charge_search_update BEFORE UPDATE OF defendant_id, raw, ref, description ON charge BEGIN
    INSERT INTO search_text (search_text, rowid, text)
    SELECT 'delete', v.defendant_id, v.text FROM defendant_search_text v
    WHERE v.defendant_id IN (OLD.defendant_id, NEW.defendant_id)
      AND v.defendant_id NOT IN (SELECT defendant_id FROM search_dirty)
      AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND v.defendant_id >= b.first_id);
    INSERT OR IGNORE INTO search_dirty VALUES (OLD.defendant_id);
    INSERT OR IGNORE INTO search_dirty VALUES (NEW.defendant_id);
END;
CREATE TRIGGER charge_search_delete BEFORE DELETE ON charge
WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND OLD.defendant_id >= b.first_id) BEGIN
    INSERT INTO search_text (search_text, rowid, text)
    SELECT 'delete', defendant_id, text FROM defendant_search_text
    WHERE defendant_id = OLD.defendant_id AND OLD.defendant_id NOT IN (SELECT defendant_id FROM search_dirty);
    INSERT OR IGNORE INTO search_dirty VALUES (OLD.defendant_id);
END;
-- A case's words are in each of its defendants' text. Deleting a case
-- deletes its defendants by cascade only after the case row is gone, when
-- their text can no longer be read: it is deleted here, before.
CREATE TRIGGER proceeding_search_update BEFORE UPDATE OF id, title, body, place, notes ON proceeding BEGIN
    INSERT INTO search_text (search_text, rowid, text)
    SELECT 'delete', v.defendant_id, v.text FROM defendant d JOIN defendant_search_text v ON v.defendant_id = d.id
    WHERE d.proceeding_id = OLD.id AND d.id NOT IN (SELECT defendant_id FROM search_dirty)
      AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND d.id >= b.first_id);
    INSERT OR IGNORE INTO search_dirty SELECT id FROM defendant WHERE proceeding_id = OLD.id;
END;
CREATE TRIGGER proceeding_search_delete BEFORE DELETE ON proceeding BEGIN
    INSERT INTO search_text (search_text, rowid, text)
    SELECT 'delete', v.defendant_id, v.text FROM defendant d JOIN defendant_search_text v ON v.defendant_id = d.id
    WHERE d.proceeding_id = OLD.id AND d.id NOT IN (SELECT defendant_id FROM search_dirty)
      AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'defendant' AND d.id >= b.first_id);
    INSERT OR IGNORE INTO search_dirty SELECT id FROM defendant WHERE proceeding_id = OLD.id;
END;

INSERT INTO search_text (search_text) VALUES ('rebuild');
DELETE FROM search_dirty;
