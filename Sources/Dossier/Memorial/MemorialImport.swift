import DossierStorage
import DossierDomain
import Foundation

/// Options of `import --format memorial`.
public struct MemorialOptions: Sendable {
    public var encoding: MemorialEncoding = .utf8
    /// Called with each note's parse as JSON (1-based count of notes read
    /// in this run, and the note), for `--report json`.
    public var onNote: (@Sendable (Int, OrderedJSON) -> Void)?
    public init() {}
}

/// A note that parsed poorly, for the end report.
public struct PoorlyParsedNote: Sendable {
    public var file: String
    public var line: Int
    public var name: String
    public var confidence: Double
    public var unread: [String]
    public var problems: [String]
}

/// What an import of notes read: how many, how well, which fields.
public struct MemorialReport: Sendable {
    public var notes = 0
    /// Notes given twice, word for word, skipped the second time.
    public var duplicates = 0
    public var cases = 0
    public var confidenceSum = 0.0
    /// In how many notes each field was found.
    public var fieldCounts: [String: Int] = [:]
    /// Notes below `MemorialNote.poorConfidence` or with problems (the
    /// first `poorLimit`; `poorCount` counts them all).
    public var poorlyParsed: [PoorlyParsedNote] = []
    public var poorCount = 0
    public static let poorLimit = 50

    public init() {}

    public var meanConfidence: Double { notes == 0 ? 0 : confidenceSum / Double(notes) }

    mutating func add(_ note: MemorialNote, entry: MemorialEntry) {
        notes += 1
        cases += note.caseCount
        confidenceSum += note.confidence
        for name in Set(note.fields.map(\.name)) { fieldCounts[name, default: 0] += 1 }
        if note.parsedPoorly {
            poorCount += 1
            if poorlyParsed.count < MemorialReport.poorLimit {
                poorlyParsed.append(PoorlyParsedNote(file: entry.file, line: entry.line, name: entry.name,
                                                     confidence: note.confidence, unread: note.unread.map(note.text),
                                                     problems: note.problems))
            }
        }
    }

    /// The fields in a fixed order: the person, the case, the events.
    public static let fieldOrder = [
        "sex", "birth", "birthplace", "nationality", "education", "party", "residence", "occupation", "death",
        "death_place", "burial", "source", "arrested", "arrested.date", "arrested.body", "arrested.place", "charge",
        "charge_text", "body", "body_kind", "trial_date", "category", "outcome", "outcome_text",
        "outcome_subcategory", "outcome_date", "sentence", "sentence_kind", "term_years", "commuted",
        "commuted.date", "commuted.sentence", "pardoned", "pardoned.date", "pardoned.body", "executed",
        "executed.date", "executed.place", "died_in_custody", "died_in_custody.date", "died_in_custody.place",
        "released", "released.date", "released.notes", "rehabilitated", "rehabilitated.date",
        "rehabilitated.body", "rehabilitated.basis",
    ]

    var orderedFields: [(String, Int)] {
        let known = MemorialReport.fieldOrder.compactMap { name in fieldCounts[name].map { (name, $0) } }
        let other = fieldCounts.keys.filter { !MemorialReport.fieldOrder.contains($0) }.sorted().map { ($0, fieldCounts[$0]!) }
        return known + other
    }

    /// The report as text: notes, mean confidence, fields found per kind,
    /// notes that parsed poorly.
    public var text: String {
        var out = "memorial notes: \(notes) read, \(cases) case\(cases == 1 ? "" : "s")"
        if duplicates > 0 { out += ", \(duplicates) repeated word for word (skipped)" }
        out += String(format: ", mean confidence %.2f\n", meanConfidence)
        out += "fields found (in how many notes):\n"
        let width = max(12, orderedFields.map(\.0.count).max() ?? 0)
        for (name, count) in orderedFields {
            out += "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + " " + String(count) + "\n"
        }
        if poorCount == 0 {
            out += String(format: "no note parsed poorly (confidence below %.2f or a problem)\n", MemorialNote.poorConfidence)
        } else {
            out += String(format: "%d note%@ parsed poorly (confidence below %.2f or a problem):\n", poorCount,
                          poorCount == 1 ? "" : "s", MemorialNote.poorConfidence)
            for poor in poorlyParsed {
                out += String(format: "  %@:%d %@ (confidence %.2f)\n", poor.file, poor.line, poor.name, poor.confidence)
                for text in poor.unread { out += "    unread: \(text)\n" }
                for problem in poor.problems { out += "    problem: \(problem)\n" }
            }
            if poorCount > poorlyParsed.count { out += "  ... and \(poorCount - poorlyParsed.count) more\n" }
        }
        return out
    }

