@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct DuplicateMergeTests {
    func personID(_ test: TestArchive, _ ref: String) throws -> Int64? { try test.archive.personID(ref) }

    @Test func everyCitationSurvivesAPersonMerge() throws {
        let test = try DuplicateFixture.make()
        let before = try test.citationList()
        try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en")
        let after = try test.citationList()
        // The same citations, now on the kept person (and the kept person's
        // row and events in the case both were defendants of).
        #expect(after == before.map { $0.replacingOccurrences(of: "p-chekh-en", with: "p-chekh-ru") }.sorted())
        #expect(try test.count("citation") == before.count)
    }

    @Test func namesBecomeVariantsAndCaseRowsAreMerged() throws {
        let test = try DuplicateFixture.make()
        let otherID = try #require(try personID(test, "p-chekh-en"))
        let plan = try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en")
        #expect(plan.change != nil)
        let person = try #require(try test.archive.loadPerson(ref: "p-chekh-ru"))
        #expect(person.name == "Чехардовский, Михаил Петрович")
        #expect(person.nameVariants == ["Chekhardovsky, Mikhail"])
        #expect(try test.archive.loadPerson(ref: "p-chekh-en") == nil)
        // The name keys moved with the names: a search in English finds the kept person.
        #expect(try test.db.scalar("SELECT count(*) FROM name_key WHERE person_id = ?", [otherID]).intValue == 0)
        #expect(try test.archive.nameHits("Chekhardovsky, Mikhail").first.map { $0.personID } == (try personID(test, "p-chekh-ru")))
        // One defendant row for the person in the case, with every charge
        // (58-8 twice is once; 58-1b in other words is a variant) and event.
        let doc = try #require(try test.archive.loadCase(ref: "c-chekh-1937"))
        #expect(doc.defendants.map(\.person.ref) == ["p-chekh-ru", "p-yashchikov-ru"])
        let row = doc.defendants[0]
        #expect(row.charges.map(\.text) == ["58-1б", "58-8", "58-11"])
        #expect(row.events.map(\.kind.rawValue) == ["executed", "rehabilitated"])
        #expect(row.events[0].citations.map(\.sourceKey) == ["kp-nigdeevo", "fabler1962"])
        #expect(row.citations.map(\.sourceKey) == ["arch-enskii-99", "fictor1990"])
        #expect(row.sentence == "ВМН")
        let notes = try #require(row.notes)
        #expect(notes.contains("Merged from p-chekh-en:"))
        #expect(notes.contains("- charge RSFSR-1926:58-1b as written: 58-1b (cited: fictor1990 p. 201)"))
        #expect(notes.contains("- sentence: death (cited: fictor1990 p. 201)"))
    }

    @Test func conflictingFieldsAreKeptAsVariantsWithTheirCitations() throws {
        let test = try DuplicateFixture.make()
        let plan = try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en")
        let person = try #require(try test.archive.loadPerson(ref: "p-chekh-ru"))
        // Nothing of the kept record was overwritten ...
        #expect(person.birth == "1893-04-27")
        #expect(person.birthplace == "Александровское, Курская губ.")
        // ... and the other's values are in the notes, with their sources.
        #expect(person.notes == """
            Merged from p-chekh-en:
            - birth: 1893 (cited: fabler1962 p. 449)
            - birthplace: Aleksandrovskoe, Kursk province (cited: fabler1962 p. 449)
            - notes: Commander of a rifle division.
            """)
        #expect(plan.conflicts.contains { $0.hasPrefix("birth of p-chekh-ru: 1893-04-27 kept; 1893 from p-chekh-en") })
        #expect(plan.text(dryRun: false).contains("conflicting fields kept as variants"))
    }

    @Test func emptyFieldsAreFilledAndReported() throws {
        let test = try TestArchive()
        try test.add(.person, #"{"ref":"a","name":"Орлов, Пётр Ильич","sex":"m"}"#)
        try test.add(.person, #"{"ref":"b","name":"Orlov, Petr","birth":"1901","birthplace":"Tver","occupation":"teacher"}"#)
        let plan = try test.archive.merge(keep: "a", other: "b")
        let person = try #require(try test.archive.loadPerson(ref: "a"))
        #expect(person.birth == "1901")
        #expect(person.birthplace == "Tver")
        #expect(person.occupation == "teacher")
        #expect(person.notes == nil)
        #expect(plan.conflicts.isEmpty)
        #expect(plan.lines.contains("birth: a had nothing; filled with 1901 from b"))
        #expect(try test.db.scalar("SELECT birth_lower FROM person WHERE ref = 'a'").intValue == DayNumber.from(year: 1901, month: 1, day: 1))
    }

    @Test func dryRunPrintsExactlyWhatTheMergeDoesAndWritesNothing() throws {
        let test = try DuplicateFixture.make()
        let before = try test.dump()
        let changes = try test.count("change")
        let dry = try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en", dryRun: true)
        #expect(try test.dump() == before)
        #expect(try test.count("change") == changes)
        #expect(dry.change == nil)
        #expect(dry.text(dryRun: true).hasPrefix("would merge p-chekh-en into p-chekh-ru (dry run: nothing written)\n"))
        let done = try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en")
        #expect(done.lines == dry.lines)
        #expect(done.conflicts == dry.conflicts)
        #expect(done.rowCount == dry.rowCount)
        // Every row written is in the history of the merge's one change.
        let change = try #require(done.change)
        #expect(try test.db.scalar("SELECT command FROM change WHERE id = ?", [change]).stringValue == "merge")
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [change]).intValue == done.rowCount)
    }

    @Test func theMergedRefStaysAsAnAlias() throws {
        let test = try DuplicateFixture.make()
        let plan = try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en")
        let merged = try #require(try test.archive.mergedRef("p-chekh-en"))
        #expect(merged.into == "p-chekh-ru")
        #expect(merged.kind == .person)
        #expect(merged.change == plan.change)
        let view = try RecordView.load(test.archive, ref: "p-chekh-en")
        #expect(view.text.hasPrefix("p-chekh-en was merged into p-chekh-ru (change \(plan.change!), "))
        #expect(view.text.contains("Чехардовский, Михаил Петрович"))
        let json = view.json.serialized()
        #expect(json.hasPrefix(#"{"merged":{"ref":"p-chekh-en","kind":"person","into":"p-chekh-ru","change":"#))
        // Merging it again, or into it, names where it went.
        do {
            try test.archive.merge(keep: "p-chekh-de", other: "p-chekh-en")
            Issue.record("expected a refusal")
        } catch let error as NotFound {
            #expect(error.description.contains("p-chekh-en was merged into p-chekh-ru"))
        }
        // A new person may not take the ref: an import of the old file
        // would otherwise bring the duplicate back unnoticed.
        #expect(throws: (any Error).self) { try test.add(.person, #"{"ref":"p-chekh-en","name":"Chekhardovsky, Mikhail"}"#) }
        #expect(try test.archive.loadPerson(ref: "p-chekh-en") == nil)
    }

    @Test func aMergeCarriesJudgementsAndEarlierAliases() throws {
        let test = try DuplicateFixture.make()
        try test.archive.merge(keep: "p-chekh-en", other: "p-chekh-memo")
        _ = try test.archive.markNotDuplicate("p-chekh-en", "p-yashchikov-ru")
        _ = try test.archive.markNotDuplicate("p-chekh-ru", "p-yashchikov-ru")
        let plan = try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en")
        #expect(try test.archive.mergedRef("p-chekh-memo")?.into == "p-chekh-ru")
        #expect(try test.archive.mergedRef("p-chekh-en")?.into == "p-chekh-ru")
        // The judgement on the merged record was the same as the kept one's.
        #expect(try test.count("not_duplicate") == 1)
        #expect(plan.lines.contains("alias p-chekh-memo (merged into p-chekh-en earlier) → p-chekh-ru"))
        let person = try #require(try test.archive.loadPerson(ref: "p-chekh-ru"))
        #expect(Set(person.nameVariants) == ["Chekhardovsky, Mikhail", "Чехардовский М. П."])
    }

    @Test func aMergeIsRefusedForTheWrongRecords() throws {
        let test = try DuplicateFixture.make()
        let before = try test.dump()
        #expect(throws: FieldProblem.self) { try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-ru") }
        #expect(throws: FieldProblem.self) { try test.archive.merge(keep: "p-chekh-ru", other: "c-chekh-1937") }
        #expect(throws: NotFound.self) { try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-xx") }
        #expect(throws: NotFound.self) { try test.archive.merge(keep: "memo-list", other: "p-chekh-ru") }
        #expect(try test.dump() == before)
    }

    @Test func casesMergeWithTheirDefendantsAndCitations() throws {
        let test = try DuplicateFixture.make()
        let before = try test.citationList()
        let plan = try test.archive.merge(keep: "c-chekh-1937", other: "c-chekh-de")
        let doc = try #require(try test.archive.loadCase(ref: "c-chekh-1937"))
        #expect(doc.defendants.map(\.person.ref) == ["p-chekh-ru", "p-yashchikov-ru", "p-chekh-en", "p-chekh-de", "p-jaschtschikow-de"])
        #expect(doc.citations.map(\.sourceKey) == ["arch-enskii-99", "erdacht1937"])
        #expect(doc.title == "Дело Чехардовского и других")
        #expect(doc.notes == """
            Merged from c-chekh-de:
            - title: Prozess gegen Tschechardowski und andere (cited: erdacht1937 S. 3)
            - body: Sondergericht des Obersten Gerichts der UdSSR (cited: erdacht1937 S. 3)
            - place: Moskau (cited: erdacht1937 S. 3)
            """)
        #expect(try test.archive.loadCase(ref: "c-chekh-de") == nil)
        #expect(try test.archive.mergedRef("c-chekh-de")?.into == "c-chekh-1937")
        #expect(plan.conflicts.count == 3)
        #expect(try test.citationList() == before.map { $0.replacingOccurrences(of: "c-chekh-de", with: "c-chekh-1937") }.sorted())
        // Now the persons of the merged case are duplicates within one case.
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0.5, limit: 0))
        let pair = try #require(report.candidates.first { Set([$0.keep.ref, $0.other.ref]) == ["p-chekh-ru", "p-chekh-de"] })
        #expect(pair.evidenceFor.contains("both defendants in c-chekh-1937"))
    }

    @Test func defendantsInBothCasesHaveTheirRowsMerged() throws {
        let test = try TestArchive()
        let lines = [
            #"{"case_ref":"a","body_kind":"troika","category":"political","trial_date":"1937-10-01","defendants":[{"person":{"person_ref":"p","name":"Орлов, Пётр Ильич"},"charges":[{"text":"58-10"}],"outcome":"convicted","events":[{"kind":"arrested","date":"1937-08-01"}]}]}"#,
            #"{"case_ref":"b","body_kind":"troika","category":"political","trial_date":"1937-10-01","defendants":[{"person":{"person_ref":"p","name":"Орлов, Пётр Ильич"},"charges":[{"text":"58-10"},{"text":"58-11"}],"outcome":"convicted","sentence":"10 лет ИТЛ","events":[{"kind":"arrested","date":"1937-08-01","notes":"at home"}]}]}"#,
        ]
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        try test.archive.merge(keep: "a", other: "b")
        let doc = try #require(try test.archive.loadCase(ref: "a"))
        #expect(doc.defendants.count == 1)
        #expect(doc.defendants[0].charges.map(\.text) == ["58-10", "58-11"])
        #expect(doc.defendants[0].sentence == "10 лет ИТЛ")
        #expect(doc.defendants[0].events.count == 1)
        #expect(doc.defendants[0].events[0].notes == "Merged from b:\n- notes: at home")
        #expect(try test.count("defendant") == 1)
    }

    /// Applies the history rows of one change in reverse, as a revert does:
    /// the history of a merge holds everything needed to undo it.
    func undoFromHistory(_ test: TestArchive, change: Int64) throws {
        try test.archive.change(command: "test-undo") {
            try test.db.execute("PRAGMA defer_foreign_keys = ON")
            for row in try test.db.fetchAll("SELECT table_name, row_id, op, before FROM history WHERE change_id = ? ORDER BY id DESC", [change]) {
                let table = row.string(0) ?? "", id = row[1].int64Value ?? 0
                func columns() throws -> [(String, SQLValue)] {
                    try test.db.fetchAll("SELECT key, value FROM json_each(?)", [row.string(3) ?? "{}"]).map { ($0.string(0) ?? "", $0[1]) }
                }
                switch row.string(2) {
                case "insert": try test.db.execute("DELETE FROM \(table) WHERE id = ?", [id])
                case "delete":
                    let values = try columns()
                    try test.db.execute("INSERT INTO \(table) (\(values.map(\.0).joined(separator: ", "))) VALUES ("
                                        + values.map { _ in "?" }.joined(separator: ", ") + ")", values.map(\.1))
                default:
                    let values = try columns()
                    try test.db.execute("UPDATE \(table) SET " + values.map { "\($0.0) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                                        values.map(\.1) + [id])
                }
            }
        }
    }

    @Test(arguments: [("p-chekh-ru", "p-chekh-en"), ("c-chekh-1937", "c-chekh-de"), ("p-yezhevikin-ru", "p-yezhevikin-en")])
    func theHistoryOfAMergeUndoesItExactly(keep: String, other: String) throws {
        let test = try DuplicateFixture.make()
        _ = try test.archive.markNotDuplicate(other, keep == "c-chekh-1937" ? "c-yezhevikin-1940" : "p-smirnov-a")
        let before = try test.dump()
        let change = try #require(try test.archive.merge(keep: keep, other: other).change)
        #expect(try test.dump() != before)
        try undoFromHistory(test, change: change)
        #expect(try test.dump() == before)
    }
}
