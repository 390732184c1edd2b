import Foundation

/// Why a date string is not valid EDTF, with an example of a valid one.
public struct EDTFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as given.
    public let input: String
    /// What is wrong, e.g. "day 30 does not exist in February 1937".
    public let problem: String
    /// A valid value close to what was meant, e.g. "1937-02-28".
    public let example: String
    /// What was expected: "EDTF", or "EDTF or a date as sources write it"
    /// for the date reader (`DateReader`).
    public let expected: String
    public var description: String { "\(problem) (expected \(expectation))" }
    /// "EDTF, e.g. 1937-11-05": the expectation of an error line.
    public var expectation: String { "\(expected), e.g. \(example)" }

    public init(input: String, problem: String, example: String, expected: String = "EDTF") {
        self.input = input
        self.problem = problem
        self.example = example
        self.expected = expected
    }
}

/// A parsed EDTF (ISO 8601-2, Library of Congress Extended Date/Time Format)
/// value with its earliest and latest possible day.
///
/// Supported: all of level 0 and level 1 (dates, date-times, intervals with
/// open `..` and unknown empty ends, `?` `~` `%`, unspecified digits `X`,
/// seasons 21–24, `Y` years with exponents, negative years) and from level 2
/// sets `[…]` and lists `{…}`, qualification of single components
/// (`?1937-11-05`, `1937-?11-05`, `1937~-11`), unspecified digits anywhere
/// (`156X-12-25`, `1937-1X`), seasons and sub-year groupings 25–41, and
/// significant digits (`1950S2`).
///
/// **Bounds** are day numbers (days since 1970-01-01, proleptic Gregorian,
/// see `DayNumber`), following the spec's *strict* bounds: the earliest and
/// latest day the value can denote, `nil` on a side that is open (`..`) or
/// unknown (an empty interval end).
/// - Qualifiers do not widen the bounds: `1937~` and `1937?` span exactly
///   1937-01-01 to 1937-12-31, like `1937`. "Approximately" has no agreed
///   width, and a range stored for searching must not invent one; the
///   qualifier stays in `edtf` and in `reading`.
/// - Unspecified digits span every day they allow: `193X` is 1930-01-01 to
///   1939-12-31, `1937-XX-31` is 1937-01-31 to 1937-12-31.
/// - An interval spans from the earliest day of its start to the latest day
///   of its end; a set `[a,b]` (one of) and a list `{a,b}` (all of) span from
///   their earliest member to their latest; `[..1940]` has no lower bound.
/// - Seasons (northern hemisphere for 21–24): spring = March–May, summer =
///   June–August, autumn = September–November, and winter = December of the
///   year through February of the next (so that all three winter months are
///   inside the bounds and the seasons of one year follow each other).
///   Groupings 33–41 are quarters, quadrimesters and semesters of the year.
/// - Significant digits give the span the digits allow: `1950S2` is some
///   year from 1900 to 1999 (the spec's reading).
/// - Years are supported up to 15 digits either way, computed exactly.
///
/// **Normalisation** (`edtf`): EDTF is case-sensitive and has a single
/// spelling for most values, so dossier accepts exactly what the standard
/// allows and does not rewrite it — a lower-case `x` (or `t`, `z`, `y`) is
/// rejected with the upper-case form as the example, never silently fixed.
/// The normalised form differs from the input only in that the `os:` prefix
/// is dropped and the qualifiers get one canonical placement, so that values
/// with the same meaning have the same text: a qualification is written once,
/// to the right of the last component of the run from the year that shares
/// it, and to the left of any other component that has it (`?1937` →
/// `1937?`, `?1937-?11` → `1937-11?`, `?1937-11-05` → `1937?-11-05`).
///
/// **Old Style**: the prefix `os:` marks a date written in the Julian
/// calendar (as in Russia until 31 January 1918, followed by 14 February
/// 1918). Days are validated in the Julian calendar (1900-02-29 exists),
/// bounds are converted to Gregorian day numbers so that they compare with
/// other dates, and the value must lie on or before 1918-01-31 (Julian).
public struct EDTFDate: Sendable, Hashable {
    /// The text as given (with an `os:` prefix when Old Style).
    public let input: String
    /// The normalised EDTF string (without any `os:` prefix).
    public let edtf: String
    /// True when the date was written in the Julian calendar (Old Style).
    public let isOldStyle: Bool
    /// The earliest possible day (days since 1970-01-01, Gregorian), `nil`
    /// when open or unknown.
    public let lower: Int?
    /// The latest possible day, `nil` when open or unknown.
    public let upper: Int?
    /// A plain-English reading, e.g. "some day in November 1937".
    public let reading: String

