import Foundation
import Testing

/// Spreadsheets as historians have them, through the command line: dates as
/// sources write them, `--strict-dates`, `dossier date`, the filters. The
/// people are invented.
@Suite struct SpreadsheetCLITests {
    static let csv = """
        case_ref,person_ref,name,body_kind,trial_date,outcome
        c-ozerkov,p-ozerkov,"Озерков, Пантелей Фомич",troika,14.08.1937,convicted
        c-lapteva,p-lapteva,"Лаптева, Ирина",troika,март 1938,convicted

        """

    @Test func dateCommandReadsSourceForms() throws {
        let run = try CLIRunner.run(["date", "14.08.1937", "1930-е", "1904 или 1906", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["edtf"] as? String } == ["1937-08-14", "193X", "[1904,1906]"])
        let bad = try CLIRunner.run(["date", "14.8.37", "--format", "json"])
        #expect(bad.status == 65)
        #expect(bad.stdout.contains("the year 37 has two digits"))
    }

    @Test func importFilterAndStrictDates() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let csv = scratch.file("rows.csv")
        try Self.csv.write(toFile: csv, atomically: true, encoding: .utf8)

        let strict = try CLIRunner.run(["import", csv, "--strict-dates", "--db", db])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains(
            "rows.csv:2: trial_date: \"14.08.1937\" is not EDTF, and --strict-dates takes EDTF only (expected EDTF, e.g. 1937-08-14)"))

        let imported = try CLIRunner.run(["import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let found = try CLIRunner.run(["search", "--from", "01.03.1938", "--format", "csv", "--db", db])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("c-lapteva"))
        #expect(!found.stdout.contains("c-ozerkov"))
        let shown = try CLIRunner.run(["show", "c-ozerkov", "--format", "json", "--db", db])
        #expect(shown.stdout.contains("\"1937-08-14\""))
    }

    /// Russian Excel's "CSV": semicolons, Windows-1251, CRLF, an empty row.
    @Test func russianExcelCSVNeedsOnlyTheEncoding() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let csv = scratch.file("rows.csv")
        let text = "case_ref;person_ref;name;body_kind;trial_date;outcome\r\n"
            + "c-zhuravl;p-zhuravl;Журавлёв, Аким Фомич;troika;14.08.1937;convicted\r\n;;;;;\r\n"
        let bytes = text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0x410...0x44F: return UInt8(0xC0 + scalar.value - 0x410)
            case 0x451: return 0xB8
            default: return UInt8(scalar.value)
            }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: csv))
        let refused = try CLIRunner.run(["import", csv, "--db", db])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("rows.csv:2: name: invalid UTF-8; it looks like Windows-1251: give --encoding cp1251"))
        let imported = try CLIRunner.run(["import", csv, "--encoding", "cp1251", "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("; skipped 1 empty row"))
        let shown = try CLIRunner.run(["show", "c-zhuravl", "--format", "json", "--db", db])
        #expect(shown.stdout.contains("Журавлёв, Аким Фомич"))
        #expect(shown.stdout.contains("\"1937-08-14\""))
        let forced = try CLIRunner.run(["import", csv, "--encoding", "cp1251", "--delimiter", "comma", "--db", db])
        #expect(forced.status == 65)
        #expect(forced.stderr.contains("unknown column"))
        let misplaced = try CLIRunner.run(["import", scratch.file("rows.jsonl"), "--delimiter", "semicolon", "--db", db])
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.contains("--delimiter goes with CSV input"))
    }

    @Test func invertedRangeExits64() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let csv = scratch.file("rows.csv")
        try Self.csv.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["import", csv, "--db", db]).status == 0)
        for command in ["search", "stats"] {
            let run = try CLIRunner.run([command, "--from", "1938", "--to", "1937", "--format", "json", "--db", db])
            #expect(run.status == 64, "\(command)")
            #expect(run.stderr.contains("--from 1938 is after --to 1937: no date lies in that range"), "\(command): \(run.stderr)")
        }
    }
}
