/// An SQLite result code: a primary code (`SQLITE_CONSTRAINT`) or an
/// extended one (`SQLITE_CONSTRAINT_FOREIGNKEY`), which keeps its primary
/// code in its low 8 bits.
///
/// Match codes with `switch` or `~=`: a primary code matches itself and
/// every extended code made from it, an extended code matches only itself.
///
///     switch error.code {
///     case .SQLITE_CONSTRAINT_FOREIGNKEY: ... // only this one
///     case .SQLITE_CONSTRAINT: ...            // every other constraint
///     case .SQLITE_BUSY, .SQLITE_LOCKED: ...
///     default: ...
///     }
///
/// A thrown `SQLiteError` can be matched directly:
/// `catch ResultCode.SQLITE_BUSY { ... }`.
///
/// The C headers define the extended codes as macros that Swift does not
/// import, so the values below are written out as the documentation lists
/// them.
///
/// Related SQLite documentation: <https://www.sqlite.org/rescode.html>
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
                          ExpressibleByIntegerLiteral {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public init(integerLiteral value: Int32) { self.rawValue = value }

    /// The primary code: `SQLITE_CONSTRAINT` for
    /// `SQLITE_CONSTRAINT_FOREIGNKEY`, the code itself for a primary code.
    public var primaryResultCode: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    /// True for a primary code, false for an extended one.
    public var isPrimary: Bool { rawValue & 0xFF == rawValue }

    /// The number, as SQLite reports it.
    public var description: String { String(rawValue) }

    /// A primary `pattern` matches `code` when `code` is it or one of its
    /// extended codes; an extended `pattern` matches only itself.
    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern.isPrimary ? code.primaryResultCode == pattern : code == pattern
    }

    /// Matches an `SQLiteError` (or the `ScriptError` around one) whose
    /// code matches `pattern`; any other error does not match.
    public static func ~= (pattern: ResultCode, error: any Error) -> Bool {
        switch error {
        case let error as SQLiteError: return pattern ~= error.code
        case let error as ScriptError: return pattern ~= error.error.code
        default: return false
        }
    }
}

// MARK: Primary result codes

extension ResultCode {
    public static let SQLITE_OK: ResultCode = 0
    public static let SQLITE_ERROR: ResultCode = 1
    public static let SQLITE_INTERNAL: ResultCode = 2
    public static let SQLITE_PERM: ResultCode = 3
    public static let SQLITE_ABORT: ResultCode = 4
    public static let SQLITE_BUSY: ResultCode = 5
    public static let SQLITE_LOCKED: ResultCode = 6
    public static let SQLITE_NOMEM: ResultCode = 7
    public static let SQLITE_READONLY: ResultCode = 8
    public static let SQLITE_INTERRUPT: ResultCode = 9
    public static let SQLITE_IOERR: ResultCode = 10
    public static let SQLITE_CORRUPT: ResultCode = 11
    public static let SQLITE_NOTFOUND: ResultCode = 12
    public static let SQLITE_FULL: ResultCode = 13
    public static let SQLITE_CANTOPEN: ResultCode = 14
    public static let SQLITE_PROTOCOL: ResultCode = 15
    public static let SQLITE_EMPTY: ResultCode = 16
    public static let SQLITE_SCHEMA: ResultCode = 17
    public static let SQLITE_TOOBIG: ResultCode = 18
    public static let SQLITE_CONSTRAINT: ResultCode = 19
    public static let SQLITE_MISMATCH: ResultCode = 20
    public static let SQLITE_MISUSE: ResultCode = 21
    public static let SQLITE_NOLFS: ResultCode = 22
    public static let SQLITE_AUTH: ResultCode = 23
    public static let SQLITE_FORMAT: ResultCode = 24
    public static let SQLITE_RANGE: ResultCode = 25
    public static let SQLITE_NOTADB: ResultCode = 26
    public static let SQLITE_NOTICE: ResultCode = 27
    public static let SQLITE_WARNING: ResultCode = 28
    public static let SQLITE_ROW: ResultCode = 100
    public static let SQLITE_DONE: ResultCode = 101
}

