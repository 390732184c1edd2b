@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// CSV as spreadsheets save it: the separator detected from the header (or
/// given), Windows-1251 read when asked and named when not, rows of empty
/// cells skipped and counted, and every problem of a row at once. The people
/// are invented.
@Suite struct CSVDialectTests {
    /// Windows-1251 bytes of a text in ASCII and Russian letters.
    static func cp1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0..<0x80: return UInt8(scalar.value)
            case 0x410...0x44F: return UInt8(0xC0 + scalar.value - 0x410)
            case 0x401: return 0xA8
            case 0x451: return 0xB8
            default: fatalError("not in the test's table: \(scalar)")
            }
        }
    }

    /// What Russian-locale Excel writes for "CSV (разделители — точки с
    /// запятой)": semicolons, Windows-1251, CRLF, day-first dates, and a row
    /// of empty cells where a deleted row was.
    static let excelText = [
        "case_ref;person_ref;name;sex;birth;body_kind;trial_date;charges;outcome;sentence",
        "c-zhuravl;p-zhuravl;Журавлёв, Аким Фомич;m;1901;troika;14.08.1937;58-10;convicted;10 лет ИТЛ",
        "c-zhuravl;p-shchegol;Щеглова, Анна Кузьминична;f;12.03.1903;troika;14.08.1937;58-10, 58-11;convicted;8 лет ИТЛ",
        ";;;;;;;;;",
        "",
    ].joined(separator: "\r\n")

    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-csv-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let file = path + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            return file
        }
    }

    func errors(_ body: () throws -> Void) -> [String] { ImportTestSupport.errors(body) }

    @Test func russianExcelCSVImportsWithTheEncodingOnly() throws {
        let folder = try Folder()
        let file = try folder.write("rows.csv", Self.cp1251(Self.excelText))
        let test = try TestArchive()
        var options = ImportOptions()
        options.csvEncoding = .cp1251
        let report = try test.archive.importFiles([ImportInput(path: file, format: .csv)], options: options)
        #expect(report.records == 2)
        #expect(report.emptyRows == 1)
        let doc = try #require(try test.archive.loadCase(ref: "c-zhuravl"))
        #expect(doc.trialDate == "1937-08-14")
        let people = doc.defendants.map(\.person)
        #expect(people.map(\.name).sorted() == ["Журавлёв, Аким Фомич", "Щеглова, Анна Кузьминична"])
        #expect(people.first { $0.ref == "p-shchegol" }?.birth == "1903-03-12")
        #expect(doc.defendants.first { $0.person.ref == "p-zhuravl" }?.sentence == "10 лет ИТЛ")
    }

    @Test func windows1251IsNamedWhenNotGiven() throws {
        let folder = try Folder()
        let file = try folder.write("rows.csv", Self.cp1251(Self.excelText))
        let test = try TestArchive()
        let messages = errors { _ = try test.archive.importFiles([ImportInput(path: file, format: .csv)]) }
        #expect(messages == [
            "\(file):2: name: invalid UTF-8; it looks like Windows-1251: give --encoding cp1251 (expected RFC 4180 CSV in UTF-8)",
        ])
        #expect(try test.archive.loadCase(ref: "c-zhuravl") == nil)
    }

    @Test func utf8GivenAsWindows1251IsRefused() throws {
        let folder = try Folder()
        let file = try folder.write("rows.csv", Array(Self.excelText.utf8))
        let test = try TestArchive()
        var options = ImportOptions()
        options.csvEncoding = .cp1251
        let messages = errors { _ = try test.archive.importFiles([ImportInput(path: file, format: .csv)], options: options) }
        #expect(messages == [
            "\(file):2: name: this is UTF-8, not Windows-1251 (leave out --encoding cp1251) (expected RFC 4180 CSV in Windows-1251)",
        ])
    }

    @Test(arguments: [("semicolon", ";"), ("tab", "\t"), ("comma", ",")])
    func separatorIsDetectedFromTheHeader(name: String, separator: String) throws {
        let text = Self.excelText.replacingOccurrences(of: ";", with: separator)
            .replacingOccurrences(of: "58-10, 58-11", with: "\"58-10, 58-11\"")
            .replacingOccurrences(of: "Журавлёв, Аким Фомич", with: "\"Журавлёв, Аким Фомич\"")
            .replacingOccurrences(of: "Щеглова, Анна Кузьминична", with: "\"Щеглова, Анна Кузьминична\"")
        let test = try TestArchive()
        let report = try ImportTestSupport.importText(test.archive, text, format: .csv)
        #expect(report.records == 2, "\(name)")
        #expect(report.emptyRows == 1, "\(name)")
        let doc = try #require(try test.archive.loadCase(ref: "c-zhuravl"))
        #expect(doc.defendants.first { $0.person.ref == "p-shchegol" }?.charges.count == 2, "\(name)")
    }

    @Test func detectionLooksOutsideQuotesOnTheFirstLineOnly() throws {
        #expect(try CSVReader(text: "\"a;b;c\",d\n1;2;3;4;5\n").detectDelimiter() == UInt8(ascii: ","))
        #expect(try CSVReader(text: "a;b,c;d\n").detectDelimiter() == UInt8(ascii: ";"))
        #expect(try CSVReader(text: "name\n").detectDelimiter() == UInt8(ascii: ","))
        #expect(try CSVReader(text: "").detectDelimiter() == UInt8(ascii: ","))
    }

    @Test func aGivenSeparatorIsUsed() throws {
        let test = try TestArchive()
        var options = ImportOptions()
        options.delimiter = UInt8(ascii: ",")
        let messages = errors {
            _ = try test.archive.importFiles([ImportInput(path: "rows.csv", format: .csv, text: Self.excelText)], options: options)
        }
        #expect(messages.first?.hasPrefix("rows.csv:1: case_ref;person_ref;name;") == true)
    }

    @Test func everyProblemOfEveryRowInColumnOrder() throws {
        let text = """
            case_ref,person_ref,name,sex,birth,body_kind,trial_date,outcome,term_years
            c-1,,"Журавлёв, Аким",male,14.8.01,troyka,31.02.1937,convicted,eleven
            c-2,p-2,"Щеглова, Анна",f,1903,troika,1937,aquitted,

            """
        let test = try TestArchive()
        let messages = errors { _ = try ImportTestSupport.importText(test.archive, text, format: .csv, path: "rows.csv") }
        #expect(messages == [
            "rows.csv:2: person_ref: missing (expected a value)",
            "rows.csv:2: sex: unknown sex \"male\"; did you mean m? (expected one of m, f)",
            "rows.csv:2: birth: the year 01 has two digits, and dossier does not guess its century: write it in full (expected EDTF or a date as sources write it, e.g. 14.8.1801 or 14.8.1901, as the source means)",
            "rows.csv:2: body_kind: unknown body kind \"troyka\"; did you mean troika? (expected one of ordinary_court, regional_court, supreme_court, military_tribunal, military_collegium, special_court, troika, dvoika, special_board, commission, security_organ, procuracy, other)",
            "rows.csv:2: trial_date: \"31.02.1937\" is not a date: day 31 does not exist in February 1937 (expected EDTF or a date as sources write it, e.g. 31.01.1937 or 1937-01-31)",
            "rows.csv:2: term_years: \"eleven\" is not a term (expected a number of years from 0 to 100)",
            "rows.csv:3: outcome: unknown outcome \"aquitted\"; did you mean acquitted? (expected one of convicted, acquitted, dismissed, returned_for_investigation, released_without_trial, insanity, died_before_verdict, unknown)",
        ])
        #expect(try test.archive.loadCase(ref: "c-2") == nil)
    }
}