    /// The input prefix that marks an Old Style (Julian) date.
    public static let oldStylePrefix = "os:"
    /// The last day that may be written Old Style, as a Gregorian day number:
    /// 1918-02-13, which was 31 January 1918 in the Julian calendar.
    public static let lastOldStyleDay = DayNumber.fromJulian(year: 1918, month: 1, day: 31)

    public init(input: String, edtf: String, isOldStyle: Bool, lower: Int?, upper: Int?, reading: String) {
        self.input = input
        self.edtf = edtf
        self.isOldStyle = isOldStyle
        self.lower = lower
        self.upper = upper
        self.reading = reading
    }

    /// The lower bound as `YYYY-MM-DD` (see `DayNumber.string`), `nil` when
    /// open or unknown.
    public var lowerText: String? { lower.map(DayNumber.string) }
    /// The upper bound as `YYYY-MM-DD`, `nil` when open or unknown.
    public var upperText: String? { upper.map(DayNumber.string) }

    /// Parses an EDTF string, optionally prefixed with `os:` (Old Style).
    /// The text is taken exactly as given: any whitespace makes it invalid.
    /// - Throws: `EDTFError` naming what is wrong and showing a valid example.
    public static func parse(_ text: String) throws -> EDTFDate {
        do {
            return try EDTFParser.parse(text)
        } catch {
            if error.shortYear, !EDTFParser.isYearAlone(text) {
                // `14.08.1937`: padding 14 to 0014 would suggest another date.
                throw EDTFError(input: text, problem: "an EDTF date starts with its year, in four digits (year-month-day)",
                                example: EDTFParser.genericExample)
            }
            throw EDTFError(input: text, problem: error.problem, example: error.example)
        }
    }

    /// True when the two values share at least one possible day. A missing
    /// (open or unknown) bound counts as unbounded on that side.
    public func overlaps(_ other: EDTFDate) -> Bool {
        (lower ?? .min) <= (other.upper ?? .max) && (other.lower ?? .min) <= (upper ?? .max)
    }

    /// True when every possible day of this value lies within `other`. A
    /// missing bound of `other` is unbounded; a missing bound of this value
    /// is within only an unbounded side.
    public func isWithin(_ other: EDTFDate) -> Bool {
        let lowerOK: Bool
        if let bound = other.lower { lowerOK = lower.map { $0 >= bound } ?? false } else { lowerOK = true }
        let upperOK: Bool
        if let bound = other.upper { upperOK = upper.map { $0 <= bound } ?? false } else { upperOK = true }
        return lowerOK && upperOK
    }
}

/// Day numbers: days since 1970-01-01, proleptic Gregorian calendar.
public enum DayNumber {
    /// Gregorian leap year (astronomical numbering: 0 is 1 BC and is leap).
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Julian leap year: every fourth year, 1900 included.
    public static func isJulianLeap(_ year: Int) -> Bool {
        year % 4 == 0
    }

    /// Days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        daysIn(month: month, year: year, julian: false)
    }

    /// Days in a month of the Gregorian or, when `julian`, Julian calendar.
    public static func daysIn(month: Int, year: Int, julian: Bool) -> Int {
        switch month {
        case 2: return (julian ? isJulianLeap(year) : isLeap(year)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given Gregorian date (Howard Hinnant's
    /// days_from_civil algorithm).
    public static func from(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days from 1970-01-01 (Gregorian) to the given date of the Julian
    /// calendar, e.g. Julian 1917-10-25 is Gregorian 1917-11-07.
    public static func fromJulian(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let quadrennia = y >= 0 ? y / 4 : (y - 3) / 4
        return 365 * y + quadrennia + doy - 719_470
    }

    /// The Gregorian date of a day number.
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`, with a leading `-` for years before 1 BC (year 0 is
    /// 1 BC, as in ISO 8601) and more digits where needed.
    public static func string(_ days: Int) -> String {
        let (year, month, day) = civil(days)
        let yearText = year < 0 ? "-" + pad(-year, 4) : pad(year, 4)
        return "\(yearText)-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Reads a Gregorian `YYYY-MM-DD` (as written by `string(_:)`), `nil`
    /// when it is not one or the day does not exist.
    public static func parse(_ text: String) -> Int? {
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 4, parts[0].count <= 15, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let magnitude = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month) else { return nil }
        let year = negative ? -magnitude : magnitude
        guard day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return from(year: year, month: month, day: day)
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
