import DossierDomain
import DossierStorage

/// The oldest SQLite dossier works with, checked against the library that
/// is loaded at run time (the system's libsqlite3, which may be older than
/// the headers dossier was built with).
///
/// 3.38.0 is the newest of the features dossier relies on:
/// - 3.38.0: `sqlite3_error_offset` (the line of a bad migration) and the
///   JSON functions built in by default (`json_each`, `json_object` in
///   migrations and triggers);
/// - 3.37.0: `sqlite3_changes64` and `SQLITE_OPEN_EXRESCODE`;
/// - 3.35.0: `AS MATERIALIZED` in a common table expression (publish);
/// - 3.33.0: the table name `sqlite_schema`;
/// - 3.32.0: `PRAGMA analysis_limit`;
/// - 3.31.0: `SQLITE_INNOCUOUS` (the loadable extension);
/// - 3.29.0: `SQLITE_DBCONFIG_DQS_DDL`/`_DML`;
/// and FTS5 (`unicode61 remove_diacritics 2`), which is a compile-time
/// option of SQLite rather than a version.
///
/// Related SQLite documentation: <https://www.sqlite.org/changes.html>
public enum SQLiteRequirement {
    /// The minimum version, as SQLite writes it and as
    /// `sqlite3_libversion_number` returns it.
    public static let minimum = "3.38.0"
    public static let minimumNumber: Int32 = 3_038_000

    /// The version of the SQLite library in use, e.g. "3.40.1".
    public static var libraryVersion: String { SQLiteLibrary.version }

    /// Why the loaded SQLite cannot run dossier, or nil when it can.
    /// - Parameters:
    ///   - version: `sqlite3_libversion()`.
    ///   - number: `sqlite3_libversion_number()`.
    ///   - options: whether the library was compiled with an option
    ///     (`sqlite3_compileoption_used`, without the `SQLITE_` prefix).
    /// - Returns: a message that ends with the next step.
    public static func problem(version: String, number: Int32, options: (String) -> Bool) -> String? {
        if number < minimumNumber {
            return "dossier needs SQLite \(minimum) or newer, but the SQLite library on this system is "
                + "\(version); install a newer libsqlite3 (Debian 12 ships 3.40.1)"
        }
        if !options("ENABLE_FTS5") {
            return "the SQLite library on this system (\(version)) was built without FTS5, "
                + "which dossier's search needs; install a libsqlite3 built with SQLITE_ENABLE_FTS5"
        }
        if options("OMIT_JSON") {
            return "the SQLite library on this system (\(version)) was built without the JSON functions, "
                + "which dossier's schema needs; install a libsqlite3 built without SQLITE_OMIT_JSON"
        }
        return nil
    }

    /// Checks the SQLite library in use.
    /// - Throws: `SQLiteTooOld` when it cannot run dossier.
    public static func check() throws {
        let message = problem(version: libraryVersion, number: SQLiteLibrary.versionNumber,
                              options: SQLiteLibrary.compileOptionUsed)
        if let message { throw SQLiteTooOld(message: message) }
    }
}

/// The loaded SQLite library is older than `SQLiteRequirement.minimum` or
/// lacks a feature dossier needs.
public struct SQLiteTooOld: ReportableError, Sendable {
    public let message: String
    public var description: String { message }
    public var exitStatus: ExitStatus { .failure }
}
