/// An error reported by SQLite: its extended result code, its message, and
/// the SQL that was running (bound values are never included).
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code (`.SQLITE_CONSTRAINT_UNIQUE`, ...). Match it
    /// with `switch` or `~=`: `.SQLITE_CONSTRAINT` matches every constraint
    /// code (see `ResultCode`).
    public let code: ResultCode
    /// SQLite's message, copied when the error happened.
    public let message: String
    /// The statement that failed, trimmed.
    public let sql: String?

    public init(code: ResultCode, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql.map { $0.trimmingWhitespace() }
    }

    /// The primary result code (`.SQLITE_CONSTRAINT`, `.SQLITE_BUSY`, ...).
    public var primary: ResultCode { code.primaryResultCode }

    /// A foreign key violation. An ON DELETE RESTRICT action is reported
    /// with SQLITE_CONSTRAINT_TRIGGER ("FOREIGN KEY constraint failed"), so
    /// the message is checked too.
    public var isForeignKeyViolation: Bool {
        switch code {
        case .SQLITE_CONSTRAINT_FOREIGNKEY: return true
        case .SQLITE_CONSTRAINT: return message.hasPrefix("FOREIGN KEY constraint failed")
        default: return false
        }
    }

    /// A rule of the schema's own triggers refused the change
    /// (`RAISE(ABORT, '...')`): the message is meant for the user.
    public var isRaisedByTrigger: Bool { code == .SQLITE_CONSTRAINT_TRIGGER && !isForeignKeyViolation }

    /// The failed statement on one line, cut to 200 characters, or nil.
    public var sqlExcerpt: String? {
        guard let sql, !sql.isEmpty else { return nil }
        let short = sql.count > 200 ? String(sql.prefix(200)) + "…" : sql
        return short.replacingNewlines()
    }

    /// What SQLite said: "SQLite error 5: database is locked (while
    /// running: BEGIN IMMEDIATE)". Advice for the user (who else may hold
    /// the lock, what to check) belongs to the application.
    public var description: String {
        "SQLite error \(code.rawValue): \(message)" + (sqlExcerpt.map { " (while running: \($0))" } ?? "")
    }
}

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
