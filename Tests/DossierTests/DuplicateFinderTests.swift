@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct DuplicateFinderTests {
    func pairs(_ report: DuplicateReport) -> [Set<String>] {
        report.candidates.map { [$0.keep.ref, $0.other.ref] }
    }

    @Test func everyTruePairIsAmongTheTopCandidates() throws {
        let test = try DuplicateFixture.make()
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        let found = pairs(report)
        let top = Array(found.prefix(DuplicateFixture.truePairs.count))
        for pair in DuplicateFixture.truePairs {
            #expect(top.contains(pair), "\(pair.sorted()) not in the top \(top.count): \(found.map { $0.sorted() })")
        }
    }

    @Test func namesakesAreNeverProposed() throws {
        let test = try DuplicateFixture.make()
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        let found = pairs(report)
        for pair in DuplicateFixture.namesakes {
            #expect(!found.contains(pair), "namesakes \(pair.sorted()) proposed")
        }
        // Father and son, the Smirnovs and the Ivanovs were compared and
        // ruled out (the Nebyvalov brothers' given names differ from the first
        // sound, so they are not even compared).
        #expect(report.contradicted >= 3)
    }

    @Test func evidenceNamesWhatAgreesAndWhatDoesNot() throws {
        let test = try DuplicateFixture.make()
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        let chekh = try #require(report.candidates.first { Set([$0.keep.ref, $0.other.ref]) == ["p-chekh-ru", "p-chekh-en"] })
        let evidence = chekh.evidenceFor.joined(separator: "; ")
        #expect(evidence.contains("Чехардовский/Chekhardovsky"))
        #expect(evidence.contains("given names Михаил/Mikhail agree"))
        #expect(evidence.contains("1893"))
        #expect(evidence.contains("both defendants in c-chekh-1937"))
        #expect(evidence.contains("birthplaces agree"))
        // The record with more names, cases and citations is the one to keep.
        #expect(chekh.keep.ref == "p-chekh-ru")
        #expect(chekh.mergeCommand == "dossier merge p-chekh-ru p-chekh-en")

        let pridumiev = try #require(report.candidates.first { Set([$0.keep.ref, $0.other.ref]) == ["p-pridumiev-ru", "p-pridumiev-en"] })
        #expect(pridumiev.evidenceFor.contains { $0.contains("12 days apart") && $0.contains("Old Style") })
    }

    @Test func sameNameDifferentBirthYearsIsEvidenceAgainst() throws {
        let test = try TestArchive()
        try test.add(.person, #"{"ref":"a","name":"Кузнецов, Пётр Семёнович","birth":"1899"}"#)
        try test.add(.person, #"{"ref":"b","name":"Kuznetsov, Petr Semenovich","birth":"1900","birthplace":"Tula"}"#)
        try test.add(.person, #"{"ref":"c","name":"Кузнецов, Пётр Семёнович","birth":"1899","birthplace":"Kursk"}"#)
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        let ab = try #require(report.candidates.first { Set([$0.keep.ref, $0.other.ref]) == ["a", "b"] })
        #expect(ab.evidenceAgainst.contains { $0.contains("different birth dates") })
        let bc = try #require(report.candidates.first { Set([$0.keep.ref, $0.other.ref]) == ["b", "c"] })
        #expect(bc.evidenceAgainst.contains { $0.contains("different birthplaces") })
        let ac = try #require(report.candidates.first { Set([$0.keep.ref, $0.other.ref]) == ["a", "c"] })
        #expect(ac.score > ab.score)
        #expect(ac.score > bc.score)
    }

    @Test(arguments: [
        // Different given names, patronymics, sex, known birth days, deaths.
        (#"{"ref":"a","name":"Орлов, Пётр Ильич"}"#, #"{"ref":"b","name":"Orlov, Pavel Ilyich"}"#),
        (#"{"ref":"a","name":"Орлов, Пётр Ильич"}"#, #"{"ref":"b","name":"Orlov, Petr Nikolaevich"}"#),
        (#"{"ref":"a","name":"Орлов П. И."}"#, #"{"ref":"b","name":"Orlov, Sergei"}"#),
        // A patronymic in -ич from Кузьма, Лука, Фома.
        (#"{"ref":"a","name":"Шевченко Иван Алексеевич"}"#, #"{"ref":"b","name":"Шевченко Иван Кузьмич"}"#),
        (#"{"ref":"a","name":"Орлов, Саша","sex":"m"}"#, #"{"ref":"b","name":"Орлов, Саша","sex":"f"}"#),
        (#"{"ref":"a","name":"Орлов, Пётр","birth":"1900-01-02"}"#, #"{"ref":"b","name":"Орлов, Пётр","birth":"1900-01-03"}"#),
        (#"{"ref":"a","name":"Орлов, Пётр","birth":"1890"}"#, #"{"ref":"b","name":"Орлов, Пётр","birth":"1895"}"#),
        (#"{"ref":"a","name":"Орлов, Пётр","death":"1938-01-02"}"#, #"{"ref":"b","name":"Орлов, Пётр","death":"1941-05-03"}"#),
    ])
    func contradictedPairsAreNotProposed(a: String, b: String) throws {
        let test = try TestArchive()
        try test.add(.person, a)
        try test.add(.person, b)
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        #expect(report.candidates.isEmpty, "proposed: \(report.candidates.map(\.evidenceFor))")
    }

    @Test func executedOnDifferentDaysIsNotOnePerson() throws {
        let test = try TestArchive()
        let lines = [
            #"{"case_ref":"c1","body_kind":"troika","category":"political","trial_date":"1937-09-01","defendants":[{"person":{"person_ref":"a","name":"Орлов, Пётр Ильич"},"events":[{"kind":"executed","date":"1937-09-10"}]}]}"#,
            #"{"case_ref":"c2","body_kind":"troika","category":"political","trial_date":"1938-02-01","defendants":[{"person":{"person_ref":"b","name":"Orlov, Petr Ilyich"},"events":[{"kind":"executed","date":"1938-02-20"}]}]}"#,
        ]
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        #expect(report.candidates.isEmpty)
    }

    @Test func pairsJudgedDistinctAreNotProposedAgain() throws {
        let test = try DuplicateFixture.make()
        let before = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        #expect(pairs(before).contains(["p-yezhevikina", "p-yezhevikina-en"]))
        let result = try test.archive.markNotDuplicate("p-yezhevikina-en", "p-yezhevikina", note: "two women of one name")
        #expect(result.changed)
        #expect(try test.archive.markNotDuplicate("p-yezhevikina", "p-yezhevikina-en").changed == false)
        let after = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        #expect(!pairs(after).contains(["p-yezhevikina", "p-yezhevikina-en"]))
        #expect(after.judgedDistinct == 1)
        #expect(pairs(after).count == pairs(before).count - 1)
        // Merging them is refused; forgetting the judgement brings them back.
        #expect(throws: FieldProblem.self) { try test.archive.merge(keep: "p-yezhevikina", other: "p-yezhevikina-en") }
        #expect(try test.archive.markNotDuplicate("p-yezhevikina", "p-yezhevikina-en", remove: true).changed)
        #expect(pairs(try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0)))
            .contains(["p-yezhevikina", "p-yezhevikina-en"]))
    }

    @Test func notDuplicateNeedsTwoRecordsOfOneKind() throws {
        let test = try DuplicateFixture.make()
        #expect(throws: FieldProblem.self) { try test.archive.markNotDuplicate("p-yezhevikina", "c-yezhevikin-1940") }
        #expect(throws: FieldProblem.self) { try test.archive.markNotDuplicate("p-yezhevikina", "p-yezhevikina") }
        #expect(throws: NotFound.self) { try test.archive.markNotDuplicate("p-yezhevikina", "p-nobody") }
        #expect(throws: NotFound.self) { try test.archive.markNotDuplicate("p-yezhevikina", "memo-list") }
        #expect(try test.count("not_duplicate") == 0)
    }

    @Test func minimumScoreAndLimitCutTheList() throws {
        let test = try DuplicateFixture.make()
        let all = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 0))
        let scores = all.candidates.map(\.score)
        #expect(scores == scores.sorted(by: >))
        let top3 = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0, limit: 3))
        #expect(top3.candidates.map(\.keep.ref) == all.candidates.prefix(3).map(\.keep.ref))
        #expect(top3.found == all.found)
        let strong = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0.7, limit: 0))
        #expect(strong.candidates.allSatisfy { $0.score >= 0.7 })
        #expect(strong.found == all.candidates.filter { $0.score >= 0.7 }.count)
    }

    @Test func casesRecordedTwiceAreFound() throws {
        let test = try DuplicateFixture.make()
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .case, minScore: 0, limit: 0))
        let found = pairs(report)
        for pair in DuplicateFixture.trueCasePairs {
            #expect(found.prefix(DuplicateFixture.trueCasePairs.count).contains(pair), "\(pair.sorted()) not found: \(found)")
        }
        #expect(!found.contains { $0.contains("c-yezhevikin-1940") || $0.contains("c-petrov-1937") })
        let chekh = try #require(report.candidates.first { Set([$0.keep.ref, $0.other.ref]) == ["c-chekh-1937", "c-chekh-de"] })
        #expect(chekh.evidenceFor.contains("same date 1937-09-14"))
        #expect(chekh.evidenceFor.contains { $0.hasPrefix("defendants agree:") })
    }

    @Test func outputsCarryThePairsAndTheEvidence() throws {
        let test = try DuplicateFixture.make()
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: .person, minScore: 0.5, limit: 2))
        let json = DuplicateOutput.json(report)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 2)
        #expect((parsed?.first?["keep"] as? [String: Any])?["ref"] as? String == report.candidates[0].keep.ref)
        #expect(parsed?.first?["for"] is [String])
        let csv = DuplicateOutput.csv(report)
        #expect(csv.hasPrefix("kind,score,keep_ref,keep_name,keep_detail,other_ref,other_name,other_detail,for,against\r\n"))
        #expect(csv.split(separator: "\r\n").count == 3)
        let table = DuplicateOutput.table(report)
        #expect(table.contains(report.candidates[0].mergeCommand))
        #expect(table.contains("candidate pairs with score ≥ 0.50 (the best 2 shown"))
    }

    @Test func dateRelations() throws {
        func span(_ text: String) throws -> DateSpan {
            let date = try EDTFDate.parse(text)
            return try #require(DateSpan(text, date.lower, date.upper))
        }
        #expect(DateRelation.of(try span("1893-02-16"), try span("1893-02-16")) == .sameDay)
        #expect(DateRelation.of(try span("1893-02-16"), try span("1893")) == .sameYear(1893))
        #expect(DateRelation.of(try span("1893-02-16?"), try span("1893-02-17")) == .apart(1))
        #expect(DateRelation.of(try span("1893-02-16"), try span("1893-02-04")) == .calendarGap(12))
        #expect(DateRelation.of(try span("1930-02-16"), try span("1930-02-04")) == .differentDays(12))
        #expect(DateRelation.of(try span("189X"), try span("1893")) == .overlap)
        #expect(DateRelation.of(try span("1893"), try span("1895")) == .apart(366))
    }
}
