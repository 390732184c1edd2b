@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct AddShowTests {
    /// Adds one record of every kind, every field set, Cyrillic included.
    func populated() throws -> TestArchive {
        let test = try TestArchive()
        try test.add(.source, """
            {"key": "kniga-pamyati-v3", "type": "book", "title": "Мартиролог Вымышленной области: 1937–1938. Том 3",
             "author": ["Сочинёнов, Анатолий"], "editor": ["Иванов, Иван"], "translator": ["Smith, John"],
             "container_title": "Мартиролог Вымышленной области", "collection_title": "Книга памяти",
             "volume": "3", "issue": "1", "page": "12-14", "edition": "2", "publisher": "Вымышленная библиотека",
             "publisher_place": "Санкт-Петербург", "issued": "1998", "url": "https://example.org/lm3",
             "doi": "10.1000/xyz", "accessed": "2026-11-27", "archive": "ГАВО", "archive_location": "ф. Р-9999, оп. 99, д. 999",
             "archive_place": "Москва", "language": "ru", "note": "Том 3"}
            """)
        try test.add(.person, """
            {"ref": "nemo:p-88211", "name": "Выхухолевский, Михаил Наумович", "name_variant": ["Mikhail Vykhukholevsky", "Wychucholewski"],
             "sex": "m", "birth": "1893-04-27", "death": "1937-09-15", "birthplace": "Александровское", "occupation": "агроном",
             "notes": "Примечание «в кавычках»"}
            """)
        try test.add(.case, """
            {"ref": "military-case-1937", "title": "Дело военных", "body": "Специальное судебное присутствие Верховного суда СССР",
             "body_kind": "supreme_court", "category": "political", "place": "Москва", "date": "1937-09-14", "notes": "закрытое заседание"}
            """)
        try test.add(.defendant, """
            {"case": "military-case-1937", "person": "nemo:p-88211", "charge": ["ст. 58-1б", "58-8; 58-11"],
             "charge_text": "военно-фашистский заговор", "outcome": "convicted", "outcome_text": "ВМН", "sentence": "высшая мера наказания",
             "sentence_kind": "death", "term_years": 0, "charge_reduced": true, "outcome_date": "1937-09-14", "notes": "n"}
            """)
        try test.add(.event, """
            {"case": "military-case-1937", "person": "nemo:p-88211", "kind": "rehabilitated", "date": "1957-05-29",
             "body": "Военная коллегия Верховного суда СССР", "notes": "посмертно"}
            """)
        try test.add(.citation, """
            {"source": "kniga-pamyati-v3", "case": "military-case-1937", "person": "nemo:p-88211", "locator": "л. 12об",
             "confidence": "confirmed", "quote": "«приговорить к ВМН»", "note": "n2"}
            """)
        try test.add(.citation, #"{"source": "kniga-pamyati-v3", "case": "military-case-1937", "locator": "p. 3"}"#)
        try test.add(.citation, #"{"source": "kniga-pamyati-v3", "person": "nemo:p-88211", "confidence": "disputed"}"#)
        return test
    }

    /// `show` reads a case in several statements; a commit by another
    /// connection between two of them must not be half seen (a case with
    /// the old outcome beside the new event). Inside `snapshot` the second
    /// read sees what the first saw; outside it, the commit shows.
    @Test func aSnapshotDoesNotSeeACommitMadeBetweenItsReads() throws {
        let test = try populated()
        let writer = try Archive(path: test.path)
        func events() throws -> Int {
            try test.db.scalar("SELECT count(*) FROM event").intValue ?? -1
        }
        func addEvent(_ date: String) throws {
            _ = try writer.add(.event, try JSONDecoder().decode(JSONValue.self, from: Data("""
                {"case": "military-case-1937", "person": "nemo:p-88211", "kind": "rehabilitated", "date": "\(date)"}
                """.utf8)))
        }
        let before = try events()
        let (first, second, view) = try test.archive.snapshot {
            let first = try events()
            try addEvent("1989-01-16")
            let second = try events()
            // Nested use (RecordView.load opens its own snapshot) runs in
            // the one already open rather than failing on a second BEGIN.
            let view = try RecordView.load(test.archive, ref: "military-case-1937")
            return (first, second, view)
        }
        #expect(first == before)
        #expect(second == before)
        guard case .caseRecord(let doc, _) = view else {
            Issue.record("not a case: \(view)")
            return
        }
        #expect(!doc.json.serialized().contains("1989-01-16"))
        #expect(try events() == before + 1)
        let after = try RecordView.load(test.archive, ref: "military-case-1937")
        guard case .caseRecord(let reloaded, _) = after else { return }
        #expect(reloaded.json.serialized().contains("1989-01-16"))
    }

    @Test func everyFieldRoundTripsThroughShowJSON() throws {
        let test = try populated()
        let json = try RecordView.load(test.archive, ref: "military-case-1937").json.serialized()
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        guard case .object(let top) = value, case .object(let kase)? = top["case"],
              case .array(let defendants)? = kase["defendants"], case .object(let defendant)? = defendants.first,
              case .object(let person)? = defendant["person"], case .array(let sources)? = top["sources"],
              case .object(let source)? = sources.first
        else {
            Issue.record("unexpected shape: \(json)")
            return
        }
        #expect(kase["case_ref"] == .string("military-case-1937"))
        #expect(kase["title"] == .string("Дело военных"))
        #expect(kase["body"] == .string("Специальное судебное присутствие Верховного суда СССР"))
        #expect(kase["body_kind"] == .string("supreme_court"))
        #expect(kase["category"] == .string("political"))
        #expect(kase["place"] == .string("Москва"))
        #expect(kase["trial_date"] == .string("1937-09-14"))
        #expect(kase["notes"] == .string("закрытое заседание"))
        #expect(person["person_ref"] == .string("nemo:p-88211"))
        #expect(person["name"] == .string("Выхухолевский, Михаил Наумович"))
        #expect(person["name_variants"] == .array([.string("Mikhail Vykhukholevsky"), .string("Wychucholewski")]))
        #expect(person["sex"] == .string("m"))
        #expect(person["birth"] == .string("1893-04-27"))
        #expect(person["death"] == .string("1937-09-15"))
        #expect(person["birthplace"] == .string("Александровское"))
        #expect(person["occupation"] == .string("агроном"))
        #expect(person["notes"] == .string("Примечание «в кавычках»"))
        guard case .array(let charges)? = defendant["charges"] else { Issue.record("no charges"); return }
        #expect(charges.count == 3)
        #expect(defendant["charge_text"] == .string("военно-фашистский заговор"))
        #expect(defendant["outcome"] == .string("convicted"))
        #expect(defendant["outcome_text"] == .string("ВМН"))
        #expect(defendant["sentence"] == .string("высшая мера наказания"))
        #expect(defendant["sentence_kind"] == .string("death"))
        #expect(defendant["term_years"] == .number(0))
        #expect(defendant["charge_reduced"] == .bool(true))
        #expect(defendant["outcome_date"] == .string("1937-09-14"))
        #expect(defendant["notes"] == .string("n"))
        guard case .array(let events)? = defendant["events"], case .object(let event)? = events.first else {
            Issue.record("no events"); return
        }
        #expect(event["kind"] == .string("rehabilitated"))
        #expect(event["date"] == .string("1957-05-29"))
        #expect(event["body"] == .string("Военная коллегия Верховного суда СССР"))
        #expect(event["notes"] == .string("посмертно"))
        guard case .array(let citations)? = defendant["citations"], case .object(let citation)? = citations.first else {
            Issue.record("no citations"); return
        }
        #expect(citation["source_key"] == .string("kniga-pamyati-v3"))
        #expect(citation["locator"] == .string("л. 12об"))
        #expect(citation["confidence"] == .string("confirmed"))
        #expect(citation["quote"] == .string("«приговорить к ВМН»"))
        #expect(citation["note"] == .string("n2"))
        #expect(kase["citations"] != nil)
        #expect(person["citations"] != nil)
        // The source, as CSL-JSON.
        #expect(source["id"] == .string("kniga-pamyati-v3"))
        #expect(source["title"] == .string("Мартиролог Вымышленной области: 1937–1938. Том 3"))
        #expect(source["publisher-place"] == .string("Санкт-Петербург"))
        #expect(source["archive_location"] == .string("ф. Р-9999, оп. 99, д. 999"))
    }

    @Test func sourceRoundTripsEveryField() throws {
        let test = try populated()
        let source = try #require(try test.archive.loadSource(key: "kniga-pamyati-v3"))
        #expect(source.type == "book")
        #expect(source.authors == [SourceName(family: "Сочинёнов", given: "Анатолий")])
        #expect(source.editors == [SourceName(family: "Иванов", given: "Иван")])
        #expect(source.translators == [SourceName(family: "Smith", given: "John")])
        #expect(source.containerTitle == "Мартиролог Вымышленной области")
        #expect(source.collectionTitle == "Книга памяти")
        #expect(source.volume == "3")
        #expect(source.issue == "1")
        #expect(source.page == "12-14")
        #expect(source.edition == "2")
        #expect(source.publisher == "Вымышленная библиотека")
        #expect(source.publisherPlace == "Санкт-Петербург")
        #expect(source.issued == "1998")
        #expect(source.url == "https://example.org/lm3")
        #expect(source.doi == "10.1000/xyz")
        #expect(source.accessed == "2026-11-27")
        #expect(source.archive == "ГАВО")
        #expect(source.archiveLocation == "ф. Р-9999, оп. 99, д. 999")
        #expect(source.archivePlace == "Москва")
        #expect(source.language == "ru")
        #expect(source.note == "Том 3")
    }

    @Test func personShowsTheirCases() throws {
        let test = try populated()
        let view = try RecordView.load(test.archive, ref: "nemo:p-88211")
        #expect(view.text.contains("military-case-1937 (Дело военных), 1937-09-14: convicted"))
        #expect(view.text.contains("disputed"))
    }

    @Test func tableShowsChargesNormalisedAndSources() throws {
        let test = try populated()
        let text = try RecordView.load(test.archive, ref: "military-case-1937").text
        #expect(text.contains("RSFSR-1926:58-1b"))
        #expect(text.contains("л. 12об"))
        #expect(text.contains("Sources"))
    }

    @Test(arguments: [
        (RecordKind.case, #"{"ref": "c", "body_kind": "court-martial", "category": "political"}"#, "body_kind: unknown body kind"),
        (RecordKind.case, #"{"ref": "c", "body_kind": "troika", "category": "political", "date": "1937-02-30"}"#, "date: "),
        (RecordKind.case, #"{"ref": "c", "body_kind": "troika"}"#, "category: missing"),
        (RecordKind.person, #"{"ref": "p", "name": "X", "colour": "red"}"#, "colour: unknown field"),
        (RecordKind.person, #"{"name": "X"}"#, "ref: missing"),
        (RecordKind.person, #"{"ref": "p", "name": "X", "sex": "x"}"#, "sex: unknown sex"),
        (RecordKind.defendant, #"{"case": "nope", "person": "p"}"#, "case: no case with ref nope"),
        (RecordKind.citation, #"{"source": "nope", "person": "p"}"#, "source: unknown source key \"nope\""),
        (RecordKind.source, #"{"key": "k", "type": "bok", "title": "T"}"#, "did you mean book?"),
    ])
    func invalidValuesNameTheFieldAndWriteNothing(kind: RecordKind, json: String, message: String) throws {
        let test = try TestArchive()
        let before = try test.count("history")
        let error = #expect(throws: DataError.self) { try test.add(kind, json) }
        #expect(error?.description.contains(message) == true, "got: \(String(describing: error))")
        #expect(try test.count("history") == before)
        #expect(try test.count("change") == 0)
    }

    @Test func unknownOutcomeSuggestsTheNearest() throws {
        let test = try populated()
        try test.add(.person, #"{"ref": "p2", "name": "Иванов И. И."}"#)
        let error = #expect(throws: DataError.self) {
            try test.add(.defendant, #"{"case": "military-case-1937", "person": "p2", "outcome": "returned_for_investigaton"}"#)
        }
        #expect(error?.description.contains("did you mean returned_for_investigation?") == true)
    }

    @Test func duplicateRefIsRefused() throws {
        let test = try populated()
        let error = #expect(throws: DataError.self) {
            try test.add(.person, #"{"ref": "nemo:p-88211", "name": "Someone Else"}"#)
        }
        #expect(error?.description == "ref: a person with ref nemo:p-88211 already exists (expected a new ref (use `dossier edit nemo:p-88211` to change it))")
    }
}
