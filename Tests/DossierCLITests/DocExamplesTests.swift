import Foundation
import Testing

/// The examples of README.md and docs/*.md, run as a reader would run them.
///
/// Every fenced block whose info string is `sh` is run, unless the line
/// before its fence is `<!-- not-run -->` (for building, installing,
/// serving, or an editor). The blocks of one page run in order, in one
/// shell, in a fresh folder that holds the demo archive `dossier-tour.sqlite`
/// (made by `dossier tour`) and a link to `Fixtures/`, with the built
/// `dossier` first on `PATH` and no `$DOSSIER_DB`.
///
/// - A block with lines starting `$ ` is a session: each `$ ` line is a
///   command, and the lines after it, up to the next `$ ` line or the end
///   of the block, are what it prints (stdout and stderr together).
/// - Otherwise every line that is not blank or a comment is a command
///   (a line ending in `\` continues on the next), and a ```text block
///   right after the block, if there is one, is what the block prints.
///
/// A command must exit 0, or the status its line ends with (`# exit 65`).
/// In a shown output, a line `...` stands for any number of lines and
/// `...` inside a line for any text; trailing spaces do not count.
@Suite struct DocExamplesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// README.md and every page in docs/, as paths from the root.
    static let pages: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/docs")) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    @Test func thereAreExamplesToRun() throws {
        var run = 0, notRun = 0
        for page in Self.pages {
            let text = try String(contentsOfFile: Self.root.path + "/" + page, encoding: .utf8)
            let blocks = DocExample.blocks(in: text)
            run += blocks.filter { $0.runs }.count
            notRun += blocks.filter { !$0.runs }.count
        }
        #expect(run >= 20, "only \(run) sh blocks run")
        // Blocks left out must stay the exception.
        #expect(notRun * 3 <= run, "\(notRun) sh blocks are marked not-run against \(run) that run")
        print("documented examples: \(run) sh blocks run, \(notRun) marked not-run")
    }

    @Test(arguments: pages) func examplesRunAndPrintWhatIsShown(page: String) throws {
        let text = try String(contentsOfFile: Self.root.path + "/" + page, encoding: .utf8)
        let commands = DocExample.blocks(in: text).filter { $0.runs }.flatMap { $0.commands }
        if commands.isEmpty { return }
        let scratch = try Scratch()
        let tour = try CLIRunner.run(["tour", "--db", scratch.file("dossier-tour.sqlite")])
        try #require(tour.status == 0, "dossier tour: \(tour.stderr)")
        try FileManager.default.createSymbolicLink(atPath: scratch.file("Fixtures"),
                                                   withDestinationPath: Self.root.path + "/Fixtures")
        let results = try DocExample.run(commands, in: scratch)
        for (index, command) in commands.enumerated() {
            let where_ = "\(page):\(command.line)"
            guard let result = results[index] else {
                Issue.record("\(where_): `\(command.text)` did not run (an earlier command ended the shell?)")
                continue
            }
            #expect(result.status == command.expectedStatus,
                    "\(where_): `\(command.text)` exited \(result.status), expected \(command.expectedStatus)\n\(result.output)")
            if let expected = command.expectedOutput {
                let actual = DocExample.lines(result.output)
                #expect(DocExample.matches(expected: DocExample.lines(expected), actual: actual),
                        "\(where_): `\(command.text)` printed\n\(actual.joined(separator: "\n"))\n--- the page shows ---\n\(expected)")
            }
        }
    }

    /// Every relative link of README.md and docs/*.md names a file that
    /// exists, and a `#section` in a Markdown file one of its headings.
    @Test func linksResolve() throws {
        let link = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var checked = 0
        for page in Self.pages {
            let text = DocExample.withoutCode(try String(contentsOfFile: Self.root.path + "/" + page, encoding: .utf8))
            let folder = URL(fileURLWithPath: Self.root.path + "/" + page).deletingLastPathComponent()
            for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(match.range(at: 1), in: text)!])
                if target.hasPrefix("http://") || target.hasPrefix("https://") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = parts[0].isEmpty ? URL(fileURLWithPath: Self.root.path + "/" + page)
                    : folder.appendingPathComponent(String(parts[0])).standardizedFileURL
                checked += 1
                guard FileManager.default.fileExists(atPath: file.path) else {
                    Issue.record("\(page): the link \(target) names no file")
                    continue
                }
                if parts.count == 2, file.pathExtension == "md" {
                    let headings = DocExample.headingAnchors(try String(contentsOf: file, encoding: .utf8))
                    #expect(headings.contains(String(parts[1])), "\(page): the link \(target) names no heading of \(file.lastPathComponent)")
                }
            }
        }
        #expect(checked > 50, "only \(checked) links checked")
    }

    /// `dossier COMMAND --help` names the page that documents the command, and the page exists.
    @Test func helpNamesAnExistingDocsPage() throws {
        for command in ["init", "tour", "import", "export", "add", "new", "edit", "show", "search", "cite",
                        "sources", "date", "publish", "stats", "duplicates", "merge", "not-duplicate",
                        "history", "revert", "check", "backup", "figures"] {
            let help = try CLIRunner.run([command, "--help"])
            let named = help.stdout.split(separator: "\n").first { $0.contains("Documented in ") }
            guard let named else {
                Issue.record("dossier \(command) --help names no docs page")
                continue
            }
            let paths = named.split(separator: " ").map { String($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
                .filter { $0.hasSuffix(".md") }
            #expect(!paths.isEmpty, "dossier \(command) --help: \(named)")
            for path in paths {
                #expect(FileManager.default.fileExists(atPath: Self.root.path + "/" + path),
                        "dossier \(command) --help names \(path), which does not exist")
            }
        }
    }

    @Test func elisionsMatchWhatTheyShould() {
        #expect(DocExample.matches(expected: ["a", "...", "d"], actual: ["a", "b", "c", "d"]))
        #expect(DocExample.matches(expected: ["a", "...", "d"], actual: ["a", "d"]))
        #expect(DocExample.matches(expected: ["x ... y"], actual: ["x 12 y"]))
        #expect(!DocExample.matches(expected: ["x ... y"], actual: ["x 12 z"]))
        #expect(!DocExample.matches(expected: ["a", "b"], actual: ["a", "b", "c"]))
        #expect(!DocExample.matches(expected: ["a", "...", "d"], actual: ["a", "b"]))
        let blocks = DocExample.blocks(in: "x\n<!-- not-run -->\n```sh\nswift build\n```\n```sh\n$ dossier date 1937 # exit 0\nout\n$ dossier x \\\n  --y # exit 65\n```\n")
        #expect(blocks.map(\.runs) == [false, true])
        #expect(blocks[1].commands.map(\.text) == ["dossier date 1937 # exit 0", "dossier x \\\n  --y # exit 65"])
        #expect(blocks[1].commands.map(\.expectedStatus) == [0, 65])
        #expect(blocks[1].commands.map(\.expectedOutput) == ["out", ""])
    }
}

