import DossierStorage
import DossierDomain
import Foundation

/// One row's change within a change: what it was before and after.
public struct RowChange: Sendable {
    public enum Op: String, Sendable { case insert, update, delete }

    /// The `history` row, or 0 for a row an import created, recorded
    /// within one of its id ranges (`history_range`).
    public var historyID: Int64
    public var table: String
    public var rowID: Int64
    public var op: Op
    /// How a person refers to the row ("case pryanikov-1936").
    public var label: String
    public var before: RowValues?
    public var after: RowValues?

    /// The columns whose value differs between before and after (every
    /// column with a value for an insert or a delete).
    public var changedColumns: [String] {
        switch op {
        case .insert: return after.map { v in v.columns.filter { !v[$0].isNull } } ?? []
        case .delete: return before.map { v in v.columns.filter { !v[$0].isNull } } ?? []
        case .update:
            guard let before, let after else { return [] }
            return after.columns.filter { before[$0] != after[$0] }
        }
    }
}

/// One change: a command that wrote, with the rows it touched.
public struct ChangeEntry: Sendable {
    public var id: Int64
    public var at: String
    public var command: String
    public var summary: String?
    /// The change this one undid, for a revert.
    public var reverts: Int64?
    /// The change that undid this one, if any.
    public var revertedBy: Int64?
    /// How many rows it touched in all (or in the scope asked for).
    public var rowCount: Int
    /// Rows touched by table and operation ("person" → ["insert": 3]).
    public var counts: [String: [String: Int]]
    /// The rows, up to the limit asked for.
    public var rows: [RowChange]
}

/// What `history` should list.
public struct HistoryQuery: Sendable {
    /// A case ref, person ref or source key: only changes to that record
    /// and the rows that belong to it.
    public var ref: String?
    /// Only changes at or after this time (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`
    /// or a full `YYYY-MM-DDTHH:MM:SS` timestamp, UTC).
    public var since: String?
    /// Only this change.
    public var change: Int64?
    /// At most this many changes, newest first (nil: all).
    public var limit: Int?
    /// At most this many rows per change (nil: all).
    public var rowsPerChange: Int? = 10

    public init() {}
}

