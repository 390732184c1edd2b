import CSQLite

/// An error reported by SQLite: its extended result code, its message, and
/// the SQL that was running (bound values are never included).
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, ...).
    public let code: Int32
    /// SQLite's message, copied when the error happened.
    public let message: String
    /// The statement that failed, trimmed.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql.map { $0.trimmingWhitespace() }
    }

    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, ...).
    public var primary: Int32 { code & 0xFF }

    public var isConstraint: Bool { primary == SQLITE_CONSTRAINT }
    public var isUniqueViolation: Bool {
        code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY
    }
    /// A foreign key violation. An ON DELETE RESTRICT action is reported
    /// with SQLITE_CONSTRAINT_TRIGGER ("FOREIGN KEY constraint failed"), so
    /// the message is checked too.
    public var isForeignKeyViolation: Bool {
        code == SQLITE_CONSTRAINT_FOREIGNKEY || (isConstraint && message.hasPrefix("FOREIGN KEY constraint failed"))
    }
    /// A rule of the schema's own triggers refused the change
    /// (`RAISE(ABORT, '...')`): the message is meant for the user.
    public var isRaisedByTrigger: Bool { code == SQLITE_CONSTRAINT | (7 << 8) && !isForeignKeyViolation }   // SQLITE_CONSTRAINT_TRIGGER
    public var isCheckViolation: Bool { code == SQLITE_CONSTRAINT_CHECK }
    public var isNotNullViolation: Bool { code == SQLITE_CONSTRAINT_NOTNULL }
    public var isBusy: Bool { primary == SQLITE_BUSY || primary == SQLITE_LOCKED }
    public var isReadOnly: Bool { primary == SQLITE_READONLY }
    public var isFull: Bool { primary == SQLITE_FULL }

    public var description: String {
        var text: String
        if isBusy {
            text = "database is locked by another program (another dossier command, or Datasette or sqlite3 open on it?)"
        } else if isReadOnly {
            text = "the database is read-only (check the file's and its folder's permissions, or whether the disk is mounted read-only): \(message)"
        } else {
            text = "SQLite error \(code): \(message)"
        }
        if let sql, !sql.isEmpty {
            let short = sql.count > 200 ? String(sql.prefix(200)) + "…" : sql
            text += " (while running: \(short.replacingNewlines()))"
        }
        return text
    }
}

// Extended result codes are function-like macros that Swift does not
// import; these are their values (https://www.sqlite.org/rescode.html).
public let SQLITE_CONSTRAINT_CHECK: Int32 = SQLITE_CONSTRAINT | (1 << 8)
public let SQLITE_CONSTRAINT_FOREIGNKEY: Int32 = SQLITE_CONSTRAINT | (3 << 8)
public let SQLITE_CONSTRAINT_NOTNULL: Int32 = SQLITE_CONSTRAINT | (5 << 8)
public let SQLITE_CONSTRAINT_PRIMARYKEY: Int32 = SQLITE_CONSTRAINT | (6 << 8)
public let SQLITE_CONSTRAINT_UNIQUE: Int32 = SQLITE_CONSTRAINT | (8 << 8)

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
