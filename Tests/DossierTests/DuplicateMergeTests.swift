@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct DuplicateMergeTests {
    func personID(_ test: TestArchive, _ ref: String) throws -> Int64? { try test.archive.personID(ref) }

    @Test func everyCitationSurvivesAPersonMerge() throws {
        let test = try DuplicateFixture.make()
        let before = try test.citationList()
        try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-en")
        let after = try test.citationList()
        // The same citations, now on the kept person (and the kept person's
        // row and events in the case both were defendants of).
        #expect(after == before.map { $0.replacingOccurrences(of: "p-tukh-en", with: "p-tukh-ru") }.sorted())
        #expect(try test.count("citation") == before.count)
    }

    @Test func namesBecomeVariantsAndCaseRowsAreMerged() throws {
        let test = try DuplicateFixture.make()
        let otherID = try #require(try personID(test, "p-tukh-en"))
        let plan = try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-en")
        #expect(plan.change != nil)
        let person = try #require(try test.archive.loadPerson(ref: "p-tukh-ru"))
        #expect(person.name == "Тухачевский, Михаил Николаевич")
        #expect(person.nameVariants == ["Tukhachevsky, Mikhail"])
        #expect(try test.archive.loadPerson(ref: "p-tukh-en") == nil)
        // The name keys moved with the names: a search in English finds the kept person.
        #expect(try test.db.scalar("SELECT count(*) FROM name_key WHERE person_id = ?", [otherID]).intValue == 0)
        #expect(try test.archive.nameHits("Tukhachevsky, Mikhail").first.map { $0.personID } == (try personID(test, "p-tukh-ru")))
        // One defendant row for the person in the case, with every charge
        // (58-8 twice is once; 58-1b in other words is a variant) and event.
        let doc = try #require(try test.archive.loadCase(ref: "c-tukh-1937"))
        #expect(doc.defendants.map(\.person.ref) == ["p-tukh-ru", "p-yakir-ru"])
        let row = doc.defendants[0]
        #expect(row.charges.map(\.text) == ["58-1б", "58-8", "58-11"])
        #expect(row.events.map(\.kind.rawValue) == ["executed", "rehabilitated"])
        #expect(row.events[0].citations.map(\.sourceKey) == ["kp-smolensk", "erickson1962"])
        #expect(row.citations.map(\.sourceKey) == ["garf-8131", "conquest1990"])
        #expect(row.sentence == "ВМН")
        let notes = try #require(row.notes)
        #expect(notes.contains("Merged from p-tukh-en:"))
        #expect(notes.contains("- charge RSFSR-1926:58-1b as written: 58-1b (cited: conquest1990 p. 201)"))
        #expect(notes.contains("- sentence: death (cited: conquest1990 p. 201)"))
    }

    @Test func conflictingFieldsAreKeptAsVariantsWithTheirCitations() throws {
        let test = try DuplicateFixture.make()
        let plan = try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-en")
        let person = try #require(try test.archive.loadPerson(ref: "p-tukh-ru"))
        // Nothing of the kept record was overwritten ...
        #expect(person.birth == "1893-02-16")
        #expect(person.birthplace == "Александровское, Смоленская губ.")
        // ... and the other's values are in the notes, with their sources.
        #expect(person.notes == """
            Merged from p-tukh-en:
            - birth: 1893 (cited: erickson1962 p. 449)
            - birthplace: Aleksandrovskoe, Smolensk province (cited: erickson1962 p. 449)
            - notes: Marshal of the Soviet Union.
            """)
        #expect(plan.conflicts.contains { $0.hasPrefix("birth of p-tukh-ru: 1893-02-16 kept; 1893 from p-tukh-en") })
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
        let dry = try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-en", dryRun: true)
        #expect(try test.dump() == before)
        #expect(try test.count("change") == changes)
        #expect(dry.change == nil)
        #expect(dry.text(dryRun: true).hasPrefix("would merge p-tukh-en into p-tukh-ru (dry run: nothing written)\n"))
        let done = try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-en")
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
        let plan = try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-en")
        let merged = try #require(try test.archive.mergedRef("p-tukh-en"))
        #expect(merged.into == "p-tukh-ru")
        #expect(merged.kind == .person)
        #expect(merged.change == plan.change)
        let view = try RecordView.load(test.archive, ref: "p-tukh-en")
        #expect(view.text.hasPrefix("p-tukh-en was merged into p-tukh-ru (change \(plan.change!), "))
        #expect(view.text.contains("Тухачевский, Михаил Николаевич"))
        let json = view.json.serialized()
        #expect(json.hasPrefix(#"{"merged":{"ref":"p-tukh-en","kind":"person","into":"p-tukh-ru","change":"#))
        // Merging it again, or into it, names where it went.
        do {
            try test.archive.merge(keep: "p-tukh-de", other: "p-tukh-en")
            Issue.record("expected a refusal")
        } catch let error as NotFound {
            #expect(error.description.contains("p-tukh-en was merged into p-tukh-ru"))
        }
        // A new person may not take the ref: an import of the old file
        // would otherwise bring the duplicate back unnoticed.
        #expect(throws: (any Error).self) { try test.add(.person, #"{"ref":"p-tukh-en","name":"Tukhachevsky, Mikhail"}"#) }
        #expect(try test.archive.loadPerson(ref: "p-tukh-en") == nil)
    }

    @Test func aMergeCarriesJudgementsAndEarlierAliases() throws {
        let test = try DuplicateFixture.make()
        try test.archive.merge(keep: "p-tukh-en", other: "p-tukh-memo")
        _ = try test.archive.markNotDuplicate("p-tukh-en", "p-yakir-ru")
        _ = try test.archive.markNotDuplicate("p-tukh-ru", "p-yakir-ru")
        let plan = try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-en")
        #expect(try test.archive.mergedRef("p-tukh-memo")?.into == "p-tukh-ru")
        #expect(try test.archive.mergedRef("p-tukh-en")?.into == "p-tukh-ru")
        // The judgement on the merged record was the same as the kept one's.
        #expect(try test.count("not_duplicate") == 1)
        #expect(plan.lines.contains("alias p-tukh-memo (merged into p-tukh-en earlier) → p-tukh-ru"))
        let person = try #require(try test.archive.loadPerson(ref: "p-tukh-ru"))
        #expect(Set(person.nameVariants) == ["Tukhachevsky, Mikhail", "Тухачевский М. Н."])
    }

    @Test func aMergeIsRefusedForTheWrongRecords() throws {
        let test = try DuplicateFixture.make()
        let before = try test.dump()
        #expect(throws: FieldProblem.self) { try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-ru") }
        #expect(throws: FieldProblem.self) { try test.archive.merge(keep: "p-tukh-ru", other: "c-tukh-1937") }
        #expect(throws: NotFound.self) { try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-xx") }
        #expect(throws: NotFound.self) { try test.archive.merge(keep: "memo-list", other: "p-tukh-ru") }
        #expect(try test.dump() == before)
    }

    @Test func casesMergeWithTheirDefendantsAndCitations() throws {
        let test = try DuplicateFixture.make()
        let before = try test.citationList()
        let plan = try test.archive.merge(keep: "c-tukh-1937", other: "c-tukh-de")
        let doc = try #require(try test.archive.loadCase(ref: "c-tukh-1937"))
        #expect(doc.defendants.map(\.person.ref) == ["p-tukh-ru", "p-yakir-ru", "p-tukh-en", "p-tukh-de", "p-jakir-de"])
        #expect(doc.citations.map(\.sourceKey) == ["garf-8131", "wollenberg1937"])
        #expect(doc.title == "Дело о военно-фашистском заговоре")
        #expect(doc.notes == """
            Merged from c-tukh-de:
            - title: Prozess gegen Tuchatschewski und andere (cited: wollenberg1937 S. 3)
            - body: Sondergericht des Obersten Gerichts der UdSSR (cited: wollenberg1937 S. 3)
            - place: Moskau (cited: wollenberg1937 S. 3)
            """)
        #expect(try test.archive.loadCase(ref: "c-tukh-de") == nil)
        #expect(try test.archive.mergedRef("c-tukh-de")?.into == "c-tukh-1937")
        #expect(plan.conflicts.count == 3)
        #expect(try test.citationList() == before.map { $0.replacingOccurrences(of: "c-tukh-de", with: "c-tukh-1937") }.sorted())
        // Now the persons of the merged case are duplicates within one case.
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0.5, limit: 0))
        let pair = try #require(report.candidates.first { Set([$0.keep.ref, $0.other.ref]) == ["p-tukh-ru", "p-tukh-de"] })
        #expect(pair.evidenceFor.contains("both defendants in c-tukh-1937"))
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

    @Test(arguments: [("p-tukh-ru", "p-tukh-en"), ("c-tukh-1937", "c-tukh-de"), ("p-yezhov-ru", "p-yezhov-en")])
    func theHistoryOfAMergeUndoesItExactly(keep: String, other: String) throws {
        let test = try DuplicateFixture.make()
        _ = try test.archive.markNotDuplicate(other, keep == "c-tukh-1937" ? "c-yezhov-1940" : "p-smirnov-a")
        let before = try test.dump()
        let change = try #require(try test.archive.merge(keep: keep, other: other).change)
        #expect(try test.dump() != before)
        try undoFromHistory(test, change: change)
        #expect(try test.dump() == before)
    }
}
