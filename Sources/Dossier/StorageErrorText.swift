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

/// The text dossier shows for any error: `userDescription` for a storage
/// error, else the error's own description.
public func userDescription(of error: any Error) -> String {
    (error as? SQLiteError)?.userDescription ?? "\(error)"
}
