import DossierDomain
import DossierStorage

/// What is derived from the rows an import creates — their history (as id ranges)
/// and the search keys of their names — written set-wise when the import
/// ends instead of by triggers firing once per row (migration 0004 explains
/// how the triggers stand aside meanwhile).
///
/// The history of the created rows is a few `history_range` rows (0017):
/// for each table, the runs of consecutive ids the import created. A row
/// in a range, as the import left it, is the record itself, or, once a
/// later change touched it, the `before` of that change's history row
/// (`Connection.importedImage`, which `history` and `revert` read it
/// through).
struct BulkLoad {
    static let tables = ["source", "person", "person_name", "proceeding", "defendant", "charge", "event", "citation",
                         "figure"]
    /// The per-row triggers that only write what `finish` writes set-wise:
    /// during the import they are dropped, and put back (from the SQL they
    /// had) by `finish`, in the same transaction. Every row an import
    /// inserts is at or above its table's `bulk_load.first_id`, where these
    /// triggers are silent anyway (0004); dropping them saves evaluating
    /// their `WHEN` for every row inserted.
    /// The full-text trigger that marks each inserted defendant for
    /// indexing (0003) goes too: `finish` marks the new defendants
    /// set-wise. The full-text triggers on charges, cases and the updates
    /// and deletes of defendants stay (0022): they delete the indexed text
    /// of a defendant that existed before the import before its records
    /// change, and leave the import's own new defendants alone.
    static let quietTriggers = tables.map { "\($0)_history_insert" }
        + ["person_name_keys_insert", "defendant_search_insert"]
    /// Indexes no import reads (they serve searches, statistics and
    /// listings). Keeping them up to date row by row writes all over their
    /// B-trees (a charge's statute, a citation's source come in no order);
    /// when an import is at least as large as the archive they are dropped
    /// for its duration and built again by `finish`, in one sorted pass.
    /// Measured on 200,000 generated rows into an empty archive: writing
    /// the rows 8.4 s with them, 6.7 s without, 0.4 s to build them again.
    static let deferredIndexes = ["proceeding_date", "proceeding_body_kind", "proceeding_date_ref",
                                  "defendant_outcome", "charge_ref", "citation_source"]
    /// Input bytes a case row takes, about (generated rows: 337 bytes).
    static let bytesPerRow = 350
    let db: Connection
    /// The SQL of the triggers dropped by `begin`.
    let dropped: [String]
    /// The SQL of the indexes dropped by `begin`.
    let droppedIndexes: [String]

    /// Marks the start of a bulk import inside its transaction.
    /// - Parameter inputBytes: the size of the inputs, to tell whether the
    ///   import is large beside the archive (then `deferredIndexes` go).
    static func begin(_ db: Connection, inputBytes: Int = 0) throws -> BulkLoad {
        for table in tables {
            // Table names come from the fixed list above.
            try db.execute("INSERT INTO bulk_load (table_name, first_id) SELECT ?, coalesce(max(id), 0) + 1 FROM \(table)",
                           [table])
        }
        let dropped = try drop("trigger", quietTriggers, db)
        let defendants = try db.scalar("SELECT coalesce(max(id), 0) FROM defendant").int64Value ?? 0
        let droppedIndexes = Int64(inputBytes / bytesPerRow) >= defendants ? try drop("index", deferredIndexes, db) : []
        return BulkLoad(db: db, dropped: dropped, droppedIndexes: droppedIndexes)
    }

    /// Drops the schema objects of this type and these names that exist.
    /// - Returns: the SQL that creates them again.
    static func drop(_ type: String, _ names: [String], _ db: Connection) throws -> [String] {
        var sql: [String] = []
        for name in names {
            guard let create = try db.scalar("SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?",
                                             [type, name]).stringValue else { continue }
            sql.append(create)
            // The type is "trigger" or "index", from this file.
            try db.execute("DROP \(type.uppercased()) \(Escaping.sqlIdentifier(name))")
        }
        return sql
    }

