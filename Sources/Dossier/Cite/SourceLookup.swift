import DossierStorage
import DossierDomain
import Foundation

/// A source found by `dossier sources`, with how many records cite it.
public struct SourceMatch: Sendable, Hashable {
    public var source: Source
    public var citedBy: Int
    /// The full-text rank (FTS5 bm25: lower is better); nil when listing
    /// without a query, or for an exact key.
    public var rank: Double?
}

/// A record that cites a source, for `dossier sources KEY --cited-by`.
public struct CitingRecord: Sendable, Hashable {
    public var record: CitedRecord
    public var locator: String?
    public var confidence: Confidence
    public var quote: String?
    public var note: String?
}

extension Archive {
    /// bm25 column weights, in `source_fts` column order (key, authors,
    /// editors, title, container, year, archive, other), as in
    /// `SourceRanking`.
    static let candidateWeights = "10.0, 6.0, 3.0, 4.0, 2.0, 3.0, 3.0, 1.0"

    /// Keys to suggest for a source key that is not in the archive: close
    /// spellings, and the best matches of the key as words.
    public func sourceSuggestions(for key: String) throws -> [String] {
        var suggestions = Suggest.close(to: key, in: try sourceKeys())
        for match in try findSources(key, limit: 3) where !suggestions.contains(match.source.key) {
            suggestions.append(match.source.key)
        }
        return Array(suggestions.prefix(3))
    }

    /// Finds sources by author, title words, year, archival reference or
    /// key ("Solomon 1987", "vanishing acquittal", "GARF 8131"), best first,
    /// with the number of records citing each.
    ///
    /// Every word must match the start of a word somewhere in the source
    /// (FTS5 prefix queries; words are quoted, so FTS5 operators are
    /// searched as words); case and Latin diacritics are ignored. A source
    /// whose key is exactly the text comes first; the others are ranked by
    /// where their words matched (`SourceRanking`), then by FTS5's bm25,
    /// then by how often they are cited. Without text, every source, by key.
    /// - Parameters:
    ///   - text: what to look for, or nil for all.
    ///   - limit: at most this many.
    /// - Throws: `SQLiteError`.
    public func findSources(_ text: String?, limit: Int? = nil) throws -> [SourceMatch] {
        let citedBy = "(SELECT count(*) FROM citation c WHERE c.source_id = s.id)"
        let given = (text ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        guard !given.isEmpty else {
            let limitClause = limit.map { " LIMIT \(max(0, $0))" } ?? ""
            return try db.fetchAll("SELECT s.*, \(citedBy) AS cited_by FROM source s ORDER BY s.key" + limitClause)
                .map { SourceMatch(source: try Archive.source(from: $0), citedBy: $0.int("cited_by") ?? 0, rank: nil) }
        }
        let whole = given.joined(separator: " ")
        var results: [SourceMatch] = []
        if let row = try db.fetchOne("SELECT s.*, \(citedBy) AS cited_by FROM source s WHERE s.key = ?", [whole]) {
            results.append(SourceMatch(source: try Archive.source(from: row), citedBy: row.int("cited_by") ?? 0, rank: nil))
        }
        let words = given.filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { return results }
        // Each word a prefix query: "vanish" finds "vanishing", "solomon"
        // finds the key "solomon1987vanishing".
        let pattern = words.map { FullTextQuery.quoted($0, prefixLast: true) }.joined(separator: " ")
        // With a limit, only the best candidates by bm25 (weighted like
        // `SourceRanking`) are ranked further: a common word may match most
        // of a large archive.
        let candidates = limit.map { " ORDER BY score LIMIT \(max(500, $0 * 50))" } ?? ""
        let rows = try db.fetchAll("""
            SELECT s.*, \(citedBy) AS cited_by, bm25(source_fts, \(Self.candidateWeights)) AS score
            FROM source_fts JOIN source s ON s.id = source_fts.rowid
            WHERE source_fts MATCH ? AND s.key <> ?
            """ + candidates, [pattern, whole])
        let ranking = SourceRanking(query: words.joined(separator: " "))
        let scored = try rows.map { row -> (SourceMatch, Int) in
            let match = SourceMatch(source: try Archive.source(from: row), citedBy: row.int("cited_by") ?? 0,
                                    rank: row.double("score"))
            return (match, ranking.score(match.source))
        }
        results += scored.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if a.0.rank != b.0.rank { return (a.0.rank ?? 0) < (b.0.rank ?? 0) }
            if a.0.citedBy != b.0.citedBy { return a.0.citedBy > b.0.citedBy }
            return a.0.source.key < b.0.source.key
        }.map(\.0)
        if let limit, results.count > limit { results = Array(results.prefix(limit)) }
        return results
    }

