-- The history of an import as id ranges. An import created one compact
-- 'insert' history row per record (0004): about seven rows for each case
-- row it read, though the import is one change. From now on it records, for
-- each table, the ids of the rows it created as runs of consecutive ids:
-- one `history_range` row per run (nearly always one per table and import),
-- attached to the import's change. A row inside a range is read as a
-- compact insert was: as the import left it, it is the `before` of the
-- first later history row of the same record, or, when no later change
-- touched it, the record as it is now.
--
-- Later changes to those rows keep their own history rows (the update and
-- delete triggers are unchanged), so `revert` refuses an import whose rows
-- a later change touched exactly as before. The compact insert rows that
-- earlier imports wrote stay in `history` and are read as before.
CREATE TABLE history_range (
    id INTEGER PRIMARY KEY,
    change_id INTEGER NOT NULL REFERENCES change(id),
    table_name TEXT NOT NULL,
    first_id INTEGER NOT NULL,
    last_id INTEGER NOT NULL,
    CHECK (first_id <= last_id)
);
CREATE INDEX history_range_change ON history_range(change_id);
CREATE INDEX history_range_row ON history_range(table_name, first_id);
