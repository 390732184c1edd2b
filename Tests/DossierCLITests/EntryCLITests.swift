import ArgumentParser
@testable import DossierCLI
import Foundation
import Testing

/// `dossier new`, `edit`, `show --format yaml` and `add --yaml`, run as the
/// built program is run.
@Suite struct EntryCLITests {
    /// A scratch folder with an archive path, removed afterwards.
    final class Scratch {
        let directory: URL
        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        func write(_ name: String, _ text: String, executable: Bool = false) throws {
            try text.write(toFile: path(name), atomically: true, encoding: .utf8)
            if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path(name)) }
        }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `dossier` program built beside the tests.
    static var program: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dossier")
    }

    func dossier(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = EntryCLITests.program
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["DOSSIER_DB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

    static let sources = """
        {"key": "lorem-martyrology-v3", "type": "book", "title": "Мартиролог Вымышленной области. Том 3", "issued": "1998"}
        """

    static let caseText = """
        case_ref: example:troika-1937-0412
        body: NKVD troika, Leningrad oblast
        body_kind: troika
        category: political
        trial_date: 1937-11-05
        citations:
          - source_key: lorem-martyrology-v3
            locator: p. 286
        defendants:
          - person:
              name: Кузнецов Иван Петрович
            charges: [58-10, ст. 58-1а]
            outcome: convicted
            sentence_kind: death
            events:
              - kind: executed
                date: 1937-11-20
              - kind: rehabilitated
                date: 1958-06-14
          - person:
              person_ref: example:p-lebedeva
              name: Лебедева Анна Михайловна
            charges: [58-10]
            outcome: returnd
            citations:
              - source_key: lorem-martyrology-v3
                locator: p. 287

        """

    func archive(_ scratch: Scratch) throws -> String {
        let db = scratch.path("a.sqlite")
        let added = try dossier(["add", "source", "--db", db, "--json", "-"], stdin: EntryCLITests.sources)
        #expect(added.status == 0, "\(added.stderr)")
        return db
    }

    @Test func aCaseIsEnteredInTheEditorCorrectedAndShown() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        try scratch.write("typed.yaml", EntryCLITests.caseText)
        // Round 1 types the case (with a typo); round 2 fixes the typo in place.
        try scratch.write("editor.sh", """
            #!/bin/sh
            if [ -f '\(scratch.path("once"))' ]; then sed -i 's/outcome: returnd/outcome: returned_for_investigation/' "$1"
            else touch '\(scratch.path("once"))'; cp '\(scratch.path("typed.yaml"))' "$1"; fi

            """, executable: true)

        let run = try dossier(["new", "case", "--db", db, "--editor"], environment: ["VISUAL": "", "EDITOR": "sh " + scratch.path("editor.sh")])

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            created case example:troika-1937-0412 (created 1 case, 2 defendants, 2 persons)
            charges read as:
              58-10 → RSFSR-1926:58-10
              ст. 58-1а → RSFSR-1926:58-1a
            note: defendants[0].person.person_ref: p-kuznecov-i-p, made from the name
            see it with: dossier show example:troika-1937-0412

            """)
        let shown = try dossier(["show", "example:troika-1937-0412", "--format", "table", "--db", db])
        #expect(shown.stdout.contains("Defendant p-kuznecov-i-p: Кузнецов Иван Петрович"))
        #expect(shown.stdout.contains("Event     executed 1937-11-20"))
        #expect(shown.stdout.contains("Event     rehabilitated 1958-06-14"))
        #expect(shown.stdout.contains("returned for investigation [2]"))

        // The YAML `show` prints is what `add --yaml` reads: a second
        // archive gets the same case.
        let yaml = try dossier(["show", "example:troika-1937-0412", "--db", db, "--format", "yaml"])
        let other = scratch.path("b.sqlite")
        _ = try dossier(["add", "source", "--db", other, "--json", "-"], stdin: EntryCLITests.sources)
        let added = try dossier(["add", "case", "--db", other, "--yaml", "-"], stdin: yaml.stdout)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try dossier(["show", "example:troika-1937-0412", "--format", "table", "--db", other]).stdout == shown.stdout)
    }

    @Test func withoutATerminalTheDocumentComesFromStdinAndErrorsNameTheLine() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let run = try dossier(["new", "case", "--db", db], stdin: EntryCLITests.caseText)
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix(
            "dossier: error: <stdin>:24: defendants[1].outcome: unknown outcome \"returnd\"; did you mean returned_for_investigation?"))
        #expect(try dossier(["show", "example:troika-1937-0412", "--db", db]).status == 65)

        let fixed = EntryCLITests.caseText.replacingOccurrences(of: "returnd", with: "dismissed")
        let dry = try dossier(["new", "case", "--db", db, "--dry-run"], stdin: fixed)
        #expect(dry.stdout.hasPrefix("case example:troika-1937-0412 is valid; nothing written (--dry-run)\n"))
        #expect(try dossier(["show", "example:troika-1937-0412", "--db", db]).status == 65)
        try scratch.write("case.yaml", fixed)
        let saved = try dossier(["new", "case", "--db", db, "--file", scratch.path("case.yaml")])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout.hasPrefix("created case example:troika-1937-0412"))

        // A later edit from a file: the second defendant is acquitted.
        let edited = fixed.replacingOccurrences(of: "outcome: dismissed", with: "outcome: acquitted")
            .replacingOccurrences(of: "name: Кузнецов Иван Петрович", with: "person_ref: p-kuznecov-i-p\n      name: Кузнецов Иван Петрович")
        let edit = try dossier(["edit", "example:troika-1937-0412", "--db", db], stdin: edited)
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout.hasPrefix("saved case example:troika-1937-0412 (updated 1 case, 1 defendant;"))
    }

    @Test func aSamePersonNoteGoesToStderr() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        _ = try dossier(["add", "person", "--db", db, "--ref", "nemo:p-88211", "--name", "Выхухолевский, Михаил Наумович"])
        let run = try dossier(["add", "person", "--db", db, "--yaml", "-"], stdin: "person_ref: p-t\nname: Vykhukholevsky, Mikhail\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "created person p-t (created 1 person)\n")
        #expect(run.stderr.hasPrefix(
            "dossier: note: line 2: name: \"Vykhukholevsky, Mikhail\": this may be the same person as nemo:p-88211 Выхухолевский, Михаил Наумович"))
    }

    @Test func fromAFileASimilarNameStopsTheNewPersonUntilForced() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        _ = try dossier(["add", "person", "--db", db, "--ref", "nemo:p-88211", "--name", "Выхухолевский, Михаил Наумович"])
        let document = "# typed from a list\nname: Vykhukholevsky, Mikhail\n"
        let refused = try dossier(["new", "person", "--db", db], stdin: document)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix(
            "dossier: error: <stdin>:2: name: \"Vykhukholevsky, Mikhail\": this may be the same person as nemo:p-88211 Выхухолевский, Михаил Наумович"))
        #expect(refused.stderr.hasSuffix("dossier: error: <stdin>: nothing written; to create a new person anyway, give --force-new\n"))
        let forced = try dossier(["new", "person", "--db", db, "--force-new"], stdin: document)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == "created person p-vykhukholevsky-m (created 1 person)\nnote: person_ref: p-vykhukholevsky-m, made from the name\n")
    }

    @Test func closingTheEditorWithoutChangesWritesNothing() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let run = try dossier(["new", "case", "--db", db, "--editor"], environment: ["VISUAL": "true"])
        #expect(run.status == 1)
        #expect(run.stderr == "dossier: nothing entered; nothing saved\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func anEmptyStdinWithoutATerminalSaysWhereTheDocumentComesFrom() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let run = try dossier(["new", "case", "--db", db])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("dossier: error: no document on stdin: without a terminal, the document is read from stdin or --file;"))
    }

    @Test func theTemplateIsPrintedOnRequest() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let run = try dossier(["new", "source", "--db", db, "--template"])
        #expect(run.stdout.contains("\n# Citation key, e.g. solomon1987vanishing (required).\nkey:\n"))
    }

    @Test(arguments: [
        ["new", "case", "--editor", "--file", "x.yaml"],
        ["new", "trial"],
        ["show", "x", "--format", "csv"],
        ["add", "case", "--json", "a", "--yaml", "b"],
    ])
    func badUsageIsAUsageError(arguments: [String]) throws {
        do {
            var command = try DossierCommand.parseAsRoot(arguments)
            try command.run()
            Issue.record("expected a usage error")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
        }
    }
}
