import Foundation
import Testing

/// Runs git, as an editor would, with a fixed author and no user config.
enum Git {
    static let available: Bool = (try? run(["--version"], in: "/")).map { $0.status == 0 } ?? false

    @discardableResult
    static func run(_ arguments: [String], in folder: String, author: String = "Editor One") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false",
                             "-c", "commit.gpgsign=false"] + arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "editor@example.org",
                             "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "editor@example.org",
                             "GIT_CONFIG_NOSYSTEM": "1", "HOME": folder, "LC_ALL": "C"] {
            environment[key] = value
        }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @discardableResult
    static func ok(_ arguments: [String], in folder: String, author: String = "Editor One") throws -> String {
        let result = try run(arguments, in: folder, author: author)
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Editors on several machines sharing one archive through git: the tree
/// as `export --tree` writes it, merged by git, read back by `import DIR`.
@Suite(.enabled(if: Git.available, "needs git")) struct TreeGitTests {
    /// Replaces one line of a file (the first that starts with `prefix`).
    func edit(_ file: String, line prefix: String, to replacement: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(prefix) }, "no line \(prefix) in \(file)")
        lines[index] = replacement
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
    }

    func dossier(_ arguments: [String]) throws -> CLIRun {
        try CLIRunner.run(arguments)
    }

    /// A shared repository made from the tour, and a clone of it with the
    /// archive imported from it, for each editor.
    func setUp(_ scratch: Scratch) throws -> (a: String, b: String, dbA: String, dbB: String) {
        let tour = scratch.file("tour.sqlite")
        #expect(try dossier(["tour", "--db", tour]).status == 0)
        let shared = scratch.file("shared")
        let exported = try dossier(["export", "--tree", shared, "--db", tour])
        #expect(exported.status == 0, "\(exported.stderr)")
        try Git.ok(["init", "-q"], in: shared)
        try Git.ok(["add", "-A"], in: shared)
        try Git.ok(["commit", "-q", "-m", "The tour archive"], in: shared)
        var result: [String] = []
        for name in ["a", "b"] {
            try Git.ok(["clone", "-q", shared, scratch.file(name)], in: scratch.path)
            let db = scratch.file("\(name).sqlite")
            let imported = try dossier(["import", scratch.file(name), "--db", db])
            #expect(imported.status == 0, "\(imported.stderr)")
            result += [scratch.file(name), db]
        }
        return (result[0], result[2], result[1], result[3])
    }

    func caseFile(_ clone: String, _ ref: String) throws -> String {
        let cases = clone + "/cases"
        for bucket in try FileManager.default.contentsOfDirectory(atPath: cases) {
            let path = cases + "/" + bucket + "/" + ref + ".yaml"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    func caseJSON(_ db: String, _ ref: String) throws -> String {
        let run = try dossier(["show", ref, "--db", db, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test func editsToDifferentCasesMergeAndImportGivesBoth() throws {
        let scratch = try Scratch()
        let (a, b, dbA, _) = try setUp(scratch)
        try edit(try caseFile(a, "florensky-1933"), line: "title:", to: "title: Case of Florensky (checked by editor one)")
        try Git.ok(["commit", "-q", "-am", "Florensky: title"], in: a)
        try edit(try caseFile(b, "bukharin-rykov-1938"), line: "place:", to: "place: Moscow, House of the Unions")
        try Git.ok(["commit", "-q", "-am", "Bukharin: place"], in: b, author: "Editor Two")

        try Git.ok(["pull", "-q", "--no-rebase", "--no-edit", b, "main"], in: a)
        let head = try Git.ok(["rev-parse", "HEAD"], in: a)
        let checked = try dossier(["check", "--tree", a])
        #expect(checked.status == 0, "\(checked.stderr)")
        let imported = try dossier(["import", a, "--db", dbA])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("updated 2 cases"), "\(imported.stdout)")
        #expect(try caseJSON(dbA, "florensky-1933").contains("checked by editor one"))
        #expect(try caseJSON(dbA, "bukharin-rykov-1938").contains("House of the Unions"))
        // The change names the commit it came from.
        let history = try dossier(["history", "--db", dbA, "--limit", "1", "--format", "table"])
        #expect(history.stdout.contains("git commit \(head) by Editor One"), "\(history.stdout)")

        // Export after import gives back the merged tree: nothing to commit.
        let exported = try dossier(["export", "--tree", a, "--db", dbA])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try Git.ok(["status", "--porcelain"], in: a).isEmpty)
    }

    @Test func theSameFieldEditedOnBothSidesIsAConflictImportRefuses() throws {
        let scratch = try Scratch()
        let (a, b, dbA, _) = try setUp(scratch)
        let file = try caseFile(a, "florensky-1933")
        try edit(file, line: "title:", to: "title: The title as editor one reads it")
        try Git.ok(["commit", "-q", "-am", "title one"], in: a)
        try edit(try caseFile(b, "florensky-1933"), line: "title:", to: "title: The title as editor two reads it")
        try Git.ok(["commit", "-q", "-am", "title two"], in: b, author: "Editor Two")
        let pulled = try Git.run(["pull", "-q", "--no-rebase", "--no-edit", b, "main"], in: a)
        #expect(pulled.status != 0, "git merged a conflict: \(pulled.output)")

        let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        let markerLine = try #require(lines.firstIndex { $0.hasPrefix(String(repeating: "<", count: 7)) }) + 1
        let before = try dossier(["export", "--db", dbA]).stdout
        let changes = try dossier(["history", "--db", dbA, "--format", "json"]).stdout
        let imported = try dossier(["import", a, "--db", dbA])
        #expect(imported.status == 65)
        let relative = String(file.dropFirst(a.count + 1))
        #expect(imported.stderr.contains("\(a)/\(relative):\(markerLine): git conflict"), "\(imported.stderr)")
        #expect(imported.stderr.contains("resolve the conflict in this file, then import again"))
        #expect(try dossier(["export", "--db", dbA]).stdout == before)
        #expect(try dossier(["history", "--db", dbA, "--format", "json"]).stdout == changes)
        let checked = try dossier(["check", "--tree", a])
        #expect(checked.status == 65 && checked.stderr.contains(":\(markerLine): git conflict"))

        // Resolved by hand and committed, it imports.
        var resolved = lines
        let end = try #require(resolved.firstIndex { $0.hasPrefix(String(repeating: ">", count: 7)) })
        resolved.replaceSubrange((markerLine - 1)...end, with: ["title: The title both editors agreed"])
        try resolved.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        try Git.ok(["commit", "-q", "-am", "title agreed"], in: a)
        let again = try dossier(["import", a, "--db", dbA])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try caseJSON(dbA, "florensky-1933").contains("The title both editors agreed"))
    }

    @Test func syncRemovesWhatAnotherEditorDeletedAndRevertBringsItBack() throws {
        let scratch = try Scratch()
        let (a, b, dbA, _) = try setUp(scratch)
        try Git.ok(["rm", "-q", String(try caseFile(b, "florensky-1933").dropFirst(b.count + 1))], in: b)
        try Git.ok(["commit", "-q", "-m", "Florensky 1933 is a duplicate"], in: b, author: "Editor Two")
        try Git.ok(["pull", "-q", "--no-rebase", "--no-edit", b, "main"], in: a)
        let before = try dossier(["export", "--db", dbA]).stdout

        let listed = try dossier(["import", a, "--db", dbA])
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("not in the tree, left in the archive: 1 case (florensky-1933)"), "\(listed.stderr)")
        #expect(try dossier(["show", "florensky-1933", "--db", dbA, "--format", "json"]).status == 0)

        let synced = try dossier(["import", a, "--sync", "--db", dbA])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("removed, not in the tree: 1 case (florensky-1933)"), "\(synced.stdout)")
        #expect(try dossier(["show", "florensky-1933", "--db", dbA, "--format", "json"]).status != 0)
        let change = try #require(synced.stdout.split(separator: "\n").first { $0.hasPrefix("change ") }?
            .split(separator: " ").dropFirst().first.map(String.init))
        let reverted = try dossier(["revert", change, "--db", dbA])
        #expect(reverted.status == 0, "\(reverted.stderr)")
        #expect(try dossier(["export", "--db", dbA]).stdout == before)
    }

    @Test func commandLineMistakesAreUsageErrors() throws {
        let scratch = try Scratch()
        let tree = scratch.file("tree")
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        #expect(try dossier(["import", tree, scratch.file("more.csv"), "--db", scratch.file("x.sqlite")]).status == 64)
        #expect(try dossier(["import", "some.csv", "--sync", "--db", scratch.file("x.sqlite")]).status == 64)
        #expect(try dossier(["export", "--tree", tree, "--format", "csv", "--db", scratch.file("x.sqlite")]).status == 64)
        #expect(try dossier(["check", "--tree", tree, "--fix"]).status == 64)
        // A folder that is no tree is refused, and not written to.
        let notTree = try dossier(["import", tree, "--db", scratch.file("x.sqlite")])
        #expect(notTree.status != 0 && notTree.stderr.contains("not a dossier tree"), "\(notTree.stderr)")
    }
}
