import DossierStorage
import Foundation
import Testing

/// Storage errors as the user sees them: dossier's wording, not SQLite's.
@Suite struct StorageErrorCLITests {
    @Test func aLockedArchiveSaysWhoMayHoldIt() throws {
        // Given an archive that another program is writing to
        let scratch = try Scratch()
        let archive = scratch.file("a.sqlite")
        #expect(try CLIRunner.run(["init", "--db", archive]).status == 0)
        try #"{"case_ref": "locked-1", "title": "Дело", "body_kind": "troika", "category": "political"}"#
            .write(toFile: scratch.file("one.jsonl"), atomically: true, encoding: .utf8)
        let other = try Connection(path: archive)
        try other.execute("BEGIN IMMEDIATE")
        defer { try? other.execute("ROLLBACK") }

        // When an import waits for it in vain
        let run = try CLIRunner.run(["import", scratch.file("one.jsonl"), "--db", archive])

        // Then the message names the likely culprits
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("dossier: error: database is locked by another program (another dossier command, or Datasette or sqlite3 open on it?)"))
    }

    @Test func aNewerArchiveSaysWhichProgramToUpgrade() throws {
        let scratch = try Scratch()
        let archive = scratch.file("a.sqlite")
        #expect(try CLIRunner.run(["init", "--db", archive]).status == 0)
        let db = try Connection(path: archive)
        try db.execute("INSERT INTO schema_migration (id, applied_at, sql) VALUES ('9999_from_the_future', '2030-01-01', '')")
        try db.close()

        let run = try CLIRunner.run(["init", "--db", archive])

        #expect(run.status == 1)
        #expect(run.stderr == "dossier: error: this archive was made by a newer version of dossier (it has migration 9999_from_the_future that this version does not know); upgrade dossier to open it\n")
    }
}
