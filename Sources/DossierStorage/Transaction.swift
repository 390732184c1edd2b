import Foundation
import CSQLite

extension Connection {
    public enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED"
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when
    /// it throws, and rethrows the first error.
    ///
    /// Writes use IMMEDIATE so that the busy timeout applies: "If the
    /// transaction is DEFERRED ... and a write is attempted while another
    /// connection holds a lock, SQLITE_BUSY is returned immediately"
    /// (<https://www.sqlite.org/lang_transaction.html>).
    ///
    /// When SQLite rolls the transaction back on its own after an error
    /// (see `abortingError`), the statements `body` runs afterwards throw,
    /// nothing is committed, and the error that ended the transaction is
    /// thrown, also when `body` caught it and returned.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue)")
        enterTransactionScope()
        defer { leaveTransactionScope() }
        let result: T
        do {
            result = try body()
        } catch {
            rollbackIfNeeded()
            throw firstError(error)
        }
        // Without this, COMMIT would fail with "cannot commit - no
        // transaction is active" and hide why.
        if let abortingError { throw abortingError }
        do {
            try execute("COMMIT")
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return result
    }

    /// A write transaction (BEGIN IMMEDIATE).
    public func write<T>(_ body: () throws -> T) throws -> T {
        try transaction(.immediate, body)
    }

    /// A read transaction (BEGIN DEFERRED): one consistent snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try transaction(.deferred, body)
    }

    /// Runs `body` in a savepoint, which nests inside a transaction: released
    /// when it returns, rolled back to (and released) when it throws.
    public func savepoint<T>(_ name: String = "dossier", _ body: () throws -> T) throws -> T {
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try execute("SAVEPOINT \(quoted)")
        enterTransactionScope()
        defer { leaveTransactionScope() }
        do {
            let result = try body()
            if let abortingError { throw abortingError }
            try execute("RELEASE \(quoted)")
            return result
        } catch {
            // "The ROLLBACK TO command reverts the state of the database back
            // to what it was just after the corresponding SAVEPOINT"; the
            // savepoint stays on the stack, so release it too.
            if !isAutocommit {
                try? execute("ROLLBACK TO \(quoted)")
                try? execute("RELEASE \(quoted)")
            }
            throw firstError(error)
        }
    }

    /// The error to report when `body` threw `error`: the error after which
    /// SQLite rolled the transaction back when `error` only says that it
    /// was (a later statement refused), else `error`.
    private func firstError(_ error: any Error) -> any Error {
        if let abortingError, ResultCode.SQLITE_ABORT_ROLLBACK ~= error { return abortingError }
        return error
    }

    /// "It is recommended that applications respond to the errors listed
    /// above by explicitly issuing a ROLLBACK command. If the transaction has
    /// already been rolled back automatically by the error response, then
    /// the ROLLBACK command will fail with an error, but no harm is caused by
    /// this." (<https://www.sqlite.org/lang_transaction.html>). We only roll
    /// back when a transaction is still open, and keep the first error.
    private func rollbackIfNeeded() {
        if !isAutocommit {
            _ = try? execute("ROLLBACK")
        }
    }
}
