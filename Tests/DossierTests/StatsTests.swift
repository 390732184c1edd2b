@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// A small archive whose statistics are worked out by hand below.
///
/// | case | decision date | body kind | category | place | defendants |
/// |---|---|---|---|---|---|
/// | c1 | 1937-03-05 | troika | political | Leningrad | a: convicted, death, 58-10, executed, rehabilitated; b: convicted, death, 58-10 + 58.10; c: convicted, camp 10, 58-1a; d: convicted, camp 5 |
/// | c2 | 1937-XX | military_tribunal | political | Moscow | e: acquitted; f: convicted, camp 8, rehabilitated |
/// | c3 | 193X | special_board | criminal | (none) | g: dismissed; h: unknown |
/// | c4 | 1937/1938 | ordinary_court | criminal | Kiev | i: returned_for_investigation; j: convicted, no sentence kind |
/// | c5 | 1938-06-01 | ordinary_court | criminal | =Vymyshlensk | k: acquitted, 58-10; l: insanity |
/// | c6 | (none) | other | political | Moscow | m: released_without_trial |
///
/// By year, without spread: 1937 = c1 + c2 (n 6), 1938 = c5 (n 2),
/// uncertain year = c3 + c4 (n 4), no date = c6 (n 1); 13 in all, 1 unknown.
final class StatsArchive {
    let test: TestArchive
    var archive: Archive { test.archive }

