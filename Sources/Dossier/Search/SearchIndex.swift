import DossierStorage
import DossierDomain
import Foundation

/// The derived search indexes (`Migrations/0003_create_search_indexes.sql`).
public enum SearchIndex {
    /// Registers `dossier_name_keys(name)` (a JSON array of the name's
    /// index keys) and `dossier_surname_typo_keys(key)` (the typo keys of a
    /// surname key) on a connection; the triggers on `person_name` call them.
    public static func registerFunctions(_ db: Connection) throws {
        try db.createFunction("dossier_name_keys", argumentCount: 1) { arguments in
            guard let name = arguments.first?.stringValue else { return "[]" }
            return jsonArray(NameKeys.indexKeys(for: name))
        }
        try db.createFunction("dossier_surname_typo_keys", argumentCount: 1) { arguments in
            NameSQL.surnameTypoKeys(arguments.first?.stringValue)
        }
        // The group of a written nationality (латышка → Latvian), for the
        // `--nationality` filter.
        try db.createFunction("dossier_nationality", argumentCount: 1) { arguments in
            Nationality.group(arguments.first?.stringValue)
        }
        // A gazetteer place's name today (docs/places.md), for the
        // published site's place facet.
        try db.createFunction("dossier_place_name", argumentCount: 1) { arguments in
            arguments.first?.stringValue.flatMap { Gazetteers.standard.place($0)?.label }
        }
    }

    static func jsonArray(_ strings: [String]) -> String {
        var out = "["
        for (index, text) in strings.enumerated() {
            if index > 0 { out += "," }
            Escaping.json(text, into: &out)
        }
        return out + "]"
    }

    /// Rebuilds the full-text rows of defendants marked dirty by the
    /// triggers. Runs inside the caller's transaction.
    public static func refresh(_ db: Connection) throws {
        guard try db.cached("SELECT EXISTS (SELECT 1 FROM search_dirty)").fetchOne()?[0].intValue == 1 else { return }
        try db.executeCached("DELETE FROM search_text WHERE rowid IN (SELECT defendant_id FROM search_dirty)")
        try db.executeCached("""
            INSERT INTO search_text (rowid, text)
            SELECT defendant_id, text FROM defendant_search_text
            WHERE defendant_id IN (SELECT defendant_id FROM search_dirty)
            """)
        try db.executeCached("DELETE FROM search_dirty")
    }
}
