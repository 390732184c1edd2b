import Foundation
import ZIPFoundation

/// One sheet of an `.xlsx` or `.ods` file as rows of text, the way the CSV
/// reader gives records: the header first, then every row up to the last
/// with a value, each with its row number in the sheet (rows with no value
/// between them come as records of empty cells, to be skipped and counted).
///
/// Cells are read as the spreadsheet shows them: a number with its format
/// (`58.10` in a cell formatted `0.00` stays `58.10`), text as written, and
/// a cell typed as a date as its EDTF date (to the day, or to the month or
/// year when the cell's format shows no more).
public struct SpreadsheetSheet {
    public var name: String
    public var rows: [CSVReader.Record]
}

/// Which kind of spreadsheet a zip file is.
public enum SpreadsheetKind: String, Sendable {
    case xlsx, ods
}

/// Why a spreadsheet cannot be read: the file is no spreadsheet, or is
/// damaged or hostile, or a sheet is not one table with a header row.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problem: String
    /// The sheet's row, when the problem is in one.
    public var row: Int?
    public var expected: String
    /// The sheet the row is in.
    public var sheet: String?

    static let container = "an .xlsx (Office Open XML) or .ods (OpenDocument) spreadsheet"
    static let table = "a header row of one cell per column, then one row per defendant"

    init(_ problem: String, row: Int? = nil, expected: String = SpreadsheetError.container) {
        self.problem = problem
        self.row = row
        self.expected = expected
    }

    public var description: String { "\(row.map { "row \($0): " } ?? "")\(problem) (expected \(expected))" }
}

/// Bounds on what a spreadsheet may make dossier hold in memory, whatever
/// the file claims: a zip bomb is refused when a part expands beyond
/// `maxPartBytes`, whatever size its header gives.
public struct SpreadsheetLimits: Sendable {
    /// The largest part (a sheet's XML, the shared strings) once uncompressed.
    public var maxPartBytes = 256 << 20
    /// A part may expand at most this many times its compressed size, once
    /// it is larger than `minBombBytes`.
    public var maxRatio = 300
    public var minBombBytes = 16 << 20
    /// The largest file read from standard input.
    public var maxFileBytes = 256 << 20
    /// Most entries in the zip.
    public var maxEntries = 10_000
    /// Most non-empty cells in the sheet read.
    public var maxCells = 10_000_000
    /// Most columns (Excel's limit).
    public var maxColumns = 16_384
    public init() {}
}

public enum SpreadsheetReader {
    /// Reads one sheet: the first, or the one named `sheet`.
    /// - Parameter path: a file, or `-` for standard input.
    /// - Throws: `SpreadsheetError`.
    public static func read(path: String, sheet: String? = nil,
                            limits: SpreadsheetLimits = SpreadsheetLimits()) throws -> SpreadsheetSheet {
        let zip = try open(path: path, limits: limits)
        let package = Package(zip: zip, limits: limits)
        try package.checkEntries()
        switch try package.kind() {
        case .xlsx: return try XLSXSheetReader(package: package).read(sheet: sheet)
        case .ods: return try ODSSheetReader(package: package).read(sheet: sheet)
        }
    }

    /// Runs `body` for the sheet `name`; a problem in one of its rows names it.
    static func inSheet<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var error as SpreadsheetError where error.row != nil {
            error.sheet = name
            throw error
        }
    }

    /// The kind of spreadsheet a file is, by its content.
    public static func kind(path: String, limits: SpreadsheetLimits = SpreadsheetLimits()) throws -> SpreadsheetKind {
        try Package(zip: try open(path: path, limits: limits), limits: limits).kind()
    }

    static func open(path: String, limits: SpreadsheetLimits) throws -> ZIPFoundation.Archive {
        do {
            if path == "-" {
                var data = Data()
                while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
                    data.append(chunk)
                    if data.count > limits.maxFileBytes {
                        throw SpreadsheetError("standard input is larger than \(limits.maxFileBytes >> 20) MB")
                    }
                }
                return try ZIPFoundation.Archive(data: data, accessMode: .read)
            }
            let (handle, _) = try InputFile.open(path)
            try? handle.close()
            return try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch let error as SpreadsheetError {
            throw error
        } catch let error as ArchiveError {
            throw SpreadsheetError(String(describing: error).replacingOccurrences(of: "\(path): ", with: ""))
        } catch {
            throw SpreadsheetError("not a zip file, or a damaged one (an .xlsx or .ods file is a zip; is it a CSV file or an old .xls under another name?)")
        }
    }
}

