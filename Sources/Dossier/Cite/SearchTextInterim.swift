import DossierStorage
import Foundation

// INTERIM. `dossier search` (another piece of work, in progress) provides
// `Archive.defendantIDsMatching(text:name:)`: name matching in any script
// or spelling through the name index, and ranked free-text search of
// charges and notes. When it lands, delete this file; `dossier cite
// --query` calls that function and needs nothing else.

extension Archive {
    /// The defendants whose names or text match, best match first.
    ///
    /// Interim version: every word of `text` must occur (as a substring,
    /// ignoring ASCII case) in the person's names, the case's title or
    /// notes, the defendant's charges, charge text or notes; `name` must
    /// occur in one of the person's names. Results in case-date order.
    /// - Parameters:
    ///   - text: free text, or nil.
    ///   - name: a person's name, or nil.
    /// - Returns: defendant ids.
    public func defendantIDsMatching(text: String?, name: String?) throws -> [Int64] {
        var clauses: [String] = []
        var bindings: [SQLBindable] = []
        if let name {
            clauses.append("EXISTS (SELECT 1 FROM person_name n WHERE n.person_id = d.person_id AND instr(lower(n.name), lower(?)) > 0)")
            bindings.append(name)
        }
        for word in (text ?? "").split(whereSeparator: \.isWhitespace) {
            clauses.append("instr(h.text, lower(?)) > 0")
            bindings.append(String(word))
        }
        let sql = """
            WITH h AS (
                SELECT d.id, p.date_lower, p.ref, d.position, lower(
                    coalesce((SELECT group_concat(n.name, ' ') FROM person_name n WHERE n.person_id = d.person_id), '')
                    || ' ' || coalesce(p.title, '') || ' ' || coalesce(p.notes, '')
                    || ' ' || coalesce(d.charge_text, '') || ' ' || coalesce(d.notes, '')
                    || ' ' || coalesce((SELECT group_concat(c.raw || ' ' || c.ref || ' ' || coalesce(c.description, ''), ' ')
                                        FROM charge c WHERE c.defendant_id = d.id), '')) AS text
                FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id
            )
            SELECT h.id FROM h JOIN defendant d ON d.id = h.id
            WHERE \(clauses.isEmpty ? "1" : clauses.joined(separator: " AND "))
            ORDER BY h.date_lower, h.ref, h.position, h.id
            """
        return try db.fetchAll(sql, bindings).compactMap { $0[0].int64Value }
    }
}
