import ArgumentParser
import Dossier
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import case rows (CSV, .xlsx, .ods), case documents (JSON Lines), sources (CSL-JSON, BibTeX) or Memorial notes.",
        discussion: """
            The format is guessed from the extension (.csv, .xlsx, .ods, .jsonl, .json, .bib) unless \
            --input-format is given; - reads standard input (with --input-format). A spreadsheet (.xlsx from \
            Excel, LibreOffice or openpyxl, .ods from LibreOffice) is read as its CSV would be: the first sheet, \
            or --sheet NAME; dates typed as dates become EDTF, numbers are read as the cell shows them \
            (docs/spreadsheets.md). One run is one transaction: on any problem \
            nothing is written and every problem is listed as file:line: field: problem. Records are matched \
            by ref, so importing the same file twice changes nothing. --input-format memorial reads \
            biographical notes in Memorial's house style (CSV with name,note[,source,ref], or plain text: a \
            name line, the note, a blank line) and reports what it read (docs/memorial.md). \
            A folder written by `dossier export --tree` is read as a tree: records absent from it are \
            listed, and removed with --sync (docs/collaboration.md).
            Documented in docs/import-export.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "Files to import (- for standard input).") var files: [String]
    @Option(name: .customLong("input-format"),
            help: ArgumentHelp("The input format (default: from the extension).",
                               valueName: "format"))
    var inputFormat: ImportFormatArgument?
    /// `import --format` named the input before `--format` meant the output
    /// format everywhere; scripts that use it keep working, with a warning.
    @Option(name: .customLong("format"),
            help: ArgumentHelp("Deprecated: the old spelling of --input-format.", valueName: "format"))
    var deprecatedFormat: ImportFormatArgument?
    @Flag(name: .customLong("dry-run"), help: "Validate and report what would change, without writing.") var dryRun = false
    @Flag(help: "With a tree (a folder): remove the records the tree does not hold, in the same change.") var sync = false
    @Flag(name: .customLong("ignore-unknown-columns"), help: "Skip CSV columns dossier does not know.") var ignoreUnknownColumns = false
    @Flag(name: .customLong("strict-dates"), help: "Take dates in EDTF only (by default 14.08.1937, 14 августа 1937 г. and the like are read and stored as EDTF).")
    var strictDates = false
    @Option(help: "Text encoding of the input (CSV, JSON Lines, CSL-JSON, BibTeX, Memorial notes): utf-8 (default) or cp1251 (Windows-1251).")
    var encoding: MemorialEncodingArgument?
    @Option(help: "CSV field separator: comma, semicolon or tab (default: detected from the header line).")
    var delimiter: CSVDelimiterArgument?
    @Option(help: ArgumentHelp("The sheet of an .xlsx or .ods file to read (default: the first).", valueName: "name"))
    var sheet: String?
    @Option(help: "With --input-format memorial: text (the end report) or json (every note's parse and the report).")
    var report: MemorialReportStyle = .text
    @Option(name: .customLong("default-code"),
            help: ArgumentHelp("The statute code of references that name none, for this run (e.g. UkrSSR-1927).",
                               valueName: "code"))
    var defaultCode: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to import") }
        // A folder is a tree, unless --input-format says it is a file.
        if format == nil, files.contains(where: TreeCommands.isFolder) {
            if files.count > 1 { throw ValidationError("a tree (a folder) is imported alone") }
            return
        }
        if sync { throw ValidationError("--sync goes with a tree: dossier import DIR --sync") }
        if let inputFormat, let deprecatedFormat, inputFormat.value != deprecatedFormat.value {
            throw ValidationError("give --input-format only (--format is its deprecated spelling)")
        }
        if format != .memorial, report != .text {
            throw ValidationError("--report goes with --input-format memorial")
        }
        try validateDialect()
        if let defaultCode, !ChargeParser.knownCodes.contains(defaultCode) {
            throw ValidationError("unknown statute code \(defaultCode); known codes: "
                                  + ChargeParser.knownCodes.joined(separator: ", "))
        }
        for file in files where format == nil {
            if file == "-" { throw ValidationError("reading standard input needs --input-format") }
            if ImportFormat.guess(file: file) == nil {
                throw ValidationError("cannot tell the format of \(file) from its extension; give --input-format csv|xlsx|ods|jsonl|csl-json|bibtex")
            }
        }
    }

    /// The input format given, under either spelling.
    var format: ImportFormat? { (inputFormat ?? deprecatedFormat)?.value }

    func run() throws {
        if deprecatedFormat != nil {
            printError("warning: `import --format` is deprecated; use --input-format (--format is the output format elsewhere)")
        }
        if format == nil, files.count == 1, TreeCommands.isFolder(files[0]) {
            return try TreeCommands.importTree(try archive.open(create: true), root: files[0], sync: sync, dryRun: dryRun)
        }
        let inputs = files.map { ImportInput(path: $0, format: format ?? ImportFormat.guess(file: $0)!) }
        let opened = try archive.open(create: true)
        var options = ImportOptions()
        options.dryRun = dryRun
        options.ignoreUnknownColumns = ignoreUnknownColumns
        options.strictDates = strictDates
        options.delimiter = delimiter?.byte
        options.sheet = sheet
        if let encoding { options.csvEncoding = encoding.value }
        options.defaultCode = defaultCode
        if isTerminal(2) { options.progress = Progress.make() }
        MemorialReporting.configure(&options, encoding: encoding, style: self.report)
        let report = try MemorialReporting.run(style: self.report, dryRun: dryRun) {
            try opened.importFiles(inputs, options: options)
        }
        if isTerminal(2) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if self.report == .json { return }
        let verb = dryRun ? "would import" : "imported"
        var line = "\(verb) \(report.records) record\(report.records == 1 ? "" : "s"): \(report.tally.summary)"
        if !dryRun && !report.tally.changedAnything { line += " (the archive already holds all of it)" }
        output(line + Self.skippedRows(report) + "\n")
        MemorialReporting.printReport(report, style: self.report)
    }
}

struct ImportFormatArgument: ExpressibleByArgument {
    let value: ImportFormat
    init?(argument: String) {
        guard let value = ImportFormat(rawValue: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { ImportFormat.allCases.map(\.rawValue) }
}

/// A progress line on stderr, for a terminal only: records, records per
/// second and, when the input's size is known, the time left.
enum Progress {
    static func make() -> @Sendable (ImportProgress) -> Void {
        let start = Date()
        return { progress in
            let elapsed = max(Date().timeIntervalSince(start), 0.001)
            let rate = Double(progress.records) / elapsed
            var line = "\(progress.file): \(progress.records) records, \(Int(rate))/s"
            if let total = progress.totalBytes, total > 0, progress.bytesRead > 0 {
                let done = min(1, Double(progress.bytesRead) / Double(total))
                let left = elapsed / done - elapsed
                line += String(format: ", %.0f%%, about %@ left", done * 100, duration(left))
            }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
