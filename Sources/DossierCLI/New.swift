import ArgumentParser
import Dossier
import Foundation

extension EntryKind: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enter a new case, person, source or published figure as a document in your editor.",
        discussion: """
            Opens a YAML document in $VISUAL, else $EDITOR, else vi, with a comment above each
            field saying what it takes. On save it is checked; on a problem it opens again with
            the problems at the top and your text kept. Emptying it, or closing it without
            changes, abandons it. A case document holds the whole case: defendants with their
            charges, outcomes and events, and the citations. A figure document holds a published
            rate or count with its scope, definition and source (see docs/figures.md).
            Without a terminal (or with --file) the document is read from stdin or the file.

            Examples:
              dossier new case
              dossier new case --template > case.yaml     # fill it in, then:
              dossier new case --file case.yaml
            Documented in docs/entering.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "case, person, source or figure.") var kind: EntryKind
    @OptionGroup var input: EntryInput

    func run() throws {
        let opened = try archive.open(create: true)
        try input.enter(EntrySession(new: kind, archive: opened), name: "new-\(kind.rawValue)")
    }
}

/// How `new` and `edit` get the document: an editor, a file, or stdin.
struct EntryInput: ParsableArguments {
    @Option(help: ArgumentHelp("Read the document from a file, or - for stdin, instead of opening an editor.", valueName: "file"))
    var file: String?

    @Flag(name: .customLong("editor"), help: "Open the editor even when stdin is not a terminal.")
    var useEditor = false

    @Flag(name: .customLong("dry-run"), help: "Check the document from --file or stdin and say what would be stored; write nothing.")
    var dryRun = false

    @Flag(help: "Print the document the editor would open, and exit.")
    var template = false

    @Flag(name: .customLong("force-new"),
          help: "With --file or stdin: create new persons even where the archive holds a similar name.")
    var forceNew = false

    func validate() throws {
        if useEditor, file != nil { throw ValidationError("give --editor or --file, not both") }
        if useEditor, dryRun { throw ValidationError("--dry-run checks a document from --file or stdin, not the editor") }
    }

    func enter(_ session: EntrySession, name: String) throws {
        if template {
            output(try session.document())
            return
        }
        if file == nil, !dryRun, useEditor || isTerminal(STDIN_FILENO) {
            try edit(session, name: name)
            return
        }
        let document = try readDocument(file ?? "-")
        if file == nil, document.text.allSatisfy(\.isWhitespace) {
            throw UsageError("no document on stdin: without a terminal, the document is read from stdin or --file; "
                             + "--editor opens the editor anyway, --template prints an empty document")
        }
        let entry = try session.enter(yaml: document.text, file: document.name, dryRun: dryRun, forceNew: forceNew)
        let check = entry.check
        for hint in check.hints { printError("note: \(hint)") }
        guard let saved = entry.saved else {
            output("\(entry.record.kind.rawValue) \(entry.record.ref) is valid; nothing written (--dry-run)\n"
                   + describeEntry(readings: check.readings, notes: check.notes))
            return
        }
        output(saved.message + "\n" + describeEntry(readings: check.readings, notes: check.notes))
    }

    private func edit(_ session: EntrySession, name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        let path = directory.appendingPathComponent(safe + ".yaml").path
        let loop = EditorLoop(session: session, editor: Editor.fromEnvironment(), path: path)
        let outcome = try loop.run()
        try? FileManager.default.removeItem(at: directory)
        switch outcome {
        case .saved(let saved, let check):
            output(saved.message + "\n" + describeEntry(readings: check.readings, notes: check.notes)
                   + "see it with: dossier show \(saved.record.ref)\n")
        case .abandoned(let reason):
            printError(reason)
            throw ExitCode(1)
        }
    }
}

/// The lines after a confirmation: how charges were read, refs made.
func describeEntry(readings: [String], notes: [String]) -> String {
    var text = ""
    if !readings.isEmpty { text += "charges read as:\n" + readings.map { "  \($0)\n" }.joined() }
    text += notes.map { "note: \($0)\n" }.joined()
    return text
}

/// Reads a document from a file, or stdin for `-`.
/// - Returns: the text, and the name to use in messages.
func readDocument(_ path: String) throws -> (text: String, name: String) {
    let data: Data
    if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw ArchiveError("\(path): cannot be read")
        }
        data = contents
    }
    let name = path == "-" ? "<stdin>" : path
    guard let text = String(data: data, encoding: .utf8) else {
        throw DataError(file: name, problem: "not UTF-8 text", expected: "a UTF-8 document")
    }
    return (text, name)
}
