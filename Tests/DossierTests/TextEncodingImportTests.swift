@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// `--encoding utf-8|cp1251` for JSON Lines, CSL-JSON and BibTeX, through
/// the decoder CSV and Memorial notes use: Windows-1251 read when given,
/// named when not, and UTF-8 refused when Windows-1251 was said. Invented
/// people and sources.
@Suite struct TextEncodingImportTests {
    static let jsonl = """
        {"case_ref": "e-1", "body_kind": "troika", "category": "political", "defendants": [{"person": {"person_ref": "p-e1", "name": "Журавлёв, Аким Фомич"}, "outcome": "convicted", "sentence": "10 лет ИТЛ"}]}
        {"case_ref": "e-2", "body_kind": "troika", "category": "political", "defendants": [{"person": {"person_ref": "p-e2", "name": "Щеглова, Анна"}, "outcome": "acquitted"}]}

        """
    static let csl = """
        [{"id": "vydumkin1999", "type": "book", "title": "Очерки истории вымышленного края",
          "author": [{"family": "Выдумкин", "given": "Юрий"}], "issued": {"date-parts": [[1999]]}}]

        """
    static let bib = """
        @book{zateikina2004,
          author = {Затейкина, Анна},
          title = {Приговоры троек},
          year = {2004}
        }

        """

    func importFile(_ test: TestArchive, _ path: String, _ format: ImportFormat, _ encoding: MemorialEncoding?) throws {
        var options = ImportOptions()
        if let encoding { options.csvEncoding = encoding }
        _ = try test.archive.importFiles([ImportInput(path: path, format: format)], options: options)
    }

    func errors(_ body: () throws -> Void) -> [String] { ImportTestSupport.errors(body) }

    @Test(arguments: [("cases.jsonl", ImportFormat.jsonl), ("sources.json", .cslJSON), ("sources.bib", .bibtex)])
    func windows1251IsReadWhenGiven(_ name: String, _ format: ImportFormat) throws {
        let folder = try CSVDialectTests.Folder()
        let text = [ImportFormat.jsonl: Self.jsonl, .cslJSON: Self.csl, .bibtex: Self.bib][format]!
        let cp1251 = try folder.write(name, CSVDialectTests.cp1251(text))
        let utf8 = try folder.write("utf8-" + name, Array(text.utf8))
        let given = try TestArchive()
        try importFile(given, cp1251, format, .cp1251)
        let plain = try TestArchive()
        try importFile(plain, utf8, format, nil)
        // The same records as from the UTF-8 file.
        #expect(try ImportTestSupport.export(given.archive) == ImportTestSupport.export(plain.archive))
        #expect(!(try ImportTestSupport.export(given.archive)).isEmpty)
        if format == .jsonl {
            #expect(try given.archive.loadPerson(ref: "p-e1")?.name == "Журавлёв, Аким Фомич")
        }
    }

    @Test(arguments: [("cases.jsonl", ImportFormat.jsonl, 1), ("sources.json", .cslJSON, 1), ("sources.bib", .bibtex, 2)])
    func windows1251IsNamedWhenNotGiven(_ name: String, _ format: ImportFormat, _ line: Int) throws {
        let folder = try CSVDialectTests.Folder()
        let text = [ImportFormat.jsonl: Self.jsonl, .cslJSON: Self.csl, .bibtex: Self.bib][format]!
        let file = try folder.write(name, CSVDialectTests.cp1251(text))
        let test = try TestArchive()
        let problems = errors { try importFile(test, file, format, nil) }
        #expect(problems.first == "\(file):\(line): not valid UTF-8; it looks like Windows-1251: give --encoding cp1251 (expected UTF-8 text)")
        #expect(try test.count("source") == 0 && test.count("proceeding") == 0)
        // UTF-8 said to be Windows-1251 is refused, not read as mojibake.
        let utf8 = try folder.write("utf8-" + name, Array(text.utf8))
        let refused = errors { try importFile(test, utf8, format, .cp1251) }
        #expect(refused.first?.hasSuffix("this is UTF-8, not Windows-1251 (leave out --encoding cp1251) (expected Windows-1251 text)") == true,
                "\(refused)")
        #expect(try test.count("source") == 0 && test.count("proceeding") == 0)
    }

    @Test func aByteWithNoCharacterIsNamedWithItsLine() throws {
        let folder = try CSVDialectTests.Folder()
        let file = try folder.write("bad.jsonl", Array("{\"case_ref\": \"x\"}\n".utf8).map { $0 } + [0x7B, 0x98, 0x7D, 0x0A])
        let test = try TestArchive()
        let problems = errors { try importFile(test, file, .jsonl, .cp1251) }
        #expect(problems.contains("\(file):2: a byte with no character in Windows-1251 (0x98 or NUL) (expected Windows-1251 text)"), "\(problems)")
    }
}
