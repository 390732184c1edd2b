import Foundation

/// An Office Open XML workbook (`.xlsx`, as Excel, LibreOffice and openpyxl
/// write it): the workbook's sheet list and date system, the cell formats,
/// the shared strings and one worksheet.
struct XLSXSheetReader {
    let package: Package

    func read(sheet wanted: String?) throws -> SpreadsheetSheet {
        let workbookPath = try officeDocument()
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let workbook = try readWorkbook(workbookPath)
        guard !workbook.sheets.isEmpty else { throw SpreadsheetError("\(workbookPath) lists no sheet") }
        let relations = try readRelations(folder + (folder.isEmpty ? "" : "/") + "_rels/"
                                          + workbookPath.split(separator: "/").last! + ".rels")
        let chosen: (name: String, id: String)
        if let wanted {
            guard let found = workbook.sheets.first(where: { $0.name == wanted }) else {
                throw SpreadsheetError("no sheet named \(Package.quoted(wanted))",
                                       expected: "one of the sheets " + workbook.sheets.map { Package.quoted($0.name) }.joined(separator: ", "))
            }
            chosen = found
        } else {
            chosen = workbook.sheets[0]
        }
        guard let target = relations.targets[chosen.id] else {
            throw SpreadsheetError("the sheet \(Package.quoted(chosen.name)) has no part in \(workbookPath)'s relationships")
        }
        func located(_ target: String) throws -> String {
            guard let path = Package.resolve(target, from: folder) else {
                throw SpreadsheetError("the part \(Package.quoted(target)) is outside the package")
            }
            return path
        }
        let sheetPath = try located(target)
        let strings = try relations.sharedStrings.map { try readSharedStrings(try located($0)) } ?? []
        let formats = try relations.styles.map { try readStyles(try located($0)) } ?? CellFormats()
        var grid = SheetGrid(limits: package.limits)
        return try SpreadsheetReader.inSheet(chosen.name) {
            try readWorksheet(sheetPath, strings: strings, formats: formats, date1904: workbook.date1904, into: &grid)
            return SpreadsheetSheet(name: chosen.name, rows: try grid.records(sheet: chosen.name))
        }
    }

    /// The workbook part named by the package relationships.
    private func officeDocument() throws -> String {
        if let rels = try package.part("_rels/.rels") {
            var target: String?
            let walker = XMLWalker()
            walker.onStart = { name, attributes in
                if name == "Relationship", attributes["Type"]?.hasSuffix("/officeDocument") == true, target == nil {
                    target = attributes["Target"]
                }
            }
            try walker.walk(rels, part: "_rels/.rels")
            if let target {
                guard let path = Package.resolve(target, from: "") else {
                    throw SpreadsheetError("the workbook part \(Package.quoted(target)) is outside the package")
                }
                return path
            }
        }
        return "xl/workbook.xml"
    }

    private func readWorkbook(_ path: String) throws -> (sheets: [(name: String, id: String)], date1904: Bool) {
        let data = try package.requiredPart(path, what: "the workbook")
        var sheets: [(name: String, id: String)] = []
        var date1904 = false
        let walker = XMLWalker()
        walker.onStart = { name, attributes in
            switch name {
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                date1904 = value == "1" || value == "true"
            case "sheet":
                if let sheetName = attributes["name"], let id = attributes["id"] { sheets.append((sheetName, id)) }
            default: break
            }
        }
        try walker.walk(data, part: path)
        return (sheets, date1904)
    }

    private struct Relations {
        var targets: [String: String] = [:]
        var sharedStrings: String?
        var styles: String?
    }

    private func readRelations(_ path: String) throws -> Relations {
        let data = try package.requiredPart(path, what: "the workbook's relationships")
        var relations = Relations()
        let walker = XMLWalker()
        walker.onStart = { name, attributes in
            guard name == "Relationship", let target = attributes["Target"] else { return }
            if attributes["TargetMode"] == "External" { return }
            if let id = attributes["Id"] { relations.targets[id] = target }
            let type = attributes["Type"] ?? ""
            if type.hasSuffix("/sharedStrings") { relations.sharedStrings = target }
            if type.hasSuffix("/styles") { relations.styles = target }
        }
        try walker.walk(data, part: path)
        return relations
    }

    /// The shared strings: each `<si>`'s text, runs joined, phonetic
    /// readings (`<rPh>`) left out.
    private func readSharedStrings(_ path: String) throws -> [String] {
        guard let data = try package.part(path) else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        let walker = XMLWalker()
        walker.onStart = { name, _ in
            switch name {
            case "si": current = ""
            case "rPh": phonetic += 1
            case "t": inText = phonetic == 0
            default: break
            }
        }
        walker.onEnd = { name in
            switch name {
            case "si": strings.append(current)
            case "rPh": phonetic -= 1
            case "t": inText = false
            default: break
            }
        }
        walker.onText = { text in if inText { current += text } }
        try walker.walk(data, part: path)
        return strings
    }

