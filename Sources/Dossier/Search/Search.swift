import DossierStorage
import DossierDomain
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

    /// Longest search text, in characters: a search is a few words (a
    /// name, a place, a phrase from a note), and even a pasted sentence or
    /// two is a few hundred characters. Every word is looked up in the
    /// full-text index and read as a name, so a longer text would cost
    /// time for nothing a person means to search.
    public static let maxTextLength = 1_000
    /// Longest name query, in characters: the longest real names, with
    /// patronymic, a double surname and a birth year, are under 80.
    public static let maxNameLength = 200

    /// Refuses a text or a name over its limit.
    /// - Throws: `UsageError` (exit status 64): the query is the command
    ///   line's.
    public static func checkLength(_ text: String?, option: String, limit: Int) throws {
        guard let text else { return }
        // Bytes first: a megabyte is not counted character by character.
        guard text.utf8.count > limit, text.unicodeScalars.count > limit else { return }
        throw UsageError("\(option) is \(text.unicodeScalars.count) characters long, more than the \(limit) a search takes (search for a few words of it)")
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
    /// The case's place as written.
    public var place: String?
    /// The gazetteer place it names, when resolved (docs/places.md).
    public var placeID: String?
    /// That place's name at the case's date (in the script it was written
    /// in when the gazetteer has one), else its name today.
    public var placeName: String?

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
        writer.set("place", place)
        writer.set("place_id", placeID)
        writer.set("place_name", placeName)
        return writer.json
    }
}

/// A person whose name matched, with the best-matching form.
public struct NameHit: Sendable {
    public var personID: Int64
    public var matchedName: String
    public var match: NameMatch
    /// With a birth year typed with the name: 2 when the person's birth
    /// date falls in (or overlaps) that year, 0 when it is known and does
    /// not, 1 when it is unknown or no year was typed.
    public var birthRank = 1

    public init(personID: Int64, matchedName: String, match: NameMatch) {
        self.personID = personID
        self.matchedName = matchedName
        self.match = match
    }

    /// The order of hits: born in the year typed first, then by score.
    public var rank: Double { Double(birthRank) * 2 + match.score }
}

extension Archive {
    /// Persons whose names match `text` in any script or spelling, best
    /// first (ties by person id): candidates come from the name-key index
    /// (exact key lookups), then every candidate name is scored. The
    /// matches carry no explanation (see `explainNameMatch`). A birth
    /// year typed with the name (`NameWithBirthYear`) is not part of the
    /// name: persons born that year come first (`NameHit.birthRank`).
    /// - Parameters:
    ///   - enough: when given, typo keys are not read if the surname keys
    ///     alone found this many persons scoring above every typo match
    ///     (a typo cannot rank among the first `enough`).
    ///   - maxCandidates: names read at most per kind of key (surname,
    ///     typo), so that a very common surname has a bounded cost.
    public func nameHits(_ text: String, enough: Int? = nil, maxCandidates: Int = 20_000) throws -> [NameHit] {
        let typed = NameWithBirthYear(text)
        let scorer = NameScorer(NameQuery(typed.name))
        func candidates(surnameKeys: String) throws -> Statement {
            try db.cached("""
                SELECT k.name_id, k.person_id, n.name
                FROM name_key k JOIN person_name n ON n.id = k.name_id
                WHERE k.key IN (\(surnameKeys))
                LIMIT ?
                """)
        }
        let statement = try candidates(surnameKeys: "SELECT value FROM json_each(?)")
        // Typo keys lead to surname keys (surname_typo, migration 0012),
        // and those to names.
        let typoStatement = try candidates(
            surnameKeys: "SELECT surname FROM surname_typo WHERE key IN (SELECT value FROM json_each(?))")
        var best: [Int64: NameHit] = [:]
        var scored = Set<Int64>()
        func read(_ keys: [String], typo: Bool = false) throws {
            guard !keys.isEmpty else { return }
            try (typo ? typoStatement : statement).forEach([SearchIndex.jsonArray(keys), maxCandidates]) { row in
                // The cheap word test on the bytes SQLite holds, before a
                // String is made of the name.
                guard let nameID = row.value(at: 0).int64Value, scored.insert(nameID).inserted,
                      row.withUTF8(at: 2, { scorer.mayMatch(utf8: $0) }) == true,
                      let personID = row.value(at: 1).int64Value, let name = row.string(at: 2),
                      let match = scorer.score(name, explain: false, wordsChecked: true) else { return }
                if let current = best[personID], current.match.score >= match.score { return }
                best[personID] = NameHit(personID: personID, matchedName: name, match: match)
            }
        }
        func betterThanTypos() -> Int { best.values.lazy.filter { $0.match.score > NameMatcher.typoCeiling }.count }
        // Surname keys under the classes of the given names typed; when they
        // find no match better than a typo, under every class (a given name
        // misspelt in its first letter). Then typo keys, unless `enough`
        // better matches are in. Each read has its own cap, so that the many
        // typo keys of a common surname cannot crowd out real matches.
        let narrow = scorer.query.surnameLookupKeys
        try read(narrow)
        if betterThanTypos() == 0 {
            let narrowKeys = Set(narrow)
            try read(scorer.query.broadSurnameLookupKeys.filter { !narrowKeys.contains($0) })
        }
        if let enough, betterThanTypos() >= enough { return try bornFirst(bestFirst(best), year: typed.birthYear) }
        try read(scorer.query.typoLookupKeys, typo: true)
        return try bornFirst(bestFirst(best), year: typed.birthYear)
    }

