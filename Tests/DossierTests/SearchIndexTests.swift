@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// The full-text index over the records themselves (Migrations/0022): after
/// every kind of write, FTS5's integrity check finds the index equal to the
/// defendants' current text, new words are found and old ones are not.
@Suite struct SearchIndexTests {
    /// Checks the index against the records, as `dossier check` does.
    func expectInStep(_ test: TestArchive, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let state = try SearchIndex.consistency(test.db)
        #expect(state.missing == 0, sourceLocation: sourceLocation)
        #expect(state.orphans == 0, sourceLocation: sourceLocation)
        #expect(state.marked == 0, sourceLocation: sourceLocation)
        #expect(state.matches, sourceLocation: sourceLocation)
    }

    /// The defendants whose indexed text matches a full-text query.
    func hits(_ test: TestArchive, _ query: String) throws -> Int {
        try test.db.scalar("SELECT count(*) FROM search_text WHERE search_text MATCH ?", [query]).intValue ?? -1
    }

    @Test func theIndexStoresNoSecondCopyOfTheText() throws {
        let test = try TestArchive()
        let tables = try test.db.fetchAll("SELECT name FROM sqlite_schema WHERE name LIKE 'search_text%'").compactMap { $0.string(0) }
        #expect(!tables.contains("search_text_content"))
        #expect(try test.db.scalar("SELECT sql FROM sqlite_schema WHERE name = 'search_text'").stringValue?
            .contains("content = 'defendant_search_text'") == true)
    }

    @Test func importAndReimportOfChangedRowsKeepTheIndexInStep() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(title: "The Quillwort affair")], withSources: true)
        try expectInStep(test)
        #expect(try hits(test, "quillwort") == 2)

        // A re-import that changes the case's title and an outcome.
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(title: "The Bramblefinch affair", outcome: "acquitted")])
        try expectInStep(test)
        #expect(try hits(test, "bramblefinch") == 2)
        #expect(try hits(test, "quillwort") == 0)

        // A re-import that gives an existing defendant a new charge (the
        // old text is deleted from the index before the charge is added).
        let withCharge = ReliabilityData.caseLine(title: "The Bramblefinch affair", outcome: "acquitted")
            .replacingOccurrences(of: #"{"text": "58-11"}"#, with: #"{"text": "58-11"}, {"text": "58-14"}"#)
        #expect(withCharge != ReliabilityData.caseLine(title: "The Bramblefinch affair", outcome: "acquitted"))
        try ReliabilityData.importLines(test.archive, [withCharge])
        try expectInStep(test)
        #expect(try hits(test, #""58 14""#) == 1)

        // A re-import without the second defendant deletes them.
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(title: "The Bramblefinch affair",
                                                                              withSecondDefendant: false)])
        try expectInStep(test)
        #expect(try hits(test, "bramblefinch") == 1)
        #expect(try hits(test, #""58 14""#) == 0)

        // A second case in a later import, beside the indexed first one.
        try ReliabilityData.importLines(test.archive, [ReliabilityData.otherCase.replacingOccurrences(
            of: #""case_ref": "other-1937","#, with: #""case_ref": "other-1937", "title": "The Marshwren case","#)])
        try expectInStep(test)
        #expect(try hits(test, "marshwren") == 1)
        #expect(try hits(test, "bramblefinch") == 1)

        // A re-import that gives charges to a defendant who had none: no
        // charge is deleted first, the insert trigger takes the old text out.
        let marshwren = ReliabilityData.otherCase.replacingOccurrences(
            of: #""case_ref": "other-1937","#, with: #""case_ref": "other-1937", "title": "The Marshwren case","#)
        let charged = marshwren.replacingOccurrences(of: #""outcome": "convicted""#,
                                                     with: #""charges": [{"text": "58-9"}], "outcome": "convicted""#)
        #expect(charged != marshwren)
        try ReliabilityData.importLines(test.archive, [charged])
        try expectInStep(test)
        #expect(try hits(test, #""58 9""#) == 1)
        #expect(try hits(test, "marshwren") == 1)
    }

    @Test func revertOfAnImportAndOfAReimportKeepTheIndexInStep() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(title: "The Quillwort affair")], withSources: true)
        let first = try ReliabilityData.lastChange(test.db)
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(title: "The Bramblefinch affair",
                                                                              withSecondDefendant: false)])
        let second = try ReliabilityData.lastChange(test.db)
        #expect(try hits(test, "quillwort") == 0)

        // Reverting the re-import brings back the old title and the deleted defendant.
        _ = try test.archive.revert(change: second)
        try expectInStep(test)
        #expect(try hits(test, "quillwort") == 2)
        #expect(try hits(test, "bramblefinch") == 0)

        // Reverting the import leaves nothing indexed.
        _ = try test.archive.revert(change: first)
        try expectInStep(test)
        #expect(try hits(test, "quillwort") == 0)
        #expect(try test.count("search_text_docsize") == 0)
        #expect(try test.archive.check().isClean)
    }

    @Test func addAndEditKeepTheIndexInStep() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(title: "The Quillwort affair")], withSources: true)
        // Records added one at a time, as `dossier add` adds them.
        try test.add(.case, #"{"ref": "marshwren-1938", "title": "The Marshwren case", "body_kind": "troika", "category": "political"}"#)
        try test.add(.person, #"{"ref": "p-kukushkin", "name": "Кукушкин, Ефим"}"#)
        try test.add(.defendant, #"""
            {"case": "marshwren-1938", "person": "p-kukushkin", "charge": ["58-14"], "charge_text": "sabotage of the harvest",
             "outcome": "convicted"}
            """#)
        try expectInStep(test)
        #expect(try hits(test, "marshwren") == 1)
        #expect(try hits(test, "harvest") == 1)

        // An edit of the first case's title, saved as `dossier edit` saves it.
        let session = try EntrySession(editing: "pryanikov-1936", archive: test.archive)
        let text = try session.document().replacingOccurrences(of: "The Quillwort affair", with: "The Bramblefinch affair")
        let checked = try session.check(yaml: text)
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        _ = try session.save(try #require(checked.record))
        try expectInStep(test)
        #expect(try hits(test, "bramblefinch") == 2)
        #expect(try hits(test, "quillwort") == 0)
        #expect(try hits(test, "marshwren") == 1)

        // Reverting the edit brings the old words back.
        _ = try test.archive.revert(change: try ReliabilityData.lastChange(test.db))
        try expectInStep(test)
        #expect(try hits(test, "quillwort") == 2)
        #expect(try hits(test, "bramblefinch") == 0)
    }

    @Test func aMergeKeepsTheIndexInStep() throws {
        let test = try DuplicateFixture.make()
        try expectInStep(test)
        let defendants = try test.count("defendant")
        try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en")
        // The merge joined two case rows of one person into one.
        #expect(try test.count("defendant") < defendants)
        try expectInStep(test)
        #expect(try test.count("search_text_docsize") == test.count("defendant"))
    }

    @Test func checkFindsAStaleIndexAndFixRebuildsIt() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(title: "The Quillwort affair")], withSources: true)
        // The records change under the index, with the triggers out of the way.
        try test.db.execute("DROP TRIGGER proceeding_search_update")
        try test.db.execute("UPDATE proceeding SET title = 'The Bramblefinch affair'")
        let expected = [
            "search-index: search_text: the full-text index is out of step: its text differs from the records [--fix repairs this]",
        ]
        #expect(try test.archive.check().findings.map(\.description) == expected)
        // `dossier check` without --fix opens the archive read-only, where
        // FTS5's integrity-check cannot run: the comparison finds it too.
        let readOnly = try Archive(path: test.path, create: false, readOnly: true)
        #expect(try readOnly.check().findings.map(\.description) == expected)
        #expect(try SearchIndex.consistency(readOnly.db).matches == false)
        let fixed = try test.archive.check(fix: true)
        #expect(fixed.fixed.count == 1)
        try expectInStep(test)
        #expect(try hits(test, "bramblefinch") == 2)
        #expect(try hits(test, "quillwort") == 0)
    }
}
