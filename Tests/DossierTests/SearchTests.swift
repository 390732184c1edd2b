@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct SearchTests {
    /// A small archive: namesakes, several scripts, charges, bodies, dates.
    func archive() throws -> TestArchive {
        let test = try TestArchive()
        let lines = [
            #"{"case_ref":"c-mil","title":"Military case","body_kind":"special_court","category":"political","place":"Moscow","trial_date":"1937-09-14","defendants":[{"person":{"person_ref":"p-chekh","name":"Чехардовский, Михаил Петрович"},"charges":[{"text":"58-1b"},{"text":"58-8"}],"outcome":"convicted","sentence_kind":"death"},{"person":{"person_ref":"p-tsyplenkov","name":"Цыпленков, Иона Эммануилович"},"charges":[{"text":"58-1b"}],"outcome":"convicted"}]}"#,
            #"{"case_ref":"c-pridumenev","title":"Trial of the Twelve","body_kind":"military_collegium","category":"political","place":"Moscow","trial_date":"1936-10-02","defendants":[{"person":{"person_ref":"p-pridumenev","name":"Придуменев, Лев Борисович","name_variants":["Lev Pridumenev"]},"charges":[{"text":"58-10"}],"outcome":"convicted","notes":"wrecking and \"terror\""}]}"#,
            #"{"case_ref":"c-pridumenov","title":"Local theft","body_kind":"ordinary_court","category":"criminal","place":"Sofia","trial_date":"1950","defendants":[{"person":{"person_ref":"p-pridumenov","name":"Pridumenov, Petar"},"charges":[{"text":"theft/grandLarceny"}],"outcome":"acquitted"}]}"#,
            #"{"case_ref":"c-troika","body_kind":"troika","category":"political","place":"Leningrad","trial_date":"1937-11-XX","defendants":[{"person":{"person_ref":"p-ivanov","name":"Иванов Иван Иванович"},"charges":[{"text":"КРТД"},{"text":"58-11"}],"outcome":"convicted","charge_text":"участие в к.-р. организации"}]}"#,
            #"{"case_ref":"c-robert","body_kind":"other","category":"unknown","trial_date":"1938/1939","defendants":[{"person":{"person_ref":"p-robert","name":"Robert'); DROP TABLE person;--"},"outcome":"dismissed"}]}"#,
        ]
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        return test
    }

    func refs(_ hits: [SearchHit]) -> [String] { hits.map(\.personRef) }

    @Test(arguments: ["Tschechardowski", "Tchekhardovski", "Czechardowski", "Chekhardovskii", "Čehardovskij", "Chekhardovskiy",
                      "M. P. Chekhardovsky", "Chekhardovsky, Mikhail", "Mikhail Chekhardovsky", "Chekhardovksy", "чехардовский м п"])
    func everySpellingFindsThePersonFirst(query: String) throws {
        let test = try archive()
        var filter = RecordFilter()
        filter.name = query
        let hits = try test.archive.search(SearchQuery(filter: filter))
        #expect(hits.first?.personRef == "p-chekh", "query \(query) gave \(refs(hits))")
    }

    @Test func pridumenevIsNotPridumenov() throws {
        let test = try archive()
        var filter = RecordFilter()
        filter.name = "Pridumenev"
        let hits = try test.archive.search(SearchQuery(filter: filter))
        #expect(hits.first?.personRef == "p-pridumenev")
        #expect(!refs(hits).contains("p-pridumenov"))
    }

    @Test(arguments: [("58", ["p-chekh", "p-tsyplenkov", "p-pridumenev", "p-ivanov"]), ("58-1", ["p-chekh", "p-tsyplenkov"]),
                      ("58-1b", ["p-chekh", "p-tsyplenkov"]), ("58-10", ["p-pridumenev"]), ("ст. 58-1б", ["p-chekh", "p-tsyplenkov"]),
                      ("КРТД", ["p-ivanov"]), ("theft", ["p-pridumenov"])])
    func chargesMatchWholeParts(charge: String, expected: [String]) throws {
        let test = try archive()
        var filter = RecordFilter()
        filter.charge = charge
        #expect(Set(refs(try test.archive.search(SearchQuery(filter: filter)))) == Set(expected))
    }

    @Test func filtersCombine() throws {
        let test = try archive()
        var filter = RecordFilter()
        filter.judicial = false
        #expect(refs(try test.archive.search(SearchQuery(filter: filter))) == ["p-ivanov"])
        filter = RecordFilter()
        filter.outcomes = [.acquitted, .dismissed]
        #expect(Set(refs(try test.archive.search(SearchQuery(filter: filter)))) == ["p-pridumenov", "p-robert"])
        filter = RecordFilter()
        filter.categories = [.political]
        filter.place = "moscow"
        #expect(Set(refs(try test.archive.search(SearchQuery(filter: filter)))) == ["p-chekh", "p-tsyplenkov", "p-pridumenev"])
    }

    @Test func datesCompareByOverlapOrWithin() throws {
        let test = try archive()
        var filter = RecordFilter()
        filter.from = "1937-11-15"
        filter.to = "1939"
        // 1937-11-XX overlaps; 1938/1939 overlaps; 1950 does not.
        #expect(Set(refs(try test.archive.search(SearchQuery(filter: filter)))) == ["p-ivanov", "p-robert"])
        filter.within = true
        #expect(refs(try test.archive.search(SearchQuery(filter: filter))) == ["p-robert"])
        filter = RecordFilter()
        filter.to = "1936"
        #expect(refs(try test.archive.search(SearchQuery(filter: filter))) == ["p-pridumenev"])
    }

    @Test(arguments: ["\"", "AND", "NEAR(", "*", "wrecking\" OR \"x", "a:b", "terror\""])
    func fullTextSyntaxIsSearchedAsWords(text: String) throws {
        let test = try archive()
        _ = try test.archive.search(SearchQuery(text: text))
    }

    @Test func textFindsChargeWordsAndNotes() throws {
        let test = try archive()
        #expect(refs(try test.archive.search(SearchQuery(text: "wrecking"))) == ["p-pridumenev"])
        #expect(refs(try test.archive.search(SearchQuery(text: "организации"))) == ["p-ivanov"])
    }

    @Test func hostileNameIsStoredAndFoundVerbatim() throws {
        let test = try archive()
        #expect(try test.count("person") == 6)
        var filter = RecordFilter()
        filter.name = "Robert'); DROP TABLE person;--"
        let hits = try test.archive.search(SearchQuery(filter: filter))
        #expect(hits.first?.name == "Robert'); DROP TABLE person;--")
    }

    @Test func nameKeysFollowEveryWrite() throws {
        let test = try archive()
        try test.archive.change(command: "test") {
            try test.db.execute("UPDATE person_name SET name = 'Пустомелев, Василий Константинович' WHERE person_id = (SELECT id FROM person WHERE ref = 'p-tsyplenkov')")
        }
        var filter = RecordFilter()
        filter.name = "Pustomelev"
        #expect(try test.archive.search(SearchQuery(filter: filter)).first?.personRef == "p-tsyplenkov")
        filter.name = "Tsyplenkov"
        #expect(!refs(try test.archive.search(SearchQuery(filter: filter))).contains("p-tsyplenkov"))
    }

    @Test func jsonHasTheContractFields() throws {
        let test = try archive()
        var filter = RecordFilter()
        filter.name = "Chekhardovsky"
        let text = SearchOutput.json(try test.archive.search(SearchQuery(filter: filter)))
        let value = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(text.utf8))
        for key in ["person_ref", "case_ref", "name", "score", "outcome", "trial_date", "charges", "body_kind", "category"] {
            #expect(value.first?[key] != nil, "missing \(key)")
        }
        #expect(value.first?["charges"] == .array([.string("RSFSR-1926:58-1b"), .string("RSFSR-1926:58-8")]))
    }

    @Test func csvNeutralisesFormulas() {
        #expect(Escaping.csvField("=HYPERLINK(\"x\")", formulas: .apostropheQuoted) == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(Escaping.csvField("+1", formulas: .apostropheQuoted) == "\"'+1\"")
        #expect(Escaping.csvField("-2", formulas: .apostropheQuoted) == "\"'-2\"")
        #expect(Escaping.csvField("@SUM", formulas: .apostropheQuoted) == "\"'@SUM\"")
        #expect(Escaping.csvField("plain", formulas: .apostropheQuoted) == "plain")
    }
}
