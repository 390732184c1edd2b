import ArgumentParser
import Dossier

/// `import --delimiter`: the CSV field separator, when detecting it from
/// the header line is not wanted.
struct CSVDelimiterArgument: ExpressibleByArgument {
    let byte: UInt8
    init?(argument: String) {
        switch argument.lowercased() {
        case "comma", ",": byte = UInt8(ascii: ",")
        case "semicolon", ";": byte = UInt8(ascii: ";")
        case "tab", "\t", "\\t": byte = UInt8(ascii: "\t")
        default: return nil
        }
    }
    static var allValueStrings: [String] { ["comma", "semicolon", "tab"] }
}

extension Import {
    /// `--encoding` and `--delimiter` go with the inputs that use them.
    func validateDialect() throws {
        let formats = files.map { format ?? ImportFormat.guess(file: $0) }
        // Every text format: CSV, JSON Lines, CSL-JSON, BibTeX, Memorial notes.
        let text: Set<ImportFormat> = [.csv, .memorial, .jsonl, .cslJSON, .bibtex]
        if encoding != nil, !formats.allSatisfy({ $0.map(text.contains) ?? false }) {
            throw ValidationError("--encoding goes with text files: CSV, JSON Lines, CSL-JSON, BibTeX and --input-format memorial")
        }
        if delimiter != nil, !formats.allSatisfy({ $0 == .csv }) {
            throw ValidationError("--delimiter goes with CSV input")
        }
        if sheet != nil, !formats.allSatisfy({ $0 == .xlsx || $0 == .ods }) {
            throw ValidationError("--sheet goes with .xlsx and .ods input")
        }
    }

    /// "; skipped 2 empty rows", or nothing.
    static func skippedRows(_ report: ImportReport) -> String {
        report.emptyRows == 0 ? "" : "; skipped \(report.emptyRows) empty row\(report.emptyRows == 1 ? "" : "s")"
    }
}
