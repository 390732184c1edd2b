import DossierStorage
import DossierDomain
import Foundation

/// What `backup` wrote and checked.
public struct BackupResult: Sendable {
    public var destination: String
    /// Rows per table, the same in the archive's snapshot and in the copy.
    public var counts: [String: Int]
    public var bytes: Int
}

extension Archive {
    /// The tables whose row counts a backup compares.
    static let backupCountedTables = SchemaCatalog.recordTables + ["change", "history", "history_range", "schema_migration"]

    /// Copies the archive to `destination` with SQLite's online backup API,
    /// from one read snapshot, so that other processes may read and write
    /// meanwhile and the copy is the archive as it was at one moment.
    ///
    /// The copy is written beside the destination under a temporary name,
    /// checked (`integrity_check`, `foreign_key_check`, the same row counts
    /// as the snapshot, the same migrations), and only then renamed into
    /// place, so an existing file is never left half-overwritten.
    /// - Parameters:
    ///   - destination: a file path (not a directory).
    ///   - force: replace an existing file.
    /// - Throws: `ArchiveError` (destination exists, is a directory, is the
    ///   archive itself, cannot be written; the copy failed its check),
    ///   `SQLiteError`.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/backup.html>
    public func backup(to destination: String, force: Bool = false) throws -> BackupResult {
        let manager = FileManager.default
        guard !destination.isEmpty else { throw ArchiveError("give a file to back up to") }
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let source = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw ArchiveError("\(destination) is a directory; give a file name for the backup, e.g. \(destination)/dossier-backup.sqlite")
            }
            if target.resolvingSymlinksInPath() == source.resolvingSymlinksInPath() {
                throw ArchiveError("\(destination) is the archive itself; back up to another file")
            }
            if !force { throw ArchiveError("\(destination) already exists; give --force to replace it") }
        }
        let directory = target.deletingLastPathComponent().path
        if !manager.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw ArchiveError("cannot write \(destination): the folder \(directory) does not exist")
        }
        if !manager.isWritableFile(atPath: directory) {
            throw ArchiveError("cannot write \(destination): the folder \(directory) is not writable (permissions?)")
        }
        let temporary = directory + "/." + target.lastPathComponent + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        func removeTemporary() {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? manager.removeItem(atPath: temporary + suffix) }
        }
        removeTemporary()
        do {
            // One read transaction: the counts and the copied pages are the
            // same snapshot whatever other connections commit meanwhile.
            let counts: [String: Int] = try db.read {
                let counts = try tableCounts(db)
                let copy = try Connection(path: temporary, mode: .create)
                // A destination in WAL mode refuses a source of another
                // page size; a plain rollback journal takes any.
                try copy.execute("PRAGMA journal_mode = DELETE")
                try db.backup(to: copy, pagesPerStep: -1)
                try copy.close()
                return counts
            }
            try verifyBackup(at: temporary, expected: counts, shownAs: destination)
            // The copy keeps the archive's WAL mode; reading it left an
            // empty WAL and its index under the temporary name.
            let wal = (try? manager.attributesOfItem(atPath: temporary + "-wal")[.size] as? Int) ?? 0
            guard wal == 0 else { throw ArchiveError("the copy at \(destination) was changed while it was checked; nothing was written") }
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: temporary + suffix) }
            if let handle = FileHandle(forUpdatingAtPath: temporary) {
                try? handle.synchronize()
                try? handle.close()
            }
            if force {
                // A stale WAL beside the old file would be replayed into the
                // new one when it is next opened.
                for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: target.path + suffix) }
            }
            guard rename(temporary, target.path) == 0 else {
                throw ArchiveError("cannot write \(destination): \(String(cString: strerror(errno)))")
            }
            let bytes = (try? manager.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
            return BackupResult(destination: destination, counts: counts, bytes: bytes)
        } catch let error as SQLiteError {
            removeTemporary()
            if error.primary == .SQLITE_CANTOPEN || error.primary == .SQLITE_READONLY {
                throw ArchiveError("cannot write \(destination): \(error.message)")
            }
            if error.primary == .SQLITE_FULL { throw ArchiveError("cannot write \(destination): the disk is full") }
            throw error
        } catch {
            removeTemporary()
            throw error
        }
    }

    private func tableCounts(_ connection: Connection) throws -> [String: Int] {
        let present = Set(try connection.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table'").compactMap { $0.string(0) })
        var counts: [String: Int] = [:]
        for table in Self.backupCountedTables where present.contains(table) {
            counts[table] = try connection.scalar("SELECT count(*) FROM \(Escaping.sqlIdentifier(table))").intValue ?? 0
        }
        return counts
    }

    /// Opens a written copy and checks it against the snapshot it came from.
    private func verifyBackup(at path: String, expected: [String: Int], shownAs destination: String) throws {
        let copy = try Connection(path: path, mode: .readOnly)
        defer { try? copy.close() }
        let integrity = try copy.fetchAll("PRAGMA integrity_check").compactMap { $0.string(0) }
        guard integrity == ["ok"] else {
            throw ArchiveError("the copy at \(destination) failed its integrity check (\(integrity.prefix(3).joined(separator: "; "))); nothing was written")
        }
        if let violation = try copy.fetchOne("PRAGMA foreign_key_check") {
            throw ArchiveError("the copy at \(destination) has a broken reference in \(violation.string(0) ?? "?"); nothing was written")
        }
        let counts = try tableCounts(copy)
        guard counts == expected else {
            let differing = expected.keys.sorted().filter { counts[$0] != expected[$0] }
            throw ArchiveError("the copy at \(destination) holds different row counts (\(differing.joined(separator: ", "))) than the archive; nothing was written")
        }
    }
}
