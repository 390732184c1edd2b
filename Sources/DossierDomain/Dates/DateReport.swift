import Foundation

/// How dossier reads dates typed by a user (`DateReader`), for `dossier date`.
public struct DateReport: Sendable {
    public let input: String
    public let result: Result<EDTFDate, EDTFError>

    public init(_ input: String) {
        self.input = input
        do {
            result = .success(try DateReader.read(input).date)
        } catch {
            result = .failure(error)
        }
    }

    public var isValid: Bool { if case .success = result { return true } else { return false } }

    public var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("input", input)
        switch result {
        case .success(let date):
            writer.set("valid", true, omitFalse: false)
            writer.set("edtf", (date.isOldStyle ? EDTFDate.oldStylePrefix : "") + date.edtf)
            writer.set("lower", date.lowerText.map(OrderedJSON.string) ?? .null)
            writer.set("upper", date.upperText.map(OrderedJSON.string) ?? .null)
            writer.set("reading", date.reading)
            writer.set("error", OrderedJSON.null)
        case .failure(let error):
            writer.set("valid", false, omitFalse: false)
            for key in ["edtf", "lower", "upper", "reading"] { writer.set(key, OrderedJSON.null) }
            writer.set("error", error.description)
        }
        return writer.json
    }

    /// One table row: input, normalised form, bounds, reading or error.
    public var cells: [String] {
        switch result {
        case .success(let date):
            return [input, (date.isOldStyle ? EDTFDate.oldStylePrefix : "") + date.edtf,
                    date.lowerText ?? "(open)", date.upperText ?? "(open)", date.reading]
        case .failure(let error):
            return [input, "invalid", "", "", error.description]
        }
    }

    /// Reports as an aligned table.
    public static func table(_ reports: [DateReport]) -> String {
        TextTable.render(header: ["input", "edtf", "earliest", "latest", "reading"], rows: reports.map(\.cells))
    }
}

/// Plain aligned text tables.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n") + "\n"
    }
}
