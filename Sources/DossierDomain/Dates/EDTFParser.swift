import Foundation

// The EDTF grammar behind `EDTFDate.parse`; bounds are in EDTFBounds.swift,
// readings in EDTFReadings.swift.

package enum EDTFParser {
    package static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    /// Years are supported up to this magnitude (15 digits).
    package static let yearLimit = 999_999_999_999_999
    package static let genericExample = "1937-11-05, 1937-11 or 1937"

    /// True when `text` is a year alone, however short, with its sign and
    /// qualifiers (`800`, `-45?`, `os:800`): padding its digits keeps its
    /// meaning. `14.08.1937` or `14/08/1937` is not: there 14 is a day.
    package static func isYearAlone(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix(EDTFDate.oldStylePrefix) { body = body.dropFirst(EDTFDate.oldStylePrefix.count) }
        body = body.drop(while: { "?~%".contains($0) })
        while let last = body.last, "?~%".contains(last) { body = body.dropLast() }
        if body.hasPrefix("-") { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Longest date accepted, in bytes. A date with its qualifiers is a few
    /// dozen characters; the longest real ones are sets of years or days
    /// (`[1667,1668,1670..1672]`), a few hundred for the rare set of every
    /// year of a decade or two. A longer text is no date: refused before it
    /// is read, so that a megabyte cell costs nothing.
    package static let maxLength = 1_000

    package static func parse(_ text: String) throws(EDTFProblem) -> EDTFDate {
        if text.isEmpty { throw EDTFProblem("the date is empty", example: genericExample) }
        if text.utf8.count > maxLength {
            throw EDTFProblem("the date is \(text.utf8.count) bytes long, more than the \(maxLength) a date may have", example: genericExample)
        }
        WorkCounter.add(text.utf8.count)
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

        var result: EDTFParsed
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
            result = EDTFParsed(edtf: single.edtf, lower: single.lower, upper: single.upper,
                                reading: reading(of: single, nested: false))
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

    package static func parseInterval(_ bytes: [UInt8], julian: Bool) throws(EDTFProblem) -> EDTFParsed {
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

    package static func combine(_ start: EDTFEnd, _ finish: EDTFEnd) -> EDTFParsed {
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
        return EDTFParsed(edtf: text(start) + "/" + text(finish), lower: lower, upper: upper,
                          reading: "from \(words(start, start: true)) to \(words(finish, start: false))")
    }

    package static func parseSet(_ bytes: [UInt8], julian: Bool) throws(EDTFProblem) -> EDTFParsed {
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
        WorkCounter.add(inner.count + pieces.count)
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
        return EDTFParsed(edtf: edtf, lower: lower, upper: upper, reading: list(words, conjunction: oneOf ? "or" : "and"))
    }

    package static func split(_ bytes: ArraySlice<UInt8>, on separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        WorkCounter.add(bytes.count)
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

    // MARK: Single dates

    package static func parseSingle(_ bytes: ArraySlice<UInt8>, julian: Bool) throws(EDTFProblem) -> EDTFSingle {
        WorkCounter.add(bytes.count)
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
            var problem = EDTFProblem("the year must have four digits (0800, not 800)", example: example)
            problem.shortYear = true
            throw problem
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
