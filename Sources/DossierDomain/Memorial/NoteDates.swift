import Foundation

/// A date found in a note: its EDTF form and the tokens it was written in.
package struct NoteDate: Sendable, Equatable {
    package var edtf: String
    /// Token indices, inclusive.
    package var first: Int
    package var last: Int
}

/// What reading a date at a position gave.
package enum NoteDateResult: Sendable, Equatable {
    case date(NoteDate)
    /// Looks like a date but is none (`31.02.1937`): the tokens and why.
    case invalid(first: Int, last: Int, problem: String)
}

/// Reads dates as the notes write them and gives EDTF:
/// `14.08.1937` → `1937-08-14`, `14.08.37` → `1937-08-14`,
/// `22 декабря 1935 г.` → `1935-12-22`, `в августе 1937` → `1937-08`,
/// `08.1937` → `1937-08`, `1937`, `1937 г.` → `1937`,
/// `1904 или 1906` → `[1904,1906]`, `1937-1938 гг.` → `1937/1938`,
/// `1930-е` → `193X`, `ок. 1900` → `1900~`, `1900 (?)` → `1900?`, and a date
/// marked Old Style (`(ст. ст.)`, `по ст. ст.`, `по старому стилю`) →
/// `os:1899-03-12`.
package enum NoteDates {
    package static let monthsGenitive: [String: Int] = [
        "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
        "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    ]
    package static let monthsOther: [String: Int] = [
        "январь": 1, "январе": 1, "февраль": 2, "феврале": 2, "март": 3, "марте": 3, "апрель": 4, "апреле": 4,
        "май": 5, "мае": 5, "июнь": 6, "июне": 6, "июль": 7, "июле": 7, "август": 8, "августе": 8,
        "сентябрь": 9, "сентябре": 9, "октябрь": 10, "октябре": 10, "ноябрь": 11, "ноябре": 11,
        "декабрь": 12, "декабре": 12,
    ]
    /// `янв.`, `фев.`, … (with the period).
    package static let monthsShort: [String: Int] = [
        "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "сент": 9,
        "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
    ]
    package static let years = 1700...2100

    /// The first date among tokens `range`.
    package static func first(_ t: NoteTokens, in range: Range<Int>) -> NoteDateResult? {
        var index = range.lowerBound
        while index < range.upperBound {
            if let result = match(t, at: index, end: range.upperBound) { return result }
            index += 1
        }
        return nil
    }

    /// A date starting exactly at token `start` and ending before `end`.
    package static func match(_ t: NoteTokens, at start: Int, end: Int) -> NoteDateResult? {
        func word(_ i: Int) -> String? { i < end && t[i].isWord ? t[i].lower : nil }
        func punct(_ i: Int, _ marks: Set<String>) -> Bool { i < end && t[i].kind == .punct && marks.contains(t[i].text) }
        func number(_ i: Int, digits: ClosedRange<Int>) -> Int? {
            guard i < end, let value = t[i].numberValue, digits.contains(t[i].text.count) else { return nil }
            return value
        }
        // A number must not continue a longer figure (`58-10.1937` is no date).
        if start > 0, t[start].isNumber, t[start - 1].isPunct(".") || t[start - 1].isPunct("-"),
           start > 1, t[start - 2].isNumber, !t[start].spaceBefore {
            return nil
        }
        var i = start
        var approximate = false
        if let w = word(i), ["около", "примерно", "приблизительно"].contains(w) {
            approximate = true
            i += 1
        } else if word(i) == "ок", punct(i + 1, ["."]) {
            approximate = true
            i += 2
        }
        var edtf: String
        var last: Int
        if let day = number(i, digits: 1...2), punct(i + 1, ["."]), let month = number(i + 2, digits: 1...2),
           punct(i + 3, ["."]), let year = number(i + 4, digits: 2...4), t[i + 4].text.count != 3,
           !t[i + 1].spaceBefore, !t[i + 2].spaceBefore, !t[i + 3].spaceBefore, !t[i + 4].spaceBefore {
            let fullYear = year < 100 ? 1900 + year : year
            guard years.contains(fullYear) else { return nil }
            edtf = String(format: "%04d-%02d-%02d", fullYear, month, day)
            last = i + 4
        } else if let day = number(i, digits: 1...2), punct(i + 1, ["."]), i + 2 < end, let month = roman(t[i + 2]),
                  punct(i + 3, ["."]), let year = number(i + 4, digits: 4...4), years.contains(year) {
            // `5.XI.1937`
            edtf = String(format: "%04d-%02d-%02d", year, month, day)
            last = i + 4
        } else if let day = number(i, digits: 1...2), let (month, monthLast) = monthName(t, i + 1, end, genitive: true),
                  let year = number(monthLast + 1, digits: 4...4), years.contains(year) {
            edtf = String(format: "%04d-%02d-%02d", year, month, day)
            last = monthLast + 1
        } else if let month = number(i, digits: 1...2), (1...12).contains(month), punct(i + 1, ["."]),
                  let year = number(i + 2, digits: 4...4), years.contains(year),
                  !t[i + 1].spaceBefore, !t[i + 2].spaceBefore {
            edtf = String(format: "%04d-%02d", year, month)
            last = i + 2
        } else if let (month, monthLast) = monthName(t, i, end, genitive: false),
                  let year = number(monthLast + 1, digits: 4...4), years.contains(year) {
            edtf = String(format: "%04d-%02d", year, month)
            last = monthLast + 1
        } else if let year = number(i, digits: 4...4), years.contains(year) {
            edtf = String(year)
            last = i
            if word(i + 1) == "или", let other = number(i + 2, digits: 4...4), years.contains(other), other != year {
                edtf = "[\(min(year, other)),\(max(year, other))]"
                last = i + 2
            } else if punct(i + 1, ["-", "–", "—"]), let other = number(i + 2, digits: 4...4), years.contains(other), other > year {
                edtf = "\(year)/\(other)"
                last = i + 2
            } else if punct(i + 1, ["-", "–"]), word(i + 2) == "е", year % 10 == 0, !t[i + 2].spaceBefore {
                edtf = String(year / 10) + "X"
                last = i + 2
            }
        } else {
            return nil
        }
        // Suffixes: г. / гг. / года / году / годах.
        if word(last + 1) == "г" || word(last + 1) == "гг" {
            // `г.Москва` (no space) is a town, not the year's `г.`.
            let dot = punct(last + 2, ["."])
            let town = dot && last + 3 < end && t[last + 3].isCapitalized && !t[last + 3].spaceBefore
            if !town { last += dot ? 2 : 1 }
        } else if let w = word(last + 1), ["года", "году", "годах", "годов"].contains(w) {
            last += 1
        }
        var oldStyle = false
        if punct(last + 1, ["("]), word(last + 2) == "ст", punct(last + 3, ["."]), word(last + 4) == "ст",
           punct(last + 5, ["."]), punct(last + 6, [")"]) {
            oldStyle = true
            last += 6
        } else if word(last + 1) == "по", word(last + 2) == "ст", punct(last + 3, ["."]), word(last + 4) == "ст",
                  punct(last + 5, ["."]) {
            oldStyle = true
            last += 5
        } else if word(last + 1) == "по", word(last + 2) == "старому", word(last + 3) == "стилю" {
            oldStyle = true
            last += 3
        }
        if punct(last + 1, ["("]), punct(last + 2, ["?"]), punct(last + 3, [")"]) {
            edtf += "?"
            last += 3
        } else if punct(last + 1, ["?"]), !t[last + 1].spaceBefore {
            edtf += "?"
            last += 1
        }
        if approximate { edtf += "~" }
        if oldStyle { edtf = EDTFDate.oldStylePrefix + edtf }
        do {
            _ = try EDTFDate.parse(edtf)
        } catch let error as EDTFError {
            return .invalid(first: start, last: last, problem: "\"\(t.text(start, last))\" is not a date: \(error.problem)")
        } catch {
            return .invalid(first: start, last: last, problem: "\"\(t.text(start, last))\" is not a date")
        }
        return .date(NoteDate(edtf: edtf, first: start, last: last))
    }

    /// A month in Roman numerals (`XI`, also with the Cyrillic `Х` and `І`
    /// that typists used for them).
    package static func roman(_ token: NoteToken) -> Int? {
        guard token.isWord else { return nil }
        let latin = token.lower.replacingOccurrences(of: "х", with: "x").replacingOccurrences(of: "і", with: "i")
        let numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        return numerals.firstIndex(of: latin).map { $0 + 1 }
    }

    /// A month name at token `i`: (month, last token). Genitive forms after
    /// a day (`22 декабря`), nominative and prepositional otherwise
    /// (`в августе 1937`); `дек.` either way.
    package static func monthName(_ t: NoteTokens, _ i: Int, _ end: Int, genitive: Bool) -> (Int, Int)? {
        guard i < end, t[i].isWord else { return nil }
        let w = t[i].lower
        if genitive, let month = monthsGenitive[w] { return (month, i) }
        if !genitive, let month = monthsOther[w] { return (month, i) }
        if let month = monthsShort[w], i + 1 < end, t[i + 1].isPunct(".") { return (month, i + 1) }
        return nil
    }
}
