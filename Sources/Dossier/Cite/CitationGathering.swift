import DossierStorage
import DossierDomain
import Foundation

/// The record a citation supports: a case, a person, a defendant's outcome
/// (the `defendant` row) or an event around it.
public struct CitedRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case `case`, person, defendant, event
        /// A published figure, named by `figureRef`.
        case figure
    }

    public var kind: Kind
    public var caseRef: String?
    public var personRef: String?
    /// For an event: its kind (`executed`) and date as written.
    public var eventKind: String?
    public var eventDate: String?
    /// The ref of a published figure.
    public var figureRef: String? = nil

    public init(kind: Kind, caseRef: String? = nil, personRef: String? = nil,
                eventKind: String? = nil, eventDate: String? = nil) {
        self.kind = kind
        self.caseRef = caseRef
        self.personRef = personRef
        self.eventKind = eventKind
        self.eventDate = eventDate
    }

    /// What the citation is for, in a few words: "case", "person",
    /// "outcome", "event: executed 1940-01-27".
    public var what: String {
        switch kind {
        case .case: return "case"
        case .person: return "person"
        case .defendant: return "outcome"
        case .figure: return "published figure"
        case .event:
            let kind = (eventKind ?? "event").replacingOccurrences(of: "_", with: " ")
            return "event: " + kind + (eventDate.map { " " + $0 } ?? "")
        }
    }

    /// "case shakhty-1928", "person p-babel-ie", "outcome of p-babel-ie in
    /// babel-1940", "executed 1940-01-27 of p-babel-ie in babel-1940".
    public var label: String {
        switch kind {
        case .case: return "case " + (caseRef ?? "?")
        case .person: return "person " + (personRef ?? "?")
        case .defendant: return "outcome of \(personRef ?? "?") in \(caseRef ?? "?")"
        case .figure: return "figure " + (figureRef ?? "?")
        case .event:
            return String(what.dropFirst("event: ".count)) + " of \(personRef ?? "?") in \(caseRef ?? "?")"
        }
    }

    var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("kind", kind.rawValue)
        writer.set("case_ref", caseRef)
        writer.set("person_ref", personRef)
        writer.set("event", eventKind)
        writer.set("event_date", eventDate)
        writer.set("figure_ref", figureRef)
        return writer.json
    }
}

/// One citation as stored: a source with a locator, for one record.
public struct GatheredCitation: Sendable, Hashable {
    public var sourceKey: String
    public var locator: String?
    public var confidence: Confidence
    public var quote: String?
    public var note: String?
    public var record: CitedRecord

    public init(sourceKey: String, locator: String? = nil, confidence: Confidence = .unverified,
                quote: String? = nil, note: String? = nil, record: CitedRecord) {
        self.sourceKey = sourceKey
        self.locator = locator
        self.confidence = confidence
        self.quote = quote
        self.note = note
        self.record = record
    }
}

/// What `dossier cite` was asked for, resolved against the archive.
public enum CiteTarget: Sendable, Equatable {
    case caseRecord(id: Int64, ref: String)
    case person(id: Int64, ref: String)
    case source(key: String)
    /// A published figure: its source, with its locator.
    case figure(ref: String)
}

extension Archive {
    /// Resolves a ref given to `dossier cite`: a case ref, else a person
    /// ref, else a source key.
    /// - Throws: `NotFound` with close refs when nothing matches.
    public func citeTarget(_ ref: String) throws -> CiteTarget {
        if let id = try caseID(ref) { return .caseRecord(id: id, ref: ref) }
        if let id = try personID(ref) { return .person(id: id, ref: ref) }
        if try sourceID(ref) != nil { return .source(key: ref) }
        if try loadFigure(ref: ref) != nil { return .figure(ref: ref) }
        let all = try db.fetchAll("""
            SELECT ref FROM proceeding UNION ALL SELECT ref FROM person UNION ALL SELECT key FROM source
            UNION ALL SELECT ref FROM figure
            """).compactMap { $0.string(0) }
        throw NotFound("no case, person, source or figure \(ref)", suggestions: Suggest.close(to: ref, in: all))
    }

    /// Every citation behind a case: the case's own, then for each
    /// defendant (in order) their person's, their outcome's and their
    /// events'. In the order `dossier show` lists them.
    public func citationsBehind(caseID: Int64) throws -> [GatheredCitation] {
        var gatherer = CitationGatherer(archive: self)
        try gatherer.addDefendants(try defendantRows(
            "WHERE d.proceeding_id = ? ORDER BY d.position, d.id", [caseID]))
        return gatherer.citations
    }

    /// Every citation behind a person: the person's own, then for each
    /// case they were a defendant in (oldest first) the case's, their
    /// outcome's and their events'.
    public func citationsBehind(personID: Int64) throws -> [GatheredCitation] {
        var gatherer = CitationGatherer(archive: self)
        guard let ref = try db.cached("SELECT ref FROM person WHERE id = ?").fetchOne([personID])?.string(0) else {
            return []
        }
        try gatherer.addPerson(id: personID, ref: ref)
        try gatherer.addDefendants(try defendantRows(
            "WHERE d.person_id = ? ORDER BY p.date_lower, p.ref, d.id", [personID]))
        return gatherer.citations
    }

