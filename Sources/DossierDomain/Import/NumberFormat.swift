import Foundation

/// A number cell of an `.xlsx` sheet written as the spreadsheet shows it,
/// from its format code: `58.1` formatted `0.00` is `58.10`, a date serial
/// formatted as a date is its EDTF date.
///
/// What is read of a format code: the first section (up to `;`); a date or
/// date-and-time format (a `d`, `m` or `y` outside quotes: the date to the
/// day, or to the month or year when the format shows no day or no month;
/// the time is left out); digits after the decimal point (`0` always
/// shown, `#` and `?` when not zero); `%`; and text in quotes or after `\`
/// before and after the number. Thousands separators are left out, the
/// decimal mark is a point whatever the locale, and other formats
/// (scientific, fractions, times alone) give the number as General does.
enum NumberFormat {
    /// The built-in formats that a workbook names by number only.
    static func builtIn(_ id: Int) -> String {
        switch id {
        case 1: return "0"
        case 2: return "0.00"
        case 3: return "#,##0"
        case 4: return "#,##0.00"
        case 9: return "0%"
        case 10: return "0.00%"
        case 11: return "0.00E+00"
        case 12: return "# ?/?"
        case 13: return "# ??/??"
        case 14: return "mm-dd-yy"
        case 15: return "d-mmm-yy"
        case 16: return "d-mmm"
        case 17: return "mmm-yy"
        case 18: return "h:mm AM/PM"
        case 19: return "h:mm:ss AM/PM"
        case 20: return "h:mm"
        case 21: return "h:mm:ss"
        case 22: return "m/d/yy h:mm"
        case 27...36, 50...58: return "yyyy-mm-dd"  // East Asian date formats
        case 37: return "#,##0 ;(#,##0)"
        case 38: return "#,##0 ;[Red](#,##0)"
        case 39: return "#,##0.00;(#,##0.00)"
        case 40: return "#,##0.00;[Red](#,##0.00)"
        case 45: return "mm:ss"
        case 46: return "[h]:mm:ss"
        case 47: return "mmss.0"
        case 48: return "##0.0E+0"
        case 49: return "@"
        default: return "General"
        }
    }

    static func shown(_ number: Double, code: String, date1904: Bool) -> String {
        let section = firstSection(code)
        let bare = bareLetters(section)
        if let precision = datePrecision(bare), let date = date(serial: number, date1904: date1904, precision: precision) {
            return date
        }
        return formatted(number, section: section, bare: bare)
    }

    /// The format up to the first `;` outside quotes.
    static func firstSection(_ code: String) -> String {
        var inQuotes = false
        var escaped = false
        for (offset, character) in code.enumerated() {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "\"" { inQuotes.toggle() }
            if character == ";" && !inQuotes { return String(code.prefix(offset)) }
        }
        return code
    }

    /// The format's own letters, lower-cased: quoted text, escaped
    /// characters, `[...]` (colours, locales) and AM/PM left out.
    static func bareLetters(_ section: String) -> String {
        var result = ""
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for character in section {
            if skipNext { skipNext = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets { if character == "]" { inBrackets = false }; continue }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skipNext = true
            default: result.append(character)
            }
        }
        return result.lowercased().replacingOccurrences(of: "am/pm", with: "").replacingOccurrences(of: "a/p", with: "")
            .replacingOccurrences(of: "general", with: "")
    }

    static func datePrecision(_ bare: String) -> SheetDate.Precision? {
        let hasDay = bare.contains("d")
        let hasYear = bare.contains("y")
        let hasMonth = bare.contains("m") && (hasDay || hasYear)
        guard hasDay || hasYear else { return nil }
        if hasDay { return .day }
        return hasMonth ? .month : .year
    }

    /// A serial day number as an EDTF date, in the workbook's date system
    /// (1900: day 1 is 1900-01-01, and day 60 is Lotus's 29 February 1900,
    /// which never was; 1904: day 0 is 1904-01-01). Nil for a serial that
    /// is no date (before day 1, or after the year 9999).
    static func date(serial: Double, date1904: Bool, precision: SheetDate.Precision) -> String? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        let days: Int  // from 1970-01-01
        if date1904 {
            days = whole - 24_107
        } else {
            guard whole >= 1 else { return nil }
            if whole == 60 { return precision == .day ? "1900-02-29" : SheetDate.edtf(year: 1900, month: 2, day: 1, precision: precision) }
            days = whole - (whole < 60 ? 25_568 : 25_569)
        }
        let (year, month, day) = DayNumber.civil(days)
        guard year <= 9999 else { return nil }
        return SheetDate.edtf(year: year, month: month, day: day, precision: precision)
    }

    /// Digits after the point, percent, and literal text around the number.
    static func formatted(_ number: Double, section: String, bare: String) -> String {
        let placeholders = Set<Character>(["0", "#", "?"])
        guard bare.contains(where: { placeholders.contains($0) }), !bare.contains("e"), !bare.contains("/") else {
            return general(number)
        }
        var prefix = ""
        var suffix = ""
        var minDecimals = 0
        var maxDecimals = 0
        var seenDigit = false
        var afterPoint = false
        var percent = false
        var inQuotes = false
        var inBrackets = false
        var skip: Character?
        for character in section {
            if let marker = skip {
                skip = nil
                if marker == "\\" { if seenDigit { suffix.append(character) } else { prefix.append(character) } }
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false } else if seenDigit { suffix.append(character) } else { prefix.append(character) }
                continue
            }
            if inBrackets { if character == "]" { inBrackets = false }; continue }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skip = character
            case "0", "#", "?":
                seenDigit = true
                suffix = ""
                if afterPoint {
                    maxDecimals += 1
                    if character == "0" { minDecimals = maxDecimals }
                }
            case ".":
                afterPoint = true
                seenDigit = true
            case ",": continue
            case "%":
                percent = true
                if seenDigit { suffix.append(character) } else { prefix.append(character) }
            case "@": continue
            default: if seenDigit { suffix.append(character) } else { prefix.append(character) }
            }
        }
        let value = percent ? number * 100 : number
        var digits = String(format: "%.\(maxDecimals)f", value)
        if maxDecimals > minDecimals, digits.contains(".") {
            var trimmed = Substring(digits)
            var dropped = 0
            while dropped < maxDecimals - minDecimals, trimmed.last == "0" {
                trimmed = trimmed.dropLast()
                dropped += 1
            }
            if trimmed.last == "." { trimmed = trimmed.dropLast() }
            digits = String(trimmed)
        }
        if digits.hasPrefix("-"), Double(digits) == 0 { digits.removeFirst() }
        return prefix + digits + suffix
    }

    /// Excel's General: up to 15 significant digits, no trailing zeros.
    static func general(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(format: "%.15g", number)
    }
}
