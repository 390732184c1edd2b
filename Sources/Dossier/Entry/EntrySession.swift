import DossierDomain
import Foundation

/// The records `dossier new` and `dossier edit` open as a document.
public enum EntryKind: String, Sendable, CaseIterable {
    case `case`, person, source, figure
}

/// A record read from a document and ready to store.
public enum EntryRecord: Sendable, Hashable {
    case caseRecord(CaseDoc)
    case person(PersonDoc)
    case source(Source)
    case figure(PublishedFigure)

    public var kind: EntryKind {
        switch self {
        case .caseRecord: return .case
        case .person: return .person
        case .source: return .source
        case .figure: return .figure
        }
    }

    public var ref: String {
        switch self {
        case .caseRecord(let doc): return doc.ref
        case .person(let person): return person.ref
        case .source(let source): return source.key
        case .figure(let figure): return figure.ref
        }
    }
}

/// Something to look at before storing: a person who may already be in
/// the archive under another spelling.
public struct EntryHint: Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var field: String
    public var text: String
    /// The ref of the person it points to.
    public var existingRef: String

    public var description: String {
        (line.map { "line \($0): " } ?? "") + "\(field): \(text)"
    }
}

/// What checking a document found: the record when it is valid, else the
/// problems; and what the reader made of it (charges read, refs made).
public struct EntryCheck: Sendable {
    public var record: EntryRecord?
    public var errors: [DataError] = []
    public var hints: [EntryHint] = []
    /// How each charge was read: `58-1а → RSFSR-1926:58-1a`.
    public var readings: [String] = []
    /// Refs made from names, persons taken from the archive.
    public var notes: [String] = []

    public var isValid: Bool { record != nil && errors.isEmpty }
}

/// One record being entered or edited as a document: the text to open,
/// the checks to run on what comes back, and the write.
public final class EntrySession {
    public let archive: Archive
    public let kind: EntryKind
    /// The record as stored when editing; nil for a new one.
    public let original: EntryRecord?

    /// A session that enters a new record.
    public init(new kind: EntryKind, archive: Archive) {
        self.archive = archive
        self.kind = kind
        self.original = nil
    }

    /// A session that edits the case, person, source or published figure
    /// `ref` (looked up in that order, as `dossier show` does).
    /// - Throws: `NotFound` with close refs.
    public init(editing ref: String, archive: Archive) throws {
        self.archive = archive
        if let doc = try archive.loadCase(ref: ref) {
            kind = .case
            original = .caseRecord(doc)
        } else if let person = try archive.loadPerson(ref: ref) {
            kind = .person
            original = .person(person)
        } else if let source = try archive.loadSource(key: ref) {
            kind = .source
            original = .source(source)
        } else if let figure = try archive.loadFigure(ref: ref) {
            kind = .figure
            original = .figure(figure)
        } else {
            let all = try archive.db.fetchAll("""
                SELECT ref FROM proceeding UNION ALL SELECT ref FROM person UNION ALL SELECT key FROM source
                UNION ALL SELECT ref FROM figure
                """).compactMap { $0.string(0) }
            throw NotFound("no case, person, source or figure \(ref)", suggestions: Suggest.close(to: ref, in: all))
        }
    }

    /// The document to open: a template for a new record, the record with
    /// every field for an edit. Each field has a comment saying what it takes.
    public func document() throws -> String {
        switch original {
        case nil:
            switch kind {
            case .case: return EntryDocuments.caseText(nil, annotated: true, defaultCode: archive.defaultCode)
            case .person: return EntryDocuments.personText(nil, annotated: true)
            case .source: return EntryDocuments.sourceText(nil, annotated: true)
            case .figure: return EntryDocuments.figureText(nil, annotated: true)
            }
        case .caseRecord(let doc)?:
            let sources = try archive.sources(for: doc.citationKeys().map(\.1))
            return EntryDocuments.caseText(doc, annotated: true, sources: sources, defaultCode: archive.defaultCode)
        case .person(let person)?:
            let cases = try archive.casesOf(personRef: person.ref).map(\.ref)
            return EntryDocuments.personText(person, annotated: true, cases: cases,
                                             sources: try archive.sources(for: person.citations.map(\.sourceKey)))
        case .source(let source)?:
            return EntryDocuments.sourceText(source, annotated: true)
        case .figure(let figure)?:
            return EntryDocuments.figureText(figure, annotated: true, source: try archive.loadSource(key: figure.sourceKey))
        }
    }