    public var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("notes", notes)
        writer.set("cases", cases)
        writer.set("duplicates", duplicates)
        writer.set("mean_confidence", (meanConfidence * 1000).rounded() / 1000)
        writer.set("fields", OrderedJSON.object(orderedFields.map { ($0.0, .number(Double($0.1))) }))
        writer.set("poorly_parsed_count", poorCount)
        writer.set("poorly_parsed", OrderedJSON.array(poorlyParsed.map { poor in
            var item = JSONObjectWriter()
            item.set("file", poor.file)
            item.set("line", poor.line)
            item.set("name", poor.name)
            item.set("confidence", poor.confidence)
            item.set("unread", OrderedJSON.array(poor.unread.map { .string($0) }))
            item.set("problems", OrderedJSON.array(poor.problems.map { .string($0) }))
            return item.json
        }))
        return writer.json
    }
}

extension MemorialNote {
    /// The version of the parser, stored with each parse: a re-import with
    /// a newer parser updates what an older one read.
    public static let parserVersion = 1

    /// The fields as `--report json` shows them: objects with the value,
    /// the offsets and the text they were read from.
    var fieldsJSON: OrderedJSON {
        .array(fields.map { field in
            var writer = JSONObjectWriter()
            writer.set("field", field.name)
            writer.set("value", field.value)
            if field.caseIndex > 0 { writer.set("case", field.caseIndex) }
            writer.set("start", field.span.start)
            writer.set("end", field.span.end)
            if field.inName { writer.set("in", "name") }
            writer.set("text", quote(field))
            return writer.json
        })
    }

    /// The fields as stored in `note_parse.fields` (see migration 0006):
    /// `[field, value, start, end]`, the value null when it is the quoted
    /// text itself, then the case index and `"name"` when needed.
    var storedFieldsJSON: OrderedJSON {
        .array(fields.map { field in
            let quoted = quote(field)
            var item: [OrderedJSON] = [.string(field.name), field.value == quoted ? .null : .string(field.value),
                                       .number(Double(field.span.start)), .number(Double(field.span.end))]
            if field.caseIndex > 0 || field.inName { item.append(.number(Double(field.caseIndex))) }
            if field.inName { item.append(.string("name")) }
            return .array(item)
        })
    }

    /// The whole parse of a note, with its records, as `--report json`
    /// shows it.
    public func json(entry: MemorialEntry, personRef: String, sourceKey: String?, docs: [CaseDoc]) -> OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("file", entry.file)
        writer.set("line", entry.line)
        writer.set("name", name)
        writer.set("note", note)
        writer.set("person_ref", personRef)
        writer.set("source_key", sourceKey)
        writer.set("confidence", confidence)
        writer.set("fields", fieldsJSON)
        writer.set("unread", OrderedJSON.array(unread.map { span in
            .object([("start", .number(Double(span.start))), ("end", .number(Double(span.end))), ("text", .string(text(span)))])
        }))
        writer.set("problems", OrderedJSON.array(problems.map { .string($0) }))
        writer.set("cases", OrderedJSON.array(docs.map(\.json)))
        return writer.json
    }
}

