import Foundation

// The EDTF grammar, bounds and readings behind `EDTFDate.parse`.

/// What is wrong with a value, before it is tied to its input.
package struct EDTFProblem: Error {
    package let problem: String
    package let example: String

    package init(_ problem: String, example: String) {
        self.problem = problem
        self.example = example
    }
}

/// Uncertain (`?`), approximate (`~`) or both (`%`).
package struct EDTFQualification: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8
    package static let uncertain = EDTFQualification(rawValue: 1)
    package static let approximate = EDTFQualification(rawValue: 2)

    package init(rawValue: UInt8) { self.rawValue = rawValue }

    package init?(symbol: UInt8) {
        switch symbol {
        case UInt8(ascii: "?"): self = .uncertain
        case UInt8(ascii: "~"): self = .approximate
        case UInt8(ascii: "%"): self = [.uncertain, .approximate]
        default: return nil
        }
    }

    package var symbol: String {
        switch self {
        case .uncertain: return "?"
        case .approximate: return "~"
        case []: return ""
        default: return "%"
        }
    }
}

/// A calendar date (in the calendar the value was written in).
package struct EDTFDay: Equatable {
    package var year: Int
    package var month: Int
    package var day: Int
}

/// Two characters of a month or day, each a digit or `X`.
package struct EDTFDigits {
    package let text: String
    package let slots: [Int?]

    /// The value when no digit is unspecified.
    package var value: Int? {
        slots.contains(where: { $0 == nil }) ? nil : slots.reduce(0) { $0 * 10 + ($1 ?? 0) }
    }

    package var isAllUnspecified: Bool { slots.allSatisfy { $0 == nil } }

    package func allows(_ number: Int) -> Bool {
        var rest = number
        for slot in slots.reversed() {
            let digit = rest % 10
            rest /= 10
            if let slot, slot != digit { return false }
        }
        return rest == 0
    }
}

/// The year of a date: four digits (some maybe `X`), or a `Y` year, with
/// optional significant digits.
package struct EDTFYear {
    package var text: String
    package var negative: Bool
    /// Four slots, `nil` where `X`; `nil` for a `Y` year.
    package var pattern: [Int?]?
    package var low: Int
    package var high: Int
    package var isLong: Bool
    /// The written value when significant digits are given.
    package var estimate: Int?

    package var isExact: Bool { low == high }

    package func allows(_ year: Int) -> Bool {
        guard year >= low, year <= high else { return false }
        guard let pattern else { return true }
        if negative && year == 0 { return false }
        return EDTFDigits(text: "", slots: pattern).allows(abs(year))
    }

    /// True when the unspecified digits are all at the right (`193X`, `19XX`).
    package var isDecadeLike: Bool {
        guard let pattern, let first = pattern.firstIndex(where: { $0 == nil }) else { return false }
        return pattern[first...].allSatisfy { $0 == nil }
    }
}

/// One date: year, optional month or season, optional day, optional time,
/// with the qualifiers as written.
package struct EDTFSingle {
    package var year: EDTFYear
    package var month: EDTFDigits?
    package var season: Int?
    package var day: EDTFDigits?
    package var time: String?
    /// Qualifiers written to the left / right of year, month, day.
    package var left: [EDTFQualification] = [[], [], []]
    package var right: [EDTFQualification] = [[], [], []]
    package var julian: Bool
    package var first = EDTFDay(year: 0, month: 1, day: 1)
    package var last = EDTFDay(year: 0, month: 1, day: 1)
    package var lower = 0
    package var upper = 0

    package var componentCount: Int { 1 + (month != nil || season != nil ? 1 : 0) + (day != nil ? 1 : 0) }

    /// Whether the value is known to the day (for "on or before" wording).
    package var isDayPrecision: Bool { day != nil }

    /// The qualification in force for each component: a qualifier on the
    /// left applies to its component only, one on the right to its component
    /// and all those before it.
    package var flags: [EDTFQualification] {
        var result = [EDTFQualification](repeating: [], count: componentCount)
        for index in 0..<componentCount {
            result[index].formUnion(left[index])
            for earlier in 0...index { result[earlier].formUnion(right[index]) }
        }
        return result
    }

    /// The qualification of the whole date when every component has the
    /// same one.
    package var uniformFlags: EDTFQualification? {
        let all = flags
        return all.allSatisfy { $0 == all[0] } ? all[0] : nil
    }

    package var isQualified: Bool { flags.contains { !$0.isEmpty } }

    /// The written date without any qualifier.
    package var plainText: String {
        var text = year.text
        if let month { text += "-" + month.text } else if let season { text += "-" + String(season) }
        if let day { text += "-" + day.text }
        if let time { text += "T" + time }
        return text
    }

    /// The canonical text: each qualification is written once, to the
    /// right of the last component of the run from the year that shares it
    /// (so that it covers that run), and to the left of any other component
    /// that has it. `?1937-?11` becomes `1937-11?`, `?1937-11-05` becomes
    /// `1937?-11-05`, `1937-?11-05` stays.
    package var edtf: String {
        let all = flags
        var leftSymbols = [EDTFQualification](repeating: [], count: all.count)
        var rightSymbols = [EDTFQualification](repeating: [], count: all.count)
        for kind in [EDTFQualification.uncertain, .approximate] {
            let run = all.prefix(while: { $0.contains(kind) }).count
            if run > 0 { rightSymbols[run - 1].insert(kind) }
            for index in all.indices where index >= run && all[index].contains(kind) {
                leftSymbols[index].insert(kind)
            }
        }
        var parts = [year.text]
        if let month { parts.append(month.text) } else if let season { parts.append(String(season)) }
        if let day { parts.append(day.text) }
        var text = parts.indices.map { leftSymbols[$0].symbol + parts[$0] + rightSymbols[$0].symbol }
            .joined(separator: "-")
        if let time { text += "T" + time }
        return text
    }
}

