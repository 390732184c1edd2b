// The fuzz targets: what each parser must do with any input. Shared by the
// seeded property tests (HostileFuzzTests) and the libFuzzer build
// (fuzz/main.swift, scripts/fuzz.sh), so that both check the same things.
// Depends on Dossier, DossierDomain and DossierStorage only.
@testable import Dossier
@testable import DossierDomain
import DossierStorage
import Foundation

/// A broken invariant: the input and what went wrong.
struct FuzzFailure: Error, CustomStringConvertible {
    var target: String
    var problem: String
    var description: String { "\(target): \(problem)" }
}

enum FuzzHarness {
    /// The targets, by name.
    static let targets = ["csv", "lines", "jsonl", "csl-json", "bibtex", "edtf", "statute", "search",
                          "archive-search", "csv-cell", "yaml", "memorial", "xlsx-sheet", "ods-content"]

    /// Runs one input through a target.
    /// - Throws: `FuzzFailure` when an invariant does not hold. Parsers
    ///   refusing the input with their own errors is fine; crashing is not.
    static func run(_ target: String, _ bytes: [UInt8]) throws {
        switch target {
        case "csv": try csv(bytes)
        case "lines": try lines(bytes)
        case "jsonl": try jsonl(bytes)
        case "csl-json": try cslJSON(bytes)
        case "bibtex": try bibtex(bytes)
        case "edtf": try edtf(bytes)
        case "statute": try statute(bytes)
        case "search": try search(bytes)
        case "archive-search": try archiveSearch(bytes)
        case "csv-cell": try csvCell(bytes)
        case "yaml": try yaml(bytes)
        case "memorial": try memorial(bytes)
        case "xlsx-sheet": try spreadsheet(bytes, ods: false)
        case "ods-content": try spreadsheet(bytes, ods: true)
        default: throw FuzzFailure(target: target, problem: "no such target")
        }
    }

    static func fail(_ target: String, _ problem: String) -> FuzzFailure {
        FuzzFailure(target: target, problem: problem)
    }

    /// The work budget of one input: a parser linear in its input does at
    /// most `perByte` steps per byte (and a few for an empty input). An
    /// input over it is a failure like a crash: a rescan or an expansion.
    static func withinBudget(_ target: String, _ work: Int, bytes: Int, perByte: Int) throws {
        if work > perByte * bytes + 64 {
            throw fail(target, "work \(work) for \(bytes) bytes, over the budget of \(perByte) a byte")
        }
    }

    // MARK: Files

    /// Runs `body` with the bytes in a scratch file of their own, removed
    /// afterwards (targets may run in parallel).
    static func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fuzz-\(UUID().uuidString).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    // MARK: CSV

    enum CSVOutcome: Equatable {
        case record(Int, [String])
        case malformed(Int, String)
    }

    static func readCSV(_ reader: CSVReader, limit: Int = 5_000) -> [CSVOutcome] {
        var out: [CSVOutcome] = []
        while out.count < limit {
            do {
                guard let record = try reader.next() else { break }
                out.append(.record(record.line, record.fields))
            } catch let error as CSVReader.Malformed {
                out.append(.malformed(error.line, error.problem))
                break
            } catch {
                out.append(.malformed(-1, "\(error)"))
                break
            }
        }
        return out
    }

    /// The same records (or the same error) whatever the size of the chunks
    /// the file is read in, and from text in memory; line numbers never go
    /// back; no field holds a NUL or a line break outside quotes.
    static func csv(_ bytes: [UInt8]) throws {
        try withFile(bytes) { try csv(bytes, path: $0) }
    }

