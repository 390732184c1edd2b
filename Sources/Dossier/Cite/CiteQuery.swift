import DossierStorage
import DossierDomain
import Foundation

extension Archive {
    /// The defendants a search selects, for `dossier cite --query`.
    ///
    /// With free text or a name, the search engine (`search(_:)`: names in
    /// any script or spelling, the text of charges and notes, and the other
    /// filters) finds and ranks them; with filters only, `RecordFilter.sql`
    /// selects them in case-date order.
    /// - Returns: defendant ids, best match first.
    /// - Throws: `DataError` for an unreadable charge or date filter.
    public func defendantIDs(query text: String?, filter: RecordFilter, limit: Int? = nil) throws -> [Int64] {
        let text = text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        var filter = filter
        if let name = filter.name, name.trimmingCharacters(in: .whitespaces).isEmpty { filter.name = nil }
        if text != nil || filter.name != nil {
            let hits = try search(SearchQuery(text: text, filter: filter, limit: limit ?? Int.max))
            let statement = try db.cached("""
                SELECT d.id FROM defendant d
                JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
                WHERE p.ref = ? AND x.ref = ?
                """)
            return try hits.compactMap { try statement.fetchOne([$0.caseRef, $0.personRef])?[0].int64Value }
        }
        let (clause, bindings) = try filter.sql(defaultCode: defaultCode)
        var sql = """
            SELECT d.id FROM defendant d
            JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE \(clause)
            ORDER BY p.date_lower, p.ref, d.position, d.id
            """
        var values = bindings
        if let limit {
            sql += " LIMIT ?"
            values.append(limit)
        }
        return try db.fetchAll(sql, values).compactMap { $0[0].int64Value }
    }
}
