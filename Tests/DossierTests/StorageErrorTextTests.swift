import Dossier
import DossierStorage
import Testing

@Suite struct StorageErrorTextTests {
    @Test func aLockedArchiveNamesWhoMayHoldIt() throws {
        // Given an archive another connection is writing to
        let test = try TestArchive()
        let other = try Connection(path: test.path, busyTimeout: 50)
        try test.db.execute("BEGIN IMMEDIATE")
        defer { try? test.db.execute("ROLLBACK") }

        // When a second writer gives up waiting
        let error = #expect(throws: SQLiteError.self) { try other.write { try other.execute("DELETE FROM person") } }

        // Then the storage layer says what SQLite said, and dossier adds
        // who may hold the lock
        #expect(error?.description.hasPrefix("SQLite error 5") == true)
        #expect(error?.userDescription == "database is locked by another program (another dossier command, or Datasette or sqlite3 open on it?) (while running: BEGIN IMMEDIATE)")
        #expect(Failure.describe(try #require(error)).message == error?.userDescription)
    }

    @Test func otherErrorsAreWhatSQLiteSaid() throws {
        let test = try TestArchive()
        let error = #expect(throws: SQLiteError.self) { try test.db.execute("INSERT INTO person (ref) VALUES (NULL)") }
        #expect(error?.primary == .SQLITE_CONSTRAINT)
        #expect(error?.userDescription == error?.description)
    }
}

@Suite struct MigrationErrorTextTests {
    @Test func aNewerArchiveTellsWhichProgramToUpgrade() throws {
        // Given an archive with a migration this version does not know
        let test = try TestArchive()
        try test.db.execute("INSERT INTO schema_migration (id, applied_at, sql) VALUES ('9999_from_the_future', '2030-01-01', '')")

        // When it is opened
        let error = #expect(throws: MigrationError.self) { _ = try Archive(path: test.path) }

        // Then the user hears which program to upgrade
        #expect(error?.userDescription == "this archive was made by a newer version of dossier (it has migration 9999_from_the_future that this version does not know); upgrade dossier to open it")
        #expect(Failure.describe(try #require(error)).message == error?.userDescription)
    }

    @Test func anEditedMigrationIsNamed() {
        let error = MigrationError.changedMigration(id: "0003_create_search_indexes")
        #expect(error.userDescription == "migration 0003_create_search_indexes.sql differs from the one applied to this archive; shipped migrations must never be edited")
    }
}
