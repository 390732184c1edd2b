import DossierStorage
import DossierDomain
import Foundation

/// The kinds of record `dossier add` enters.
public enum RecordKind: String, Sendable, CaseIterable {
    case person, `case`, defendant, event, source, citation
}

/// What `add` did.
public struct AddResult: Sendable {
    public var kind: RecordKind
    /// The ref or key of the record (for a defendant: "CASE / PERSON").
    public var ref: String
    public var message: String
}

extension Archive {
    /// Enters one record from an object whose keys are the `add` flag names
    /// with underscores (the shape of `dossier add KIND --json`).
    /// - Throws: `DataError` (bad data, exit 65) naming the field.
    public func add(_ kind: RecordKind, _ json: JSONValue, file: String? = nil) throws -> AddResult {
        do {
            return try change(command: "add \(kind.rawValue)") {
                switch kind {
                case .person: return try addPerson(json)
                case .case: return try addCase(json)
                case .defendant: return try addDefendant(json)
                case .event: return try addEvent(json)
                case .source: return try addSource(json)
                case .citation: return try addCitation(json)
                }
            }
        } catch let error as FieldError {
            throw error.at(file: file, line: nil)
        }
    }

    private func problem(_ field: String, _ text: String, _ expected: String? = nil) -> FieldError {
        FieldError(field: field, problem: FieldProblem(problem: text, expected: expected))
    }

    private func addPerson(_ json: JSONValue) throws -> AddResult {
        var reader = try JSONObjectReader(json, path: "")
        let ref = try reader.required("ref")
        var person = PersonDoc(ref: ref, name: try reader.required("name"))
        person.nameVariants = try reader.strings("name_variant").filter { $0 != person.name }
        try person.readFlags(from: &reader)
        try reader.rejectUnknown()
        if try personID(ref) != nil {
            throw problem("ref", "a person with ref \(ref) already exists", "a new ref (use `dossier edit \(ref)` to change it)")
        }
        var tally = WriteTally()
        try upsertPerson(person, tally: &tally)
        return AddResult(kind: .person, ref: ref, message: "added person \(ref) (\(person.name))")
    }

    private func addCase(_ json: JSONValue) throws -> AddResult {
        var reader = try JSONObjectReader(json, path: "")
        let ref = try reader.required("ref")
        var doc = CaseDoc(ref: ref, bodyKind: .other, category: .unknown)
        try doc.readFlags(from: &reader)
        // A document may leave the category out (it is then unknown); a
        // case entered by hand says it.
        if case .string(let text)? = reader.object["category"], !text.isEmpty {} else {
            throw problem("category", "missing", "one of " + Category.allowed.joined(separator: ", "))
        }
        try reader.rejectUnknown()
        if try caseID(ref) != nil {
            throw problem("ref", "a case with ref \(ref) already exists", "a new ref (use `dossier edit \(ref)` to change it)")
        }
        var tally = WriteTally()
        try upsertCase(doc, complete: false, tally: &tally)
        return AddResult(kind: .case, ref: ref, message: "added case \(ref)")
    }

    private func resolveCase(_ ref: String, field: String = "case") throws -> Int64 {
        guard let id = try caseID(ref) else {
            let close = Suggest.close(to: ref, in: try caseRefs())
            throw problem(field, "no case with ref \(ref)" + (close.isEmpty ? "" : "; did you mean " + close.joined(separator: ", ") + "?"),
                          "the ref of an existing case")
        }
        return id
    }

    private func resolvePerson(_ ref: String, field: String = "person") throws -> PersonDoc {
        guard let person = try loadPerson(ref: ref) else {
            let refs = try db.fetchAll("SELECT ref FROM person").compactMap { $0.string(0) }
            let close = Suggest.close(to: ref, in: refs)
            throw problem(field, "no person with ref \(ref)" + (close.isEmpty ? "" : "; did you mean " + close.joined(separator: ", ") + "?"),
                          "the ref of an existing person (add one with `dossier add person`)")
        }
        return person
    }

    private func defendantID(caseID: Int64, personRef: String) throws -> Int64? {
        try db.fetchOne("""
            SELECT d.id FROM defendant d JOIN person p ON p.id = d.person_id
            WHERE d.proceeding_id = ? AND p.ref = ?
            """, [caseID, personRef])?[0].int64Value
    }

