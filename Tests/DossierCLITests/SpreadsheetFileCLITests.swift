import Foundation
import Testing

/// `dossier import rows.xlsx|rows.ods` and `dossier export --format xlsx`
/// through the command line, on the fixtures written by openpyxl and
/// LibreOffice (`scripts/make-spreadsheet-fixtures.py`). The people are invented.
@Suite struct SpreadsheetFileCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let sources = fixtures + "/examples/sources.json"
    static func sheet(_ name: String) -> String { fixtures + "/spreadsheets/" + name }

    @Test func importsEachKindAndExportsTheSameRows() throws {
        let scratch = try Scratch()
        var exports: [String] = []
        for file in ["rows.csv", "rows-libreoffice.xlsx", "rows-openpyxl.xlsx", "rows-libreoffice.ods"] {
            let db = scratch.file(file + ".sqlite")
            let run = try CLIRunner.run(["import", Self.sources, Self.sheet(file), "--db", db])
            #expect(run.status == 0, "\(file): \(run.stderr)")
            #expect(run.stdout == "imported 6 records: created 2 cases, 3 defendants, 3 persons, 2 sources; skipped 3 empty rows\n",
                    "\(file)")
            let export = try CLIRunner.run(["export", "--format", "csv", "--db", db])
            #expect(export.status == 0)
            exports.append(export.stdout)
        }
        #expect(Set(exports).count == 1)
        #expect(exports[0].contains(",1937-08-14,Тройка УНКВД по Калининской области,troika,political,Кашин,1937-11-05,58-10,"))
    }

    @Test func theSecondSheetByName() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let run = try CLIRunner.run(["import", Self.sheet("rows-libreoffice.ods"), "--sheet", "Примечания", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("imported 1 record: created 1 case"))
        let csv = try CLIRunner.run(["import", Self.sheet("rows.csv"), "--sheet", "Лист1", "--db", db])
        #expect(csv.status == 64)
        #expect(csv.stderr.contains("--sheet goes with .xlsx and .ods input"))
    }

    @Test(arguments: [
        ("merged-header.xlsx", "[Лист1]:2: the header cells J2:K2 are merged"),
        ("zip-bomb.xlsx", ": xl/worksheets/sheet1.xml would be 300 MB uncompressed"),
        ("zip-bomb-lying.xlsx", ": xl/worksheets/sheet1.xml expands beyond 87 MB"),
        ("path-trick.xlsx", ": the zip holds an entry named \"../../outside.txt\""),
        ("not-a-zip.xlsx", ": not a zip file, or a damaged one"),
        ("text-document.ods", ": an OpenDocument file of type application/vnd.oasis.opendocument.text, not a spreadsheet"),
    ])
    func refusedWithExit65AndNothingWritten(file: String, message: String) throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        #expect(try CLIRunner.run(["init", "--db", db]).status == 0)
        let run = try CLIRunner.run(["import", Self.sheet(file), "--db", db], measuringMemory: true)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains(Self.sheet(file) + message), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
        // A bomb is refused before it is held: well under its 300 MB.
        #expect(run.maxResidentBytes < 200 << 20, "\(run.maxResidentBytes)")
        let history = try CLIRunner.run(["history", "--db", db, "--format", "json"])
        #expect(!history.stdout.contains("import"))
    }

    @Test func exportedWorkbookImportsBack() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        #expect(try CLIRunner.run(["import", Self.sources, Self.sheet("rows.csv"), "--db", db]).status == 0)
        let out = scratch.file("cases.xlsx")
        let export = try CLIRunner.run(["export", "--format", "xlsx", "--out", out, "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let copy = scratch.file("b.sqlite")
        let back = try CLIRunner.run(["import", Self.sources, out, "--db", copy])
        #expect(back.status == 0, "\(back.stderr)")
        let a = try CLIRunner.run(["export", "--format", "csv", "--db", db])
        let b = try CLIRunner.run(["export", "--format", "csv", "--db", copy])
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.components(separatedBy: "\r\n").count == 6)  // the header, four rows, the end
        let tree = try CLIRunner.run(["export", "--format", "xlsx", "--tree", scratch.file("t"), "--db", db])
        #expect(tree.status == 64)
    }

    @Test func aSpreadsheetIsKnownByItsContent() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        // No extension: the zip's content tells.
        let bare = scratch.file("rows")
        try FileManager.default.copyItem(atPath: Self.sheet("rows-libreoffice.ods"), toPath: bare)
        let run = try CLIRunner.run(["import", Self.sources, bare, "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("imported 6 records"))
        // A workbook named .csv is not read as garbled CSV.
        let named = scratch.file("rows.csv")
        try FileManager.default.copyItem(atPath: Self.sheet("rows-openpyxl.xlsx"), toPath: named)
        let csv = try CLIRunner.run(["import", named, "--db", db])
        #expect(csv.status == 65)
        #expect(csv.stderr.contains("\(named):1: a zip file, not CSV: an .xlsx or .ods spreadsheet? Give --input-format xlsx (or ods), or name it .xlsx (expected RFC 4180 CSV)"))
        // Standard input, with --input-format.
        let stdin = try CLIRunner.run(["import", "-", "--input-format", "xlsx", "--db", db,
                                       "--sheet", "Примечания"], standardInput: Self.sheet("rows-openpyxl.xlsx"))
        #expect(stdin.status == 0, "\(stdin.stderr)")
        #expect(stdin.stdout.hasPrefix("imported 1 record: created 1 case"))
    }

    @Test func helpNamesSpreadsheets() throws {
        let importHelp = try CLIRunner.run(["import", "--help"])
        #expect(importHelp.stdout.contains(".xlsx"))
        #expect(importHelp.stdout.contains("--sheet"))
        let exportHelp = try CLIRunner.run(["export", "--help"])
        #expect(exportHelp.stdout.contains("xlsx"))
    }
}
