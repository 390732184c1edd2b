import CSQLite
import DossierStorage
import Testing

@Suite struct ResultCodeTests {
    @Test(arguments: [
        (ResultCode.SQLITE_ERROR, SQLITE_ERROR), (.SQLITE_ABORT, SQLITE_ABORT), (.SQLITE_BUSY, SQLITE_BUSY),
        (.SQLITE_LOCKED, SQLITE_LOCKED), (.SQLITE_NOMEM, SQLITE_NOMEM), (.SQLITE_READONLY, SQLITE_READONLY),
        (.SQLITE_INTERRUPT, SQLITE_INTERRUPT), (.SQLITE_IOERR, SQLITE_IOERR), (.SQLITE_CORRUPT, SQLITE_CORRUPT),
        (.SQLITE_FULL, SQLITE_FULL), (.SQLITE_CANTOPEN, SQLITE_CANTOPEN), (.SQLITE_CONSTRAINT, SQLITE_CONSTRAINT),
        (.SQLITE_MISUSE, SQLITE_MISUSE), (.SQLITE_RANGE, SQLITE_RANGE), (.SQLITE_NOTADB, SQLITE_NOTADB),
        (.SQLITE_ROW, SQLITE_ROW), (.SQLITE_DONE, SQLITE_DONE),
    ])
    func primaryCodesAreSQLitesOwn(code: ResultCode, value: Int32) {
        #expect(code.rawValue == value)
        #expect(code.isPrimary)
    }

    /// The headers' extended codes are not visible to Swift: check that each
    /// constant carries the primary code its name says.
    @Test(arguments: [
        (ResultCode.SQLITE_ABORT_ROLLBACK, ResultCode.SQLITE_ABORT), (.SQLITE_BUSY_SNAPSHOT, .SQLITE_BUSY),
        (.SQLITE_BUSY_TIMEOUT, .SQLITE_BUSY), (.SQLITE_LOCKED_SHAREDCACHE, .SQLITE_LOCKED),
        (.SQLITE_READONLY_DBMOVED, .SQLITE_READONLY), (.SQLITE_IOERR_WRITE, .SQLITE_IOERR),
        (.SQLITE_IOERR_NOMEM, .SQLITE_IOERR), (.SQLITE_CORRUPT_INDEX, .SQLITE_CORRUPT),
        (.SQLITE_CANTOPEN_ISDIR, .SQLITE_CANTOPEN), (.SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT),
        (.SQLITE_CONSTRAINT_FOREIGNKEY, .SQLITE_CONSTRAINT), (.SQLITE_CONSTRAINT_NOTNULL, .SQLITE_CONSTRAINT),
        (.SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT), (.SQLITE_CONSTRAINT_TRIGGER, .SQLITE_CONSTRAINT),
        (.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT), (.SQLITE_CONSTRAINT_DATATYPE, .SQLITE_CONSTRAINT),
    ])
    func extendedCodesKeepTheirPrimary(code: ResultCode, primary: ResultCode) {
        #expect(!code.isPrimary)
        #expect(code.primaryResultCode == primary)
        #expect(primary ~= code)
        #expect(!(code ~= primary))
    }

    @Test func anExtendedCodeMatchesOnlyItself() {
        #expect(ResultCode.SQLITE_CONSTRAINT_FOREIGNKEY ~= .SQLITE_CONSTRAINT_FOREIGNKEY)
        #expect(!(ResultCode.SQLITE_CONSTRAINT_FOREIGNKEY ~= .SQLITE_CONSTRAINT_UNIQUE))
        #expect(!(ResultCode.SQLITE_BUSY ~= .SQLITE_CONSTRAINT_FOREIGNKEY))
        #expect(!(ResultCode.SQLITE_BUSY ~= .SQLITE_LOCKED))
    }

    @Test func sqliteReportsTheExtendedCodes() throws {
        let db = try Connection(path: ":memory:")
        try db.executeScript("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id));
            CREATE TRIGGER child_no_zero BEFORE INSERT ON child WHEN new.parent_id = 0
                BEGIN SELECT RAISE(ABORT, 'no zero'); END;
            INSERT INTO parent VALUES (1);
            """)
        let cases: [(String, ResultCode)] = [
            ("INSERT INTO child (parent_id) VALUES (9)", .SQLITE_CONSTRAINT_FOREIGNKEY),
            ("INSERT INTO parent VALUES (1)", .SQLITE_CONSTRAINT_PRIMARYKEY),
            ("INSERT INTO child (parent_id) VALUES (0)", .SQLITE_CONSTRAINT_TRIGGER),
        ]
        for (sql, expected) in cases {
            let error = #expect(throws: SQLiteError.self, "\(sql)") { try db.execute(sql) }
            #expect(error?.code == expected, "\(sql)")
            #expect(error?.primary == .SQLITE_CONSTRAINT, "\(sql)")
        }
    }

    @Test func thrownErrorsMatchInCatchClauses() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x UNIQUE)")
        try db.execute("INSERT INTO t VALUES (1)")
        func kind(_ sql: String) -> String {
            do {
                try db.execute(sql)
                return "none"
            } catch ResultCode.SQLITE_CONSTRAINT_FOREIGNKEY {
                return "foreign key"
            } catch ResultCode.SQLITE_CONSTRAINT {
                return "other constraint"
            } catch {
                return "other"
            }
        }
        #expect(kind("INSERT INTO t VALUES (1)") == "other constraint")
        #expect(kind("SELEC 1") == "other")
        #expect(kind("INSERT INTO t VALUES (2)") == "none")
    }
}