    private func addDefendant(_ json: JSONValue) throws -> AddResult {
        var reader = try JSONObjectReader(json, path: "")
        let caseRef = try reader.required("case")
        let personRef = try reader.required("person")
        let chargeTexts = try reader.strings("charge")
        var charges: [ChargeDoc] = []
        for text in chargeTexts {
            do {
                charges += try ChargeParser.parse(text, defaultCode: defaultCode)
                    .map { ChargeDoc(text: text, ref: $0.ref, kind: $0.kind) }
            } catch let error as ChargeError {
                throw problem("charge", error.problem)
            }
        }
        var fields = DefendantDoc(person: PersonDoc(ref: personRef, name: ""))
        try fields.readFlags(from: &reader)
        try reader.rejectUnknown()
        let caseID = try resolveCase(caseRef)
        var doc = fields
        doc.person = try resolvePerson(personRef)
        if try defendantID(caseID: caseID, personRef: personRef) != nil {
            throw problem("person", "\(personRef) is already a defendant in case \(caseRef)", "a person not yet in this case")
        }
        doc.charges = charges
        let position = try db.scalar("SELECT count(*) FROM defendant WHERE proceeding_id = ?", [caseID]).intValue ?? 0
        var tally = WriteTally()
        try upsertDefendant(doc, caseID: caseID, position: position, tally: &tally)
        let normal = charges.map(\.ref).joined(separator: ", ")
        return AddResult(kind: .defendant, ref: "\(caseRef) / \(personRef)",
                         message: "added \(personRef) to case \(caseRef)" + (normal.isEmpty ? "" : " (charges: \(normal))"))
    }

    private func addEvent(_ json: JSONValue) throws -> AddResult {
        var reader = try JSONObjectReader(json, path: "")
        let caseRef = try reader.required("case")
        let personRef = try reader.required("person")
        var event = EventDoc(kind: .arrested)
        try event.readFlags(from: &reader)
        try reader.rejectUnknown()
        let caseID = try resolveCase(caseRef)
        _ = try resolvePerson(personRef)
        guard let defendantID = try defendantID(caseID: caseID, personRef: personRef) else {
            throw problem("person", "\(personRef) is not a defendant in case \(caseRef)", "add them first with `dossier add defendant`")
        }
        let position = try db.scalar("SELECT count(*) FROM event WHERE defendant_id = ?", [defendantID]).intValue ?? 0
        let columns = EventDoc.storedColumns
        try db.execute("""
            INSERT INTO event (defendant_id, position, \(columns.joined(separator: ", ")))
            VALUES (?, ?\(String(repeating: ", ?", count: columns.count)))
            """, [defendantID, position] + (try event.storedValues()))
        return AddResult(kind: .event, ref: "\(caseRef) / \(personRef)",
                         message: "added event \(event.kind.rawValue)\(event.date.map { " (\($0))" } ?? "") for \(personRef) in case \(caseRef)")
    }

    private func addSource(_ json: JSONValue) throws -> AddResult {
        let source = try Source(fields: json)
        let key = source.key
        if try sourceID(key) != nil {
            throw problem("key", "a source with key \(key) already exists", "a new citation key")
        }
        var tally = WriteTally()
        try upsertSource(source, tally: &tally)
        return AddResult(kind: .source, ref: key, message: "added source \(key)")
    }

