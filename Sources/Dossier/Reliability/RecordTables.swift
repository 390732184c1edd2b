import DossierStorage
import DossierDomain
import Foundation

/// What history, revert and check need to know about the tables that the
/// history triggers watch: their columns and foreign keys, read from the
/// schema itself so that a later migration's tables work unchanged.
///
/// Table and column names are only ever taken from `sqlite_schema` and
/// `PRAGMA table_info` (never from user input) and are quoted wherever they
/// are put into SQL.
final class SchemaCatalog {
    struct ForeignKey {
        /// The child table and its column.
        var table: String
        var column: String
        /// The parent table and column (`id` unless said otherwise).
        var parent: String
        var parentColumn: String
        var onDelete: String
    }

    private let db: Connection
    private var columnCache: [String: [String]] = [:]
    private var childCache: [String: [ForeignKey]] = [:]
    private var parentCache: [String: [ForeignKey]] = [:]
    private(set) lazy var tables: Set<String> = {
        let rows = (try? db.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table'")) ?? []
        return Set(rows.compactMap { $0.string(0) })
    }()

    init(db: Connection) { self.db = db }

    /// The record tables, in the order a person reads them.
    static let recordTables = ["proceeding", "person", "person_name", "defendant", "charge", "event", "figure",
                               "source", "citation"]

    /// True when `name` is a plain lower-case SQL identifier.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// A table that history may name and that exists in this archive.
    /// - Throws: `ArchiveError` for anything else.
    func checkedTable(_ name: String) throws -> String {
        guard Self.isPlainIdentifier(name), tables.contains(name),
              !name.hasPrefix("sqlite_"), name != "history", name != "history_range", name != "change", name != "schema_migration"
        else {
            throw ArchiveError("the history names a table \(name) that this archive does not have")
        }
        return name
    }

    /// The columns of a table, in schema order.
    func columns(_ table: String) throws -> [String] {
        if let cached = columnCache[table] { return cached }
        let names = try db.fetchAll("SELECT name FROM pragma_table_info(?) ORDER BY cid", [table])
            .compactMap { $0.string(0) }
        columnCache[table] = names
        return names
    }

    /// The tables whose rows the history keeps (those with a trigger that
    /// writes to it). Other tables are derived (search indexes) and follow
    /// their records by triggers and cascades of their own.
    private(set) lazy var trackedTables: Set<String> = {
        let rows = (try? db.fetchAll("""
            SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%INSERT INTO history%'
            """)) ?? []
        return Set(rows.compactMap { $0.string(0) })
    }()

    /// Foreign keys of other tracked tables that point at `table`.
    func children(of table: String) throws -> [ForeignKey] {
        if let cached = childCache[table] { return cached }
        var result: [ForeignKey] = []
        for child in trackedTables.sorted() where Self.isPlainIdentifier(child) {
            for key in try parents(of: child) where key.parent == table { result.append(key) }
        }
        childCache[table] = result
        return result
    }

    /// Foreign keys of `table` itself.
    func parents(of table: String) throws -> [ForeignKey] {
        if let cached = parentCache[table] { return cached }
        let rows = try db.fetchAll("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?)", [table])
        let keys = rows.map { row in
            ForeignKey(table: table, column: row.string(1) ?? "", parent: row.string(0) ?? "",
                       parentColumn: row.string(2) ?? "id", onDelete: row.string(3) ?? "")
        }.filter { Self.isPlainIdentifier($0.column) && Self.isPlainIdentifier($0.parent) }
        parentCache[table] = keys
        return keys
    }
}

extension String {
    /// The name a person uses for a record table ("case" for proceeding).
    var recordKindName: String {
        switch self {
        case "proceeding": return "case"
        case "person_name": return "name"
        default: return self
        }
    }
}