    static func csv(_ bytes: [UInt8], path: String) throws {
        let reader = try CSVReader(path: path, chunkSize: bytes.count + 1)
        let whole = readCSV(reader)
        try withinBudget("csv", reader.work, bytes: bytes.count, perByte: 2)
        for chunk in [1, 2, 3, 7, 64] where chunk <= bytes.count {
            let chunkedReader = try CSVReader(path: path, chunkSize: chunk)
            // The separator is found without reading a record, in one pass
            // over the first line.
            _ = try? chunkedReader.detectDelimiter()
            let chunked = readCSV(chunkedReader)
            if chunked != whole {
                throw fail("csv", "reading in chunks of \(chunk) bytes gives \(chunked.prefix(3)) instead of \(whole.prefix(3))")
            }
            try withinBudget("csv", chunkedReader.work, bytes: bytes.count, perByte: 3)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            let inMemory = readCSV(CSVReader(text: text))
            if inMemory != whole {
                throw fail("csv", "reading from memory gives \(inMemory.prefix(3)) instead of \(whole.prefix(3))")
            }
        }
        var last = 0
        for outcome in whole {
            guard case .record(let line, let fields) = outcome else { continue }
            if line < last { throw fail("csv", "line \(line) after line \(last)") }
            last = line
            if fields.isEmpty { throw fail("csv", "a record without fields") }
            if fields.contains(where: { $0.utf8.contains(0) }) { throw fail("csv", "a field holds a NUL byte") }
        }
    }

    // MARK: Lines

    /// LineReader gives the same lines whatever the chunk size, and they
    /// put back together make the input (less line endings).
    static func lines(_ bytes: [UInt8]) throws {
        try withFile(bytes) { try lines(bytes, path: $0) }
    }

