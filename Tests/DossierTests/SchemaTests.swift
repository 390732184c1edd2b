@testable import Dossier
import CSQLite
import DossierStorage
import Foundation
import Testing

@Suite struct SchemaTests {
    @Test func migrationsAreEmbeddedInOrder() {
        let ids = Schema.migrations.map(\.id)
        #expect(ids.first == "0001_create_core_tables")
        #expect(ids == ids.sorted())
        // Every migration's text was embedded: each creates, alters or drops something.
        #expect(Schema.migrations.allSatisfy { $0.sql.contains("CREATE") || $0.sql.contains("ALTER") || $0.sql.contains("DROP") })
    }

    @Test func newArchiveHasEveryTable() throws {
        let test = try TestArchive()
        let tables = Set(try test.db.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table'").compactMap { $0.string(0) })
        for table in ["person", "person_name", "proceeding", "defendant", "charge", "event", "source", "citation",
                      "history", "change", "schema_migration"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        #expect(try Schema.migrator.appliedIDs(test.db) == Schema.migrations.map(\.id))
        // An index no query reads is not kept (0023).
        #expect(try test.db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'event_kind'").intValue == 0)
    }

    /// The vocabulary CHECKs of the tables an import writes row by row are
    /// comparisons (0013): SQLite builds no temporary B-tree for them each
    /// time an INSERT runs, as it does for an IN list of three or more.
    @Test func rowInsertsBuildNoTemporaryTables() throws {
        let test = try TestArchive()
        for (table, columns) in [
            ("person_name", "person_id, name, is_primary, script, position"),
            ("proceeding", "ref, body, body_kind, category, place, date, date_lower, date_upper"),
            ("defendant", "proceeding_id, person_id, position, charge_text, outcome, sentence, sentence_kind, term_years"),
            ("charge", "defendant_id, position, kind, ref, raw, description"),
            ("event", "defendant_id, position, kind, date, date_lower, date_upper"),
            ("citation", "source_id, defendant_id, position, locator, confidence, note"),
            ("history", "change_id, table_name, row_id, op, before, after"),
        ] {
            let values = Array(repeating: "?", count: columns.split(separator: ",").count).joined(separator: ", ")
            let opcodes = try test.db.fetchAll("EXPLAIN INSERT INTO \(table) (\(columns)) VALUES (\(values))").compactMap { $0.string(1) }
            #expect(opcodes.contains("Insert"), "\(table)")
            #expect(!opcodes.contains("OpenEphemeral"), "\(table): \(opcodes)")
        }
    }

    /// A SQLite in defensive mode refuses edits of sqlite_schema; the
    /// migrator turns it off while migrating and back on afterwards.
    @Test func migrationsRunOnADefensiveConnection() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-defensive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.sqlite").path
        let archive = try Archive(path: path, migrate: false)
        archive.db.setDBConfig(SQLITE_DBCONFIG_DEFENSIVE, true)
        #expect(archive.db.dbConfig(SQLITE_DBCONFIG_DEFENSIVE) == 1)
        #expect(throws: SQLiteError.self) {
            try archive.db.execute("PRAGMA writable_schema = ON")
            defer { try? archive.db.execute("PRAGMA writable_schema = OFF") }
            try archive.db.execute("UPDATE sqlite_schema SET sql = sql WHERE name = 'nothing'")
            try archive.db.execute("CREATE TABLE t (x)")
            try archive.db.execute("UPDATE sqlite_schema SET sql = sql WHERE name = 't'")
        }
        try Schema.migrator.migrate(archive.db)
        #expect(try Schema.migrator.appliedIDs(archive.db) == Schema.migrations.map(\.id))
        #expect(archive.db.dbConfig(SQLITE_DBCONFIG_DEFENSIVE) == 1)
        let defendant = try archive.db.scalar("SELECT sql FROM sqlite_schema WHERE name = 'defendant'").stringValue ?? ""
        #expect(defendant.contains("outcome = 'convicted' OR"))
    }

    /// Every value of each vocabulary is accepted by the rewritten CHECKs,
    /// and anything else is still refused.
    @Test func vocabularyChecksAcceptEveryValueAndNothingElse() throws {
        let test = try TestArchive()
        try test.db.execute("INSERT INTO person (ref) VALUES ('p')")
        for kind in BodyKind.allCases {
            for category in Category.allCases {
                try test.db.execute("INSERT INTO proceeding (ref, body_kind, category) VALUES (?, ?, ?)",
                                    ["c-\(kind.rawValue)-\(category.rawValue)", kind.rawValue, category.rawValue])
            }
        }
        var position = 0
        for outcome in Outcome.allCases {
            for sentence in SentenceKind.allCases {
                position += 1
                try test.db.execute("INSERT INTO person (ref) VALUES (?)", ["p\(position)"])
                try test.db.execute("""
                    INSERT INTO defendant (proceeding_id, person_id, position, outcome, sentence_kind)
                    VALUES (1, last_insert_rowid(), 0, ?, ?)
                    """, [outcome.rawValue, sentence.rawValue])
            }
        }
        for (sql, bad) in [
            ("INSERT INTO proceeding (ref, body_kind, category) VALUES ('x', ?, 'political')", "court_martial"),
            ("INSERT INTO proceeding (ref, body_kind, category) VALUES ('x', 'troika', ?)", "heresy"),
            ("INSERT INTO defendant (proceeding_id, person_id, outcome) VALUES (1, 1, ?)", "pardoned"),
            ("INSERT INTO defendant (proceeding_id, person_id, outcome, sentence_kind) VALUES (2, 1, 'convicted', ?)", "gulag"),
            ("INSERT INTO person_name (person_id, name, script) VALUES (1, 'x', ?)", "greek"),
            ("INSERT INTO history (table_name, row_id, op) VALUES ('person', 1, ?)", "upsert"),
        ] {
            let error = #expect(throws: SQLiteError.self, "\(bad)") { try test.db.execute(sql, [bad]) }
            #expect(error?.code == .SQLITE_CONSTRAINT_CHECK, "\(bad)")
        }
        #expect(try test.db.scalar("PRAGMA integrity_check").stringValue == "ok")
    }