extension Archive {
    /// The changes recorded in the archive, newest first, each with the
    /// rows it touched and what they were before and after.
    /// - Throws: `NotFound` for an unknown ref or change, `FieldProblem` for
    ///   a `since` that is not a date, `SQLiteError`.
    public func history(_ query: HistoryQuery) throws -> [ChangeEntry] {
        let since = try query.since.map(Self.normalisedTimestamp)
        return try db.read {
            let labeler = RowLabeler(db: db)
            var scoped = false
            if let ref = query.ref {
                try fillHistoryScope(ref: ref)
                scoped = true
            }
            defer { if scoped { try? db.execute("DROP TABLE IF EXISTS temp.history_scope") } }
            var sql = "SELECT c.id, c.at, c.command, c.summary, c.reverts, "
                + "(SELECT max(r.id) FROM change r WHERE r.reverts = c.id) FROM change c WHERE 1"
            var bindings: [SQLBindable] = []
            if let since { sql += " AND c.at >= ?"; bindings.append(since) }
            if let change = query.change {
                guard try db.scalar("SELECT count(*) FROM change WHERE id = ?", [change]).intValue == 1 else {
                    throw NotFound("no change \(change) (see `dossier history` for the list)")
                }
                sql += " AND c.id = ?"
                bindings.append(change)
            }
            let ranges = try db.hasHistoryRanges()
            if scoped {
                sql += """
                     AND (EXISTS (SELECT 1 FROM history h JOIN temp.history_scope s
                                  ON s.table_name = h.table_name AND s.row_id = h.row_id WHERE h.change_id = c.id)
                    """
                if ranges {
                    sql += """
                         OR EXISTS (SELECT 1 FROM history_range r JOIN temp.history_scope s
                                    ON s.table_name = r.table_name AND s.row_id BETWEEN r.first_id AND r.last_id
                                    WHERE r.change_id = c.id)
                        """
                }
                sql += ")"
            }
            sql += " ORDER BY c.id DESC"
            if let limit = query.limit { sql += " LIMIT ?"; bindings.append(limit) }
            var entries: [ChangeEntry] = []
            for row in try db.fetchAll(sql, bindings) {
                let id = row[0].int64Value ?? 0
                var entry = ChangeEntry(id: id, at: row.string(1) ?? "", command: row.string(2) ?? "",
                                        summary: row.string(3), reverts: row[4].int64Value,
                                        revertedBy: row[5].int64Value, rowCount: 0, counts: [:], rows: [])
                let scopeJoin = scoped ? """
                     JOIN temp.history_scope s ON s.table_name = h.table_name AND s.row_id = h.row_id
                    """ : ""
                for count in try db.fetchAll("""
                    SELECT h.table_name, h.op, count(*) FROM history h \(scopeJoin)
                    WHERE h.change_id = ? GROUP BY h.table_name, h.op
                    """, [id]) {
                    let n = count.int(2) ?? 0
                    entry.counts[count.string(0) ?? "", default: [:]][count.string(1) ?? ""] = n
                    entry.rowCount += n
                }
                // The rows an import created, recorded as id ranges: each
                // is an insert of its own, read as the import left it.
                let created = try db.historyRanges(change: id)
                var createdIDs: [(range: HistoryRange, ids: [Int64])] = []
                for range in created {
                    let n = scoped ? try db.scalar("""
                        SELECT count(*) FROM temp.history_scope WHERE table_name = ? AND row_id BETWEEN ? AND ?
                        """, [range.table, range.first, range.last]).intValue ?? 0 : range.count
                    if n > 0 { entry.counts[range.table, default: [:]]["insert", default: 0] += n }
                    entry.rowCount += n
                }
                var rowsSQL = "SELECT h.id, h.table_name, h.row_id, h.op, h.before, h.after FROM history h \(scopeJoin) "
                    + "WHERE h.change_id = ? ORDER BY h.id"
                var rowBindings: [SQLBindable] = [id]
                if let limit = query.rowsPerChange { rowsSQL += " LIMIT ?"; rowBindings.append(limit) }
                for h in try db.fetchAll(rowsSQL, rowBindings) {
                    let table = h.string(1) ?? ""
                    let rowID = h[2].int64Value ?? 0
                    let before = try db.rowValues(json: h.string(4))
                    let after = try db.rowValues(json: db.afterImage(historyID: h[0].int64Value ?? 0, table: table, rowID: rowID,
                                                                     op: h.string(3) ?? "", after: h.string(5)))
                    entry.rows.append(RowChange(
                        historyID: h[0].int64Value ?? 0, table: table, rowID: rowID,
                        op: RowChange.Op(rawValue: h.string(3) ?? "") ?? .update,
                        label: labeler.label(table: table, values: after ?? before, id: rowID),
                        before: before, after: after))
                }
                // Then the ranges' rows (written when the import ended), up
                // to the limit.
                var room = query.rowsPerChange.map { $0 - entry.rows.count } ?? Int.max
                for range in created where room > 0 {
                    let ids: [Int64]
                    if scoped {
                        ids = try db.fetchAll("""
                            SELECT row_id FROM temp.history_scope WHERE table_name = ? AND row_id BETWEEN ? AND ?
                            ORDER BY row_id LIMIT ?
                            """, [range.table, range.first, range.last, room]).compactMap { $0[0].int64Value }
                    } else {
                        ids = Array(range.first...min(range.last, range.first + Int64(min(room, range.count)) - 1))
                    }
                    createdIDs.append((range, ids))
                    room -= ids.count
                }
                for (range, ids) in createdIDs {
                    for rowID in ids {
                        let after = try db.rowValues(json: db.importedImage(change: id, table: range.table, rowID: rowID))
                        entry.rows.append(RowChange(
                            historyID: 0, table: range.table, rowID: rowID, op: .insert,
                            label: labeler.label(table: range.table, values: after, id: rowID),
                            before: nil, after: after))
                    }
                }
                entries.append(entry)
            }
            return entries
        }
    }

