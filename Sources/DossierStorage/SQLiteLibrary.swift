import CSQLite

/// The SQLite library loaded at run time (the system's libsqlite3, which
/// may be older than the headers the program was built with).
public enum SQLiteLibrary {
    /// Its version as SQLite writes it, e.g. "3.40.1".
    public static var version: String { String(cString: sqlite3_libversion()) }

    /// Its version as a number, e.g. 3040001.
    public static var versionNumber: Int32 { sqlite3_libversion_number() }

    /// Whether it was compiled with an option (without the `SQLITE_`
    /// prefix, e.g. `ENABLE_FTS5`).
    public static func compileOptionUsed(_ option: String) -> Bool { sqlite3_compileoption_used(option) != 0 }
}