    /// The records citing a source, by case ref, person ref and kind, with
    /// their locators.
    /// - Throws: `NotFound` (with close keys) when there is no such source.
    public func citingRecords(sourceKey key: String) throws -> [CitingRecord] {
        guard let id = try sourceID(key) else {
            throw NotFound("no source \(key)", suggestions: try sourceSuggestions(for: key))
        }
        let rows = try db.fetchAll("""
            SELECT * FROM (
            SELECT 'case' AS kind, p.ref AS case_ref, NULL AS person_ref, NULL AS event, NULL AS event_date,
                   0 AS sort, c.locator, c.confidence, c.quote, c.note, c.id
            FROM citation c JOIN proceeding p ON p.id = c.proceeding_id WHERE c.source_id = ?1
            UNION ALL
            SELECT 'person', NULL, x.ref, NULL, NULL, 1, c.locator, c.confidence, c.quote, c.note, c.id
            FROM citation c JOIN person x ON x.id = c.person_id WHERE c.source_id = ?1
            UNION ALL
            SELECT 'defendant', p.ref, x.ref, NULL, NULL, 2, c.locator, c.confidence, c.quote, c.note, c.id
            FROM citation c JOIN defendant d ON d.id = c.defendant_id
            JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE c.source_id = ?1
            UNION ALL
            SELECT 'event', p.ref, x.ref, e.kind, e.date, 3 + e.position, c.locator, c.confidence, c.quote, c.note, c.id
            FROM citation c JOIN event e ON e.id = c.event_id JOIN defendant d ON d.id = e.defendant_id
            JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE c.source_id = ?1)
            ORDER BY case_ref IS NULL, case_ref, person_ref, sort, id
            """, [id])
        return rows.map { row in
            CitingRecord(
                record: CitedRecord(kind: CitedRecord.Kind(rawValue: row.string("kind") ?? "") ?? .case,
                                    caseRef: row.string("case_ref"), personRef: row.string("person_ref"),
                                    eventKind: row.string("event"), eventDate: row.string("event_date")),
                locator: row.string("locator"),
                confidence: Confidence(rawValue: row.string("confidence") ?? "") ?? .unverified,
                quote: row.string("quote"), note: row.string("note"))
        }
    }
}

/// Ranks source matches by where each query word matched: a word that
/// starts the key or an author's name counts most, then the title, then an
/// editor's or translator's name, the year and the archival reference,
/// then the container and the rest; a word counts in every field it
/// matches, so the author of "Solomon 1987" outranks its editor. (FTS5's
/// bm25 alone favours short records over the right field when a word is in
/// most of a few sources.)
struct SourceRanking {
    let words: [String]

    init(query: String) { words = Self.tokens(query) }

    /// Words as the index splits and folds them: letters and digits, case
    /// and diacritics folded.
    static func tokens(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func names(_ names: [SourceName]) -> String {
        names.map { [$0.literal, $0.nonDroppingParticle, $0.family, $0.given].compactMap { $0 }.joined(separator: " ") }
            .joined(separator: " ")
    }

    func score(_ source: Source) -> Int {
        let fields: [(Int, String)] = [
            (10, source.key),
            (6, Self.names(source.authors)),
            (4, [source.title, source.extra["title-short"]?.stringValue].compactMap { $0 }.joined(separator: " ")),
            (3, Self.names(source.editors + source.translators)),
            (3, source.issued ?? ""),
            (3, [source.archive, source.archiveLocation, source.archivePlace].compactMap { $0 }.joined(separator: " ")),
            (2, [source.containerTitle, source.collectionTitle, source.publisher, source.publisherPlace]
                .compactMap { $0 }.joined(separator: " ")),
            (1, [source.note, source.volume, source.issue].compactMap { $0 }.joined(separator: " ")),
        ]
        let tokenized = fields.map { ($0.0, Self.tokens($0.1)) }
        var total = 0
        for word in words {
            for (weight, tokens) in tokenized where tokens.contains(where: { $0.hasPrefix(word) }) {
                total += weight
            }
        }
        return total
    }
}
