import Foundation

/// A source cited for a record, with where in it and how sure we are.
public struct CitationDoc: Sendable, Hashable {
    public var sourceKey: String
    public var locator: String?
    public var confidence: Confidence = .unverified
    public var quote: String?
    public var note: String?

    public init(sourceKey: String, locator: String? = nil, confidence: Confidence = .unverified,
                quote: String? = nil, note: String? = nil) {
        self.sourceKey = sourceKey
        self.locator = locator
        self.confidence = confidence
        self.quote = quote
        self.note = note
    }
}

public struct PersonDoc: Sendable, Hashable {
    public var ref: String
    public var name: String
    public var nameVariants: [String] = []
    public var sex: Sex?
    public var birth: String?
    public var death: String?
    public var birthplace: String?
    public var occupation: String?
    public var notes: String?
    public var citations: [CitationDoc] = []

    public init(ref: String, name: String) {
        self.ref = ref
        self.name = name
    }
}

public struct ChargeDoc: Sendable, Hashable {
    /// The charge as written.
    public var text: String
    /// The normal form (`RSFSR-1926:58-10`).
    public var ref: String
    public var kind: ParsedCharge.Kind
    public var description: String?

    public init(text: String, ref: String, kind: ParsedCharge.Kind, description: String? = nil) {
        self.text = text
        self.ref = ref
        self.kind = kind
        self.description = description
    }
}

public struct EventDoc: Sendable, Hashable {
    public var kind: EventKind
    public var date: String?
    public var body: String?
    public var notes: String?
    public var citations: [CitationDoc] = []

    public init(kind: EventKind, date: String? = nil) {
        self.kind = kind
        self.date = date
    }
}

public struct DefendantDoc: Sendable, Hashable {
    public var person: PersonDoc
    public var charges: [ChargeDoc] = []
    public var chargeText: String?
    public var outcome: Outcome = .unknown
    public var outcomeText: String?
    public var outcomeSubcategory: String?
    public var sentence: String?
    public var sentenceKind: SentenceKind?
    public var termYears: Double?
    public var chargeReduced = false
    public var outcomeDate: String?
    public var notes: String?
    public var events: [EventDoc] = []
    public var citations: [CitationDoc] = []

    public init(person: PersonDoc) {
        self.person = person
    }
}

/// A whole case: the proceeding, its defendants, their charges, outcomes
/// and events, and every citation. One line of the JSON Lines format.
public struct CaseDoc: Sendable, Hashable {
    public var ref: String
    public var title: String?
    public var body: String?
    public var bodyKind: BodyKind
    public var category: Category
    public var place: String?
    public var trialDate: String?
    public var notes: String?
    public var citations: [CitationDoc] = []
    public var defendants: [DefendantDoc] = []

    public init(ref: String, bodyKind: BodyKind, category: Category) {
        self.ref = ref
        self.bodyKind = bodyKind
        self.category = category
    }
}

// MARK: - Reading from JSON

extension CitationDoc {
    package init(json: JSONValue, path: String) throws(FieldError) {
        var reader = try JSONObjectReader(json, path: path)
        sourceKey = try reader.required("source_key")
        locator = try reader.string("locator")
        confidence = try reader.vocabulary("confidence", Confidence.self) ?? .unverified
        quote = try reader.string("quote")
        note = try reader.string("note")
        try reader.rejectUnknown()
    }

    package static func list(_ values: [JSONValue], path: String) throws(FieldError) -> [CitationDoc] {
        var result: [CitationDoc] = []
        for (index, value) in values.enumerated() {
            result.append(try CitationDoc(json: value, path: "\(path)[\(index)]"))
        }
        return result
    }
}

extension PersonDoc {
    public init(json: JSONValue, path: String = "") throws(FieldError) {
        var reader = try JSONObjectReader(json, path: path)
        ref = try reader.required("person_ref")
        name = try reader.required("name")
        nameVariants = try reader.strings("name_variants").filter { $0 != name }
        sex = try reader.vocabulary("sex", Sex.self)
        birth = try reader.date("birth")
        death = try reader.date("death")
        birthplace = try reader.string("birthplace")
        occupation = try reader.string("occupation")
        notes = try reader.string("notes")
        citations = try CitationDoc.list(reader.array("citations"), path: reader.fieldPath("citations"))
        try reader.rejectUnknown()
    }
}

