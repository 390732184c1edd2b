import CSQLite

extension Connection {
    /// Copies this database into `destination` with SQLite's online backup
    /// API: a consistent snapshot even while other connections write.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/backup.html>
    /// - Throws: `SQLiteError` from the backup or the destination.
    public func backup(to destination: Connection, pagesPerStep: Int32 = 1024) throws {
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw destination.error(code: sqlite3_errcode(destination.handle), sql: nil)
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw destination.error(code: code, sql: nil) }
        guard finish == SQLITE_OK else { throw destination.error(code: finish, sql: nil) }
    }
}
