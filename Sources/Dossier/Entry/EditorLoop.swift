import DossierDomain
import Foundation

/// The user's editor, found as git finds it: `$VISUAL`, else `$EDITOR`,
/// else `vi`. The command may carry arguments (`code --wait`).
public struct Editor: Sendable {
    public var command: String

    public init(command: String) { self.command = command }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Editor {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return Editor(command: value)
            }
        }
        return Editor(command: "vi")
    }

    /// Opens `path` in the editor and waits for it to close. The command
    /// runs through `/bin/sh`, so that `$EDITOR` may hold arguments, in
    /// dossier's own process group with its terminal (Foundation's
    /// `Process` starts a child in a group of its own, and a terminal editor
    /// then cannot read the keyboard). While it runs, Ctrl-C goes to the
    /// editor only, as with `git commit`.
    /// - Throws: `ArchiveError` when it cannot start or does not exit with 0.
    public func open(_ path: String) throws {
        let arguments = ["/bin/sh", "-c", command + " \"$@\"", command, path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let oldInterrupt = signal(SIGINT, SIG_IGN)
        let oldQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, oldInterrupt)
            signal(SIGQUIT, oldQuit)
        }
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with the default handlers, not the ignored ones.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, &attributes, &argv, environ)
        guard spawned == 0 else {
            throw ArchiveError("cannot start the editor `\(command)`: \(String(cString: strerror(spawned))) (set $VISUAL or $EDITOR)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw ArchiveError("lost track of the editor `\(command)`") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            throw ArchiveError(exited ? "the editor `\(command)` exited with status \(code)"
                                      : "the editor `\(command)` was stopped by signal \(status & 0x7F)")
        }
    }
}

/// How an editor session ended.
public enum EntryOutcome: Sendable {
    case saved(EntrySession.Saved, EntryCheck)
    case abandoned(String)
}

/// Opens a record's document in an editor until it is valid, as `git
/// commit` does: on save the document is checked; on a problem it is
/// opened again with the problems written at the top as `#!` comment lines
/// and the user's text kept; when valid it is stored. Emptying the file,
/// or closing it without changes, abandons without writing. A person who
/// may already be in the archive is pointed out the same way; saving again
/// without changes then creates the new person anyway.
public struct EditorLoop {
    public let session: EntrySession
    public let editor: Editor
    /// The file the editor opens; removed when the session ends, kept
    /// (and named in the error) when saving fails.
    public let path: String
    public var maxRounds = 50

    public init(session: EntrySession, editor: Editor, path: String) {
        self.session = session
        self.editor = editor
        self.path = path
    }

    /// Runs the session.
    /// - Throws: `ArchiveError` when the editor fails or the save fails
    ///   (the text is then kept in `path`), `SQLiteError`.
    public func run() throws -> EntryOutcome {
        let initial = try session.document()
        var presented = initial
        var header: [String] = []
        var confirming: EntryCheck?
        var lastErrors: [DataError] = []
        for _ in 0..<maxRounds {
            try Data((header.map { $0 + "\n" }.joined() + presented).utf8).write(to: URL(fileURLWithPath: path))
            do { try editor.open(path) } catch let error as ArchiveError {
                throw ArchiveError(error.message + "; your text is kept in \(path)")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                return finish(.abandoned("the document was removed; nothing saved"))
            }
            let body = EditorLoop.withoutHeader(String(decoding: data, as: UTF8.self))
            if EditorLoop.isEmpty(body) {
                return finish(.abandoned("the document was emptied; nothing saved"))
            }
            if EditorLoop.same(body, presented) {
                if let confirming, let record = confirming.record {
                    return finish(.saved(try save(record), confirming))
                }
                if presented == initial {
                    return finish(.abandoned(session.original == nil ? "nothing entered; nothing saved" : "no changes; nothing saved"))
                }
                return finish(.abandoned("closed without changes; nothing saved. Still wrong:\n"
                                         + lastErrors.map { "  " + EditorLoop.lineText($0, offset: 0) }.joined(separator: "\n")))
            }
            let check = try session.check(yaml: body)
            presented = body
            confirming = nil
            lastErrors = check.errors
            if !check.errors.isEmpty {
                header = EditorLoop.errorHeader(check.errors)
            } else if !check.hints.isEmpty {
                header = EditorLoop.hintHeader(check.hints)
                confirming = check
            } else if let record = check.record {
                return finish(.saved(try save(record), check))
            }
        }
        throw ArchiveError("gave up after \(maxRounds) rounds; your text is kept in \(path)")
    }

    private func save(_ record: EntryRecord) throws -> EntrySession.Saved {
        do { return try session.save(record) } catch {
            throw ArchiveError("\(Failure.describe(error).message); your text is kept in \(path)")
        }
    }

    private func finish(_ outcome: EntryOutcome) -> EntryOutcome {
        try? FileManager.default.removeItem(atPath: path)
        return outcome
    }

    // MARK: The text around the user's

    static let mark = "#!"

    /// The document without the `#!` lines dossier put at its top.
    static func withoutHeader(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.hasPrefix(mark) { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// True when nothing but comments and blank lines is left.
    static func isEmpty(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return line.isEmpty || line.hasPrefix("#")
        }
    }

    static func same(_ a: String, _ b: String) -> Bool {
        func trimmed(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\r", with: "") }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return trimmed(a) == trimmed(b)
    }

    static func lineText(_ error: DataError, offset: Int) -> String {
        var plain = error
        plain.file = nil
        plain.line = nil
        return (error.line.map { "line \($0 + offset): " } ?? "") + plain.description
    }

    /// `#!` lines naming each problem by its line in the reopened file.
    static func errorHeader(_ errors: [DataError]) -> [String] {
        let count = errors.count
        let offset = count + 3
        return ["\(mark) dossier: not saved: \(count == 1 ? "1 problem" : "\(count) problems"). Fix and save again;",
                "\(mark) your text is kept below. To abandon, delete everything or close without changes."]
            + errors.map { "\(mark) " + lineText($0, offset: offset) } + [mark]
    }

    static func hintHeader(_ hints: [EntryHint]) -> [String] {
        let offset = hints.count + 3
        return ["\(mark) dossier: not saved yet; please check:"]
            + hints.map { hint in "\(mark) " + (hint.line.map { "line \($0 + offset): " } ?? "") + "\(hint.field): \(hint.text)" }
            + ["\(mark) To create a new person anyway, save again without changes.", mark]
    }
}