    // MARK: Checking

    /// Checks a YAML document. Problems in the data are in the result's
    /// `errors`, each with its line; only a failing database throws.
    public func check(yaml text: String, file: String? = nil) throws -> EntryCheck {
        let tree: DocumentTree
        do { tree = try DocumentTree.read(yaml: text, file: file) } catch let error as DataError {
            return EntryCheck(errors: [error])
        }
        return try check(tree, file: file)
    }

    /// Checks a JSON document (`dossier add KIND --json`).
    public func check(json: JSONValue, file: String? = nil) throws -> EntryCheck {
        try check(DocumentTree(json: json), file: file)
    }

    func check(_ input: DocumentTree, file: String?) throws -> EntryCheck {
        let tree = input.normalized()
        var result = EntryCheck()
        guard case .map = tree.value, !tree.isBlank else {
            result.errors.append(DataError(file: file, line: tree.line, field: "(document)",
                                           problem: tree.isBlank ? "empty" : "not a block of fields",
                                           expected: "name: value lines, as `dossier new \(kind.rawValue)` shows"))
            return result
        }
        var lines: [String: Int] = [:]
        var json = tree.json(lines: &lines)
        var problems: [FieldError] = []
        var newPersons: [(path: String, person: JSONValue)] = []

        switch kind {
        case .case:
            try preparePersons(&json, notes: &result.notes, newPersons: &newPersons)
            let (doc, errors) = parseCase(json)
            problems += errors
            if let doc {
                problems += try refProblems(doc.ref, field: "case_ref", exists: archive.caseID(doc.ref) != nil)
                result.record = .caseRecord(doc)
                result.readings = readings(doc)
            }
        case .person:
            if case .object(var object) = json {
                if (object["person_ref"]?.stringValue ?? "").isEmpty, let name = object["name"]?.stringValue, original == nil {
                    var taken = Set<String>()
                    let ref = try newPersonRef(name: name, taken: &taken)
                    object["person_ref"] = .string(ref)
                    result.notes.append("person_ref: \(ref), made from the name")
                }
                json = .object(object)
            }
            do throws(FieldError) {
                result.record = .person(try PersonDoc(json: json))
            } catch { problems.append(error) }
            if let ref = result.record?.ref {
                problems += try refProblems(ref, field: "person_ref", exists: archive.personID(ref) != nil)
                if original == nil { newPersons.append(("", json)) }
            }
        case .source:
            do throws(FieldError) {
                var source = try Source(fields: json)
                if case .source(let stored)? = original { source.keepDetails(of: stored) }
                result.record = .source(source)
            } catch { problems.append(error) }
            if let key = result.record?.ref {
                problems += try refProblems(key, field: "key", exists: archive.sourceID(key) != nil)
            }
        case .figure:
            do throws(FieldError) {
                result.record = .figure(try PublishedFigure(json: json))
            } catch { problems.append(error) }
            if case .figure(let figure)? = result.record {
                problems += try refProblems(figure.ref, field: "figure_ref", exists: archive.loadFigure(ref: figure.ref) != nil)
                if try archive.sourceID(figure.sourceKey) == nil {
                    problems.append(FieldError(field: "source_key", problem: archive.unknownSource(figure.sourceKey)))
                }
            }
        }
        problems += try sourceKeyProblems(json)

        var seen = Set<String>()
        for problem in problems where seen.insert(problem.field + "\u{0}" + problem.problem.problem).inserted {
            result.errors.append(problem.at(file: file, line: DocumentTree.line(of: problem.field, in: lines)))
        }
        result.errors.sort { ($0.line ?? 0, $0.field ?? "") < ($1.line ?? 0, $1.field ?? "") }
        if !result.errors.isEmpty {
            result.record = nil
            return result
        }
        for (path, person) in newPersons {
            let name = path.isEmpty ? "name" : path + ".name"
            result.hints += try samePersonHints(person, path: path, line: DocumentTree.line(of: name, in: lines))
        }
        return result
    }

