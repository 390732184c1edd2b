@testable import Dossier
@testable import DossierDomain
import DossierStorage
import Foundation
import Testing

/// The growth tests of the readers the first round left out: CSV, lines,
/// JSON Lines, CSL-JSON, dates, search words, name queries and name keys,
/// and the tree. Each is fed N, 2N and 4N copies of a unit and may at most
/// about double its work (`GrowthTests.expectLinear`). The work is the
/// reader's own count (`CSVReader.work`, `LineReader.work`, the
/// `WorkCounter` the others add to), never the clock.
@Suite struct ReaderGrowthTests {
    static func expectLinear(_ name: String, base: Int, _ work: (Int) throws -> Int) throws {
        try GrowthTests.expectLinear(name, base: base, work)
    }

    /// Writes `bytes` to a scratch file, runs `body` on its path.
    static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        try FuzzHarness.withFile(Array(text.utf8), body)
    }

    // MARK: CSV and lines

    @Test(arguments: [
        "c1,p1,\"Вымыслов, Петр\",58-10,1937\r\n",
        "c1,p1,\"a \"\"quoted\"\" field\nover two lines\",,\n",
        "x,",
    ])
    func csvRowsWorkIsLinear(unit: String) throws {
        try Self.expectLinear("csv rows", base: 200) { copies in
            let text = "case_ref,person_ref,name,charges,birth\n" + String(repeating: unit, count: copies) + "\n"
            return try Self.withFile(text) { path in
                let reader = try CSVReader(path: path, chunkSize: 64)
                reader.maxFields = Int.max
                _ = try reader.detectDelimiter()
                while try reader.next() != nil {}
                return reader.work
            }
        }
    }

    @Test func oneLongFieldAndOneLongFirstLineAreReadOnce() throws {
        // A field of N bytes read in chunks of 1 KB: each byte visited once,
        // not once per chunk (the first line was searched again for its end
        // after every chunk)
        try Self.expectLinear("csv long field", base: 20_000) { length in
            let text = "name," + String(repeating: "x", count: length) + "\nВымыслов,\"" + String(repeating: "y", count: length) + "\"\n"
            return try Self.withFile(text) { path in
                let reader = try CSVReader(path: path, chunkSize: 1_024)
                _ = try reader.detectDelimiter()
                while try reader.next() != nil {}
                return reader.work
            }
        }
        try Self.expectLinear("lines long line", base: 20_000) { length in
            try Self.withFile(String(repeating: "z", count: length) + "\nshort\n") { path in
                let reader = try LineReader(path: path, chunkSize: 1_024)
                while try reader.next() != nil {}
                return reader.work
            }
        }
    }

    @Test func csvColumnsWorkIsLinear() throws {
        try Self.expectLinear("csv columns", base: 1_000) { columns in
            let text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
            let reader = CSVReader(text: text)
            _ = try reader.detectDelimiter()
            #expect(try reader.next()?.fields.count == columns)
            return reader.work
        }
    }

    // MARK: JSON Lines and CSL-JSON

    @Test(arguments: [
        #"{"person":{"person_ref":"p#","name":"Вымыслов#, Петр"},"charges":[{"text":"58-10"}],"outcome":"convicted"},"#,
        #"{"person":{"person_ref":"p#","name":"N\"q\" \u0416"},"events":[{"kind":"arrested","date":"1937-08"}]},"#,
    ])
    func jsonLinesWorkIsLinear(unit: String) throws {
        // One case with N defendants: the line's parse and the document's fields
        try Self.expectLinear("json lines", base: 50) { copies in
            let defendants = (0..<copies).map { unit.replacingOccurrences(of: "#", with: "\($0)") }.joined().dropLast()
            let line = #"{"case_ref":"c","body_kind":"other","category":"unknown","defendants":["# + defendants + "]}"
            let (doc, work) = try WorkCounter.counting {
                try CaseDoc(json: JSONText.parseValue(Array(line.utf8)))
            }
            #expect(doc.defendants.count == copies)
            return work
        }
    }

    @Test func deepNestingIsRefusedAtItsLimit() throws {
        for depth in [199, 10_000] {
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let (result, work) = WorkCounter.counting { try? JSONText.parseValue(Array(text.utf8)) }
            #expect((result != nil) == (depth < 200))
            #expect(work <= 2 * min(depth, 200) * 2 + 8, "work \(work) for nesting \(depth)")
        }
    }

    @Test(arguments: [
        #"{"id":"k#","type":"book","title":"Заглавие #","author":[{"family":"Вымыслов","given":"П."}],"issued":{"date-parts":[[1937]]}},"#,
        // No id: every item gets the same generated key and a suffix after it
        #"{"type":"book","title":"Заглавие","author":[{"family":"Вымыслов"}],"issued":{"date-parts":[[1937]]}},"#,
    ])
    func cslJSONWorkIsLinear(unit: String) throws {
        try Self.expectLinear("csl-json", base: 100) { copies in
            let items = (0..<copies).map { unit.replacingOccurrences(of: "#", with: "\($0)") }.joined().dropLast()
            let (sources, work) = try WorkCounter.counting { try CSLJSON.decode(Data(("[" + items + "]").utf8), file: "a.json") }
            #expect(sources.count == copies)
            #expect(Set(sources.map(\.key)).count == copies)
            return work
        }
    }

    @Test func generatedCitationKeysResumeFromTheLastSuffix() throws {
        // 1,000 items without ids and one base key: once 500,000 tries
        let source = Source(key: "", type: "book", title: "Заглавие")
        var existing = Set<String>()
        var next: [String: Int] = [:]
        var work = 0
        for _ in 0..<1_000 {
            existing.insert(CitationKey.generate(for: source, existing: existing, next: &next, work: &work))
        }
        #expect(existing.count == 1_000)
        #expect(work <= 2 * 1_000)
        #expect(CitationKey.generate(for: source, existing: ["zaglavie", "zaglaviea"]) == "zaglavieb")
    }

    // MARK: Dates

    @Test(arguments: ["1937,", "1937-08-14..1937-09-01,", "193X,"])
    func dateSetWorkIsLinear(unit: String) throws {
        try Self.expectLinear("edtf set", base: 8) { copies in
            let members = String(repeating: unit, count: copies).dropLast()
            let (reading, work) = WorkCounter.counting { try? DateReader.read("[" + members + "]") }
            #expect(reading != nil)
            return work
        }
    }

    @Test func aDateOverTheLimitIsRefusedBeforeItIsRead() throws {
        let long = "[" + String(repeating: "1937,", count: 400) + "1938]"
        #expect(long.utf8.count > EDTFParser.maxLength)
        let (_, work) = WorkCounter.counting {
            #expect(throws: EDTFError.self) { try DateReader.read(long) }
        }
        // The length is checked, the text is not scanned: the source-form
        // reader notes the bytes once and stops
        #expect(work <= long.utf8.count + 1)
        do {
            _ = try DateReader.read(long)
        } catch {
            #expect(error.problem == "the date is \(long.utf8.count) bytes long, more than the \(EDTFParser.maxLength) a date may have")
        }
        // A megabyte cell: refused the same way, quickly
        #expect(throws: EDTFError.self) { try DateReader.read(String(repeating: "9", count: 1 << 20)) }
    }

    // MARK: Search words and names

    @Test func searchWordsWorkIsLinear() throws {
        try Self.expectLinear("search words", base: 500) { copies in
            var work = 0
            let query = FullTextQuery.quoted(String(repeating: "Вымыслов \"AND\" NEAR( ", count: copies), prefixLast: true, work: &work)
            #expect(query.hasSuffix("*"))
            return work
        }
    }

    @Test(arguments: ["Вымыслов ", "Петр ", "П. ", "Tokarev-Ivanov, "])
    func nameQueryWorkIsLinearInItsWords(unit: String) throws {
        try Self.expectLinear("name query words", base: 100) { copies in
            let (keys, work) = WorkCounter.counting {
                let query = NameQuery("Вымыслов " + String(repeating: unit, count: copies))
                return query.lookupKeys.count + query.broadSurnameLookupKeys.count
            }
            #expect(keys > 0)
            return work
        }
    }

    @Test(arguments: ["tokarev", "Вымыслов", "ab"])
    func nameKeysWorkIsLinearInAWordsLength(unit: String) throws {
        // A word past the typo-key limit: once its one-deletion neighbours
        // were made and each compared with all before it, cubic
        try Self.expectLinear("name word", base: 100) { copies in
            let name = String(repeating: unit, count: copies) + " Петр"
            let (count, work) = WorkCounter.counting {
                let query = NameQuery(name)
                let stored = NameKeys.indexKeys(for: name)
                return query.lookupKeys.count + stored.flatMap(NameKeys.surnameTypoKeys(ofSurnameKey:)).count
            }
            #expect(count > 0)
            return work
        }
    }

    @Test func typoKeysStopAtTheLengthLimitAndStillMeet() throws {
        // Up to the limit a word has its neighbours; past it, only itself
        let short = Array(String(repeating: "ab", count: NameKeys.maxTypoKeyLength / 2).utf8)
        #expect(NameKeys.deletionNeighbourhood(short).count > 1)
        let long = short + [UInt8(ascii: "k")]
        #expect(NameKeys.deletionNeighbourhood(long) == [long])
        // A stored name and the same name typed still meet on the typo key
        let word = String(repeating: "tokarev", count: 20)
        let stored = Set(NameKeys.indexKeys(for: word + " Петр").flatMap(NameKeys.surnameTypoKeys(ofSurnameKey:)))
        #expect(!stored.isDisjoint(with: NameQuery(word + " Петр").typoLookupKeys))
    }

    @Test func searchTextAndNameQueriesOverTheirLimitsAreUsageErrors() throws {
        let test = try TestArchive()
        let longText = String(repeating: "слово ", count: SearchQuery.maxTextLength / 6 + 1)
        let longName = String(repeating: "Вымыслов", count: SearchQuery.maxNameLength / 8 + 1)
        for query in [SearchQuery(text: longText), SearchQuery(filter: { var f = RecordFilter(); f.name = longName; return f }())] {
            do {
                _ = try test.archive.search(query)
                Issue.record("a query over the limit was accepted")
            } catch let error as UsageError {
                #expect(error.exitStatus == .usage)
                #expect(error.message.contains("characters long, more than the"))
            }
        }
        // At the limit: searched
        let atLimit = String(repeating: "в", count: SearchQuery.maxNameLength)
        var filter = RecordFilter()
        filter.name = atLimit
        #expect(throws: Never.self) { try test.archive.search(SearchQuery(filter: filter)) }
    }

    @Test func noSuggestionIsLookedForInAHugeText() throws {
        #expect(Suggest.nearest(to: "outcom", in: ["outcome", "sentence"]) == "outcome")
        let huge = "outcome" + String(repeating: "x", count: Suggest.maxTextLength)
        #expect(Suggest.nearest(to: huge, in: ["outcome", "sentence"]) == nil)
        #expect(Suggest.close(to: huge, in: ["outcome"]).isEmpty)
    }

    @Test func nameVariantsAreCappedAndEachKeptOnce() throws {
        // 20,000 variants in one cell: each once compared with all before it
        let many = (0...PersonDoc.maxNameVariants).map { "Вымыслов\($0)" }.joined(separator: ";")
        let test = try TestArchive()
        let csv = "case_ref,person_ref,name,name_variants\nc-1,p-1,Вымыслов Петр,\"\(many)\"\n"
        do {
            _ = try ImportTestSupport.importText(test.archive, csv, format: .csv, path: "x.csv")
            Issue.record("accepted")
        } catch let error as DataErrors {
            #expect(error.errors.map(\.description) == ["x.csv:2: name_variants: more than \(PersonDoc.maxNameVariants) name variants (expected the spellings the sources give, at most \(PersonDoc.maxNameVariants))"])
        }
        let jsonl = #"{"case_ref":"c-2","body_kind":"other","category":"unknown","defendants":[{"person":{"person_ref":"p-2","name":"N","name_variants":["# + (0...PersonDoc.maxNameVariants).map { "\"v\($0)\"" }.joined(separator: ",") + "]}}]}"
        #expect(throws: DataErrors.self) { try ImportTestSupport.importText(test.archive, jsonl, format: .jsonl, path: "x.jsonl") }
        #expect(try test.count("person") == 0)
        // At the limit, with every variant given twice: each stored once
        let most = (1...PersonDoc.maxNameVariants).map { "Вымыслов\($0)" }
        let twice = (most + most).joined(separator: ";")
        _ = try ImportTestSupport.importText(test.archive, "case_ref,person_ref,name,name_variants\nc-1,p-1,Вымыслов Петр,\"\(twice)\"\n", format: .csv, path: "x.csv")
        #expect(try test.count("person_name") == PersonDoc.maxNameVariants + 1)
    }

    @Test func aNameOverItsLimitIsADataErrorWithItsLine() throws {
        let test = try TestArchive()
        let long = String(repeating: "Вымыслов", count: PersonDoc.maxNameLength / 8) + "ъ"
        for (column, value) in [("name", long), ("name_variants", "Вымыслов П.;" + long)] {
            let name = column == "name" ? long : "Вымыслов Петр"
            let csv = "case_ref,person_ref,name,name_variants\nc-1,p-1,\(name),\(column == "name" ? "" : value)\n"
            do {
                _ = try ImportTestSupport.importText(test.archive, csv, format: .csv, path: "x.csv")
                Issue.record("a name of \(long.count) characters in \(column) was accepted")
            } catch let error as DataErrors {
                #expect(error.errors.map(\.description) == ["x.csv:2: \(column): the name is \(PersonDoc.maxNameLength + 1) characters long, more than the \(PersonDoc.maxNameLength) a name may have (expected a name as the sources write it)"])
            }
        }
        let jsonl = #"{"case_ref":"c-2","body_kind":"other","category":"unknown","defendants":[{"person":{"person_ref":"p-2","name":"# + "\"" + long + "\"}}]}"
        #expect(throws: DataErrors.self) { try ImportTestSupport.importText(test.archive, jsonl, format: .jsonl, path: "x.jsonl") }
        #expect(try test.count("person") == 0)
        // At the limit: imported
        _ = try ImportTestSupport.importText(test.archive, "case_ref,person_ref,name\nc-1,p-1,\(long.dropLast())\n", format: .csv, path: "x.csv")
        #expect(try test.count("person") == 1)
    }

    // MARK: Trees

    static func writeTree(_ root: String, cases: Int, defendants: Int) throws {
        let manager = FileManager.default
        try "format: 1\ndefault_code: RSFSR-1926\n".write(toFile: root + "/" + TreePaths.markerFile, atomically: true, encoding: .utf8)
        for index in 0..<cases {
            let ref = "c-\(index)"
            var text = "case_ref: \(ref)\nbody_kind: troika\ncategory: political\ndefendants:\n"
            for person in 0..<defendants {
                text += "  - person:\n      person_ref: p-\(index)-\(person)\n      name: Вымыслов\(person), Петр\n    outcome: convicted\n    charges:\n      - 58-10\n"
            }
            let path = root + "/" + TreePaths.path(kind: .case, ref: ref)
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func treeWorkIsLinearInFilesAndInAFilesLength() throws {
        try Self.expectLinear("tree files", base: 20) { cases in
            let folder = try TemporaryFolder()
            try Self.writeTree(folder.path, cases: cases, defendants: 2)
            let (contents, work) = try WorkCounter.counting { try TreeReader.read(root: folder.path) }
            #expect(contents.cases.count == cases)
            return work
        }
        try Self.expectLinear("tree defendants", base: 25) { defendants in
            let folder = try TemporaryFolder()
            try Self.writeTree(folder.path, cases: 1, defendants: defendants)
            let (contents, work) = try WorkCounter.counting { try TreeReader.read(root: folder.path) }
            #expect(contents.cases.first?.doc.defendants.count == defendants)
            return work
        }
    }

    @Test func aTreeFileWithAHundredThousandKeysIsRefusedWithItsLine() throws {
        // 100,000 keys pass the size limit of a document: refused before
        // anything is composed
        let folder = try TemporaryFolder()
        try Self.writeTree(folder.path, cases: 1, defendants: 1)
        let path = folder.path + "/" + TreePaths.path(kind: .case, ref: "c-0")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for index in 0..<100_000 { text += "key\(index): value\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try TreeReader.read(root: folder.path)
            Issue.record("accepted")
        } catch let error as DataErrors {
            #expect(error.errors.count == 1)
            #expect(error.errors[0].description.contains("more than the \(YAMLGuard.maxBytes) a document may hold"))
        }
        // Just under the limit, the unknown fields are one error, in linear work
        try Self.expectLinear("tree keys", base: 5_000) { keys in
            var text = "case_ref: c-0\nbody_kind: troika\ncategory: political\n"
            for index in 0..<keys { text += "k\(index): v\n" }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let (errors, work) = WorkCounter.counting { () -> [DataError] in
                do { _ = try TreeReader.read(root: folder.path); return [] } catch let error as DataErrors { return error.errors } catch { return [] }
            }
            #expect(errors.count == 1)
            #expect(errors.first?.description.contains("unknown field") == true)
            return work
        }
    }

    // MARK: Spreadsheets

    @Test func aSpreadsheetsRowsAreReadInLinearWork() throws {
        // An .xlsx of N rows (zip, workbook, shared strings, the sheet's
        // XML, the grid): the whole read counted
        try Self.expectLinear("xlsx rows", base: 100) { copies in
            let rows = [["case_ref", "person_ref", "name", "charges"]]
                + (0..<copies).map { ["c\($0)", "p\($0)", "Вымыслов, Петр & сын", "58-10"] }
            let data = try XLSXWriter.workbook(sheet: "Лист1", rows: rows)
            let folder = try TemporaryFolder()
            let path = folder.path + "/rows.xlsx"
            try data.write(to: URL(fileURLWithPath: path))
            let (sheet, work) = try WorkCounter.counting { try SpreadsheetReader.read(path: path) }
            #expect(sheet.rows.count == copies + 1)
            return work
        }
    }

    @Test(arguments: ["<![CDATA[x]]>", "<!-- c -->", "<c a=\"1\">&amp;&#1078;</c>"])
    func theXMLOfASheetIsWalkedInLinearWork(unit: String) throws {
        // Each `<!` once looked for the next comment from where it stood,
        // to the end of the part when there was none: quadratic in a part
        // of CDATA sections
        try Self.expectLinear("sheet xml", base: 200) { copies in
            let xml = "<?xml version=\"1.0\"?><r>" + String(repeating: unit, count: copies) + "</r>"
            let walker = XMLWalker()
            var texts = 0
            walker.onText = { _ in texts += 1 }
            let ((), work) = try WorkCounter.counting { try walker.walk(Data(xml.utf8), part: "content.xml") }
            #expect(unit.hasPrefix("<!--") || texts == copies)
            return work
        }
    }
}
