@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// Malformed and malicious input: each is refused with a clear message and
/// leaves the archive as it was, or is stored and found exactly as given.
@Suite struct HostileInputTests {
    /// A file of these bytes in a fresh temporary folder.
    final class TempFile {
        let folder: String
        let path: String
        init(_ bytes: [UInt8], name: String) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            path = folder + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        convenience init(_ text: String, name: String) throws { try self.init(Array(text.utf8), name: name) }
        deinit { try? FileManager.default.removeItem(atPath: folder) }
    }

    static let header = "case_ref,person_ref,name,body_kind,category,charges,charge_text\r\n"

    /// An archive with the fixtures, and its fingerprint.
    func archive() throws -> (TestArchive, [String]) {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        return (test, try ReliabilityData.fingerprint(test.db, tables: SchemaCatalog.recordTables + ["change", "history"]))
    }

    func unchanged(_ test: TestArchive, _ before: [String]) throws -> Bool {
        try ReliabilityData.fingerprint(test.db, tables: SchemaCatalog.recordTables + ["change", "history"]) == before
    }

    /// Imports a file and returns the problems it was refused with.
    func refusal(_ test: TestArchive, _ file: TempFile, _ format: ImportFormat) throws -> [String] {
        do {
            _ = try test.archive.importFiles([ImportInput(path: file.path, format: format)])
        } catch let errors as DataErrors {
            return errors.errors.map { $0.description.replacingOccurrences(of: file.folder + "/", with: "") }
        }
        return []
    }