/// The zip and its parts, read within the limits.
final class Package {
    let zip: ZIPFoundation.Archive
    let limits: SpreadsheetLimits

    init(zip: ZIPFoundation.Archive, limits: SpreadsheetLimits) {
        self.zip = zip
        self.limits = limits
    }

    private struct TooLarge: Error {}

    /// Refuses entry names that would leave the package (`../`, absolute
    /// paths, backslashes) and a zip of too many entries: nothing is ever
    /// extracted to disk, but such a file was not written by a spreadsheet.
    func checkEntries() throws {
        var count = 0
        for entry in zip {
            count += 1
            if count > limits.maxEntries {
                throw SpreadsheetError("the zip has more than \(limits.maxEntries) entries")
            }
            let path = entry.path
            if path.hasPrefix("/") || path.contains("\\") || path.split(separator: "/").contains("..") || path.contains("\0") {
                throw SpreadsheetError("the zip holds an entry named \(Self.quoted(path)), a path that leaves the package")
            }
        }
        if count == 0 { throw SpreadsheetError("the zip is empty") }
    }

    static func quoted(_ text: String) -> String {
        "\"" + String(text.unicodeScalars.prefix(80).map { $0.value < 0x20 ? "?" : Character($0) }) + "\""
    }

    func kind() throws -> SpreadsheetKind {
        if let mimetype = try part("mimetype") {
            let type = String(decoding: mimetype.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if type == "application/vnd.oasis.opendocument.spreadsheet" { return .ods }
            if type.hasPrefix("application/vnd.oasis.opendocument.") {
                throw SpreadsheetError("an OpenDocument file of type \(type), not a spreadsheet")
            }
        }
        if let types = try part("[Content_Types].xml") {
            if types.range(of: Data("spreadsheetml".utf8)) != nil { return .xlsx }
            if types.range(of: Data("wordprocessingml".utf8)) != nil || types.range(of: Data("presentationml".utf8)) != nil {
                throw SpreadsheetError("an Office Open XML document that is not a spreadsheet (a Word or PowerPoint file?)")
            }
            throw SpreadsheetError("[Content_Types].xml names no spreadsheet part")
        }
        throw SpreadsheetError("a zip that is neither an .xlsx file (no [Content_Types].xml) nor an .ods file (no mimetype)")
    }

    /// The uncompressed bytes of a part, or nil when the zip has none.
    func part(_ path: String) throws -> Data? {
        guard let entry = zip[path] else { return nil }
        guard entry.type == .file else { throw SpreadsheetError("\(path) is not a file in the zip") }
        let limit = limits.maxPartBytes
        if entry.uncompressedSize > UInt64(limit) {
            throw SpreadsheetError("\(path) would be \(entry.uncompressedSize >> 20) MB uncompressed, more than the \(limit >> 20) MB dossier reads")
        }
        // XML compresses some 10 to 50 times; far more is a bomb. Checked
        // as the part comes out, since the header's size may lie.
        let ratioLimit = max(limits.minBombBytes, Int(min(entry.compressedSize, UInt64(limit))) * limits.maxRatio)
        if entry.uncompressedSize > UInt64(ratioLimit) {
            throw SpreadsheetError("\(path) would expand \(entry.uncompressedSize / max(entry.compressedSize, 1)) times, to \(entry.uncompressedSize >> 20) MB (a zip bomb?)")
        }
        var data = Data()
        do {
            _ = try zip.extract(entry, skipCRC32: false) { chunk in
                if data.count + chunk.count > min(limit, ratioLimit) { throw TooLarge() }
                data.append(chunk)
            }
        } catch is TooLarge {
            throw SpreadsheetError("\(path) expands beyond \(min(limit, ratioLimit) >> 20) MB, far more than its size in the zip (a zip bomb?)")
        } catch {
            throw SpreadsheetError("\(path) cannot be uncompressed: the zip is damaged (\(error))")
        }
        return data
    }

    func requiredPart(_ path: String, what: String) throws -> Data {
        guard let data = try part(path) else { throw SpreadsheetError("the zip has no \(path) (\(what))") }
        return data
    }

    /// A part path given relative to another part's folder (`worksheets/sheet1.xml`
    /// from `xl/`), or absolute in the package (`/xl/...`); nil when it leaves the package.
    static func resolve(_ target: String, from folder: String) -> String? {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// A streaming reading of one XML part: element and attribute names
/// without their namespace prefix, text with its entities decoded.
///
/// Written here rather than taken from Foundation's `XMLParser` because on
/// Linux that is libxml2, which a release build would then need on every
/// machine dossier is installed on; the parts of a spreadsheet use a small
/// part of XML. A DTD is refused (no spreadsheet writes one, and entity
/// expansion is how XML bombs work), as is anything not well-formed.
final class XMLWalker {
    var onStart: (String, [String: String]) throws -> Void = { _, _ in }
    var onEnd: (String) throws -> Void = { _ in }
    var onText: (String) -> Void = { _ in }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func walk(_ data: Data, part: String) throws {
        let bytes = [UInt8](data)
        var index = 0
        var stack: [String] = []
        func fail(_ problem: String) -> SpreadsheetError {
            let line = bytes[..<min(index, bytes.count)].lazy.filter { $0 == 0x0A }.count + 1
            return SpreadsheetError("\(part) is not well-formed XML, line \(line): \(problem)")
        }
        // The bytes the scans visit, for the growth tests (`WorkCounter`):
        // the walk moving forward, and each search for the end of a
        // construct.
        var steps = 0
        defer { WorkCounter.add(steps + index) }
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            guard pattern.count <= bytes.count else { return nil }
            var at = start
            defer { steps += at - start }
            while at + pattern.count <= bytes.count {
                if bytes[at] == pattern[0], bytes[at..<(at + pattern.count)].elementsEqual(pattern) { return at }
                at += 1
            }
            return nil
        }
        // Whether `pattern` starts at `at`: a look at those bytes only, not
        // a search to the next occurrence (which, for every `<!` of a sheet
        // full of CDATA sections and no comment, ran to the end of the part).
        func starts(_ pattern: [UInt8], at start: Int) -> Bool {
            start + pattern.count <= bytes.count && bytes[start..<(start + pattern.count)].elementsEqual(pattern)
        }
        func text(_ range: Range<Int>) throws -> String {
            guard let raw = String(validating: bytes[range], as: UTF8.self) else { throw fail("invalid UTF-8") }
            return raw.contains("&") ? try decode(raw) : raw
        }
        func decode(_ raw: String) throws -> String {
            var out = ""
            var rest = Substring(raw)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 12 else {
                    throw fail("an & that starts no entity")
                }
                let name = rest[rest.index(after: amp)..<semi]
                switch name {
                case "lt": out += "<"
                case "gt": out += ">"
                case "amp": out += "&"
                case "quot": out += "\""
                case "apos": out += "'"
                default:
                    var value: UInt32?
                    if name.hasPrefix("#x") || name.hasPrefix("#X") { value = UInt32(name.dropFirst(2), radix: 16) }
                    else if name.hasPrefix("#") { value = UInt32(name.dropFirst(), radix: 10) }
                    guard let value, let scalar = Unicode.Scalar(value) else { throw fail("an unknown entity &\(name);") }
                    out.unicodeScalars.append(scalar)
                }
                rest = rest[rest.index(after: semi)...]
            }
            return out + rest
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameEnd(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") }
        let lt = UInt8(ascii: "<")
        while index < bytes.count {
            guard let open = bytes[index...].firstIndex(of: lt) else {
                if !stack.isEmpty { onText(try text(index..<bytes.count)) }
                index = bytes.count
                break
            }
            if open > index, !stack.isEmpty { onText(try text(index..<open)) }
            index = open
            let next = open + 1 < bytes.count ? bytes[open + 1] : 0
            if next == UInt8(ascii: "?") {
                guard let end = find(Array("?>".utf8), from: open + 2) else { throw fail("an unclosed <?") }
                index = end + 2
            } else if next == UInt8(ascii: "!") {
                if starts(Array("<!--".utf8), at: open) {
                    guard let end = find(Array("-->".utf8), from: open + 4) else { throw fail("an unclosed comment") }
                    index = end + 3
                } else if starts(Array("<![CDATA[".utf8), at: open) {
                    guard let end = find(Array("]]>".utf8), from: open + 9) else { throw fail("an unclosed CDATA section") }
                    guard let raw = String(validating: bytes[(open + 9)..<end], as: UTF8.self) else { throw fail("invalid UTF-8") }
                    onText(raw)
                    index = end + 3
                } else {
                    throw SpreadsheetError("\(part) declares a DTD or entities, which no spreadsheet writes")
                }
            } else if next == UInt8(ascii: "/") {
                var end = open + 2
                while end < bytes.count, !isNameEnd(bytes[end]) { end += 1 }
                let name = try text((open + 2)..<end)
                while end < bytes.count, isSpace(bytes[end]) { end += 1 }
                guard end < bytes.count, bytes[end] == UInt8(ascii: ">") else { throw fail("an unclosed end tag") }
                guard stack.last == name else { throw fail("</\(name)> does not close <\(stack.last ?? "")>") }
                stack.removeLast()
                index = end + 1
                try onEnd(Self.local(name))
            } else {
                var at = open + 1
                while at < bytes.count, !isNameEnd(bytes[at]) { at += 1 }
                guard at > open + 1 else { throw fail("a < that starts no element") }
                let name = try text((open + 1)..<at)
                var attributes: [String: String] = [:]
                var selfClosing = false
                while true {
                    while at < bytes.count, isSpace(bytes[at]) { at += 1 }
                    guard at < bytes.count else { throw fail("an unclosed tag <\(name)") }
                    if bytes[at] == UInt8(ascii: ">") { at += 1; break }
                    if bytes[at] == UInt8(ascii: "/") {
                        guard at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: ">") else { throw fail("a / inside <\(name)") }
                        selfClosing = true
                        at += 2
                        break
                    }
                    let nameStart = at
                    while at < bytes.count, !isNameEnd(bytes[at]) { at += 1 }
                    let attribute = try text(nameStart..<at)
                    while at < bytes.count, isSpace(bytes[at]) { at += 1 }
                    guard at < bytes.count, bytes[at] == UInt8(ascii: "="), !attribute.isEmpty else {
                        throw fail("an attribute without a value in <\(name)")
                    }
                    at += 1
                    while at < bytes.count, isSpace(bytes[at]) { at += 1 }
                    guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
                        throw fail("an attribute value without quotes in <\(name)")
                    }
                    let quote = bytes[at]
                    guard let close = bytes[(at + 1)...].firstIndex(of: quote) else { throw fail("an unclosed attribute value") }
                    attributes[Self.local(attribute)] = try text((at + 1)..<close)
                    at = close + 1
                }
                index = at
                if stack.count >= 1000 { throw fail("elements nested more than 1000 deep") }
                try onStart(Self.local(name), attributes)
                if selfClosing { try onEnd(Self.local(name)) } else { stack.append(name) }
            }
        }
        if let open = stack.last { throw fail("<\(open)> is never closed") }
    }
}

/// Cells as they come from a sheet, sparse, with the merged ranges; turned
/// into records once the sheet is read.
struct SheetGrid {
    /// Row number (1-based) to its cells: column (0-based) to text.
    var rows: [Int: [Int: String]] = [:]
    var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
    var cells = 0
    let limits: SpreadsheetLimits