    /// Each cell style's number format code.
    private func readStyles(_ path: String) throws -> CellFormats {
        guard let data = try package.part(path) else { return CellFormats() }
        var custom: [Int: String] = [:]
        var styleFormats: [Int] = []
        var inCellXfs = false
        let walker = XMLWalker()
        walker.onStart = { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { custom[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                styleFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        walker.onEnd = { name in if name == "cellXfs" { inCellXfs = false } }
        try walker.walk(data, part: path)
        return CellFormats(codes: styleFormats.map { custom[$0] ?? NumberFormat.builtIn($0) })
    }

    struct CellFormats {
        /// By cell style index: the format code.
        var codes: [String] = []
        func code(style: Int) -> String { style < codes.count ? codes[style] : "General" }
    }

    private func readWorksheet(_ path: String, strings: [String], formats: CellFormats, date1904: Bool,
                               into grid: inout SheetGrid) throws {
        let data = try package.requiredPart(path, what: "the sheet")
        var row = 0
        var nextColumn = 0
        var cell: (column: Int, type: String, style: Int)?
        var value = ""
        var inline = ""
        var inValue = false
        var inInlineText = false
        var phonetic = 0
        var failure: Error?
        var cells: [(row: Int, column: Int, text: String)] = []
        var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
        let walker = XMLWalker()
        walker.onStart = { name, attributes in
            switch name {
            case "row":
                if let r = attributes["r"] {
                    guard let number = Int(r), number > row, number <= 1_048_576 else {
                        throw SpreadsheetError("\(path): a row numbered \(Package.quoted(r)), not after row \(row)")
                    }
                    row = number
                } else {
                    row += 1
                }
                nextColumn = 0
            case "c":
                var column = nextColumn
                if let reference = attributes["r"] {
                    guard let parsed = Self.cellReference(reference) else {
                        throw SpreadsheetError("\(path): a cell reference \(Package.quoted(reference)) that is not like B2")
                    }
                    column = parsed.column
                }
                nextColumn = column + 1
                cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap { Int($0) } ?? 0)
                value = ""
                inline = ""
            case "v": inValue = cell != nil
            case "rPh": phonetic += 1
            case "t": inInlineText = cell != nil && phonetic == 0
            case "mergeCell":
                if let reference = attributes["ref"] {
                    let ends = reference.split(separator: ":").map(String.init)
                    guard ends.count == 2, let from = Self.cellReference(ends[0]), let to = Self.cellReference(ends[1]) else {
                        throw SpreadsheetError("\(path): a merged range \(Package.quoted(reference)) that is not like A1:B2")
                    }
                    merges.append((min(from.row, to.row), min(from.column, to.column),
                                   max(from.row, to.row), max(from.column, to.column)))
                }
            default: break
            }
        }
        walker.onEnd = { name in
            switch name {
            case "v": inValue = false
            case "t": inInlineText = false
            case "rPh": phonetic -= 1
            case "c":
                guard let current = cell else { return }
                cell = nil
                let text: String
                do {
                    text = try Self.text(type: current.type, value: value, inline: inline, strings: strings,
                                         format: formats.code(style: current.style), date1904: date1904)
                } catch let error as SpreadsheetError {
                    var located = error
                    located.row = row
                    located.problem = "\(GridName.column(current.column)): " + error.problem
                    failure = failure ?? located
                    return
                }
                cells.append((row, current.column, text))
                if cells.count > package.limits.maxCells {
                    throw SpreadsheetError("more than \(package.limits.maxCells) cells", row: row, expected: SpreadsheetError.table)
                }
            default: break
            }
        }
        walker.onText = { text in
            if inValue { value += text } else if inInlineText { inline += text }
        }
        try walker.walk(data, part: path)
        if let failure { throw failure }
        for item in cells { try grid.set(row: item.row, column: item.column, item.text) }
        grid.merges = merges
    }

    /// `B12` as (row 12, column 1).
    static func cellReference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "$": continue
            case "A"..."Z" where digits == 0:
                column = column * 26 + Int(scalar.value - 64)
                letters += 1
            case "a"..."z" where digits == 0:
                column = column * 26 + Int(scalar.value - 96)
                letters += 1
            case "0"..."9":
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0, row <= 1_048_576 else { return nil }
        return (row, column - 1)
    }

    /// A cell's text as the spreadsheet shows it.
    static func text(type: String, value: String, inline: String, strings: [String], format: String,
                     date1904: Bool) throws -> String {
        switch type {
        case "s":
            guard let index = Int(value), index >= 0, index < strings.count else {
                throw SpreadsheetError("a shared string number \(Package.quoted(value)) the workbook does not have")
            }
            return strings[index]
        case "inlineStr": return inline
        case "str": return value
        case "b": return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "e":
            throw SpreadsheetError("the cell holds the error \(Package.quoted(value)) (a formula that failed)",
                                   expected: "a value, or an empty cell")
        case "d":
            // An ISO 8601 date (strict Office Open XML).
            let date = value.prefix(10)
            return date.count == 10 ? String(date) : value
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return "" }
            guard let number = Double(trimmed), number.isFinite else {
                throw SpreadsheetError("a number cell holding \(Package.quoted(value))", expected: "a number")
            }
            return NumberFormat.shown(number, code: format, date1904: date1904)
        }
    }
}

enum GridName {
    static func column(_ column: Int) -> String { SheetGrid.columnName(column) }
}
