import Testing
@testable import Dossier

// Expected bounds were checked against the reference implementation, the
// PyPI package `edtf` (5.0.2: `parse_edtf(s).lower_strict()` /
// `upper_strict()`), for every form it supports. dossier agrees with it except
// where noted below, each time on purpose:
//
// - Winter (`1937-24`, `1937-28`) and southern summer (`1937-30`): `edtf`
//   takes December alone (1937-12-01..1937-12-31) "for simplicity"; dossier
//   spans December through February of the next year (..1938-02-28), so that
//   every day of that winter is inside the strict bounds. The lower bound is
//   the same.
// - Unknown interval ends (`1937/`, `/1940`): `edtf` guesses a span of ten
//   years (1947-01-01, 1930-12-31); dossier leaves that side unknown (nil),
//   as the issue asks, rather than inventing a date.
// - Open ends (`1937/..`, `[..1940]`): `edtf` returns ±infinity as a float;
//   dossier returns nil on that side.
// - Significant digits (`1950S2`): `edtf` gives the year 1950 alone; dossier
//   follows the spec's reading ("some year between 1900 and 1999, estimated
//   to be 1950") and spans 1900-01-01..1999-12-31.
// - Calendar validation: `edtf` accepts `1937-02-29`, `1900-02-29` and other
//   days that do not exist; dossier rejects them.
// - Whitespace: `edtf` accepts `{1667,1668, 1670..1672}`; dossier takes input
//   exactly as given and rejects any whitespace.
// - `XXXX-02-29`: `edtf` gives 9999-02-29 as the upper bound, a day that does
//   not exist; dossier gives the last leap year that matches, 9996-02-29.
// - `-000X`: `edtf` lets the upper bound reach year 0000; dossier stops at
//   -0001, since `-0000` is not a year.
// - `../..` is accepted by `edtf`; dossier requires a date at one end at least.
// - Forms `edtf` 5.0.2 rejects or fails on, whose bounds here follow the same
//   rules: a qualified season (`1937-21?`), unspecified digits inside a month
//   or day (`1937-1X`, `1937-11-1X`), a one-member set (`[1937]`), and an
//   interval of date-times.
// - Old Style (`os:`) is dossier's own extension; `edtf` has no such form.

@Suite struct EDTFTests {
    /// One row of a table: an input and its expected lower and upper bound
    /// (`YYYY-MM-DD`, or ".." for none).
    struct BoundsCase: Sendable, CustomTestStringConvertible {
        let input: String
        let lower: String
        let upper: String
        var testDescription: String { input }

        init(_ input: String, _ lower: String, _ upper: String) {
            self.input = input
            self.lower = lower
            self.upper = upper
        }
    }

    /// An input and the exact problem reported.
    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let input: String
        let problem: String
        var testDescription: String { input }