    /// With a birth year typed: persons born that year first, then those
    /// whose birth is unknown, then the rest (each best first).
    private func bornFirst(_ hits: [NameHit], year: Int?) throws -> [NameHit] {
        guard let year, !hits.isEmpty, let bounds = try? EDTFDate.parse(String(year)),
              let lower = bounds.lower, let upper = bounds.upper else { return hits }
        var births: [Int64: (Int64?, Int64?)] = [:]
        try db.prepare("SELECT id, birth_lower, birth_upper FROM person WHERE id IN (SELECT value FROM json_each(?))")
            .forEach([SearchIndex.jsonArray(hits.map { String($0.personID) })]) { row in
                if let id = row.value(at: 0).int64Value { births[id] = (row.value(at: 1).int64Value, row.value(at: 2).int64Value) }
            }
        var ranked = hits
        for index in ranked.indices {
            guard let (low, up) = births[ranked[index].personID], low != nil || up != nil else { continue }
            // Overlap, as the date filters read ranges.
            let overlaps = (up ?? Int64.max) >= Int64(lower) && (low ?? Int64.min) <= Int64(upper)
            ranked[index].birthRank = overlaps ? 2 : 0
        }
        return ranked.enumerated().sorted { ($0.element.rank, -$0.offset) > ($1.element.rank, -$1.offset) }.map(\.element)
    }

    /// Best first; typo matches dropped when anything matched better
    /// (`NameMatcher.keepsTypos`).
    private func bestFirst(_ best: [Int64: NameHit]) -> [NameHit] {
        let keepTypos = NameMatcher.keepsTypos(best.values.lazy.map(\.match))
        return best.values.filter { keepTypos || $0.match.reason != .typo }
            .sorted { ($0.match.score, $1.personID) > ($1.match.score, $0.personID) }
    }

    /// Why `stored` matched the name query `text`, in words.
    /// A birth year typed with the name is left out (see `NameWithBirthYear`).
    public func explainNameMatch(_ text: String, stored: String) -> String? {
        NameMatcher.score(query: NameQuery(NameWithBirthYear(text).name), stored: stored)?.explanation
    }

