import DossierStorage
import DossierDomain
import Foundation

/// The formats `dossier export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// Lossless: sources, persons in no case, then one case per line.
    case jsonl
    /// The flat case rows of the import format; not lossless.
    case csv
}

/// What an export wrote.
public struct ExportReport: Sendable, Equatable {
    public var sources = 0
    public var persons = 0
    public var cases = 0
    /// Published figures (JSON Lines only).
    public var figures = 0
    /// CSV data rows.
    public var rows = 0
}

/// Collects output text and hands it on in large pieces.
public final class TextSink {
    private var buffer = ""
    private let write: (String) throws -> Void
    private let limit: Int

    /// - Parameter write: called with each piece, in order.
    public init(limit: Int = 1 << 20, write: @escaping (String) throws -> Void) {
        self.write = write
        self.limit = limit
        buffer.reserveCapacity(limit + 4096)
    }

    func append(_ text: String) throws {
        buffer += text
        if buffer.utf8.count >= limit { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension Archive {
    /// Writes everything in the archive, in one read transaction (a
    /// consistent snapshot even while another process writes).
    ///
    /// JSON Lines: first every source as `{"source": CSL item}` (by key),
    /// then every person who is a defendant in no case as `{"person": ...}`
    /// (by ref), then every published figure as `{"figure": ...}` (by
    /// period), then every case document (by ref). Importing that into an
    /// empty archive gives the same export again.
    ///
    /// CSV: the flat columns of `docs/formats.md`, one row per defendant and
    /// citation of the defendant (a defendant without citations still has
    /// one row); cells a spreadsheet would run as a formula get a `'` in
    /// front (see `SpreadsheetCell`).
    /// - Throws: `SQLiteError`, or what `sink` throws.
    @discardableResult
    public func export(format: ExportFormat, to sink: TextSink) throws -> ExportReport {
        let report = try db.read {
            switch format {
            case .jsonl: return try exportJSONLines(to: sink)
            case .csv: return try exportCSV(to: sink)
            }
        }
        try sink.flush()
        return report
    }

    func exportJSONLines(to sink: TextSink) throws -> ExportReport {
        var report = ExportReport()
        try db.prepare("SELECT * FROM source ORDER BY key").forEach { statement in
            let source = try Archive.source(from: statement.row())
            let line = OrderedJSON.object([("source", Self.sourceItem(source))]).serialized()
            try sink.append(line + "\n")
            report.sources += 1
        }
        try db.prepare("""
            SELECT id FROM person WHERE NOT EXISTS (SELECT 1 FROM defendant d WHERE d.person_id = person.id) ORDER BY ref
            """).forEach { statement in
            guard let id = statement.value(at: 0).int64Value, let person = try loadPerson(id: id) else { return }
            try sink.append(OrderedJSON.object([("person", person.json)]).serialized() + "\n")
            report.persons += 1
        }
        for figure in try loadFigures() {
            try sink.append(OrderedJSON.object([("figure", figure.json)]).serialized() + "\n")
            report.figures += 1
        }
        try db.prepare("""
            SELECT id, ref, \(CaseDoc.selectColumns) FROM proceeding ORDER BY ref
            """).forEach { statement in
            let doc = try caseDoc(from: statement.row())
            try sink.append(doc.json.serialized() + "\n")
            report.cases += 1
        }
        return report
    }

    /// A source as a CSL-JSON item, members in the usual CSL order. Unlike
    /// a plain CSL-JSON export it keeps the BibTeX fields that have no CSL
    /// variable (`bibtex:...`), so that nothing is lost on the way back.
    static func sourceItem(_ source: Source) -> OrderedJSON {
        guard case .object(var members) = CSLJSON.item(source) else { return .null }
        for (name, value) in source.extra where name.hasPrefix("bibtex:") { members[name] = value }
        // CSL-JSON output guesses "ru" for Cyrillic sources without a
        // language; an export says only what the archive holds.
        if source.language == nil, source.extra["language"] == nil { members["language"] = nil }
        let order = CSLJSON.memberOrder
        let keys = order.filter { members[$0] != nil } + members.keys.filter { !order.contains($0) }.sorted()
        return .object(keys.map { ($0, OrderedJSON(members[$0]!)) })
    }

    func exportCSV(to sink: TextSink) throws -> ExportReport {
        try sink.append(CaseRowColumn.allCases.map(\.rawValue).joined(separator: ",") + "\r\n")
        return try forEachCaseRow { cells in
            try sink.append(cells.map { Escaping.csvField($0, formulas: .reversible) }.joined(separator: ",") + "\r\n")
        }
    }

    /// The rows of the CSV export as an `.xlsx` workbook of one sheet,
    /// every cell text (so that `58.10` and `1937-08` stay as they are),
    /// with the same `'` before a cell that would be a formula.
    public func exportXLSX() throws -> (data: Data, report: ExportReport) {
        var rows: [[String]] = [CaseRowColumn.allCases.map(\.rawValue)]
        let report = try db.read {
            try forEachCaseRow { cells in rows.append(cells.map(SpreadsheetCell.neutralised)) }
        }
        return (try XLSXWriter.workbook(sheet: "cases", rows: rows), report)
    }

    /// Each flat case row: the columns of `docs/formats.md`, one row per
    /// defendant and citation of the defendant (a defendant without
    /// citations still has one row), empty cells as "".
    func forEachCaseRow(_ body: ([String]) throws -> Void) throws -> ExportReport {
        var report = ExportReport()
        let columns = CaseRowColumn.allCases
        try db.prepare("""
            SELECT id, ref, \(CaseDoc.selectColumns) FROM proceeding ORDER BY ref
            """).forEach { statement in
            let doc = try caseDoc(from: statement.row())
            report.cases += 1
            for defendant in doc.defendants {
                let events = Dictionary(grouping: defendant.events, by: \.kind)
                var cells: [CaseRowColumn: String] = [
                    .caseRef: doc.ref, .personRef: defendant.person.ref, .name: defendant.person.name,
                    .bodyKind: doc.bodyKind.rawValue, .category: doc.category.rawValue,
                    .outcome: defendant.outcome.rawValue,
                ]
                cells[.nameVariants] = defendant.person.nameVariants.isEmpty
                    ? nil : defendant.person.nameVariants.joined(separator: "; ")
                for field in CaseRowColumn.personFields {
                    cells[CaseRowColumn(field.key)] = field.text(defendant.person)
                }
                cells[.arrestDate] = events[.arrested]?.first?.date
                cells[.body] = doc.body
                cells[.place] = doc.place
                cells[.trialDate] = doc.trialDate
                cells[.charges] = defendant.charges.isEmpty ? nil : csvCharges(defendant.charges)
                cells[.chargeText] = defendant.chargeText
                cells[.sentence] = defendant.sentence
                cells[.sentenceKind] = defendant.sentenceKind?.rawValue
                cells[.termYears] = defendant.termYears.map(CaseRowImporter.number)
                cells[.outcomeDate] = defendant.outcomeDate
                cells[.executedDate] = events[.executed]?.first?.date
                cells[.rehabilitatedDate] = events[.rehabilitated]?.first?.date
                let citations = defendant.citations.isEmpty ? [nil] : defendant.citations.map { Optional($0) }
                for citation in citations {
                    cells[.sourceKey] = citation?.sourceKey
                    cells[.locator] = citation?.locator
                    try body(columns.map { cells[$0] ?? "" })
                    report.rows += 1
                }
            }
        }
        return report
    }

    /// Charges as the importer reads them back: normal forms, with the
    /// archive's default code left out (`58-10`, `UkrSSR-1927:54-10`,
    /// `oso/КРТД`, `decree:1932-08-07`).
    func csvCharges(_ charges: [ChargeDoc]) -> String {
        var seen = Set<String>()
        let prefix = defaultCode + ":"
        return charges.compactMap { charge -> String? in
            let text = charge.kind == .statute && charge.ref.hasPrefix(prefix) ? String(charge.ref.dropFirst(prefix.count))
                : charge.ref
            return seen.insert(text).inserted ? text : nil
        }.joined(separator: "; ")
    }
}
