import DossierStorage
import Foundation

/// What to look for: free text (names, and the text of charges and notes),
/// and the shared filters.
public struct SearchQuery: Sendable {
    public var text: String?
    public var filter = RecordFilter()
    public var limit = 20

    public init(text: String? = nil, filter: RecordFilter = RecordFilter(), limit: Int = 20) {
        self.text = text
        self.filter = filter
        self.limit = limit
    }
}

/// One defendant found: a person in a case.
public struct SearchHit: Sendable {
    public var personRef: String
    public var caseRef: String
    /// The person's primary name.
    public var name: String
    /// The stored name form that matched, when found by name.
    public var matchedName: String?
    public var score: Double
    /// Why it matched: exact, same script, transliteration, phonetic,
    /// typo, or text.
    public var reason: String
    public var explanation: String?
    public var outcome: String
    public var trialDate: String?
    public var charges: [String]
    public var bodyKind: String
    public var category: String
    public var title: String?

    public var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("person_ref", personRef)
        writer.set("case_ref", caseRef)
        writer.set("name", name)
        writer.set("matched_name", matchedName)
        writer.set("score", (score * 1000).rounded() / 1000)
        writer.set("reason", reason)
        writer.set("explanation", explanation)
        writer.set("outcome", outcome)
        writer.set("trial_date", trialDate.map(OrderedJSON.string) ?? .null)
        writer.set("charges", OrderedJSON.array(charges.map(OrderedJSON.string)))
        writer.set("body_kind", bodyKind)
        writer.set("category", category)
        writer.set("title", title)
        return writer.json
    }
}

/// A person whose name matched, with the best-matching form.
public struct NameHit: Sendable {
    public var personID: Int64
    public var matchedName: String
    public var match: NameMatch
}

extension Archive {
    /// Persons whose names match `text` in any script or spelling, best
    /// first: candidates come from the name-key index (exact key lookups),
    /// then every candidate name is scored.
    /// - Parameter maxCandidates: names scored at most (common surnames).
    public func nameHits(_ text: String, maxCandidates: Int = 20_000) throws -> [NameHit] {
        let query = NameQuery(text)
        let statement = try db.cached("""
            SELECT n.id, n.person_id, n.name FROM person_name n
            WHERE n.id IN (SELECT DISTINCT name_id FROM name_key WHERE key IN (SELECT value FROM json_each(?)))
            LIMIT ?
            """)
        var best: [Int64: NameHit] = [:]
        var scored = Set<Int64>()
        // Surname keys first, then typo keys, each with its own cap, so that
        // the many typo keys of a common surname cannot crowd out real
        // matches.
        for keys in [query.surnameLookupKeys, query.typoLookupKeys] where !keys.isEmpty {
            try statement.forEach([SearchIndex.jsonArray(keys), maxCandidates]) { row in
                guard let nameID = row.value(at: 0).int64Value, scored.insert(nameID).inserted,
                      let personID = row.value(at: 1).int64Value, let name = row.string(at: 2),
                      let match = NameMatcher.score(query: query, stored: name) else { return }
                if let current = best[personID], current.match.score >= match.score { return }
                best[personID] = NameHit(personID: personID, matchedName: name, match: match)
            }
        }
        return best.values.sorted { ($0.match.score, $1.personID) > ($1.match.score, $0.personID) }
    }

    /// Defendants matching a query, best first.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        var (whereClause, bindings) = try query.filter.sql(defaultCode: defaultCode)
        var scores: [Int64: (Double, String, String?, String?)] = [:]     // person → score, reason, form, why
        var textScores: [Int64: Double] = [:]                             // defendant → score
        var restrict: [String] = []
        if let name = query.filter.name {
            let hits = try nameHits(name)
            for hit in hits { scores[hit.personID] = (hit.match.score, hit.match.reason.rawValue, hit.matchedName, hit.match.explanation) }
            whereClause += " AND d.person_id IN (SELECT value FROM json_each(?))"
            bindings.append(SearchIndex.jsonArray(hits.map { String($0.personID) }))
        }
        if let text = query.text, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            var nameScores: [Int64: (Double, String, String?, String?)] = [:]
            for hit in try nameHits(text) {
                nameScores[hit.personID] = (hit.match.score, hit.match.reason.rawValue, hit.matchedName, hit.match.explanation)
            }
            let pattern = FullTextQuery.quoted(text)
            var ranked: [Int64] = []
            if !pattern.isEmpty {
                try db.cached("SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rank LIMIT 2000")
                    .forEach([pattern]) { row in
                        if let id = row.value(at: 0).int64Value { ranked.append(id) }
                    }
            }
            // Text matches rank below every name match, in FTS5 rank order.
            for (index, id) in ranked.enumerated() {
                textScores[id] = 0.29 * (1 - Double(index) / Double(max(ranked.count, 1)))
            }
            for (id, value) in nameScores where scores[id] == nil || query.filter.name == nil { scores[id] = value }
            restrict.append("d.person_id IN (SELECT value FROM json_each(?))")
            bindings.append(SearchIndex.jsonArray(nameScores.keys.map { String($0) }))
            restrict.append("d.id IN (SELECT value FROM json_each(?))")
            bindings.append(SearchIndex.jsonArray(ranked.map { String($0) }))
        }
        if !restrict.isEmpty { whereClause += " AND (" + restrict.joined(separator: " OR ") + ")" }
        let ranked = !scores.isEmpty || !textScores.isEmpty
        let sql = """
            SELECT d.id, d.person_id, x.ref, p.ref, d.outcome, p.date, p.body_kind, p.category, p.title,
                   (SELECT name FROM person_name WHERE person_id = x.id AND is_primary = 1),
                   (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM charge WHERE defendant_id = d.id ORDER BY position))
            FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE \(whereClause)
            ORDER BY p.date_lower, p.ref, d.position
            \(ranked ? "" : "LIMIT ?")
            """
        if !ranked { bindings.append(query.limit) }
        var hits: [SearchHit] = []
        try db.prepare(sql).forEach(bindings) { row in
            let defendantID = row.value(at: 0).int64Value ?? 0
            let personID = row.value(at: 1).int64Value ?? 0
            var hit = SearchHit(personRef: row.string(at: 2) ?? "", caseRef: row.string(at: 3) ?? "", name: row.string(at: 9) ?? "",
                                matchedName: nil, score: 0, reason: "filter", explanation: nil,
                                outcome: row.string(at: 4) ?? "unknown", trialDate: row.string(at: 5),
                                charges: (row.string(at: 10) ?? "").split(separator: " ").map(String.init),
                                bodyKind: row.string(at: 6) ?? "", category: row.string(at: 7) ?? "", title: row.string(at: 8))
            if let (score, reason, form, why) = scores[personID] {
                hit.score = score
                hit.reason = reason
                hit.matchedName = form
                hit.explanation = why
            }
            if let textScore = textScores[defendantID], textScore > hit.score || hit.reason == "filter" {
                if hit.reason == "filter" || textScore > hit.score {
                    hit.score = max(hit.score, textScore)
                    if hit.matchedName == nil { hit.reason = "text" }
                }
            }
            hits.append(hit)
        }
        if ranked {
            // Stable: best score first, then the date order of the query.
            hits = hits.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
            hits = Array(hits.prefix(query.limit))
        }
        return hits
    }
}
