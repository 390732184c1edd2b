import Foundation
import Testing

/// Hostile input given to the `dossier` executable: one-line errors, the
/// contract's exit statuses, bounded memory.
@Suite struct HostileCLITests {
    /// A file of `size` bytes, one line: `head`, then `fill` up to `filled`
    /// bytes, then (sparse) zero bytes. Nothing in it ends a line.
    static func oneLineFile(_ path: String, head: String, fill: String, filled: Int, size: Int) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let chunk = Data(String(repeating: fill, count: (1 << 20) / fill.utf8.count).utf8)
        var written = head.utf8.count
        while written < filled {
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        try handle.truncate(atOffset: UInt64(size))
    }

    /// JSON Lines: the line reader stops at 64 MB. CSV: a line of a
    /// million fields stops at 10,000 (one 64 MB field is refused too, see
    /// HostileInputTests, but reading 64 MB byte by byte takes long in a
    /// debug build).
    @Test(arguments: [("big.jsonl", "{\"case_ref\": \"", "x", "big.jsonl:1: the line is longer than 64 MB (expected one record per line)"),
                      ("big.csv", "case_ref,person_ref,name\n", "x,", "big.csv:2: the record has more than 10000 fields (expected RFC 4180 CSV in UTF-8)")])
    func aOneGigabyteLineIsRefusedInBoundedMemory(name: String, head: String, fill: String, message: String) throws {
        let scratch = try Scratch()
        let file = scratch.file(name)
        try Self.oneLineFile(file, head: head, fill: fill, filled: 80 << 20, size: 1 << 30)
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int == 1 << 30)

        let run = try CLIRunner.run(["import", file, "--db", scratch.file("a.sqlite")], measuringMemory: true)

        #expect(run.status == 65)
        #expect(run.stderr == "dossier: error: \(scratch.path)/\(message)\n")
        // The limit is 64 MB; the reader holds at most about twice that.
        #expect(run.maxResidentBytes < 400 << 20, "peak \(run.maxResidentBytes >> 20) MB")
        print("one 1 GB line of \(name): refused with peak resident memory \(run.maxResidentBytes >> 20) MB")
    }

    @Test func badPathsAndReadOnlyArchivesGetOneLine() throws {
        let scratch = try Scratch()
        let directory = try CLIRunner.run(["show", "x", "--db", scratch.path])
        #expect(directory.status == 1)
        #expect(directory.stderr == "dossier: error: \(scratch.path) is a directory, not an archive file\n")
        let missing = try CLIRunner.run(["show", "x", "--db", scratch.file("none.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("dossier: error: no archive at \(scratch.file("none.sqlite"))"))
        let importDirectory = try CLIRunner.run(["import", "--input-format", "csv", scratch.path, "--db", scratch.file("a.sqlite")])
        #expect(importDirectory.status == 1)
        #expect(importDirectory.stderr == "dossier: error: \(scratch.path): is a directory, not a file\n")
        // A text file given as the archive (a CSV, say).
        _ = FileManager.default.createFile(atPath: scratch.file("plain"),
                                           contents: Data(String(repeating: "case_ref,person_ref,name\n", count: 200).utf8))
        let underFile = try CLIRunner.run(["init", "--db", scratch.file("plain") + "/a.sqlite"])
        #expect(underFile.status == 1)
        #expect(underFile.stderr.hasPrefix("dossier: error: SQLite error 14: cannot open \(scratch.file("plain"))/a.sqlite"))
        let notADatabase = try CLIRunner.run(["show", "x", "--db", scratch.file("plain")])
        #expect(notADatabase.status == 1)
        #expect(notADatabase.stderr.hasPrefix("dossier: error: SQLite error 26: file is not a database"))
    }
}
