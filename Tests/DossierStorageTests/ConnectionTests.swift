import CSQLite
import DossierStorage
import Foundation
import Testing

@Suite struct ConnectionTests {
    @Test func opensWithForeignKeysAndWAL() throws {
        let test = try TestDatabase()
        #expect(try test.db.scalar("PRAGMA foreign_keys").intValue == 1)
        #expect(try test.db.scalar("PRAGMA journal_mode").stringValue == "wal")
        #expect(try test.db.scalar("PRAGMA busy_timeout").intValue == 5_000)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-db-\(UUID().uuidString)").path
        try Data(String(repeating: "this is not sqlite ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SQLiteError.self) { _ = try Connection(path: path) }
    }

    @Test func readOnlyConnectionCannotWrite() throws {
        let test = try TestDatabase()
        try test.db.execute("CREATE TABLE t (x)")
        let reader = try Connection(path: test.path, mode: .readOnly)
        let error = #expect(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (1)") }
        #expect(error?.primary == .SQLITE_READONLY)
        // What SQLite said, and nothing about the program using it.
        #expect(error?.description == "SQLite error \(error?.code.rawValue ?? 0): attempt to write a readonly database (while running: INSERT INTO t VALUES (1))")
    }

    @Test func closeSucceedsWithCachedStatements() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        try db.executeCached("INSERT INTO t VALUES (?)", [1])
        _ = try db.cached("SELECT x FROM t").fetchAll()
        try db.close()
    }

    @Test func doubleQuotedStringLiteralsAreRejected() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        #expect(throws: SQLiteError.self) { try db.execute("SELECT * FROM t WHERE x = \"nope\"") }
    }

    @Test func backupCopiesEverything() throws {
        let source = try TestDatabase()
        try source.db.execute("CREATE TABLE t (x)")
        try source.db.write {
            for i in 0..<1000 { try source.db.executeCached("INSERT INTO t VALUES (?)", [i]) }
        }
        let destination = try TestDatabase()
        try source.db.backup(to: destination.db)
        #expect(try destination.db.scalar("SELECT sum(x) FROM t").intValue == 499_500)
    }

    /// Runs `body` on another thread and waits at most `seconds` for it, so
    /// that a call that never returns fails the test instead of hanging it.
    /// - Returns: nil when `body` was still running, else what it threw
    ///   (or nil inside: it returned).
    static func finishes(within seconds: Double, _ body: @escaping @Sendable () throws -> Void) -> Result<Void, any Error>? {
        final class Outcome: @unchecked Sendable {
            var result: Result<Void, any Error>?
            let done = DispatchSemaphore(value: 0)
        }
        let outcome = Outcome()
        Thread {
            outcome.result = Result { try body() }
            outcome.done.signal()
        }.start()
        guard outcome.done.wait(timeout: .now() + seconds) == .success else { return nil }
        return outcome.result
    }

    /// Hands connections to the thread of `finishes(within:)`; the test
    /// does not touch them until that thread is done.
    struct Handover: @unchecked Sendable {
        let source: Connection
        let destination: Connection
    }

    @Test func backupGivesUpWhenAnotherWriterKeepsTheDestinationLocked() throws {
        // Given a destination another connection is writing to
        let file = try TestDatabase()
        try file.db.execute("CREATE TABLE t (x)")
        try file.db.execute("INSERT INTO t VALUES (1)")
        let source = try Connection(path: file.path, busyTimeout: 100)
        let target = try TestDatabase()
        let destination = try Connection(path: target.path, busyTimeout: 100)
        let writer = try Connection(path: target.path)
        try writer.execute("BEGIN IMMEDIATE")
        defer { try? writer.execute("ROLLBACK") }

        // When the backup runs
        let handover = Handover(source: source, destination: destination)
        let started = ContinuousClock.now
        let outcome = Self.finishes(within: 10) { try handover.source.backup(to: handover.destination) }

        // Then it ends, with SQLITE_BUSY, once the busy timeout has passed
        guard let outcome else {
            Issue.record("the backup was still retrying after 10 s")
            return
        }
        let error = outcome.failure as? SQLiteError
        #expect(error?.primary == .SQLITE_BUSY)
        #expect(ContinuousClock.now - started >= .milliseconds(100))
    }

