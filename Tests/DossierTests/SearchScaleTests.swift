@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// The parts of search that exist for speed on large archives must not
/// change what is found: surname keys filed by the given name's class,
/// name queries read in batches of persons, common charges read in date
/// order.
@Suite struct SearchScaleTests {
    /// Many namesakes in many cases (deterministic): common surnames, given
    /// names and patronymics, in Cyrillic and several romanisations, some
    /// with initials only; and a charge held by more than 2,000 defendants.
    static func crowd(defendants: Int = 2_400) throws -> TestArchive {
        let test = try TestArchive()
        let surnames = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Чехардовский"]
        let given = ["Иван", "Михаил", "Николай", "Алексей", "Яков", "Евгений"]
        let patronymics = ["Иванович", "Петрович", "Николаевич", ""]
        let systems = TransliterationSystem.allCases
        var lines: [String] = []
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var person = 0
        var caseNumber = 0
        while person < defendants {
            caseNumber += 1
            var people: [String] = []
            for _ in 0..<(1 + next(3)) where person < defendants {
                person += 1
                var name = surnames[next(surnames.count)] + " " + given[next(given.count)]
                let patronymic = patronymics[next(patronymics.count)]
                if !patronymic.isEmpty { name += " " + patronymic }
                switch next(5) {
                case 0: name = Transliterator.romanize(name, in: systems[next(systems.count)])
                case 1:
                    let parts = name.split(separator: " ")
                    name = parts[0] + " " + parts.dropFirst().map { String($0.prefix(1)) + "." }.joined(separator: " ")
                default: break
                }
                let charge = next(10) < 9 ? "58-10" : "58-1a"
                people.append(#"{"person":{"person_ref":"p\#(person)","name":"\#(name)"},"charges":[{"text":"\#(charge)"}],"outcome":"convicted"}"#)
            }
            // Some cases undated, many on the same day: ties in date order.
            let date = next(8) == 0 ? "" : #","trial_date":"193\#(5 + next(4))-0\#(1 + next(3))-1\#(next(3))""#
            let body = next(2) == 0 ? "troika" : "military_collegium"
            lines.append(#"{"case_ref":"c\#(caseNumber)","body_kind":"\#(body)","category":"political"\#(date),"defendants":[\#(people.joined(separator: ","))]}"#)
        }
        _ = try test.archive.importFiles([ImportInput(path: "crowd.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        return test
    }

    func ids(_ hits: [SearchHit]) -> [String] { hits.map { $0.personRef + "@" + $0.caseRef } }

    /// A query with a limit gives exactly the first results of the same
    /// query without one: the batches of persons, the tie rule and the
    /// skipped typo keys change nothing.
    @Test func aLimitGivesTheFirstResultsOfTheWholeList() throws {
        let test = try Self.crowd()
        let queries = ["Иванов Иван", "Ivanov", "Ivanov I.", "Petrov Mikhail Nikolaevich", "Смирнов Я.", "Kuznetsov Yevgeny",
                       "Tschechardowski", "Chekhardovksy Mikhail", "Popov, Jakow", "Смирнов Н. И."]
        for text in queries {
            for judicial in [nil, true, false] as [Bool?] {
                var filter = RecordFilter()
                filter.name = text
                filter.judicial = judicial
                let whole = try test.archive.search(SearchQuery(filter: filter, limit: 100_000))
                for limit in [1, 5, 20, 70] {
                    let first = try test.archive.search(SearchQuery(filter: filter, limit: limit))
                    #expect(ids(first) == Array(ids(whole).prefix(limit)), "\(text), judicial \(String(describing: judicial)), limit \(limit)")
                }
                // Scores never rise down the list.
                #expect(zip(whole, whole.dropFirst()).allSatisfy { $0.score >= $1.score }, "\(text)")
            }
        }
    }

    /// Every person that the surname keys under every class would find with
    /// a match better than a typo is found through the narrow keys (the
    /// classes of the given names typed), for every name of the archive
    /// looked up as stored and in every romanisation.
    @Test func narrowKeysLoseNoMatch() throws {
        let test = try Self.crowd(defendants: 400)
        let stored = try test.db.fetchAll("SELECT DISTINCT name FROM person_name ORDER BY name").compactMap { $0.string(0) }
        // Each name as stored and in every romanisation.
        var names = stored
        for name in stored where name.unicodeScalars.contains(where: { $0.value >= 0x400 }) {
            names += TransliterationSystem.allCases.map { Transliterator.romanize(name, in: $0) }
        }
        let statement = try test.db.prepare("""
            SELECT DISTINCT n.person_id, n.name FROM name_key k JOIN person_name n ON n.id = k.name_id
            WHERE k.key IN (SELECT value FROM json_each(?))
            """)
        for name in names {
            let query = NameQuery(name)
            // Every stored name whose surname key is the query's, under any class.
            var expected = Set<Int64>()
            try statement.forEach([SearchIndex.jsonArray(query.broadSurnameLookupKeys)]) { row in
                if let id = row.value(at: 0).int64Value, let stored = row.string(at: 1),
                   let match = NameMatcher.score(query: query, stored: stored), match.score > NameMatcher.typoCeiling {
                    expected.insert(id)
                }
            }
            let found = Set(try test.archive.nameHits(name).filter { $0.match.score > NameMatcher.typoCeiling }.map(\.personID))
            let missing = try expected.subtracting(found).map { id in
                try test.db.fetchAll("SELECT name FROM person_name WHERE person_id = ?", [id]).compactMap { $0.string(0) }.joined(separator: " | ")
            }
            #expect(missing.isEmpty, "\(name): missing \(missing)")
        }
    }

    @Test func surnameKeysAreFiledByTheGivenNamesClass() {
        #expect(NameKeys.indexKeys(for: "Тухачевский, Михаил Николаевич").contains("s:tukasevski:m"))
        #expect(NameKeys.indexKeys(for: "Тухачевский").contains("s:tukasevski:_"))
        // A Latin initial stands for several Cyrillic letters: Y. for Е, Ю, Я.
        let y = Set(NameKeys.givenKeyClasses(NameWord.split("Y.").first))
        #expect(y.isSuperset(of: Array("aeu".utf8)))
        // Western forms and the Greek H: Eugene is Евгений, Hieronim Иероним.
        #expect(NameKeys.givenKeyClasses(NameWord.split("Eugene").first).contains(UInt8(ascii: "e")))
        #expect(NameKeys.givenKeyClasses(NameWord.split("Hieronim").first).contains(UInt8(ascii: "e")))
    }

    /// A given name misspelt in its first letter files under another class;
    /// when the narrow keys find no good match, every class is read.
    @Test func aGivenNameMisspeltInItsFirstLetterIsStillFound() throws {
        let test = try TestArchive()
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text:
            #"{"case_ref":"c1","body_kind":"military_collegium","category":"political","trial_date":"1937-09-14","defendants":[{"person":{"person_ref":"p-chekh","name":"Чехардовский, Михаил Петрович"},"outcome":"convicted"}]}"#)])
        let hits = try test.archive.nameHits("Nikhail Chekhardovsky")
        #expect(hits.first.map { try? test.db.scalar("SELECT ref FROM person WHERE id = ?", [$0.personID]).stringValue } == "p-chekh")
    }

    /// A given name is not read as the surname of a name whose other word
    /// is no given name: "Chekhardovksy Mikhail" (a typo of a person not in
    /// the archive) does not find Oleszkiewicz Michał through Mikhail ~ Michał.
    @Test func aGivenNameIsNotTakenForTheSurname() throws {
        let test = try TestArchive()
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text:
            #"{"case_ref":"c1","body_kind":"troika","category":"political","trial_date":"1937-10-02","defendants":[{"person":{"person_ref":"p-ol","name":"Oleszkiewicz Michał"},"outcome":"convicted"},{"person":{"person_ref":"p-ad","name":"Adamowicz Michał"},"outcome":"convicted"}]}"#)])
        #expect(try test.archive.nameHits("Chekhardovksy Mikhail").isEmpty)
        #expect(try test.archive.nameHits("Michał Oleszkiewicz").count == 1)
        #expect(try test.archive.nameHits("Oleszkiewicz").count == 1)
    }

    /// A charge held by more than 2,000 charges is read in date order and
    /// stops at the limit; the order is the same as for a rare charge:
    /// undated cases first, then by date, case ref and defendant position.
    @Test func aCommonChargeListsInDateOrder() throws {
        let test = try Self.crowd()
        #expect(try test.db.scalar("SELECT count(*) FROM charge WHERE ref = 'RSFSR-1926:58-10'").intValue ?? 0 >= 2_000)
        let expected = try test.db.fetchAll("""
            SELECT x.ref || '@' || p.ref FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE EXISTS (SELECT 1 FROM charge c WHERE c.defendant_id = d.id AND c.ref = 'RSFSR-1926:58-10')
            ORDER BY p.date_lower, p.ref, d.position LIMIT 30
            """).compactMap { $0.string(0) }
        var filter = RecordFilter()
        filter.charge = "58-10"
        #expect(ids(try test.archive.search(SearchQuery(filter: filter, limit: 30))) == expected)
        // A rare charge takes the other road to the same order.
        let rare = try test.db.fetchAll("""
            SELECT x.ref || '@' || p.ref FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id JOIN person x ON x.id = d.person_id
            WHERE EXISTS (SELECT 1 FROM charge c WHERE c.defendant_id = d.id AND c.ref = 'RSFSR-1926:58-1a')
            ORDER BY p.date_lower, p.ref, d.position LIMIT 30
            """).compactMap { $0.string(0) }
        filter.charge = "58-1a"
        #expect(ids(try test.archive.search(SearchQuery(filter: filter, limit: 30))) == rare)
    }
}