    static func lines(_ bytes: [UInt8], path: String) throws {
        func read(_ chunk: Int) throws -> [[UInt8]] {
            let reader = try LineReader(path: path, chunkSize: chunk)
            var out: [[UInt8]] = []
            while let line = try reader.next() { out.append(Array(line)) }
            try withinBudget("lines", reader.work, bytes: bytes.count, perByte: 2)
            return out
        }
        let whole = try read(bytes.count + 1)
        for chunk in [1, 2, 5] where try chunk <= bytes.count && read(chunk) != whole {
            throw fail("lines", "reading in chunks of \(chunk) bytes gives other lines")
        }
        var rebuilt: [UInt8] = []
        for line in whole { rebuilt += line + [10] }
        let expected = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line -> [UInt8] in
            var line = Array(line)
            if line.last == 13 { line.removeLast() }
            return line
        }
        var trimmed = expected
        if bytes.last == 10 || bytes.isEmpty { trimmed.removeLast() }
        if trimmed != whole { throw fail("lines", "lines \(whole.prefix(3)) are not the input's \(trimmed.prefix(3))") }
    }

    // MARK: JSON Lines documents

    /// A document that reads back written as JSON reads the same again
    /// (what export then import relies on).
    static func jsonl(_ bytes: [UInt8]) throws {
        let ((), work) = try WorkCounter.counting { try jsonlLines(bytes) }
        try withinBudget("jsonl", work, bytes: bytes.count, perByte: 8)
    }

    static func jsonlLines(_ bytes: [UInt8]) throws {
        for line in bytes.split(separator: 10) {
            guard let text = String(validating: line, as: UTF8.self) else { continue }
            // The importer's JSON reader (which refuses a NUL later, with the field's name)
            guard let json = try? JSONText.parseValue(Array(text.utf8), allowingNUL: true) else { continue }
            guard let doc = try? CaseDoc(json: json) else { continue }
            let written = doc.json.serialized()
            let again: CaseDoc
            do {
                again = try CaseDoc(json: try JSONText.parseValue(Array(written.utf8), allowingNUL: true))
            } catch {
                throw fail("jsonl", "a document written as \(written.prefix(300)) does not read back: \(error)")
            }
            if again != doc { throw fail("jsonl", "a document written as \(written.prefix(300)) reads back differently") }
        }
    }

    // MARK: Sources

    /// CSL-JSON that reads writes and reads back the same.
    static func cslJSON(_ bytes: [UInt8]) throws {
        let (decoded, work) = WorkCounter.counting { try? CSLJSON.decode(Data(bytes), file: "fuzz.json") }
        try withinBudget("csl-json", work, bytes: bytes.count, perByte: 4)
        guard let sources = decoded else { return }
        let written = CSLJSON.encode(sources)
        var again: [Source]
        do { again = try CSLJSON.decode(written, file: "again.json") } catch {
            throw fail("csl-json", "sources written as \(String(decoding: written.prefix(300), as: UTF8.self)) do not read back: \(error)")
        }
        // The writer names a language the reader left unknown when the
        // title is Cyrillic (for CSL processors); that much is expected.
        // And `bibtex:` variables are written to BibTeX only.
        for (index, source) in sources.enumerated() where index < again.count {
            if source.language == nil { again[index].language = nil }
            for (name, value) in source.extra where name.hasPrefix("bibtex:") { again[index].extra[name] = value }
        }
        if again != sources {
            throw fail("csl-json", "sources written as \(String(decoding: written.prefix(300), as: UTF8.self)) read back differently")
        }
    }

    /// BibTeX: no crash; what reads can be written; no value longer than
    /// the limit, and the work within its budget: the characters read plus
    /// those expansion copied.
    static func bibtex(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        var parser = BibTeXParser(text: text, file: "fuzz.bib")
        if let entries = try? parser.entries() {
            for entry in entries {
                for field in entry.fields where field.raw.count > BibTeXParser.maxValueLength {
                    throw fail("bibtex", "field \(field.name) of \(entry.key) is \(field.raw.count) characters long")
                }
            }
        }
        if parser.expandedTotal > BibTeXParser.maxExpandedTotal || parser.work > parser.chars.count + parser.expandedTotal {
            throw fail("bibtex", "work \(parser.work) for \(parser.chars.count) characters and \(parser.expandedTotal) expanded")
        }
        guard let sources = try? BibTeX.decode(text, file: "fuzz.bib") else { return }
        _ = BibTeX.encode(sources, dialect: .bibtex)
        _ = BibTeX.encode(sources, dialect: .biblatex)
    }

    // MARK: YAML documents

    /// A YAML document: anchors, aliases and tags refused before the tree
    /// is built; the check's work within a linear budget (parser events per
    /// byte); what passes the check reads into a tree without failing
    /// other than with a `DataError`.
    static func yaml(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        let work: YAMLGuard.Work
        do { work = try YAMLGuard.check(text, file: "fuzz.yaml") } catch is DataError { return }
        if work.events > 2 * work.bytes + 16 {
            throw fail("yaml", "\(work.events) parser events for \(work.bytes) bytes")
        }
        do { _ = try DocumentTree.read(yaml: text, file: "fuzz.yaml") } catch is DataError { return }
    }

    // MARK: Spreadsheets

    /// The bytes as a workbook's sheet (`xlsx-sheet`) or an OpenDocument
    /// spreadsheet's content.xml (`ods-content`): read, or refused with a
    /// `SpreadsheetError`; rows in order, within the limits.
    static func spreadsheet(_ bytes: [UInt8], ods: Bool) throws {
        let target = ods ? "ods-content" : "xlsx-sheet"
        let parts: [(path: String, data: Data)] = ods
            ? [("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Data(bytes))]
            : XLSXWriter.parts(sheetXML: Data(bytes))
        var limits = SpreadsheetLimits()
        limits.maxCells = 20_000
        limits.maxColumns = 1_000
        try withFile(Array(try XLSXWriter.zip(parts))) { path in
            let sheet: SpreadsheetSheet
            do { sheet = try SpreadsheetReader.read(path: path, limits: limits) } catch is SpreadsheetError { return }
            var last = 0
            for record in sheet.rows {
                if record.line <= last { throw fail(target, "row \(record.line) after row \(last)") }
                if record.fields.count > limits.maxColumns { throw fail(target, "\(record.fields.count) fields") }
                last = record.line
            }
        }
    }

    // MARK: Memorial notes

    /// A note: never fails; the work within a linear budget of the note's
    /// tokens; no more cases than the limit; every span inside the note.
    static func memorial(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        let (note, work) = MemorialNote.parseCountingWork(name: "Вымыслов Петр Иванович", note: text)
        let tokens = NoteTokens(text).count
        if work > 16 * tokens + 64 { throw fail("memorial", "work \(work) for \(tokens) tokens") }
        if note.caseCount > NoteParser.maxCases { throw fail("memorial", "\(note.caseCount) cases") }
        let length = text.unicodeScalars.count
        for field in note.fields where !field.inName && (field.span.start < 0 || field.span.end > length || field.span.start > field.span.end) {
            throw fail("memorial", "field \(field.name) has span \(field.span) in a note of \(length) characters")
        }
    }

    // MARK: Dates

    /// A date that parses has its earliest day on or before its latest,
    /// and its normal form parses to the same days.
    static func edtf(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes.prefix(200), as: UTF8.self)
        // The reader of every date a user or a file hands in, within its budget.
        let (_, work) = WorkCounter.counting { try? DateReader.read(text) }
        try withinBudget("edtf", work, bytes: text.utf8.count, perByte: 8)
        guard let date = try? EDTFDate.parse(text) else { return }
        if let lower = date.lower, let upper = date.upper, lower > upper {
            throw fail("edtf", "\"\(text)\": earliest day \(lower) after latest \(upper)")
        }
        let normal = (date.isOldStyle ? "os:" : "") + date.edtf
        guard let again = try? EDTFDate.parse(normal) else {
            throw fail("edtf", "\"\(text)\" normalises to \"\(normal)\", which does not parse")
        }
        if again.lower != date.lower || again.upper != date.upper {
            throw fail("edtf", "\"\(text)\" and its normal form \"\(normal)\" have different days")
        }
    }

    // MARK: Statute references

    /// In-memory databases, one per target that needs one.
    nonisolated(unsafe) static var statuteDB: Connection? = nil
    nonisolated(unsafe) static var searchDB: Connection? = nil

    /// Every charge a text parses to is found by a search for that text,
    /// and the SQL of a search selects exactly what it matches.
    static func statute(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self)
        var work = 0
        _ = try? ChargeParser.parse(text, work: &work)
        try withinBudget("statute", work, bytes: text.utf8.count, perByte: 8)
        guard let charges = try? ChargeParser.parse(text) else { return }
        for charge in charges where charge.ref.isEmpty { throw fail("statute", "\"\(text)\" gives an empty ref") }
        guard let query = try? ChargeQuery(text) else { return }
        let db = try statuteDB ?? Connection(path: ":memory:")
        statuteDB = db
        let (condition, bindings) = query.sqlCondition
        for charge in charges {
            let inSQL = try db.scalar("SELECT \(condition) FROM (SELECT ? AS ref)", bindings.map { $0 as SQLBindable } + [charge.ref])
            if (inSQL.intValue == 1) != query.matches(charge.ref) {
                throw fail("statute", "for \"\(text)\", SQL and matches() disagree about \(charge.ref)")
            }
        }
    }

    // MARK: Search words

    /// Whatever a person types, the quoted full-text query is valid FTS5
    /// syntax.
    static func search(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes.prefix(500), as: UTF8.self)
        let db = try searchDB ?? Connection(path: ":memory:")
        searchDB = db
        if try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'fuzz_fts'").intValue == 0 {
            try db.execute("CREATE VIRTUAL TABLE fuzz_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
            try db.execute("INSERT INTO fuzz_fts (body) VALUES ('Пряников Robert DROP TABLE person AND NEAR')")
        }
        for prefix in [false, true] {
            var work = 0
            let query = FullTextQuery.quoted(text, prefixLast: prefix, work: &work)
            try withinBudget("search", work, bytes: text.utf8.count, perByte: 2)
            if query.isEmpty { continue }
            do { _ = try db.scalar("SELECT count(*) FROM fuzz_fts WHERE fuzz_fts MATCH ?", [query]) } catch {
                throw fail("search", "\"\(text)\" quoted as \(query) is not valid FTS5: \(error)")
            }
        }
    }
}