    private func addCitation(_ json: JSONValue) throws -> AddResult {
        var reader = try JSONObjectReader(json, path: "")
        let key = try reader.required("source")
        let personRef = try reader.string("person")
        let caseRef = try reader.string("case")
        var citation = CitationDoc(sourceKey: key)
        try citation.readFlags(from: &reader)
        try reader.rejectUnknown()
        guard let sourceID = try sourceID(key) else {
            let problem = unknownSource(key)
            throw FieldError(field: "source", problem: problem)
        }
        let column: String
        let targetID: Int64
        let target: String
        switch (caseRef, personRef) {
        case (let caseRef?, let personRef?):
            let caseID = try resolveCase(caseRef)
            _ = try resolvePerson(personRef)
            guard let id = try defendantID(caseID: caseID, personRef: personRef) else {
                throw problem("person", "\(personRef) is not a defendant in case \(caseRef)", "a defendant of that case")
            }
            (column, targetID, target) = ("defendant_id", id, "\(personRef) in case \(caseRef)")
        case (let caseRef?, nil):
            (column, targetID, target) = ("proceeding_id", try resolveCase(caseRef), "case \(caseRef)")
        case (nil, let personRef?):
            _ = try resolvePerson(personRef)
            (column, targetID, target) = ("person_id", try personID(personRef) ?? 0, "person \(personRef)")
        case (nil, nil):
            throw problem("person", "missing: a citation needs --person, --case, or both", "--person R, --case R, or --case R --person R")
        }
        let position = try db.scalar("SELECT count(*) FROM citation WHERE \(column) = ?", [targetID]).intValue ?? 0
        try db.execute("""
            INSERT INTO citation (source_id, \(column), position, locator, confidence, quote, note)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [sourceID, targetID, position, citation.locator, citation.confidence.rawValue, citation.quote, citation.note])
        return AddResult(kind: .citation, ref: key, message: "cited \(key)\(citation.locator.map { ", \($0)" } ?? "") for \(target)")
    }
}

extension Source {
    /// Reads a source from an object whose keys are the `add source` flag
    /// names with underscores (`author` a list of "Family, Given").
    /// - Throws: `FieldError` naming the field.
    init(fields json: JSONValue) throws(FieldError) {
        var reader = try JSONObjectReader(json, path: "")
        self.init(key: try reader.required("key"), type: try reader.required("type"), title: try reader.required("title"))
        func names(_ field: String) throws(FieldError) -> [SourceName] {
            try reader.strings(field).map { SourceName.parse($0) }
        }
        translatedTitle = try reader.string("translated_title")
        authors = try names("author")
        editors = try names("editor")
        translators = try names("translator")
        containerTitle = try reader.string("container_title")
        collectionTitle = try reader.string("collection_title")
        volume = try reader.string("volume")
        issue = try reader.string("issue")
        page = try reader.string("page")
        edition = try reader.string("edition")
        publisher = try reader.string("publisher")
        publisherPlace = try reader.string("publisher_place")
        issued = try reader.date("issued")
        url = try reader.string("url")
        doi = try reader.string("doi")
        accessed = try reader.date("accessed")
        archive = try reader.string("archive")
        archiveLocation = try reader.string("archive_location")
        archivePlace = try reader.string("archive_place")
        language = try reader.string("language")
        note = try reader.string("note")
        try reader.rejectUnknown()
        if !SourceTypes.known.contains(type) {
            let near = Suggest.nearest(to: type, in: SourceTypes.known)
            throw FieldError(field: "type", problem: FieldProblem(
                problem: "unknown source type \"\(type)\"" + (near.map { "; did you mean \($0)?" } ?? ""),
                expected: "a CSL type such as " + SourceTypes.common.joined(separator: ", ")))
        }
    }
}

extension SourceName {
    /// Reads "Family, Given", "Given Family" or "{Literal Name}" /
    /// "=Literal Name" (an institution, kept whole).
    public static func parse(_ text: String) -> SourceName {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{"), trimmed.hasSuffix("}") {
            return SourceName(literal: String(trimmed.dropFirst().dropLast()))
        }
        if trimmed.hasPrefix("=") { return SourceName(literal: String(trimmed.dropFirst())) }
        if let comma = trimmed.firstIndex(of: ",") {
            let family = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
            let given = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            return SourceName(family: family, given: given.isEmpty ? nil : given)
        }
        let words = trimmed.split(separator: " ")
        if words.count <= 1 { return SourceName(literal: trimmed) }
        return SourceName(family: String(words.last!), given: words.dropLast().joined(separator: " "))
    }
}

/// CSL item types.
public enum SourceTypes {
    public static let known = [
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
        "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
        "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
        "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
        "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
        "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
        "standard", "thesis", "treaty", "webpage",
    ]
    public static let common = ["book", "chapter", "article-journal", "article-newspaper", "webpage",
                                "legal_case", "manuscript", "dataset", "collection"]
}
