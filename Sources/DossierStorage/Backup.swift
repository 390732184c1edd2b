import CSQLite

extension Connection {
    /// Copies this database into `destination` with SQLite's online backup
    /// API: a consistent snapshot even while other connections write.
    ///
    /// A step that cannot get its locks is retried until the longer of the
    /// two connections' busy timeouts has passed without progress, then the
    /// backup gives up. The busy handlers already wait inside a step for a
    /// lock another connection holds, and some refusals come back at once:
    /// "If the source database connection is being used to write to the
    /// source database when sqlite3_backup_step() is called, then
    /// SQLITE_LOCKED is returned immediately. Again, in this case the call
    /// to sqlite3_backup_step() can be retried later on"
    /// (<https://www.sqlite.org/c3ref/backup_finish.html>; SQLite 3.40
    /// returns SQLITE_BUSY there). Retrying without a limit would wait
    /// forever for a lock that is never released.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/backup.html>
    /// - Throws: `SQLiteError` from the backup or the destination;
    ///   `.SQLITE_BUSY` or `.SQLITE_LOCKED` when it gave up waiting.
    public func backup(to destination: Connection, pagesPerStep: Int32 = 1024) throws {
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw destination.error(code: sqlite3_errcode(destination.handle), sql: nil)
        }
        let clock = ContinuousClock()
        let patience = Duration.milliseconds(max(busyTimeout, destination.busyTimeout))
        var progress = clock.now
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            if code == SQLITE_OK {
                progress = clock.now
            } else if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                if progress.duration(to: clock.now) >= patience { break }
                sqlite3_sleep(20)
            }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw destination.error(code: code, sql: nil) }
        guard finish == SQLITE_OK else { throw destination.error(code: finish, sql: nil) }
    }
}
