@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// `--place`, `--birthplace`, `stats --by place/region` and the place
/// readings kept with the records (docs/places.md). The persons are
/// invented.
@Suite struct PlaceSearchTests {
    static let cases: [(ref: String, place: String, date: String, birthplace: String?)] = [
        ("tsaritsyn", "г. Царицын", "1920-05-01", "с. Выдумово Курской губ."),
        ("stalingrad-ru", "Сталинград", "1937-09-01", "Царицын"),
        ("stalingrad-en", "Stalingrad", "1942-03-01", nil),
        ("volgograd", "в г. Волгограде", "1965-01-10", nil),
        ("luga", "г. Луга", "1937-10-01", nil),
        ("gatchina", "Красногвардейск", "1938-02-01", nil),
        ("trotsk", "Троцк", "1925-06-01", nil),
        ("leningrad", "Ленинград", "1937-12-01", "Leningrad"),
        ("leningrad-en", "Leningrad", "1938-01-05", nil),
        ("kaliningrad-1940", "г. Калининград", "1940-03-01", nil),
        ("kaliningrad-1950", "Калининград", "1950-03-01", nil),
        ("kaliningrad-mo", "Калининград Московской обл.", "1950-04-01", nil),
        ("kirov", "г. Киров", "1938-03-01", "Вятка"),
        ("kirovograd", "Кировоград", "1940-03-01", nil),
        ("dzerzhinsk", "Дзержинск", "1950-01-01", nil),
        ("unknown", "г. Вымышленск", "1937-11-01", nil),
    ]

