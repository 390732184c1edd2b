@testable import Dossier
import Foundation
import Testing

@Suite struct EntryCheckTests {
    func check(_ kind: EntryKind, _ yaml: String, in test: TestArchive) throws -> EntryCheck {
        try EntrySession(new: kind, archive: test.archive).check(yaml: yaml, file: "doc.yaml")
    }

    @Test(arguments: [
        ("outcome: returned", "defendants[0].outcome: unknown outcome \"returned\"; did you mean returned_for_investigation?"),
        ("outcome: aquitted", "defendants[0].outcome: unknown outcome \"aquitted\"; did you mean acquitted?"),
        ("sentence_kind: shooting", "defendants[0].sentence_kind: unknown sentence kind \"shooting\""),
        ("term_years: ten", "defendants[0].term_years: not a number (expected a number such as 10)"),
        ("outcome_date: 1937-02-30", "defendants[0].outcome_date: "),
        ("charges: [\"58-\"]", "defendants[0].charges[0].text: "),
        ("verdict: guilty", "defendants[0].verdict: unknown field"),
    ])
    func aBadDefendantFieldIsNamedWithItsLine(line: String, message: String) throws {
        let test = try EntryFixtures.archive()
        let result = try check(.case, """
            case_ref: c1
            body_kind: troika
            defendants:
              - person:
                  name: Иванов Иван
                \(line)
            """, in: test)
        #expect(result.record == nil)
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.file == "doc.yaml")
        #expect(error.line == 6)
        #expect(error.description.hasPrefix("doc.yaml:6: " + message), "got \(error)")
    }

    @Test func anUnknownSourceKeySuggestsCloseKeys() throws {
        let test = try EntryFixtures.archive()
        let result = try check(.person, """
            person_ref: p-1
            name: Иванов Иван
            citations:
              - source_key: leningrad-martyrology-v2
            """, in: test)
        #expect(result.errors.map(\.description) == [
            "doc.yaml:4: citations[0].source_key: unknown source key \"leningrad-martyrology-v2\"; did you mean lorem-martyrology-v3? (expected the key of a source in the archive or imported in the same run)",
        ])
    }

    @Test func aCaseRefAlreadyTakenIsRefusedWithTheWayToEditIt() throws {
        let test = try EntryFixtures.archive()
        try test.add(.case, #"{"ref": "c1", "body_kind": "troika", "category": "political"}"#)
        let result = try check(.case, "case_ref: c1\nbody_kind: troika\n", in: test)
        #expect(result.errors.map(\.description) == [
            "doc.yaml:1: case_ref: a case with ref c1 already exists (expected a new ref; to change that case, run `dossier edit c1`)",
        ])
    }

    @Test func anEditCannotChangeTheRef() throws {
        let test = try EntryFixtures.archive()
        let session = try EntrySession(editing: "gavo-9999-99-999", archive: test.archive)
        let text = try session.document().replacingOccurrences(of: "key: gavo-9999-99-999", with: "key: gavo-1")
        let result = try session.check(yaml: text)
        #expect(result.errors.map { $0.field ?? "" + $0.problem } == ["key"])
        #expect(result.errors.first?.expected == "gavo-9999-99-999")
    }

    @Test func statuteReferencesAreReadToTheirNormalForm() throws {
        let test = try EntryFixtures.archive()
        let result = try check(.case, """
            case_ref: c1
            body_kind: troika
            defendants:
              - person:
                  name: Иванов Иван
                charges:
                  - 58-1а
                  - ст.58 п.10
                  - ст. 54-10 УК УССР
                  - указ 4.6.1947
                  - oso/КРТД
            """, in: test)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.readings == [
            "58-1а → RSFSR-1926:58-1a", "ст.58 п.10 → RSFSR-1926:58-10", "ст. 54-10 УК УССР → UkrSSR-1927:54-10",
            "указ 4.6.1947 → decree:1947-06-04", "oso/КРТД → oso/КРТД",
        ])
    }

    @Test func refsAreMadeFromNamesWithoutClashing() throws {
        let test = try EntryFixtures.archive()
        try test.add(.person, #"{"ref": "p-ivanov-i-i", "name": "Someone"}"#)
        let result = try check(.case, """
            case_ref: c1
            body_kind: troika
            defendants:
              - person:
                  name: Иванов Иван Иванович
              - person:
                  name: Ivanov, I. I.
            """, in: test)
        #expect(result.errors.isEmpty, "\(result.errors)")
        guard case .caseRecord(let doc)? = result.record else { Issue.record("no case"); return }
        #expect(doc.defendants.map(\.person.ref) == ["p-ivanov-i-i-2", "p-ivanov-i-i-3"])
    }

    @Test func aPersonBornAtAnotherTimeIsNotPointedOut() throws {
        let test = try EntryFixtures.archive()
        let born1893 = try check(.person, "person_ref: p-x\nname: Vykhukholevskii, M.\nbirth: 1893\n", in: test)
        #expect(born1893.hints.map(\.existingRef) == ["nemo:p-88211"])
        let born1920 = try check(.person, "person_ref: p-x\nname: Vykhukholevskii, M.\nbirth: 1920\n", in: test)
        #expect(born1920.hints.isEmpty)
        let someoneElse = try check(.person, "person_ref: p-x\nname: Кузнецов Иван\n", in: test)
        #expect(someoneElse.hints.isEmpty)
    }

    @Test func theHintNamesThePersonAndWhereTheyAppear() throws {
        let test = try EntryFixtures.archive()
        let session = EntrySession(new: .case, archive: test.archive)
        let entered = try session.check(yaml: EntryFixtures.caseText()
            .replacingOccurrences(of: "person_ref: example:p-lebedeva", with: "person_ref: nemo:p-88211"))
        _ = try session.save(try #require(entered.record))
        let result = try check(.case, """
            case_ref: c2
            body_kind: military_collegium
            defendants:
              - person:
                  name: Выхухолевский М. Н.
            """, in: test)
        #expect(result.errors.isEmpty)
        #expect(result.hints.map(\.description) == [
            "line 5: defendants[0].person: \"Выхухолевский М. Н.\": this may be the same person as nemo:p-88211 Выхухолевский, Михаил Наумович (born 1893-04-27; defendant in example:troika-1937-0412): the same surname, and no given name that differs. To use that person, set person_ref: nemo:p-88211",
        ])
    }

    @Test func anEmptyOrShapelessDocumentIsNamed() throws {
        let test = try EntryFixtures.archive()
        #expect(try check(.case, "# only a comment\n", in: test).errors.map(\.description)
                == ["doc.yaml: (document): empty (expected name: value lines, as `dossier new case` shows)"])
        #expect(try check(.source, "- a\n- b\n", in: test).errors.map(\.description)
                == ["doc.yaml:1: (document): not a block of fields (expected name: value lines, as `dossier new source` shows)"])
    }

    @Test func aNewSourceIsCheckedAsAddChecksIt() throws {
        let test = try EntryFixtures.archive()
        let result = try check(.source, "key: s1\ntype: bok\ntitle: T\nauthor: Solomon, Peter H.\n", in: test)
        #expect(result.errors.map(\.description) == [
            "doc.yaml:2: type: unknown source type \"bok\"; did you mean book? (expected a CSL type such as book, chapter, article-journal, article-newspaper, webpage, legal_case, manuscript, dataset, collection)",
        ])
        let fixed = try check(.source, "key: s1\ntype: book\ntitle: T\nauthor: Solomon, Peter H.\n", in: test)
        guard case .source(let source)? = fixed.record else { Issue.record("no source"); return }
        #expect(source.authors == [SourceName(family: "Solomon", given: "Peter H.")])
    }
}
