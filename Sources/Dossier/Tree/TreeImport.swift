import DossierStorage
import DossierDomain
import Foundation

public struct TreeImportOptions: Sendable {
    /// Remove the records the tree does not hold.
    public var sync = false
    public var dryRun = false
    public var maxErrors = 50
    /// Ask git which commit the tree is at (when git is installed).
    public var readGit = true
    public init() {}
}

/// What importing a tree did.
public struct TreeImportReport: Sendable {
    public var tally = WriteTally()
    public var records = 0
    public var dryRun = false
    /// The change the import made; nil when it changed nothing.
    public var change: Int64?
    /// The git commit the tree is at, as recorded in the change.
    public var commit: GitCommit?
    /// Records in the archive and not in the tree: removed with `sync`,
    /// else left and listed. Refs, sorted.
    public var absentCases: [String] = []
    public var absentPersons: [String] = []
    public var absentSources: [String] = []
    public var absentFigures: [String] = []
    public var removed = false

    public var absentCount: Int { absentCases.count + absentPersons.count + absentSources.count + absentFigures.count }
}

extension Archive {
    /// Imports a tree (`dossier export --tree`) in one change: records are
    /// matched by ref; an unchanged one is not written, a changed one is
    /// updated field by field (so history shows what changed). With
    /// `sync`, cases, persons, sources and published figures the tree does not hold are
    /// removed in the same change, which `dossier revert` undoes.
    ///
    /// The change's summary names the tree and, when the tree is a git work
    /// tree and git is installed, the commit it is at.
    /// - Throws: `DataErrors` (any problem in any file; nothing written),
    ///   `ArchiveError`, `SQLiteError`.
    public func importTree(root: String, options: TreeImportOptions = TreeImportOptions()) throws -> TreeImportReport {
        // With --sync the sources the tree lacks are removed, so every cited
        // source must be in the tree; without it, one in the archive will do.
        let contents = try TreeReader.read(root: root, knownSource: options.sync ? nil : { [self] key in try sourceID(key) != nil },
                                           maxErrors: options.maxErrors)
        var report = TreeImportReport()
        report.dryRun = options.dryRun
        report.records = contents.sources.count + contents.persons.count + contents.cases.count + contents.figures.count
        report.commit = options.readGit ? GitCommit.of(folder: root) : nil
        var summary = "tree \(root)"
        if let commit = report.commit { summary += " from " + commit.description }
        if options.sync { summary += " (--sync)" }

        // Refs merged into other records are refused, as in other imports.
        var log = ProblemLog(limit: options.maxErrors)
        for (path, doc) in contents.cases {
            let file = TreeReader.display(root, path)
            if let error = try mergedRefError(doc.ref, kind: .case, field: "case_ref") { log.add(error.at(file: file, line: nil)) }
            for (index, defendant) in doc.defendants.enumerated() {
                if let error = try mergedRefError(defendant.person.ref, kind: .person,
                                                  field: "defendants[\(index)].person.person_ref") {
                    log.add(error.at(file: file, line: nil))
                }
            }
        }
        for (path, person) in contents.persons {
            if let error = try mergedRefError(person.ref, kind: .person, field: "person_ref") {
                log.add(error.at(file: TreeReader.display(root, path), line: nil))
            }
        }
        if !log.isEmpty { throw DataErrors(log.errors, omitted: log.omitted) }

        let treeCases = Set(contents.cases.map(\.doc.ref))
        let treePersons = contents.personRefs
        let treeSources = Set(contents.sources.map(\.source.key))
        let treeFigures = Set(contents.figures.map(\.figure.ref))
        let rollback = RollbackSignal()
        let restore = try bulkSettings(useRollbackJournal: false)
        defer { restore() }
        do {
            try change(command: "import", summary: summary) {
                for (_, source) in contents.sources { try upsertSource(source, tally: &report.tally) }
                for (_, person) in contents.persons { try upsertPerson(person, tally: &report.tally) }
                var personsSeen = Set(contents.persons.map(\.person.ref))
                for (_, doc) in contents.cases {
                    // A person in several cases is counted once.
                    var repeated = 0
                    for defendant in doc.defendants where !personsSeen.insert(defendant.person.ref).inserted { repeated += 1 }
                    try upsertCase(doc, complete: true, tally: &report.tally)
                    for _ in 0..<repeated { report.tally.uncount("person", .unchanged) }
                }
                for (path, figure) in contents.figures {
                    do {
                        try upsertFigure(figure, tally: &report.tally)
                    } catch let error as FieldError {
                        throw error.at(file: TreeReader.display(root, path), line: nil)
                    }
                }
                report.absentCases = try db.fetchAll("SELECT ref FROM proceeding ORDER BY ref").compactMap { $0.string(0) }
                    .filter { !treeCases.contains($0) }
                if options.sync {
                    for ref in report.absentCases {
                        try db.execute("DELETE FROM proceeding WHERE ref = ?", [ref])
                    }
                }
                // Persons are absent when neither a file nor a case holds them.
                report.absentPersons = try db.fetchAll("SELECT ref FROM person ORDER BY ref").compactMap { $0.string(0) }
                    .filter { !treePersons.contains($0) }
                report.absentSources = try db.fetchAll("SELECT key FROM source ORDER BY key").compactMap { $0.string(0) }
                    .filter { !treeSources.contains($0) }
                report.absentFigures = try figureRefs().filter { !treeFigures.contains($0) }
                if options.sync {
                    // Before the sources, which a figure's source must stay.
                    for ref in report.absentFigures {
                        try db.execute("DELETE FROM figure WHERE ref = ?", [ref])
                    }
                    for ref in report.absentPersons {
                        try db.execute("DELETE FROM person WHERE ref = ?", [ref])
                    }
                    for key in report.absentSources {
                        try db.execute("DELETE FROM source WHERE key = ?", [key])
                    }
                    report.removed = report.absentCount > 0
                }
                if options.dryRun || !(report.tally.changedAnything || report.removed) { throw rollback }
                report.change = try db.scalar("SELECT max(id) FROM change").int64Value
            }
        } catch is RollbackSignal {
            // A dry run, or nothing changed: no empty change is left behind.
        }
        return report
    }
}

/// The git commit a folder is at: what an import of a tree records.
public struct GitCommit: Sendable, Equatable, CustomStringConvertible {
    public var hash: String
    public var author: String?
    /// The folder has changes not yet committed.
    public var uncommitted: Bool

    public var description: String {
        "git commit \(hash)" + (author.map { " by \($0)" } ?? "") + (uncommitted ? " with uncommitted changes" : "")
    }

    /// Runs `git` in the folder: nil when git is not installed or the
    /// folder is not in a git work tree (a tree needs no git).
    public static func of(folder: String) -> GitCommit? {
        guard let hash = run(["-C", folder, "rev-parse", "--verify", "-q", "HEAD"]), hash.count >= 7 else { return nil }
        let author = run(["-C", folder, "log", "-1", "--format=%an"]).flatMap { $0.isEmpty ? nil : $0 }
        let status = run(["-C", folder, "status", "--porcelain", "--", "."]) ?? ""
        return GitCommit(hash: hash, author: author, uncommitted: !status.isEmpty)
    }

    /// The trimmed standard output of git, or nil when it fails.
    static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
