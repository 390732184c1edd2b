import Foundation

/// An OpenDocument spreadsheet (`.ods`, as LibreOffice writes it): the
/// tables of `content.xml`. A cell's text is its paragraphs as shown
/// (`<text:p>`), so a number keeps the digits its format shows; a cell
/// typed as a date is its `office:date-value`, to the day, or to the month
/// or year when the cell's date style shows no more. Comments
/// (`<office:annotation>`) are left out. Repeated rows and cells
/// (`number-rows-repeated`, which LibreOffice writes for the million empty
/// rows below a table) are counted, never spelled out unless they hold a value.
struct ODSSheetReader {
    let package: Package

    func read(sheet wanted: String?) throws -> SpreadsheetSheet {
        let data = try package.requiredPart("content.xml", what: "the spreadsheet's content")
        var names: [String] = []
        var grid = SheetGrid(limits: package.limits)
        var chosen: String?
        // Styles: a cell style's data style, and what a date style shows.
        var cellDataStyle: [String: String] = [:]
        var datePrecision: [String: SheetDate.Precision] = [:]
        var dateStyle: String?
        var dateParts = Set<String>()
        // Where the walk is.
        var inTable = false
        var tableDepth = 0
        var row = 0
        var rowRepeat = 1
        var column = 0
        var rowCells: [(column: Int, text: String, repeat: Int)] = []
        var rowMerges: [(column: Int, rows: Int, columns: Int)] = []
        var cell: (repeat: Int, type: String, date: String?, style: String?)?
        var paragraphs: [String] = []
        var paragraph: String?
        var annotation = 0
        var failure: Error?
        let limits = package.limits

        func styleStart(_ name: String, _ attributes: [String: String]) {
            if name == "date-style", let styleName = attributes["name"] {
                dateStyle = styleName
                dateParts = []
            }
            if dateStyle != nil, ["day", "month", "year"].contains(name) { dateParts.insert(name) }
            if name == "style", let styleName = attributes["name"], let data = attributes["data-style-name"] {
                cellDataStyle[styleName] = data
            }
        }
        func styleEnd(_ name: String) {
            if name == "date-style", let styleName = dateStyle {
                datePrecision[styleName] = dateParts.contains("day") ? .day : dateParts.contains("month") ? .month : .year
                dateStyle = nil
            }
        }
        // The common styles (styles.xml) first, then the content's own.
        if let styles = try package.part("styles.xml") {
            let walker = XMLWalker()
            walker.onStart = { name, attributes in styleStart(name, attributes) }
            walker.onEnd = { name in styleEnd(name) }
            try walker.walk(styles, part: "styles.xml")
        }
        let walker = XMLWalker()
        walker.onStart = { name, attributes in
            styleStart(name, attributes)
            if name == "table" {
                let tableName = attributes["name"] ?? "Sheet\(names.count + 1)"
                names.append(tableName)
                if inTable { tableDepth += 1; return }
                if chosen == nil, wanted == nil || wanted == tableName {
                    chosen = tableName
                    inTable = true
                    tableDepth = 0
                }
                return
            }
            guard inTable, tableDepth == 0 else { return }
            switch name {
            case "table-row":
                rowRepeat = Self.count(attributes["number-rows-repeated"])
                column = 0
                rowCells = []
                rowMerges = []
            case "table-cell", "covered-table-cell":
                cell = (Self.count(attributes["number-columns-repeated"]), attributes["value-type"] ?? "",
                        attributes["date-value"], attributes["style-name"])
                paragraphs = []
                let rows = Self.count(attributes["number-rows-spanned"])
                let columns = Self.count(attributes["number-columns-spanned"])
                if name == "table-cell", rows > 1 || columns > 1 { rowMerges.append((column, rows, columns)) }
            case "annotation": annotation += 1
            case "p" where cell != nil && annotation == 0: paragraph = ""
            case "s" where paragraph != nil: paragraph! += String(repeating: " ", count: min(Self.count(attributes["c"]), 1000))
            case "tab" where paragraph != nil: paragraph! += "\t"
            case "line-break" where paragraph != nil: paragraph! += "\n"
            default: break
            }
        }
        walker.onEnd = { name in
            styleEnd(name)
            if name == "table", inTable {
                if tableDepth > 0 { tableDepth -= 1 } else { inTable = false }
                return
            }
            guard inTable, tableDepth == 0 else { return }
            switch name {
            case "p" where paragraph != nil:
                paragraphs.append(paragraph!)
                paragraph = nil
            case "annotation": annotation -= 1
            case "table-cell", "covered-table-cell":
                guard let current = cell else { return }
                cell = nil
                var text = paragraphs.joined(separator: "\n")
                if current.type == "date", let value = current.date {
                    let precision = current.style.flatMap { cellDataStyle[$0] }.flatMap { datePrecision[$0] } ?? .day
                    guard let date = Self.edtf(value, precision: precision) else {
                        failure = failure ?? SpreadsheetError("\(GridName.column(column)): a date value \(Package.quoted(value)) that is not a date",
                                                              row: row + 1, expected: "an ISO 8601 date in office:date-value")
                        column += current.repeat
                        return
                    }
                    text = date
                }
                if !text.isEmpty { rowCells.append((column, text, current.repeat)) }
                column += current.repeat
            case "table-row":
                let first = row + 1
                row += rowRepeat
                if row > 1_048_576 {
                    throw SpreadsheetError("more than 1,048,576 rows", expected: SpreadsheetError.table)
                }
                // A merge of empty cells says nothing: only rows with values are spelled out.
                guard !rowCells.isEmpty else { return }
                if rowRepeat > 1, rowRepeat * rowCells.count > limits.maxCells {
                    throw SpreadsheetError("a row repeated \(rowRepeat) times", row: first, expected: SpreadsheetError.table)
                }
                for number in first...row {
                    for item in rowCells {
                        if item.repeat > limits.maxColumns {
                            throw SpreadsheetError("a value repeated over \(item.repeat) columns", row: number,
                                                   expected: SpreadsheetError.table)
                        }
                        for offset in 0..<item.repeat { try grid.set(row: number, column: item.column + offset, item.text) }
                    }
                    for merge in rowMerges {
                        grid.merges.append((number, merge.column, min(number + merge.rows - 1, 1_048_576),
                                            min(merge.column + merge.columns - 1, limits.maxColumns)))
                    }
                }
            default: break
            }
        }
        walker.onText = { text in if paragraph != nil { paragraph! += text } }
        do { try walker.walk(data, part: "content.xml") } catch var error as SpreadsheetError where error.row != nil {
            error.sheet = chosen
            throw error
        }
        if var located = failure as? SpreadsheetError, located.row != nil, let chosen {
            located.sheet = chosen
            throw located
        }
        if let failure { throw failure }
        guard let chosen else {
            if let wanted {
                throw SpreadsheetError("no sheet named \(Package.quoted(wanted))",
                                       expected: "one of the sheets " + names.map { Package.quoted($0) }.joined(separator: ", "))
            }
            throw SpreadsheetError("content.xml holds no sheet")
        }
        return try SpreadsheetReader.inSheet(chosen) { SpreadsheetSheet(name: chosen, rows: try grid.records(sheet: chosen)) }
    }

    /// A repeat or span count: 1 when absent, and at least 1.
    static func count(_ text: String?) -> Int {
        guard let text, let value = Int(text), value > 1 else { return 1 }
        return min(value, 1 << 30)
    }

    /// `1937-08-14` or `1937-08-14T00:00:00` as EDTF to the precision shown.
    static func edtf(_ value: String, precision: SheetDate.Precision) -> String? {
        let parts = value.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard value.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return SheetDate.edtf(year: year, month: month, day: day, precision: precision)
    }
}