        init(_ input: String, _ problem: String) {
            self.input = input
            self.problem = problem
        }
    }

    /// An input and an expected text (a reading or a normalised form).
    struct TextCase: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String
        var testDescription: String { input }

        init(_ input: String, _ expected: String) {
            self.input = input
            self.expected = expected
        }
    }

    static let boundsCases: [BoundsCase] = [
        // Level 0: dates.
        BoundsCase("1937", "1937-01-01", "1937-12-31"),
        BoundsCase("1937-11", "1937-11-01", "1937-11-30"),
        BoundsCase("1937-11-05", "1937-11-05", "1937-11-05"),
        BoundsCase("1937-02", "1937-02-01", "1937-02-28"),
        BoundsCase("1936-02", "1936-02-01", "1936-02-29"),
        BoundsCase("1900-02", "1900-02-01", "1900-02-28"),
        BoundsCase("2000-02", "2000-02-01", "2000-02-29"),
        BoundsCase("2000-02-29", "2000-02-29", "2000-02-29"),
        BoundsCase("1936-02-29", "1936-02-29", "1936-02-29"),
        BoundsCase("1937-12-31", "1937-12-31", "1937-12-31"),
        BoundsCase("1937-01-01", "1937-01-01", "1937-01-01"),
        BoundsCase("1937-04-30", "1937-04-30", "1937-04-30"),
        BoundsCase("1937-06", "1937-06-01", "1937-06-30"),
        BoundsCase("1937-09", "1937-09-01", "1937-09-30"),
        BoundsCase("1937-12", "1937-12-01", "1937-12-31"),
        BoundsCase("0000", "0000-01-01", "0000-12-31"),
        BoundsCase("0001", "0001-01-01", "0001-12-31"),
        BoundsCase("0800-12-25", "0800-12-25", "0800-12-25"),
        BoundsCase("9999-12-31", "9999-12-31", "9999-12-31"),
        BoundsCase("1970-01-01", "1970-01-01", "1970-01-01"),
        BoundsCase("1582-10-15", "1582-10-15", "1582-10-15"),
        BoundsCase("1582-10-10", "1582-10-10", "1582-10-10"),
        // Level 0: negative years (astronomical numbering: -0044 is 45 BC).
        BoundsCase("-0044", "-0044-01-01", "-0044-12-31"),
        BoundsCase("-0044-03-15", "-0044-03-15", "-0044-03-15"),
        BoundsCase("-0001", "-0001-01-01", "-0001-12-31"),
        BoundsCase("-0004-02", "-0004-02-01", "-0004-02-29"),
        // Level 0: date and time (bounds are the day as written).
        BoundsCase("1937-11-05T10:20:00Z", "1937-11-05", "1937-11-05"),
        BoundsCase("1937-11-05T10:20:00", "1937-11-05", "1937-11-05"),
        BoundsCase("1937-11-05T10:20:00+03:00", "1937-11-05", "1937-11-05"),
        BoundsCase("1985-04-12T23:20:30-04", "1985-04-12", "1985-04-12"),
        BoundsCase("1937-11-05T00:00:00Z", "1937-11-05", "1937-11-05"),
        // Level 0: intervals.
        BoundsCase("1937/1938", "1937-01-01", "1938-12-31"),
        BoundsCase("1937-11/1938-02", "1937-11-01", "1938-02-28"),
        BoundsCase("1937-11-05/1938", "1937-11-05", "1938-12-31"),
        BoundsCase("1937-11-05/1937-11-07", "1937-11-05", "1937-11-07"),
        BoundsCase("1937/1937", "1937-01-01", "1937-12-31"),
        BoundsCase("1937-11/1937", "1937-11-01", "1937-12-31"),
        BoundsCase("-0044/0014", "-0044-01-01", "0014-12-31"),
        BoundsCase("1937-11-05T10:20:00Z/1938-01-01T00:00:00Z", "1937-11-05", "1938-01-01"),
        // Level 1: open and unknown interval ends.
        BoundsCase("1937/..", "1937-01-01", ".."),
        BoundsCase("../1940", "..", "1940-12-31"),
        BoundsCase("1937/", "1937-01-01", ".."),
        BoundsCase("/1940", "..", "1940-12-31"),
        BoundsCase("1937-11-05/..", "1937-11-05", ".."),
        BoundsCase("../1940-06", "..", "1940-06-30"),
        BoundsCase("1937-11-05?/..", "1937-11-05", ".."),
        BoundsCase("/1940~", "..", "1940-12-31"),
        // Level 1: qualifiers do not widen the bounds.
        BoundsCase("1937?", "1937-01-01", "1937-12-31"),
        BoundsCase("1937~", "1937-01-01", "1937-12-31"),
        BoundsCase("1937%", "1937-01-01", "1937-12-31"),
        BoundsCase("1937-11?", "1937-11-01", "1937-11-30"),
        BoundsCase("1937-11-05~", "1937-11-05", "1937-11-05"),
        BoundsCase("1937-11-05%", "1937-11-05", "1937-11-05"),
        BoundsCase("1937?/1938~", "1937-01-01", "1938-12-31"),
        BoundsCase("-0044~", "-0044-01-01", "-0044-12-31"),
        // Level 1: unspecified digits.
        BoundsCase("193X", "1930-01-01", "1939-12-31"),
        BoundsCase("19XX", "1900-01-01", "1999-12-31"),
        BoundsCase("1XXX", "1000-01-01", "1999-12-31"),
        BoundsCase("XXXX", "0000-01-01", "9999-12-31"),
        BoundsCase("1937-XX", "1937-01-01", "1937-12-31"),
        BoundsCase("1937-11-XX", "1937-11-01", "1937-11-30"),
        BoundsCase("1937-02-XX", "1937-02-01", "1937-02-28"),
        BoundsCase("1936-02-XX", "1936-02-01", "1936-02-29"),
        BoundsCase("1937-XX-XX", "1937-01-01", "1937-12-31"),
        BoundsCase("193X?", "1930-01-01", "1939-12-31"),
        BoundsCase("-1XXX", "-1999-01-01", "-1000-12-31"),
        BoundsCase("-000X", "-0009-01-01", "-0001-12-31"),
        // Level 1: seasons (winter runs into the next year; see the note above).
        BoundsCase("1937-21", "1937-03-01", "1937-05-31"),
        BoundsCase("1937-22", "1937-06-01", "1937-08-31"),
        BoundsCase("1937-23", "1937-09-01", "1937-11-30"),
        BoundsCase("1937-24", "1937-12-01", "1938-02-28"),
        BoundsCase("1935-24", "1935-12-01", "1936-02-29"),
        BoundsCase("1937-21?", "1937-03-01", "1937-05-31"),
        BoundsCase("1937-21/1937-23", "1937-03-01", "1937-11-30"),
        // Level 1: years with Y and exponents.
        BoundsCase("Y170000002", "170000002-01-01", "170000002-12-31"),
        BoundsCase("Y-170000002", "-170000002-01-01", "-170000002-12-31"),
        BoundsCase("Y17E7", "170000000-01-01", "170000000-12-31"),
        BoundsCase("Y-17E7", "-170000000-01-01", "-170000000-12-31"),
        BoundsCase("Y10000", "10000-01-01", "10000-12-31"),
        BoundsCase("Y-10000", "-10000-01-01", "-10000-12-31"),
        BoundsCase("Y999999999999999", "999999999999999-01-01", "999999999999999-12-31"),
        BoundsCase("Y-1E14", "-100000000000000-01-01", "-100000000000000-12-31"),
        // Level 2: qualification of single components.
        BoundsCase("?1937-11-05", "1937-11-05", "1937-11-05"),
        BoundsCase("1937-?11-05", "1937-11-05", "1937-11-05"),
        BoundsCase("1937~-11", "1937-11-01", "1937-11-30"),
        BoundsCase("2004?-~06-~04", "2004-06-04", "2004-06-04"),
        BoundsCase("2004-06-~01/2004-06-~20", "2004-06-01", "2004-06-20"),
        BoundsCase("1937-11-~05", "1937-11-05", "1937-11-05"),
        // Level 2: unspecified digits anywhere.
        BoundsCase("156X-12-25", "1560-12-25", "1569-12-25"),
        BoundsCase("15XX-12-XX", "1500-12-01", "1599-12-31"),
        BoundsCase("1XX0", "1000-01-01", "1990-12-31"),
        BoundsCase("1937-1X", "1937-10-01", "1937-12-31"),
        BoundsCase("1937-0X", "1937-01-01", "1937-09-30"),
        BoundsCase("1937-XX-31", "1937-01-31", "1937-12-31"),
        BoundsCase("1937-11-1X", "1937-11-10", "1937-11-19"),
        BoundsCase("1937-02-2X", "1937-02-20", "1937-02-28"),
        BoundsCase("XXXX-02-29", "0000-02-29", "9996-02-29"),
        BoundsCase("193X-XX", "1930-01-01", "1939-12-31"),
        BoundsCase("XXXX-12-XX", "0000-12-01", "9999-12-31"),
        // Level 2: sets (one of) and lists (all of).
        BoundsCase("[1937,1938]", "1937-01-01", "1938-12-31"),
        BoundsCase("[1938,1937]", "1937-01-01", "1938-12-31"),
        BoundsCase("[..1940]", "..", "1940-12-31"),
        BoundsCase("[1937..1939]", "1937-01-01", "1939-12-31"),
        BoundsCase("[1667,1668,1670..1672]", "1667-01-01", "1672-12-31"),
        BoundsCase("[1760-12..]", "1760-12-01", ".."),
        BoundsCase("[..1760-12-03]", "..", "1760-12-03"),
        BoundsCase("[1760-01,1760-02,1760-12..]", "1760-01-01", ".."),
        BoundsCase("[1937-11-05,1938?]", "1937-11-05", "1938-12-31"),
        BoundsCase("{1937,1938}", "1937-01-01", "1938-12-31"),
        BoundsCase("{1667,1668,1670..1672}", "1667-01-01", "1672-12-31"),
        BoundsCase("{1960,1961-12}", "1960-01-01", "1961-12-31"),
        BoundsCase("{..1983}", "..", "1983-12-31"),
        BoundsCase("[1937]", "1937-01-01", "1937-12-31"),
        // Level 2: seasons 25-41.
        BoundsCase("1937-25", "1937-03-01", "1937-05-31"),
        BoundsCase("1937-26", "1937-06-01", "1937-08-31"),
        BoundsCase("1937-27", "1937-09-01", "1937-11-30"),
        BoundsCase("1937-28", "1937-12-01", "1938-02-28"),
        BoundsCase("1937-29", "1937-09-01", "1937-11-30"),
        BoundsCase("1937-30", "1937-12-01", "1938-02-28"),
        BoundsCase("1937-31", "1937-03-01", "1937-05-31"),
        BoundsCase("1937-32", "1937-06-01", "1937-08-31"),
        BoundsCase("1937-33", "1937-01-01", "1937-03-31"),
        BoundsCase("1937-34", "1937-04-01", "1937-06-30"),
        BoundsCase("1937-35", "1937-07-01", "1937-09-30"),
        BoundsCase("1937-36", "1937-10-01", "1937-12-31"),
        BoundsCase("1937-37", "1937-01-01", "1937-04-30"),
        BoundsCase("1937-38", "1937-05-01", "1937-08-31"),
        BoundsCase("1937-39", "1937-09-01", "1937-12-31"),
        BoundsCase("1937-40", "1937-01-01", "1937-06-30"),
        BoundsCase("1937-41", "1937-07-01", "1937-12-31"),
        // Level 2: significant digits (see the note above).
        BoundsCase("1950S2", "1900-01-01", "1999-12-31"),
        BoundsCase("1937S3", "1930-01-01", "1939-12-31"),
        BoundsCase("1937S4", "1937-01-01", "1937-12-31"),
        BoundsCase("-1950S2", "-1999-01-01", "-1900-12-31"),
        BoundsCase("Y171010000S3", "171000000-01-01", "171999999-12-31"),
        BoundsCase("Y3388E2S3", "338000-01-01", "338999-12-31"),
    ]

    @Test(arguments: EDTFTests.boundsCases)
    func bounds(_ row: BoundsCase) throws {
        let date = try EDTFDate.parse(row.input)
        #expect(date.lowerText ?? ".." == row.lower)
        #expect(date.upperText ?? ".." == row.upper)
        #expect(date.input == row.input)
        #expect(!date.isOldStyle)
        #expect(!date.reading.isEmpty)
        if let lower = date.lower, let upper = date.upper { #expect(lower <= upper) }
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.boundsCases.count >= 100)
        #expect(Set(Self.boundsCases.map(\.input)).count == Self.boundsCases.count)
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase("1937-02-29", "day 29 does not exist in February 1937"),
        InvalidCase("1900-02-29", "day 29 does not exist in February 1900"),
        InvalidCase("1937-02-30", "day 30 does not exist in February 1937"),
        InvalidCase("1936-02-30", "day 30 does not exist in February 1936"),
        InvalidCase("1937-04-31", "day 31 does not exist in April 1937"),
        InvalidCase("1937-06-31", "day 31 does not exist in June 1937"),
        InvalidCase("1937-09-31", "day 31 does not exist in September 1937"),
        InvalidCase("1937-11-31", "day 31 does not exist in November 1937"),
        InvalidCase("1937-01-32", "day 32 does not exist in January 1937"),
        InvalidCase("1937-11-00", "day 0 does not exist in November 1937"),
        InvalidCase("1937-13", "month 13 is not a month"),
        InvalidCase("1937-00", "month 00 is not a month"),
        InvalidCase("1937-20", "month 20 is not a month"),
        InvalidCase("1937-42", "month 42 is not a month"),
        InvalidCase("1937-2X", "month 2X is not a month"),
        InvalidCase("1937-13-01", "month 13 is not a month"),
        InvalidCase(" 1937", "whitespace is not allowed in EDTF"),
        InvalidCase("1937 ", "whitespace is not allowed in EDTF"),
        InvalidCase("1937-11 -05", "whitespace is not allowed in EDTF"),
        InvalidCase("[1937, 1938]", "whitespace is not allowed in EDTF"),
        InvalidCase("1937\n", "whitespace is not allowed in EDTF"),
        InvalidCase("1937\u{00A0}", "whitespace is not allowed in EDTF"),
        InvalidCase("", "the date is empty"),
        InvalidCase("193x", "unspecified digits are written with a capital X, not x"),
        InvalidCase("1937-xx", "unspecified digits are written with a capital X, not x"),
        InvalidCase("937", "the year must have four digits (0800, not 800)"),
        InvalidCase("37-11-05", "an EDTF date starts with its year, in four digits (year-month-day)"),
        InvalidCase("19370", "a year of more than four digits is written with Y"),
        InvalidCase("-0000", "-0000 is not a year: year zero (1 BC) is written 0000"),
        InvalidCase("Y1937", "Y is only for years of more than four digits: write 1937"),
        InvalidCase("Y1E3", "Y is only for years of more than four digits: write 1000"),
        InvalidCase("Y17000X", "a year written with Y cannot have unspecified digits (X)"),
        InvalidCase("Y012345", "a year written with Y has no leading zeros"),
        InvalidCase("Y9999999999999999", "the year is too large: dossier handles years of up to 15 digits"),
        InvalidCase("Y-1E20", "the year is too large: dossier handles years of up to 15 digits"),
        InvalidCase("Y12345-01", "a year written with Y has no month or day"),
        InvalidCase("1950S5", "S must be followed by the number of significant digits, 1 to 4"),
        InvalidCase("1950S2-01", "significant digits (S) apply to a year alone"),
        InvalidCase("195XS2", "significant digits (S) cannot be combined with X"),
        InvalidCase("1937-1", "the month must have two digits"),
        InvalidCase("1937-11-5", "the day must have two digits"),
        InvalidCase("1937-", "the month is missing after -"),
        InvalidCase("1937-21-05", "a season has no day"),
        InvalidCase("1937??", "two qualifiers in a row: write % for uncertain and approximate"),
        InvalidCase("1937-11-05T25:00:00", "hour 25 does not exist"),
        InvalidCase("1937-11-05T10:60:00", "minute 60 does not exist"),
        InvalidCase("1937-11-05T10:20", "the time must be written hh:mm:ss, e.g. 10:20:00"),
        InvalidCase("1937-11T10:20:00", "a time needs a complete date (year, month and day)"),
        InvalidCase("1937-11-05T10:20:00?", "a qualifier must stand next to a year, month or day"),
        InvalidCase("1937-11-05?T10:20:00", "a date with a time cannot be qualified with ?, ~ or %"),
        InvalidCase("1937-11-05t10:20:00", "\"t\" must be written in capitals (T)"),
        InvalidCase("1938/1937", "the interval ends (1937) before it starts (1938)"),
        InvalidCase("1937-12/1937-11", "the interval ends (1937-11) before it starts (1937-12)"),
        InvalidCase("1937/1938/1939", "an interval has exactly one /"),
        InvalidCase("../..", "an interval needs a date at one end at least"),
        InvalidCase("/", "an interval needs a date at one end at least"),
        InvalidCase("1937/[1938]", "an interval cannot have a set at either end"),
        InvalidCase("..1940", "an open end (..) belongs in an interval or a set"),
        InvalidCase("1937..1939", "\"..\" marks an open end, in an interval (1937/..) or a set ([..1940])"),
        InvalidCase("[]", "the set is empty"),
        InvalidCase("{}", "the list is empty"),
        InvalidCase("[1937,1938", "a set opened with [ must end with ]"),
        InvalidCase("{1937,1938]", "a list opened with { must end with }"),
        InvalidCase("[1937,,1938]", "a set or list has an empty member"),
        InvalidCase("[1937/1938]", "a set or list holds dates and ranges (a..b), not intervals or other sets"),
        InvalidCase("[1937..,1938]", "only the last member of a set or list can be open after (1937..)"),
        InvalidCase("[1937,..1938]", "only the first member of a set or list can be open before (..1938)"),
        InvalidCase("[1939..1937]", "the range 1939..1937 runs backwards"),
        InvalidCase("foo", "\"foo\" is not an EDTF date: a date starts with its year"),
        InvalidCase("1937a", "unexpected \"a\" after \"1937\""),
        InvalidCase("19３７", "only ASCII digits and the EDTF signs may appear in a date"),
        InvalidCase("OS:1917", "the Old Style prefix is written in lower case: os:"),
        InvalidCase("os:", "os: must be followed by a date"),
    ]

    @Test(arguments: EDTFTests.invalidCases)
    func invalid(_ row: InvalidCase) {
        do {
            let date = try EDTFDate.parse(row.input)
            Issue.record("\(row.input) was accepted as \(date.edtf)")
        } catch let error as EDTFError {
            #expect(error.problem == row.problem)
            #expect(error.input == row.input)
            #expect(error.description.contains(error.problem))
            #expect(error.description.contains(error.example))
            // Every example offered must itself be valid.
            for example in Self.alternatives(error.example) {
                #expect((try? EDTFDate.parse(example)) != nil, "example \(example) for \(row.input)")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// "1937-11-05, 1937-11 or 1937" → the three examples.
    static func alternatives(_ example: String) -> [String] {
        example.replacingOccurrences(of: " or ", with: ", ").components(separatedBy: ", ")
    }

    @Test(arguments: [
        TextCase("1937-02-29", "1937-02-28"),
        TextCase("1937-04-31", "1937-04-30"),
        TextCase("1937-13", "1937-12"),
        TextCase(" 1937-11-05", "1937-11-05"),
        TextCase("193x", "193X"),
        TextCase("937", "0937"),
        TextCase("19370", "Y19370"),
        TextCase("1938/1937", "1937/1938"),
        TextCase("os:1917-02-29", "os:1917-02-28"),
    ])
    func examples(_ row: TextCase) {
        #expect(throws: EDTFError.self) { try EDTFDate.parse(row.input) }
        do {
            _ = try EDTFDate.parse(row.input)
        } catch let error as EDTFError {
            #expect(error.example == row.expected)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func errorDescription() {
        let error = EDTFError(input: "1937-02-29", problem: "day 29 does not exist in February 1937", example: "1937-02-28")
        #expect(error.description == "day 29 does not exist in February 1937 (expected EDTF, e.g. 1937-02-28)")
    }

    // MARK: Old Style

    static let oldStyleCases: [BoundsCase] = [
        BoundsCase("os:1917-10-25", "1917-11-07", "1917-11-07"),
        BoundsCase("os:1918-01-31", "1918-02-13", "1918-02-13"),
        BoundsCase("os:1900-02-29", "1900-03-13", "1900-03-13"),
        BoundsCase("os:1582-10-05", "1582-10-15", "1582-10-15"),
        BoundsCase("os:1799-12-31", "1800-01-11", "1800-01-11"),
        BoundsCase("os:1917", "1917-01-14", "1918-01-13"),
        BoundsCase("os:1917-10", "1917-10-14", "1917-11-13"),
        BoundsCase("os:1917-02", "1917-02-14", "1917-03-13"),
        BoundsCase("os:1916-02", "1916-02-14", "1916-03-13"),
        BoundsCase("os:1917-10-XX", "1917-10-14", "1917-11-13"),
        BoundsCase("os:190X", "1900-01-13", "1910-01-13"),
        BoundsCase("os:1917-10-25?", "1917-11-07", "1917-11-07"),
        BoundsCase("os:1917-02/1917-10", "1917-02-14", "1917-11-13"),
        BoundsCase("os:../1917-10-25", "..", "1917-11-07"),
        BoundsCase("os:1917/..", "1917-01-14", ".."),
        BoundsCase("os:[1905,1917]", "1905-01-14", "1918-01-13"),
        BoundsCase("os:1917-21", "1917-03-14", "1917-06-13"),
        BoundsCase("os:0001-01-01", "0000-12-30", "0000-12-30"),
        BoundsCase("os:-0044-03-15", "-0044-03-13", "-0044-03-13"),
    ]

    @Test(arguments: EDTFTests.oldStyleCases)
    func oldStyle(_ row: BoundsCase) throws {
        let date = try EDTFDate.parse(row.input)
        #expect(date.isOldStyle)
        #expect(date.input == row.input)
        #expect(date.edtf == String(row.input.dropFirst(3)))
        #expect(date.lowerText ?? ".." == row.lower)
        #expect(date.upperText ?? ".." == row.upper)
        #expect(date.reading.hasSuffix(" (Old Style)"))
    }

    /// An Old Style input, the problem and the example offered.
    struct OldStyleInvalidCase: Sendable, CustomTestStringConvertible {
        let input: String
        let problem: String
        let example: String
        var testDescription: String { input }
    }

    static let afterSwitch = "Old Style (os:) is only for dates up to 1918-01-31, the last day of the Julian calendar in Russia; "

    @Test(arguments: [
        OldStyleInvalidCase(input: "os:1918-02-01", problem: EDTFTests.afterSwitch + "1918-02-01 runs later", example: "os:1917-10-25"),
        OldStyleInvalidCase(input: "os:1918", problem: EDTFTests.afterSwitch + "1918 runs later", example: "os:1917-10-25"),
        // 191X spans 1910-1919, past the switch.
        OldStyleInvalidCase(input: "os:191X", problem: EDTFTests.afterSwitch + "191X runs later", example: "os:1917-10-25"),
        OldStyleInvalidCase(input: "os:1937-11-05", problem: EDTFTests.afterSwitch + "1937-11-05 runs later", example: "os:1917-10-25"),
        OldStyleInvalidCase(input: "os:1917/1920", problem: EDTFTests.afterSwitch + "1917/1920 runs later", example: "os:1917-10-25"),
        // Winter 1917 ends in February 1918.
        OldStyleInvalidCase(input: "os:1917-24", problem: EDTFTests.afterSwitch + "1917-24 runs later", example: "os:1917-10-25"),
        OldStyleInvalidCase(input: "os:1917-02-29", problem: "day 29 does not exist in February 1917 (Old Style)", example: "os:1917-02-28"),
        OldStyleInvalidCase(input: "os:1917-04-31", problem: "day 31 does not exist in April 1917 (Old Style)", example: "os:1917-04-30"),
        OldStyleInvalidCase(input: "os:-0001-02-29", problem: "day 29 does not exist in February -0001 (Old Style)", example: "os:-0001-02-28"),
    ])
    func oldStyleInvalid(_ row: OldStyleInvalidCase) {
        #expect(throws: EDTFError(input: row.input, problem: row.problem, example: row.example)) {
            try EDTFDate.parse(row.input)
        }
    }

    @Test func oldStyleLimit() throws {
        #expect(DayNumber.string(EDTFDate.lastOldStyleDay) == "1918-02-13")
        let last = try EDTFDate.parse("os:1918-01-31")
        let first = try EDTFDate.parse("1918-02-14")
        #expect(try #require(first.lower) - (try #require(last.upper)) == 1)
        // The same day, written both ways, gives the same bounds.
        let revolution = try EDTFDate.parse("os:1917-10-25")
        let gregorian = try EDTFDate.parse("1917-11-07")
        #expect(revolution.lower == gregorian.lower && revolution.upper == gregorian.upper)
        #expect(revolution.edtf == "1917-10-25")
        #expect(revolution.reading == "25 October 1917 (Old Style)")
    }

    @Test func julianCalendar() {
        #expect(DayNumber.isJulianLeap(1900))
        #expect(!DayNumber.isLeap(1900))
        #expect(DayNumber.isLeap(2000) && DayNumber.isJulianLeap(2000))
        #expect(DayNumber.isJulianLeap(0) && DayNumber.isJulianLeap(-4) && !DayNumber.isJulianLeap(-1))
        #expect(DayNumber.daysIn(month: 2, year: 1900, julian: true) == 29)
        #expect(DayNumber.daysIn(month: 2, year: 1900) == 28)
        // The difference between the calendars grows by a day each century not
        // divisible by 400: 10 days in 1582, 12 in the 19th century, 13 in the 20th.
        #expect(DayNumber.fromJulian(year: 1582, month: 10, day: 5) == DayNumber.from(year: 1582, month: 10, day: 15))
        #expect(DayNumber.fromJulian(year: 1850, month: 1, day: 1) == DayNumber.from(year: 1850, month: 1, day: 13))
        #expect(DayNumber.fromJulian(year: 1917, month: 10, day: 25) == DayNumber.from(year: 1917, month: 11, day: 7))
        #expect(DayNumber.fromJulian(year: 1900, month: 2, day: 29) + 1 == DayNumber.fromJulian(year: 1900, month: 3, day: 1))
        // Consecutive Julian days have consecutive day numbers, across the years.
        var previous = DayNumber.fromJulian(year: -10, month: 1, day: 1) - 1
        for year in -10...30 {
            for month in 1...12 {
                for day in 1...DayNumber.daysIn(month: month, year: year, julian: true) {
                    let number = DayNumber.fromJulian(year: year, month: month, day: day)
                    #expect(number == previous + 1)
                    previous = number
                }
            }
        }
    }

    // MARK: Readings and normalised forms

    @Test(arguments: [
        TextCase("1937", "1937"),
        TextCase("1937-11", "November 1937"),
        TextCase("1937-11-05", "5 November 1937"),
        TextCase("1937-11-05T10:20:00Z", "5 November 1937 at 10:20:00 UTC"),
        TextCase("1937-11-05T10:20:00+03:00", "5 November 1937 at 10:20:00 (UTC+03:00)"),
        TextCase("1937-11-05T10:20:00", "5 November 1937 at 10:20:00"),
        TextCase("1937-11-XX", "some day in November 1937"),
        TextCase("1937-XX", "some month in 1937"),
        TextCase("1937-XX-XX", "some day in 1937"),
        TextCase("193X", "some year in the 1930s"),
        TextCase("19XX", "some year from 1900 to 1999"),
        TextCase("193X-XX", "some month in the 1930s"),
        TextCase("156X-12-25", "some date matching 156X-12-25 (between 25 December 1560 and 25 December 1569)"),
        TextCase("[1937,1938]", "1937 or 1938"),
        TextCase("[1937,1938,1939]", "1937, 1938 or 1939"),
        TextCase("{1937,1938}", "1937 and 1938"),
        TextCase("[..1940]", "before or in 1940"),
        TextCase("[..1940-11-05]", "on or before 5 November 1940"),
        TextCase("[1760-12..]", "in or after December 1760"),
        TextCase("[1667,1670..1672]", "1667 or 1670 to 1672"),
        TextCase("1937/..", "from 1937 to an open end"),
        TextCase("../1940", "from an open start to 1940"),
        TextCase("1937/", "from 1937 to an unknown end"),
        TextCase("/1940", "from an unknown start to 1940"),
        TextCase("1937/1938", "from 1937 to 1938"),
        TextCase("1937?/1938~", "from 1937 (uncertain) to approximately 1938"),
        TextCase("1938?", "uncertain: 1938"),
        TextCase("1937~", "approximately 1937"),
        TextCase("1937%", "uncertain: approximately 1937"),
        TextCase("1937-11-05?", "uncertain: 5 November 1937"),
        TextCase("?1937-11-05", "5 November 1937 (year uncertain)"),
        TextCase("1937-?11-05", "5 November 1937 (month uncertain)"),
        TextCase("1937~-11", "November 1937 (year approximate)"),
        TextCase("2004?-~06-~04", "4 June 2004 (year uncertain; month and day approximate)"),
        TextCase("1937-11%-05", "5 November 1937 (year and month uncertain and approximate)"),
        TextCase("1937-21", "spring 1937"),
        TextCase("1937-22", "summer 1937"),
        TextCase("1937-23", "autumn 1937"),
        TextCase("1937-24", "winter 1937 (December 1937 to February 1938)"),
        TextCase("1937-33", "the first quarter of 1937"),
        TextCase("1937-41", "the second half of 1937"),
        TextCase("-0044", "45 BC"),
        TextCase("-0044-03-15", "15 March 45 BC"),
        TextCase("0000", "1 BC"),
        TextCase("Y170000002", "the year 170000002"),
        TextCase("1950S2", "some year from 1900 to 1999 (estimated 1950)"),
        TextCase("1950S4", "1950"),
        TextCase("os:1917-10-25", "25 October 1917 (Old Style)"),
        TextCase("os:1917-02/1917-10", "from February 1917 to October 1917 (Old Style)"),
    ])
    func reading(_ row: TextCase) throws {
        #expect(try EDTFDate.parse(row.input).reading == row.expected)
    }

    @Test(arguments: [
        TextCase("1937", "1937"),
        TextCase("?1937", "1937?"),
        TextCase("1937?-11?", "1937-11?"),
        TextCase("?1937-?11-?05", "1937-11-05?"),
        TextCase("~1937-11~", "1937-11~"),
        TextCase("1937?-~11", "1937?-~11"),
        TextCase("?1937-11-05", "1937?-11-05"),
        TextCase("1937?-11-05", "1937?-11-05"),
        TextCase("1937-?11-05", "1937-?11-05"),
        TextCase("?1937-?11-05", "1937-11?-05"),
        TextCase("1937?-11?-05", "1937-11?-05"),
        TextCase("2004?-~06-~04", "2004?-~06-~04"),
        TextCase("2004%-~06", "2004?-06~"),
        TextCase("?2004-06~", "2004?-06~"),
        TextCase("1950S4", "1950S4"),
        TextCase("os:1917-10-25", "1917-10-25"),
        TextCase("1937/", "1937/"),
        TextCase("/1940", "/1940"),
        TextCase("../1940", "../1940"),
        TextCase("[?1937,1938]", "[1937?,1938]"),
        TextCase("?1937/1938", "1937?/1938"),
        TextCase("Y-17E7", "Y-17E7"),
        TextCase("1937-11-05T10:20:00Z", "1937-11-05T10:20:00Z"),
    ])
    func normalised(_ row: TextCase) throws {
        #expect(try EDTFDate.parse(row.input).edtf == row.expected)
    }

    // MARK: Day numbers and ranges

    @Test func dayNumbers() {
        #expect(DayNumber.from(year: 1970, month: 1, day: 1) == 0)
        #expect(DayNumber.string(0) == "1970-01-01")
        #expect(DayNumber.string(-1) == "1969-12-31")
        #expect(DayNumber.parse("1937-11-05") == DayNumber.from(year: 1937, month: 11, day: 5))
        #expect(DayNumber.parse("-0044-03-15") == DayNumber.from(year: -44, month: 3, day: 15))
        #expect(DayNumber.parse("1937-02-29") == nil)
        #expect(DayNumber.parse("1937-11") == nil)
        #expect(DayNumber.parse("19X7-11-05") == nil)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, day) = DayNumber.civil(days)
            #expect(DayNumber.from(year: year, month: month, day: day) == days)
            #expect(DayNumber.parse(DayNumber.string(days)) == days)
        }
        let far = DayNumber.from(year: 999_999_999_999_999, month: 12, day: 31)
        #expect(DayNumber.string(far) == "999999999999999-12-31")
    }

    @Test func overlapAndWithin() throws {
        let thirties = try EDTFDate.parse("193X")
        let november = try EDTFDate.parse("1937-11")
        let forties = try EDTFDate.parse("194X")
        let upTo1940 = try EDTFDate.parse("../1940")
        #expect(thirties.overlaps(november) && november.overlaps(thirties))
        #expect(!thirties.overlaps(forties))
        #expect(upTo1940.overlaps(thirties) && upTo1940.overlaps(forties))
        #expect(november.isWithin(thirties))
        #expect(!thirties.isWithin(november))
        #expect(thirties.isWithin(upTo1940))
        #expect(!upTo1940.isWithin(thirties))
        #expect(!forties.isWithin(upTo1940))
    }

    // MARK: Property: random valid dates

    /// SplitMix64: a small seeded generator, so that failures can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Writes random valid EDTF values, following the grammar.
    struct DateWriter {
        var random: SeededGenerator
        /// Old Style: Julian calendar, years before 1918.
        var julian = false

        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }

        mutating func qualifier() -> String { pick(["?", "~", "%"]) }

        /// A year, month and day with their written text.
        mutating func single() -> String {
            let latest = julian ? 1916 : 2100
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<5 where !julian:
                let digits = String(Int.random(in: 10_000...999_999_999, using: &random))
                return "Y" + (chance(30) ? "-" : "") + digits + (chance(20) ? "S\(Int.random(in: 1...digits.count, using: &random))" : "")
            case 5..<8 where !julian:
                return "Y" + (chance(30) ? "-" : "") + "\(Int.random(in: 1...99, using: &random))E\(Int.random(in: 4...9, using: &random))"
            case 8..<11 where !julian:
                return pad(Int.random(in: 0...latest, using: &random), 4) + "S\(Int.random(in: 1...4, using: &random))" + (chance(20) ? qualifier() : "")
            default:
                break
            }
            let negative = chance(5)
            let year = negative ? -Int.random(in: 1...9999, using: &random) : Int.random(in: 0...latest, using: &random)
            var yearText = (negative ? "-" : "") + pad(abs(year), 4)
            let unspecifiedYear = chance(12)
            if unspecifiedYear {
                // Replace one or two digits by X (never the millennium when Old Style).
                var characters = Array(yearText)
                let start = characters.count - 4
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    characters[Int.random(in: (start + (julian ? 2 : 0))..<characters.count, using: &random)] = "X"
                }
                if negative && characters.dropFirst().allSatisfy({ $0 == "0" || $0 == "X" }) { characters[characters.count - 1] = "1" }
                yearText = String(characters)
                if julian && yearText.hasPrefix("19") { yearText = "18" + yearText.dropFirst(2) }
            }
            var parts = [yearText]
            var lastMonth = 12
            if chance(70) {
                if chance(15) {
                    parts.append(String(Int.random(in: 21...(julian ? 23 : 41), using: &random)))
                    return qualify(parts, allowPartial: false)
                }
                let month = Int.random(in: 1...12, using: &random)
                lastMonth = month
                parts.append(chance(10) ? pick(["XX", "1X", "0X"]) : pad(month, 2))
                if chance(60) {
                    let monthKnown = !parts[1].contains("X")
                    let limit = monthKnown && !unspecifiedYear
                        ? DayNumber.daysIn(month: lastMonth, year: year, julian: julian) : 28
                    let day = Int.random(in: 1...limit, using: &random)
                    parts.append(chance(10) ? pick(["XX", "1X", "0X"]) : pad(day, 2))
                    if !julian && !parts.joined().contains("X") && chance(10) {
                        let zone = pick(["Z", "", "+03:00", "-04", "+05:30"])
                        return parts.joined(separator: "-") + "T\(pad(Int.random(in: 0...23, using: &random), 2)):\(pad(Int.random(in: 0...59, using: &random), 2)):\(pad(Int.random(in: 0...59, using: &random), 2))" + zone
                    }
                }
            }
            return qualify(parts, allowPartial: true)
        }

        mutating func qualify(_ parts: [String], allowPartial: Bool) -> String {
            if chance(20) { return parts.joined(separator: "-") + qualifier() }
            if allowPartial && chance(15) {
                return parts.map { part in
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: return qualifier() + part
                    case 1: return part + qualifier()
                    default: return part
                    }
                }.joined(separator: "-")
            }
            return parts.joined(separator: "-")
        }

        /// A whole value: a date, an interval, a set or a list.
        mutating func value() -> String {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...4:
                return single()
            case 5...7:
                let (a, b) = ordered(single(), single())
                switch Int.random(in: 0..<6, using: &random) {
                case 0: return "\(a)/.."
                case 1: return "../\(b)"
                case 2: return "\(a)/"
                case 3: return "/\(b)"
                default: return "\(a)/\(b)"
                }
            default:
                var members: [String] = []
                let count = Int.random(in: 1...4, using: &random)
                for index in 0..<count {
                    if index == 0 && chance(20) {
                        members.append(".." + single())
                    } else if index == count - 1 && count > 1 && chance(20) {
                        members.append(single() + "..")
                    } else if chance(25) {
                        let (a, b) = ordered(single(), single())
                        members.append("\(a)..\(b)")
                    } else {
                        members.append(single())
                    }
                }
                let list = members.joined(separator: ",")
                return chance(60) ? "[\(list)]" : "{\(list)}"
            }
        }

        /// Two dates, the earlier first.
        func ordered(_ a: String, _ b: String) -> (String, String) {
            let prefix = julian ? "os:" : ""
            guard let x = try? EDTFDate.parse(prefix + a), let y = try? EDTFDate.parse(prefix + b),
                  let xLower = x.lower, let yUpper = y.upper else { return (a, b) }
            return xLower <= yUpper ? (a, b) : (b, a)
        }
    }

    @Test(arguments: [UInt64(1), 1937, 20_251_105])
    func randomValuesRoundTrip(seed: UInt64) throws {
        var writer = DateWriter(random: SeededGenerator(state: seed))
        for index in 0..<1500 {
            writer.julian = index % 5 == 0
            let prefix = writer.julian ? "os:" : ""
            let text = prefix + writer.value()
            let date: EDTFDate
            do {
                date = try EDTFDate.parse(text)
            } catch {
                Issue.record("seed \(seed), value \(index): \(text) rejected: \(error)")
                continue
            }
            if let lower = date.lower, let upper = date.upper {
                #expect(lower <= upper, "\(text)")
            }
            #expect(date.isOldStyle == writer.julian)
            #expect(!date.reading.isEmpty)
            let again = try EDTFDate.parse(prefix + date.edtf)
            #expect(again.lower == date.lower, "\(text) → \(date.edtf)")
            #expect(again.upper == date.upper, "\(text) → \(date.edtf)")
            #expect(again.edtf == date.edtf, "\(text) → \(date.edtf)")
            #expect(again.reading == date.reading, "\(text) → \(date.edtf)")
            // The bounds, written as dates, parse back to themselves.
            for bound in [date.lower, date.upper].compactMap({ $0 }) where abs(DayNumber.civil(bound).year) <= 9999 {
                let day = try EDTFDate.parse(DayNumber.string(bound))
                #expect(day.lower == bound && day.upper == bound, "\(text)")
            }
        }
    }

    /// Every day of a few years parses to itself, and the days of a month fill
    /// the month's bounds exactly.
    @Test func everyDay() throws {
        for year in [1900, 1937, 2000, 2024] {
            let whole = try EDTFDate.parse(String(year))
            var count = 0
            for month in 1...12 {
                let monthText = "\(year)-" + (month < 10 ? "0" : "") + String(month)
                let monthDate = try EDTFDate.parse(monthText)
                for day in 1...31 {
                    let text = monthText + "-" + (day < 10 ? "0" : "") + String(day)
                    if day <= DayNumber.daysIn(month: month, year: year) {
                        let date = try EDTFDate.parse(text)
                        #expect(date.lower == date.upper)
                        #expect(DayNumber.string(try #require(date.lower)) == text)
                        count += 1
                        if day == 1 { #expect(date.lower == monthDate.lower) }
                        if day == DayNumber.daysIn(month: month, year: year) { #expect(date.upper == monthDate.upper) }
                    } else {
                        #expect(throws: EDTFError.self) { try EDTFDate.parse(text) }
                    }
                }
            }
            #expect(try #require(whole.upper) - (try #require(whole.lower)) + 1 == count)
        }
    }
}
