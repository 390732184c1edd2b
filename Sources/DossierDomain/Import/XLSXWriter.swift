import Foundation
import ZIPFoundation

/// Writes an `.xlsx` workbook of one sheet whose cells are all text
/// (inline strings): what Excel, LibreOffice and openpyxl open, and what
/// `SpreadsheetReader` reads back cell for cell. The header row is bold
/// and frozen.
package enum XLSXWriter {
    /// A zip of these parts, deflated, in this order.
    package static func zip(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                 compressionMethod: path == "mimetype" ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw ArchiveError("the zip could not be written") }
        return data
    }

    /// The parts of a workbook around one worksheet's XML, without styles
    /// or shared strings (for tests of the reader on any sheet).
    package static func parts(sheetXML: Data) -> [(path: String, data: Data)] {
        [("[Content_Types].xml", Data(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.utf8)),
         ("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
         ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
         ("xl/worksheets/sheet1.xml", sheetXML)]
    }

    package static func workbook(sheet: String, rows: [[String]]) throws -> Data {
        var parts: [(path: String, data: Data)] = []
        func add(_ path: String, _ text: String) throws { parts.append((path, Data(text.utf8))) }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        try add("[Content_Types].xml", header + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """)
        try add("_rels/.rels", header + """
            <Relationships xmlns="\(package)">\
            <Relationship Id="rId1" Type="\(relations)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try add("xl/workbook.xml", header + """
            <workbook xmlns="\(main)" xmlns:r="\(relations)">\
            <sheets><sheet name="\(escaped(sheet))" sheetId="1" r:id="rId1"/></sheets>\
            </workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", header + """
            <Relationships xmlns="\(package)">\
            <Relationship Id="rId1" Type="\(relations)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(relations)/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        // Style 1: text format (@) in bold, for the header; style 2: text format.
        try add("xl/styles.xml", header + """
            <styleSheet xmlns="\(main)">\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """)
        var sheetXML = header + """
            <worksheet xmlns="\(main)" xmlns:r="\(relations)">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetData>
            """
        for (index, row) in rows.enumerated() {
            let number = index + 1
            sheetXML += "<row r=\"\(number)\">"
            for (column, text) in row.enumerated() where !text.isEmpty {
                sheetXML += "<c r=\"\(SheetGrid.columnName(column))\(number)\" s=\"\(index == 0 ? 1 : 2)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                sheetXML += escaped(text)
                sheetXML += "</t></is></c>"
            }
            sheetXML += "</row>\n"
        }
        sheetXML += "</sheetData></worksheet>\n"
        try add("xl/worksheets/sheet1.xml", sheetXML)
        return try zip(parts)
    }

    /// Text for XML: the five special characters as entities, and the
    /// control characters XML 1.0 cannot hold as Excel's `_xHHHH_`.
    static func escaped(_ text: String) -> String {
        Escaping.xml(text) { String(format: "_x%04X_", $0.value) }
    }
}