    @Test func backupGivesUpWhileItsOwnConnectionWrites() throws {
        // Given a source whose connection is in the middle of a write
        let file = try TestDatabase()
        try file.db.execute("CREATE TABLE t (x)")
        let source = try Connection(path: file.path, busyTimeout: 100)
        try source.execute("BEGIN IMMEDIATE")
        try source.execute("INSERT INTO t VALUES (1)")
        defer { try? source.execute("ROLLBACK") }
        let target = try TestDatabase()
        let destination = try Connection(path: target.path, busyTimeout: 100)

        // When it is backed up, Then SQLite's immediate refusal (documented
        // as SQLITE_LOCKED, SQLITE_BUSY in 3.40) is retried for the busy
        // timeout only
        let handover = Handover(source: source, destination: destination)
        let outcome = Self.finishes(within: 10) { try handover.source.backup(to: handover.destination) }
        guard let outcome else {
            Issue.record("the backup was still retrying after 10 s")
            return
        }
        let error = outcome.failure as? SQLiteError
        #expect(error?.primary == .SQLITE_BUSY || error?.primary == .SQLITE_LOCKED, "\(String(describing: error))")
    }
}

extension Result {
    /// The error, or nil for a success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Suite struct StatementTests {
    @Test func bindsAndReadsEveryStorageClass() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)")
        let big: Int64 = 9_223_372_036_854_775_807
        let small: Int64 = -9_223_372_036_854_775_808
        let text = "Выхухолевский, Михаил Наумович — ё, ʹ, \u{0}inside"
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [big, 2.5, text, [UInt8]([0, 1, 255]), SQLValue.null])
        try db.execute("INSERT INTO t VALUES (?, NULL, NULL, ?, NULL)", [small, [UInt8]()])
        let rows = try db.fetchAll("SELECT i, r, s, b, n FROM t ORDER BY rowid")
        #expect(rows[0][0] == .integer(big))
        #expect(rows[0][1] == .real(2.5))
        #expect(rows[0].string("s") == text)
        #expect(rows[0][3] == .blob([0, 1, 255]))
        #expect(rows[0]["n"] == .null)
        #expect(rows[1][0] == .integer(small))
        #expect(rows[1][3] == .blob([]))
    }

    @Test func bindsByName() throws {
        let db = try Connection(path: ":memory:")
        let statement = try db.prepare("SELECT :a || @b || $c")
        try statement.bind([":a": "x", "@b": "Я", "$c": 3])
        #expect(try statement.step())
        #expect(statement.string(at: 0) == "xЯ3")
        statement.reset()
        #expect(throws: SQLiteError.self) { try statement.bind(1, named: ":missing") }
    }

    @Test func fewerValuesThanParametersAreRefused() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (a, b)")
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?, ?)", [1]) }
        #expect(error?.code == .SQLITE_RANGE)
        #expect(error?.message == "the statement takes 2 values, 1 given")
        #expect(error?.sql == "INSERT INTO t VALUES (?, ?)")
        // No values at all, through the cache and the fetch helpers too.
        #expect(throws: SQLiteError.self) { try db.executeCached("INSERT INTO t VALUES (?, ?)") }
        #expect(throws: SQLiteError.self) { _ = try db.fetchOne("SELECT * FROM t WHERE a = ?") }
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 0)
    }

    @Test func moreValuesThanParametersAreRefused() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (a, b)")
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?, ?)", [1, 2, 3]) }
        #expect(error?.code == .SQLITE_RANGE)
        #expect(error?.message == "the statement takes 2 values, 3 given")
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 0)
    }

    @Test func namedValuesMustCoverEveryParameter() throws {
        let db = try Connection(path: ":memory:")
        let statement = try db.prepare("SELECT :a + :a + :b")
        let error = #expect(throws: SQLiteError.self) { try statement.bind([":a": 1]) }
        #expect(error?.message == "the statement takes 2 values, 1 given")
        // A name used twice is one parameter.
        try statement.bind([":a": 1, ":b": 10])
        #expect(try statement.step())
        #expect(statement.int(at: 0) == 12)
    }

    @Test func prepareTakesOneStatement() throws {
        let db = try Connection(path: ":memory:")
        #expect(throws: SQLiteError.self) { _ = try db.prepare("SELECT 1; SELECT 2") }
        _ = try db.prepare("SELECT 1;")
    }

    @Test func cachedStatementIsReused() throws {
        let db = try Connection(path: ":memory:")
        let first = try db.cached("SELECT ?")
        let second = try db.cached("SELECT ?")
        #expect(first === second)
        #expect(try second.fetchOne([7])?.int(0) == 7)
    }

    @Test func readsColumnsByName() throws {
        let db = try Connection(path: ":memory:")
        let row = try db.fetchOne("SELECT 1 AS one, 'two' AS two")
        #expect(row?.int("one") == 1)
        #expect(row?.string("two") == "two")
        #expect(row?["absent"] == .null)
    }

    @Test func scriptRunsEveryStatement() throws {
        let db = try Connection(path: ":memory:")
        try db.executeScript("CREATE TABLE a (x); INSERT INTO a VALUES (1); -- comment\nINSERT INTO a VALUES (2);")
        #expect(try db.scalar("SELECT count(*) FROM a").intValue == 2)
    }
}