extension Archive {
    /// Imports Memorial-style notes (`--format memorial`): each note is
    /// parsed, its person, case(s), charges, outcome and events are written
    /// as a case document, the parse (fields with their spans, unread text,
    /// confidence) as a `note_parse` row, and the source as a source record
    /// cited by the person, the case and the outcome.
    func importMemorialNotes(_ input: ImportInput, options: ImportOptions,
                             report: inout ImportReport, log: inout ProblemLog) throws {
        var memorial = report.memorial ?? MemorialReport()
        defer { report.memorial = memorial }
        let reader = MemorialReader(input: input, encoding: options.memorial.encoding,
                                    ignoreUnknownColumns: options.ignoreUnknownColumns)
        var seen: [String: (line: Int, content: UInt64)] = [:]
        var sourceKeys: [String: String] = [:]
        try reader.read(log: &log) { entry, log in
            report.records += 1
            let note = MemorialNote.parse(name: entry.name, note: entry.note, defaultCode: defaultCode)
            var sourceKey: String?
            if let source = entry.source ?? note.value("source") {
                if let known = sourceKeys[source] {
                    sourceKey = known
                } else {
                    let key = try memorialSource(source, tally: &report.tally, write: log.isEmpty)
                    sourceKeys[source] = key
                    sourceKey = key
                }
            }
            let personRef = entry.ref ?? MemorialRefs.personRef(name: entry.name, birth: note.value("birth"),
                                                                birthplace: note.value("birthplace"), sourceKey: sourceKey)
            let content = MemorialRefs.fnv1a([entry.name, entry.note, entry.source ?? "", entry.ref ?? ""].joined(separator: "\u{1F}"))
            if let earlier = seen[personRef] {
                if earlier.content == content {
                    memorial.duplicates += 1
                    return
                }
                log.add(DataError(file: entry.file, line: entry.line, field: entry.ref == nil ? "name" : "ref",
                                  problem: "the note on line \(earlier.line) gives the same person ref \(personRef)"
                                    + (entry.ref == nil ? " (same name, birth, birthplace and source)" : ""),
                                  expected: entry.ref == nil
                                    ? "a ref for each of them (a ref column, or a Ref: line) to tell them apart, or one note"
                                    : "each ref once"))
                return
            }
            seen[personRef] = (entry.line, content)
            let docs = note.caseDocs(personRef: personRef, sourceKey: sourceKey)
            memorial.add(note, entry: entry)
            options.memorial.onNote?(memorial.notes, note.json(entry: entry, personRef: personRef, sourceKey: sourceKey, docs: docs))
            guard log.isEmpty else { return }
            for doc in docs {
                let caseID = try upsertCase(doc, tally: &report.tally)
                try upsertNoteParse(note, caseID: caseID, personRef: personRef, tally: &report.tally)
            }
            if report.records % 1000 == 0 {
                options.progress?(ImportProgress(file: input.path, records: report.records, bytesRead: 0, totalBytes: nil))
            }
        }
    }

    /// The key of a note's source: a source already in the archive by that
    /// key, else one made from the title (created when missing).
    func memorialSource(_ source: String, tally: inout WriteTally, write: Bool) throws -> String {
        if try sourceID(source) != nil { return source }
        let key = MemorialSources.key(forTitle: source)
        if try sourceID(key) == nil, write {
            var record = Source(key: key, type: MemorialSources.type(forTitle: source), title: source)
            record.language = "ru"
            try upsertSource(record, tally: &tally)
        }
        return key
    }

    /// Writes the parse of a note for the defendant of a case.
    func upsertNoteParse(_ note: MemorialNote, caseID: Int64, personRef: String, tally: inout WriteTally) throws {
        guard let row = try db.cached("""
            SELECT d.id FROM defendant d JOIN person p ON p.id = d.person_id
            WHERE d.proceeding_id = ? AND p.ref = ?
            """).fetchOne([caseID, personRef]), let defendantID = row[0].int64Value else {
            throw ArchiveError("the defendant of \(personRef) was not written")
        }
        let unread = OrderedJSON.array(note.unread.map { .array([.number(Double($0.start)), .number(Double($0.end))]) })
        let problems = OrderedJSON.array(note.problems.map { .string($0) })
        let values: [SQLBindable] = ["memorial", MemorialNote.parserVersion, note.confidence,
                                     note.storedFieldsJSON.serialized(), unread.serialized(), problems.serialized()]
        let (_, status) = try upsertRow(table: "note_parse", keyColumn: "defendant_id", key: String(defendantID),
                                        columns: ["format", "parser_version", "confidence", "fields", "unread", "problems"],
                                        values: values)
        tally.count("note parse", status)
    }
}
