import Foundation

/// CSV output cells: quoted when needed, and neutralised when a
/// spreadsheet would run them as a formula.
public enum CSVText {
    public static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            // A leading apostrophe makes spreadsheets show the text as text.
            value = "'" + value
        }
        // A cell starting with a byte order mark is quoted too: at the start
        // of a file a reader would take the mark for the file's own.
        if value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value != text
            || value.unicodeScalars.first == "\u{FEFF}" {
            // Scalar by scalar: a quote followed by a combining mark is one
            // Character, and a string replacement would leave it single.
            var doubled = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                doubled.append(scalar)
                if scalar == "\"" { doubled.append(scalar) }
            }
            return "\"" + String(doubled) + "\""
        }
        return value
    }

    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }
}
