@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct ExportTests {
    /// Imports `text` (JSON Lines) into a fresh archive and exports it.
    func reimport(_ text: String) throws -> String {
        let copy = try TestArchive()
        _ = try ImportTestSupport.importText(copy.archive, text, format: .jsonl, path: "export.jsonl")
        return try ImportTestSupport.export(copy.archive)
    }

    @Test func fixturesRoundTripThroughJSONLines() throws {
        let test = try TestArchive()
        try ImportTestSupport.importFixtures(into: test.archive)
        let first = try ImportTestSupport.export(test.archive)
        let lines = first.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("{\"source\":") }.count == (try test.count("source")))
        #expect(lines.filter { $0.hasPrefix("{\"case_ref\":") }.count == (try test.count("proceeding")))
        let second = try reimport(first)
        #expect(second == first)
        // And the tables themselves hold the same rows, ids aside.
        let copy = try TestArchive()
        _ = try ImportTestSupport.importText(copy.archive, first, format: .jsonl)
        for table in ["person", "person_name", "proceeding", "defendant", "charge", "event", "source", "citation"] {
            #expect(try copy.count(table) == (try test.count(table)), "\(table)")
        }
    }

    @Test func generatedDataRoundTripsThroughJSONLines() throws {
        let test = try TestArchive()
        var generator = GeneratedArchive(seed: 7, cases: 120)
        let generated = generator.jsonLines()
        _ = try ImportTestSupport.importText(test.archive, generated, format: .jsonl, path: "generated.jsonl")
        let first = try ImportTestSupport.export(test.archive)
        #expect(first.split(separator: "\n").count > 120)
        #expect(try reimport(first) == first)
    }

    @Test func generatedCaseRowsRoundTripThroughJSONLines() throws {
        let test = try TestArchive()
        var generator = GeneratedArchive(seed: 11, cases: 200)
        _ = try ImportTestSupport.importText(test.archive, generator.sourcesJSONLines(), format: .jsonl)
        _ = try ImportTestSupport.importText(test.archive, generator.caseRows(), format: .csv, path: "rows.csv")
        let first = try ImportTestSupport.export(test.archive)
        #expect(try reimport(first) == first)
        // Exporting again, and importing the export over the archive, change nothing.
        #expect(try ImportTestSupport.export(test.archive) == first)
        let counts = try ImportTestSupport.counts(test.archive)
        let report = try ImportTestSupport.importText(test.archive, first, format: .jsonl)
        #expect(!report.tally.changedAnything)
        #expect(try ImportTestSupport.counts(test.archive) == counts)
    }

    @Test func caseRowsRoundTripThroughCSV() throws {
        let test = try TestArchive()
        var generator = GeneratedArchive(seed: 3, cases: 150)
        _ = try ImportTestSupport.importText(test.archive, generator.sourcesJSONLines(), format: .jsonl)
        _ = try ImportTestSupport.importText(test.archive, generator.caseRows(), format: .csv, path: "rows.csv")
        let csv = try ImportTestSupport.export(test.archive, .csv)
        let copy = try TestArchive()
        _ = try ImportTestSupport.importText(copy.archive, generator.sourcesJSONLines(), format: .jsonl)
        _ = try ImportTestSupport.importText(copy.archive, csv, format: .csv, path: "export.csv")
        #expect(try ImportTestSupport.export(copy.archive, .csv) == csv)
        // CSV is not lossless: charges travel as their normal forms, and
        // citation notes (other readings) stay behind.
        #expect(try copy.count("charge") == (try test.count("charge")))
        #expect(try copy.count("citation") == (try test.count("citation")))
    }

    @Test func csvExportNeutralisesFormulas() throws {
        let test = try TestArchive()
        let text = """
            {"case_ref": "=HYPERLINK(\\"http://x\\")", "body_kind": "troika", "category": "political", "place": "+7", "defendants": [{"person": {"person_ref": "@p", "name": "-Пряников", "birthplace": "\\tVyatka"}, "sentence": "\\r10"}]}
            """
        _ = try ImportTestSupport.importText(test.archive, text, format: .jsonl)
        let csv = try ImportTestSupport.export(test.archive, .csv)
        let row = csv.split(separator: "\r\n")[1]
        #expect(row.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\")\",'@p,'-Пряников,,,,,'\tVyatka,"))
        #expect(row.contains(",'+7,"))
        #expect(row.contains(",\"'\r10\","))
        // The importer takes the escapes off again.
        let copy = try TestArchive()
        _ = try ImportTestSupport.importText(copy.archive, csv, format: .csv)
        let doc = try #require(try copy.archive.loadCase(ref: "=HYPERLINK(\"http://x\")"))
        #expect(doc.place == "+7")
        #expect(doc.defendants.first?.person.ref == "@p")
        #expect(doc.defendants.first?.person.name == "-Пряников")
    }

    @Test func exportIsEmptyForAnEmptyArchive() throws {
        let test = try TestArchive()
        #expect(try ImportTestSupport.export(test.archive) == "")
        // The export writes every column of the format, death and nationality included.
        let header = ImportTestSupport.header.replacingOccurrences(of: ",birth,birthplace,", with: ",birth,death,birthplace,nationality,")
        #expect(try ImportTestSupport.export(test.archive, .csv) == header + "\r\n")
    }
}

