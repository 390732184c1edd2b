import CSQLite
import Foundation

/// One schema migration: an id (the file name without `.sql`) and its SQL.
public struct Migration: Sendable, Hashable {
    public let id: String
    public let sql: String
    public init(id: String, sql: String) {
        self.id = id
        self.sql = sql
    }
}

/// Why the migrator refused or failed.
public enum MigrationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The archive holds migrations this program does not know: it was made
    /// by a newer version.
    case newerArchive(unknown: [String])
    /// A migration that was applied has different SQL now.
    case changedMigration(id: String)
    /// A migration's SQL failed; line is 1-based within the file.
    case failed(id: String, line: Int, error: SQLiteError)
    /// After the migration, `PRAGMA foreign_key_check` found a row of
    /// `table` (rowid nil for a WITHOUT ROWID table) whose reference to
    /// `parent` leads nowhere. The first one found; the migration was
    /// rolled back.
    case foreignKeyViolation(id: String, table: String, rowid: Int64?, parent: String)

    /// What happened, in terms of migrations; what to do about it (which
    /// program to upgrade) belongs to the application.
    public var description: String {
        switch self {
        case .newerArchive(let unknown):
            return "the database has migration " + unknown.joined(separator: ", ")
                + " that is not among the known migrations"
        case .changedMigration(let id):
            return "migration \(id).sql differs from the one applied to the database"
        case .failed(let id, let line, let error):
            return "\(id).sql:\(line): \(error.message)"
        case .foreignKeyViolation(let id, let table, let rowid, let parent):
            let row = rowid.map { "row \($0) of \(table)" } ?? "a row of \(table)"
            return "\(id).sql: after the migration, \(row) refers to a missing row of \(parent) "
                + "(PRAGMA foreign_key_check); the migration was rolled back"
        }
    }
}

/// Applies numbered migrations in order, each in its own IMMEDIATE
/// transaction together with its bookkeeping row in `schema_migration`, and
/// checks the foreign keys before that transaction commits.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    /// - Parameter migrations: in any order; applied sorted by id.
    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.id < $1.id }
    }

    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migration (
            id TEXT PRIMARY KEY,
            applied_at TEXT NOT NULL,
            sql TEXT NOT NULL
        )
        """

    /// The ids applied to this database, in order.
    public func appliedIDs(_ db: Connection) throws -> [String] {
        let exists = try db.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'")
        guard exists.intValue == 1 else { return [] }
        return try db.fetchAll("SELECT id FROM schema_migration ORDER BY id").compactMap { $0.string(0) }
    }

    /// Migrations not yet applied. Throws when the archive is newer or a
    /// shipped migration was edited; touches nothing.
    public func pending(_ db: Connection) throws -> [Migration] {
        let exists = try db.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'")
        guard exists.intValue == 1 else { return migrations }
        let applied = try db.fetchAll("SELECT id, sql FROM schema_migration ORDER BY id")
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.id, $0.sql) })
        let unknown = applied.compactMap { $0.string(0) }.filter { known[$0] == nil }
        if !unknown.isEmpty { throw MigrationError.newerArchive(unknown: unknown) }
        for row in applied {
            if let id = row.string(0), known[id] != row.string(1) {
                throw MigrationError.changedMigration(id: id)
            }
        }
        let done = Set(applied.compactMap { $0.string(0) })
        return migrations.filter { !done.contains($0.id) }
    }

    /// Applies what is pending.
    /// - Returns: the ids applied now.
    @discardableResult
    public func migrate(_ db: Connection) throws -> [String] {
        let todo = try pending(db)
        var applied: [String] = []
        // A migration may edit a table's constraints through sqlite_schema
        // (writable_schema, the procedure SQLite documents for changes that
        // leave the stored rows valid), which a SQLite built or configured
        // with SQLITE_DBCONFIG_DEFENSIVE on refuses: off while migrating.
        let defensive = db.dbConfig(SQLITE_DBCONFIG_DEFENSIVE)
        if !todo.isEmpty, defensive == 1 { db.setDBConfig(SQLITE_DBCONFIG_DEFENSIVE, false) }
        defer { if !todo.isEmpty, defensive == 1 { db.setDBConfig(SQLITE_DBCONFIG_DEFENSIVE, true) } }
        for migration in todo {
            let ran: Bool = try db.write {
                try db.execute(Self.createTable)
                // Another process may have applied it since `pending` read
                // the table (two commands creating one new archive at
                // once): under the write lock, this answer is final.
                if try db.fetchOne("SELECT 1 FROM schema_migration WHERE id = ?", [migration.id]) != nil { return false }
                do {
                    try db.executeScript(migration.sql)
                } catch let error as ScriptError {
                    let prefix = migration.sql.utf8.prefix(error.byteOffset)
                    let line = prefix.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                    throw MigrationError.failed(id: migration.id, line: line, error: error.error)
                }
                try Self.checkForeignKeys(db, after: migration)
                let now = ISO8601DateFormatter().string(from: Date())
                try db.execute("INSERT INTO schema_migration (id, applied_at, sql) VALUES (?, ?, ?)",
                               [migration.id, now, migration.sql])
                return true
            }
            if ran { applied.append(migration.id) }
        }
        return applied
    }

    /// Throws when a row refers to a missing parent row. With foreign keys
    /// on, SQLite refuses such a row when it is written, but a migration can
    /// leave one behind without writing it: a constraint added by editing
    /// `sqlite_schema` is not checked against the rows already stored, and
    /// `PRAGMA defer_foreign_keys` postpones the check to COMMIT, which then
    /// fails without naming the row. SQLite's procedure for schema changes
    /// runs this check before committing
    /// (<https://www.sqlite.org/lang_altertable.html#otheralter>, step 10).
    static func checkForeignKeys(_ db: Connection, after migration: Migration) throws {
        guard let violation = try db.fetchOne("PRAGMA foreign_key_check") else { return }
        throw MigrationError.foreignKeyViolation(
            id: migration.id, table: violation.string("table") ?? "?",
            rowid: violation["rowid"].int64Value, parent: violation.string("parent") ?? "?")
    }
}
