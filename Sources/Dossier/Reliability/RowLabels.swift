import DossierStorage
import DossierDomain
import Foundation

/// One row's values by column, in column order.
public struct RowValues: Sendable, Equatable {
    public var columns: [String]
    public var values: [SQLValue]

    public init(columns: [String] = [], values: [SQLValue] = []) {
        self.columns = columns
        self.values = values
    }

    public subscript(column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    func string(_ column: String) -> String? { self[column].stringValue }
    func id(_ column: String) -> Int64? { self[column].int64Value }
}

extension Connection {
    /// The members of a JSON object as row values, in the object's order
    /// (the order the history triggers wrote them in).
    func rowValues(json: String?) throws -> RowValues? {
        guard let json else { return nil }
        var result = RowValues()
        try cached("SELECT key, value FROM json_each(?)").forEach([json]) { statement in
            result.columns.append(statement.string(at: 0) ?? "")
            result.values.append(statement.value(at: 1))
        }
        return result
    }
}

/// Names records the way a person refers to them ("case pryanikov-1936",
/// "defendant p-pryanikov in case pryanikov-1936"), looking rows up in the archive
/// or, when they are gone, in the history.
final class RowLabeler {
    private let db: Connection
    private var rows: [String: RowValues?] = [:]

    init(db: Connection) { self.db = db }

    /// The values of a row as it is now, or as the history last saw it.
    func values(table: String, id: Int64) -> RowValues? {
        let key = "\(table)#\(id)"
        if let cached = rows[key] { return cached }
        var found: RowValues?
        if SchemaCatalog.isPlainIdentifier(table),
           let row = try? db.fetchOne("SELECT * FROM \(Escaping.sqlIdentifier(table)) WHERE id = ?", [id]) {
            found = RowValues(columns: row.columns, values: row.values)
        } else if let json = try? db.cached("""
            SELECT coalesce(after, before) FROM history
            WHERE table_name = ? AND row_id = ? AND coalesce(after, before) IS NOT NULL ORDER BY id DESC LIMIT 1
            """).fetchOne([table, id])?.string(0) {
            found = try? db.rowValues(json: json)
        }
        if rows.count > 10_000 { rows.removeAll() }
        rows[key] = found
        return found
    }

    /// A label for a row given its values.
    func label(table: String, values: RowValues?, id: Int64) -> String {
        guard let values else { return "\(table.recordKindName) #\(id)" }
        switch table {
        case "proceeding": return "case " + (values.string("ref") ?? "#\(id)")
        case "person": return "person " + (values.string("ref") ?? "#\(id)")
        case "source": return "source " + (values.string("key") ?? "#\(id)")
        case "person_name":
            return "name \"\(values.string("name") ?? "")\" of " + parent("person", values.id("person_id"))
        case "defendant":
            return "defendant " + ref("person", values.id("person_id")) + " in case " + ref("proceeding", values.id("proceeding_id"))
        case "charge":
            return "charge \(values.string("ref") ?? "?") of " + parent("defendant", values.id("defendant_id"))
        case "event":
            return "\(values.string("kind") ?? "?") event of " + parent("defendant", values.id("defendant_id"))
        case "citation":
            var target = "nothing"
            for (column, table) in [("person_id", "person"), ("proceeding_id", "proceeding"),
                                    ("defendant_id", "defendant"), ("event_id", "event")] {
                if let id = values.id(column) { target = parent(table, id) }
            }
            return "citation of " + ref("source", values.id("source_id")) + " for " + target
        default:
            return "\(table) #\(id)"
        }
    }

    /// A label for a row by id.
    func label(table: String, id: Int64) -> String {
        label(table: table, values: values(table: table, id: id), id: id)
    }

    private func parent(_ table: String, _ id: Int64?) -> String {
        guard let id else { return "\(table.recordKindName) ?" }
        return label(table: table, id: id)
    }

    private func ref(_ table: String, _ id: Int64?) -> String {
        guard let id else { return "?" }
        let values = self.values(table: table, id: id)
        return values?.string(table == "source" ? "key" : "ref") ?? "#\(id)"
    }
}
