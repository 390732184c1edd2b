-- Merging duplicates (see Sources/Dossier/Duplicates).
--
-- person_alias, proceeding_alias: the ref of a record that was merged into
-- another, so that the old ref still resolves (`dossier show OLD` says where
-- it went). change_id is the merge that made the alias; reverting that
-- change removes the alias and brings the record back.
CREATE TABLE person_alias (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE CHECK (length(ref) > 0),
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    change_id INTEGER REFERENCES change(id)
);
CREATE INDEX person_alias_person ON person_alias(person_id);

CREATE TABLE proceeding_alias (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE CHECK (length(ref) > 0),
    proceeding_id INTEGER NOT NULL REFERENCES proceeding(id) ON DELETE CASCADE,
    change_id INTEGER REFERENCES change(id)
);
CREATE INDEX proceeding_alias_proceeding ON proceeding_alias(proceeding_id);

-- A merged ref stays taken: a new person or case may not reuse it (an
-- import of the old file would otherwise quietly bring the duplicate back).
CREATE TRIGGER person_ref_not_alias_insert BEFORE INSERT ON person
WHEN EXISTS (SELECT 1 FROM person_alias WHERE ref = NEW.ref) BEGIN
    SELECT RAISE(ABORT, 'this person ref was merged into another person and is kept as an alias; use the ref of the person it was merged into (dossier show REF names it)');
END;
CREATE TRIGGER person_ref_not_alias_update BEFORE UPDATE OF ref ON person
WHEN EXISTS (SELECT 1 FROM person_alias WHERE ref = NEW.ref) BEGIN
    SELECT RAISE(ABORT, 'this person ref was merged into another person and is kept as an alias; use the ref of the person it was merged into (dossier show REF names it)');
END;
CREATE TRIGGER person_alias_not_ref BEFORE INSERT ON person_alias
WHEN EXISTS (SELECT 1 FROM person WHERE ref = NEW.ref) BEGIN
    SELECT RAISE(ABORT, 'a person with this ref exists; an alias needs a ref of its own');
END;
CREATE TRIGGER proceeding_ref_not_alias_insert BEFORE INSERT ON proceeding
WHEN EXISTS (SELECT 1 FROM proceeding_alias WHERE ref = NEW.ref) BEGIN
    SELECT RAISE(ABORT, 'this case ref was merged into another case and is kept as an alias; use the ref of the case it was merged into (dossier show REF names it)');
END;
CREATE TRIGGER proceeding_ref_not_alias_update BEFORE UPDATE OF ref ON proceeding
WHEN EXISTS (SELECT 1 FROM proceeding_alias WHERE ref = NEW.ref) BEGIN
    SELECT RAISE(ABORT, 'this case ref was merged into another case and is kept as an alias; use the ref of the case it was merged into (dossier show REF names it)');
END;
CREATE TRIGGER proceeding_alias_not_ref BEFORE INSERT ON proceeding_alias
WHEN EXISTS (SELECT 1 FROM proceeding WHERE ref = NEW.ref) BEGIN
    SELECT RAISE(ABORT, 'a case with this ref exists; an alias needs a ref of its own');
END;

-- Pairs an editor judged to be different people (or different cases):
-- `dossier duplicates` never proposes them again. Each pair once, the
-- lower id first.
CREATE TABLE not_duplicate (
    id INTEGER PRIMARY KEY,
    person_a INTEGER REFERENCES person(id) ON DELETE CASCADE,
    person_b INTEGER REFERENCES person(id) ON DELETE CASCADE,
    proceeding_a INTEGER REFERENCES proceeding(id) ON DELETE CASCADE,
    proceeding_b INTEGER REFERENCES proceeding(id) ON DELETE CASCADE,
    note TEXT,
    CHECK ((person_a IS NOT NULL AND person_b IS NOT NULL AND person_a < person_b
            AND proceeding_a IS NULL AND proceeding_b IS NULL)
        OR (proceeding_a IS NOT NULL AND proceeding_b IS NOT NULL AND proceeding_a < proceeding_b
            AND person_a IS NULL AND person_b IS NULL))
);
CREATE UNIQUE INDEX not_duplicate_persons ON not_duplicate(person_a, person_b) WHERE person_a IS NOT NULL;
CREATE INDEX not_duplicate_person_b ON not_duplicate(person_b) WHERE person_b IS NOT NULL;
CREATE UNIQUE INDEX not_duplicate_proceedings ON not_duplicate(proceeding_a, proceeding_b) WHERE proceeding_a IS NOT NULL;
CREATE INDEX not_duplicate_proceeding_b ON not_duplicate(proceeding_b) WHERE proceeding_b IS NOT NULL;