/// A member of a set or list.
package enum EDTFMember {
    case date(EDTFSingle)
    case earlier(EDTFSingle)
    case later(EDTFSingle)
    case range(EDTFSingle, EDTFSingle)
}

/// An interval end.
package enum EDTFEnd {
    case date(EDTFSingle)
    case open
    case unknown
}

package enum EDTFParser {
    package static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    /// Years are supported up to this magnitude (15 digits).
    package static let yearLimit = 999_999_999_999_999
    package static let genericExample = "1937-11-05, 1937-11 or 1937"

    package static func parse(_ text: String) throws(EDTFProblem) -> EDTFDate {
        if text.isEmpty { throw EDTFProblem("the date is empty", example: genericExample) }
        // Fast path: printable ASCII has no whitespace but the space.
        let plainASCII = text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        if !plainASCII && text.contains(where: \.isWhitespace) {
            let squeezed = String(text.filter { !$0.isWhitespace })
            let example = squeezed != text && (try? parse(squeezed)) != nil ? squeezed : genericExample
            throw EDTFProblem("whitespace is not allowed in EDTF", example: example)
        }
        if text.utf8.contains(UInt8(ascii: "x")) {
            // Byte by byte: a string replacement works on characters and
            // leaves an x that a combining mark follows, so parse(upper)
            // would find the x again and never end.
            let upper = String(decoding: text.utf8.map { $0 == UInt8(ascii: "x") ? UInt8(ascii: "X") : $0 }, as: UTF8.self)
            let example = (try? parse(upper)) != nil ? upper : "193X"
            throw EDTFProblem("unspecified digits are written with a capital X, not x", example: example)
        }
        var body = Substring(text)
        let julian = body.hasPrefix(EDTFDate.oldStylePrefix)
        if julian {
            body = body.dropFirst(EDTFDate.oldStylePrefix.count)
            if body.isEmpty { throw EDTFProblem("os: must be followed by a date", example: "os:1917-10-25") }
        } else if body.utf8.count >= 3 && body.prefix(3).lowercased() == "os:" {
            throw EDTFProblem("the Old Style prefix is written in lower case: os:",
                              example: "os:" + body.dropFirst(3))
        }
        let bytes = Array(body.utf8)
        if bytes.contains(where: { $0 >= 0x80 || $0 < 0x20 }) {
            throw EDTFProblem("only ASCII digits and the EDTF signs may appear in a date", example: genericExample)
        }

        var result: (edtf: String, lower: Int?, upper: Int?, reading: String)
        if bytes.first == UInt8(ascii: "[") || bytes.first == UInt8(ascii: "{") {
            result = try parseSet(bytes, julian: julian)
        } else if bytes.contains(UInt8(ascii: "/")) {
            result = try parseInterval(bytes, julian: julian)
        } else {
            if bytes.starts(with: Array("..".utf8)) || bytes.reversed().starts(with: Array("..".utf8)) {
                throw EDTFProblem("an open end (..) belongs in an interval or a set",
                                  example: bytes.first == UInt8(ascii: ".") ? "../1940 or [..1940]" : "1937/.. or [1937..]")
            }
            let single = try parseSingle(bytes[...], julian: julian)
            result = (single.edtf, single.lower, single.upper, reading(of: single, nested: false))
        }
        if julian {
            for bound in [result.lower, result.upper].compactMap({ $0 }) where bound > EDTFDate.lastOldStyleDay {
                throw EDTFProblem(
                    "Old Style (os:) is only for dates up to 1918-01-31, the last day of the Julian calendar in Russia; \(String(body)) runs later",
                    example: "os:1917-10-25")
            }
            result.reading += " (Old Style)"
        }
        return EDTFDate(input: text, edtf: result.edtf, isOldStyle: julian,
                        lower: result.lower, upper: result.upper, reading: result.reading)
    }

    // MARK: Intervals and sets

    package static func parseInterval(_ bytes: [UInt8], julian: Bool) throws(EDTFProblem) -> (edtf: String, lower: Int?, upper: Int?, reading: String) {
        let sides = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard sides.count == 2 else {
            throw EDTFProblem("an interval has exactly one /", example: "1937/1938")
        }
        func end(_ side: ArraySlice<UInt8>) throws(EDTFProblem) -> EDTFEnd {
            if side.isEmpty { return .unknown }
            if side.elementsEqual("..".utf8) { return .open }
            if side.first == UInt8(ascii: "[") || side.first == UInt8(ascii: "{") {
                throw EDTFProblem("an interval cannot have a set at either end", example: "1937/1938 or [1937..1938]")
            }
            return .date(try parseSingle(side, julian: julian))
        }
        let start = try end(sides[0])
        let finish = try end(sides[1])
        switch (start, finish) {
        case (.date, _), (_, .date): break
        default: throw EDTFProblem("an interval needs a date at one end at least", example: "1937/.. or ../1940")
        }
        if case .date(let a) = start, case .date(let b) = finish, a.lower > b.upper {
            throw EDTFProblem("the interval ends (\(b.edtf)) before it starts (\(a.edtf))",
                              example: "\(b.edtf)/\(a.edtf)")
        }
        return combine(start, finish)
    }

    package static func combine(_ start: EDTFEnd, _ finish: EDTFEnd) -> (edtf: String, lower: Int?, upper: Int?, reading: String) {
        func text(_ end: EDTFEnd) -> String {
            switch end {
            case .date(let single): return single.edtf
            case .open: return ".."
            case .unknown: return ""
            }
        }
        func words(_ end: EDTFEnd, start: Bool) -> String {
            switch end {
            case .date(let single): return reading(of: single, nested: true)
            case .open: return start ? "an open start" : "an open end"
            case .unknown: return start ? "an unknown start" : "an unknown end"
            }
        }
        var lower: Int?
        var upper: Int?
        if case .date(let single) = start { lower = single.lower }
        if case .date(let single) = finish { upper = single.upper }
        return (text(start) + "/" + text(finish), lower, upper,
                "from \(words(start, start: true)) to \(words(finish, start: false))")
    }

    package static func parseSet(_ bytes: [UInt8], julian: Bool) throws(EDTFProblem) -> (edtf: String, lower: Int?, upper: Int?, reading: String) {
        let oneOf = bytes.first == UInt8(ascii: "[")
        let closing = UInt8(ascii: oneOf ? "]" : "}")
        let example = oneOf ? "[1937,1938]" : "{1937,1938}"
        guard bytes.count >= 2, bytes.last == closing else {
            throw EDTFProblem(oneOf ? "a set opened with [ must end with ]" : "a list opened with { must end with }", example: example)
        }
        let inner = bytes.dropFirst().dropLast()
        if inner.isEmpty { throw EDTFProblem(oneOf ? "the set is empty" : "the list is empty", example: example) }
        if inner.contains(where: { "[]{}/".utf8.contains($0) }) {
            throw EDTFProblem("a set or list holds dates and ranges (a..b), not intervals or other sets", example: example)
        }
        let pieces = inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        let dots = Array("..".utf8)
        var members: [EDTFMember] = []
        for (index, piece) in pieces.enumerated() {
            if piece.isEmpty { throw EDTFProblem("a set or list has an empty member", example: example) }
            let parts = split(piece, on: dots)
            switch parts.count {
            case 1:
                members.append(.date(try parseSingle(piece, julian: julian)))
            case 2 where parts[0].isEmpty && !parts[1].isEmpty:
                guard index == 0 else {
                    throw EDTFProblem("only the first member of a set or list can be open before (..\(String(decoding: parts[1], as: UTF8.self)))", example: oneOf ? "[..1940]" : "{..1940}")
                }
                members.append(.earlier(try parseSingle(parts[1], julian: julian)))
            case 2 where !parts[0].isEmpty && parts[1].isEmpty:
                guard index == pieces.count - 1 else {
                    throw EDTFProblem("only the last member of a set or list can be open after (\(String(decoding: parts[0], as: UTF8.self)).."+")", example: oneOf ? "[1937..]" : "{1937..}")
                }
                members.append(.later(try parseSingle(parts[0], julian: julian)))
            case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
                let a = try parseSingle(parts[0], julian: julian)
                let b = try parseSingle(parts[1], julian: julian)
                if a.lower > b.upper {
                    throw EDTFProblem("the range \(a.edtf)..\(b.edtf) runs backwards", example: oneOf ? "[\(b.edtf)..\(a.edtf)]" : "{\(b.edtf)..\(a.edtf)}")
                }
                members.append(.range(a, b))
            default:
                throw EDTFProblem("a member of a set or list is a date, a range a..b, ..b (first) or a.. (last)", example: oneOf ? "[1667,1668,1670..1672]" : "{1667,1668,1670..1672}")
            }
        }
        var lower: Int? = .max
        var upper: Int? = .min
        var texts: [String] = []
        var words: [String] = []
        for member in members {
            switch member {
            case .date(let single):
                lower = lower.map { min($0, single.lower) }
                upper = upper.map { max($0, single.upper) }
                texts.append(single.edtf)
                words.append(reading(of: single, nested: true))
            case .earlier(let single):
                lower = nil
                upper = upper.map { max($0, single.upper) }
                texts.append(".." + single.edtf)
                words.append((single.isDayPrecision ? "on or before " : "before or in ") + reading(of: single, nested: true))
            case .later(let single):
                lower = lower.map { min($0, single.lower) }
                upper = nil
                texts.append(single.edtf + "..")
                words.append((single.isDayPrecision ? "on or after " : "in or after ") + reading(of: single, nested: true))
            case .range(let a, let b):
                lower = lower.map { min($0, a.lower) }
                upper = upper.map { max($0, b.upper) }
                texts.append(a.edtf + ".." + b.edtf)
                words.append("\(reading(of: a, nested: true)) to \(reading(of: b, nested: true))")
            }
        }
        let edtf = (oneOf ? "[" : "{") + texts.joined(separator: ",") + (oneOf ? "]" : "}")
        return (edtf, lower, upper, list(words, conjunction: oneOf ? "or" : "and"))
    }

    package static func split(_ bytes: ArraySlice<UInt8>, on separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index...].starts(with: separator) {
                parts.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(bytes[start..<bytes.endIndex])
        return parts
    }

    package static func list(_ words: [String], conjunction: String) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(conjunction) " + words[words.count - 1]
    }

    // MARK: Single dates

    package static func parseSingle(_ bytes: ArraySlice<UInt8>, julian: Bool) throws(EDTFProblem) -> EDTFSingle {
        var scanner = EDTFScanner(bytes: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        var left: [EDTFQualification] = [[], [], []]
        var right: [EDTFQualification] = [[], [], []]

        left[0] = try scanner.qualifier()
        var single = EDTFSingle(year: try scanner.year(), julian: julian)
        right[0] = try scanner.qualifier()

        if scanner.take("-") {
            if single.year.isLong {
                throw EDTFProblem("a year written with Y has no month or day", example: single.year.text)
            }
            if single.year.estimate != nil {
                throw EDTFProblem("significant digits (S) apply to a year alone", example: "1950S2")
            }
            left[1] = try scanner.qualifier()
            let month = try scanner.twoDigits(what: "month", example: single.year.text + "-11")
            right[1] = try scanner.qualifier()
            if let value = month.value, (21...41).contains(value) {
                single.season = value
            } else if let value = month.value, !(1...12).contains(value) {
                throw EDTFProblem("month \(month.text) is not a month", example: single.year.text + "-12")
            } else if !(1...12).contains(where: month.allows) {
                throw EDTFProblem("month \(month.text) is not a month", example: single.year.text + "-1X")
            } else {
                single.month = month
            }
            if scanner.take("-") {
                if single.season != nil {
                    throw EDTFProblem("a season has no day", example: single.year.text + "-" + month.text)
                }
                left[2] = try scanner.qualifier()
                single.day = try scanner.twoDigits(what: "day", example: single.year.text + "-" + month.text + "-05")
                right[2] = try scanner.qualifier()
            }
        }
        let count = single.componentCount
        if left[count...].contains(where: { !$0.isEmpty }) || right[count...].contains(where: { !$0.isEmpty }) {
            throw EDTFProblem("a qualifier must stand next to a year, month or day", example: "1937-11-05?")
        }
        single.left = left
        single.right = right

        if scanner.take("T") {
            let example = "1937-11-05T10:20:00Z"
            guard single.day != nil, single.year.isExact, single.month?.value != nil, single.day?.value != nil else {
                throw EDTFProblem("a time needs a complete date (year, month and day)", example: example)
            }
            if single.isQualified {
                throw EDTFProblem("a date with a time cannot be qualified with ?, ~ or %", example: example)
            }
            single.time = try scanner.time()
        }
        if let byte = scanner.peek {
            throw unexpected(byte, in: text, at: scanner.index - bytes.startIndex)
        }
        try computeBounds(&single, text: text)
        return single
    }

    package static func unexpected(_ byte: UInt8, in text: String, at offset: Int) -> EDTFProblem {
        let character = String(decoding: [byte], as: UTF8.self)
        let before = String(text.prefix(offset))
        switch character {
        case ".":
            return EDTFProblem("\"..\" marks an open end, in an interval (1937/..) or a set ([..1940])", example: "1937/..")
        case "t", "z", "y", "e", "s":
            return EDTFProblem("\"\(character)\" must be written in capitals (\(character.uppercased()))", example: genericExample)
        case "?", "~", "%":
            return EDTFProblem("a qualifier must stand next to a year, month or day", example: "1937-11-05?")
        default:
            if before.isEmpty { return EDTFProblem("\"\(text)\" is not an EDTF date", example: genericExample) }
            return EDTFProblem("unexpected \"\(character)\" after \"\(before)\"", example: genericExample)
        }
    }

    /// Finds the first and last calendar day the date allows.
    package static func computeBounds(_ single: inout EDTFSingle, text: String) throws(EDTFProblem) {
        let julian = single.julian
        let year = single.year
        func days(_ month: Int, _ year: Int) -> Int { DayNumber.daysIn(month: month, year: year, julian: julian) }
        func number(_ day: EDTFDay) -> Int {
            julian ? DayNumber.fromJulian(year: day.year, month: day.month, day: day.day)
                : DayNumber.from(year: day.year, month: day.month, day: day.day)
        }
        let ascending = (year.low...year.high).lazy.filter(year.allows)
        let descending = (year.low...year.high).reversed().lazy.filter(year.allows)
        guard let firstYear = ascending.first, let lastYear = descending.first else {
            throw EDTFProblem("year \(year.text) is not a year", example: "1937")
        }
        if let season = single.season {
            let (start, end, wraps) = seasonMonths(season)
            let endYear = lastYear + (wraps ? 1 : 0)
            single.first = EDTFDay(year: firstYear, month: start, day: 1)
            single.last = EDTFDay(year: endYear, month: end, day: days(end, endYear))
        } else if let month = single.month {
            let months = month.value.map { [$0] } ?? (1...12).filter(month.allows)
            if let day = single.day {
                let dayList = day.value.map { (1...31).contains($0) ? [$0] : [] } ?? (1...31).filter(day.allows)
                func search<S: Sequence>(_ years: S, _ months: [Int], _ dayList: [Int]) -> EDTFDay? where S.Element == Int {
                    for y in years {
                        for m in months {
                            for d in dayList where d <= days(m, y) { return EDTFDay(year: y, month: m, day: d) }
                        }
                    }
                    return nil
                }
                guard let first = search(ascending, months, dayList),
                      let last = search(descending, months.reversed(), dayList.reversed()) else {
                    if let m = month.value, let d = day.value {
                        let example = year.isExact
                            ? "\(year.text)-\(month.text)-\(DayNumber.pad(days(m, year.low), 2))"
                            : "\(year.text)-\(month.text)-01"
                        throw EDTFProblem("day \(d) does not exist in \(monthNames[m - 1]) \(year.text)" + (julian ? " (Old Style)" : ""),
                                          example: (julian ? "os:" : "") + example)
                    }
                    throw EDTFProblem("no day of the calendar matches \(text)", example: "\(year.text)-\(month.text)-01")
                }
                single.first = first
                single.last = last
            } else {
                let lastMonth = months[months.count - 1]
                single.first = EDTFDay(year: firstYear, month: months[0], day: 1)
                single.last = EDTFDay(year: lastYear, month: lastMonth, day: days(lastMonth, lastYear))
            }
        } else {
            single.first = EDTFDay(year: firstYear, month: 1, day: 1)
            single.last = EDTFDay(year: lastYear, month: 12, day: 31)
        }
        single.lower = number(single.first)
        single.upper = number(single.last)
    }

    /// First month, last month, and whether the last month is in the next year.
    package static func seasonMonths(_ season: Int) -> (Int, Int, Bool) {
        switch season {
        case 21, 25, 31: return (3, 5, false)
        case 22, 26, 32: return (6, 8, false)
        case 23, 27, 29: return (9, 11, false)
        case 24, 28, 30: return (12, 2, true)
        case 33: return (1, 3, false)
        case 34: return (4, 6, false)
        case 35: return (7, 9, false)
        case 36: return (10, 12, false)
        case 37: return (1, 4, false)
        case 38: return (5, 8, false)
        case 39: return (9, 12, false)
        case 40: return (1, 6, false)
        default: return (7, 12, false)
        }
    }

    // MARK: Readings

    package static func yearWords(_ year: Int) -> String {
        year >= 1 ? String(year) : "\(1 - year) BC"
    }

    package static func dayWords(_ day: EDTFDay) -> String {
        "\(day.day) \(monthNames[day.month - 1]) \(yearWords(day.year))"
    }

    package static func seasonWords(_ season: Int, _ year: Int) -> String {
        let y = yearWords(year)
        let winter = " (December \(y) to February \(yearWords(year + 1)))"
        switch season {
        case 21: return "spring \(y)"
        case 22: return "summer \(y)"
        case 23: return "autumn \(y)"
        case 24: return "winter \(y)" + winter
        case 25: return "spring (Northern Hemisphere) \(y)"
        case 26: return "summer (Northern Hemisphere) \(y)"
        case 27: return "autumn (Northern Hemisphere) \(y)"
        case 28: return "winter (Northern Hemisphere) \(y)" + winter
        case 29: return "spring (Southern Hemisphere) \(y)"
        case 30: return "summer (Southern Hemisphere) \(y)" + winter
        case 31: return "autumn (Southern Hemisphere) \(y)"
        case 32: return "winter (Southern Hemisphere) \(y)"
        case 33...36: return "the \(["first", "second", "third", "fourth"][season - 33]) quarter of \(y)"
        case 37...39: return "the \(["first", "second", "third"][season - 37]) four months of \(y)"
        default: return "the \(season == 40 ? "first" : "second") half of \(y)"
        }
    }

    package static func timeWords(_ time: String) -> String {
        if time.hasSuffix("Z") { return "at \(time.dropLast()) UTC" }
        if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            return "at \(time[..<sign]) (UTC\(time[sign...]))"
        }
        return "at \(time)"
    }

    /// The reading of a date without its qualifiers.
    package static func plainReading(of single: EDTFSingle) -> String {
        let year = single.year
        if let estimate = year.estimate, !year.isExact {
            return "some year from \(yearWords(year.low)) to \(yearWords(year.high)) (estimated \(yearWords(estimate)))"
        }
        if year.isLong { return "the year \(yearWords(year.low))" }
        if let season = single.season {
            if year.isExact { return seasonWords(season, year.low) }
        } else if year.isExact {
            let month = single.month
            let day = single.day
            switch (month?.value, day?.value) {
            case (nil, _) where month == nil:
                return yearWords(year.low)
            case (let m?, nil) where day == nil:
                return "\(monthNames[m - 1]) \(yearWords(year.low))"
            case (let m?, let d?):
                let words = dayWords(EDTFDay(year: year.low, month: m, day: d))
                return single.time.map { words + " " + timeWords($0) } ?? words
            case (let m?, nil) where day?.isAllUnspecified == true:
                return "some day in \(monthNames[m - 1]) \(yearWords(year.low))"
            case (nil, _) where month?.isAllUnspecified == true && day == nil:
                return "some month in \(yearWords(year.low))"
            case (nil, _) where month?.isAllUnspecified == true && day?.isAllUnspecified == true:
                return "some day in \(yearWords(year.low))"
            default:
                break
            }
        } else if year.isDecadeLike && (single.month == nil || single.month?.isAllUnspecified == true)
                    && (single.day == nil || single.day?.isAllUnspecified == true) {
            let decade = !year.negative && (year.pattern ?? []).filter({ $0 == nil }).count == 1
            let unit = single.day != nil ? "day" : single.month != nil ? "month" : "year"
            if decade { return "some \(unit) in the \(year.low)s" }
            if unit == "year" { return "some year from \(yearWords(year.low)) to \(yearWords(year.high))" }
            return "some \(unit) in the years \(yearWords(year.low)) to \(yearWords(year.high))"
        }
        return "some date matching \(single.plainText) (between \(dayWords(single.first)) and \(dayWords(single.last)))"
    }

    /// The reading of a date with its qualifiers. `nested` when it is part of
    /// an interval or a set.
    package static func reading(of single: EDTFSingle, nested: Bool) -> String {
        let base = plainReading(of: single)
        if let uniform = single.uniformFlags {
            switch uniform {
            case []: return base
            case .uncertain: return nested ? "\(base) (uncertain)" : "uncertain: \(base)"
            case .approximate: return "approximately \(base)"
            default: return nested ? "approximately \(base) (uncertain)" : "uncertain: approximately \(base)"
            }
        }
        let names = ["year", single.season != nil ? "season" : "month", "day"]
        let flags = single.flags
        var notes: [String] = []
        for (flag, words) in [(EDTFQualification.uncertain, "uncertain"), (.approximate, "approximate"),
                              ([.uncertain, .approximate], "uncertain and approximate")] {
            let parts = flags.indices.filter { flags[$0] == flag }.map { names[$0] }
            if !parts.isEmpty { notes.append(list(parts, conjunction: "and") + " " + words) }
        }
        return "\(base) (\(notes.joined(separator: "; ")))"
    }
}

