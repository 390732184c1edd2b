import ArgumentParser
@testable import DossierCLI
import Foundation
import Testing

/// The conventions every command follows (docs/cli.md): where `--db` may
/// stand, what `--format` means and defaults to, the deprecated
/// `import --format`, and how a failure ends.
@Suite struct ConventionsCLITests {
    /// The repository's Fixtures folder.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    func tour(_ scratch: Scratch) throws -> String {
        let db = scratch.file("a.sqlite")
        let run = try CLIRunner.run(["tour", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        return db
    }

    @Test func databaseOptionBeforeOrAfterTheCommand() throws {
        let scratch = try Scratch()
        let db = try tour(scratch)
        let before = try CLIRunner.run(["--db", db, "search", "Tukhachevsky", "--format", "csv"])
        let after = try CLIRunner.run(["search", "Tukhachevsky", "--db", db, "--format", "csv"])
        let environment = try CLIRunner.run(["search", "Tukhachevsky", "--format", "csv"], environment: ["DOSSIER_DB": db])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("Тухачевский"))
        #expect(after.stdout == before.stdout && after.status == 0)
        #expect(environment.stdout == before.stdout && environment.status == 0)

        // Under a nested subcommand too, and both archives stay apart.
        let other = scratch.file("b.sqlite")
        let add = try CLIRunner.run(["--db", other, "add", "person", "--ref", "p-x", "--name", "Иванов, Иван"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "added person p-x (Иванов, Иван)\n")
        #expect(try CLIRunner.run(["show", "p-x", "--db", other]).status == 0)
        #expect(try CLIRunner.run(["--db", db, "show", "p-x"]).status == 65)
        // --db after the command wins over one before it.
        #expect(try CLIRunner.run(["--db", db, "show", "p-x", "--db", other]).status == 0)
    }

    @Test func aFormatTheCommandDoesNotPrintIsRefusedByTheParser() throws {
        let run = try CLIRunner.run(["date", "1937", "--format", "csv"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(
            "Error: The value 'csv' is invalid for '--format <format>'. Please provide one of 'table' and 'json'.\n"))
        let history = try CLIRunner.run(["history", "--format", "svg", "--db", "none.sqlite"])
        #expect(history.status == 64)
        #expect(history.stderr.hasPrefix("Error: The value 'svg' is invalid for '--format <format>'."))
    }

    @Test(arguments: [
        (["date"], "(values: table, json)"),
        (["check"], "(values: table, json)"),
        (["history"], "(values: table, json)"),
        (["search"], "(values: table, json, csv)"),
        (["sources"], "(values: table, json, csv)"),
        (["duplicates"], "(values: table, json, csv)"),
        (["stats"], "(values: table, json, csv, svg)"),
        (["show"], "(values: table, json, yaml)"),
        (["export"], "(values: jsonl, csv, xlsx)"),
    ])
    func helpListsOnlyTheFormatsTheCommandPrints(command: [String], values: String) throws {
        let run = try CLIRunner.run(command + ["--help"])
        #expect(run.status == 0)
        let help = run.stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(help.contains("--format <format> The output format"), "\(run.stdout)")
        #expect(help.contains(values), "\(run.stdout)")
    }

    @Test func withoutATerminalTheDefaultIsJSON() throws {
        let scratch = try Scratch()
        let db = try tour(scratch)
        for command in [["search", "Tukhachevsky"], ["show", "shakhty-1928"], ["history", "--limit", "1"],
                        ["check"], ["sources", "Solomon"], ["stats", "--by", "decade"], ["duplicates"], ["date", "1937"]] {
            let run = try CLIRunner.run(command + ["--db", db])
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil, "\(command) printed: \(run.stdout.prefix(200))")
            let table = try CLIRunner.run(command + ["--db", db, "--format", "table"])
            #expect(table.status == 0)
            #expect((try? JSONSerialization.jsonObject(with: Data(table.stdout.utf8))) == nil, "\(command) --format table printed JSON")
        }
        // An export is a file to read back: JSON Lines whatever stdout is.
        let export = try CLIRunner.run(["export", "--db", db])
        #expect(export.status == 0)
        let lines = export.stdout.split(separator: "\n")
        #expect(lines.count > 100)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] })
    }

    @Test func importFormatIsDeprecatedButStillReads() throws {
        let scratch = try Scratch()
        let sources = Self.fixtures + "/sources.json"
        let old = try CLIRunner.run(["import", "--db", scratch.file("old.sqlite"), sources, "--format", "csl-json"])
        #expect(old.status == 0, "\(old.stderr)")
        #expect(old.stderr == "dossier: warning: `import --format` is deprecated; use --input-format (--format is the output format elsewhere)\n")
        let new = try CLIRunner.run(["import", "--db", scratch.file("new.sqlite"), sources, "--input-format", "csl-json"])
        #expect(new.status == 0 && new.stderr.isEmpty, "\(new.stderr)")
        #expect(old.stdout == new.stdout)
        #expect(new.stdout.hasPrefix("imported "))

        let both = try CLIRunner.run(["import", "--db", scratch.file("x.sqlite"), sources, "--format", "bibtex", "--input-format", "csl-json"])
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: give --input-format only (--format is its deprecated spelling)\n"))
        let help = try CLIRunner.run(["import", "--help"])
        #expect(help.stdout.contains("--input-format <format>"))
        #expect(help.stdout.contains("Deprecated: the old spelling of --input-format."))
    }

    @Test func failuresEndWithOneLineAndTheirStatus() throws {
        let scratch = try Scratch()
        let db = try tour(scratch)
        // Bad data: 65.
        let missing = try CLIRunner.run(["show", "no-such-ref", "--db", db])
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("dossier: error: no case, person or source no-such-ref"))
        #expect(missing.stdout.isEmpty)
        // Not the input: 1.
        let noArchive = try CLIRunner.run(["search", "x", "--db", scratch.file("none.sqlite")])
        #expect(noArchive.status == 1)
        #expect(noArchive.stderr.hasPrefix("dossier: error: no archive at \(scratch.file("none.sqlite"))"))
        // The command line, found after parsing: 64, in the same shape.
        let empty = try CLIRunner.run(["new", "case", "--db", db])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("dossier: error: no document on stdin: "))
        // ArgumentParser's own: help is not an error.
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0 && help.stderr.isEmpty)
        #expect(help.stdout.contains("USAGE: dossier [--db <path>] <subcommand>"))
        #expect(try CLIRunner.run(["help", "search"]).status == 0)
        let unknown = try CLIRunner.run(["frobnicate"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: "))
    }
}