-- History of these tables, as for the records (0002), so that a merge or a
-- judgement is one change that `dossier revert` undoes whole.

CREATE TRIGGER person_alias_history_insert AFTER INSERT ON person_alias BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person_alias', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'ref', NEW.ref, 'person_id', NEW.person_id, 'change_id', NEW.change_id));
END;
CREATE TRIGGER person_alias_history_update AFTER UPDATE ON person_alias WHEN OLD.id IS NOT NEW.id OR OLD.ref IS NOT NEW.ref OR OLD.person_id IS NOT NEW.person_id OR OLD.change_id IS NOT NEW.change_id BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person_alias', NEW.id, 'update',
            json_object('id', OLD.id, 'ref', OLD.ref, 'person_id', OLD.person_id, 'change_id', OLD.change_id),
            json_object('id', NEW.id, 'ref', NEW.ref, 'person_id', NEW.person_id, 'change_id', NEW.change_id));
END;
CREATE TRIGGER person_alias_history_delete AFTER DELETE ON person_alias BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'person_alias', OLD.id, 'delete',
            json_object('id', OLD.id, 'ref', OLD.ref, 'person_id', OLD.person_id, 'change_id', OLD.change_id), NULL);
END;

CREATE TRIGGER proceeding_alias_history_insert AFTER INSERT ON proceeding_alias BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding_alias', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'ref', NEW.ref, 'proceeding_id', NEW.proceeding_id, 'change_id', NEW.change_id));
END;
CREATE TRIGGER proceeding_alias_history_update AFTER UPDATE ON proceeding_alias WHEN OLD.id IS NOT NEW.id OR OLD.ref IS NOT NEW.ref OR OLD.proceeding_id IS NOT NEW.proceeding_id OR OLD.change_id IS NOT NEW.change_id BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding_alias', NEW.id, 'update',
            json_object('id', OLD.id, 'ref', OLD.ref, 'proceeding_id', OLD.proceeding_id, 'change_id', OLD.change_id),
            json_object('id', NEW.id, 'ref', NEW.ref, 'proceeding_id', NEW.proceeding_id, 'change_id', NEW.change_id));
END;
CREATE TRIGGER proceeding_alias_history_delete AFTER DELETE ON proceeding_alias BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'proceeding_alias', OLD.id, 'delete',
            json_object('id', OLD.id, 'ref', OLD.ref, 'proceeding_id', OLD.proceeding_id, 'change_id', OLD.change_id), NULL);
END;

CREATE TRIGGER not_duplicate_history_insert AFTER INSERT ON not_duplicate BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'not_duplicate', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'person_a', NEW.person_a, 'person_b', NEW.person_b, 'proceeding_a', NEW.proceeding_a, 'proceeding_b', NEW.proceeding_b, 'note', NEW.note));
END;
CREATE TRIGGER not_duplicate_history_update AFTER UPDATE ON not_duplicate WHEN OLD.id IS NOT NEW.id OR OLD.person_a IS NOT NEW.person_a OR OLD.person_b IS NOT NEW.person_b OR OLD.proceeding_a IS NOT NEW.proceeding_a OR OLD.proceeding_b IS NOT NEW.proceeding_b OR OLD.note IS NOT NEW.note BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'not_duplicate', NEW.id, 'update',
            json_object('id', OLD.id, 'person_a', OLD.person_a, 'person_b', OLD.person_b, 'proceeding_a', OLD.proceeding_a, 'proceeding_b', OLD.proceeding_b, 'note', OLD.note),
            json_object('id', NEW.id, 'person_a', NEW.person_a, 'person_b', NEW.person_b, 'proceeding_a', NEW.proceeding_a, 'proceeding_b', NEW.proceeding_b, 'note', NEW.note));
END;
CREATE TRIGGER not_duplicate_history_delete AFTER DELETE ON not_duplicate BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'not_duplicate', OLD.id, 'delete',
            json_object('id', OLD.id, 'person_a', OLD.person_a, 'person_b', OLD.person_b, 'proceeding_a', OLD.proceeding_a, 'proceeding_b', OLD.proceeding_b, 'note', OLD.note), NULL);
END;
