import DossierStorage
import DossierDomain
import Foundation

/// Why a change cannot be reverted. Nothing was written.
public struct RevertRefused: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What `revert` did.
public struct RevertResult: Sendable {
    /// The change that was undone.
    public var reverted: Int64
    /// The new change that records the undoing.
    public var change: Int64
    /// Rows put back, by table and by what was done to them now.
    public var counts: [String: [String: Int]]
    public var rowCount: Int

    /// "deleted 3 persons, 2 names; restored 1 case; reset 1 defendant".
    public var summary: String {
        var parts: [String] = []
        for (verb, op) in [("deleted", "delete"), ("restored", "insert"), ("reset", "update")] {
            let items = counts.keys.sorted().compactMap { table -> String? in
                guard let n = counts[table]?[op], n > 0 else { return nil }
                return "\(n) \(table.recordKindName)\(n == 1 ? "" : "s")"
            }
            if !items.isEmpty { parts.append(verb + " " + items.joined(separator: ", ")) }
        }
        return parts.isEmpty ? "nothing to do" : parts.joined(separator: "; ")
    }
}

extension Archive {
    /// Undoes one change: the inverse of each of its row operations, newest
    /// first, in one transaction recorded as a new change whose `reverts`
    /// names the old one.
    ///
    /// Refuses, writing nothing, when a later change touched any of the same
    /// rows (revert that one first), when a row is not as the change left
    /// it, when deleting a row it inserted would take records added later
    /// with it, or when a row it restores would point at a record that is
    /// gone.
    /// - Throws: `NotFound` for an unknown change, `RevertRefused`,
    ///   `SQLiteError`.
    public func revert(change id: Int64) throws -> RevertResult {
        guard let target = try db.fetchOne("SELECT command, summary FROM change WHERE id = ?", [id]) else {
            throw NotFound("no change \(id) (see `dossier history` for the list)")
        }
        let described = "change \(id) (\(Self.describe(command: target.string(0), summary: target.string(1))))"
        let ranges = try db.historyRanges(change: id)
        let rows = try db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [id]).intValue ?? 0
        let total = rows + ranges.reduce(0) { $0 + $1.count }
        if total == 0 {
            throw RevertRefused("\(described) changed no records; there is nothing to revert")
        }
        try refuseIfTouchedLater(id, described: described)

