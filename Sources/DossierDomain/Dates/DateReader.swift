import Foundation

/// A date as the reader took it: the EDTF to store and its bounds.
public struct DateReading: Sendable, Equatable {
    /// The text as given.
    public let input: String
    /// The EDTF to store, with `os:` when Old Style. For EDTF input, the
    /// text as given.
    public let stored: String
    /// The stored value parsed: bounds and reading.
    public let date: EDTFDate
    /// True when the text was EDTF as given; false when it was a form the
    /// reader turned into EDTF (`14.08.1937` → `1937-08-14`).
    public let wasEDTF: Bool
}

/// The one reader of dates for everything a user or a file hands in: CSV
/// cells, JSON Lines and editor documents, `--from`/`--to`, `dossier date`.
///
/// It takes EDTF as given and also the forms sources and spreadsheets write:
/// `14.08.1937` → `1937-08-14`, `5.XI.1937` → `1937-11-05`,
/// `14 августа 1937 г.` → `1937-08-14`, `август 1937` / `в августе 1937` →
/// `1937-08`, `08.1937` → `1937-08`, `March 1937` → `1937-03`,
/// `5 March 1937` and `March 5, 1937` → `1937-03-05`, `1937-1938` →
/// `1937/1938`, `1930-е` → `193X`, `ок. 1900` → `1900~`, `1900 (?)` →
/// `1900?`, `1904 или 1906` → `[1904,1906]`, `(ст. ст.)` → `os:`.
/// The Russian forms are the Memorial note reader's (`NoteDates`), so that a
/// note and a spreadsheet cell read a date alike.
///
/// A two-digit year (`14.8.37`) is refused: the reader does not guess the
/// century (1837 or 1937), and says so.
///
/// An error never suggests an example that means another date: `14.08.1937`
/// is not told to write the year 0014.
public enum DateReader {
    /// What the reader's errors say was expected.
    public static let expected = "EDTF or a date as sources write it"

    /// `import --strict-dates`: set for the length of an import, so that
    /// the record documents read deep inside it take EDTF only.
    @TaskLocal public static var strictDates = false

    /// Reads `text`. With `strict`, only EDTF is taken, and a form the
    /// reader would have taken is refused with its EDTF as the example.
    public static func read(_ text: String, strict: Bool = DateReader.strictDates) throws(EDTFError) -> DateReading {
        let edtfError: EDTFError
        do {
            return DateReading(input: text, stored: text, date: try EDTFDate.parse(text), wasEDTF: true)
        } catch let error as EDTFError {
            edtfError = error
        } catch {
            edtfError = EDTFError(input: text, problem: "\(error)", example: EDTFParser.genericExample)
        }
        switch sourceForm(text) {
        case nil:
            throw edtfError
        case .invalid(let problem, let example)?:
            throw EDTFError(input: text, problem: problem, example: example, expected: strict ? "EDTF" : expected)
        case .date(let stored)?:
            let date: EDTFDate
            do { date = try EDTFDate.parse(stored) } catch { throw edtfError }
            if strict {
                throw EDTFError(input: text, problem: "\"\(text)\" is not EDTF, and --strict-dates takes EDTF only",
                                example: stored)
            }
            return DateReading(input: text, stored: stored, date: date, wasEDTF: false)
        }
    }

    /// What a form other than EDTF gave.
    enum Form: Equatable {
        /// The EDTF it means (with `os:` when Old Style).
        case date(String)
        /// A form the reader knows, but no date: why, and a safe example.
        case invalid(String, example: String)
    }

    /// The longest text read as a form sources write, in bytes: 80
    /// characters of up to four bytes, and spaces around them.
    static let maxSourceFormBytes = 400

    /// Reads the forms sources write; nil when the text is none of them.
    static func sourceForm(_ text: String) -> Form? {
        WorkCounter.add(text.utf8.count)
        // Bytes first: a megabyte of text is not counted character by character.
        guard text.utf8.count <= maxSourceFormBytes else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 80 else { return nil }
        if let english = english(trimmed) { return english }
        let tokens = NoteTokens(trimmed)
        WorkCounter.add(tokens.count)
        guard tokens.count > 0 else { return nil }
        if let refusal = numericRefusal(tokens) { return refusal }
        var start = 0
        // `в августе 1937`
        if tokens.count > 1, tokens[0].isWord, tokens[0].lower == "в" { start = 1 }
        switch NoteDates.match(tokens, at: start, end: tokens.count) {
        case .date(let date)? where date.last == tokens.count - 1:
            return .date(date.edtf)
        case .invalid(_, let last, let problem)? where last == tokens.count - 1:
            return .invalid(problem, example: "31.01.1937 or 1937-01-31")
        default:
            return nil
        }
    }

    /// `14.8.37`, `5.XI.37 г.`, `14/08/37`: refused, naming both
    /// centuries; `14/08/1937`: refused, since a slash puts the day or the
    /// month first, as the country writes it.
    static func numericRefusal(_ t: NoteTokens) -> Form? {
        guard t.count >= 5, t[0].isNumber, (1...2).contains(t[0].text.count),
              t[1].isPunct(".") || t[1].isPunct("/"), t[3].text == t[1].text,
              (t[2].isNumber && (1...2).contains(t[2].text.count)) || NoteDates.roman(t[2]) != nil,
              t[4].isNumber, (1...4).allSatisfy({ !t[$0].spaceBefore })
        else { return nil }
        let rest = t.count == 5 || (t.count <= 7 && t[5].isWord && ["г", "года"].contains(t[5].lower))
        guard rest else { return nil }
        let head = t.text(0, 3)
        let year = t[4].text
        if year.count == 2 {
            return .invalid("the year \(year) has two digits, and dossier does not guess its century: write it in full",
                            example: "\(head)18\(year) or \(head)19\(year), as the source means")
        }
        if t[1].isPunct("/"), year.count == 4 {
            return .invalid("a date written with / may put the day or the month first: write the year first, or dd.mm.yyyy",
                            example: "\(year)-MM-DD (year, month, day)")
        }
        return nil
    }

    static let englishMonths: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        var months: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        months["sept"] = 9
        return months
    }()

    /// `March 1937`, `Mar. 1937`, `5 March 1937`, `March 5, 1937`.
    static func english(_ text: String) -> Form? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
            .map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
        func month(_ word: Substring) -> Int? { englishMonths[String(word)] }
        func number(_ word: Substring, digits: ClosedRange<Int>) -> Int? {
            digits.contains(word.count) && word.allSatisfy(\.isASCIIDigit) ? Int(word) : nil
        }
        var parts: (year: Int, month: Int, day: Int?)?
        switch words.count {
        case 2:
            if let m = month(words[0]), let y = number(words[1], digits: 4...4) { parts = (y, m, nil) }
        case 3:
            if let d = number(words[0], digits: 1...2), let m = month(words[1]), let y = number(words[2], digits: 4...4) {
                parts = (y, m, d)
            } else if let m = month(words[0]), let d = number(words[1], digits: 1...2), let y = number(words[2], digits: 4...4) {
                parts = (y, m, d)
            }
        default:
            break
        }
        guard let parts else { return nil }
        var edtf = DayNumber.pad(parts.year, 4) + "-" + DayNumber.pad(parts.month, 2)
        if let day = parts.day { edtf += "-" + DayNumber.pad(day, 2) }
        do { _ = try EDTFDate.parse(edtf) } catch let error as EDTFError {
            return .invalid("\"\(text)\" is not a date: \(error.problem)", example: "March 31, 1937 or 1937-03-31")
        } catch {
            return nil
        }
        return .date(edtf)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
