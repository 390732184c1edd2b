import CSQLite

/// One connection to an SQLite database file.
///
/// Opened with foreign keys on, double-quoted string literals off, WAL
/// journal mode (for a writable file) and a busy timeout. Closed on deinit.
/// A connection is used by one task at a time.
public final class Connection {
    public enum Mode: Sendable {
        /// Open for reading and writing; create the file when missing.
        case create
        /// Open an existing file for reading and writing.
        case readWrite
        /// Open an existing file for reading only.
        case readOnly
    }

    /// Process-wide settings, made once before the first database is
    /// opened: SQLite's memory statistics off. They take a global mutex on
    /// every allocation and nothing here reads them; writing 200,000
    /// generated case rows took 3.20 s without them against 3.50 s with
    /// them (four runs each, alternating).
    private static let configureLibrary: Void = {
        _ = dossier_disable_memstatus()
    }()

    let handle: OpaquePointer
    public let path: String
    public let mode: Mode
    /// Milliseconds to wait for a lock another connection holds.
    public let busyTimeout: Int32
    private var cache: [String: Statement] = [:]
    private var isClosed = false
    /// How many `transaction` and `savepoint` calls are running.
    private var transactionScopes = 0

    /// The error after which SQLite rolled back, on its own, the
    /// transaction that a running `transaction` or `savepoint` call opened;
    /// nil otherwise.
    ///
    /// "If certain kinds of errors occur on a statement within a
    /// multi-statement transaction (errors including SQLITE_FULL,
    /// SQLITE_IOERR, SQLITE_NOMEM, SQLITE_BUSY, and SQLITE_INTERRUPT) then
    /// the transaction might be rolled back automatically. The only way to
    /// find out whether SQLite automatically rolled back the transaction
    /// after an error is to use this function"
    /// (<https://www.sqlite.org/c3ref/get_autocommit.html>), so a failed
    /// statement is followed by `sqlite3_get_autocommit`. The connection is
    /// then in autocommit mode: a caller that caught the error and went on
    /// would commit each later statement by itself, and the closing COMMIT
    /// would fail with "cannot commit - no transaction is active". So until
    /// the outermost call returns, every statement throws
    /// `.SQLITE_ABORT_ROLLBACK` instead of running.
    public private(set) var abortingError: SQLiteError?