    /// Defendants matching a query, best first.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        try SearchQuery.checkLength(query.text, option: "the search text", limit: SearchQuery.maxTextLength)
        try SearchQuery.checkLength(query.filter.name, option: "--name", limit: SearchQuery.maxNameLength)
        let text = query.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        if let name = query.filter.name, text == nil { return try searchByName(name, query) }
        var (whereClause, bindings) = try query.filter.sql(defaultCode: defaultCode)
        var scores: [Int64: (Double, String, String?, String)] = [:]     // person → score, reason, form, query
        var textScores: [Int64: Double] = [:]                            // defendant → score
        var restrict: [String] = []
        if let name = query.filter.name {
            let hits = try nameHits(name)
            for hit in hits { scores[hit.personID] = (hit.match.score, hit.match.reason.rawValue, hit.matchedName, name) }
            whereClause += " AND d.person_id IN (SELECT value FROM json_each(?))"
            bindings.append(SearchIndex.jsonArray(hits.map { String($0.personID) }))
        }
        if let text {
            var nameScores: [Int64: (Double, String, String?, String)] = [:]
            for hit in try nameHits(text) {
                nameScores[hit.personID] = (hit.match.score, hit.match.reason.rawValue, hit.matchedName, text)
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
        var tables = "defendant d JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id"
        if !ranked, try isCommonCharge(query.filter) {
            // A common charge: walk the cases in date order and stop at the
            // limit, instead of collecting everyone so charged and sorting.
            tables = "proceeding p INDEXED BY proceeding_date_ref CROSS JOIN defendant d ON d.proceeding_id = p.id JOIN person x ON x.id = d.person_id"
        }
        let sql = """
            SELECT \(Self.hitColumns)
            FROM \(tables)
            WHERE \(whereClause)
            ORDER BY p.date_lower, p.ref, d.position
            \(ranked ? "" : "LIMIT ?")
            """
        if !ranked { bindings.append(query.limit) }
        var hits: [SearchHit] = []
        var queries: [String?] = []
        try db.prepare(sql).forEach(bindings) { row in
            let defendantID = row.value(at: 0).int64Value ?? 0
            let personID = row.value(at: 1).int64Value ?? 0
            var hit = Self.hit(row)
            var nameQuery: String? = nil
            if let (score, reason, form, typed) = scores[personID] {
                hit.score = score
                hit.reason = reason
                hit.matchedName = form
                nameQuery = typed
            }
            if let textScore = textScores[defendantID], hit.reason == "filter" || textScore > hit.score {
                hit.score = max(hit.score, textScore)
                if hit.matchedName == nil { hit.reason = "text" }
            }
            hits.append(hit)
            queries.append(nameQuery)
        }
        if ranked {
            // Stable: best score first, then the date order of the query.
            let order = hits.indices.sorted { (hits[$0].score, -$0) > (hits[$1].score, -$1) }.prefix(query.limit)
            hits = order.map { index in
                var hit = hits[index]
                if let typed = queries[index], let form = hit.matchedName { hit.explanation = explainNameMatch(typed, stored: form) }
                return hit
            }
        }
        return hits
    }

    /// Whether the filter's charge is held by at least 2,000 charges (read
    /// through the index on charge refs, stopping there).
    private func isCommonCharge(_ filter: RecordFilter) throws -> Bool {
        guard let charge = filter.charge, let parsed = try? ChargeQuery(charge, defaultCode: defaultCode) else { return false }
        let (condition, values) = parsed.sqlCondition
        let count = try db.prepare("SELECT count(*) FROM (SELECT 1 FROM charge WHERE \(condition) LIMIT 2000)")
            .fetchOne(values.map { $0 as SQLBindable })?[0].intValue ?? 0
        return count >= 2000
    }

    /// A name query with filters: name matches are read best first, a
    /// batch of persons at a time, until `limit` defendants are found and no
    /// person left can rank among them (persons tied with the last one read
    /// are always read together). Ties rank in date order.
    private func searchByName(_ name: String, _ query: SearchQuery) throws -> [SearchHit] {
        let (whereClause, bindings) = try query.filter.sql(defaultCode: defaultCode)
        let limit = max(query.limit, 0)
        var hits = try nameHits(name, enough: limit)
        var person = Dictionary(uniqueKeysWithValues: hits.map { ($0.personID, $0) })
        struct Found { var score: Double; var defendant: Int64; var dateLower: Int64?; var caseRef: String; var position: Int64 }
        var found: [Found] = []
        let statement = try db.prepare("""
            SELECT d.id, d.person_id, p.date_lower, p.ref, d.position
            FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE \(whereClause) AND d.person_id IN (SELECT value FROM json_each(?))
            """)
        var readTypos = false
        while true {
            var start = 0
            var batch = max(64, 4 * min(limit, 1 << 16))
            while start < hits.count && found.count < limit {
                var end = min(hits.count, start + batch)
                while end < hits.count && hits[end].rank == hits[end - 1].rank { end += 1 }
                try statement.forEach(bindings + [SearchIndex.jsonArray(hits[start..<end].map { String($0.personID) })]) { row in
                    guard let id = row.value(at: 0).int64Value, let personID = row.value(at: 1).int64Value,
                          let score = person[personID]?.rank else { return }
                    found.append(Found(score: score, defendant: id, dateLower: row.value(at: 2).int64Value,
                                       caseRef: row.string(at: 3) ?? "", position: row.value(at: 4).int64Value ?? 0))
                }
                start = end
                batch = min(2 * batch, 1 << 20)
            }
            // Typo keys skipped because enough persons matched better, but
            // the filters left too few of them: read everything.
            if found.count >= limit || readTypos || limit == 0 { break }
            readTypos = true
            let all = try nameHits(name)
            if all.count == hits.count { break }
            hits = all
            person = Dictionary(uniqueKeysWithValues: hits.map { ($0.personID, $0) })
            found = []
        }
        found.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.dateLower != b.dateLower { return (a.dateLower ?? Int64.min) < (b.dateLower ?? Int64.min) }
            if a.caseRef != b.caseRef { return a.caseRef < b.caseRef }
            return a.position < b.position
        }
        let chosen = found.prefix(limit)
        guard !chosen.isEmpty else { return [] }
        var byID: [Int64: SearchHit] = [:]
        try db.prepare("""
            SELECT \(Self.hitColumns)
            FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE d.id IN (SELECT value FROM json_each(?))
            """).forEach([SearchIndex.jsonArray(chosen.map { String($0.defendant) })]) { row in
            guard let id = row.value(at: 0).int64Value, let personID = row.value(at: 1).int64Value,
                  let match = person[personID] else { return }
            var hit = Self.hit(row)
            hit.score = match.match.score
            hit.reason = match.match.reason.rawValue
            hit.matchedName = match.matchedName
            hit.explanation = explainNameMatch(name, stored: match.matchedName)
            if let year = NameWithBirthYear(name).birthYear, match.birthRank != 1 {
                let note = match.birthRank == 2 ? "born in \(year)" : "not born in \(year)"
                hit.explanation = [hit.explanation, note].compactMap { $0 }.joined(separator: "; ")
            }
            byID[id] = hit
        }
        return chosen.compactMap { byID[$0.defendant] }
    }