    /// Records the ids of the rows the import created as ranges attached
    /// to the import's change; then the name keys of the names it
    /// created; then puts the triggers back and ends the bulk import.
    func finish() throws {
        // SQLite's sorter (ORDER BY, CREATE INDEX) holds up to cache_size
        // bytes in memory beside the page cache itself: both are cut to a
        // quarter while the derived rows are sorted and written, to keep the
        // peak memory of an import well under 200 MB. A million rows after
        // 50,000 sources in one run: 193 MB with the 64 MB of `bulkSettings`
        // throughout, 188 MB with half, 156 MB with a quarter (the same
        // 44 s); the sorter spills to temporary files instead.
        let cacheSize = try db.scalar("PRAGMA cache_size").intValue ?? -2000
        try db.execute("PRAGMA cache_size = \(cacheSize < 0 ? cacheSize / 4 : cacheSize)")
        defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }
        for table in Self.tables {
            // The created rows are the table's ids from `first_id` on; rows
            // the import created and removed again leave gaps, so the ids
            // are recorded as runs of consecutive ids (id minus its rank
            // is the same along a run).
            try db.execute("""
                INSERT INTO history_range (change_id, table_name, first_id, last_id)
                SELECT (SELECT max(id) FROM change), ?, min(id), max(id)
                FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM \(table)
                      WHERE id >= (SELECT first_id FROM bulk_load WHERE table_name = ?))
                GROUP BY run ORDER BY run
                """, [table, table])
        }
        ImportTiming.mark("history")
        // The same keys as the trigger person_name_keys_insert (0003) adds
        // one name at a time, inserted in key order: appending to the
        // name_key B-tree instead of writing all over it. The other indexes
        // of name_key (by name) would then be written all over instead:
        // when the import created at least as many names as there were,
        // they are dropped and built again afterwards, in one sorted pass.
        let firstName = try db.scalar("SELECT first_id FROM bulk_load WHERE table_name = 'person_name'").int64Value ?? 1
        let lastName = try db.scalar("SELECT coalesce(max(id), 0) FROM person_name").int64Value ?? 0
        var rebuild: [String] = []
        if lastName - firstName + 1 >= firstName - 1 {
            let indexes = try db.fetchAll("""
                SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'name_key' AND sql IS NOT NULL
                """).compactMap { $0.string(0) }
            rebuild = try Self.drop("index", indexes, db)
        }
        // The keys are those of dossier_name_keys(n.name), computed a batch
        // of names at a time on every processor (NameKeyBatch).
        let batch = NameKeyBatch(db: db)
        try batch.register()
        defer { batch.finish() }
        try db.execute("""
            INSERT OR IGNORE INTO name_key (key, name_id, person_id)
            SELECT j.value, n.id, n.person_id FROM person_name n, json_each(dossier_bulk_name_keys(n.id, n.name)) j
            WHERE n.id >= ?
            ORDER BY j.value, n.id
            """, [firstName])
        ImportTiming.mark("name keys: compute, sort and insert")
        // The typo keys of the surname keys the new names brought (what the
        // trigger adds to surname_typo, migration 0012): computed once per
        // distinct surname key, read in key order from name_key.
        try db.execute("""
            INSERT OR IGNORE INTO surname_typo (key, surname)
            SELECT j.value, s.key
            FROM (SELECT DISTINCT key FROM name_key WHERE key >= 's:' AND key < 's;' AND name_id >= ?) s,
                 json_each(dossier_surname_typo_keys(s.key)) j
            """, [firstName])
        ImportTiming.mark("surname typo keys")
        for sql in rebuild { try db.execute(sql) }
        ImportTiming.mark("name keys: rebuild indexes")
        // What defendant_search_insert would have marked for the full-text
        // index (SearchIndex.refresh indexes it before the transaction
        // commits). The defendants that existed before and gained charges
        // were marked by charge_search_before_insert (0022), after their
        // old text was deleted from the index.
        try db.execute("""
            INSERT OR IGNORE INTO search_dirty (defendant_id)
            SELECT id FROM defendant WHERE id >= (SELECT first_id FROM bulk_load WHERE table_name = 'defendant')
            """)
        for sql in dropped { try db.execute(sql) }
        try db.execute("DELETE FROM bulk_load")
        ImportTiming.mark("full-text marks, triggers back")
        for sql in droppedIndexes { try db.execute(sql) }
        ImportTiming.mark("deferred indexes")
    }
}
