import DossierStorage
import DossierDomain
import Foundation

/// The input formats `dossier import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case csv, jsonl
    case cslJSON = "csl-json"
    case bibtex
    /// Memorial-style biographical notes (CSV or plain text): `Memorial/`.
    case memorial
    /// A spreadsheet's sheet of case rows, as in CSV.
    case xlsx, ods

    /// Guessed from a file name's extension.
    public static func guess(path: String) -> ImportFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".json") { return .cslJSON }
        if lower.hasSuffix(".bib") || lower.hasSuffix(".bibtex") { return .bibtex }
        if lower.hasSuffix(".xlsx") { return .xlsx }
        if lower.hasSuffix(".ods") { return .ods }
        return nil
    }

    /// From the extension, or for a file whose extension says nothing
    /// (`rows`, `rows.xls`), from its content when it is a zip: a spreadsheet,
    /// `.ods` or `.xlsx` by what the zip holds.
    public static func guess(file path: String) -> ImportFormat? {
        if let format = guess(path: path) { return format }
        guard path != "-", isZip(path) else { return nil }
        // A zip that is no spreadsheet is refused by the reader, with its reason.
        return (try? SpreadsheetReader.kind(path: path)) == .ods ? .ods : .xlsx
    }

    /// Whether a file starts as a zip does.
    static func isZip(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
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

/// How far an import has got, for a progress line.
public struct ImportProgress: Sendable {
    public var file: String
    public var records: Int
    public var bytesRead: Int
    /// The size of the input, when known (not for standard input).
    public var totalBytes: Int?
}

public struct ImportOptions: Sendable {
    public var dryRun = false
    /// At most this many problems are listed; the rest are counted.
    public var maxErrors = 50
    public var ignoreUnknownColumns = false
    /// Dates must be EDTF; without it, the forms `DateReader` knows are
    /// taken too and stored as EDTF.
    public var strictDates = false
    /// The CSV field separator; nil: detected from the header line.
    public var delimiter: UInt8?
    /// The sheet of a spreadsheet to read (by its name); nil: the first.
    public var sheet: String?
    /// The text encoding of CSV case rows.
    /// The text encoding of every input (named for CSV, which had it
    /// first): CSV, JSON Lines, CSL-JSON, BibTeX and Memorial notes.
    public var csvEncoding: MemorialEncoding = .utf8
    /// The statute code of references that name none, for this run only
    /// (e.g. `UkrSSR-1927` for a Ukrainian list); nil: the archive's.
    public var defaultCode: String?
    /// Inputs at least this large (in bytes, all files together) are
    /// imported with the rollback journal (see `bulkSettings`): about
    /// 200,000 generated case rows.
    public var rollbackJournalBytes = 64 << 20
    /// Called now and then while records are read.
    public var progress: (@Sendable (ImportProgress) -> Void)?
    public var memorial = MemorialOptions()
    public init() {}
}

public struct ImportReport: Sendable {
    public var tally = WriteTally()
    public var records = 0
    /// CSV rows whose cells were all empty, skipped.
    public var emptyRows = 0
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
        try DateReader.$strictDates.withValue(options.strictDates) { try importAll(inputs, options: options) }
    }

    func importAll(_ inputs: [ImportInput], options: ImportOptions) throws -> ImportReport {
        var report = ImportReport()
        report.dryRun = options.dryRun
        var log = ProblemLog(limit: options.maxErrors)
        let ordered = inputs.enumerated().sorted { ($0.element.format.order, $0.offset) < ($1.element.format.order, $1.offset) }
            .map(\.element)
        let summary = inputs.map(\.path).joined(separator: " ")
        let rollback = RollbackSignal()
        let inputBytes = inputs.reduce(0) { $0 + ($1.text.map { $0.utf8.count } ?? Self.fileSize($1.path) ?? 0) }
        let restore = try bulkSettings(useRollbackJournal: inputBytes >= options.rollbackJournalBytes)
        defer { restore() }
        do {
            try change(command: "import", summary: summary) {
                ImportTiming.start()
                let bulk = try BulkLoad.begin(db, inputBytes: inputBytes)
                ImportTiming.mark("begin")
                for input in ordered {
                    switch input.format {
                    case .jsonl: try importCaseDocuments(input, options: options, report: &report, log: &log)
                    case .cslJSON, .bibtex:
                        try importSources(input, encoding: options.csvEncoding, report: &report, log: &log)
                        Self.returnFreedMemory()
                    case .csv: try importCaseRows(input, options: options, report: &report, log: &log)
                    case .memorial: try importMemorialNotes(input, options: options, report: &report, log: &log)
                    case .xlsx, .ods: try importSpreadsheetRows(input, options: options, report: &report, log: &log)
                    }
                    ImportTiming.mark("rows \(input.path)")
                }
                if !log.isEmpty { throw DataErrors(log.errors, omitted: log.omitted) }
                if options.dryRun || !report.tally.changedAnything { throw rollback }
                try bulk.finish()
            }
            ImportTiming.mark("full text and commit")
        } catch is RollbackSignal {
            // Dry run, or nothing changed: leave no empty change behind.
        }
        return report
    }

    /// Imports JSON Lines: one object per line, of four kinds (see the
    /// README): `{"source": CSL item}`, `{"person": person}`,
    /// `{"figure": published figure}` and a case document. A case or source may appear once per run, and a person
    /// must be described the same way wherever it appears.
    func importCaseDocuments(_ input: ImportInput, options: ImportOptions,
                             report: inout ImportReport, log: inout ProblemLog) throws {
        var cases = RunMarks(), persons = RunMarks(), sources = RunMarks()
        var figures: [String: Int] = [:]
        // Suggestions compare a missing key with every source key: once per key.
        var unknownKeys: [String: FieldProblem] = [:]
        func unknown(_ key: String) -> FieldProblem {
            if let problem = unknownKeys[key] { return problem }
            let problem = unknownSource(key)
            unknownKeys[key] = problem
            return problem
        }
        let totalBytes = input.text.map { $0.utf8.count } ?? Self.fileSize(input.path)
        try forEachLine(input) { line, lineNumber, bytesRead in
            let file = input.path
            var line = line
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            let text: String
            switch options.csvEncoding.decode(line) {
            case .success(let decoded): text = decoded
            case .failure(let error):
                log.add(DataError(file: file, line: lineNumber, problem: error.problem, expected: error.expected))
                return
            }
            if text.allSatisfy({ $0.isWhitespace }) { return }
            report.records += 1
            if report.records % 1000 == 0 {
                options.progress?(ImportProgress(file: file, records: report.records, bytesRead: bytesRead,
                                                 totalBytes: totalBytes))
            }
            let json: JSONValue
            do throws(JSONText.SyntaxError) {
                // NUL is refused later, with the field's name.
                json = try JSONText.parseValue(options.csvEncoding == .utf8 ? Array(line) : Array(text.utf8), allowingNUL: true)
            } catch {
                log.add(DataError(file: file, line: lineNumber, problem: "not valid JSON (\(Self.jsonProblem(text, error)))",
                                  expected: "one JSON object per line"))
                return
            }
            func fail(_ error: FieldError) { log.add(error.at(file: file, line: lineNumber)) }
            if case .object(let members) = json, members.count == 1, let (kind, value) = members.first,
               kind == "source" || kind == "person" || kind == "figure" {
                if kind == "figure" {
                    let figure: PublishedFigure
                    do { figure = try PublishedFigure(json: value, path: "figure") } catch let error as FieldError { return fail(error) }
                    if let earlier = figures[figure.ref] {
                        return fail(FieldError(field: "figure.figure_ref", problem: FieldProblem(
                            problem: "figure \(figure.ref) appears twice in this import (first on line \(earlier))",
                            expected: "each figure once")))
                    }
                    figures[figure.ref] = lineNumber
                    if try sourceID(figure.sourceKey) == nil {
                        return fail(FieldError(field: "figure.source_key", problem: unknown(figure.sourceKey)))
                    }
                    guard log.isEmpty else { return }
                    try upsertFigure(figure, tally: &report.tally)
                    return
                }
                if kind == "source" {
                    guard let source = decodeSourceLine(value, file: file, line: lineNumber, log: &log) else { return }
                    if let id = try sourceID(source.key), let earlier = sources.line(id) {
                        log.add(DataError(file: file, line: lineNumber, field: "source.id",
                                          problem: "source \(source.key) appears twice in this import (first on line \(earlier))",
                                          expected: "each source once"))
                        return
                    }
                    guard log.isEmpty else { return }
                    let id = try upsertSource(source, tally: &report.tally)
                    sources.mark(id, line: lineNumber, status: .unchanged)
                    return
                }
                let person: PersonDoc
                do { person = try PersonDoc(json: value, path: "person") } catch let error as FieldError { return fail(error) }
                do { try checkRepeated(person, path: "person", marks: persons, line: lineNumber) } catch let error as FieldError { return fail(error) }
                if let error = try mergedRefError(person.ref, kind: .person, field: "person.person_ref") { return fail(error) }
                for (index, citation) in person.citations.enumerated() where try sourceID(citation.sourceKey) == nil {
                    return fail(FieldError(field: "person.citations[\(index)].source_key", problem: unknown(citation.sourceKey)))
                }
                guard log.isEmpty else { return }
                let id = try upsertPerson(person, tally: &report.tally)
                persons.mark(id, line: lineNumber, status: .unchanged)
                return
            }
            let doc: CaseDoc
            do { doc = try CaseDoc(json: json, defaultCode: options.defaultCode ?? defaultCode) } catch let error as FieldError { return fail(error) }
            if let id = try caseID(doc.ref), let earlier = cases.line(id) {
                return fail(FieldError(field: "case_ref", problem: FieldProblem(
                    problem: "case \(doc.ref) appears twice in this import (first on line \(earlier))", expected: "each case once")))
            }
            do {
                for (index, defendant) in doc.defendants.enumerated() {
                    try checkRepeated(defendant.person, path: "defendants[\(index)].person", marks: persons, line: lineNumber)
                }
            } catch let error as FieldError { return fail(error) }
            if let error = try mergedRefError(doc.ref, kind: .case, field: "case_ref") { return fail(error) }
            for (index, defendant) in doc.defendants.enumerated() {
                if let error = try mergedRefError(defendant.person.ref, kind: .person, field: "defendants[\(index)].person.person_ref") { return fail(error) }
            }
            for (path, key) in doc.citationKeys() where try sourceID(key) == nil {
                return fail(FieldError(field: path, problem: unknown(key)))
            }
            guard log.isEmpty else { return }
            // A person met before in this run is counted once: take back the
            // "unchanged" that upsertPerson counts for each repetition.
            var repeated = 0
            for defendant in doc.defendants {
                if let personID = try personID(defendant.person.ref), persons.line(personID) != nil { repeated += 1 }
            }
            let id = try upsertCase(doc, tally: &report.tally)
            for _ in 0..<repeated { report.tally.uncount("person", .unchanged) }
            cases.mark(id, line: lineNumber, status: .unchanged)
            for defendant in doc.defendants {
                if let personID = try personID(defendant.person.ref), persons.line(personID) == nil {
                    persons.mark(personID, line: lineNumber, status: .unchanged)
                }
            }
        }
    }

    /// A person met again in the same run must be described as before.
    func checkRepeated(_ person: PersonDoc, path: String, marks: RunMarks, line: Int) throws(FieldError) {
        guard let id = try? personID(person.ref), let earlier = marks.line(id) else { return }
        guard let stored = try? loadPerson(id: id), stored != person else { return }
        throw FieldError(field: path, problem: FieldProblem(
            problem: "person \(person.ref) differs from the one on line \(earlier)",
            expected: "the same person data wherever a person_ref appears"))
    }

    /// A `{"source": {...}}` line's CSL item, or nil after logging why not.
    func decodeSourceLine(_ value: JSONValue, file: String, line: Int, log: inout ProblemLog) -> Source? {
        let item = OrderedJSON(value).serialized()
        do {
            let sources = try CSLJSON.decode(Data(("[" + item + "]").utf8), file: file)
            guard let source = sources.first else { return nil }
            guard case .object(let members) = value, members["id"] != nil || members["citation-key"] != nil else {
                log.add(DataError(file: file, line: line, field: "source.id", problem: "missing",
                                  expected: "the citation key of the source"))
                return nil
            }
            for (field, date) in [("issued", source.issued), ("accessed", source.accessed)] {
                if let date, (try? EDTFDate.parse(date)) == nil {
                    log.add(DataError(file: file, line: line, field: "source.\(field)", problem: "\"\(date)\" is not a date",
                                      expected: "a date such as 1987 or 1987-04-12"))
                    return nil
                }
            }
            return source
        } catch {
            log.add(DataError(file: file, line: line, field: error.field.map { "source." + $0 } ?? "source",
                              problem: error.problem))
            return nil
        }
    }

    /// What is wrong with a line of JSON, in words: as the line reads
    /// inside an array, where a line that stops short ends at `]` rather
    /// than at the end of the file.
    static func jsonProblem(_ text: String, _ error: JSONText.SyntaxError) -> String {
        do throws(JSONText.SyntaxError) {
            _ = try JSONText.parseTopLevelArray(Data(("[" + text + "]").utf8))
        } catch {
            return error.problem
        }
        return error.problem
    }

    /// Calls `body` for each line of an input, with 1-based line numbers
    /// and the bytes read so far.
    func forEachLine(_ input: ImportInput, _ body: (ArraySlice<UInt8>, Int, Int) throws -> Void) throws {
        if let text = input.text {
            var offset = 0
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                offset += line.utf8.count + 1
                try body(ArraySlice(Array(line.utf8)), index + 1, offset)
            }
            return
        }
        let reader = try LineReader(path: input.path)
        while let line = try reader.next() {
            try body(line, reader.lineNumber, reader.bytesRead)
        }
    }

    /// Settings for one large write transaction, and a closure that puts
    /// the previous ones back.
    ///
    /// - A larger page cache (64 MB, within the memory target) keeps the
    ///   B-trees an import appends to in memory.
    /// - Large inputs (`ImportOptions.rollbackJournalBytes`) are imported with the
    ///   rollback journal instead of WAL: "WAL does not work well for very
    ///   large transactions. For transactions larger than about 100
    ///   megabytes, traditional rollback journal modes will likely be
    ///   faster." (<https://www.sqlite.org/wal.html>). Measured here on a
    ///   million generated rows (a 3.5 GB transaction): 323 s with the
    ///   rollback journal; with WAL the import had not finished after 10
    ///   minutes, every page read back costing a search of a WAL index of
    ///   millions of frames. The price: while such an import runs, other
    ///   processes wait to read from the moment the import first writes to
    ///   the file until it commits. The switch is made only when no other
    ///   connection has the archive open (SQLite refuses it otherwise, and
    ///   the import then runs with WAL); the archive is back in WAL mode
    ///   when the import ends, and a crash mid-import leaves a hot journal
    ///   that the next opener rolls back, as with WAL.
    ///
    /// Durability is not weakened: synchronous stays NORMAL (FULL is what
    /// rollback mode needs, and is what it gets), so a committed import
    /// survives a crash, and one cut short leaves nothing.
    /// Related SQLite documentation: <https://www.sqlite.org/pragma.html#pragma_journal_mode>
    func bulkSettings(useRollbackJournal: Bool) throws -> () -> Void {
        let cacheSize = try db.scalar("PRAGMA cache_size").intValue ?? -2000
        try db.execute("PRAGMA cache_size = -65536")
        var journal = ""
        var synchronous: Int?
        if useRollbackJournal, !db.path.isEmpty, db.path != ":memory:" {
            journal = (try? db.scalar("PRAGMA journal_mode = DELETE").stringValue) ?? ""
            if journal == "delete" {
                synchronous = try db.scalar("PRAGMA synchronous").intValue
                try db.execute("PRAGMA synchronous = FULL")
            }
        }
        return { [db] in
            try? db.execute("PRAGMA cache_size = \(cacheSize)")
            if journal == "delete" {
                _ = try? db.scalar("PRAGMA journal_mode = WAL")
                if let synchronous { try? db.execute("PRAGMA synchronous = \(synchronous)") }
            }
        }
    }
}

struct RollbackSignal: Error {}

extension Archive {
    /// Hands memory freed by the process back to the system. The sources of
    /// a large CSL-JSON file are freed once written, but the C allocator
    /// keeps the pages for reuse and the rows imported next in the same run
    /// would stack their peak on top (a million case rows after 50,000
    /// sources in one run: 193 MB peak without this, 188 MB with it).
    static func returnFreedMemory() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (malloc.h), which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

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
