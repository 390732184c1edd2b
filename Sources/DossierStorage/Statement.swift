import CSQLite

let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared SQL statement. Finalized when released.
///
/// Bind parameters by position (1-based, as in SQLite) or by name
/// (`:name`, `@name`, `$name`), then `step()` through the rows.
public final class Statement {
    let handle: OpaquePointer
    unowned let connection: Connection
    public let sql: String
    /// The names of the result columns.
    public let columnNames: [String]

    init(connection: Connection, sql: String, persistent: Bool) throws {
        self.connection = connection
        self.sql = sql
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sql.withCString { text in
            sqlite3_prepare_v3(connection.handle, text, -1, flags, &statement, &tail)
        }
        guard code == SQLITE_OK, let statement else {
            throw connection.error(code: code, sql: sql)
        }
        if let tail, tail.pointee != 0 {
            let rest = String(cString: tail).trimmingWhitespace()
            if !rest.isEmpty, !rest.allSatisfy({ $0 == ";" }) {
                sqlite3_finalize(statement)
                throw SQLiteError(code: .SQLITE_MISUSE,
                                  message: "prepare() takes exactly one statement; use executeScript for several",
                                  sql: sql)
            }
        }
        self.handle = statement
        let count = Int(sqlite3_column_count(statement))
        self.columnNames = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
    }

    deinit { sqlite3_finalize(handle) }

    /// The number of parameters the statement takes.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds a value to the 1-based parameter `index`.
    /// - Throws: `SQLiteError` when SQLite refuses the value (e.g. a range error).
    public func bind(_ value: SQLBindable, at index: Int) throws {
        let position = Int32(index)
        let code: Int32
        switch value.sqlValue {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, position, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, position, number)
        case .text(let text):
            // An explicit byte length keeps text with NUL characters whole.
            code = text.withCString { pointer in
                sqlite3_bind_text(handle, position, pointer, Int32(text.utf8.count), sqliteTransient)
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, position, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                  Int32(buffer.count), sqliteTransient)
            }
        }
        guard code == SQLITE_OK else { throw connection.error(code: code, sql: sql) }
    }

    /// Binds a value to a named parameter, written with its prefix (`:ref`).
    public func bind(_ value: SQLBindable, named name: String) throws {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw SQLiteError(code: .SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        try bind(value, at: Int(index))
    }

    /// Binds values to parameters 1, 2, ... in order: one value for every
    /// parameter.
    ///
    /// SQLite runs a statement whose parameters were left unbound as if
    /// they were NULL, so a value forgotten in a call would quietly write
    /// or match NULL: the count is checked first.
    /// - Throws: `SQLiteError` (`.SQLITE_RANGE`) when there are more or
    ///   fewer values than parameters, nothing bound; `SQLiteError` when
    ///   SQLite refuses a value.
    public func bind(_ values: [SQLBindable]) throws {
        try checkValueCount(values.count)
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds values to named parameters, written with their prefix
    /// (`":ref"`): one value for every parameter.
    /// - Throws: `SQLiteError` (`.SQLITE_RANGE`) for a name the statement
    ///   does not have, or when a parameter is left without a value.
    public func bind(_ values: [String: SQLBindable]) throws {
        for name in values.keys where sqlite3_bind_parameter_index(handle, name) == 0 {
            throw SQLiteError(code: .SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        try checkValueCount(values.count)
        for (name, value) in values {
            try bind(value, named: name)
        }
    }

    /// "sqlite3_bind_parameter_count ... returns the index of the largest
    /// (rightmost) parameter" (<https://www.sqlite.org/c3ref/bind_parameter_count.html>):
    /// a name used twice, or `?1` written twice, is one parameter. An
    /// EXPLAIN lists the program without running it, so it may be given
    /// fewer values.
    private func checkValueCount(_ count: Int) throws {
        let expected = parameterCount
        guard count != expected else { return }
        if count < expected, sqlite3_stmt_isexplain(handle) != 0 { return }
        func values(_ n: Int) -> String { n == 1 ? "1 value" : "\(n) values" }
        throw SQLiteError(code: .SQLITE_RANGE,
                          message: "the statement takes \(values(expected)), \(count) given",
                          sql: sql)
    }

    /// Advances to the next row.
    /// - Returns: true when a row is available, false when done.
    /// - Throws: `SQLiteError`; `.SQLITE_ABORT_ROLLBACK` without running
    ///   when SQLite rolled back the transaction (`Connection.abortingError`).
    @discardableResult
    public func step() throws -> Bool {
        try connection.checkTransactionNotAborted(sql: sql)
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = connection.error(code: code, sql: sql)
            sqlite3_reset(handle)
            connection.statementDidFail(error)
            throw error
        }
    }

    /// Resets the statement so that it can run again, and clears bindings.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Reading columns of the current row

    public var columnCount: Int { columnNames.count }

    public func value(at index: Int) -> SQLValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let length = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite3_column_bytes(handle, column))
            guard length > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        default: return .null
        }
    }

    public func value(named name: String) -> SQLValue {
        guard let index = columnNames.firstIndex(of: name) else { return .null }
        return value(at: index)
    }

    /// The UTF-8 bytes of a text column of the current row, lent to `body`
    /// without copying them into a String; nil when the value is not text.
    /// The bytes are valid only inside `body`.
    public func withUTF8<T>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
        let column = Int32(index)
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT else { return nil }
        guard let text = sqlite3_column_text(handle, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
    }

    public func int(at index: Int) -> Int? { value(at: index).intValue }
    public func string(at index: Int) -> String? { value(at: index).stringValue }
    public func double(at index: Int) -> Double? { value(at: index).doubleValue }

    /// A snapshot of the current row.
    public func row() -> Row {
        Row(columns: columnNames, values: (0..<columnCount).map { value(at: $0) })
    }

    /// Runs the statement to completion with these bindings and returns every
    /// row. Resets the statement afterwards.
    public func fetchAll(_ bindings: [SQLBindable] = []) throws -> [Row] {
        defer { reset() }
        try bind(bindings)
        var rows: [Row] = []
        while try step() { rows.append(row()) }
        return rows
    }

    /// The first row, or nil.
    public func fetchOne(_ bindings: [SQLBindable] = []) throws -> Row? {
        defer { reset() }
        try bind(bindings)
        return try step() ? row() : nil
    }

    /// Runs the statement, ignoring rows. Resets afterwards.
    public func execute(_ bindings: [SQLBindable] = []) throws {
        defer { reset() }
        try bind(bindings)
        while try step() {}
    }

    /// Calls `body` for each row without collecting them (streaming).
    public func forEach(_ bindings: [SQLBindable] = [], _ body: (Statement) throws -> Void) throws {
        defer { reset() }
        try bind(bindings)
        while try step() { try body(self) }
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