    /// Opens a database.
    /// - Parameters:
    ///   - path: the file (`:memory:` for an in-memory database).
    ///   - mode: see `Mode`.
    ///   - busyTimeout: milliseconds to wait for another writer.
    /// - Throws: `SQLiteError` when the file cannot be opened or is not an
    ///   SQLite database.
    public init(path: String, mode: Mode = .create, busyTimeout: Int32 = 5_000) throws {
        _ = Self.configureLibrary
        self.path = path
        self.mode = mode
        self.busyTimeout = busyTimeout
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close(db)
            throw SQLiteError(code: ResultCode(rawValue: code), message: "cannot open \(path): \(message)")
        }
        self.handle = db
        do {
            sqlite3_extended_result_codes(db, 1)
            sqlite3_busy_timeout(db, busyTimeout)
            _ = dossier_db_config_int(db, SQLITE_DBCONFIG_DQS_DDL, 0)
            _ = dossier_db_config_int(db, SQLITE_DBCONFIG_DQS_DML, 0)
            try execute("PRAGMA foreign_keys = ON")
            // Reading the schema makes a file that is not a database fail now.
            _ = try fetchAll("SELECT count(*) FROM sqlite_schema")
            if mode != .readOnly, path != ":memory:", !path.isEmpty {
                try enterWAL(timeout: busyTimeout)
                try execute("PRAGMA synchronous = NORMAL")
            }
        } catch {
            sqlite3_close_v2(db)
            isClosed = true
            throw error
        }
    }

    /// Switches the file to WAL mode. Changing the journal mode needs the
    /// file to itself, and SQLite reports SQLITE_BUSY at once, without its
    /// busy handler, while another connection is in a transaction (two
    /// commands opening one new archive): so retry until the busy timeout.
    private func enterWAL(timeout milliseconds: Int32) throws {
        var waited: Int32 = 0
        while true {
            do {
                if try fetchAll("PRAGMA journal_mode").first?[0].stringValue?.lowercased() == "wal" { return }
                try execute("PRAGMA journal_mode = WAL")
                return
            } catch ResultCode.SQLITE_BUSY where waited < milliseconds,
                    ResultCode.SQLITE_LOCKED where waited < milliseconds {
                waited += sqlite3_sleep(10)
            }
        }
    }

    deinit {
        if !isClosed {
            cache.removeAll()
            sqlite3_close_v2(handle)
        }
    }

    /// Finalizes cached statements and closes the connection.
    /// - Throws: `SQLiteError` when SQLite cannot close (an unfinalized
    ///   statement is still alive).
    public func close() throws {
        guard !isClosed else { return }
        cache.removeAll()
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else { throw error(code: code, sql: nil) }
        isClosed = true
    }

    // MARK: Transactions that SQLite rolled back

    func enterTransactionScope() {
        transactionScopes += 1
    }

    func leaveTransactionScope() {
        transactionScopes -= 1
        if transactionScopes == 0 { abortingError = nil }
    }

    /// Notes a failed statement: when a transaction opened by `transaction`
    /// or `savepoint` is gone after it, SQLite rolled it back.
    func statementDidFail(_ error: SQLiteError) {
        if transactionScopes > 0, abortingError == nil, sqlite3_get_autocommit(handle) != 0 {
            abortingError = error
        }
    }

    /// Throws instead of running `sql` after SQLite rolled back the
    /// transaction (see `abortingError`).
    func checkTransactionNotAborted(sql: String) throws {
        guard let abortingError else { return }
        throw SQLiteError(
            code: .SQLITE_ABORT_ROLLBACK,
            message: "not run: SQLite rolled back the transaction after an earlier error (\(abortingError.code.rawValue): \(abortingError.message))",
            sql: sql)
    }

    func error(code: Int32, sql: String?) -> SQLiteError {
        let extended = sqlite3_extended_errcode(handle)
        let message = String(cString: sqlite3_errmsg(handle))
        // sqlite3_errmsg may describe an older error when `code` did not set
        // it; prefer the code we were given when they disagree.
        let useCode = (extended & 0xFF) == (code & 0xFF) ? extended : code
        return SQLiteError(code: ResultCode(rawValue: useCode), message: message, sql: sql)
    }

    /// The byte offset in the SQL of the most recent error, or nil.
    public var errorOffset: Int? {
        let offset = sqlite3_error_offset(handle)
        return offset >= 0 ? Int(offset) : nil
    }

    // MARK: Statements

    /// Prepares exactly one statement.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql, persistent: false)
    }

    /// A prepared statement for fixed SQL, kept for reuse. Never pass SQL
    /// built from user input here.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(connection: self, sql: sql, persistent: true)
        if cache.count >= 256 { cache.removeAll() }
        cache[sql] = statement
        return statement
    }

    /// An integer flag of `sqlite3_db_config` (`SQLITE_DBCONFIG_...`): 1 on,
    /// 0 off, -1 unknown to this SQLite.
    public func dbConfig(_ option: Int32) -> Int32 {
        dossier_db_config_get(handle, option)
    }

    /// Sets an integer flag of `sqlite3_db_config`.
    public func setDBConfig(_ option: Int32, _ on: Bool) {
        _ = dossier_db_config_int(handle, option, on ? 1 : 0)
    }

    /// Runs one statement with these bindings, ignoring any rows.
    public func execute(_ sql: String, _ bindings: [SQLBindable] = []) throws {
        try prepare(sql).execute(bindings)
    }

    /// Runs a statement from the cache.
    public func executeCached(_ sql: String, _ bindings: [SQLBindable] = []) throws {
        let statement = try cached(sql)
        do { try statement.execute(bindings) } catch {
            cache[sql] = nil
            throw error
        }
    }

    /// Runs text holding any number of statements, one after another.
    /// - Throws: `SQLiteError`; `errorOffset` then points into `script`.
    public func executeScript(_ script: String) throws {
        let utf8 = Array(script.utf8CString)
        try utf8.withUnsafeBufferPointer { buffer in
            guard var cursor = buffer.baseAddress else { return }
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, cursor, -1, &statement, &tail)
                guard code == SQLITE_OK else {
                    let offsetInScript = (errorOffset ?? 0) + (cursor - buffer.baseAddress!)
                    let sqlError = error(code: code, sql: nil)
                    throw ScriptError(error: sqlError, byteOffset: offsetInScript)
                }
                if let statement {
                    defer { sqlite3_finalize(statement) }
                    let text = String(cString: sqlite3_sql(statement))
                    do {
                        try checkTransactionNotAborted(sql: text)
                    } catch let sqlError as SQLiteError {
                        throw ScriptError(error: sqlError, byteOffset: cursor - buffer.baseAddress!)
                    }
                    var stepCode = sqlite3_step(statement)
                    while stepCode == SQLITE_ROW { stepCode = sqlite3_step(statement) }
                    guard stepCode == SQLITE_DONE else {
                        let sqlError = error(code: stepCode, sql: text)
                        statementDidFail(sqlError)
                        throw ScriptError(error: sqlError, byteOffset: cursor - buffer.baseAddress!)
                    }
                }
                guard let tail else { break }
                cursor = tail
            }
        }
    }

    /// Every row of a query.
    public func fetchAll(_ sql: String, _ bindings: [SQLBindable] = []) throws -> [Row] {
        try prepare(sql).fetchAll(bindings)
    }

    /// The first row of a query, or nil.
    public func fetchOne(_ sql: String, _ bindings: [SQLBindable] = []) throws -> Row? {
        try prepare(sql).fetchOne(bindings)
    }

    /// The first column of the first row, or `.null`.
    public func scalar(_ sql: String, _ bindings: [SQLBindable] = []) throws -> SQLValue {
        try fetchOne(sql, bindings)?[0] ?? .null
    }

    /// The rowid of the most recent successful INSERT.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// True outside any transaction.
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Interrupts a running query from another thread.
    public func interrupt() { sqlite3_interrupt(handle) }
}

@available(*, unavailable)
extension Connection: Sendable {}

/// An error in a multi-statement script, with where in it it happened.
public struct ScriptError: Error, Sendable, CustomStringConvertible {
    public let error: SQLiteError
    /// Byte offset into the script.
    public let byteOffset: Int
    public var description: String { error.description }
}