    // MARK: Encodings and line endings

    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        let (test, before) = try archive()
        let csv = try TempFile(Array((Self.header + "c1,p1,Пряников,troika,political,,\r\n").utf8) + Array("c2,p2,".utf8) + [0xD0, 0x28]
                               + Array(",troika,political,,\r\n".utf8), name: "bad.csv")
        #expect(try refusal(test, csv, .csv) == ["bad.csv:3: name: invalid UTF-8 (expected RFC 4180 CSV in UTF-8)"])
        let jsonl = try TempFile(Array((ReliabilityData.otherCase + "\n").utf8) + [0x7B, 0xFF, 0x7D, 0x0A], name: "bad.jsonl")
        #expect(try refusal(test, jsonl, .jsonl) == ["bad.jsonl:2: not valid UTF-8 (expected UTF-8 text)"])
        let bib = try TempFile([0x40, 0x62, 0x6F, 0x6F, 0x6B, 0x7B, 0x6B, 0x2C, 0x20, 0xC3, 0x7D], name: "bad.bib")
        #expect(try refusal(test, bib, .bibtex) == ["bad.bib:1: not valid UTF-8 (expected UTF-8 text)"])
        #expect(try unchanged(test, before))
    }

    @Test func aByteOrderMarkAndCRLFAreRead() throws {
        let test = try TestArchive()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let csv = try TempFile(bom + Array((Self.header + "c1,p1,\"Пряников, С. И.\",troika,political,58-10,\"two\r\nlines\"\r\n").utf8), name: "bom.csv")
        _ = try test.archive.importFiles([ImportInput(path: csv.path, format: .csv)])
        #expect(try test.archive.loadPerson(ref: "p1")?.name == "Пряников, С. И.")
        #expect(try test.archive.loadCase(ref: "c1")?.defendants.first?.chargeText == "two\r\nlines")
        let jsonl = try TempFile(bom + Array((ReliabilityData.otherCase + "\r\n\r\n").utf8), name: "bom.jsonl")
        _ = try test.archive.importFiles([ImportInput(path: jsonl.path, format: .jsonl)])
        #expect(try test.archive.loadCase(ref: "other-1937")?.defendants.count == 1)
        let json = try TempFile(bom + Array(ReliabilityData.sources.utf8), name: "bom.json")
        _ = try test.archive.importFiles([ImportInput(path: json.path, format: .cslJSON)])
        let bib = try TempFile(bom + Array("@book{k2,\r\n  title = {T},\r\n  year = 1937\r\n}\r\n".utf8), name: "bom.bib")
        _ = try test.archive.importFiles([ImportInput(path: bib.path, format: .bibtex)])
        #expect(try test.archive.loadSource(key: "k2")?.title == "T")
        #expect(try test.archive.check().isClean)
    }

    @Test func unbalancedQuotesAreRefused() throws {
        let (test, before) = try archive()
        let open = try TempFile(Self.header + "c1,p1,\"Пряников,troika,political,,\r\nc2,p2,x,troika,political,,\r\n", name: "open.csv")
        #expect(try refusal(test, open, .csv) == ["open.csv:2: name: a quoted field is never closed (expected RFC 4180 CSV in UTF-8)"])
        let stray = try TempFile(Self.header + "c1,p1,Лу\"зин,troika,political,,\r\n", name: "stray.csv")
        #expect(try refusal(test, stray, .csv) == [
            "stray.csv:2: name: a quote inside an unquoted field (quote the whole field and double the quote) (expected RFC 4180 CSV in UTF-8)",
        ])
        let jsonl = try TempFile("{\"case_ref\": \"c1\n", name: "open.jsonl")
        #expect(try refusal(test, jsonl, .jsonl).first?.hasPrefix("open.jsonl:1: not valid JSON") == true)
        let bib = try TempFile("@book{k,\n  title = {T\n}\n", name: "open.bib")
        #expect(try refusal(test, bib, .bibtex).count == 1)
        #expect(try unchanged(test, before))
    }

    // MARK: Size

    @Test func aTenMegabyteFieldIsStoredWhole() throws {
        let test = try TestArchive()
        // 10 MiB and more of Cyrillic text (cells are trimmed, so it ends
        // with a word).
        let unit = "Обвинение по ст. 58-10. "
        let big = String(repeating: unit, count: 10 * 1024 * 1024 / unit.utf8.count + 1) + "конец"
        let csv = try TempFile(Self.header + "c1,p1,Пряников,troika,political,58-10,\"\(big)\"\r\n", name: "big.csv")
        _ = try test.archive.importFiles([ImportInput(path: csv.path, format: .csv)])
        let stored = try #require(try test.archive.loadCase(ref: "c1")?.defendants.first?.chargeText)
        #expect(stored.utf8.count > 10 * 1024 * 1024)
        #expect(stored == big, "stored \(stored.utf8.count) bytes of \(big.utf8.count)")
        #expect(try test.archive.check().isClean)
    }

    @Test func anAbsurdlyLongLineIsRefusedNotBuffered() throws {
        // The limits are lowered here so the test stays small; the CLI test
        // runs the real 64 MB limits against a 1 GB line.
        let line = try TempFile(String(repeating: "x", count: 5000) + "\n{}\n", name: "long.jsonl")
        let reader = try LineReader(path: line.path, chunkSize: 256)
        reader.maxLineBytes = 1024
        let error = #expect(throws: DataError.self) { while try reader.next() != nil {} }
        #expect(error?.description == "\(line.path):1: the line is longer than 0 MB (expected one record per line)")

        let long = try TempFile("a,b\n\"" + String(repeating: "x", count: 3000) + "\",b\n", name: "long.csv")
        let reader2 = try CSVReader(path: long.path, chunkSize: 256)
        reader2.maxFieldBytes = 2 << 10
        _ = try reader2.next()
        #expect(throws: CSVReader.Malformed(line: 2, problem: "longer than 0 MB", field: 1)) { _ = try reader2.next() }

        let csv = try TempFile("a,b\n" + String(repeating: "x,", count: 3000) + "\n", name: "wide.csv")
        let wide = try CSVReader(path: csv.path, chunkSize: 256)
        wide.maxFields = 100
        #expect(try wide.next()?.fields == ["a", "b"])
        let refused = #expect(throws: CSVReader.Malformed.self) { _ = try wide.next() }
        #expect(refused == CSVReader.Malformed(line: 2, problem: "the record has more than 100 fields"))
    }

    // MARK: NUL bytes

    @Test func nulBytesAreRefusedEverywhere() throws {
        let (test, before) = try archive()
        let csv = try TempFile(Array((Self.header + "c1,p1,Лу").utf8) + [0] + Array("зин,troika,political,,\r\n".utf8), name: "nul.csv")
        #expect(try refusal(test, csv, .csv) == ["nul.csv:2: name: a NUL byte (expected RFC 4180 CSV in UTF-8)"])
        let jsonl = try TempFile(#"{"case_ref": "c1", "title": "a\u0000b", "body_kind": "other", "category": "unknown"}"#, name: "nul.jsonl")
        #expect(try refusal(test, jsonl, .jsonl)
                == ["nul.jsonl:1: title: contains a NUL character (\\u0000) (expected text without NUL characters)"])
        let json = try TempFile(#"[{"id": "k", "type": "book", "title": "a\u0000b"}]"#, name: "nul.json")
        #expect(try refusal(test, json, .cslJSON).first?.contains("a NUL character (\\u0000) in a string") == true)
        let bib = try TempFile(Array("@book{k,\n title = {a".utf8) + [0] + Array("b}}".utf8), name: "nul.bib")
        #expect(try refusal(test, bib, .bibtex) == ["nul.bib:2: a NUL byte (expected text without NUL characters)"])
        #expect(throws: DataError.self) {
            try test.add(.person, #"{"ref": "p-nul", "name": "Пряников", "name_variant": ["a\u0000b"]}"#)
        }
        #expect(try unchanged(test, before))
    }

    // MARK: Text that looks like code

    @Test(arguments: ["Robert'); DROP TABLE person;--", "x\"; DELETE FROM history; --", "' OR 1=1 --",
                      "=HYPERLINK(\"http://evil.example\")", "<script>alert(1)</script>", "%s%n%x", "${jndi:ldap://x}"])
    func codeLikeTextIsStoredAndFoundVerbatim(name: String) throws {
        let test = try TestArchive()
        let tables = try test.db.fetchAll("SELECT name FROM sqlite_schema ORDER BY name")
        let json = try JSONEncoder().encode(["ref": name, "name": name, "notes": name])
        _ = try test.archive.add(.person, try JSONDecoder().decode(JSONValue.self, from: json))
        let csv = try TempFile(Self.header + "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",p2,\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",troika,political,,\r\n",
                               name: "code.csv")
        _ = try test.archive.importFiles([ImportInput(path: csv.path, format: .csv)])

        #expect(try test.db.fetchAll("SELECT name FROM sqlite_schema ORDER BY name") == tables)
        let person = try #require(try test.archive.loadPerson(ref: name))
        #expect(person.name == name && person.notes == name)
        #expect(try test.archive.loadCase(ref: name)?.defendants.first?.person.name == name)
        #expect(try RecordView.load(test.archive, ref: name).text.contains(name))
        var query = HistoryQuery()
        query.ref = name
        // The ref names both a case and a person here; the case comes first.
        #expect(try test.archive.history(query).flatMap(\.rows).first?.label == "case \(name)")
        #expect(try test.archive.check().isClean)
    }

    @Test(arguments: ["\"", "AND", "NEAR(", "*", "OR NOT", "a\"b", "col:x", "^x", "(x", "x)", "NEAR(a b, 2)", "-", "+"])
    func fullTextSyntaxTypedAsASearchIsSearchedFor(words: String) throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE VIRTUAL TABLE name_fts USING fts5(name, tokenize = 'unicode61 remove_diacritics 2')")
        try db.execute("INSERT INTO name_fts (name) VALUES (?)", ["Robert AND NEAR the OR NOT col x a b"])
        try db.execute("INSERT INTO name_fts (name) VALUES ('Пряников')")
        let query = FullTextQuery.quoted(words)
        // Never an FTS5 syntax error; words that are tokens find the row
        // that has them, operators and all.
        let hits = try db.fetchAll("SELECT rowid FROM name_fts WHERE name_fts MATCH ?", [query]).compactMap { $0.int(0) }
        let tokens = words.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if !tokens.isEmpty, tokens.allSatisfy({ ["AND", "NEAR", "OR", "NOT", "col", "x", "a", "b"].contains(String($0)) }) {
            #expect(hits == [1])
        }
        #expect(!hits.contains(2))
    }

    // MARK: Paths and permissions

    @Test func aDirectoryOrAnImpossiblePathIsRefusedClearly() throws {
        let file = try TempFile("x", name: "plain.txt")
        let directory = #expect(throws: ArchiveError.self) { try Archive(path: file.folder) }
        #expect(directory?.message == "\(file.folder) is a directory, not an archive file")
        let test = try TestArchive()
        let input = #expect(throws: ArchiveError.self) {
            try test.archive.importFiles([ImportInput(path: file.folder, format: .csv)])
        }
        #expect(input?.message == "\(file.folder): is a directory, not a file")
        let jsonl = #expect(throws: ArchiveError.self) {
            try test.archive.importFiles([ImportInput(path: file.folder + "/missing.jsonl", format: .jsonl)])
        }
        #expect(jsonl?.message == "\(file.folder)/missing.jsonl: no such file")
        // A folder that is a file: nothing can be created under it.
        let impossible = #expect(throws: SQLiteError.self) { try Archive(path: file.path + "/archive.sqlite") }
        #expect(impossible?.description.hasPrefix("SQLite error 14: cannot open \(file.path)/archive.sqlite") == true)
    }

    /// Makes a file read-only for this process: by its mode, or when the
    /// process is root (whom modes do not stop) by the immutable attribute.
    /// Returns a function that undoes it, or nil when neither works here.
    static func makeReadOnly(_ path: String) -> (() -> Void)? {
        chmod(path, 0o444)
        if access(path, W_OK) != 0 { return { chmod(path, 0o644) } }
        chmod(path, 0o644)
        func chattr(_ flag: String) -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["chattr", flag, path]
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        return chattr("+i") ? { _ = chattr("-i") } : nil
    }

    @Test func aReadOnlyArchiveIsReadButNeverWritten() throws {
        let (test, before) = try archive()
        // Opened read-only, as show and check do.
        let reader = try Archive(path: test.path, create: false, readOnly: true)
        let refused = #expect(throws: SQLiteError.self) {
            try reader.add(.person, .object(["ref": .string("p-new"), "name": .string("N")]))
        }
        #expect(refused?.userDescription.hasPrefix("the database is read-only (check the file's and its folder's permissions") == true)
        #expect(try RecordView.load(reader, ref: "shakhty-1928").text.contains("Shakhty"))
        #expect(try reader.check().isClean)
        var query = HistoryQuery()
        query.ref = "shakhty-1928"
        #expect(try reader.history(query).map(\.id) == [1])

        // A file the system will not let us write.
        guard let undo = Self.makeReadOnly(test.path) else { return }
        defer { undo() }
        let opened = try Archive(path: test.path)
        #expect(throws: SQLiteError.self) {
            try opened.add(.person, .object(["ref": .string("p-new"), "name": .string("N")]))
        }
        #expect(throws: SQLiteError.self) { try opened.importFiles(Tour.fixtureInputs() + [
            ImportInput(path: "more.jsonl", format: .jsonl, text: ReliabilityData.otherCase)]) }
        #expect(try unchanged(test, before))
        #expect(try opened.loadCase(ref: "shakhty-1928") != nil)
    }

    // MARK: A full disk

    @Test func aFullDiskMidImportLeavesTheArchiveAsItWas() throws {
        let (test, before) = try archive()
        // Room for a few more pages only: the import runs out part way.
        let pages = try test.db.scalar("PRAGMA page_count").intValue ?? 0
        try test.db.execute("PRAGMA max_page_count = \(pages + 8)")
        var lines: [String] = []
        for index in 0..<400 {
            lines.append(#"{"case_ref": "full-\#(index)", "title": "\#(String(repeating: "Дело ", count: 40))", "body_kind": "troika", "category": "political", "defendants": [{"person": {"person_ref": "full-p\#(index)", "name": "Иванов \#(index)"}, "outcome": "convicted"}]}"#)
        }
        let error = #expect(throws: SQLiteError.self) {
            try test.archive.importFiles([ImportInput(path: "many.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        }
        #expect(error?.primary == .SQLITE_FULL)
        #expect(try unchanged(test, before))
        #expect(try test.archive.check().isClean)
        // With room again, the same import goes through.
        try test.db.execute("PRAGMA max_page_count = 1073741823")
        _ = try test.archive.importFiles([ImportInput(path: "many.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        #expect(try test.count("proceeding") == 435)
    }
}