    @Test func archiveFromANewerVersionIsRefusedUntouched() throws {
        let test = try TestArchive()
        try test.db.execute("INSERT INTO schema_migration (id, applied_at, sql) VALUES ('9999_future', 'x', 'x')")
        let before = try test.count("schema_migration")
        #expect(throws: MigrationError.newerArchive(unknown: ["9999_future"])) {
            _ = try Archive(path: test.path)
        }
        #expect(try test.count("schema_migration") == before)
    }

    @Test func vocabulariesAreEnforcedByTheSchema() throws {
        let test = try TestArchive()
        let error = #expect(throws: SQLiteError.self) {
            try test.db.execute("INSERT INTO proceeding (ref, body_kind, category) VALUES ('x', 'court_martial', 'political')")
        }
        #expect(error?.code == .SQLITE_CONSTRAINT_CHECK)
        #expect(throws: SQLiteError.self) {
            try test.db.execute("INSERT INTO proceeding (ref, body_kind, category) VALUES ('x', 'troika', 'heresy')")
        }
    }

    @Test func refsAreUnique() throws {
        let test = try TestArchive()
        try test.db.execute("INSERT INTO person (ref) VALUES ('p1')")
        let error = #expect(throws: SQLiteError.self) { try test.db.execute("INSERT INTO person (ref) VALUES ('p1')") }
        #expect(error?.code == .SQLITE_CONSTRAINT_UNIQUE)
    }

    @Test func citationNeedsExactlyOneTarget() throws {
        let test = try TestArchive()
        try test.db.execute("INSERT INTO source (key, type, title) VALUES ('s', 'book', 'T')")
        try test.db.execute("INSERT INTO person (ref) VALUES ('p1')")
        try test.db.execute("INSERT INTO proceeding (ref, body_kind, category) VALUES ('c1', 'troika', 'political')")
        #expect(throws: SQLiteError.self) { try test.db.execute("INSERT INTO citation (source_id) VALUES (1)") }
        #expect(throws: SQLiteError.self) {
            try test.db.execute("INSERT INTO citation (source_id, person_id, proceeding_id) VALUES (1, 1, 1)")
        }
        try test.db.execute("INSERT INTO citation (source_id, person_id) VALUES (1, 1)")
    }

    @Test func foreignKeysCascadeAndRestrict() throws {
        let test = try TestArchive()
        try test.db.executeScript("""
            INSERT INTO person (id, ref) VALUES (1, 'p1');
            INSERT INTO proceeding (id, ref, body_kind, category) VALUES (1, 'c1', 'troika', 'political');
            INSERT INTO defendant (id, proceeding_id, person_id) VALUES (1, 1, 1);
            INSERT INTO charge (defendant_id, kind, ref, raw) VALUES (1, 'statute', 'RSFSR-1926:58-10', '58-10');
            """)
        // A person still in a case cannot be deleted...
        let error = #expect(throws: SQLiteError.self) { try test.db.execute("DELETE FROM person WHERE id = 1") }
        #expect(error?.isForeignKeyViolation == true)
        // ...deleting the case removes its defendants and their charges.
        try test.db.execute("DELETE FROM proceeding WHERE id = 1")
        #expect(try test.count("defendant") == 0)
        #expect(try test.count("charge") == 0)
    }

    @Test func historyKeepsEveryChange() throws {
        let test = try TestArchive()
        try test.archive.change(command: "test") {
            try test.db.execute("INSERT INTO person (ref, occupation) VALUES ('p1', 'engineer')")
            try test.db.execute("UPDATE person SET occupation = 'teacher' WHERE ref = 'p1'")
            try test.db.execute("UPDATE person SET occupation = 'teacher' WHERE ref = 'p1'")
            try test.db.execute("DELETE FROM person WHERE ref = 'p1'")
        }
        let rows = try test.db.fetchAll("SELECT op, json_extract(before, '$.occupation'), json_extract(after, '$.occupation'), change_id FROM history ORDER BY id")
        #expect(rows.map { $0.string(0) } == ["insert", "update", "delete"])
        #expect(rows[1].string(1) == "engineer")
        #expect(rows[1].string(2) == "teacher")
        #expect(rows[2].string(1) == "teacher")
        #expect(rows.allSatisfy { $0.int(3) == 1 })
    }

    @Test func rolledBackChangeLeavesNoHistory() throws {
        let test = try TestArchive()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try test.archive.change(command: "test") {
                try test.db.execute("INSERT INTO person (ref) VALUES ('p1')")
                throw Stop()
            }
        }
        #expect(try test.count("person") == 0)
        #expect(try test.count("history") == 0)
        #expect(try test.count("change") == 0)
    }
}