    /// The ref must be new for a new record, and unchanged in an edit.
    private func refProblems(_ ref: String, field: String, exists: Bool) -> [FieldError] {
        if let original {
            guard ref != original.ref else { return [] }
            return [FieldError(field: field, problem: FieldProblem(
                problem: "the ref cannot be changed here", expected: original.ref))]
        }
        guard exists else { return [] }
        return [FieldError(field: field, problem: FieldProblem(
            problem: "a \(kind.rawValue) with ref \(ref) already exists",
            expected: "a new ref; to change that \(kind.rawValue), run `dossier edit \(ref)`"))]
    }

    /// Reads a case, collecting a problem from each defendant and citation
    /// rather than stopping at the first.
    private func parseCase(_ json: JSONValue) -> (CaseDoc?, [FieldError]) {
        let defaultCode = archive.defaultCode
        do {
            return (try CaseDoc(json: json, defaultCode: defaultCode), [])
        } catch let first {
            var errors = [first]
            guard case .object(var object) = json else { return (nil, errors) }
            func note(_ error: FieldError) { if !errors.contains(error) { errors.append(error) } }
            if case .array(let defendants)? = object["defendants"] {
                for (index, value) in defendants.enumerated() {
                    do { _ = try DefendantDoc(json: value, path: "defendants[\(index)]", defaultCode: defaultCode) } catch {
                        note(error)
                    }
                }
            }
            if case .array(let citations)? = object["citations"] {
                for (index, value) in citations.enumerated() {
                    do { _ = try CitationDoc(json: value, path: "citations[\(index)]") } catch { note(error) }
                }
            }
            object["defendants"] = nil
            object["citations"] = nil
            do { _ = try CaseDoc(json: .object(object), defaultCode: defaultCode) } catch { note(error) }
            return (nil, errors)
        }
    }

    /// Every `citations[i].source_key` in the document that names no
    /// source, with close keys.
    private func sourceKeyProblems(_ json: JSONValue, path: String = "") throws -> [FieldError] {
        var problems: [FieldError] = []
        switch json {
        case .object(let object):
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if key == "citations", case .array(let items)? = object[key] {
                    for (index, item) in items.enumerated() {
                        guard case .object(let citation) = item, let sourceKey = citation["source_key"]?.stringValue,
                              !sourceKey.isEmpty, try archive.sourceID(sourceKey) == nil else { continue }
                        problems.append(FieldError(field: "\(child)[\(index)].source_key", problem: archive.unknownSource(sourceKey)))
                    }
                } else {
                    problems += try sourceKeyProblems(object[key]!, path: child)
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() { problems += try sourceKeyProblems(item, path: "\(path)[\(index)]") }
        default:
            break
        }
        return problems
    }

    /// How each charge text was read, once per text.
    private func readings(_ doc: CaseDoc) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for defendant in doc.defendants {
            for charge in defendant.charges where seen.insert(charge.text).inserted {
                let refs = defendant.charges.filter { $0.text == charge.text }.map(\.ref)
                result.append("\(charge.text) → \(refs.joined(separator: ", "))")
            }
        }
        return result
    }

    // MARK: Persons in a case

    /// The refs of the persons the original document showed (an edit
    /// stores their blocks as written).
    private var originalPersonRefs: Set<String> {
        guard case .caseRecord(let doc)? = original else { return [] }
        return Set(doc.defendants.map(\.person.ref))
    }

    /// Makes refs for defendants given by name only, fills in persons given
    /// by the ref of a person already in the archive, and lists the new ones.
    private func preparePersons(_ json: inout JSONValue, notes: inout [String],
                                newPersons: inout [(path: String, person: JSONValue)]) throws {
        guard case .object(var top) = json, case .array(var defendants)? = top["defendants"] else { return }
        var taken = Set<String>()
        for (index, value) in defendants.enumerated() {
            guard case .object(var defendant) = value, case .object(var person)? = defendant["person"] else { continue }
            let path = "defendants[\(index)].person"
            if let ref = person["person_ref"]?.stringValue, !ref.isEmpty {
                taken.insert(ref)
            }
            var ref = person["person_ref"]?.stringValue ?? ""
            if ref.isEmpty, let name = person["name"]?.stringValue, !name.isEmpty {
                ref = try newPersonRef(name: name, taken: &taken)
                person["person_ref"] = .string(ref)
                notes.append("\(path).person_ref: \(ref), made from the name")
            }
            guard !ref.isEmpty else { continue }
            if let stored = try archive.loadPerson(ref: ref) {
                if !originalPersonRefs.contains(ref) {
                    let (merged, added) = stored.merging(person)
                    person = merged
                    notes.append("\(path): \(ref) (\(stored.name)) is in the archive; the case uses that person"
                                 + (added.isEmpty ? "" : ", adding " + added.joined(separator: ", ")))
                }
            } else {
                newPersons.append((path, .object(person)))
            }
            defendant["person"] = .object(person)
            defendants[index] = .object(defendant)
        }
        top["defendants"] = .array(defendants)
        json = .object(top)
    }

