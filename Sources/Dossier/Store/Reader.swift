import DossierStorage
import DossierDomain
import Foundation

extension Archive {
    /// The id of a person by ref, or nil.
    public func personID(_ ref: String) throws -> Int64? {
        try db.cached("SELECT id FROM person WHERE ref = ?").fetchOne([ref])?[0].int64Value
    }

    /// The id of a case by ref, or nil.
    public func caseID(_ ref: String) throws -> Int64? {
        try db.cached("SELECT id FROM proceeding WHERE ref = ?").fetchOne([ref])?[0].int64Value
    }

    /// The id of a source by key, or nil.
    public func sourceID(_ key: String) throws -> Int64? {
        try db.cached("SELECT id FROM source WHERE key = ?").fetchOne([key])?[0].int64Value
    }

    func citations(column: String, id: Int64) throws -> [CitationDoc] {
        // `column` comes from a fixed list in this file, never from input.
        let sql = """
            SELECT s.key, c.locator, c.confidence, c.quote, c.note
            FROM citation c JOIN source s ON s.id = c.source_id
            WHERE c.\(column) = ? ORDER BY c.position, c.id
            """
        return try db.cached(sql).fetchAll([id]).map { row in
            CitationDoc(sourceKey: row.string(0) ?? "", locator: row.string(1),
                        confidence: Confidence(rawValue: row.string(2) ?? "") ?? .unverified,
                        quote: row.string(3), note: row.string(4))
        }
    }

    /// A person as a document, or nil.
    public func loadPerson(ref: String) throws -> PersonDoc? {
        guard let row = try db.cached("""
            SELECT id, ref, sex, birth, death, birthplace, occupation, notes FROM person WHERE ref = ?
            """).fetchOne([ref]) else { return nil }
        return try person(from: row)
    }

    func loadPerson(id: Int64) throws -> PersonDoc? {
        guard let row = try db.cached("""
            SELECT id, ref, sex, birth, death, birthplace, occupation, notes FROM person WHERE id = ?
            """).fetchOne([id]) else { return nil }
        return try person(from: row)
    }

    private func person(from row: Row) throws -> PersonDoc {
        let id = row[0].int64Value ?? 0
        let names = try db.cached("""
            SELECT name, is_primary FROM person_name WHERE person_id = ?
            ORDER BY is_primary DESC, position, id
            """).fetchAll([id])
        var doc = PersonDoc(ref: row.string(1) ?? "", name: names.first?.string(0) ?? "")
        doc.nameVariants = names.dropFirst().compactMap { $0.string(0) }
        doc.sex = row.string(2).flatMap(Sex.init(rawValue:))
        doc.birth = row.string(3)
        doc.death = row.string(4)
        doc.birthplace = row.string(5)
        doc.occupation = row.string(6)
        doc.notes = row.string(7)
        doc.citations = try citations(column: "person_id", id: id)
        return doc
    }

    /// A whole case as a document, or nil.
    public func loadCase(ref: String) throws -> CaseDoc? {
        guard let row = try db.cached("""
            SELECT id, ref, title, body, body_kind, category, place, date, notes FROM proceeding WHERE ref = ?
            """).fetchOne([ref]) else { return nil }
        return try caseDoc(from: row)
    }

    func caseDoc(from row: Row) throws -> CaseDoc {
        let id = row[0].int64Value ?? 0
        var doc = CaseDoc(ref: row.string(1) ?? "",
                          bodyKind: BodyKind(rawValue: row.string(4) ?? "") ?? .other,
                          category: Category(rawValue: row.string(5) ?? "") ?? .unknown)
        doc.title = row.string(2)
        doc.body = row.string(3)
        doc.place = row.string(6)
        doc.trialDate = row.string(7)
        doc.notes = row.string(8)
        doc.citations = try citations(column: "proceeding_id", id: id)
        let defendants = try db.cached("""
            SELECT id, person_id, charge_text, outcome, outcome_text, outcome_subcategory, sentence,
                   sentence_kind, term_years, charge_reduced, outcome_date, notes
            FROM defendant WHERE proceeding_id = ? ORDER BY position, id
            """).fetchAll([id])
        for d in defendants {
            let defendantID = d[0].int64Value ?? 0
            guard let person = try loadPerson(id: d[1].int64Value ?? 0) else { continue }
            var defendant = DefendantDoc(person: person)
            defendant.chargeText = d.string(2)
            defendant.outcome = Outcome(rawValue: d.string(3) ?? "") ?? .unknown
            defendant.outcomeText = d.string(4)
            defendant.outcomeSubcategory = d.string(5)
            defendant.sentence = d.string(6)
            defendant.sentenceKind = d.string(7).flatMap(SentenceKind.init(rawValue:))
            defendant.termYears = d.double(8)
            defendant.chargeReduced = d.int(9) == 1
            defendant.outcomeDate = d.string(10)
            defendant.notes = d.string(11)
            defendant.charges = try loadCharges(defendantID: defendantID)
            defendant.events = try loadEvents(defendantID: defendantID)
            defendant.citations = try citations(column: "defendant_id", id: defendantID)
            doc.defendants.append(defendant)
        }
        return doc
    }

