import Foundation

/// The date forms bibliographies use, converted to and from the EDTF
/// strings that `Source` stores (`1987`, `1987-10`, `1987-10-05`, a range
/// `1987/1988`, an approximate `1937~`).
package enum CitationDate {
    /// One calendar date with year, optional month and day.
    package struct Parts: Equatable {
        package var year: Int
        package var month: Int?
        package var day: Int?

        package var edtf: String {
            var text = String(format: "%04d", year)
            if let month {
                text += String(format: "-%02d", month)
                if let day { text += String(format: "-%02d", day) }
            }
            return text
        }

        package var numbers: [Int] { [year] + [month, day].compactMap { $0 } }
    }

    /// A parsed EDTF string as far as citations need it.
    package struct Value: Equatable {
        package var start: Parts
        package var end: Parts?
        package var circa = false
    }

    package static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a range of two of them joined
    /// by `/`, each optionally followed by `~` (approximate). Nil otherwise.
    package static func parse(_ text: String) -> Value? {
        var body = text.trimmingCharacters(in: .whitespaces)
        var circa = false
        if body.hasSuffix("~") { circa = true; body.removeLast() }
        let halves = body.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 1 || halves.count == 2 else { return nil }
        guard let start = parseOne(String(halves[0])) else { return nil }
        var end: Parts?
        if halves.count == 2 {
            guard let parsed = parseOne(String(halves[1])) else { return nil }
            end = parsed
        }
        return Value(start: start, end: end, circa: circa)
    }

    package static func parseOne(_ text: String) -> Parts? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(pieces.count),
              pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              pieces[0].count == 4, let year = Int(pieces[0]) else { return nil }
        var parts = Parts(year: year)
        if pieces.count > 1 {
            guard pieces[1].count == 2, let month = Int(pieces[1]), (1...12).contains(month) else { return nil }
            parts.month = month
        }
        if pieces.count > 2 {
            guard pieces[2].count == 2, let day = Int(pieces[2]), (1...31).contains(day) else { return nil }
            parts.day = day
        }
        return parts
    }

    package static func edtf(_ value: Value) -> String {
        var text = value.start.edtf
        if let end = value.end { text += "/" + end.edtf }
        return text + (value.circa ? "~" : "")
    }

    /// Chicago's reading of a date: `1987`, `October 1987`,
    /// `October 5, 1987`, `1987–88`, `ca. 1937`.
    package static func chicago(_ edtf: String) -> String {
        guard let value = parse(edtf) else { return edtf }
        var text: String
        if let end = value.end {
            if value.start.month == nil, end.month == nil {
                text = String(value.start.year) + "\u{2013}" + abbreviatedYear(value.start.year, end.year)
            } else if value.start.year == end.year, let m1 = value.start.month, let m2 = end.month,
                      value.start.day == nil, end.day == nil {
                text = monthNames[m1 - 1] + "\u{2013}" + monthNames[m2 - 1] + " \(end.year)"
            } else {
                text = chicago(value.start) + "\u{2013}" + chicago(end)
            }
        } else {
            text = chicago(value.start)
        }
        return value.circa ? "ca. " + text : text
    }

    package static func chicago(_ parts: Parts) -> String {
        guard let month = parts.month else { return String(parts.year) }
        if let day = parts.day { return "\(monthNames[month - 1]) \(day), \(parts.year)" }
        return "\(monthNames[month - 1]) \(parts.year)"
    }

    /// `1987`–`88` per CMOS 9.64; the full second year across centuries.
    package static func abbreviatedYear(_ first: Int, _ second: Int) -> String {
        if first / 100 == second / 100, first >= 1000, second > first {
            return String(format: "%02d", second % 100)
        }
        return String(second)
    }

    /// The year of an EDTF string, for keys and sorting.
    package static func year(_ edtf: String?) -> Int? {
        guard let edtf, let value = parse(edtf) else { return nil }
        return value.start.year
    }
}
