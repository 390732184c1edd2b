import DossierDomain
import DossierStorage

extension Connection {
    /// The after-image of a history row, as JSON text.
    ///
    /// A bulk import records the rows it creates compactly: an 'insert'
    /// row without an after-image (`BulkLoad`). The row as the import left
    /// it is then the `before` of the next history row of the same record
    /// (the first later change that updated or deleted it), or, when no
    /// later change touched it, the record as it is now. Every other history
    /// row carries its own after-image, which is returned as it is.
    func afterImage(historyID: Int64, table: String, rowID: Int64, op: String, after: String?) throws -> String? {
        guard after == nil, op == "insert", SchemaCatalog.isPlainIdentifier(table) else { return after }
        if let next = try nextHistoryRow(historyID: historyID, table: table, rowID: rowID) { return next.string(0) }
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
}