/// The sh blocks of a Markdown page and how to run them.
enum DocExample {
    struct Command {
        var text: String
        var line: Int
        var expectedStatus: Int32
        /// nil: not checked.
        var expectedOutput: String?
    }

    struct Block {
        var runs: Bool
        var commands: [Command]
    }

    static func blocks(in text: String) -> [Block] {
        let lines = split(text)
        var blocks: [Block] = []
        var index = 0
        var previous = ""  // the last non-blank line before a fence
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("```") else {
                if !trimmed.isEmpty { previous = trimmed }
                index += 1
                continue
            }
            let info = String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " }.count
            var body: [String] = []
            var end = index + 1
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" {
                body.append(String(lines[end].dropFirst(min(indent, lines[end].prefix { $0 == " " }.count))))
                end += 1
            }
            if info == "sh" {
                var commands = parse(body, firstLine: index + 2)
                // A ```text block right after a plain block is what the block prints.
                var next = end + 1
                while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
                if !commands.isEmpty, commands.allSatisfy({ $0.expectedOutput == nil }), next < lines.count,
                   lines[next].trimmingCharacters(in: .whitespaces) == "```text" {
                    var output: [String] = []
                    var k = next + 1
                    while k < lines.count, lines[k].trimmingCharacters(in: .whitespaces) != "```" {
                        output.append(lines[k]); k += 1
                    }
                    // The block's output is the output of all its commands, run in a subshell
                    // that stops at the first that fails.
                    commands = [Command(text: "(set -e\n" + commands.map(\.text).joined(separator: "\n") + "\n)",
                                        line: commands[0].line,
                                        expectedStatus: commands.last!.expectedStatus,
                                        expectedOutput: output.joined(separator: "\n"))]
                }
                blocks.append(Block(runs: previous != "<!-- not-run -->", commands: commands))
            }
            previous = ""
            index = end + 1
        }
        return blocks
    }

    /// The commands of one block's lines.
    static func parse(_ body: [String], firstLine: Int) -> [Command] {
        let session = body.contains { $0.hasPrefix("$ ") }
        var commands: [Command] = []
        var index = 0
        var output: [String] = []
        func closeOutput() {
            if session, !commands.isEmpty { commands[commands.count - 1].expectedOutput = output.joined(separator: "\n") }
            output = []
        }
        while index < body.count {
            var line = body[index]
            let start = index
            if session {
                guard line.hasPrefix("$ ") else { output.append(line); index += 1; continue }
                closeOutput()
                line = String(line.dropFirst(2))
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") {
                index += 1
                continue
            }
            var text = line
            while text.hasSuffix("\\"), index + 1 < body.count {
                index += 1
                text += "\n" + body[index]
            }
            index += 1
            commands.append(Command(text: text, line: firstLine + start, expectedStatus: status(of: text),
                                    expectedOutput: session ? "" : nil))
        }
        closeOutput()
        return commands
    }

    /// `# exit N` at the end of a command: the status it should end with.
    static func status(of command: String) -> Int32 {
        let last = command.components(separatedBy: "\n").last ?? ""
        guard let range = last.range(of: "# exit ", options: .backwards) else { return 0 }
        return Int32(last[range.upperBound...].trimmingCharacters(in: .whitespaces)) ?? 0
    }

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs the commands in order in one shell in the scratch folder; the
    /// result of each, nil for one that never ran.
    static func run(_ commands: [Command], in scratch: Scratch) throws -> [Result?] {
        let bin = URL(fileURLWithPath: CLIRunner.executable).deletingLastPathComponent().path
        let outFile = scratch.file(".examples-output")
        var script = "exec >'\(outFile)' 2>&1 </dev/null\ncd '\(scratch.path)'\n"
        for (index, command) in commands.enumerated() {
            script += "printf '\\n@@@example \(index)\\n'\n\(command.text)\nprintf '\\n@@@status \(index) %d\\n' $?\n"
        }
        let scriptFile = scratch.file(".examples.sh")
        try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [scriptFile]
        var environment = ProcessInfo.processInfo.environment.filter { $0.key != "DOSSIER_DB" }
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["HOME"] = scratch.path
        environment["VISUAL"] = "false"
        environment["EDITOR"] = "false"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        try process.run()
        let deadline = Date().addingTimeInterval(600)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }

        let text = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        var results = [Result?](repeating: nil, count: commands.count)
        var current: Int?
        var output: [String] = []
        for line in split(text) {
            if line.hasPrefix("@@@example "), let n = Int(line.dropFirst(11)) {
                current = n; output = []
            } else if line.hasPrefix("@@@status ") {
                let parts = line.split(separator: " ")
                if parts.count == 3, let n = Int(parts[1]), let status = Int32(parts[2]), n == current {
                    results[n] = Result(status: status, output: output.joined(separator: "\n"))
                }
                current = nil
            } else if current != nil {
                output.append(line)
            }
        }
        return results
    }

    /// The text without its fenced code blocks.
    static func withoutCode(_ text: String) -> String {
        var inCode = false
        return split(text).filter { line in
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inCode.toggle(); return false }
            return !inCode
        }.joined(separator: "\n")
    }

    /// The anchors of a page's headings, as forges make them: lower case,
    /// punctuation dropped, spaces as hyphens.
    static func headingAnchors(_ text: String) -> Set<String> {
        var anchors = Set<String>()
        for line in split(withoutCode(text)) where line.hasPrefix("#") {
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == " " }
            anchors.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return anchors
    }

    /// The lines of a text, ended by LF or CRLF (CSV output ends its lines with CRLF,
    /// which Swift counts as one character).
    static func split(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// Lines without trailing spaces, without the blank lines at the end.
    static func lines(_ text: String) -> [String] {
        var lines = split(text).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Whether the actual lines are what the expected lines show, with elisions.
    static func matches(expected: [String], actual: [String]) -> Bool {
        var memo: [Int: Bool] = [:]
        func match(_ e: Int, _ a: Int) -> Bool {
            let key = e * (actual.count + 1) + a
            if let known = memo[key] { return known }
            let result: Bool
            if e == expected.count {
                result = a == actual.count
            } else if expected[e] == "..." {
                result = match(e + 1, a) || (a < actual.count && match(e, a + 1))
            } else {
                result = a < actual.count && lineMatches(expected[e], actual[a]) && match(e + 1, a + 1)
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }

    /// One line, where `...` stands for any text.
    static func lineMatches(_ expected: String, _ actual: String) -> Bool {
        let parts = expected.components(separatedBy: "...")
        if parts.count == 1 { return expected == actual }
        guard actual.hasPrefix(parts[0]) else { return false }
        var rest = actual.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!) && rest.count >= parts.last!.count
    }
}