    init() throws {
        test = try TestArchive()
        let cases: [(String, String?, String, String, String?)] = [
            ("c1", "1937-03-05", "troika", "political", "Leningrad"),
            ("c2", "1937-XX", "military_tribunal", "political", "Moscow"),
            ("c3", "193X", "special_board", "criminal", nil),
            ("c4", "1937/1938", "ordinary_court", "criminal", "Kiev"),
            ("c5", "1938-06-01", "ordinary_court", "criminal", "=Vymyshlensk"),
            ("c6", nil, "other", "political", "Moscow"),
        ]
        for (ref, date, kind, category, place) in cases {
            var fields = ["\"ref\": \"\(ref)\"", "\"body_kind\": \"\(kind)\"", "\"category\": \"\(category)\""]
            if let date { fields.append("\"date\": \"\(date)\"") }
            if let place { fields.append("\"place\": \"\(place)\"") }
            try test.add(.case, "{" + fields.joined(separator: ", ") + "}")
        }
        let names = ["a": "Иванов, Иван", "b": "Петров, Пётр", "c": "Sidorov, Sidor", "d": "Orlov", "e": "Егоров",
                     "f": "Fomin", "g": "Gusev", "h": "Harin", "i": "Ivin", "j": "Jakovlev", "k": "Kozlov",
                     "l": "Lvov", "m": "Markov"]
        for (ref, name) in names { try test.add(.person, "{\"ref\": \"\(ref)\", \"name\": \"\(name)\"}") }
        let defendants = [
            #"{"case": "c1", "person": "a", "outcome": "convicted", "sentence_kind": "death", "charge": ["58-10"]}"#,
            #"{"case": "c1", "person": "b", "outcome": "convicted", "sentence_kind": "death", "charge": ["58-10", "58.10"]}"#,
            #"{"case": "c1", "person": "c", "outcome": "convicted", "sentence_kind": "camp", "term_years": 10, "charge": ["58-1a"]}"#,
            #"{"case": "c1", "person": "d", "outcome": "convicted", "sentence_kind": "camp", "term_years": 5}"#,
            #"{"case": "c2", "person": "e", "outcome": "acquitted"}"#,
            #"{"case": "c2", "person": "f", "outcome": "convicted", "sentence_kind": "camp", "term_years": 8}"#,
            #"{"case": "c3", "person": "g", "outcome": "dismissed"}"#,
            #"{"case": "c3", "person": "h"}"#,
            #"{"case": "c4", "person": "i", "outcome": "returned_for_investigation"}"#,
            #"{"case": "c4", "person": "j", "outcome": "convicted"}"#,
            #"{"case": "c5", "person": "k", "outcome": "acquitted", "charge": ["58-10"]}"#,
            #"{"case": "c5", "person": "l", "outcome": "insanity"}"#,
            #"{"case": "c6", "person": "m", "outcome": "released_without_trial"}"#,
        ]
        for json in defendants { try test.add(.defendant, json) }
        try test.add(.event, #"{"case": "c1", "person": "a", "kind": "executed", "date": "1937-03-10"}"#)
        try test.add(.event, #"{"case": "c1", "person": "a", "kind": "rehabilitated", "date": "1957"}"#)
        try test.add(.event, #"{"case": "c2", "person": "f", "kind": "rehabilitated", "date": "1956"}"#)
        try test.add(.event, #"{"case": "c2", "person": "f", "kind": "arrested", "date": "1936"}"#)
    }

    func stats(_ by: [StatsDimension] = [], spread: Bool = false,
               _ configure: (inout RecordFilter) -> Void = { _ in }) throws -> OutcomeStats {
        var filter = RecordFilter()
        configure(&filter)
        return try OutcomeStats.compute(archive, StatsRequest(filter: filter, by: by, spread: spread))
    }
}

extension OutcomeStats {
    func group(_ labels: String...) -> OutcomeGroup? { groups.first { $0.labels == labels } }
}

/// Compares to six decimals: the hand-worked values below are rounded so.
func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) < 5e-6
}

@Suite struct ProportionTests {
    // Worked by hand from the formula with z = 1.959964 (z² = 3.841459):
    // 1 of 6: p = 0.166667, z²/n = 0.640243, centre = (0.166667 + 0.320122)
    // / 1.640243 = 0.296778, half = 1.194921 · √(0.023148 + 0.026676) =
    // 0.266725, so 0.030053 … 0.563503.
    @Test(arguments: [
        (1.0, 6.0, 0.030053, 0.563503),
        (5.0, 6.0, 0.436497, 0.969947),
        (2.0, 5.0, 0.117621, 0.769276),
        (0.0, 3.0, 0.0, 0.561497),
        (2.0, 3.0, 0.207660, 0.938508),
        (2.0, 12.0, 0.046965, 0.448031),
        (6.0, 12.0, 0.253782, 0.746218),
        (4.0, 4.0, 0.510109, 1.0),
    ])
    func wilsonIntervalMatchesHandValues(count: Double, total: Double, low: Double, high: Double) throws {
        let interval = try #require(Proportion(count, of: total).interval)
        #expect(close(interval.low, low))
        #expect(close(interval.high, high))
    }

    @Test func emptyGroupHasNoShareAndNoInterval() {
        #expect(Proportion(0, of: 0).share == nil)
        #expect(Proportion(0, of: 0).interval == nil)
    }

    @Test func intervalContainsTheShareAndStaysInZeroToOne() throws {
        for total in [1.0, 2, 7, 50, 1000] {
            for count in stride(from: 0.0, through: total, by: max(1, total / 7).rounded()) {
                let proportion = Proportion(count, of: total)
                let interval = try #require(proportion.interval)
                #expect(interval.low >= 0 && interval.high <= 1)
                #expect(interval.low <= proportion.share! && proportion.share! <= interval.high)
            }
        }
    }

    @Test(arguments: [
        ([10.0: 1, 5: 1, 8: 1], 8.0),
        ([10.0: 1, 5: 1, 8: 1, 12: 1], 9.0),
        ([5.0: 3, 25: 1], 5.0),
        ([3.0: 0.5, 7: 0.5], 5.0),
        ([3.0: 0.2, 7: 0.5], 7.0),
    ])
    func weightedMedianIsTheOrdinaryMedianForWholeCounts(histogram: [Double: Double], expected: Double) {
        #expect(weightedMedian(histogram) == expected)
    }

    @Test func medianOfNothingIsNil() {
        #expect(weightedMedian([:]) == nil)
    }
}

@Suite struct StatsDimensionTests {
    @Test(arguments: [
        ("year", [StatsDimension.year]),
        ("decade,category", [.decade, .category]),
        ("body-kind", [.bodyKind]),
        ("body_kind, place", [.bodyKind, .place]),
        ("Charge", [.charge]),
    ])
    func readsOneOrTwoGroupings(text: String, expected: [StatsDimension]) throws {
        #expect(try StatsDimension.parseList(text) == expected)
    }

    @Test(arguments: [
        ("yaer", "unknown grouping \"yaer\"; did you mean year?"),
        ("year,decade", "year and decade together"),
        ("place,place", "place is given twice"),
        ("year,category,place", "3 groupings"),
        ("", "unknown grouping \"\""),
    ])
    func refusesBadGroupings(text: String, problem: String) {
        #expect(throws: FieldProblem.self) { try StatsDimension.parseList(text) }
        do { _ = try StatsDimension.parseList(text) } catch let error as FieldProblem {
            #expect(error.problem == problem)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct OutcomeStatsTests {
    @Test func countsSharesAndIntervalsMatchHandValues() throws {
        let stats = try StatsArchive().stats([.year])
        #expect(stats.groups.map(\.key) == ["1937", "1938", "uncertain year", "no date"])

        // 1937: c1 (a, b, c, d convicted) and c2 (e acquitted, f convicted).
        let y1937 = try #require(stats.group("1937"))
        #expect(y1937.n == 6)
        #expect(y1937.count(.convicted) == 5)
        #expect(y1937.count(.acquitted) == 1)
        #expect(y1937.count(.unknown) == 0)
        let acquitted = y1937.share(.acquitted)
        #expect(close(acquitted.share, 0.166667))
        #expect(close(acquitted.interval?.low, 0.030053) && close(acquitted.interval?.high, 0.563503))
        let convicted = y1937.share(.convicted)
        #expect(close(convicted.share, 0.833333))
        #expect(close(convicted.interval?.low, 0.436497) && close(convicted.interval?.high, 0.969947))
        #expect(y1937.acquittalRate == Proportion(1, of: 6))
        #expect(y1937.nonConvictionRate == Proportion(1, of: 6))
        // Sentences: a, b death; c, f camp 10 and 8; d camp 5 — 5 with a kind.
        #expect(y1937.deathSentenceShare == Proportion(2, of: 5))
        #expect(close(y1937.deathSentenceShare.interval?.low, 0.117621))
        #expect(y1937.medianCampTerm == 8)
        #expect(y1937.campTermCount == 3)
        #expect(y1937.executionShare == Proportion(1, of: 6))
        #expect(y1937.rehabilitationRate == Proportion(2, of: 6))
        #expect(close(y1937.rehabilitationRate.interval?.high, 0.700007))

        // Uncertain year: c3 (g dismissed, h unknown), c4 (i returned, j convicted).
        let uncertain = try #require(stats.group("uncertain year"))
        #expect(uncertain.n == 4)
        #expect(uncertain.decided == 3)
        #expect(uncertain.acquittalRate == Proportion(0, of: 3))
        #expect(close(uncertain.acquittalRate.interval?.high, 0.561497))
        #expect(uncertain.nonConvictionRate == Proportion(2, of: 3))
        #expect(close(uncertain.nonConvictionRate.interval?.low, 0.207660))
        // j is convicted without a sentence kind: no denominator.
        #expect(uncertain.deathSentenceShare.share == nil)
        #expect(uncertain.medianCampTerm == nil)

        let noDate = try #require(stats.group("no date"))
        #expect(noDate.n == 1 && noDate.count(.releasedWithoutTrial) == 1)

        // All together: 13, one unknown, 2 acquitted, 6 convicted.
        #expect(stats.total.n == 13)
        #expect(stats.total.decided == 12)
        #expect(stats.total.acquittalRate == Proportion(2, of: 12))
        #expect(close(stats.total.acquittalRate.interval?.low, 0.046965))
        #expect(stats.total.nonConvictionRate == Proportion(6, of: 12))
        #expect(close(stats.total.nonConvictionRate.interval?.high, 0.746218))
        #expect(stats.dates == OutcomeStats.DateTally(exact: 8, spanning: 4, open: 0, undated: 1))
    }

    @Test func partialDatesGoToTheirYearOrToUncertain() throws {
        func year(_ text: String, spread: Bool = false, decade: Bool = false) throws -> [String] {
            let date = try EDTFDate.parse(text)
            let bounds = OutcomeStats.DateBounds(lower: date.lower.map(Int64.init), upper: date.upper.map(Int64.init),
                                                 present: true)
            let dimension: StatsDimension = decade ? .decade : .year
            return OutcomeStats.dateValues(bounds, dimension: dimension, spread: spread).values
                .map { "\($0.0.label(dimension))=\(OutcomeStats.rounded($0.1, places: 3))" }
        }
        #expect(try year("1937-XX") == ["1937=1.0"])
        #expect(try year("1937-11-XX") == ["1937=1.0"])
        #expect(try year("1937~") == ["1937=1.0"])
        #expect(try year("193X") == ["uncertain year=1.0"])
        #expect(try year("1937/1938") == ["uncertain year=1.0"])
        #expect(try year("1937/1938", spread: true) == ["1937=0.5", "1938=0.5"])
        #expect(try year("193X", spread: true) == (1930...1939).map { "\($0)=0.1" })
        #expect(try year("../1940", spread: true) == ["uncertain year=1.0"])
        #expect(try year("193X", decade: true) == ["1930s=1.0"])
        #expect(try year("1938/1941", decade: true) == ["uncertain decade=1.0"])
        #expect(try year("1938/1941", spread: true, decade: true) == ["1930s=0.5", "1940s=0.5"])
    }

    @Test func spreadDistributesRangesEvenlyOverTheirYears() throws {
        let stats = try StatsArchive().stats([.year], spread: true)
        // 193X gives c3's 2 defendants 0.1 each to 1930…1939; 1937/1938 gives
        // c4's 2 defendants 0.5 each to 1937 and 1938.
        #expect(stats.groups.map(\.key) == (1930...1939).map(String.init) + ["no date"])
        let y1937 = try #require(stats.group("1937"))
        #expect(close(y1937.n, 7.2))
        #expect(close(y1937.count(.convicted), 5.5))
        #expect(close(y1937.count(.dismissed), 0.1))
        #expect(close(y1937.count(.unknown), 0.1))
        #expect(close(y1937.count(.returnedForInvestigation), 0.5))
        #expect(close(y1937.share(.acquitted).share, 0.138889))
        #expect(close(y1937.share(.acquitted).interval?.low, 0.024953))
        #expect(close(try #require(stats.group("1938")).n, 3.2))
        #expect(close(try #require(stats.group("1933")).n, 0.2))
        // Nothing is lost or counted twice.
        #expect(close(stats.groups.reduce(0) { $0 + $1.n }, 13))
        #expect(stats.total.n == 13)
    }

    @Test func decadesNeedNoSpreadForRangesInsideADecade() throws {
        let stats = try StatsArchive().stats([.decade])
        #expect(stats.groups.map(\.key) == ["1930s", "no date"])
        #expect(stats.group("1930s")?.n == 12)
    }

    @Test func groupsByTwoDimensions() throws {
        let stats = try StatsArchive().stats([.decade, .category])
        #expect(stats.groups.map(\.key) == ["1930s, political", "1930s, criminal", "no date, political"])
        #expect(stats.group("1930s", "criminal")?.n == 6)
        #expect(stats.group("1930s", "criminal")?.acquittalRate == Proportion(1, of: 5))
    }

    @Test func groupsByBodyKindCategoryAndPlace() throws {
        let archive = try StatsArchive()
        let byKind = try archive.stats([.bodyKind])
        // Vocabulary order.
        #expect(byKind.groups.map(\.key) == ["ordinary_court", "military_tribunal", "troika", "special_board", "other"])
        #expect(byKind.group("ordinary_court")?.n == 4)
        let byPlace = try archive.stats([.place])
        // Largest first, then the records without a place.
        // Places the gazetteer knows are grouped by place (docs/places.md).
        #expect(byPlace.groups.map(\.key) == ["Санкт-Петербург (saint-petersburg)", "Москва (moscow)", "=Vymyshlensk",
                                              "Киев (kyiv)", "no place"])
        #expect(byPlace.group("Москва (moscow)")?.n == 3)
    }

    @Test func groupsByChargeCountingEachChargeOnce() throws {
        let stats = try StatsArchive().stats([.charge])
        // a, b (58-10 written twice), k: 58-10; c: 58-1a; the rest no charge.
        let ref = "RSFSR-1926:58-10"
        #expect(stats.groups.map(\.key) == [ref, "RSFSR-1926:58-1a", "no charge"])
        #expect(stats.group(ref)?.n == 3)
        #expect(stats.group(ref)?.acquittalRate == Proportion(1, of: 3))
        #expect(stats.group("RSFSR-1926:58-1a")?.n == 1)
        #expect(stats.group("no charge")?.n == 9)
        #expect(stats.total.n == 13)
    }

    @Test func filtersSelectTheRecords() throws {
        let archive = try StatsArchive()
        func n(_ configure: (inout RecordFilter) -> Void) throws -> Double { try archive.stats([], configure).total.n }
        #expect(try n { _ in } == 13)
        #expect(try n { $0.categories = [.criminal] } == 6)
        #expect(try n { $0.bodyKinds = [.troika] } == 4)
        #expect(try n { $0.judicial = false } == 6)     // troika c1 + special_board c3
        #expect(try n { $0.judicial = true } == 6)      // courts only: c6's body is `other`, not a court
        #expect(try n { $0.jurisdiction = .other } == 1)
        #expect(try n { $0.place = "lenin" } == 4)
        #expect(try n { $0.outcomes = [.acquitted, .dismissed] } == 3)
        #expect(try n { $0.charge = "58-10" } == 3)
        #expect(try n { $0.charge = "58-1" } == 1)      // 58-1a, not 58-10
        #expect(try n { $0.from = "1938" } == 6)        // c3, c4 overlap; c5
        #expect(try n { $0.from = "1938"; $0.within = true } == 2)
        #expect(try n { $0.to = "1937-06" } == 10)      // c1, c2 (1937-XX overlaps), c3, c4; not undated c6
        // Names as name search finds them: any script, spelling or case.
        #expect(try n { $0.name = "иванов" } == 1)
        #expect(try n { $0.name = "Ivanov" } == 1)
        #expect(try n { $0.name = "Petrov" } == 1)
        #expect(try n { $0.name = "SIDOROV" } == 1)
        #expect(try n { $0.name = "Nobodyski" } == 0)
    }

    @Test func badFilterValuesAreDataErrors() throws {
        let archive = try StatsArchive()
        #expect(throws: DataError.self) { try archive.stats([]) { $0.from = "1937-13" } }
        #expect(throws: DataError.self) { try archive.stats([]) { $0.name = "  " } }
    }

    @Test func noGroupingGivesOneGroupOfEverything() throws {
        let stats = try StatsArchive().stats()
        #expect(stats.groups.count == 1)
        #expect(stats.groups[0].key == "all")
        #expect(stats.groups[0].n == 13)
    }

    @Test func anEmptyArchiveGivesNoGroups() throws {
        let test = try TestArchive()
        let stats = try OutcomeStats.compute(test.archive, StatsRequest(by: [.year]))
        #expect(stats.groups.isEmpty)
        #expect(stats.total.n == 0)
        #expect(stats.table.contains("No records match."))
    }
}
