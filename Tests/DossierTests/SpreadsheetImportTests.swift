@testable import Dossier
@testable import DossierDomain
import Foundation
import Testing

/// `.xlsx` and `.ods` files read as their CSV would be: the fixtures in
/// `Fixtures/spreadsheets/` were written by openpyxl and LibreOffice from
/// the same invented rows as `rows.csv` (by `scripts/make-spreadsheet-fixtures.py`).
@Suite struct SpreadsheetImportTests {
    static func sheet(_ name: String) -> String { ImportTestSupport.fixture("spreadsheets/" + name) }

    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sheet-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func write(_ name: String, _ data: Data) throws -> String {
            let file = path + "/" + name
            try data.write(to: URL(fileURLWithPath: file))
            return file
        }
    }

    func errors(_ body: () throws -> Void) -> [String] { ImportTestSupport.errors(body) }

    /// Imports the invented sources and one file; the report and the flat CSV export.
    func imported(_ path: String, format: ImportFormat, sheet: String? = nil) throws -> (ImportReport, String, TestArchive) {
        let test = try TestArchive()
        var options = ImportOptions()
        options.sheet = sheet
        let report = try test.archive.importFiles([
            ImportInput(path: ImportTestSupport.fixture("examples/sources.json"), format: .cslJSON),
            ImportInput(path: path, format: format),
        ], options: options)
        return (report, try ImportTestSupport.export(test.archive, .csv), test)
    }

    @Test(arguments: [("rows-openpyxl.xlsx", ImportFormat.xlsx), ("rows-openpyxl-1904.xlsx", .xlsx),
                      ("rows-libreoffice.xlsx", .xlsx), ("rows-libreoffice.ods", .ods)])
    func everyProducerGivesTheCSVExport(file: String, format: ImportFormat) throws {
        let (csvReport, csvExport, _) = try imported(Self.sheet("rows.csv"), format: .csv)
        let (report, export, test) = try imported(Self.sheet(file), format: format)
        #expect(export == csvExport)
        #expect(report.records == csvReport.records)
        #expect(report.records == 6)
        #expect(report.emptyRows == 3)
        // What the cells became: dates typed as dates, 58.10 as a number
        // formatted 0.00, a month shown as a month, text dates read.
        let first = try #require(try test.archive.loadCase(ref: "example:sheet-1937-0101"))
        #expect(first.trialDate == "1937-11-05")
        #expect(first.defendants.count == 2)  // the case ref merged down over both rows
        let zateeva = try #require(first.defendants.first { $0.person.ref == "example:p-zateeva" })
        #expect(zateeva.events.first { $0.kind == .arrested }?.date == "1937-08-14")
        #expect(zateeva.charges.map(\.ref) == ["RSFSR-1926:58-10"])
        #expect(zateeva.termYears == 10)
        #expect(first.defendants.first { $0.person.ref == "example:p-bulkin" }?.person.birth == "1895~")
        let second = try #require(try test.archive.loadCase(ref: "example:sheet-1938-0007"))
        #expect(second.trialDate == "1938-03")
        #expect(second.defendants.first?.person.nameVariants == ["Mokeev, Onisim"])
    }

    @Test func cellsAreReadAsShown() throws {
        for file in ["rows-libreoffice.xlsx", "rows-openpyxl.xlsx", "rows-libreoffice.ods"] {
            let sheet = try SpreadsheetReader.read(path: Self.sheet(file))
            #expect(sheet.name == "Лист1")
            let header = try #require(sheet.rows.first)
            #expect(header.line == 2)  // the merged title in row 1 is not the header
            #expect(header.fields.first == "case_ref")
            let row = try #require(sheet.rows.first { $0.line == 3 })
            let cell = { (name: String) in row.fields[header.fields.firstIndex(of: name)!] }
            #expect(cell("charges") == "58.10", "\(file)")
            #expect(cell("arrest_date") == "1937-08-14", "\(file)")
            #expect(cell("birth") == "1901", "\(file)")
            #expect(cell("name") == "Затеева Прасковья Ильинична", "\(file)")
            let filled = try #require(sheet.rows.first { $0.line == 4 })
            #expect(filled.fields[0] == "example:sheet-1937-0101", "\(file)")
            // Empty rows come as empty records, to be counted.
            #expect(sheet.rows.map(\.line) == Array(2...9), "\(file)")
        }
    }

    @Test func anotherSheetByName() throws {
        let (report, export, _) = try imported(Self.sheet("rows-libreoffice.ods"), format: .ods, sheet: "Примечания")
        #expect(report.records == 3)  // two sources and the one row
        #expect(export.contains("example:sheet-1939-0001,example:p-ryzhov,Рыжов Авдей Лукич"))
        let xlsx = try imported(Self.sheet("rows-openpyxl.xlsx"), format: .xlsx, sheet: "Примечания")
        #expect(xlsx.1 == export)
        let test = try TestArchive()
        var options = ImportOptions()
        options.sheet = "Sheet2"
        let path = Self.sheet("rows-libreoffice.xlsx")
        #expect(errors { _ = try test.archive.importFiles([ImportInput(path: path, format: .xlsx)], options: options) } == [
            "\(path): no sheet named \"Sheet2\" (expected one of the sheets \"Лист1\", \"Примечания\")",
        ])
    }

    @Test(arguments: [
        ("merged-header.xlsx", "[Лист1]:2: the header cells J2:K2 are merged: each column needs a name of its own (expected one header cell per column (unmerge them and name each column))"),
        ("merged-header.ods", "[Лист1]:2: the header cells J2:K2 are merged: each column needs a name of its own (expected one header cell per column (unmerge them and name each column))"),
        ("not-a-zip.xlsx", ": not a zip file, or a damaged one (an .xlsx or .ods file is a zip; is it a CSV file or an old .xls under another name?) (expected an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet)"),
        ("truncated.xlsx", ": not a zip file, or a damaged one (an .xlsx or .ods file is a zip; is it a CSV file or an old .xls under another name?) (expected an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet)"),
        ("zip-bomb.xlsx", ": xl/worksheets/sheet1.xml would be 300 MB uncompressed, more than the 256 MB dossier reads (expected an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet)"),
        ("zip-bomb-lying.xlsx", ": xl/worksheets/sheet1.xml expands beyond 87 MB, far more than its size in the zip (a zip bomb?) (expected an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet)"),
        ("path-trick.xlsx", ": the zip holds an entry named \"../../outside.txt\", a path that leaves the package (expected an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet)"),
        ("missing-sheet.xlsx", ": the zip has no xl/worksheets/sheet1.xml (the sheet) (expected an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet)"),
        ("text-document.ods", ": an OpenDocument file of type application/vnd.oasis.opendocument.text, not a spreadsheet (expected an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet)"),
        ("entities.xlsx", ": xl/worksheets/sheet1.xml declares a DTD or entities, which no spreadsheet writes (expected an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet)"),
    ])
    func refusals(file: String, message: String) throws {
        let test = try TestArchive()
        let path = Self.sheet(file)
        let format: ImportFormat = file.hasSuffix(".ods") ? .ods : .xlsx
        #expect(errors { _ = try test.archive.importFiles([ImportInput(path: path, format: format)]) } == [path + message])
        #expect(try test.count("proceeding") == 0)
        #expect(try test.count("change") == 0)
    }

    @Test func badCellsAreNamedBySheetAndRow() throws {
        let folder = try Folder()
        let data = try XLSXWriter.workbook(sheet: "Дела", rows: [
            ["case_ref", "person_ref", "name", "body_kind", "trial_date"],
            ["c-1", "p-1", "Пробный Пётр", "troika", "31.02.1937"],
            ["", "", "", "", ""],
            ["c-2", "", "Пробная Анна", "tribunal", "1937"],
        ])
        let path = try folder.write("bad.xlsx", data)
        let test = try TestArchive()
        let messages = errors { _ = try test.archive.importFiles([ImportInput(path: path, format: .xlsx)]) }
        #expect(messages.count == 3)
        #expect(messages.first == "\(path)[Дела]:2: trial_date: \"31.02.1937\" is not a date: day 31 does not exist in February 1937 (expected EDTF or a date as sources write it, e.g. 31.01.1937 or 1937-01-31)")
        #expect(messages.dropFirst().allSatisfy { $0.hasPrefix("\(path)[Дела]:4: ") })
        #expect(messages[1] == "\(path)[Дела]:4: person_ref: missing (expected a value)")
        #expect(messages[2].hasPrefix("\(path)[Дела]:4: body_kind: unknown body kind \"tribunal\""))
    }

    /// A sheet's XML in a workbook of its own, read.
    func readSheet(_ rows: String, merges: String = "") throws -> SpreadsheetSheet {
        let xml = "<worksheet><sheetData>\(rows)</sheetData>\(merges.isEmpty ? "" : "<mergeCells>\(merges)</mergeCells>")</worksheet>"
        let folder = try Folder()
        let path = try folder.write("s.xlsx", try XLSXWriter.zip(XLSXWriter.parts(sheetXML: Data(xml.utf8))))
        return try SpreadsheetReader.read(path: path)
    }

    /// The error as it comes from the sheet `S` of `readSheet`.
    static func inSheetS(_ error: SpreadsheetError) -> SpreadsheetError {
        var located = error
        located.sheet = "S"
        return located
    }

    static func cell(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    @Test func mergedCellsInTheRows() throws {
        let c = Self.cell
        let rows = "<row r=\"1\">\(c("A1", "case_ref"))\(c("B1", "name"))</row>"
            + "<row r=\"2\">\(c("A2", "c-1"))\(c("B2", "Первый"))</row>"
            + "<row r=\"3\">\(c("B3", "Вторая"))</row>"
            + "<row r=\"5\">\(c("B5", "Третий"))</row>"
        // Down one column: the value goes into each row under it that has values.
        let sheet = try readSheet(rows, merges: "<mergeCell ref=\"A2:A5\"/>")
        #expect(sheet.rows.map(\.line) == [1, 2, 3, 4, 5])
        #expect(sheet.rows.map { $0.fields.first ?? "" } == ["case_ref", "c-1", "c-1", "", "c-1"])
        // Across columns, with a value: refused, at its row.
        #expect(throws: Self.inSheetS(SpreadsheetError("the cells A2:B2 are merged across columns; each column holds a field of its own",
                                                       row: 2, expected: "cells merged down one column at most (unmerge them)"))) {
            _ = try readSheet(rows, merges: "<mergeCell ref=\"A2:B2\"/>")
        }
        // A title merged across the columns above the header is not the header.
        let titled = try readSheet("<row r=\"1\">\(c("A1", "Список"))</row><row r=\"2\">\(c("A2", "case_ref"))\(c("B2", "name"))</row>"
                                   + "<row r=\"3\">\(c("A3", "c-1"))\(c("B3", "Первый"))</row>", merges: "<mergeCell ref=\"A1:B1\"/>")
        #expect(titled.rows.map(\.line) == [2, 3])
        #expect(titled.rows.first?.fields == ["case_ref", "name"])
    }

    @Test func hugeMergesAndRepeatsCostNothing() throws {
        let c = Self.cell
        // A case ref merged down over every row Excel has.
        let sheet = try readSheet("<row r=\"1\">\(c("A1", "case_ref"))\(c("B1", "name"))</row><row r=\"2\">\(c("A2", "c-1"))\(c("B2", "Первый"))</row>"
                                  + "<row r=\"3\">\(c("B3", "Вторая"))</row>", merges: "<mergeCell ref=\"A2:A1048576\"/>")
        #expect(sheet.rows.map { $0.fields[0] } == ["case_ref", "c-1", "c-1"])
        // An .ods cell spanning a billion rows, and a row of merged empty cells repeated a billion times.
        let content = """
            <office:document-content><office:body><office:spreadsheet><table:table table:name="S">\
            <table:table-row><table:table-cell><text:p>case_ref</text:p></table:table-cell></table:table-row>\
            <table:table-row><table:table-cell table:number-rows-spanned="1000000000"><text:p>c-1</text:p></table:table-cell></table:table-row>\
            <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-rows-spanned="1000000000"/></table:table-row>\
            <table:table-row><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row>\
            </table:table></office:spreadsheet></office:body></office:document-content>
            """
        let folder = try Folder()
        let path = try folder.write("s.ods", try XLSXWriter.zip([("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)),
                                                                 ("content.xml", Data(content.utf8))]))
        let ods = try SpreadsheetReader.read(path: path)
        #expect(ods.rows.first?.fields == ["case_ref"])
        #expect(ods.rows.last?.line == 1_000_003)
        #expect(ods.rows.last?.fields == ["x", "x"])
    }

    @Test func aFormulaThatFailedIsRefused() throws {
        let rows = "<row r=\"1\">\(Self.cell("A1", "case_ref"))</row><row r=\"2\"><c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"
        #expect(throws: Self.inSheetS(SpreadsheetError("C: the cell holds the error \"#DIV/0!\" (a formula that failed)", row: 2,
                                                       expected: "a value, or an empty cell"))) {
            _ = try readSheet(rows)
        }
    }

    @Test func exportedWorkbookRoundTrips() throws {
        let (_, csvExport, test) = try imported(Self.sheet("rows.csv"), format: .csv)
        let (data, report) = try test.archive.exportXLSX()
        #expect(report.rows == 4)
        let folder = try Folder()
        let path = try folder.write("out.xlsx", data)
        let sheet = try SpreadsheetReader.read(path: path)
        #expect(sheet.name == "cases")
        #expect(sheet.rows.count == 5)
        #expect(sheet.rows[0].fields == CaseRowColumn.allCases.map(\.rawValue))
        let (_, again, _) = try imported(path, format: .xlsx)
        #expect(again == csvExport)
    }

    /// dossier's `.xlsx` export, opened and saved again by LibreOffice as
    /// `.ods` and as `.xlsx`, imports to the same rows.
    @Test(arguments: [("export-resaved.ods", ImportFormat.ods), ("export-resaved.xlsx", .xlsx)])
    func exportSavedAgainByLibreOffice(file: String, format: ImportFormat) throws {
        let test = try TestArchive()
        _ = try test.archive.importFiles([
            ImportInput(path: ImportTestSupport.fixture("examples/sources.json"), format: .cslJSON),
            ImportInput(path: ImportTestSupport.fixture("examples/rows.csv"), format: .csv),
            ImportInput(path: Self.sheet("rows.csv"), format: .csv),
        ])
        let (_, export, _) = try imported(Self.sheet(file), format: format)
        #expect(export == (try ImportTestSupport.export(test.archive, .csv)))
        #expect(export.components(separatedBy: "\r\n").count == 10)  // the header, eight rows, the end
    }

    @Test func formulaLikeCellsRoundTrip() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, """
            case_ref,person_ref,name,body_kind,sentence
            c-1,p-1,Пробный Пётр,troika,=1+1
            """, format: .csv)
        let before = try ImportTestSupport.export(test.archive, .csv)
        let folder = try Folder()
        let path = try folder.write("out.xlsx", try test.archive.exportXLSX().data)
        let copy = try TestArchive()
        _ = try copy.archive.importFiles([ImportInput(path: path, format: .xlsx)])
        #expect(try ImportTestSupport.export(copy.archive, .csv) == before)
        #expect(try copy.archive.loadCase(ref: "c-1")?.defendants.first?.sentence == "=1+1")
    }

    @Test func smallLimitsRefuseWithoutReadingEverything() throws {
        var limits = SpreadsheetLimits()
        limits.maxPartBytes = 1 << 10
        #expect(throws: SpreadsheetError.self) {
            _ = try SpreadsheetReader.read(path: Self.sheet("rows-libreoffice.ods"), limits: limits)
        }
        limits = SpreadsheetLimits()
        limits.maxCells = 20
        do {
            _ = try SpreadsheetReader.read(path: Self.sheet("rows-libreoffice.xlsx"), limits: limits)
            Issue.record("read past the cell limit")
        } catch let error as SpreadsheetError {
            #expect(error.problem == "more than 20 cells with a value" || error.problem == "more than 20 cells")
        }
    }

    @Test func numberFormats() {
        #expect(NumberFormat.shown(58.1, code: "0.00", date1904: false) == "58.10")
        #expect(NumberFormat.shown(58.1, code: "General", date1904: false) == "58.1")
        #expect(NumberFormat.shown(10, code: "General", date1904: false) == "10")
        #expect(NumberFormat.shown(0.1 + 0.2, code: "General", date1904: false) == "0.3")
        #expect(NumberFormat.shown(1234.5, code: "#,##0.00", date1904: false) == "1234.50")
        #expect(NumberFormat.shown(0.25, code: "0%", date1904: false) == "25%")
        #expect(NumberFormat.shown(58.1, code: "#.##", date1904: false) == "58.1")
        #expect(NumberFormat.shown(12, code: "\"ст. \"0", date1904: false) == "ст. 12")
        #expect(NumberFormat.shown(13741, code: "dd\\.mm\\.yyyy", date1904: false) == "1937-08-14")
        #expect(NumberFormat.shown(13741, code: "[$-419]DD MMMM YYYY;@", date1904: false) == "1937-08-14")
        #expect(NumberFormat.shown(13741, code: "mmmm\\ yyyy", date1904: false) == "1937-08")
        #expect(NumberFormat.shown(13741, code: "yyyy", date1904: false) == "1937")
        #expect(NumberFormat.shown(13741.75, code: "m/d/yy h:mm", date1904: false) == "1937-08-14")
        #expect(NumberFormat.shown(12279, code: "dd.mm.yyyy", date1904: true) == "1937-08-14")
        #expect(NumberFormat.shown(1, code: "dd.mm.yyyy", date1904: false) == "1900-01-01")
        #expect(NumberFormat.shown(59, code: "dd.mm.yyyy", date1904: false) == "1900-02-28")
        #expect(NumberFormat.shown(60, code: "dd.mm.yyyy", date1904: false) == "1900-02-29")  // refused as a date later
        #expect(NumberFormat.shown(61, code: "dd.mm.yyyy", date1904: false) == "1900-03-01")
        #expect(NumberFormat.shown(0.5, code: "h:mm", date1904: false) == "0.5")
        #expect(NumberFormat.builtIn(14) == "mm-dd-yy")
        #expect(NumberFormat.shown(13741, code: NumberFormat.builtIn(14), date1904: false) == "1937-08-14")
    }

    @Test func xmlReader() throws {
        var seen: [String] = []
        let walker = XMLWalker()
        walker.onStart = { name, attributes in seen.append("<\(name) \(attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))>") }
        walker.onEnd = { seen.append("</\($0)>") }
        walker.onText = { seen.append($0) }
        try walker.walk(Data("""
            <?xml version="1.0"?><!-- c --><x:a x:b='1 &amp; 2' c="&#x416;"><t>&lt;Ж&gt;&#1078;</t><![CDATA[<&>]]><e/></x:a>
            """.utf8), part: "p")
        #expect(seen == ["<a b=1 & 2 c=Ж>", "<t >", "<Ж>ж", "</t>", "<&>", "<e >", "</e>", "</a>"])
        for bad in ["<a><b></a>", "<a>", "<a b=1/>", "<a>&bogus;</a>", "<!DOCTYPE a><a/>"] {
            #expect(throws: SpreadsheetError.self, "\(bad)") { try XMLWalker().walk(Data(bad.utf8), part: "p") }
        }
    }
}
