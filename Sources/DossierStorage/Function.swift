import CSQLite

/// A Swift function callable from SQL.
final class FunctionBox {
    let body: ([SQLValue]) throws -> SQLValue
    init(_ body: @escaping ([SQLValue]) throws -> SQLValue) { self.body = body }
}

extension Connection {
    /// Registers a scalar SQL function implemented in Swift.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/create_function.html>
    /// - Parameters:
    ///   - name: the SQL name.
    ///   - argumentCount: the number of arguments, or -1 for any.
    ///   - deterministic: the same arguments always give the same result
    ///     (required for use in indexes and allows SQLite to factor calls).
    ///   - body: receives the arguments; a thrown error becomes an SQL error.
    public func createFunction(_ name: String, argumentCount: Int32, deterministic: Bool = true,
                               _ body: @escaping ([SQLValue]) throws -> SQLBindable) throws {
        let box = FunctionBox { try body($0).sqlValue }
        var flags = SQLITE_UTF8
        if deterministic { flags |= SQLITE_DETERMINISTIC }
        let code = sqlite3_create_function_v2(
            handle, name, argumentCount, flags, Unmanaged.passRetained(box).toOpaque(),
            { context, count, arguments in
                let box = Unmanaged<FunctionBox>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
                var values: [SQLValue] = []
                values.reserveCapacity(Int(count))
                for index in 0..<Int(count) {
                    values.append(SQLValue(sqliteValue: arguments![index]))
                }
                do {
                    switch try box.body(values) {
                    case .null: sqlite3_result_null(context)
                    case .integer(let value): sqlite3_result_int64(context, value)
                    case .real(let value): sqlite3_result_double(context, value)
                    case .text(let text):
                        text.withCString { sqlite3_result_text(context, $0, Int32(text.utf8.count), sqliteTransient) }
                    case .blob(let bytes):
                        bytes.withUnsafeBytes {
                            sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), sqliteTransient)
                        }
                    }
                } catch {
                    let message = "\(error)"
                    sqlite3_result_error(context, message, -1)
                }
            },
            nil, nil,
            { pointer in
                if let pointer { Unmanaged<FunctionBox>.fromOpaque(pointer).release() }
            })
        guard code == SQLITE_OK else { throw self.error(code: code, sql: nil) }
    }
}

extension SQLValue {
    init(sqliteValue value: OpaquePointer?) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            let length = Int(sqlite3_value_bytes(value))
            if let text = sqlite3_value_text(value) {
                self = .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
            } else {
                self = .text("")
            }
        case SQLITE_BLOB:
            let length = Int(sqlite3_value_bytes(value))
            if length > 0, let bytes = sqlite3_value_blob(value) {
                self = .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
            } else {
                self = .blob([])
            }
        default: self = .null
        }
    }
}
