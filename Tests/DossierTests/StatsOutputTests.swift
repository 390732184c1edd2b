@testable import Dossier
import DossierStorage
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct StatsOutputTests {
    func decode(_ json: OrderedJSON) throws -> [String: JSONValue] {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.serialized().utf8))
        guard case .object(let object) = value else { throw DataError(problem: "not an object") }
        return object
    }

    func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value { return number }
        return nil
    }

    @Test func jsonHasGroupsWithKeyNAndPerOutcomeIntervals() throws {
        let stats = try StatsArchive().stats([.year])
        let top = try decode(stats.json)
        guard case .array(let groups)? = top["groups"], case .object(let first)? = groups.first,
              case .object(let definitions)? = top["definitions"] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(groups.count == 4)
        #expect(first["key"] == .string("1937"))
        #expect(first["by"] == .object(["year": .string("1937")]))
        #expect(number(first["n"]) == 6)
        #expect(number(first["decided"]) == 6)
        for outcome in Outcome.allCases {
            guard case .object(let figures)? = first[outcome.rawValue] else {
                Issue.record("no \(outcome.rawValue)")
                continue
            }
            #expect(Set(figures.keys) == ["count", "share", "ci_low", "ci_high"])
        }
        guard case .object(let acquitted)? = first["acquitted"] else { return }
        #expect(number(acquitted["count"]) == 1)
        #expect(number(acquitted["share"]) == 0.166667)
        #expect(number(acquitted["ci_low"]) == 0.030053)
        #expect(number(acquitted["ci_high"]) == 0.563503)
        guard case .object(let rate)? = first["non_conviction_rate"] else { Issue.record("no rate"); return }
        #expect(number(rate["count"]) == 1 && number(rate["of"]) == 6)
        // The headline figures are defined in the JSON itself.
        for key in ["acquittal_rate", "non_conviction_rate", "decided", "death_sentence_share", "execution_share",
                    "rehabilitation_rate", "median_camp_term_years", "date"] {
            #expect(definitions[key] != nil, "definition of \(key)")
        }
        #expect(top["spread"] == .bool(false))
        #expect(number(top["excluded_unknown"]) == 1)
        guard case .object(let dates)? = top["dates"] else { Issue.record("no dates"); return }
        #expect(number(dates["spanning_several"]) == 4)
        guard case .object(let total)? = top["total"] else { Issue.record("no total"); return }
        #expect(number(total["n"]) == 13)
    }

    @Test func jsonOfAnEmptyGroupHasNullShares() throws {
        let test = try TestArchive()
        let stats = try OutcomeStats.compute(test.archive, StatsRequest())
        let top = try decode(stats.json)
        guard case .object(let total)? = top["total"], case .object(let acquitted)? = total["acquitted"] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(acquitted["share"] == .null && acquitted["ci_low"] == .null)
    }

    @Test func csvHasOneRowPerGroupAndNeutralisesFormulas() throws {
        let stats = try StatsArchive().stats([.place])
        let lines = stats.csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 5)
        let header = lines[0].components(separatedBy: ",")
        #expect(header.prefix(4) == ["place", "n", "decided", "excluded_unknown"])
        #expect(header.contains("acquitted_ci_high") && header.contains("non_conviction_rate_of"))
        #expect(lines.allSatisfy { $0.components(separatedBy: ",").count == header.count })
        // The place "=Vymyshlensk" must not become a formula.
        #expect(lines.contains { $0.hasPrefix("'=Vymyshlensk,2,2,0,") })
        let leningrad = try #require(lines.first { $0.hasPrefix("Санкт-Петербург (saint-petersburg),") }).components(separatedBy: ",")
        #expect(leningrad[header.firstIndex(of: "convicted_count")!] == "4")
        #expect(leningrad[header.firstIndex(of: "death_sentence_share_share")!] == "0.5")
    }

    @Test(arguments: [("a,b", "\"a,b\""), ("say \"no\"", "\"say \"\"no\"\"\""), ("+1", "'+1"), ("@x", "'@x"),
                      ("-2", "'-2"), ("plain", "plain")])
    func csvFieldsAreQuotedAndDefused(input: String, expected: String) {
        #expect(Escaping.csvField(input, formulas: .apostrophe) == expected)
    }

    @Test func tableShowsEveryFigureAndItsDefinition() throws {
        let table = try StatsArchive().stats([.year]).table
        #expect(table.hasPrefix("Outcomes by year \u{2014} all records\n"))
        #expect(table.contains("4 records whose date spans several years are counted under \u{201C}uncertain year\u{201D}"))
        #expect(table.contains("\n1937   n 6 \u{00B7} decided 6 \u{00B7} unknown 0\n"))
        #expect(table.contains("acquittal rate \u{00B9}"))
        #expect(table.contains("\u{00B9} acquittal rate: acquitted / decided"))
        #expect(table.contains("\u{00B2} non-conviction rate: (decided - convicted) / decided"))
        #expect(table.contains("Excluded from the rates: 1 defendant with an unknown outcome."))
        let acquittedLine = try #require(table.split(separator: "\n").first { $0.hasPrefix("  acquitted ") })
        #expect(acquittedLine.split(separator: " ") == ["acquitted", "1", "16.7%", "3.0\u{2013}56.4%"])
    }

    @Test func spreadIsSaidInTheOutput() throws {
        let stats = try StatsArchive().stats([.year], spread: true)
        #expect(stats.table.contains("are spread evenly over the years it may fall in"))
        #expect(stats.table.contains("n 7.2"))
    }

    @Test func svgIsWellFormedWithoutScriptAndStatesTheFilter() throws {
        let stats = try StatsArchive().stats([.decade, .category]) { $0.categories = [.criminal, .political] }
        let svg = stats.svg
        #expect(svg.hasPrefix("<?xml"))
        #expect(!svg.lowercased().contains("<script"))
        #expect(!svg.contains("on" + "load="))
        #expect(svg.contains("Outcomes by decade and category \u{2014} category criminal or political"))
        #expect(svg.contains("share of decided defendants (%)"))
        #expect(svg.contains("decade of decision, category"))
        for label in ["acquitted", "dismissed", "returned for investigation", "insanity",
                      "acquittal rate, 95% interval", "non-conviction rate, 95% interval"] {
            #expect(svg.contains(">\(label)</text>"), "legend \(label)")
        }
        #if canImport(FoundationXML) || canImport(Darwin)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #endif
    }

    @Test func svgLabelsBarsInWordsNotCodes() throws {
        let svg = try StatsArchive().stats([.bodyKind]).svg
        #expect(svg.contains(">Special Board"))
        #expect(svg.contains(">troika"))
        #expect(!svg.contains("special_board"))
        let byCategory = try StatsArchive().stats([.decade, .category]).svg
        #expect(byCategory.contains("1930s, political cases"))
        // The table and the data keep the codes, which scripts read.
        #expect(try StatsArchive().stats([.bodyKind]).table.contains("special_board"))
        #expect(BodyKind.regionalCourt.label == "regional court")
        #expect(BodyKind.allCases.allSatisfy { !$0.label.contains("_") })
    }

    @Test func svgEscapesTextFromTheArchive() throws {
        let test = try TestArchive()
        try test.add(.case, #"{"ref": "c", "body_kind": "other", "category": "political", "place": "<Vydumsk & \"Co\">"}"#)
        try test.add(.person, #"{"ref": "p", "name": "P"}"#)
        try test.add(.defendant, #"{"case": "c", "person": "p", "outcome": "acquitted"}"#)
        let svg = try OutcomeStats.compute(test.archive, StatsRequest(by: [.place])).svg
        #expect(svg.contains("&lt;Vydumsk &amp; &quot;Co&quot;&gt;"))
        #expect(!svg.contains("<Vydumsk"))
    }

    @Test(arguments: [(0.04, 0.04, 0.01), (0.041, 0.05, 0.01), (0.123, 0.125, 0.025), (0.56, 0.6, 0.2), (1.0, 1.0, 0.2), (0.003, 0.003, 0.001)])
    func chartScaleIsRoundedUp(value: Double, top: Double, step: Double) {
        let scale = OutcomeStats.niceScale(value)
        #expect(abs(scale.max - top) < 1e-9 && abs(scale.step - step) < 1e-9)
    }

    @Test func waysOutListsAcquittalsByTrial() throws {
        let answer = try WaysOut.load(try StatsArchive().archive)
        #expect(answer.all.count(.acquitted) == 2)
        #expect(answer.trials(.acquitted).map(\.caseRef) == ["c2", "c5"])
        #expect(answer.trials(.acquitted).map(\.names) == [["Егоров"], ["Kozlov"]])
        #expect(answer.trials(.insanity).map(\.caseRef) == ["c5"])
        #expect(answer.trials(.releasedWithoutTrial).map(\.caseRef) == ["c6"])
        // Extrajudicial: troika c1 (4 convicted), special board c3 (dismissed, unknown).
        #expect(answer.extrajudicial.decided == 5 && answer.extrajudicial.count(.acquitted) == 0)
        #expect(answer.courts.count(.acquitted) == 2)
        #expect(answer.text.contains("Acquitted: 2 (acquittal rate 16.7%, 95% interval 4.7\u{2013}44.8%), in 2 trials:\n"))
    }

    @Test func filterSummaryNamesEveryFilter() {
        var filter = RecordFilter()
        #expect(filter.summary == "all records")
        filter.charge = "58-10"
        filter.judicial = false
        filter.from = "1937"
        filter.to = "1938"
        #expect(filter.summary == "charge 58-10; extrajudicial bodies only; decided 1937 to 1938")
    }
}
