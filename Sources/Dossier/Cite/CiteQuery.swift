import DossierStorage
import Foundation

extension Archive {
    /// The defendants a search selects, for `dossier cite --query`: the
    /// free text and name go to `defendantIDsMatching(text:name:)` (the
    /// search engine's ranking), every other filter to `RecordFilter.sql`.
    /// - Returns: defendant ids, best match first (by the search ranking
    ///   when there is text or a name, else by case date and ref).
    /// - Throws: `DataError` for an unreadable charge or date filter.
    public func defendantIDs(query text: String?, filter: RecordFilter, limit: Int? = nil) throws -> [Int64] {
        let text = text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let name = filter.name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let (clause, bindings) = try filter.sql(defaultCode: defaultCode)
        let base = """
            SELECT d.id FROM defendant d
            JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE (\(clause))
            """
        var ids: [Int64]
        if text != nil || name != nil {
            let ranked = try defendantIDsMatching(text: text, name: name)
            guard !ranked.isEmpty else { return [] }
            let allowed = Set(try db.fetchAll(base + " AND d.id IN (SELECT value FROM json_each(?))",
                                              bindings + [Self.jsonArray(ranked)]).compactMap { $0[0].int64Value })
            ids = ranked.filter(allowed.contains)
        } else {
            ids = try db.fetchAll(base + " ORDER BY p.date_lower, p.ref, d.position, d.id", bindings)
                .compactMap { $0[0].int64Value }
        }
        if let limit, ids.count > limit { ids = Array(ids.prefix(limit)) }
        return ids
    }
}