/// Reads one date, byte by byte.
package struct EDTFScanner {
    package let bytes: ArraySlice<UInt8>
    package var index: Int

    package init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    package var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    package mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    package static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Digits (and `X` when allowed) from here on.
    package mutating func run(allowingX: Bool) -> [UInt8] {
        var result: [UInt8] = []
        while let byte = peek, EDTFScanner.isDigit(byte) || (allowingX && byte == UInt8(ascii: "X")) {
            result.append(byte)
            index += 1
        }
        return result
    }

    package mutating func qualifier() throws(EDTFProblem) -> EDTFQualification {
        guard let byte = peek, let flag = EDTFQualification(symbol: byte) else { return [] }
        index += 1
        if let next = peek, EDTFQualification(symbol: next) != nil {
            throw EDTFProblem("two qualifiers in a row: write % for uncertain and approximate", example: "1937%")
        }
        return flag
    }

    package static func number(_ digits: [UInt8]) -> Int? {
        var value = 0
        for digit in digits {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            if overflow1 || overflow2 || sum > EDTFParser.yearLimit { return nil }
            value = sum
        }
        return value
    }

    package static func text(_ digits: [UInt8]) -> String { String(decoding: digits, as: UTF8.self) }

    package mutating func year() throws(EDTFProblem) -> EDTFYear {
        let tooLarge = EDTFProblem("the year is too large: dossier handles years of up to 15 digits", example: "Y170000002")
        if take("Y") {
            let negative = take("-")
            let mantissa = run(allowingX: false)
            if peek == UInt8(ascii: "X") {
                throw EDTFProblem("a year written with Y cannot have unspecified digits (X)", example: "Y170000002")
            }
            guard !mantissa.isEmpty else {
                throw EDTFProblem("Y must be followed by the digits of the year", example: "Y170000002")
            }
            if mantissa.count > 1 && mantissa[0] == UInt8(ascii: "0") {
                throw EDTFProblem("a year written with Y has no leading zeros", example: "Y170000002")
            }
            guard var value = EDTFScanner.number(mantissa) else { throw tooLarge }
            var text = "Y" + (negative ? "-" : "") + EDTFScanner.text(mantissa)
            if take("E") {
                let exponent = run(allowingX: false)
                guard !exponent.isEmpty else {
                    throw EDTFProblem("E must be followed by the exponent", example: "Y-17E7")
                }
                guard let power = EDTFScanner.number(exponent), power <= 18 else { throw tooLarge }
                for _ in 0..<power {
                    let (next, overflow) = value.multipliedReportingOverflow(by: 10)
                    if overflow || next > EDTFParser.yearLimit { throw tooLarge }
                    value = next
                }
                text += "E" + EDTFScanner.text(exponent)
            }
            guard value > 9999 else {
                let plain = (negative ? "-" : "") + DayNumber.pad(value, 4)
                throw EDTFProblem("Y is only for years of more than four digits: write \(plain)", example: plain)
            }
            var year = EDTFYear(text: text, negative: negative, pattern: nil,
                                low: negative ? -value : value, high: negative ? -value : value, isLong: true)
            try significantDigits(&year, magnitude: value, digitCount: String(value).count)
            return year
        }
        let negative = take("-")
        let digits = run(allowingX: true)
        let written = EDTFScanner.text(digits)
        guard !digits.isEmpty else {
            if let byte = peek, byte == UInt8(ascii: "y") {
                throw EDTFProblem("\"y\" must be written in capitals (Y)", example: "Y170000002")
            }
            let problem = peek == nil ? "a year is missing"
                : "\"\(String(decoding: bytes, as: UTF8.self))\" is not an EDTF date: a date starts with its year"
            throw EDTFProblem(problem, example: EDTFParser.genericExample)
        }
        let isNumeric = !digits.contains(UInt8(ascii: "X"))
        if digits.count < 4 {
            let example = isNumeric ? (negative ? "-" : "") + DayNumber.pad(EDTFScanner.number(digits) ?? 0, 4) : "193X"
            throw EDTFProblem("the year must have four digits (0800, not 800)", example: example)
        }
        if digits.count > 4 {
            let example = isNumeric ? "Y" + (negative ? "-" : "") + written.drop(while: { $0 == "0" }) : "Y170000002"
            throw EDTFProblem("a year of more than four digits is written with Y", example: example)
        }
        if negative && digits.allSatisfy({ $0 == UInt8(ascii: "0") }) {
            throw EDTFProblem("-0000 is not a year: year zero (1 BC) is written 0000", example: "0000")
        }
        let pattern: [Int?] = digits.map { $0 == UInt8(ascii: "X") ? nil : Int($0 - UInt8(ascii: "0")) }
        let smallest = pattern.reduce(0) { $0 * 10 + ($1 ?? 0) }
        let largest = pattern.reduce(0) { $0 * 10 + ($1 ?? 9) }
        var year = EDTFYear(text: (negative ? "-" : "") + written, negative: negative, pattern: pattern,
                            low: negative ? -largest : smallest, high: negative ? -smallest : largest, isLong: false)
        if peek == UInt8(ascii: "S") && !isNumeric {
            throw EDTFProblem("significant digits (S) cannot be combined with X", example: "1950S2")
        }
        try significantDigits(&year, magnitude: smallest, digitCount: 4)
        return year
    }

    /// Reads `S` and a digit count, widening the year to the span they allow.
    package mutating func significantDigits(_ year: inout EDTFYear, magnitude: Int, digitCount: Int) throws(EDTFProblem) {
        guard take("S") else { return }
        let digits = run(allowingX: false)
        guard let count = EDTFScanner.number(digits), (1...digitCount).contains(count) else {
            throw EDTFProblem("S must be followed by the number of significant digits, 1 to \(digitCount)", example: "1950S2")
        }
        var unit = 1
        for _ in 0..<(digitCount - count) { unit *= 10 }
        let low = magnitude / unit * unit
        let high = low + unit - 1
        year.estimate = year.low
        year.text += "S" + EDTFScanner.text(digits)
        year.pattern = nil
        if year.negative {
            year.low = -high
            year.high = -low
        } else {
            year.low = low
            year.high = high
        }
    }

    package mutating func twoDigits(what: String, example: String) throws(EDTFProblem) -> EDTFDigits {
        let digits = run(allowingX: true)
        guard digits.count == 2 else {
            throw EDTFProblem(digits.isEmpty ? "the \(what) is missing after -" : "the \(what) must have two digits", example: example)
        }
        return EDTFDigits(text: EDTFScanner.text(digits),
                          slots: digits.map { $0 == UInt8(ascii: "X") ? nil : Int($0 - UInt8(ascii: "0")) })
    }

    /// `hh:mm:ss` with an optional `Z` or `±hh[:mm]` zone.
    package mutating func time() throws(EDTFProblem) -> String {
        let example = "1937-11-05T10:20:00Z"
        func field(_ limit: Int, _ name: String) throws(EDTFProblem) -> String {
            let digits = run(allowingX: false)
            guard digits.count == 2, let value = EDTFScanner.number(digits) else {
                throw EDTFProblem("the time must be written hh:mm:ss, e.g. 10:20:00", example: example)
            }
            guard value <= limit else { throw EDTFProblem("\(name) \(EDTFScanner.text(digits)) does not exist", example: example) }
            return EDTFScanner.text(digits)
        }
        var text = try field(23, "hour")
        guard take(":") else { throw EDTFProblem("the time must be written hh:mm:ss, e.g. 10:20:00", example: example) }
        text += ":" + (try field(59, "minute"))
        guard take(":") else { throw EDTFProblem("the time must be written hh:mm:ss, e.g. 10:20:00", example: example) }
        text += ":" + (try field(59, "second"))
        if take("Z") { return text + "Z" }
        let sign = peek
        guard take("+") || take("-"), let sign else { return text }
        text += String(UnicodeScalar(sign)) + (try field(23, "time zone hour"))
        if take(":") { text += ":" + (try field(59, "time zone minute")) }
        return text
    }
}