    init(limits: SpreadsheetLimits) { self.limits = limits }

    mutating func set(row: Int, column: Int, _ text: String) throws {
        guard !text.isEmpty else { return }
        if column >= limits.maxColumns {
            throw SpreadsheetError("a value in column \(Self.columnName(column)), beyond the \(limits.maxColumns) columns dossier reads", row: row,
                                   expected: SpreadsheetError.table)
        }
        cells += 1
        if cells > limits.maxCells {
            throw SpreadsheetError("more than \(limits.maxCells) cells with a value", row: row, expected: SpreadsheetError.table)
        }
        rows[row, default: [:]][column] = text
    }

    static func columnName(_ column: Int) -> String {
        var name = ""
        var n = column + 1
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func rangeName(_ merge: (top: Int, left: Int, bottom: Int, right: Int)) -> String {
        "\(columnName(merge.left))\(merge.top):\(columnName(merge.right))\(merge.bottom)"
    }

    /// The header (the first row with a value that is not a title) and every
    /// row after it, up to the last with a value. A merged cell in the header is refused; a cell
    /// merged down one column (a case ref over its defendants' rows) gives
    /// its value to every row it covers; one merged across columns is refused.
    mutating func records(sheet: String) throws -> [CSVReader.Record] {
        let ordered = rows.keys.sorted()
        guard var headerRow = ordered.first else { return [] }
        // Titles above the table (one value in a cell merged across
        // columns, as a heading over the sheet) are not the header.
        for row in ordered {
            headerRow = row
            guard let cells = rows[row], cells.count == 1, let column = cells.keys.first,
                  merges.contains(where: { $0.top == row && $0.left == column && $0.right > $0.left }) else { break }
        }
        guard rows[headerRow]?.count != 1 || !merges.contains(where: { $0.top == headerRow && $0.right > $0.left }) else {
            return []
        }
        let lastValue = ordered.last!
        var work = 0
        for merge in merges.sorted(by: { ($0.top, $0.left) < ($1.top, $1.left) }) where merge.bottom >= headerRow {
            let range = Self.rangeName(merge)
            if merge.top <= headerRow, merge.bottom >= headerRow {
                throw SpreadsheetError("the header cells \(range) are merged: each column needs a name of its own",
                                       row: headerRow, expected: "one header cell per column (unmerge them and name each column)")
            }
            if merge.right > merge.left {
                guard rows[merge.top]?[merge.left] != nil else { continue }  // an empty merged cell says nothing
                throw SpreadsheetError("the cells \(range) are merged across columns; each column holds a field of its own",
                                       row: merge.top, expected: "cells merged down one column at most (unmerge them)")
            }
            guard let value = rows[merge.top]?[merge.left], merge.bottom > merge.top else { continue }
            // Only into rows with values of their own: an empty row stays empty.
            guard merge.top < lastValue else { continue }
            for row in (merge.top + 1)...min(merge.bottom, lastValue) {
                work += 1
                if work > limits.maxCells {
                    throw SpreadsheetError("cells merged over more than \(limits.maxCells) cells in all", row: merge.top,
                                           expected: SpreadsheetError.table)
                }
                if rows[row] != nil, rows[row]?[merge.left] == nil { try set(row: row, column: merge.left, value) }
            }
        }
        WorkCounter.add(work + merges.count + ordered.count)
        let lastRow = rows.keys.max()!
        let width = (rows[headerRow]!.keys.max() ?? 0) + 1
        var records: [CSVReader.Record] = []
        let blank = ["", ""]
        for number in headerRow...lastRow {
            guard let cells = rows[number] else {
                records.append(CSVReader.Record(line: number, fields: blank))
                continue
            }
            let count = max(width, (cells.keys.max() ?? 0) + 1)
            WorkCounter.add(count + cells.count)
            var fields = [String](repeating: "", count: count)
            for (column, text) in cells { fields[column] = text }
            records.append(CSVReader.Record(line: number, fields: fields))
        }
        return records
    }
}

/// A date as EDTF, from days since 1970-01-01, to the precision a cell's
/// format shows.
enum SheetDate {
    enum Precision: Int { case year, month, day }

    static func edtf(year: Int, month: Int, day: Int, precision: Precision) -> String {
        let y = String(format: "%04d", year)
        switch precision {
        case .year: return y
        case .month: return y + String(format: "-%02d", month)
        case .day: return y + String(format: "-%02d-%02d", month, day)
        }
    }
}