extension ChargeDoc {
    /// Reads one charge object; a compressed list (`58-6-7-8`) gives several.
    package static func list(json: JSONValue, path: String, defaultCode: String) throws(FieldError) -> [ChargeDoc] {
        var reader = try JSONObjectReader(json, path: path)
        let text = try reader.required("text")
        let ref = try reader.string("ref")
        let kindText = try reader.string("kind")
        let description = try reader.string("description")
        try reader.rejectUnknown()
        if let ref {
            // An export names the normal form: keep it as it was stored.
            var kind = ParsedCharge.Kind.statute
            if let kindText {
                guard let parsed = ParsedCharge.Kind(rawValue: kindText) else {
                    throw FieldError(field: reader.fieldPath("kind"), problem: FieldProblem(
                        problem: "unknown charge kind \"\(kindText)\"", expected: "statute, category or decree"))
                }
                kind = parsed
            }
            return [ChargeDoc(text: text, ref: ref, kind: kind, description: description)]
        }
        let parsed: [ParsedCharge]
        do { parsed = try ChargeParser.parse(text, defaultCode: defaultCode) } catch let error as ChargeError {
            throw FieldError(field: reader.fieldPath("text"), problem: FieldProblem(problem: error.problem))
        } catch {
            throw FieldError(field: reader.fieldPath("text"), problem: FieldProblem(problem: "\(error)"))
        }
        return parsed.map { ChargeDoc(text: text, ref: $0.ref, kind: $0.kind, description: description) }
    }
}

extension EventDoc {
    package init(json: JSONValue, path: String) throws(FieldError) {
        var reader = try JSONObjectReader(json, path: path)
        guard let kind = try reader.vocabulary("kind", EventKind.self) else {
            throw FieldError(field: reader.fieldPath("kind"), problem: FieldProblem(
                problem: "missing", expected: "one of " + EventKind.allowed.joined(separator: ", ")))
        }
        self.kind = kind
        date = try reader.date("date")
        body = try reader.string("body")
        notes = try reader.string("notes")
        citations = try CitationDoc.list(reader.array("citations"), path: reader.fieldPath("citations"))
        try reader.rejectUnknown()
    }
}

extension DefendantDoc {
    package init(json: JSONValue, path: String, defaultCode: String) throws(FieldError) {
        var reader = try JSONObjectReader(json, path: path)
        guard let personJSON = reader.value("person") else {
            throw FieldError(field: reader.fieldPath("person"), problem: FieldProblem(problem: "missing", expected: "a person object"))
        }
        person = try PersonDoc(json: personJSON, path: reader.fieldPath("person"))
        for (index, value) in try reader.array("charges").enumerated() {
            charges += try ChargeDoc.list(json: value, path: "\(reader.fieldPath("charges"))[\(index)]", defaultCode: defaultCode)
        }
        chargeText = try reader.string("charge_text")
        outcome = try reader.vocabulary("outcome", Outcome.self) ?? .unknown
        outcomeText = try reader.string("outcome_text")
        outcomeSubcategory = try reader.string("outcome_subcategory")
        sentence = try reader.string("sentence")
        sentenceKind = try reader.vocabulary("sentence_kind", SentenceKind.self)
        termYears = try reader.number("term_years")
        if let termYears, termYears < 0 || termYears > 100 {
            throw FieldError(field: reader.fieldPath("term_years"), problem: FieldProblem(
                problem: "\(termYears) is not a term", expected: "a number of years from 0 to 100"))
        }
        chargeReduced = try reader.bool("charge_reduced") ?? false
        outcomeDate = try reader.date("outcome_date")
        notes = try reader.string("notes")
        for (index, value) in try reader.array("events").enumerated() {
            events.append(try EventDoc(json: value, path: "\(reader.fieldPath("events"))[\(index)]"))
        }
        citations = try CitationDoc.list(reader.array("citations"), path: reader.fieldPath("citations"))
        try reader.rejectUnknown()
    }
}

