import Foundation

extension EDTFParser {
    package static func list(_ words: [String], conjunction: String) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(conjunction) " + words[words.count - 1]
    }

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
