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
    /// The text the birth was written in, when it was not EDTF (`14 августа 1937 г.`).
    public var birthAsWritten: String?
    /// The text the death was written in, when it was not EDTF (`14 августа 1937 г.`).
    public var deathAsWritten: String?
    public var birthplace: String?
    public var occupation: String?
    public var nationality: String?
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
    /// The text the date was written in, when it was not EDTF (`14 августа 1937 г.`).
    public var dateAsWritten: String?
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
    /// The text the outcome date was written in, when it was not EDTF (`14 августа 1937 г.`).
    public var outcomeDateAsWritten: String?
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
    /// The text the trial date was written in, when it was not EDTF (`14 августа 1937 г.`).
    public var trialDateAsWritten: String?
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
        try readFields(from: &reader)
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
    /// Most name variants one person may have: the persons with the most
    /// spellings in real records (transliterations, a maiden name, aliases)
    /// have a dozen or two. Each variant is a stored name with its own
    /// search keys, so a cell of thousands would be thousands of names.
    public static let maxNameVariants = 100

    /// Longest name or name variant, in characters: the longest real
    /// names, with a double surname, patronymic, titles and a name in
    /// religion, are under 200. Each name is split into words and keyed
    /// for search in every script, so a name of megabytes (a CSV quote
    /// left open) would cost seconds and hundreds of megabytes for nothing.
    public static let maxNameLength = 1_000

    /// Refuses a name longer than `maxNameLength`.
    package static func checkNameLength(_ name: String, field: String) throws(FieldError) {
        // Bytes first: a megabyte is not counted character by character.
        guard name.utf8.count > maxNameLength, name.unicodeScalars.count > maxNameLength else { return }
        throw FieldError(field: field, problem: FieldProblem(
            problem: "the name is \(name.unicodeScalars.count) characters long, more than the \(maxNameLength) a name may have",
            expected: "a name as the sources write it"))
    }

    package static func tooManyVariants(field: String) -> FieldError {
        FieldError(field: field, problem: FieldProblem(problem: "more than \(maxNameVariants) name variants",
                                                      expected: "the spellings the sources give, at most \(maxNameVariants)"))
    }

    public init(json: JSONValue, path: String = "") throws(FieldError) {
        var reader = try JSONObjectReader(json, path: path)
        ref = try reader.required("person_ref")
        name = try reader.required("name")
        try Self.checkNameLength(name, field: reader.fieldPath("name"))
        nameVariants = try reader.strings("name_variants").filter { $0 != name }
        if nameVariants.count > Self.maxNameVariants { throw Self.tooManyVariants(field: reader.fieldPath("name_variants")) }
        for (index, variant) in nameVariants.enumerated() {
            try Self.checkNameLength(variant, field: reader.fieldPath("name_variants") + "[\(index)]")
        }
        try readFields(from: &reader)
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
        self.init(kind: .arrested)
        try readFields(from: &reader)
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
        try readFields(from: &reader)
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
        self.init(ref: try reader.required("case_ref"), bodyKind: .other, category: .unknown)
        try readFields(from: &reader)
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
        writeFields(into: &writer)
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
        writeFields(into: &writer)
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
        writeFields(into: &writer)
        writer.set("citations", citationsJSON(citations))
        return writer.json
    }
}

extension DefendantDoc {
    package var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("person", person.json)
        writer.set("charges", charges.isEmpty ? nil : OrderedJSON.array(charges.map(\.json)))
        writeFields(into: &writer)
        writer.set("events", events.isEmpty ? nil : OrderedJSON.array(events.map(\.json)))
        writer.set("citations", citationsJSON(citations))
        return writer.json
    }
}

extension CaseDoc {
    public var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("case_ref", ref)
        writeFields(into: &writer)
        writer.set("citations", citationsJSON(citations))
        writer.set("defendants", defendants.isEmpty ? nil : OrderedJSON.array(defendants.map(\.json)))
        return writer.json
    }
}