    /// A new person ref from a name: `p-` and the folded surname, then the
    /// initials (`Тухачевский Михаил Николаевич` → `p-tuhacevskij-m-n`),
    /// with `-2`, `-3`, ... when taken.
    func newPersonRef(name: String, taken: inout Set<String>) throws -> String {
        let words = NameKeys.folded(name).lowercased()
            .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
        var base = "p-" + (words.first ?? "person")
        for word in words.dropFirst() { base += "-" + word.prefix(1) }
        var ref = base
        var number = 2
        while try taken.contains(ref) || archive.personID(ref) != nil {
            ref = "\(base)-\(number)"
            number += 1
        }
        taken.insert(ref)
        return ref
    }

    /// Persons already in the archive whose names match the new person's
    /// (in any script or spelling), unless their birth dates cannot agree.
    private func samePersonHints(_ json: JSONValue, path: String, line: Int?) throws -> [EntryHint] {
        guard case .object(let person) = json, let name = person["name"]?.stringValue else { return [] }
        let ref = person["person_ref"]?.stringValue ?? ""
        var names = [name]
        if case .array(let variants)? = person["name_variants"] { names += variants.compactMap(\.stringValue) }
        let birth = person["birth"]?.stringValue.flatMap { try? EDTFDate.parse($0) }
        var best: [Int64: (typed: String, hit: NameHit)] = [:]
        for typed in names {
            for hit in try archive.nameHits(typed, maxCandidates: 5_000) where hit.match.score >= 0.3 {
                if let current = best[hit.personID], current.hit.match.score >= hit.match.score { continue }
                best[hit.personID] = (typed, hit)
            }
        }
        var hints: [EntryHint] = []
        let ranked = best.values.sorted { ($0.hit.match.score, $1.hit.personID) > ($1.hit.match.score, $0.hit.personID) }
        for (typed, hit) in ranked {
            guard let row = try archive.db.cached(
                "SELECT ref, birth, birth_lower, birth_upper FROM person WHERE id = ?").fetchOne([hit.personID]),
                let otherRef = row.string(0), otherRef != ref else { continue }
            if let birth, let lower = row[2].int64Value, let upper = row[3].int64Value,
               Int64(birth.upper ?? Int.max) < lower || Int64(birth.lower ?? Int.min) > upper { continue }
            guard let other = try archive.loadPerson(ref: otherRef) else { continue }
            var details: [String] = []
            if let born = row.string(1) { details.append("born \(born)") }
            let cases = try archive.casesOf(personRef: otherRef).map(\.ref)
            if !cases.isEmpty {
                details.append("defendant in " + cases.prefix(3).joined(separator: ", ") + (cases.count > 3 ? ", ..." : ""))
            }
            if hit.matchedName != other.name { details.insert("also written \(hit.matchedName)", at: 0) }
            let text = "\"\(typed)\": this may be the same person as \(otherRef) \(other.name)"
                + (details.isEmpty ? "" : " (\(details.joined(separator: "; ")))")
                + ": \(EntrySession.describe(hit.match.reason)). To use that person, set person_ref: \(otherRef)"
            hints.append(EntryHint(line: line, field: path.isEmpty ? "name" : path, text: text, existingRef: otherRef))
            if hints.count == 3 { break }
        }
        return hints
    }

    static func describe(_ reason: NameMatchReason) -> String {
        switch reason {
        case .exact: return "the same name"
        case .sameScript: return "the same surname, and no given name that differs"
        case .transliteration: return "the same name in another spelling or script"
        case .phonetic: return "a name that sounds the same"
        case .typo: return "a name one or two letters apart"
        }
    }

    // MARK: Saving

    /// What a save did, for the confirmation.
    public struct Saved: Sendable {
        public var record: EntryRecord
        public var tally: WriteTally
        public var message: String
    }