    /// Every citation behind some defendants (search results), in the
    /// order given: each one's case (once per case), person (once per
    /// person), outcome and events.
    public func citationsBehind(defendantIDs: [Int64]) throws -> [GatheredCitation] {
        guard !defendantIDs.isEmpty else { return [] }
        let rows = try defendantRows("WHERE d.id IN (SELECT value FROM json_each(?))", [Self.jsonArray(defendantIDs)])
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var gatherer = CitationGatherer(archive: self)
        try gatherer.addDefendants(defendantIDs.compactMap { byID[$0] })
        return gatherer.citations
    }

    /// The citations behind one resolved target; a source key has none
    /// (it is cited by itself, without a locator).
    public func citationsBehind(_ target: CiteTarget) throws -> [GatheredCitation] {
        switch target {
        case .caseRecord(let id, _): return try citationsBehind(caseID: id)
        case .person(let id, _): return try citationsBehind(personID: id)
        case .source: return []
        case .figure(let ref):
            guard let figure = try loadFigure(ref: ref) else { return [] }
            return [Self.citation(figure)]
        }
    }

    /// The citation behind a published figure: its source and locator.
    static func citation(_ figure: PublishedFigure) -> GatheredCitation {
        var record = CitedRecord(kind: .figure)
        record.figureRef = figure.ref
        return GatheredCitation(sourceKey: figure.sourceKey, locator: figure.locator, confidence: figure.confidence,
                                quote: figure.quote, note: figure.note, record: record)
    }

    /// The citations behind every published figure, by period.
    public func citationsBehindFigures() throws -> [GatheredCitation] {
        try loadFigures().map(Self.citation)
    }

    struct DefendantRow {
        var id: Int64
        var caseID: Int64
        var caseRef: String
        var personID: Int64
        var personRef: String
    }

    /// Defendant rows with their case and person; `tail` is a fixed
    /// WHERE/ORDER BY from this file.
    func defendantRows(_ tail: String, _ bindings: [SQLBindable]) throws -> [DefendantRow] {
        try db.cached("""
            SELECT d.id, d.proceeding_id, p.ref, d.person_id, x.ref
            FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            \(tail)
            """).fetchAll(bindings).map { row in
            DefendantRow(id: row[0].int64Value ?? 0, caseID: row[1].int64Value ?? 0, caseRef: row.string(2) ?? "",
                         personID: row[3].int64Value ?? 0, personRef: row.string(4) ?? "")
        }
    }

    /// A JSON array of ids, bound as one value and read with `json_each`.
    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}

/// Collects citations record by record, each case and person once.
struct CitationGatherer {
    let archive: Archive
    private(set) var citations: [GatheredCitation] = []
    private var casesDone = Set<Int64>()
    private var personsDone = Set<Int64>()

    init(archive: Archive) { self.archive = archive }

    mutating func add(_ docs: [CitationDoc], _ record: CitedRecord) {
        for doc in docs {
            citations.append(GatheredCitation(sourceKey: doc.sourceKey, locator: doc.locator, confidence: doc.confidence,
                                              quote: doc.quote, note: doc.note, record: record))
        }
    }

    mutating func addCase(id: Int64, ref: String) throws {
        guard casesDone.insert(id).inserted else { return }
        add(try archive.citations(column: "proceeding_id", id: id), CitedRecord(kind: .case, caseRef: ref))
    }

    mutating func addPerson(id: Int64, ref: String) throws {
        guard personsDone.insert(id).inserted else { return }
        add(try archive.citations(column: "person_id", id: id), CitedRecord(kind: .person, personRef: ref))
    }

    mutating func addDefendants(_ rows: [Archive.DefendantRow]) throws {
        for row in rows {
            try addCase(id: row.caseID, ref: row.caseRef)
            try addPerson(id: row.personID, ref: row.personRef)
            add(try archive.citations(column: "defendant_id", id: row.id),
                CitedRecord(kind: .defendant, caseRef: row.caseRef, personRef: row.personRef))
            for event in try archive.db.cached("""
                SELECT e.kind, e.date, s.key, c.locator, c.confidence, c.quote, c.note
                FROM event e JOIN citation c ON c.event_id = e.id JOIN source s ON s.id = c.source_id
                WHERE e.defendant_id = ? ORDER BY e.position, e.id, c.position, c.id
                """).fetchAll([row.id]) {
                let record = CitedRecord(kind: .event, caseRef: row.caseRef, personRef: row.personRef,
                                         eventKind: event.string(0), eventDate: event.string(1))
                citations.append(GatheredCitation(
                    sourceKey: event.string(2) ?? "", locator: event.string(3),
                    confidence: Confidence(rawValue: event.string(4) ?? "") ?? .unverified,
                    quote: event.string(5), note: event.string(6), record: record))
            }
        }
    }
}