extension FuzzHarness {
    // MARK: Searching an archive

    /// The fixtures, in memory, built once.
    nonisolated(unsafe) static var fixtureArchive: Archive? = nil

    /// `dossier search`: the input's first line is the text, the second a
    /// name, the third a charge. A query may be refused as bad input, but
    /// never fail in SQL; what it finds exists, and its CSV reads back with
    /// no cell a spreadsheet would run.
    static func archiveSearch(_ bytes: [UInt8]) throws {
        let archive: Archive
        if let built = fixtureArchive { archive = built } else {
            archive = try Archive(path: ":memory:")
            _ = try Tour.build(archive)
            fixtureArchive = archive
        }
        let parts = String(decoding: bytes.prefix(400), as: UTF8.self)
            .split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        // The name query's keys: linear in the name, plus the typo keys of
        // the surname of each of the name's two readings. Those are the
        // one-deletion neighbours of each spelling of the surname (up to
        // 8), under each class of given name (17 when none is typed), in two
        // families: at most `typoKeyBytes` for a surname of 64 letters, and
        // no surname has more, since longer ones have no neighbours.
        let typoKeyBytes = NameKeys.maxVariants * NameKeys.allGivenClasses.count * 2
            * (NameKeys.maxTypoKeyLength + 1) * (NameKeys.maxTypoKeyLength + 8)
        for name in parts.prefix(2) {
            let (_, work) = WorkCounter.counting {
                let query = NameQuery(NameWithBirthYear(name).name)
                return query.lookupKeys.count + query.broadSurnameLookupKeys.count
            }
            if work > 64 * name.utf8.count + 2 * typoKeyBytes {
                throw fail("archive-search", "work \(work) for a name of \(name.utf8.count) bytes, over 64 a byte and \(2 * typoKeyBytes) for the surnames")
            }
        }
        var query = SearchQuery(text: parts[0])
        if parts.count > 1, !parts[1].isEmpty { query.filter.name = parts[1] }
        if parts.count > 2, !parts[2].isEmpty { query.filter.charge = parts[2] }
        let hits: [SearchHit]
        do { hits = try archive.search(query) } catch let error as SQLiteError {
            throw fail("archive-search", "\(parts) fails in SQL: \(error)")
        } catch {
            return  // refused as bad input: fine
        }
        for hit in hits where try archive.loadCase(ref: hit.caseRef) == nil {
            throw fail("archive-search", "\(parts) finds case \(hit.caseRef), which does not exist")
        }
        let csv = SearchOutput.csv(hits)
        let records = readCSV(CSVReader(text: csv))
        if records.count != hits.count + 1 || records.contains(where: { if case .malformed = $0 { return true } else { return false } }) {
            throw fail("archive-search", "\(parts): the CSV of \(hits.count) hits reads back as \(records.count) records")
        }
    }

    // MARK: CSV cells

    /// Any text written as a CSV cell reads back as itself (or with the
    /// apostrophe that neutralises a formula), and never starts with what
    /// a spreadsheet would run.
    static func csvCell(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self)
        if text.utf8.contains(0) { return }  // refused at input
        let row = CSVText.row([text, "end"])
        let records = readCSV(CSVReader(text: row))
        guard records.count == 1, case .record(_, let fields) = records[0], fields.count == 2, fields[1] == "end" else {
            throw fail("csv-cell", "\(Escaping.visible(text)) written as \(Escaping.visible(row)) reads back as \(records)")
        }
        if fields[0] != text && fields[0] != "'" + text {
            throw fail("csv-cell", "\(Escaping.visible(text)) reads back as \(Escaping.visible(fields[0]))")
        }
        if let first = fields[0].unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
            throw fail("csv-cell", "\(Escaping.visible(text)) is written as a formula")
        }
    }
}