extension CaseDoc {
    /// Reads a case document (one JSON Lines line).
    public init(json: JSONValue, defaultCode: String = ChargeParser.defaultCode) throws(FieldError) {
        var reader = try JSONObjectReader(json, path: "")
        ref = try reader.required("case_ref")
        title = try reader.string("title")
        body = try reader.string("body")
        guard let bodyKind = try reader.vocabulary("body_kind", BodyKind.self) else {
            throw FieldError(field: "body_kind", problem: FieldProblem(problem: "missing", expected: "one of " + BodyKind.allowed.joined(separator: ", ")))
        }
        self.bodyKind = bodyKind
        category = try reader.vocabulary("category", Category.self) ?? .unknown
        place = try reader.string("place")
        trialDate = try reader.date("trial_date")
        notes = try reader.string("notes")
        citations = try CitationDoc.list(reader.array("citations"), path: "citations")
        var seen = Set<String>()
        for (index, value) in try reader.array("defendants").enumerated() {
            let defendant = try DefendantDoc(json: value, path: "defendants[\(index)]", defaultCode: defaultCode)
            if !seen.insert(defendant.person.ref).inserted {
                throw FieldError(field: "defendants[\(index)].person.person_ref", problem: FieldProblem(
                    problem: "\(defendant.person.ref) is already a defendant in this case", expected: "each person once per case"))
            }
            defendants.append(defendant)
        }
        try reader.rejectUnknown()
    }
}

// MARK: - Writing JSON

extension CitationDoc {
    package var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("source_key", sourceKey)
        writer.set("locator", locator)
        writer.set("confidence", confidence.rawValue)
        writer.set("quote", quote)
        writer.set("note", note)
        return writer.json
    }
}

private func citationsJSON(_ citations: [CitationDoc]) -> OrderedJSON? {
    citations.isEmpty ? nil : .array(citations.map(\.json))
}

extension PersonDoc {
    public var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("person_ref", ref)
        writer.set("name", name)
        writer.set("name_variants", nameVariants.isEmpty ? nil : OrderedJSON.array(nameVariants.map { .string($0) }))
        writer.set("sex", sex?.rawValue)
        writer.set("birth", birth)
        writer.set("death", death)
        writer.set("birthplace", birthplace)
        writer.set("occupation", occupation)
        writer.set("notes", notes)
        writer.set("citations", citationsJSON(citations))
        return writer.json
    }
}

extension ChargeDoc {
    package var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("text", text)
        writer.set("ref", ref)
        writer.set("kind", kind.rawValue)
        writer.set("description", description)
        return writer.json
    }
}

extension EventDoc {
    package var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("kind", kind.rawValue)
        writer.set("date", date)
        writer.set("body", body)
        writer.set("notes", notes)
        writer.set("citations", citationsJSON(citations))
        return writer.json
    }
}

extension DefendantDoc {
    package var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("person", person.json)
        writer.set("charges", charges.isEmpty ? nil : OrderedJSON.array(charges.map(\.json)))
        writer.set("charge_text", chargeText)
        writer.set("outcome", outcome.rawValue)
        writer.set("outcome_text", outcomeText)
        writer.set("outcome_subcategory", outcomeSubcategory)
        writer.set("sentence", sentence)
        writer.set("sentence_kind", sentenceKind?.rawValue)
        writer.set("term_years", termYears)
        writer.set("charge_reduced", chargeReduced)
        writer.set("outcome_date", outcomeDate)
        writer.set("notes", notes)
        writer.set("events", events.isEmpty ? nil : OrderedJSON.array(events.map(\.json)))
        writer.set("citations", citationsJSON(citations))
        return writer.json
    }
}

extension CaseDoc {
    public var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("case_ref", ref)
        writer.set("title", title)
        writer.set("body", body)
        writer.set("body_kind", bodyKind.rawValue)
        writer.set("category", category.rawValue)
        writer.set("place", place)
        writer.set("trial_date", trialDate)
        writer.set("notes", notes)
        writer.set("citations", citationsJSON(citations))
        writer.set("defendants", defendants.isEmpty ? nil : OrderedJSON.array(defendants.map(\.json)))
        return writer.json
    }
}
