import DossierStorage
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
    /// Column weights for ranking source matches (bm25): a hit in the key
    /// or a creator's name counts most, then title, year and archival
    /// reference, then container and the rest. Order as in `source_fts`.
    static let sourceRankWeights = "10.0, 6.0, 4.0, 2.0, 3.0, 3.0, 1.0"

    /// Finds sources by author, title words, year, archival reference or
    /// key ("Solomon 1987", "vanishing acquittal", "GARF 8131"), best first,
    /// with the number of records citing each.
    ///
    /// Every word must match the start of a word somewhere in the source
    /// (words are quoted, so FTS5 operators are searched as words); case
    /// and Latin diacritics are ignored. A source whose key is exactly the
    /// text comes first. Without text, every source, by key.
    /// - Parameters:
    ///   - text: what to look for, or nil for all.
    ///   - limit: at most this many.
    /// - Throws: `SQLiteError`.
    public func findSources(_ text: String?, limit: Int? = nil) throws -> [SourceMatch] {
        let citedBy = "(SELECT count(*) FROM citation c WHERE c.source_id = s.id)"
        let limitClause = limit.map { " LIMIT \(max(0, $0))" } ?? ""
        let given = (text ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        guard !given.isEmpty else {
            return try db.fetchAll("SELECT s.*, \(citedBy) AS cited_by FROM source s ORDER BY s.key" + limitClause)
                .map { SourceMatch(source: Archive.source(from: $0), citedBy: $0.int("cited_by") ?? 0, rank: nil) }
        }
        let whole = given.joined(separator: " ")
        var results: [SourceMatch] = []
        if let row = try db.fetchOne("SELECT s.*, \(citedBy) AS cited_by FROM source s WHERE s.key = ?", [whole]) {
            results.append(SourceMatch(source: Archive.source(from: row), citedBy: row.int("cited_by") ?? 0, rank: nil))
        }
        let words = given.filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { return results }
        // Each word a prefix query: "vanish" finds "vanishing", "solomon"
        // finds the key "solomon1987vanishing".
        let pattern = words.map { FullTextQuery.quoted($0, prefixLast: true) }.joined(separator: " ")
        let rows = try db.fetchAll("""
            SELECT s.*, \(citedBy) AS cited_by, bm25(source_fts, \(Self.sourceRankWeights)) AS score
            FROM source_fts JOIN source s ON s.id = source_fts.rowid
            WHERE source_fts MATCH ? AND s.key <> ?
            ORDER BY score, cited_by DESC, s.key
            """ + limitClause, [pattern, whole])
        results += rows.map {
            SourceMatch(source: Archive.source(from: $0), citedBy: $0.int("cited_by") ?? 0, rank: $0.double("score"))
        }
        if let limit, results.count > limit { results = Array(results.prefix(limit)) }
        return results
    }

    /// The records citing a source, by case ref, person ref and kind, with
    /// their locators.
    /// - Throws: `NotFound` (with close keys) when there is no such source.
    public func citingRecords(sourceKey key: String) throws -> [CitingRecord] {
        guard let id = try sourceID(key) else {
            throw NotFound("no source \(key)", suggestions: Suggest.close(to: key, in: try sourceKeys()))
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
