import DossierStorage

/// What is derived from the rows an import creates — their history rows
/// and the search keys of their names — written set-wise when the import
/// ends instead of by triggers firing once per row (migration 0004 explains
/// how the triggers stand aside meanwhile).
struct BulkLoad {
    static let tables = ["source", "person", "person_name", "proceeding", "defendant", "charge", "event", "citation"]
    let db: Connection

    /// Marks the start of a bulk import inside its transaction.
    static func begin(_ db: Connection) throws -> BulkLoad {
        for table in tables {
            // Table names come from the fixed list above.
            try db.execute("INSERT INTO bulk_load (table_name, first_id) SELECT ?, coalesce(max(id), 0) + 1 FROM \(table)",
                           [table])
        }
        return BulkLoad(db: db)
    }

    /// Writes one 'insert' history row per row the import created, with
    /// the same after-image the per-row trigger writes (its `json_object`
    /// is read from the trigger itself, so the two cannot drift apart),
    /// attached to the import's change; then the name keys of the names it
    /// created; then ends the bulk import.
    func finish() throws {
        for table in Self.tables {
            guard let sql = try db.scalar("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                                          ["\(table)_history_insert"]).stringValue,
                  let image = Self.jsonObject(in: sql)?.replacingOccurrences(of: "NEW.", with: "")
            else { throw ArchiveError("the history trigger of \(table) is missing; run `dossier init` to migrate") }
            try db.execute("""
                INSERT INTO history (change_id, table_name, row_id, op, before, after)
                SELECT (SELECT max(id) FROM change), '\(table)', id, 'insert', NULL, \(image)
                FROM \(table) WHERE id >= (SELECT first_id FROM bulk_load WHERE table_name = ?) ORDER BY id
                """, [table])
        }
        // The same keys as the trigger person_name_keys_insert (0003) adds
        // one name at a time, inserted in key order: appending to the
        // name_key B-tree instead of writing all over it.
        try db.execute("""
            INSERT OR IGNORE INTO name_key (key, name_id, person_id)
            SELECT j.value, n.id, n.person_id FROM person_name n, json_each(dossier_name_keys(n.name)) j
            WHERE n.id >= (SELECT first_id FROM bulk_load WHERE table_name = 'person_name')
            ORDER BY j.value, n.id
            """)
        try db.execute("DELETE FROM bulk_load")
    }

    /// The first `json_object(...)` call in a trigger's SQL.
    static func jsonObject(in sql: String) -> String? {
        guard let start = sql.range(of: "json_object(") else { return nil }
        var depth = 0
        var inString = false
        var index = start.lowerBound
        while index < sql.endIndex {
            let character = sql[index]
            if character == "'" { inString.toggle() } else if !inString {
                if character == "(" { depth += 1 }
                if character == ")" {
                    depth -= 1
                    if depth == 0 { return String(sql[start.lowerBound...index]) }
                }
            }
            index = sql.index(after: index)
        }
        return nil
    }
}