    func loadCharges(defendantID: Int64) throws -> [ChargeDoc] {
        try db.cached("""
            SELECT raw, ref, kind, description FROM charge WHERE defendant_id = ? ORDER BY position, id
            """).fetchAll([defendantID]).map { row in
            ChargeDoc(text: row.string(0) ?? "", ref: row.string(1) ?? "",
                      kind: ParsedCharge.Kind(rawValue: row.string(2) ?? "") ?? .statute,
                      description: row.string(3))
        }
    }

    func loadEvents(defendantID: Int64) throws -> [EventDoc] {
        var events: [EventDoc] = []
        for row in try db.cached("""
            SELECT id, kind, date, body, notes FROM event WHERE defendant_id = ? ORDER BY position, id
            """).fetchAll([defendantID]) {
            var event = EventDoc(kind: EventKind(rawValue: row.string(1) ?? "") ?? .arrested, date: row.string(2))
            event.body = row.string(3)
            event.notes = row.string(4)
            event.citations = try citations(column: "event_id", id: row[0].int64Value ?? 0)
            events.append(event)
        }
        return events
    }

    /// Every case ref, in ref order.
    public func caseRefs() throws -> [String] {
        try db.fetchAll("SELECT ref FROM proceeding ORDER BY ref").compactMap { $0.string(0) }
    }

    /// The cases a person is a defendant in: (case ref, title, outcome).
    public func casesOf(personRef: String) throws -> [(ref: String, title: String?, outcome: String, date: String?)] {
        try db.fetchAll("""
            SELECT p.ref, p.title, d.outcome, p.date FROM defendant d
            JOIN proceeding p ON p.id = d.proceeding_id
            JOIN person x ON x.id = d.person_id
            WHERE x.ref = ? ORDER BY p.date_lower, p.ref
            """, [personRef]).map { ($0.string(0) ?? "", $0.string(1), $0.string(2) ?? "unknown", $0.string(3)) }
    }

    /// A source by key, or nil.
    public func loadSource(key: String) throws -> Source? {
        guard let row = try db.cached("SELECT * FROM source WHERE key = ?").fetchOne([key]) else { return nil }
        return Archive.source(from: row)
    }

    static func source(from row: Row) -> Source {
        var source = Source(key: row.string("key") ?? "", type: row.string("type") ?? "", title: row.string("title") ?? "")
        let decoder = JSONDecoder()
        func names(_ column: String) -> [SourceName] {
            guard let text = row.string(column) else { return [] }
            return (try? decoder.decode([SourceName].self, from: Data(text.utf8))) ?? []
        }
        source.authors = names("authors")
        source.editors = names("editors")
        source.translators = names("translators")
        source.containerTitle = row.string("container_title")
        source.collectionTitle = row.string("collection_title")
        source.volume = row.string("volume")
        source.issue = row.string("issue")
        source.page = row.string("page")
        source.edition = row.string("edition")
        source.publisher = row.string("publisher")
        source.publisherPlace = row.string("publisher_place")
        source.issued = row.string("issued")
        source.url = row.string("url")
        source.doi = row.string("doi")
        source.accessed = row.string("accessed")
        source.archive = row.string("archive")
        source.archiveLocation = row.string("archive_location")
        source.archivePlace = row.string("archive_place")
        source.language = row.string("language")
        source.note = row.string("note")
        if let extra = row.string("extra"),
           let value = try? decoder.decode([String: JSONValue].self, from: Data(extra.utf8)) {
            source.extra = value
        }
        return source
    }

    /// Every source key, sorted.
    public func sourceKeys() throws -> [String] {
        try db.fetchAll("SELECT key FROM source ORDER BY key").compactMap { $0.string(0) }
    }
}
