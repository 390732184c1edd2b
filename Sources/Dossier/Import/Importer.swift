import DossierStorage
import Foundation

/// The input formats `dossier import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case csv, jsonl
    case cslJSON = "csl-json"
    case bibtex
    /// Memorial-style biographical notes (CSV or plain text): `Memorial/`.
    case memorial

    /// Guessed from a file name's extension.
    public static func guess(path: String) -> ImportFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".json") { return .cslJSON }
        if lower.hasSuffix(".bib") || lower.hasSuffix(".bibtex") { return .bibtex }
        return nil
    }

    /// Sources go first, so that records in the same run may cite them.
    var order: Int { self == .cslJSON || self == .bibtex ? 0 : 1 }
}

/// One input: a file (or `-` for standard input) and its format.
public struct ImportInput: Sendable {
    public var path: String
    public var format: ImportFormat
    /// The text itself, when it does not come from disk (embedded fixtures).
    public var text: String?

    public init(path: String, format: ImportFormat, text: String? = nil) {
        self.path = path
        self.format = format
        self.text = text
    }
}

public struct ImportOptions: Sendable {
    public var dryRun = false
    /// At most this many problems are listed; the rest are counted.
    public var maxErrors = 50
    public var ignoreUnknownColumns = false
    /// Called now and then with (inputs done, records read, bytes read).
    public var progress: (@Sendable (String, Int, Int) -> Void)?
    public var memorial = MemorialOptions()
    public init() {}
}

public struct ImportReport: Sendable {
    public var tally = WriteTally()
    public var records = 0
    public var dryRun = false
    /// What `--format memorial` inputs read, when there were any.
    public var memorial: MemorialReport?
}

/// Collects problems up to a limit while an import goes on.
struct ProblemLog {
    var errors: [DataError] = []
    var omitted = 0
    let limit: Int

    mutating func add(_ error: DataError) {
        if errors.count < limit { errors.append(error) } else { omitted += 1 }
    }
    var isEmpty: Bool { errors.isEmpty && omitted == 0 }
}

extension Archive {
    /// Imports every input in one transaction. On any problem nothing is
    /// written and every problem (up to `maxErrors`) is thrown as
    /// `DataErrors`. With `dryRun` everything is validated and counted, then
    /// rolled back.
    public func importFiles(_ inputs: [ImportInput], options: ImportOptions = ImportOptions()) throws -> ImportReport {
        var report = ImportReport()
        report.dryRun = options.dryRun
        var log = ProblemLog(limit: options.maxErrors)
        let ordered = inputs.enumerated().sorted { ($0.element.format.order, $0.offset) < ($1.element.format.order, $1.offset) }
            .map(\.element)
        let summary = inputs.map(\.path).joined(separator: " ")
        let rollback = RollbackSignal()
        do {
            try change(command: "import", summary: summary) {
                for input in ordered {
                    switch input.format {
                    case .jsonl: try importCaseDocuments(input, options: options, report: &report, log: &log)
                    case .cslJSON, .bibtex: try importSources(input, report: &report, log: &log)
                    case .csv: try importCaseRows(input, options: options, report: &report, log: &log)
                    case .memorial: try importMemorialNotes(input, options: options, report: &report, log: &log)
                    }
                }
                if !log.isEmpty { throw DataErrors(log.errors, omitted: log.omitted) }
                if options.dryRun || !report.tally.changedAnything { throw rollback }
            }
        } catch is RollbackSignal {
            // Dry run, or nothing changed: leave no empty change behind.
        }
        return report
    }

    func importCaseDocuments(_ input: ImportInput, options: ImportOptions,
                             report: inout ImportReport, log: inout ProblemLog) throws {
        var seenCases = Set<String>()
        var persons: [String: (PersonDoc, Int)] = [:]
        try forEachLine(input) { line, lineNumber in
            guard let text = String(validating: line, as: UTF8.self) else {
                log.add(DataError(file: input.path, line: lineNumber, problem: "invalid UTF-8", expected: "UTF-8 text"))
                return
            }
            if text.allSatisfy({ $0.isWhitespace }) { return }
            report.records += 1
            let json: JSONValue
            do {
                json = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            } catch {
                log.add(DataError(file: input.path, line: lineNumber, problem: "not valid JSON (\(Self.jsonProblem(error)))",
                                  expected: "one JSON object per line"))
                return
            }
            let doc: CaseDoc
            do { doc = try CaseDoc(json: json, defaultCode: defaultCode) } catch let error as FieldError {
                log.add(error.at(file: input.path, line: lineNumber))
                return
            }
            if !seenCases.insert(doc.ref).inserted {
                log.add(DataError(file: input.path, line: lineNumber, field: "case_ref",
                                  problem: "case \(doc.ref) appears twice in this import", expected: "each case once"))
                return
            }
            // The same person in two documents must be described the same way.
            for (index, defendant) in doc.defendants.enumerated() {
                if let (earlier, earlierLine) = persons[defendant.person.ref], earlier != defendant.person {
                    log.add(DataError(file: input.path, line: lineNumber, field: "defendants[\(index)].person",
                                      problem: "person \(defendant.person.ref) differs from the one on line \(earlierLine)",
                                      expected: "the same person data wherever a person_ref appears"))
                    return
                } else if persons[defendant.person.ref] == nil {
                    persons[defendant.person.ref] = (defendant.person, lineNumber)
                }
            }
            for (path, key) in doc.citationKeys() where try sourceID(key) == nil {
                log.add(DataError(unknownSource(key), field: path, file: input.path, line: lineNumber))
                return
            }
            guard log.isEmpty else { return }
            try upsertCase(doc, tally: &report.tally)
            if report.records % 1000 == 0 { options.progress?(input.path, report.records, 0) }
        }
    }

    static func jsonProblem(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError as NSError?,
               let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
                return detail
            }
            return context.debugDescription
        }
        return "\(error)"
    }

    /// Calls `body` for each line of an input, with 1-based line numbers.
    func forEachLine(_ input: ImportInput, _ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        if let text = input.text {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                try body(ArraySlice(Array(line.utf8)), index + 1)
            }
            return
        }
        let reader = try LineReader(path: input.path)
        while let line = try reader.next() {
            try body(line, reader.lineNumber)
        }
    }
}

struct RollbackSignal: Error {}

extension CaseDoc {
    /// Every cited source key with the field path that cites it.
    func citationKeys() -> [(String, String)] {
        var result: [(String, String)] = []
        func add(_ citations: [CitationDoc], _ path: String) {
            for (index, citation) in citations.enumerated() {
                result.append(("\(path)[\(index)].source_key", citation.sourceKey))
            }
        }
        add(citations, "citations")
        for (d, defendant) in defendants.enumerated() {
            add(defendant.person.citations, "defendants[\(d)].person.citations")
            add(defendant.citations, "defendants[\(d)].citations")
            for (e, event) in defendant.events.enumerated() {
                add(event.citations, "defendants[\(d)].events[\(e)].citations")
            }
        }
        return result
    }
}
