// The values the EDTF grammar reads, before they become an `EDTFDate`.

/// What is wrong with a value, before it is tied to its input.
package struct EDTFProblem: Error {
    package let problem: String
    package let example: String
    /// A year of fewer than four digits: its example pads the digits, which
    /// keeps the meaning only when the text is that year alone.
    package var shortYear = false

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

/// What a whole value parses to, before `EDTFDate` ties it to its input:
/// the canonical text, the first and last day it allows (nil at an open or
/// unknown end), and its reading in words.
package struct EDTFParsed {
    package var edtf: String
    package var lower: Int?
    package var upper: Int?
    package var reading: String
}