    /// Fills `temp.history_scope` with every (table, row) that belongs to
    /// the record a ref names, now or at any time in the history: for a
    /// case its defendants, their charges, events and citations; for a
    /// person their names, citations and defendant rows (with those rows'
    /// charges, events and citations); for a source its citations.
    private func fillHistoryScope(ref: String) throws {
        try db.execute("DROP TABLE IF EXISTS temp.history_scope")
        try db.execute("""
            CREATE TEMP TABLE history_scope (table_name TEXT NOT NULL, row_id INTEGER NOT NULL,
                                             PRIMARY KEY (table_name, row_id)) WITHOUT ROWID
            """)
        /// Rows of `table` whose `column` was ever one of the scope's rows of `parent`.
        func addChildren(_ table: String, _ column: String, of parent: String) throws {
            let path = "$.\(column)"
            try db.execute("""
                INSERT OR IGNORE INTO temp.history_scope (table_name, row_id)
                SELECT ?, row_id FROM history
                WHERE table_name = ? AND (json_extract(after, ?) IN (SELECT row_id FROM temp.history_scope WHERE table_name = ?)
                                          OR json_extract(before, ?) IN (SELECT row_id FROM temp.history_scope WHERE table_name = ?))
                """, [table, table, path, parent, path, parent])
            // Rows written before history was kept (or outside it) still count.
            try db.execute("""
                INSERT OR IGNORE INTO temp.history_scope (table_name, row_id)
                SELECT ?, id FROM \(Escaping.sqlIdentifier(table))
                WHERE \(Escaping.sqlIdentifier(column)) IN (SELECT row_id FROM temp.history_scope WHERE table_name = ?)
                """, [table, parent])
        }
        func addRecord(_ table: String, keyColumn: String) throws -> Bool {
            let path = "$.\(keyColumn)"
            try db.execute("""
                INSERT OR IGNORE INTO temp.history_scope (table_name, row_id)
                SELECT ?, row_id FROM history
                WHERE table_name = ? AND (json_extract(after, ?) = ? OR json_extract(before, ?) = ?)
                """, [table, table, path, ref, path, ref])
            try db.execute("""
                INSERT OR IGNORE INTO temp.history_scope (table_name, row_id)
                SELECT ?, id FROM \(Escaping.sqlIdentifier(table)) WHERE \(Escaping.sqlIdentifier(keyColumn)) = ?
                """, [table, ref])
            return try db.scalar("SELECT count(*) FROM temp.history_scope WHERE table_name = ?", [table]).intValue ?? 0 > 0
        }
        func addDefendantRows() throws {
            try addChildren("charge", "defendant_id", of: "defendant")
            try addChildren("event", "defendant_id", of: "defendant")
            try addChildren("citation", "defendant_id", of: "defendant")
            try addChildren("citation", "event_id", of: "event")
        }
        if try addRecord("proceeding", keyColumn: "ref") {
            try addChildren("defendant", "proceeding_id", of: "proceeding")
            try addChildren("citation", "proceeding_id", of: "proceeding")
            try addDefendantRows()
        } else if try addRecord("person", keyColumn: "ref") {
            try addChildren("person_name", "person_id", of: "person")
            try addChildren("citation", "person_id", of: "person")
            try addChildren("defendant", "person_id", of: "person")
            try addDefendantRows()
        } else if try addRecord("source", keyColumn: "key") {
            try addChildren("citation", "source_id", of: "source")
        } else {
            try db.execute("DROP TABLE IF EXISTS temp.history_scope")
            let all = try db.fetchAll("""
                SELECT ref FROM proceeding UNION ALL SELECT ref FROM person UNION ALL SELECT key FROM source
                """).compactMap { $0.string(0) }
            throw NotFound("no case, person or source \(ref) now or in the history",
                           suggestions: Suggest.close(to: ref, in: all))
        }
    }

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a timestamp, as the earliest
    /// timestamp it stands for, comparable with `change.at`.
    static func normalisedTimestamp(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "-:TZ.".unicodeScalars.contains($0) }
        let parts = trimmed.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        let valid = digits && !trimmed.isEmpty && parts.count <= 3 && parts.first?.count == 4
            && parts.dropFirst().allSatisfy { $0.count == 2 }
        guard valid, (try? EDTFDate.parse(String(trimmed.prefix(10)))) != nil else {
            throw FieldProblem(problem: "\"\(text)\" is not a date",
                               expected: "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (UTC)")
        }
        switch parts.count {
        case 1: return trimmed + "-01-01"
        case 2: return trimmed + "-01"
        default: return trimmed
        }
    }
}
