@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// `--born` for search and stats, and a birth year typed with a name.
/// The persons are invented.
@Suite struct BornFilterTests {
    /// Namesakes born in different years, one with a range, one unknown.
    func archive() throws -> TestArchive {
        let test = try TestArchive()
        func line(_ ref: String, _ name: String, _ birth: String?, _ date: String) -> String {
            let b = birth.map { #","birth":"\#($0)""# } ?? ""
            return #"{"case_ref":"c-\#(ref)","body_kind":"troika","category":"political","trial_date":"\#(date)","defendants":[{"person":{"person_ref":"\#(ref)","name":"\#(name)"\#(b)},"outcome":"convicted"}]}"#
        }
        let lines = [
            line("p-1902", "Выдумкин Иван Иванович", "1902-03-01", "1937-08-01"),
            line("p-none", "Выдумкин Иван Иванович", nil, "1937-08-02"),
            line("p-1899", "Выдумкин Иван Иванович", "1899-05-12", "1937-08-03"),
            line("p-range", "Выдумкин Иван Иванович", "1895/1900", "1937-08-04"),
            line("p-other", "Сочинёнов, Пётр Ефимович", "1899", "1938-01-10"),
        ]
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        return test
    }

    func refs(_ test: TestArchive, name: String? = nil, born: String? = nil) throws -> [String] {
        var filter = RecordFilter()
        filter.name = name
        filter.born = born
        return try test.archive.search(SearchQuery(filter: filter)).map(\.personRef)
    }

    @Test func bornKeepsBirthDatesThatOverlap() throws {
        let test = try archive()
        #expect(Set(try refs(test, born: "1899")) == ["p-1899", "p-range", "p-other"])
        #expect(Set(try refs(test, born: "1901/1905")) == ["p-1902"])
        #expect(Set(try refs(test, born: "1899-05")) == ["p-1899", "p-range", "p-other"])
        #expect(Set(try refs(test, born: "1896")) == ["p-range"])
        #expect(Set(try refs(test, born: "1890/..")) == ["p-1902", "p-1899", "p-range", "p-other"])
        #expect(try refs(test, born: "1910").isEmpty)
        #expect(Set(try refs(test, name: "Vydumkin", born: "1899")) == ["p-1899", "p-range"])
    }

    @Test func aBadBornDateIsADataError() throws {
        let test = try archive()
        #expect(throws: DataError.self) { try refs(test, born: "18th century") }
        do {
            _ = try refs(test, born: "1899-13")
            Issue.record("no error")
        } catch let error as DataError {
            #expect(error.field == "--born")
        }
    }

    @Test func statsCountOnlyThePersonsBornThen() throws {
        let test = try archive()
        var filter = RecordFilter()
        filter.born = "1899"
        let stats = try OutcomeStats.compute(test.archive, StatsRequest(filter: filter, by: []))
        #expect(stats.total.n == 3)
        #expect(filter.summary.contains("born 1899"))
    }

    @Test(arguments: ["Выдумкин Иван Иванович 1899", "Ivan Ivanovich Vydumkin 1899", "Vydumkin I. I., b. 1899",
                      "Выдумкин И. И. 1899 г.р.", "Выдумкин Иван Иванович (1899)"])
    func aYearTypedWithTheNameRanksThosePersonsBornThenFirst(query: String) throws {
        let test = try archive()
        let found = try refs(test, name: query)
        #expect(Set(found.prefix(2)) == ["p-1899", "p-range"], "\(query): \(found)")
        #expect(found.count == 4, "\(query): \(found)")
        #expect(found.last == "p-1902", "\(query): \(found)")
        var filter = RecordFilter()
        filter.name = query
        let first = try test.archive.search(SearchQuery(filter: filter)).first
        #expect(first?.explanation?.contains("born in 1899") == true, "\(String(describing: first?.explanation))")
    }

    @Test func withoutAYearNamesakesRankInDateOrder() throws {
        let test = try archive()
        #expect(try refs(test, name: "Выдумкин Иван Иванович") == ["p-1902", "p-none", "p-1899", "p-range"])
    }

    @Test(arguments: [
        ("Иванов Иван Иванович 1899", "Иванов Иван Иванович", 1899),
        ("Ivanov I. I., b. 1899", "Ivanov I. I.", 1899),
        ("Иванов И. И., 1899 г.р.", "Иванов И. И.", 1899),
        ("Иванов И. И. 1899 года рождения", "Иванов И. И.", 1899),
        ("Ivanov (1899)", "Ivanov", 1899),
        ("Ivanov, born 1899", "Ivanov", 1899),
    ])
    func readsTheYear(text: String, name: String, year: Int) {
        let read = NameWithBirthYear(text)
        #expect(read.name == name)
        #expect(read.birthYear == year)
    }

    @Test(arguments: ["Ivanov", "1899", "b. 1899", "Ivanov 1899 1900", "Ivanov 12", "Ivanov 1500", "Ivanov 18990"])
    func noYearUnlessOneStandsWithAName(text: String) {
        let read = NameWithBirthYear(text)
        #expect(read.birthYear == nil)
        #expect(read.name == text)
    }
}