        let catalog = SchemaCatalog(db: db)
        let labeler = RowLabeler(db: db)
        let summary = "revert change \(id): " + Self.describe(command: target.string(0), summary: target.string(1))
        return try change(command: "revert", summary: summary) {
            let newChange = try db.scalar("SELECT max(id) FROM change").int64Value ?? 0
            try db.execute("UPDATE change SET reverts = ? WHERE id = ?", [id, newChange])
            // Rows are put back newest first, so parents are removed after
            // their children and restored before them; any order the
            // history has left is settled by checking keys at COMMIT.
            try db.execute("PRAGMA defer_foreign_keys = ON")
            try db.execute("DROP TABLE IF EXISTS temp.revert_touched")
            try db.execute("""
                CREATE TEMP TABLE revert_touched (table_name TEXT NOT NULL, row_id INTEGER NOT NULL,
                                                  PRIMARY KEY (table_name, row_id)) WITHOUT ROWID
                """)
            defer { try? db.execute("DROP TABLE IF EXISTS temp.revert_touched") }
            var result = RevertResult(reverted: id, change: newChange, counts: [:], rowCount: 0)
            // The rows an import created, recorded as id ranges, were
            // written when it ended, after its other history rows: they
            // go first, newest range and newest row first. Each is undone
            // as a compact insert: the row as the import left it is the
            // `before` of the next change to it, or, when no later change
            // touched it, the row as it is now.
            for range in ranges.reversed() {
                let table = try catalog.checkedTable(range.table)
                var rowID = range.last
                while rowID >= range.first {
                    let next = try db.nextHistoryRow(afterChange: id, table: table, rowID: rowID)
                    try undo(op: "insert", table: table, rowID: rowID, before: nil, after: next?.string(0),
                             rowIsImage: next == nil, catalog: catalog, labeler: labeler, described: described)
                    result.counts[table, default: [:]]["delete", default: 0] += 1
                    result.rowCount += 1
                    rowID -= 1
                }
            }
            var upper = Int64.max
            let batch = try db.prepare("""
                SELECT id, table_name, row_id, op, before, after FROM history
                WHERE change_id = ? AND id < ? ORDER BY id DESC LIMIT 500
                """)
            while true {
                let rows = try batch.fetchAll([id, upper])
                guard let last = rows.last else { break }
                upper = last[0].int64Value ?? 0
                for row in rows {
                    let table = try catalog.checkedTable(row.string(1) ?? "")
                    let rowID = row[2].int64Value ?? 0
                    let op = row.string(3) ?? ""
                    // A compact insert of a bulk import: the row as the import
                    // left it is the `before` of the next change to it, or,
                    // when no later change touched it, the row as it is now.
                    let historyID = row[0].int64Value ?? 0
                    var after = row.string(5)
                    var rowIsImage = false
                    if op == "insert", row[5].isNull {
                        if let next = try db.nextHistoryRow(historyID: historyID, table: table, rowID: rowID) {
                            after = next.string(0)
                        } else {
                            rowIsImage = true
                        }
                    }
                    try undo(op: op, table: table, rowID: rowID, before: row.string(4), after: after, rowIsImage: rowIsImage,
                             catalog: catalog, labeler: labeler, described: described)
                    let done = op == "insert" ? "delete" : op == "delete" ? "insert" : "update"
                    result.counts[table, default: [:]][done, default: 0] += 1
                    result.rowCount += 1
                }
            }
            try refuseDanglingKeys(catalog: catalog, labeler: labeler, described: described)
            // Every undo writes exactly one history row; more means a
            // cascade reached rows this change never touched.
            let written = try db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [newChange]).intValue ?? 0
            if written > result.rowCount {
                throw RevertRefused("cannot revert \(described): undoing it would also remove \(written - result.rowCount) "
                                    + "records added by later changes")
            }
            return result
        }
    }

    static func describe(command: String?, summary: String?) -> String {
        let text = [command, summary].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return text.count > 80 ? String(text.prefix(79)) + "…" : text
    }

    /// Refuses when a later change touched a row this change touched. A
    /// later change that is undone (reverted by a revert still in force)
    /// does not count, nor does the revert that undid it: together they
    /// changed nothing. (Each row is still checked to be exactly as this
    /// change left it.)
    private func refuseIfTouchedLater(_ id: Int64, described: String) throws {
        // A change is in force unless a revert in force undid it; a revert
        // always comes after what it undoes, so newest first settles it.
        var inForce: [Int64: Bool] = [:]
        var reverts: [(Int64, Int64)] = []
        for row in try db.fetchAll("SELECT id, reverts FROM change WHERE reverts >= ? ORDER BY id DESC", [id]) {
            guard let revert = row[0].int64Value, let target = row[1].int64Value else { continue }
            reverts.append((revert, target))
            if inForce[revert] ?? true { inForce[target] = false }
        }
        var neutral: [Int64] = []
        for (revert, target) in reverts where target > id && inForce[target] == false && inForce[revert] ?? true {
            neutral += [revert, target]
        }
        let neutralJSON = "[" + neutral.map(String.init).joined(separator: ",") + "]"
        // The later history rows of the rows this change touched: those of
        // its own history rows, and those within its id ranges (an import).
        let touched = "SELECT l.id AS id, l.change_id AS change_id, l.table_name AS table_name, l.row_id AS row_id, "
            + "l.op AS op, coalesce(l.after, l.before) AS image FROM history h "
            + "JOIN history l ON l.table_name = h.table_name AND l.row_id = h.row_id AND l.change_id > h.change_id "
            + "WHERE h.change_id = ?1"
            + (try db.hasHistoryRanges()
                ? " UNION ALL SELECT l.id, l.change_id, l.table_name, l.row_id, l.op, coalesce(l.after, l.before) "
                    + "FROM history_range r JOIN history l ON l.table_name = r.table_name "
                    + "AND l.row_id BETWEEN r.first_id AND r.last_id AND l.change_id > r.change_id WHERE r.change_id = ?1"
                : "")
        let later = try db.fetchAll("""
            SELECT l.change_id, c.command, c.summary, c.reverts, l.table_name, l.row_id, l.op, l.image
            FROM (\(touched)) l
            LEFT JOIN change c ON c.id = l.change_id
            WHERE l.change_id NOT IN (SELECT value FROM json_each(?2))
            ORDER BY l.change_id, l.id LIMIT 200
            """, [id, neutralJSON])
        guard !later.isEmpty else { return }
        if let revert = later.first(where: { $0[3].int64Value == id }) {
            let by = revert[0].int64Value ?? 0
            throw RevertRefused("\(described) was already reverted by change \(by)"
                                + " (revert change \(by) to bring it back)")
        }
        let labeler = RowLabeler(db: db)
        var seen: [Int64] = []
        var reasons: [String] = []
        for row in later {
            let change = row[0].int64Value ?? 0
            guard !seen.contains(change) else { continue }
            seen.append(change)
            if reasons.count < 3 {
                let table = row.string(4) ?? ""
                // A compact insert of a bulk import has no image: the row as it is.
                let values = try db.rowValues(json: row.string(7)) ?? labeler.values(table: table, id: row[5].int64Value ?? 0)
                let label = labeler.label(table: table, values: values, id: row[5].int64Value ?? 0)
                let verb = ["insert": "re-created", "update": "changed", "delete": "deleted"][row.string(6) ?? ""] ?? "changed"
                reasons.append("change \(change) (\(Self.describe(command: row.string(1), summary: row.string(2)))) \(verb) \(label)")
            }
        }
        let more = seen.count > 3 ? " and \(seen.count - 3) more" : ""
        throw RevertRefused("cannot revert \(described): later changes touched the same records: "
                            + reasons.joined(separator: "; ") + more
                            + ". Revert \(seen.count == 1 ? "that change" : "those changes") first, newest first")
    }

    /// Undoes one history row, after checking that the row is exactly as
    /// the change left it.
    /// `rowIsImage`: the row as it is now is the after-image (a compact
    /// insert that no later change touched); it only has to exist.
    private func undo(op: String, table: String, rowID: Int64, before: String?, after: String?, rowIsImage: Bool = false,
                      catalog: SchemaCatalog, labeler: RowLabeler, described: String) throws {
        let quoted = Escaping.sqlIdentifier(table)
        let existing = try catalog.columns(table)
        func columns(of json: String?) throws -> [String] {
            guard let values = try db.rowValues(json: json) else {
                throw RevertRefused("cannot revert \(described): the history of \(table) #\(rowID) is incomplete")
            }
            for column in values.columns where !existing.contains(column) || !SchemaCatalog.isPlainIdentifier(column) {
                throw RevertRefused("cannot revert \(described): \(table) has no column \(column) any more")
            }
            return values.columns
        }
        /// True when the row now holds exactly the values of `json`.
        func matches(_ json: String?) throws -> Bool {
            let names = try columns(of: json)
            // Reals went through JSON text with 15 significant digits.
            let test = names.enumerated().map { index, name in
                let column = Escaping.sqlIdentifier(name), value = "json_extract(?1, ?\(index + 2))"
                return "(\(column) IS \(value) OR (typeof(\(column)) = 'real' AND typeof(\(value)) IN ('real', 'integer')"
                    + " AND abs(\(column) - \(value)) <= 1e-12 * max(abs(\(column)), 1.0)))"
            }
            let sql = "SELECT count(*) FROM \(quoted) WHERE id = ?\(names.count + 2) AND " + test.joined(separator: " AND ")
            var bindings: [SQLBindable] = [json ?? "{}"]
            bindings += names.map { "$.\"\($0)\"" as SQLBindable }
            bindings.append(rowID)
            return try db.cached(sql).fetchOne(bindings)?[0].intValue == 1
        }
        func notAsLeft() -> RevertRefused {
            RevertRefused("cannot revert \(described): \(labeler.label(table: table, id: rowID)) is no longer as that change "
                          + "left it (it was changed outside the history)")
        }
        switch op {
        case "insert":
            if rowIsImage {
                guard try db.cached("SELECT count(*) FROM \(quoted) WHERE id = ?").fetchOne([rowID])?[0].intValue == 1
                else { throw notAsLeft() }
            } else {
                guard try matches(after) else { throw notAsLeft() }
            }
            // Records that point at this row and came later would be
            // deleted with it (or block it): refuse rather than lose them.
            for key in try catalog.children(of: table) {
                if let child = try db.cached("""
                    SELECT id FROM \(Escaping.sqlIdentifier(key.table)) WHERE \(Escaping.sqlIdentifier(key.column)) = ? LIMIT 1
                    """).fetchOne([rowID])?[0].int64Value {
                    let by = try db.scalar("""
                        SELECT max(change_id) FROM history WHERE table_name = ? AND row_id = ?
                        """, [key.table, child]).int64Value
                    throw RevertRefused("cannot revert \(described): it added \(labeler.label(table: table, id: rowID)), "
                                        + "and \(labeler.label(table: key.table, id: child)) "
                                        + (by.map { "(added by change \($0)) " } ?? "")
                                        + "refers to it; revert "
                                        + (by.map { "change \($0)" } ?? "or remove that record") + " first")
                }
            }
            try db.executeCached("DELETE FROM \(quoted) WHERE id = ?", [rowID])
        case "update":
            guard try matches(after) else { throw notAsLeft() }
            let names = try columns(of: before)
            let sets = names.enumerated().map { "\(Escaping.sqlIdentifier($1)) = json_extract(?1, ?\($0 + 2))" }
            try db.executeCached("UPDATE \(quoted) SET " + sets.joined(separator: ", ") + " WHERE id = ?\(names.count + 2)",
                           [before ?? "{}"] + names.map { "$.\"\($0)\"" as SQLBindable } + [rowID])
            try db.executeCached("INSERT OR IGNORE INTO temp.revert_touched VALUES (?, ?)", [table, rowID])
        case "delete":
            if try db.cached("SELECT count(*) FROM \(quoted) WHERE id = ?").fetchOne([rowID])?[0].intValue != 0 { throw notAsLeft() }
            let names = try columns(of: before)
            let values = names.indices.map { "json_extract(?1, ?\($0 + 2))" }
            do {
                try db.executeCached("INSERT INTO \(quoted) (" + names.map(Escaping.sqlIdentifier).joined(separator: ", ")
                               + ") VALUES (" + values.joined(separator: ", ") + ")",
                               [before ?? "{}"] + names.map { "$.\"\($0)\"" as SQLBindable })
            } catch let error as SQLiteError
                        where error.code == .SQLITE_CONSTRAINT_UNIQUE || error.code == .SQLITE_CONSTRAINT_PRIMARYKEY {
                let values = try db.rowValues(json: before)
                throw RevertRefused("cannot revert \(described): \(labeler.label(table: table, values: values, id: rowID)) "
                                    + "cannot come back because a later record took its place (\(error.message))")
            }
            try db.executeCached("INSERT OR IGNORE INTO temp.revert_touched VALUES (?, ?)", [table, rowID])
        default:
            throw RevertRefused("cannot revert \(described): the history has an unknown operation \(op)")
        }
    }

    /// Refuses when a row put back points at a record that no longer exists.
    private func refuseDanglingKeys(catalog: SchemaCatalog, labeler: RowLabeler, described: String) throws {
        let tables = try db.fetchAll("SELECT DISTINCT table_name FROM temp.revert_touched").compactMap { $0.string(0) }
        for table in tables {
            for key in try catalog.parents(of: table) {
                let sql = """
                    SELECT t.id, t.\(Escaping.sqlIdentifier(key.column)) FROM temp.revert_touched r
                    JOIN \(Escaping.sqlIdentifier(table)) t ON t.id = r.row_id
                    LEFT JOIN \(Escaping.sqlIdentifier(key.parent)) p ON p.\(Escaping.sqlIdentifier(key.parentColumn)) = t.\(Escaping.sqlIdentifier(key.column))
                    WHERE r.table_name = ? AND t.\(Escaping.sqlIdentifier(key.column)) IS NOT NULL
                      AND p.\(Escaping.sqlIdentifier(key.parentColumn)) IS NULL
                    LIMIT 1
                    """
                if let row = try db.fetchOne(sql, [table]), let rowID = row[0].int64Value, let parentID = row[1].int64Value {
                    let by = try db.scalar("""
                        SELECT max(change_id) FROM history WHERE table_name = ? AND row_id = ? AND op = 'delete'
                        """, [key.parent, parentID]).int64Value
                    throw RevertRefused("cannot revert \(described): \(labeler.label(table: table, id: rowID)) would point at "
                                        + "\(labeler.label(table: key.parent, id: parentID)), which "
                                        + (by.map { "change \($0) deleted; revert change \($0) first" } ?? "no longer exists"))
                }
            }
        }
    }
}