// MARK: Extended result codes

extension ResultCode {
    public static let SQLITE_ERROR_MISSING_COLLSEQ: ResultCode = 257
    public static let SQLITE_ERROR_RETRY: ResultCode = 513
    public static let SQLITE_ERROR_SNAPSHOT: ResultCode = 769

    public static let SQLITE_ABORT_ROLLBACK: ResultCode = 516

    public static let SQLITE_BUSY_RECOVERY: ResultCode = 261
    public static let SQLITE_BUSY_SNAPSHOT: ResultCode = 517
    public static let SQLITE_BUSY_TIMEOUT: ResultCode = 773

    public static let SQLITE_LOCKED_SHAREDCACHE: ResultCode = 262
    public static let SQLITE_LOCKED_VTAB: ResultCode = 518

    public static let SQLITE_READONLY_RECOVERY: ResultCode = 264
    public static let SQLITE_READONLY_CANTLOCK: ResultCode = 520
    public static let SQLITE_READONLY_ROLLBACK: ResultCode = 776
    public static let SQLITE_READONLY_DBMOVED: ResultCode = 1032
    public static let SQLITE_READONLY_CANTINIT: ResultCode = 1288
    public static let SQLITE_READONLY_DIRECTORY: ResultCode = 1544

    public static let SQLITE_IOERR_READ: ResultCode = 266
    public static let SQLITE_IOERR_SHORT_READ: ResultCode = 522
    public static let SQLITE_IOERR_WRITE: ResultCode = 778
    public static let SQLITE_IOERR_FSYNC: ResultCode = 1034
    public static let SQLITE_IOERR_TRUNCATE: ResultCode = 1546
    public static let SQLITE_IOERR_FSTAT: ResultCode = 1802
    public static let SQLITE_IOERR_LOCK: ResultCode = 3850
    public static let SQLITE_IOERR_NOMEM: ResultCode = 3082

    public static let SQLITE_CORRUPT_VTAB: ResultCode = 267
    public static let SQLITE_CORRUPT_SEQUENCE: ResultCode = 523
    public static let SQLITE_CORRUPT_INDEX: ResultCode = 779

    public static let SQLITE_CANTOPEN_NOTEMPDIR: ResultCode = 270
    public static let SQLITE_CANTOPEN_ISDIR: ResultCode = 526
    public static let SQLITE_CANTOPEN_FULLPATH: ResultCode = 782

    public static let SQLITE_CONSTRAINT_CHECK: ResultCode = 275
    public static let SQLITE_CONSTRAINT_COMMITHOOK: ResultCode = 531
    public static let SQLITE_CONSTRAINT_FOREIGNKEY: ResultCode = 787
    public static let SQLITE_CONSTRAINT_FUNCTION: ResultCode = 1043
    public static let SQLITE_CONSTRAINT_NOTNULL: ResultCode = 1299
    public static let SQLITE_CONSTRAINT_PRIMARYKEY: ResultCode = 1555
    public static let SQLITE_CONSTRAINT_TRIGGER: ResultCode = 1811
    public static let SQLITE_CONSTRAINT_UNIQUE: ResultCode = 2067
    public static let SQLITE_CONSTRAINT_VTAB: ResultCode = 2323
    public static let SQLITE_CONSTRAINT_ROWID: ResultCode = 2579
    public static let SQLITE_CONSTRAINT_PINNED: ResultCode = 2835
    public static let SQLITE_CONSTRAINT_DATATYPE: ResultCode = 3091

    public static let SQLITE_NOTICE_RECOVER_WAL: ResultCode = 283
    public static let SQLITE_NOTICE_RECOVER_ROLLBACK: ResultCode = 539
    public static let SQLITE_WARNING_AUTOINDEX: ResultCode = 284
}
