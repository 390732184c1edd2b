import Foundation

extension EDTFParser {
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
}
