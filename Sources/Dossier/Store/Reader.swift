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

    /// The citation columns a SELECT reads, as `c.locator, c.confidence, …`.
    private static let citationSelect = CitationDoc.fields.map { "c." + $0.column }.joined(separator: ", ")

    func citations(column: String, id: Int64) throws -> [CitationDoc] {
        // `column` comes from a fixed list in this file, never from input.
        let sql = """
            SELECT s.key, \(Archive.citationSelect)
            FROM citation c JOIN source s ON s.id = c.source_id
            WHERE c.\(column) = ? ORDER BY c.position, c.id
            """
        return try db.cached(sql).fetchAll([id]).map { row in
            var citation = CitationDoc(sourceKey: try row.requiredText("key", table: "source"))
            try citation.decodeFields(row, table: "citation")
            return citation
        }
    }

    /// A person as a document, or nil.
    public func loadPerson(ref: String) throws -> PersonDoc? {
        guard let row = try db.cached("""
            SELECT id, ref, \(PersonDoc.selectColumns) FROM person WHERE ref = ?
            """).fetchOne([ref]) else { return nil }
        return try person(from: row)
    }

    func loadPerson(id: Int64) throws -> PersonDoc? {
        guard let row = try db.cached("""
            SELECT id, ref, \(PersonDoc.selectColumns) FROM person WHERE id = ?
            """).fetchOne([id]) else { return nil }
        return try person(from: row)
    }

    private func person(from row: Row) throws -> PersonDoc {
        let id = try row.id("id", table: "person")
        let names = try db.cached("""
            SELECT name, is_primary FROM person_name WHERE person_id = ?
            ORDER BY is_primary DESC, position, id
            """).fetchAll([id])
        let ref = try row.requiredText("ref", table: "person")
        guard let primary = names.first else {
            throw ColumnError(table: "person_name", column: "name", problem: "the person \(ref) has no name")
        }
        var doc = PersonDoc(ref: ref, name: try primary.requiredText("name", table: "person_name"))
        doc.nameVariants = try names.dropFirst().map { try $0.requiredText("name", table: "person_name") }
        try doc.decodeFields(row, table: "person")
        doc.citations = try citations(column: "person_id", id: id)
        return doc
    }

    /// A whole case as a document, or nil.
    public func loadCase(ref: String) throws -> CaseDoc? {
        guard let row = try db.cached("""
            SELECT id, ref, \(CaseDoc.selectColumns) FROM proceeding WHERE ref = ?
            """).fetchOne([ref]) else { return nil }
        return try caseDoc(from: row)
    }

    func caseDoc(from row: Row) throws -> CaseDoc {
        let id = try row.id("id", table: "proceeding")
        var doc = CaseDoc(ref: try row.requiredText("ref", table: "proceeding"), bodyKind: .other, category: .unknown)
        try doc.decodeFields(row, table: "proceeding")
        doc.citations = try citations(column: "proceeding_id", id: id)
        let defendants = try db.cached("""
            SELECT id, person_id, \(DefendantDoc.selectColumns)
            FROM defendant WHERE proceeding_id = ? ORDER BY position, id
            """).fetchAll([id])
        for d in defendants {
            let defendantID = try d.id("id", table: "defendant")
            let personID = try d.id("person_id", table: "defendant")
            guard let person = try loadPerson(id: personID) else {
                throw ColumnError(table: "defendant", column: "person_id", problem: "no person with id \(personID)")
            }
            var defendant = DefendantDoc(person: person)
            try defendant.decodeFields(d, table: "defendant")
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
            let kind = try row.requiredText("kind", table: "charge")
            guard let parsedKind = ParsedCharge.Kind(rawValue: kind) else {
                throw ColumnError(table: "charge", column: "kind", problem: "\"\(kind)\" is not a charge kind")
            }
            return ChargeDoc(text: try row.requiredText("raw", table: "charge"), ref: try row.requiredText("ref", table: "charge"),
                             kind: parsedKind, description: try row.text("description", table: "charge"))
        }
    }

    func loadEvents(defendantID: Int64) throws -> [EventDoc] {
        var events: [EventDoc] = []
        for row in try db.cached("""
            SELECT id, \(EventDoc.selectColumns) FROM event WHERE defendant_id = ? ORDER BY position, id
            """).fetchAll([defendantID]) {
            var event = EventDoc(kind: .arrested)
            try event.decodeFields(row, table: "event")
            event.citations = try citations(column: "event_id", id: try row.id("id", table: "event"))
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
            """, [personRef]).map { row in
                (try row.requiredText("ref", table: "proceeding"), try row.text("title", table: "proceeding"),
                 try row.requiredText("outcome", table: "defendant"), try row.text("date", table: "proceeding"))
            }
    }

    /// A source by key, or nil.
    public func loadSource(key: String) throws -> Source? {
        guard let row = try db.cached("SELECT * FROM source WHERE key = ?").fetchOne([key]) else { return nil }
        return try Archive.source(from: row)
    }

    /// A source from its stored row; a missing column, NULL key, type or
    /// title, or unreadable JSON in a names or `extra` column is a
    /// `ColumnError`, never an empty value.
    static func source(from row: Row) throws -> Source {
        var source = Source(key: try row.requiredText("key", table: "source"),
                            type: try row.requiredText("type", table: "source"),
                            title: try row.requiredText("title", table: "source"))
        let decoder = JSONDecoder()
        func names(_ column: String) throws -> [SourceName] {
            guard let text = try row.text(column, table: "source") else { return [] }
            do { return try decoder.decode([SourceName].self, from: Data(text.utf8)) } catch {
                throw ColumnError(table: "source", column: column, problem: "not a JSON list of names")
            }
        }
        source.translatedTitle = try row.text("translated_title", table: "source")
        source.authors = try names("authors")
        source.editors = try names("editors")
        source.translators = try names("translators")
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
        if let extra = try row.text("extra", table: "source") {
            do { source.extra = try decoder.decode([String: JSONValue].self, from: Data(extra.utf8)) } catch {
                throw ColumnError(table: "source", column: "extra", problem: "not a JSON object")
            }
        }
        return source
    }

    /// Every source key, sorted.
    public func sourceKeys() throws -> [String] {
        try db.fetchAll("SELECT key FROM source ORDER BY key").compactMap { $0.string(0) }
    }
}