    /// The columns `hit(_:)` reads, over the aliases d, p and x.
    static let hitColumns = """
        d.id, d.person_id, x.ref, p.ref, d.outcome, p.date, p.body_kind, p.category, p.title,
               (SELECT name FROM person_name WHERE person_id = x.id AND is_primary = 1),
               (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM charge WHERE defendant_id = d.id ORDER BY position)),
               p.place, (SELECT place_id FROM proceeding_place WHERE proceeding_id = p.id), p.date_lower, p.date_upper
        """

    static func hit(_ row: Statement) -> SearchHit {
        SearchHit(personRef: row.string(at: 2) ?? "", caseRef: row.string(at: 3) ?? "", name: row.string(at: 9) ?? "",
                  matchedName: nil, score: 0, reason: "filter", explanation: nil,
                  outcome: row.string(at: 4) ?? "unknown", trialDate: row.string(at: 5),
                  charges: (row.string(at: 10) ?? "").split(separator: " ").map(String.init),
                  bodyKind: row.string(at: 6) ?? "", category: row.string(at: 7) ?? "", title: row.string(at: 8),
                  place: row.string(at: 11), placeID: row.string(at: 12),
                  placeName: placeName(row.string(at: 12), written: row.string(at: 11), lower: row.int(at: 13), upper: row.int(at: 14)))
    }

    /// The name of a resolved place at a record's date, in the script the
    /// place was written in when the gazetteer has one; else its name today.
    static func placeName(_ id: String?, written: String?, lower: Int?, upper: Int?) -> String? {
        guard let id, let place = Gazetteers.standard.place(id) else { return nil }
        let cyrillic = written?.unicodeScalars.contains { $0.value >= 0x400 && $0.value < 0x530 } ?? false
        return place.name(lower: lower, upper: upper, script: cyrillic ? "Cyrl" : "Latn") ?? place.label
    }
}