    /// Stores a checked record in one change. An edit refuses when the
    /// record changed in the archive since the document was opened.
    /// - Throws: `ArchiveError` (changed meanwhile), `DataError`, `SQLiteError`.
    public func save(_ record: EntryRecord) throws -> Saved {
        let verb = original == nil ? "new" : "edit"
        let command = "\(verb) \(record.kind.rawValue) \(record.ref)"
        let tally = try archive.change(command: command) { () throws -> WriteTally in
            if let original {
                guard try stored(original.kind, ref: original.ref) == original else {
                    throw ArchiveError("\(original.ref) was changed by another command while you were editing it; nothing saved")
                }
            } else if try stored(record.kind, ref: record.ref) != nil {
                throw ArchiveError("a \(record.kind.rawValue) with ref \(record.ref) was added meanwhile; nothing saved")
            }
            var tally = WriteTally()
            switch record {
            case .caseRecord(let doc): try archive.upsertCase(doc, complete: true, tally: &tally)
            case .person(let person): try archive.upsertPerson(person, tally: &tally)
            case .source(let source): try archive.upsertSource(source, tally: &tally)
            case .figure(let figure): try archive.upsertFigure(figure, tally: &tally)
            }
            return tally
        }
        let what = "\(record.kind.rawValue) \(record.ref)"
        let message: String
        if !tally.changedAnything {
            message = "no changes to \(what)"
        } else if original == nil {
            message = "created \(what) (\(tally.summary))"
        } else {
            message = "saved \(what) (\(tally.summary))"
        }
        return Saved(record: record, tally: tally, message: message)
    }

    private func stored(_ kind: EntryKind, ref: String) throws -> EntryRecord? {
        switch kind {
        case .case: return try archive.loadCase(ref: ref).map(EntryRecord.caseRecord)
        case .person: return try archive.loadPerson(ref: ref).map(EntryRecord.person)
        case .source: return try archive.loadSource(key: ref).map(EntryRecord.source)
        case .figure: return try archive.loadFigure(ref: ref).map(EntryRecord.figure)
        }
    }
}

extension PersonDoc {
    /// This stored person with the fields of a document's person block:
    /// values given replace stored ones, a new name becomes a variant, new
    /// variants and citations are added.
    /// - Returns: the merged block, and what was added (for the note).
    func merging(_ given: [String: JSONValue]) -> ([String: JSONValue], [String]) {
        guard case .object(var object) = JSONValue(ordered: json) else { return (given, []) }
        var variants = nameVariants
        var added: [String] = []
        func addName(_ text: String) {
            guard !text.isEmpty, text != name, !variants.contains(text) else { return }
            variants.append(text)
            added.append("the spelling \"\(text)\"")
        }
        for (key, value) in given.sorted(by: { $0.key < $1.key }) where value != .null {
            switch key {
            case "person_ref": continue
            case "name": addName(value.stringValue ?? "")
            case "name_variants":
                if case .array(let items) = value { items.compactMap(\.stringValue).forEach(addName) }
            case "citations":
                guard case .array(let items) = value else { object[key] = value; continue }
                var current: [JSONValue] = []
                if case .array(let existing)? = object[key] { current = existing }
                for item in items where !current.contains(item) {
                    current.append(item)
                    added.append("a citation")
                }
                object[key] = .array(current)
            default:
                if value.stringValue?.isEmpty == true { continue }
                if object[key] != value { added.append(key) }
                object[key] = value
            }
        }
        object["name_variants"] = variants.isEmpty ? nil : .array(variants.map { .string($0) })
        return (object, added)
    }
}

extension Source {
    /// Keeps what the document form cannot show of the stored source: its
    /// extra CSL variables, and name particles where the name text is
    /// unchanged.
    mutating func keepDetails(of stored: Source) {
        extra = stored.extra
        func keep(_ names: [SourceName], _ old: [SourceName]) -> [SourceName] {
            names.map { name in old.first { $0.entryText == name.entryText || SourceName.parse($0.entryText) == name } ?? name }
        }
        authors = keep(authors, stored.authors)
        editors = keep(editors, stored.editors)
        translators = keep(translators, stored.translators)
    }
}

extension JSONValue {
    init(ordered: OrderedJSON) {
        switch ordered {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONValue.init(ordered:)))
        case .object(let pairs):
            var object: [String: JSONValue] = [:]
            for (key, value) in pairs { object[key] = JSONValue(ordered: value) }
            self = .object(object)
        }
    }
}
