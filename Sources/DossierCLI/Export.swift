import ArgumentParser
import Dossier
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write everything in the archive in the import formats.",
        discussion: """
            jsonl (the default) is lossless: sources, persons in no case, then one case per line; \
            `dossier import` reads it back into the same archive. csv writes the flat case rows \
            (one per defendant and citation), with cells a spreadsheet would run as a formula \
            neutralised by a leading '. xlsx writes the same rows as an Excel workbook of one sheet, every cell \
            text (so 58.10 and 1937-08 stay as written); `dossier import` reads it back. With --out the file is \
            replaced only when the export is complete.
            --tree DIR writes instead one YAML file per case, per person in no case or in several, and             per source, for a team to keep in git (see docs/collaboration.md); `dossier import DIR` reads it.
            Example: dossier export --out archive.jsonl
            Documented in docs/import-export.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var outputOptions: OutputOptions<Formats>
    @Option(name: .customLong("out"), help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?
    @Option(name: .customLong("tree"), help: ArgumentHelp("Write the archive as a tree of YAML files, one per record, in this folder.",
                                                          valueName: "dir"))
    var tree: String?

    func validate() throws {
        if tree != nil, out != nil || outputOptions.format != .jsonl {
            throw ValidationError("--tree writes YAML files into a folder; give it without --out and --format")
        }
    }

    func run() throws {
        let opened = try archive.open(readOnly: true)
        if let tree { return try TreeCommands.export(opened, to: tree) }
        if outputOptions.format == .xlsx { return try exportWorkbook(opened) }
        guard let out, out != "-" else {
            let sink = TextSink { FileHandle.standardOutput.write(Data($0.utf8)) }
            try opened.export(format: exportFormat, to: sink)
            return
        }
        try Self.writeAtomically(to: out) { handle in
            let sink = TextSink { try handle.write(contentsOf: Data($0.utf8)) }
            try opened.export(format: exportFormat, to: sink)
        }
    }

    /// Writes a temporary file beside `path`, then renames it over `path`,
    /// so that a failed export never leaves half a file.
    static func writeAtomically(to path: String, _ body: (FileHandle) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ArchiveError("\(path) is a directory; give a file name to --out")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw ArchiveError("cannot write \(path) (does its folder exist, and may it be written?)")
        }
        do {
            try body(handle)
            try handle.synchronize()
            try handle.close()
            // rename(2) replaces the old file in one step.
            guard rename(temporary.path, path) == 0 else {
                throw ArchiveError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary.path)
            throw error
        }
    }
}

extension Export {
    /// The import formats. An export is a file to read back, not a view,
    /// so it is JSON Lines (lossless) whether or not stdout is a terminal.
    enum Formats: OutputFormats {
        static let allowed: [OutputFormat] = [.jsonl, .csv, .xlsx]
        static let fixedDefault: OutputFormat? = .jsonl
    }

    var exportFormat: ExportFormat { outputOptions.format == .csv ? .csv : .jsonl }

    /// `--format xlsx`: a binary file, so not onto a terminal.
    func exportWorkbook(_ opened: Archive) throws {
        let (data, _) = try opened.exportXLSX()
        guard let out, out != "-" else {
            if isTerminal(STDOUT_FILENO) {
                throw ValidationError("an .xlsx workbook is not for a terminal: give --out FILE.xlsx, or redirect the output")
            }
            FileHandle.standardOutput.write(data)
            return
        }
        try Self.writeAtomically(to: out) { handle in try handle.write(contentsOf: data) }
    }
}