@Suite struct SQLiteErrorTests {
    let db: Connection

    init() throws {
        db = try Connection(path: ":memory:")
        try db.executeScript("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT UNIQUE);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id),
                                age INTEGER CHECK (age >= 0), label TEXT NOT NULL);
            INSERT INTO parent VALUES (1, 'a');
            """)
    }

    @Test func uniqueViolationIsTyped() throws {
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO parent VALUES (2, 'a')") }
        #expect(error?.primary == .SQLITE_CONSTRAINT)
        #expect(error?.code == .SQLITE_CONSTRAINT_UNIQUE)
        #expect(error?.sql == "INSERT INTO parent VALUES (2, 'a')")
        #expect(error?.description.contains("UNIQUE constraint failed: parent.name") == true)
    }

    @Test func foreignKeyViolationIsTyped() throws {
        let error = #expect(throws: SQLiteError.self) {
            try db.execute("INSERT INTO child (parent_id, age, label) VALUES (99, 1, 'x')")
        }
        #expect(error?.isForeignKeyViolation == true)
    }

    @Test func checkViolationIsTyped() throws {
        let error = #expect(throws: SQLiteError.self) {
            try db.execute("INSERT INTO child (parent_id, age, label) VALUES (1, -1, 'x')")
        }
        #expect(error?.code == .SQLITE_CONSTRAINT_CHECK)
        #expect(error?.primary == .SQLITE_CONSTRAINT)
    }

    @Test func notNullViolationIsTyped() throws {
        let error = #expect(throws: SQLiteError.self) {
            try db.execute("INSERT INTO child (parent_id, age, label) VALUES (1, 1, NULL)")
        }
        #expect(error?.code == .SQLITE_CONSTRAINT_NOTNULL)
    }

    @Test func syntaxErrorPrintsOneLine() throws {
        let error = #expect(throws: SQLiteError.self) { try db.execute("SELEC 1") }
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.hasPrefix("SQLite error 1: near \"SELEC\": syntax error") == true)
    }
}

@Suite struct TransactionTests {
    @Test func rolledBackTransactionLeavesNothing() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x UNIQUE)")
        #expect(throws: SQLiteError.self) {
            try db.write {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (2)")
                try db.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 0)
        #expect(db.isAutocommit)
    }

    struct Cancelled: Error {}

    @Test func thrownSwiftErrorRollsBackAndIsRethrown() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        #expect(throws: Cancelled.self) {
            try db.write {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Cancelled()
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 0)
    }

    @Test func committedTransactionKeepsRows() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        let value = try db.write {
            try db.execute("INSERT INTO t VALUES (1)")
            return 42
        }
        #expect(value == 42)
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 1)
    }

    @Test func savepointRollsBackOnlyItsPart() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        try db.write {
            try db.execute("INSERT INTO t VALUES (1)")
            #expect(throws: Cancelled.self) {
                try db.savepoint {
                    try db.execute("INSERT INTO t VALUES (2)")
                    throw Cancelled()
                }
            }
            try db.savepoint { try db.execute("INSERT INTO t VALUES (3)") }
        }
        let values = try db.fetchAll("SELECT x FROM t ORDER BY x").compactMap { $0.int(0) }
        #expect(values == [1, 3])
    }

    /// `INSERT INTO t` of rows 1 to 1000, which interrupts itself at row 10.
    static func interruptingInsert(_ db: Connection) throws -> String {
        try db.createFunction("interrupt_here", argumentCount: 1, deterministic: false) { [unowned db] values in
            if values[0].intValue == 10 { db.interrupt() }
            return values[0]
        }
        return """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
            INSERT INTO t SELECT interrupt_here(i) FROM n
            """
    }

    @Test func anInterruptedWriteEndsTheTransactionEvenWhenCaught() throws {
        // Given a transaction whose body catches an interrupted write and
        // goes on, as an import that skips a failed row would
        let test = try TestDatabase()
        let db = test.db
        try db.execute("CREATE TABLE t (x)")
        let interrupted = try Self.interruptingInsert(db)
        var caught: SQLiteError?

        // When it runs
        let error = #expect(throws: SQLiteError.self) {
            try db.write {
                try db.execute("INSERT INTO t VALUES (-1)")
                do { try db.execute(interrupted) } catch let error as SQLiteError { caught = error }
                try db.execute("INSERT INTO t VALUES (-2)")
            }
        }

        // Then SQLite rolled it back, nothing after it ran on its own, and
        // the interruption is what the caller hears about
        #expect(caught?.code == .SQLITE_INTERRUPT)
        #expect(error?.code == .SQLITE_INTERRUPT)
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 0)
        #expect(db.isAutocommit)
        #expect(db.abortingError == nil)
    }

    @Test func statementsAfterSQLiteRolledBackAreRefused() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        let interrupted = try Self.interruptingInsert(db)
        var refused: SQLiteError?
        let error = #expect(throws: SQLiteError.self) {
            try db.write {
                try? db.execute(interrupted)
                #expect(db.abortingError?.code == .SQLITE_INTERRUPT)
                do { try db.execute("INSERT INTO t VALUES (1)") } catch let error as SQLiteError { refused = error }
                try db.executeScript("INSERT INTO t VALUES (2); INSERT INTO t VALUES (3);")
            }
        }
        #expect(error?.code == .SQLITE_INTERRUPT)
        #expect(refused?.code == .SQLITE_ABORT_ROLLBACK)
        #expect(refused?.sql == "INSERT INTO t VALUES (1)")
        #expect(refused?.message.contains("(9: interrupted)") == true)
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 0)
        // The next transaction runs normally.
        try db.write { try db.execute("INSERT INTO t VALUES (4)") }
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 1)
    }

    @Test func aFullDiskInASavepointEndsTheWholeTransaction() throws {
        // Given room for two more pages and a body that keeps going after a
        // savepoint failed
        let test = try TestDatabase()
        let db = test.db
        try db.execute("CREATE TABLE t (x)")
        let pages = try db.scalar("PRAGMA page_count").intValue ?? 0
        try db.execute("PRAGMA max_page_count = \(pages + 2)")

        // When the savepoint runs out of room
        let error = #expect(throws: SQLiteError.self) {
            try db.write {
                try db.execute("INSERT INTO t VALUES (1)")
                _ = try? db.savepoint { try db.execute("INSERT INTO t VALUES (zeroblob(100000))") }
                try db.execute("INSERT INTO t VALUES (2)")
            }
        }

        // Then SQLite rolled back everything, and the caller hears why
        #expect(error?.primary == .SQLITE_FULL)
        #expect(try db.scalar("SELECT count(*) FROM t").intValue == 0)
        #expect(db.isAutocommit)
    }

    @Test func secondWriterWaitsThenFailsAsBusy() throws {
        let test = try TestDatabase()
        try test.db.execute("CREATE TABLE t (x)")
        let other = try Connection(path: test.path, busyTimeout: 50)
        try test.db.execute("BEGIN IMMEDIATE")
        defer { try? test.db.execute("ROLLBACK") }
        let error = #expect(throws: SQLiteError.self) { try other.write { try other.execute("INSERT INTO t VALUES (1)") } }
        #expect(error?.primary == .SQLITE_BUSY)
        // What SQLite said; advice about who holds the lock is the
        // application's to give.
        #expect(error?.message == "database is locked")
        #expect(error?.description == "SQLite error \(error?.code.rawValue ?? 0): database is locked (while running: BEGIN IMMEDIATE)")
    }
}

@Suite struct MigratorTests {
    let first = Migration(id: "0001_create_a", sql: "CREATE TABLE a (x);\n")
    let second = Migration(id: "0002_create_b", sql: "CREATE TABLE b (y);\nINSERT INTO b VALUES (1);\n")

    @Test func appliesInOrderAndRecordsVersion() throws {
        let db = try Connection(path: ":memory:")
        let applied = try Migrator(migrations: [second, first]).migrate(db)
        #expect(applied == ["0001_create_a", "0002_create_b"])
        #expect(try Migrator(migrations: [first, second]).appliedIDs(db) == applied)
        #expect(try Migrator(migrations: [first, second]).migrate(db).isEmpty)
    }

    @Test func newerArchiveIsRefusedAndUntouched() throws {
        let db = try Connection(path: ":memory:")
        try Migrator(migrations: [first, second]).migrate(db)
        let before = try db.fetchAll("SELECT * FROM schema_migration")
        #expect(throws: MigrationError.newerArchive(unknown: ["0002_create_b"])) {
            try Migrator(migrations: [first]).migrate(db)
        }
        #expect(try db.fetchAll("SELECT * FROM schema_migration") == before)
        // Which program to upgrade is for the application to say.
        #expect(MigrationError.newerArchive(unknown: ["0002_create_b"]).description
                == "the database has migration 0002_create_b that is not among the known migrations")
    }

    @Test func editedMigrationIsRefused() throws {
        let db = try Connection(path: ":memory:")
        try Migrator(migrations: [first]).migrate(db)
        let edited = Migration(id: first.id, sql: "CREATE TABLE a (x, z);\n")
        #expect(throws: MigrationError.changedMigration(id: first.id)) { try Migrator(migrations: [edited]).migrate(db) }
        #expect(MigrationError.changedMigration(id: first.id).description
                == "migration 0001_create_a.sql differs from the one applied to the database")
    }

    /// A constraint added through `sqlite_schema`, as migration 0013 edits
    /// its CHECK constraints: SQLite does not check the stored rows.
    @Test func aForeignKeyAddedOverOrphanRowsFailsTheMigration() throws {
        let db = try Connection(path: ":memory:")
        let tables = Migration(id: "0001_create_tables", sql: """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER);
            INSERT INTO parent VALUES (1);
            INSERT INTO child VALUES (1, 1), (2, 7);
            """)
        let reference = Migration(id: "0002_reference_parent", sql: """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, 'parent_id INTEGER', 'parent_id INTEGER REFERENCES parent(id)')
            WHERE type = 'table' AND name = 'child';
            PRAGMA writable_schema = RESET;
            CREATE TABLE schema_version_bump (x);
            DROP TABLE schema_version_bump;
            """)
        let error = #expect(throws: MigrationError.self) { try Migrator(migrations: [tables, reference]).migrate(db) }
        #expect(error == .foreignKeyViolation(id: "0002_reference_parent", table: "child", rowid: 2, parent: "parent"))
        #expect(error?.description == "0002_reference_parent.sql: after the migration, row 2 of child refers to a missing row of parent (PRAGMA foreign_key_check); the migration was rolled back")
        #expect(try Migrator(migrations: [tables]).appliedIDs(db) == ["0001_create_tables"])
        let schema = try db.scalar("SELECT sql FROM sqlite_schema WHERE name = 'child'").stringValue
        #expect(schema?.contains("REFERENCES") == false)
    }

    @Test func aDeferredForeignKeyViolationIsNamed() throws {
        let db = try Connection(path: ":memory:")
        let tables = Migration(id: "0001_create_tables", sql: """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id));
            """)
        let orphan = Migration(id: "0002_add_orphan", sql: """
            PRAGMA defer_foreign_keys = ON;
            INSERT INTO child VALUES (5, 9);
            """)
        let error = #expect(throws: MigrationError.self) { try Migrator(migrations: [tables, orphan]).migrate(db) }
        #expect(error == .foreignKeyViolation(id: "0002_add_orphan", table: "child", rowid: 5, parent: "parent"))
        #expect(try db.scalar("SELECT count(*) FROM child").intValue == 0)
        #expect(try Migrator(migrations: [tables]).appliedIDs(db) == ["0001_create_tables"])
    }

    @Test func failedMigrationLeavesThePreviousVersion() throws {
        let db = try Connection(path: ":memory:")
        let broken = Migration(id: "0002_broken", sql: "CREATE TABLE b (y);\nINSERT INTO b VALUES (1);\nCREATE TABLE c (z,;\n")
        let error = #expect(throws: MigrationError.self) { try Migrator(migrations: [first, broken]).migrate(db) }
        guard case .failed(let id, let line, _) = error else {
            Issue.record("expected a failed migration, got \(String(describing: error))")
            return
        }
        #expect(id == "0002_broken")
        #expect(line == 3)
        #expect(error?.description.hasPrefix("0002_broken.sql:3: ") == true)
        #expect(try Migrator(migrations: [first]).appliedIDs(db) == ["0001_create_a"])
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'b'").intValue == 0)
    }
}

@Suite struct FullTextQueryTests {
    @Test(arguments: [
        ("AND", "\"AND\""),
        ("O'Brien", "\"O'Brien\""),
        ("a\"b", "\"a\"\"b\""),
        ("NEAR( x", "\"NEAR(\" \"x\""),
        ("  ", ""),
    ])
    func quotesUserWords(input: String, expected: String) {
        #expect(FullTextQuery.quoted(input) == expected)
    }
}