/// A deterministic archive of made-up cases exercising every field the
/// formats carry: Cyrillic and Latin names, variants, all charge kinds,
/// events with citations, citations on every kind of record, quotes,
/// line breaks and formula-like text.
struct GeneratedArchive {
    var state: UInt64
    let cases: Int

    init(seed: UInt64, cases: Int) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        self.cases = cases
    }

    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    static let surnames = ["Пряников", "Выхухолевский", "Petrov", "Шмидт", "O'Brien", "Ковальчук", "Ёлкин", "=Formula", "Smith, Jr."]
    static let given = ["Николай", "Михаил", "Ivan", "Анна", "Мария", "Pëtr"]
    static let charges = ["58-10", "58-10; 58-11", "58-1а", "ст. 58-6-7-8", "UkrSSR-1927:54-10", "КРТД", "theft/grandLarceny",
                          "закон 7.8.1932", "BSSR-1928:72; BSSR-1928:76"]
    static let dates = ["1937", "1937-11", "1937-11-05", "1938-02-XX", "1937?", "1937~", "1936/1937", "193X", "1925-03-01"]
    static let sourceKeys = (1...12).map { "src-\($0)" }

    func sourcesJSONLines() -> String {
        var out = ""
        for (index, key) in Self.sourceKeys.enumerated() {
            switch index % 3 {
            case 0:
                out += #"{"source": {"id": "\#(key)", "type": "book", "title": "Книга памяти, т. \#(index)", "author": [{"family": "Сочинёнов", "given": "Анатолий"}], "publisher-place": "Ленинград", "issued": {"date-parts": [[\#(1990 + index)]]}, "language": "ru"}}"# + "\n"
            case 1:
                out += #"{"source": {"id": "\#(key)", "type": "manuscript", "title": "Протокол допроса", "archive": "ГАВО", "archive_location": "ф. Р-9999, оп. 99, д. \#(index)", "note": "копия"}}"# + "\n"
            default:
                out += #"{"source": {"id": "\#(key)", "type": "article-journal", "title": "The \"Case\" of \#(index)", "author": [{"family": "Fictor", "given": "Peter H."}], "container-title": "Invented Studies", "volume": "39", "issue": "4", "page": "531-555", "issued": {"date-parts": [[1987, 10]]}, "DOI": "10.1000/\#(index)"}}"# + "\n"
            }
        }
        return out
    }

    mutating func citation() -> String {
        let key = pick(Self.sourceKeys)
        var fields = [#""source_key": "\#(key)""#]
        if next(2) == 0 { fields.append(#""locator": "l. \#(next(300))ob""#) }
        if next(3) == 0 { fields.append(#""confidence": "\#(pick(["confirmed", "probable", "disputed"]))""#) }
        if next(5) == 0 { fields.append(##""quote": "«приговорить»\n— \"ВМН\"""##) }
        if next(5) == 0 { fields.append(#""note": "=see also""#) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    mutating func citations(_ most: Int) -> String {
        "[" + (0..<next(most + 1)).map { _ in citation() }.joined(separator: ", ") + "]"
    }

    mutating func person(_ ref: String) -> String {
        let name = "\(pick(Self.surnames)) \(pick(Self.given))"
        var fields = [#""person_ref": "\#(ref)""#, #""name": "\#(name)""#]
        if next(2) == 0 { fields.append(#""name_variants": ["\#(pick(Self.surnames)), \#(pick(Self.given))", "N. \#(next(99))"]"#) }
        if next(3) > 0 { fields.append(#""sex": "\#(pick(["m", "f"]))""#) }
        if next(2) == 0 { fields.append(#""birth": "\#(pick(["1883", "1890-05-12", "1901~", "189X"]))""#) }
        if next(4) == 0 { fields.append(#""death": "\#(pick(Self.dates))""#) }
        if next(3) == 0 { fields.append(#""birthplace": "\#(pick(["Вятка", "Vilnius", "+Odessa", "д. Горки, \\\"Красный\\\" колхоз"]))""#) }
        if next(5) == 0 { fields.append(#""occupation": "учитель""#) }
        if next(5) == 0 { fields.append(#""notes": "line one\nline two""#) }
        if next(4) == 0 { fields.append(#""citations": \#(citations(2))"#) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    mutating func jsonLines() -> String {
        var out = sourcesJSONLines()
        for index in 0..<5 {
            let lone = person("lone-\(index)")
            out += #"{"person": \#(lone)}"# + "\n"
        }
        var people: [String: String] = [:]
        for index in 0..<cases {
            var fields = [#""case_ref": "case-\#(String(format: "%04d", index))""#,
                          #""body_kind": "\#(pick(BodyKind.allowed))""#, #""category": "\#(pick(Category.allowed))""#]
            if next(2) == 0 { fields.append(#""title": "Дело № \#(index)""#) }
            if next(3) > 0 { fields.append(#""body": "Тройка при УНКВД""#) }
            if next(2) == 0 { fields.append(#""place": "Ленинград""#) }
            if next(3) > 0 { fields.append(#""trial_date": "\#(pick(Self.dates))""#) }
            if next(4) == 0 { fields.append(#""notes": "@note, with \"quotes\"""#) }
            if next(3) == 0 { fields.append(#""citations": \#(citations(2))"#) }
            var defendants: [String] = []
            var used = Set<String>()
            for _ in 0..<(1 + next(3)) {
                let ref = "p-\(next(cases))"
                guard used.insert(ref).inserted else { continue }
                let person: String
                if let known = people[ref] { person = known } else {
                    person = self.person(ref)
                    people[ref] = person
                }
                var d = [#""person": \#(person)"#, #""outcome": "\#(pick(Outcome.allowed))""#]
                if next(3) > 0 {
                    let charge = pick(Self.charges)
                    let description = next(3) == 0 ? #", "description": "к-р агитация""# : ""
                    d.append(#""charges": [{"text": "\#(charge)"\#(description)}]"#)
                }
                if next(2) == 0 { d.append(#""charge_text": "anti-Soviet agitation""#) }
                if next(2) == 0 { d.append(#""outcome_text": "ВМН""#) }
                if next(3) == 0 { d.append(#""outcome_subcategory": "lesser charge""#) }
                if next(2) == 0 { d.append(#""sentence": "\#(pick(["10 лет ИТЛ", "-", "death"]))""#) }
                if next(2) == 0 { d.append(#""sentence_kind": "\#(pick(SentenceKind.allowed))""#) }
                if next(2) == 0 { d.append(#""term_years": \#(pick(["10", "2.5", "0.25", "0"]))"#) }
                if next(4) == 0 { d.append(#""charge_reduced": true"#) }
                if next(2) == 0 { d.append(#""outcome_date": "\#(pick(Self.dates))""#) }
                if next(5) == 0 { d.append(#""notes": "заметка""#) }
                var events: [String] = []
                for _ in 0..<next(3) {
                    var e = [#""kind": "\#(pick(EventKind.allowed))""#]
                    if next(3) > 0 { e.append(#""date": "\#(pick(Self.dates))""#) }
                    if next(3) == 0 { e.append(#""body": "ВКВС СССР""#) }
                    if next(4) == 0 { e.append(#""notes": "n""#) }
                    if next(3) == 0 { e.append(#""citations": \#(citations(2))"#) }
                    events.append("{" + e.joined(separator: ", ") + "}")
                }
                if !events.isEmpty { d.append(#""events": [\#(events.joined(separator: ", "))]"#) }
                if next(2) == 0 { d.append(#""citations": \#(citations(3))"#) }
                defendants.append("{" + d.joined(separator: ", ") + "}")
            }
            fields.append(#""defendants": [\#(defendants.joined(separator: ", "))]"#)
            out += "{" + fields.joined(separator: ", ") + "}\n"
        }
        return out
    }

    /// Flat CSV rows, with attestations: some defendants get a second row
    /// from another source, with less precise or other readings.
    mutating func caseRows() -> String {
        var out = ImportTestSupport.header + "\n"
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        for index in 0..<cases {
            let caseRef = "row-case-\(index)"
            let kind = pick(BodyKind.allowed)
            let category = pick(["political", "criminal"])
            let body = pick(["Тройка при УНКВД", "NKVD troika, Leningrad oblast", "ВКВС СССР"])
            let place = pick(["Ленинград", "Leningrad", "Киев"])
            let trial = pick(["1937-11-05", "1938-02-14", "1937-09"])
            for _ in 0..<(1 + next(3)) {
                let personRef = "row-p-\(next(cases * 2))"
                let name = "\(pick(Self.surnames)) \(pick(Self.given))"
                let birth = pick(["1885-03-14", "1890", ""])
                let charges = pick(["58-10", "58-10; 58-11", "58-1а", "КРТД", "закон 7.8.1932", ""])
                let outcome = pick(["convicted", "dismissed", "acquitted"])
                let executed = next(4) == 0 ? "1937-11-20" : ""
                let cells = [caseRef, personRef, name, next(2) == 0 ? "Variant \(next(9)); Вариант" : "", "m", birth,
                             next(2) == 0 ? "Вятка, \"центр\"" : "", "", body, kind, category, place, trial, charges,
                             "=agitation", outcome, "10 лет", outcome == "convicted" ? "camp" : "",
                             outcome == "convicted" ? "10" : "", trial, executed, next(3) == 0 ? "1958-06-14" : "",
                             pick(Self.sourceKeys), next(2) == 0 ? "p. \(next(600))" : ""]
                out += cells.map(field).joined(separator: ",") + "\n"
                if next(4) == 0 {
                    // Another source for the same defendant: less precise, another language.
                    var again = cells
                    again[2] = "\(pick(Self.surnames)), \(pick(Self.given))"
                    again[3] = ""
                    again[5] = String(birth.prefix(4))
                    again[8] = "other body"
                    again[15] = "unknown"
                    again[22] = pick(Self.sourceKeys)
                    again[23] = "l. \(next(99))"
                    out += again.map(field).joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }
}

