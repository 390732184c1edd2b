import DossierStorage

extension SQLiteError {
    /// What dossier tells its user about an error from the storage layer.
    ///
    /// The storage layer reports what SQLite said ("SQLite error 5: database
    /// is locked"); for the failures a user can do something about, dossier
    /// names the likely cause and what to check instead. The SQL that was
    /// running follows, as in `description`.
    public var userDescription: String {
        let text: String
        switch code {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            text = "database is locked by another program (another dossier command, or Datasette or sqlite3 open on it?)"
        case .SQLITE_READONLY:
            text = "the database is read-only (check the file's and its folder's permissions, or whether the disk is mounted read-only): \(message)"
        default:
            return description
        }
        return text + (sqlExcerpt.map { " (while running: \($0))" } ?? "")
    }
}

extension MigrationError {
    /// What dossier tells its user about a migration it refused: which
    /// program made the archive, and what to do.
    public var userDescription: String {
        switch self {
        case .newerArchive(let unknown):
            return "this archive was made by a newer version of dossier (it has migration "
                + unknown.joined(separator: ", ")
                + " that this version does not know); upgrade dossier to open it"
        case .changedMigration(let id):
            return "migration \(id).sql differs from the one applied to this archive; shipped migrations must never be edited"
        default:
            return description
        }
    }
}
