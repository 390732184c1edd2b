@testable import DossierCLI
import Foundation
import Testing

/// history, revert, check and backup as a user runs them: exit statuses,
/// the exact first lines, and nothing written on refusal.
@Suite struct ReliabilityCLITests {
    @Test func leadingDatabaseOptionReachesTheCommand() throws {
        let history = try #require(try DossierCommand.parseAsRoot(["--db", "a.sqlite", "history", "pryanikov-1936"]) as? History)
        #expect(history.archive.path == "a.sqlite")
        #expect(history.ref == "pryanikov-1936")
    }

    /// An archive with the fixtures, built by `dossier tour`.
    func tour(_ scratch: Scratch) throws -> String {
        let db = scratch.file("a.sqlite")
        let run = try CLIRunner.run(["tour", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        return db
    }

    @Test func historyRevertAndCheckEndToEnd() throws {
        let scratch = try Scratch()
        let db = try tour(scratch)
        let add = try CLIRunner.run(["add", "person", "--ref", "p-pryanikov", "--name", "Пряников, Савелий Игнатьевич", "--birth", "1885", "--db", db])
        #expect(add.status == 0, "\(add.stderr)")

        let history = try CLIRunner.run(["history", "p-pryanikov", "--format", "table", "--db", db])
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("change 2  ") == true && lines.first?.hasSuffix("  add person") == true)
        #expect(lines.dropFirst() == ["  2 rows: person +1, name +1",
                                      "  + person p-pryanikov: birth \"1885\"",
                                      "  + name \"Пряников, Савелий Игнатьевич\" of person p-pryanikov: name \"Пряников, Савелий Игнатьевич\", is_primary 1, script \"cyrl\", position 0"])

        let revert = try CLIRunner.run(["revert", "2", "--db", db])
        #expect(revert.status == 0)
        #expect(revert.stdout == "reverted change 2 as change 3: deleted 1 person, 1 name\n")
        let again = try CLIRunner.run(["revert", "2", "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr == "dossier: error: change 2 (add person) was already reverted by change 3 (revert change 3 to bring it back)\n")
        let missing = try CLIRunner.run(["revert", "99", "--db", db])
        #expect(missing.status == 65)
        #expect(missing.stderr == "dossier: error: no change 99 (see `dossier history` for the list)\n")

        let json = try CLIRunner.run(["history", "--change", "3", "--format", "json", "--db", db])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["reverts"] as? Int == 2)
        #expect((parsed?.first?["rows"] as? [[String: Any]])?.map { $0["op"] as? String } == ["delete", "delete"])

        let check = try CLIRunner.run(["check", "--format", "table", "--db", db])
        #expect(check.status == 0)
        #expect(check.stdout == "ok: \(db) passes every check\n")
        let badSince = try CLIRunner.run(["history", "--since", "yesterday", "--db", db])
        #expect(badSince.status == 65)
        #expect(badSince.stderr.hasPrefix("dossier: error: \"yesterday\" is not a date (expected YYYY"))
    }

    @Test func checkReportsAndFixes() throws {
        let scratch = try Scratch()
        let db = try tour(scratch)
        // Break two date bounds behind the archive's back (as an older
        // version or a hand edit in another tool might).
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("UPDATE proceeding SET date_lower = 0 WHERE ref = 'shakhty-1928'")
            db.commit()
            """, db]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)

        let check = try CLIRunner.run(["check", "--format", "table", "--db", db])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("date-bounds: case shakhty-1928 (#"))
        #expect(check.stderr == "dossier: error: check found 1 problem (1 can be repaired with `dossier check --fix`)\n")
        let fix = try CLIRunner.run(["check", "--fix", "--format", "table", "--db", db])
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(fix.stdout.contains("fixed: date-bounds: case shakhty-1928"))
        #expect(fix.stdout.contains("the repairs are change 2 (dossier history --change 2)"))
        #expect(try CLIRunner.run(["check", "--db", db]).status == 0)
    }

    @Test func backupRefusesToOverwriteAndCopiesWhole() throws {
        let scratch = try Scratch()
        let db = try tour(scratch)
        let copy = scratch.file("copy.sqlite")
        let first = try CLIRunner.run(["backup", copy, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("backed up \(db) to \(copy): 35 cases, 69 persons, 125 sources, 1 change, "))
        #expect(first.stdout.hasSuffix("KB; verified (integrity, foreign keys, row counts)\n"))
        let second = try CLIRunner.run(["backup", copy, "--db", db])
        #expect(second.status == 1)
        #expect(second.stderr == "dossier: error: \(copy) already exists; give --force to replace it\n")
        #expect(try CLIRunner.run(["backup", copy, "--force", "--db", db]).status == 0)
        #expect(try CLIRunner.run(["check", "--db", copy]).status == 0)
        let show = try CLIRunner.run(["show", "shakhty-1928", "--db", copy])
        #expect(show.status == 0 && show.stdout.contains("Shakhty"))
        let directory = try CLIRunner.run(["backup", scratch.path, "--db", db])
        #expect(directory.status == 1)
        #expect(directory.stderr.hasPrefix("dossier: error: \(scratch.path) is a directory; give a file name"))
    }
}
