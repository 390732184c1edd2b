import ArgumentParser
import Dossier
import Foundation

/// `--encoding` of `import --input-format memorial`.
struct MemorialEncodingArgument: ExpressibleByArgument {
    let value: MemorialEncoding
    init?(argument: String) {
        guard let value = MemorialEncoding(name: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { MemorialEncoding.allCases.map(\.rawValue) }
}

/// `--report` of `import --input-format memorial`: the end report as text, or
/// the parse of every note and the report as one JSON document.
enum MemorialReportStyle: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// How `dossier import` shows what it read from Memorial notes.
enum MemorialReporting {
    /// Sets the memorial options; with `json`, each note's parse is
    /// printed as it is read, inside `{"notes": [ … ]`.
    static func configure(_ options: inout ImportOptions, encoding: MemorialEncodingArgument?, style: MemorialReportStyle) {
        if let encoding { options.memorial.encoding = encoding.value }
        guard style == .json else { return }
        options.memorial.onNote = { index, json in
            output((index == 1 ? "    " : ",\n    ") + json.serialized(pretty: true, indent: 2))
        }
    }

    /// Runs the import. With `json`, the document is opened before and
    /// closed after, also when the import fails (its errors go into the
    /// document as well as to stderr).
    static func run(style: MemorialReportStyle, dryRun: Bool, _ body: () throws -> ImportReport) throws -> ImportReport {
        guard style == .json else { return try body() }
        output("{\n  \"dry_run\": \(dryRun),\n  \"notes\": [\n")
        do {
            let report = try body()
            let summary = OrderedJSON.string(summaryLine(report, dryRun: dryRun))
            output("\n  ],\n  \"summary\": \(summary.serialized()),\n  \"report\": "
                   + (report.memorial ?? MemorialReport()).json.serialized(pretty: true, indent: 1) + "\n}\n")
            return report
        } catch {
            let messages: [String]
            if let errors = error as? DataErrors { messages = errors.errors.map(\.description) } else { messages = [Failure.describe(error).message] }
            output("\n  ],\n  \"errors\": " + OrderedJSON.array(messages.map { .string($0) }).serialized(pretty: true, indent: 1) + "\n}\n")
            throw error
        }
    }

    /// "imported 3 records: created …".
    static func summaryLine(_ report: ImportReport, dryRun: Bool) -> String {
        let verb = dryRun ? "would import" : "imported"
        var line = "\(verb) \(report.records) record\(report.records == 1 ? "" : "s"): \(report.tally.summary)"
        if !dryRun && !report.tally.changedAnything { line += " (the archive already holds all of it)" }
        return line
    }

    /// The end report, after the summary line (text style only).
    static func printReport(_ report: ImportReport, style: MemorialReportStyle) {
        guard style == .text, let memorial = report.memorial else { return }
        output(memorial.text)
    }
}
