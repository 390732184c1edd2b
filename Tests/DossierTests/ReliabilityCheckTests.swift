@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct ReliabilityCheckTests {
    func populated() throws -> TestArchive {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(), ReliabilityData.otherCase], withSources: true)
        return test
    }

    @Test func aFreshArchiveAndTheFixturesPass() throws {
        let test = try TestArchive()
        #expect(try test.archive.check().isClean)
        _ = try Tour.build(test.archive)
        let report = try test.archive.check()
        #expect(report.findings.map(\.description) == [])
        #expect(report.rowsChecked > 100)
    }

    @Test func wrongDateBoundsAreFoundAndFixedAsARevertibleChange() throws {
        let test = try populated()
        try test.db.execute("UPDATE person SET birth_lower = 0, birth_upper = 1 WHERE ref = 'p-pryanikov'")
        let report = try test.archive.check()
        #expect(report.findings.map(\.description) == [
            "date-bounds: person p-pryanikov (#1): birth: stored bounds 1970-01-01…1970-01-02 differ from those of \"1885\" "
                + "(1885-01-01…1885-12-31) [--fix repairs this]",
        ])

        let fixed = try test.archive.check(fix: true)
        #expect(fixed.isClean)
        #expect(fixed.fixed.count == 1)
        let change = try #require(fixed.fixChange)
        #expect(try test.db.scalar("SELECT command || ' ' || summary FROM change WHERE id = ?", [change]).stringValue
                == "check --fix: 1 repairs")
        #expect(try test.db.scalar("SELECT birth_lower FROM person WHERE ref = 'p-pryanikov'").intValue
                == DayNumber.from(year: 1885, month: 1, day: 1))
        // The repair is in the history like any other change.
        _ = try test.archive.revert(change: change)
        #expect(try test.db.scalar("SELECT birth_lower FROM person WHERE ref = 'p-pryanikov'").intValue == 0)
    }

    @Test func aDateThatIsNotEDTFIsFoundButNotGuessed() throws {
        let test = try populated()
        try test.db.execute("UPDATE proceeding SET date = 'c. 1936' WHERE ref = 'pryanikov-1936'")
        try test.db.execute("UPDATE event SET date = NULL WHERE kind = 'arrested'")
        let report = try test.archive.check(fix: true)
        #expect(report.findings.map(\.rule) == [.date])
        #expect(report.findings.first?.description.hasPrefix("date: case pryanikov-1936 (#1): date: \"c. 1936\" is not a valid date: ") == true)
        #expect(report.fixed.map(\.rule) == [.dateBounds])
        #expect(try test.db.scalar("SELECT count(*) FROM event WHERE date_lower IS NOT NULL OR date_upper IS NOT NULL").intValue == 1)
    }

    @Test func valuesOutsideTheirVocabulary() throws {
        let test = try populated()
        try test.db.execute("PRAGMA ignore_check_constraints = ON")
        try test.db.execute("UPDATE defendant SET outcome = 'acquited' WHERE id = 1")
        try test.db.execute("UPDATE proceeding SET body_kind = 'tribunal' WHERE ref = 'other-1937'")
        try test.db.execute("PRAGMA ignore_check_constraints = OFF")
        let report = try test.archive.check()
        // SQLite's integrity_check sees the broken CHECK constraints too.
        #expect(report.findings.map(\.description) == [
            "integrity: CHECK constraint failed in proceeding",
            "integrity: CHECK constraint failed in defendant",
            "vocabulary: case other-1937 (#2): body_kind: \"tribunal\" is not one of " + BodyKind.allowed.joined(separator: ", "),
            "vocabulary: defendant p-pryanikov in case pryanikov-1936 (#1): outcome: \"acquited\" is not one of "
                + Outcome.allowed.joined(separator: ", "),
        ])
    }

    @Test func missingPersonsCasesAndCitedRecords() throws {
        let test = try populated()
        try test.db.execute("PRAGMA foreign_keys = OFF")
        try test.db.execute("DELETE FROM person WHERE ref = 'p-other'")
        try test.db.execute("DELETE FROM event WHERE kind = 'arrested'")
        try test.db.execute("PRAGMA foreign_keys = ON")
        let report = try test.archive.check(fix: true)
        let rules = report.findings.map(\.rule)
        // The defendant and the name of the person, and the citation of the event.
        #expect(rules.filter { $0 == .foreignKey }.count == 3)
        #expect(report.findings.contains { $0.rule == .defendant && $0.problem == "has no person" })
        #expect(report.findings.contains { $0.rule == .citation && $0.problem == "the record it cites for does not exist" })
        #expect(report.fixed.isEmpty)
        #expect(!report.isClean)
    }

    @Test func eachPersonHasExactlyOnePrimaryName() throws {
        let test = try populated()
        // p-other has one name: making it primary again needs no guessing.
        try test.db.execute("UPDATE person_name SET is_primary = 0 WHERE person_id = (SELECT id FROM person WHERE ref = 'p-other')")
        // p-pryanikov has two: which one is primary is for a person to say.
        try test.db.execute("UPDATE person_name SET is_primary = 0 WHERE person_id = (SELECT id FROM person WHERE ref = 'p-pryanikov')")
        let report = try test.archive.check(fix: true)
        #expect(report.fixed.map(\.description) == ["primary-name: person p-other (#3): has 1 name but none is primary [--fix repairs this]"])
        #expect(report.findings.map(\.description) == ["primary-name: person p-pryanikov (#1): has 2 names but none is primary"])
    }

    @Test func refsThatCannotBeTypedBack() throws {
        let test = try populated()
        try test.db.execute("UPDATE person SET ref = 'p-other ' WHERE ref = 'p-other'")
        try test.db.execute("UPDATE source SET key = 'memo' || char(10) || 'list' WHERE key = 'memo-list'")
        let report = try test.archive.check()
        #expect(report.findings.map(\.description) == [
            "ref: person p-other  (#3): ref \"p-other \" is blank or has spaces or control characters at the ends or inside",
            "ref: source memo\nlist (#1): key \"memo\\nlist\" is blank or has spaces or control characters at the ends or inside",
        ])
    }

    @Test func historyOutsideAnyChange() throws {
        let test = try populated()
        try test.db.execute("INSERT INTO history (change_id, table_name, row_id, op) VALUES (NULL, 'person', 1, 'update')")
        #expect(try test.archive.check().findings.map(\.description) == ["history: history: 1 history row belong to no change"])
    }

    @Test func idRangesOutsideAnyChangeOrOfNoRecordTable() throws {
        let test = try populated()
        #expect(try test.count("history_range") > 0)
        #expect(try test.archive.check().isClean)
        try test.db.execute("PRAGMA foreign_keys = OFF")
        try test.db.execute("INSERT INTO history_range (change_id, table_name, first_id, last_id) VALUES (999, 'person', 1, 2)")
        try test.db.execute("""
            INSERT INTO history_range (change_id, table_name, first_id, last_id) SELECT max(id), 'setting', 1, 1 FROM change
            """)
        let found = try test.archive.check().findings.map(\.description)
        // The foreign key check finds the first too.
        #expect(found == [
            "foreign-key: history_range #9 (#9): points at a change that does not exist",
            "history: history_range: 1 id range of imports belongs to no change",
            "history: history_range: id ranges name a table setting that holds no records",
        ], "\(found)")
    }

    @Test func aDamagedIndexIsRepairedByReindexing() throws {
        let test = try populated()
        // An index whose entries disagree with its table, as a damaged
        // file would have: build it over one column, then tell SQLite it
        // is over another.
        try test.db.execute("CREATE INDEX person_occupation ON person(occupation)")
        try test.db.execute("PRAGMA writable_schema = ON")
        try test.db.execute("UPDATE sqlite_schema SET sql = 'CREATE INDEX person_occupation ON person(notes)' WHERE name = 'person_occupation'")
        try test.db.execute("PRAGMA writable_schema = OFF")
        try test.db.execute("UPDATE person SET notes = 'n' WHERE ref = 'p-pryanikov'")
        let reopened = try Archive(path: test.path)
        let report = try reopened.check()
        #expect(report.findings.contains { $0.rule == .integrity && $0.fixable })
        let fixed = try reopened.check(fix: true)
        #expect(fixed.isClean)
    }

    @Test func derivedSearchIndexesOutOfStepAreRebuilt() throws {
        let test = try populated()
        try test.db.execute("DELETE FROM search_text WHERE rowid = 1")
        try test.db.execute("INSERT INTO search_text (rowid, text) VALUES (99, 'stray')")
        try test.db.execute("DELETE FROM name_key WHERE name_id = 1")
        try test.db.execute("INSERT INTO name_key (key, name_id, person_id) VALUES ('s:stray:_', 999999, 1)")
        try test.db.execute("DELETE FROM source_fts WHERE rowid = 1")
        // Pryanikov's surname key without its typo keys (and the stray key has none).
        try test.db.execute("DELETE FROM surname_typo WHERE surname LIKE 's:pranikev:%'")
        #expect(try test.archive.search(SearchQuery(text: "Savelii Prtanikov")).map(\.personRef).contains("p-pryanikov") == false)
        let report = try test.archive.check()
        #expect(report.findings.map(\.description) == [
            "search-index: search_text: the full-text index is out of step: 1 defendant is not indexed; 1 indexed row belongs to no defendant;"
                + " its text differs from the records [--fix repairs this]",
            "search-index: name_key: 1 name has no search keys, or keys of another person, and 1 key belong to no name [--fix repairs this]",
            "search-index: surname_typo: 2 surname keys lack some of their typo keys [--fix repairs this]",
            "search-index: source_fts: the citation lookup index of 1 source is missing or out of date [--fix repairs this]",
        ])
        let changes = try test.count("change")
        let fixed = try test.archive.check(fix: true)
        #expect(fixed.isClean)
        #expect(fixed.fixed.count == 4)
        // Derived rows are not records: no change, no history.
        #expect(try test.count("change") == changes)
        #expect(try test.archive.search(SearchQuery(text: "Пряников")).map(\.personRef).contains("p-pryanikov"))
        #expect(try test.archive.search(SearchQuery(text: "Savelii Prtanikov")).map(\.personRef).contains("p-pryanikov"))
        #expect(try test.count("name_key") == test.db.scalar("SELECT count(*) FROM name_key WHERE name_id IN (SELECT id FROM person_name)").intValue)
    }

    /// name_key has no foreign key: deleting a name (or its person) takes
    /// its keys with it through a trigger.
    @Test func deletedNamesTakeTheirKeys() throws {
        let test = try populated()
        let before = try test.count("name_key")
        let name = try #require(try test.db.scalar("SELECT id FROM person_name WHERE is_primary = 0 LIMIT 1").int64Value)
        let keys = try test.db.scalar("SELECT count(*) FROM name_key WHERE name_id = ?", [name]).intValue ?? 0
        #expect(keys > 0)
        try test.db.execute("DELETE FROM person_name WHERE id = ?", [name])
        #expect(try test.count("name_key") == before - keys)
        #expect(try test.db.scalar("SELECT count(*) FROM name_key WHERE name_id NOT IN (SELECT id FROM person_name)").intValue == 0)
    }
}
