import DossierDomain
import DossierStorage

/// The rows one import created in one table: ids `first` to `last`, every
/// one of them (a `history_range` row, migration 0017).
struct HistoryRange: Sendable {
    var id: Int64
    var change: Int64
    var table: String
    var first: Int64
    var last: Int64

    var count: Int { Int(last - first + 1) }
}

extension Connection {
    /// The after-image of a history row, as JSON text.
    ///
    /// A bulk import before migration 0017 recorded the rows it created
    /// compactly: an 'insert' row without an after-image. The row as the
    /// import left it is then the `before` of the next history row of the
    /// same record (the first later change that updated or deleted it), or,
    /// when no later change touched it, the record as it is now. Every other
    /// history row carries its own after-image, which is returned as it is.
    func afterImage(historyID: Int64, table: String, rowID: Int64, op: String, after: String?) throws -> String? {
        guard after == nil, op == "insert", SchemaCatalog.isPlainIdentifier(table) else { return after }
        if let next = try nextHistoryRow(historyID: historyID, table: table, rowID: rowID) { return next.string(0) }
        return try currentImage(table: table, rowID: rowID)
    }

    /// A row of an import's `history_range`, as the import left it: the
    /// `before` of the first history row of the record written by a later
    /// change, or, when no later change touched it, the record as it is now.
    func importedImage(change: Int64, table: String, rowID: Int64) throws -> String? {
        guard SchemaCatalog.isPlainIdentifier(table) else { return nil }
        if let next = try nextHistoryRow(afterChange: change, table: table, rowID: rowID) { return next.string(0) }
        return try currentImage(table: table, rowID: rowID)
    }

    /// The record as it is now, as a JSON object in column order.
    private func currentImage(table: String, rowID: Int64) throws -> String? {
        let columns = try fetchAll("SELECT name FROM pragma_table_info(?) ORDER BY cid", [table]).compactMap { $0.string(0) }
            .filter(SchemaCatalog.isPlainIdentifier)
        guard !columns.isEmpty else { return nil }
        let members = columns.map { "'\($0)', \(Escaping.sqlIdentifier($0))" }.joined(separator: ", ")
        return try cached("SELECT json_object(\(members)) FROM \(Escaping.sqlIdentifier(table)) WHERE id = ?")
            .fetchOne([rowID])?.string(0)
    }

    /// The first history row of the same record after this one (its
    /// `before`), or nil when no later change touched the record.
    func nextHistoryRow(historyID: Int64, table: String, rowID: Int64) throws -> Row? {
        try cached("SELECT before FROM history WHERE table_name = ? AND row_id = ? AND id > ? ORDER BY id LIMIT 1")
            .fetchOne([table, rowID, historyID])
    }

    /// The first history row of the record written by a change after this
    /// one (its `before`), or nil when no later change touched the record.
    /// (An import writes no history row of a record it created: its update
    /// and delete triggers are silent for them, migration 0004.)
    func nextHistoryRow(afterChange change: Int64, table: String, rowID: Int64) throws -> Row? {
        try cached("SELECT before FROM history WHERE table_name = ? AND row_id = ? AND change_id > ? ORDER BY id LIMIT 1")
            .fetchOne([table, rowID, change])
    }

    /// Whether the archive records imports as ranges (migration 0017).
    func hasHistoryRanges() throws -> Bool {
        try cached("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'history_range'").fetchOne()?[0].intValue == 1
    }

    /// The ranges of one change, in the order they were written.
    func historyRanges(change: Int64) throws -> [HistoryRange] {
        guard try hasHistoryRanges() else { return [] }
        return try cached("""
            SELECT id, change_id, table_name, first_id, last_id FROM history_range WHERE change_id = ? ORDER BY id
            """).fetchAll([change]).map { row in
            HistoryRange(id: row[0].int64Value ?? 0, change: row[1].int64Value ?? 0, table: row.string(2) ?? "",
                         first: row[3].int64Value ?? 0, last: row[4].int64Value ?? 0)
        }
    }
}