    func archive() throws -> TestArchive {
        let test = try TestArchive()
        let lines = Self.cases.enumerated().map { index, c -> String in
            let born = c.birthplace.map { #","birthplace":"\#($0)""# } ?? ""
            return #"{"case_ref":"c-\#(c.ref)","body_kind":"troika","category":"political","place":"\#(c.place)","trial_date":"\#(c.date)","defendants":[{"person":{"person_ref":"p-\#(c.ref)","name":"Выдумкин\#(index), Иван"\#(born)},"outcome":"convicted"}]}"#
        }
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        return test
    }

    func cases(_ test: TestArchive, place: String? = nil, birthplace: String? = nil) throws -> Set<String> {
        var filter = RecordFilter()
        filter.place = place
        filter.birthplace = birthplace
        return Set(try test.archive.search(SearchQuery(filter: filter, limit: 100)).map { String($0.caseRef.dropFirst(2)) })
    }

    @Test func aPlaceIsFoundUnderEveryNameAndScript() throws {
        let test = try archive()
        let volgograd: Set<String> = ["tsaritsyn", "stalingrad-ru", "stalingrad-en", "volgograd"]
        for query in ["Volgograd", "Волгоград", "Царицын", "Stalingrad", "Сталинград", "Tsaritsyn"] {
            #expect(try cases(test, place: query) == volgograd, "\(query)")
        }
        for query in ["Leningrad", "Ленинград", "Санкт-Петербург", "St Petersburg"] {
            #expect(try cases(test, place: query) == ["leningrad", "leningrad-en"], "\(query)")
        }
        #expect(try cases(test, place: "Kirov") == ["kirov"])
        #expect(try cases(test, place: "Vyatka") == ["kirov"])
        #expect(try cases(test, place: "Kirovograd") == ["kirovograd"])
        // A place the gazetteer does not know: a substring of the text as written.
        #expect(try cases(test, place: "Вымышленск") == ["unknown"])
    }

    @Test func aRegionFindsThePlacesInsideIt() throws {
        let test = try archive()
        // Trotsk (1925) was Gatchina before the oblast existed (1927).
        #expect(try cases(test, place: "Ленинградская область") == ["luga", "gatchina"])
        #expect(try cases(test, place: "Leningrad Oblast") == ["luga", "gatchina"])
        #expect(try cases(test, place: "Московская обл.") == ["kaliningrad-1940", "kaliningrad-mo"])
    }

    @Test func kaliningradIsReadByDateAndRegion() throws {
        let test = try archive()
        #expect(try cases(test, place: "Korolyov") == ["kaliningrad-1940", "kaliningrad-mo"])
        // The ambiguous name finds the records it may mean, the undecided one included.
        #expect(try cases(test, place: "Kaliningrad") == ["kaliningrad-1940", "kaliningrad-1950", "kaliningrad-mo"])
        // In 1950 both had the name; the oblast centre is meant unless a region is written.
        #expect(try cases(test, place: "Königsberg") == ["kaliningrad-1950"])
        func reading(_ ref: String) throws -> (String?, String?) {
            let row = try test.db.fetchOne("""
                SELECT g.place_id, g.candidates FROM proceeding_place g JOIN proceeding p ON p.id = g.proceeding_id
                WHERE p.ref = ?
                """, [ref])
            return (row?.string(0), row?.string(1))
        }
        #expect(try reading("c-kaliningrad-1950").0 == "kaliningrad")
        // Two towns named Dzerzhinsk in 1950, neither a regional centre: unresolved.
        let dzerzhinsk = try reading("c-dzerzhinsk")
        #expect(dzerzhinsk.0 == nil)
        #expect(dzerzhinsk.1 == "dzerzhinsk toretsk")
        #expect(try cases(test, place: "Дзержинск") == ["dzerzhinsk"])
    }

    @Test func searchJSONCarriesThePlaceAsWrittenAndAsRead() throws {
        let test = try archive()
        var filter = RecordFilter()
        filter.place = "Volgograd"
        let hits = try test.archive.search(SearchQuery(filter: filter, limit: 100))
        let byCase = Dictionary(uniqueKeysWithValues: hits.map { ($0.caseRef, $0) })
        #expect(byCase["c-stalingrad-en"]?.place == "Stalingrad")
        #expect(byCase["c-stalingrad-en"]?.placeID == "volgograd")
        #expect(byCase["c-stalingrad-en"]?.placeName == "Stalingrad")
        #expect(byCase["c-tsaritsyn"]?.placeName == "Царицын")
        #expect(byCase["c-stalingrad-ru"]?.placeName == "Сталинград")
        let json = SearchOutput.json(hits)
        #expect(json.contains(#""place": "в г. Волгограде""#))
        #expect(json.contains(#""place_id": "volgograd""#))
        #expect(json.contains(#""place_name": "Волгоград""#))
        var all = RecordFilter()
        all.place = "Вымышленск"
        let unknown = try test.archive.search(SearchQuery(filter: all))
        #expect(unknown.first?.place == "г. Вымышленск")
        #expect(unknown.first?.placeID == nil)
        #expect(unknown.first?.placeName == nil)
    }

    @Test func statsGroupByPlaceAndRegion() throws {
        let test = try archive()
        let byPlace = try OutcomeStats.compute(test.archive, StatsRequest(by: [.place]))
        let counts = Dictionary(uniqueKeysWithValues: byPlace.groups.map { ($0.labels[0], Int($0.n)) })
        #expect(counts["Волгоград (volgograd)"] == 4)
        #expect(counts["Санкт-Петербург (saint-petersburg)"] == 2)
        #expect(counts["Гатчина (gatchina)"] == 2)
        #expect(counts["Королёв (korolyov)"] == 2)
        // Unresolved texts are grouped as written.
        #expect(counts["Дзержинск"] == 1)
        #expect(counts["Калининград (kaliningrad)"] == 1)
        #expect(counts["г. Вымышленск"] == 1)
        #expect(byPlace.groups.count == 10)

        let byRegion = try OutcomeStats.compute(test.archive, StatsRequest(by: [.region]))
        let regions = Dictionary(uniqueKeysWithValues: byRegion.groups.map { ($0.labels[0], Int($0.n)) })
        #expect(regions["Ленинградская область (leningrad-oblast)"] == 2)
        #expect(regions["Московская область (moscow-oblast)"] == 2)
        #expect(regions["no region known"] == 3)
    }

    @Test func birthplaceIsReadLikeThePlace() throws {
        let test = try archive()
        #expect(try cases(test, birthplace: "Stalingrad") == ["stalingrad-ru"])
        #expect(try cases(test, birthplace: "Kirov") == ["kirov"])
        #expect(try cases(test, birthplace: "St Petersburg") == ["leningrad"])
    }

    @Test func readingsFollowEditsAndCheckRepairsThem() throws {
        let test = try archive()
        try test.archive.change(command: "test") {
            try test.db.execute("UPDATE proceeding SET place = 'Сталино' WHERE ref = 'c-unknown'")
        }
        #expect(try cases(test, place: "Donetsk") == ["unknown"])
        try test.archive.change(command: "test") {
            try test.db.execute("UPDATE proceeding SET place = NULL WHERE ref = 'c-unknown'")
        }
        #expect(try cases(test, place: "Donetsk").isEmpty)
        #expect(try test.db.scalar("SELECT count(*) FROM proceeding_place").intValue == Self.cases.count - 1)

        // Readings lost or wrong are found by check and rebuilt by --fix.
        try test.db.execute("DELETE FROM proceeding_place")
        try test.db.execute("UPDATE person_birthplace SET place_id = 'moscow'")
        let report = try test.archive.check()
        #expect(report.findings.contains { $0.table == "place_reading" && $0.fixable })
        let fixed = try test.archive.check(fix: true)
        #expect(!fixed.findings.contains { $0.table == "place_reading" })
        #expect(try cases(test, place: "Volgograd").count == 4)
        #expect(try cases(test, birthplace: "Moscow").isEmpty)
    }
}

extension PlaceSearchTests {
    @Test func thePublishedSiteFacetsByPlace() throws {
        let test = try archive()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-places-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try test.archive.publish(PublishOptions(directory: folder.path))
        let copy = try Connection(path: folder.appendingPathComponent("archive.db").path, mode: .readOnly)
        var counts: [String: Int] = [:]
        for row in try copy.fetchAll("SELECT place_name, count(*) FROM defendant_view GROUP BY place_name") {
            counts[row.string(0) ?? ""] = row.int(1)
        }
        #expect(counts["Волгоград"] == 4)
        #expect(counts["Гатчина"] == 2)
        #expect(counts["г. Вымышленск"] == 1)
        let row = try copy.fetchOne("SELECT place, place_id, place_name FROM case_view WHERE ref = 'c-stalingrad-en'")
        #expect(row?.string(0) == "Stalingrad")
        #expect(row?.string(1) == "volgograd")
        #expect(row?.string(2) == "Волгоград")
    }
}
