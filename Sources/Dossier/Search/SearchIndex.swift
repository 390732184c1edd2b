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
        // What a place reading was read from (PlaceIndex.fingerprint).
        try db.createFunction("dossier_place_read", argumentCount: 2) { arguments in
            PlaceIndex.fingerprint(text: arguments[0].stringValue, date: arguments[1].stringValue)
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

    /// Indexes the current text of the defendants marked dirty by the
    /// triggers, and clears the marks. The triggers have already deleted
    /// their old text from the index (Migrations/0022), so only those that
    /// still exist are inserted. Runs inside the caller's transaction.
    public static func refresh(_ db: Connection) throws {
        guard try db.cached("SELECT EXISTS (SELECT 1 FROM search_dirty)").fetchOne()?[0].intValue == 1 else { return }
        try db.executeCached("""
            INSERT INTO search_text (rowid, text)
            SELECT defendant_id, text FROM defendant_search_text
            WHERE defendant_id IN (SELECT defendant_id FROM search_dirty)
            """)
        try db.executeCached("DELETE FROM search_dirty")
    }

    /// Indexes every defendant's text again from the records ('rebuild'),
    /// and clears the marks. Runs inside the caller's transaction.
    public static func rebuild(_ db: Connection) throws {
        try db.execute("INSERT INTO search_text (search_text) VALUES ('rebuild')")
        try db.execute("DELETE FROM search_dirty")
    }

    /// How far the full-text index is from the defendants' current text:
    /// defendants without an indexed row, indexed rows of no defendant,
    /// defendants left marked by an unfinished write, and — on a writable
    /// connection — whether FTS5's 'integrity-check' finds the index
    /// different from the records (rank 1 makes an external-content table
    /// compare with its content). FTS5 runs that check as a write, so on a
    /// read-only connection `matchesReadOnly` compares instead.
    public static func consistency(_ db: Connection) throws
        -> (missing: Int, orphans: Int, marked: Int, matches: Bool) {
        // search_text_docsize holds one row per indexed defendant.
        let missing = try db.scalar("""
            SELECT count(*) FROM defendant WHERE id NOT IN (SELECT id FROM search_text_docsize)
                AND id NOT IN (SELECT defendant_id FROM search_dirty)
            """).intValue ?? 0
        let orphans = try db.scalar("SELECT count(*) FROM search_text_docsize WHERE id NOT IN (SELECT id FROM defendant)").intValue ?? 0
        let marked = try db.scalar("SELECT count(*) FROM search_dirty").intValue ?? 0
        guard db.mode != .readOnly else { return (missing, orphans, marked, try matchesReadOnly(db)) }
        do {
            try db.savepoint("check_search_text") {
                try db.execute("INSERT INTO search_text (search_text, rank) VALUES ('integrity-check', 1)")
            }
            return (missing, orphans, marked, true)
        } catch ResultCode.SQLITE_CORRUPT {
            // FTS5 reports a mismatch as a corrupt table (SQLITE_CORRUPT_VTAB).
            return (missing, orphans, marked, false)
        }
    }

    /// The comparison of `consistency` on a read-only connection (the
    /// temporary schema stays writable): the defendants' current text is
    /// indexed into a temporary contentless table with the same tokenizer,
    /// and the two indexes must hold the same terms with the same counts
    /// (fts5vocab 'row') and the same number of tokens for each defendant
    /// (the docsize tables).
    static func matchesReadOnly(_ db: Connection) throws -> Bool {
        let drop = ["DROP TABLE IF EXISTS temp.check_vocab_indexed", "DROP TABLE IF EXISTS temp.check_vocab_now",
                    "DROP TABLE IF EXISTS temp.check_search_text"]
        for sql in drop { try db.execute(sql) }
        defer { for sql in drop { try? db.execute(sql) } }
        try db.execute("""
            CREATE VIRTUAL TABLE temp.check_search_text USING fts5(
                text, content = '', tokenize = 'unicode61 remove_diacritics 2')
            """)
        try db.execute("""
            INSERT INTO temp.check_search_text (rowid, text)
            SELECT defendant_id, text FROM main.defendant_search_text
            WHERE defendant_id NOT IN (SELECT defendant_id FROM main.search_dirty)
            """)
        try db.execute("CREATE VIRTUAL TABLE temp.check_vocab_now USING fts5vocab(temp, check_search_text, row)")
        try db.execute("CREATE VIRTUAL TABLE temp.check_vocab_indexed USING fts5vocab(main, search_text, row)")
        let differs = try db.scalar("""
            SELECT EXISTS (SELECT term, doc, cnt FROM temp.check_vocab_now
                           EXCEPT SELECT term, doc, cnt FROM temp.check_vocab_indexed)
                OR EXISTS (SELECT term, doc, cnt FROM temp.check_vocab_indexed
                           EXCEPT SELECT term, doc, cnt FROM temp.check_vocab_now)
                OR EXISTS (SELECT 1 FROM temp.check_search_text_docsize n
                           LEFT JOIN main.search_text_docsize i ON i.id = n.id WHERE i.sz IS NOT n.sz)
                OR EXISTS (SELECT 1 FROM main.search_text_docsize i
                           LEFT JOIN temp.check_search_text_docsize n ON n.id = i.id WHERE n.sz IS NOT i.sz)
            """).intValue ?? 1
        return differs == 0
    }
}
