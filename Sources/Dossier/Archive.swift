@_exported import DossierDomain
import DossierStorage
import Foundation

/// An open archive: one SQLite file with dossier's schema.
///
/// Every command that writes goes through `change(command:summary:_:)`,
/// which runs in one IMMEDIATE transaction and records a `change` row that
/// the history triggers attach their rows to.
public final class Archive {
    /// The connection is the archive's own: other modules go through the
    /// archive's methods, never around them.
    let db: Connection
    public let path: String

    /// The default statute code of this archive.
    public private(set) var defaultCode: String = ChargeParser.defaultCode

    /// Opens (and creates or migrates) an archive.
    /// - Parameters:
    ///   - create: create the file when missing; else it must exist.
    ///   - readOnly: open without writing (no migration).
    /// - Throws: `ArchiveError`, `MigrationError` or `SQLiteError`.
    public init(path: String, create: Bool = true, readOnly: Bool = false, migrate: Bool = true) throws {
        self.path = path
        try SQLiteRequirement.check()
        var isDirectory: ObjCBool = false
        let exists = path == ":memory:" || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw ArchiveError("\(path) is a directory, not an archive file")
        }
        if !exists && (!create || readOnly) {
            throw ArchiveError("no archive at \(path) (create one with `dossier init`, or give --db)")
        }
        db = try Connection(path: path, mode: readOnly ? .readOnly : (create ? .create : .readWrite))
        try SearchIndex.registerFunctions(db)
        if readOnly {
            let pending = try Schema.migrator.pending(db)
            if !pending.isEmpty {
                throw ArchiveError("the archive at \(path) needs migrating; run `dossier init` on it first")
            }
            // Readers (search, stats, show, export) map the file instead of
            // copying each page through read(2), and keep more pages.
            try db.execute("PRAGMA mmap_size = 2147418112")
            try db.execute("PRAGMA cache_size = -65536")
        } else if migrate {
            let applied = try Schema.migrator.migrate(db)
            if !applied.isEmpty {
                // Read the places of the records the archive already holds.
                try db.write { try PlaceIndex.refresh(db) }
            }
        } else {
            _ = try Schema.migrator.pending(db)
        }
        if let code = try? db.scalar("SELECT value FROM setting WHERE name = 'default_code'").stringValue {
            defaultCode = code
        }
    }

    /// Applies the migrations this archive lacks.
    /// - Returns: the ids of the migrations applied, oldest first.
    @discardableResult
    public func migrate() throws -> [String] {
        try Schema.migrator.migrate(db)
    }

    /// Runs `body` in one write transaction recorded as one change.
    /// - Returns: what `body` returns.
    public func change<T>(command: String, summary: String? = nil, _ body: () throws -> T) throws -> T {
        try db.write {
            try db.executeCached("INSERT INTO change (command, summary) VALUES (?, ?)", [command, summary])
            let result = try body()
            try SearchIndex.refresh(db)
            try PlaceIndex.refresh(db)
            return result
        }
    }

    /// Runs `body` in one read transaction, so that every query in it sees
    /// the archive as one commit left it: a command that reads a record in
    /// several statements never shows half of a concurrent import. Inside a
    /// transaction already open, `body` simply runs in it.
    public func snapshot<T>(_ body: () throws -> T) throws -> T {
        try consistentRead(db, body)
    }

    /// Counts of the main records.
    public func counts() throws -> [String: Int] {
        var result: [String: Int] = [:]
        for table in ["person", "proceeding", "defendant", "charge", "event", "source", "citation"] {
            result[table] = try db.scalar("SELECT count(*) FROM \(table)").intValue ?? 0
        }
        return result
    }
}
