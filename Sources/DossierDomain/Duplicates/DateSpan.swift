import Foundation

/// A stored date as duplicate detection compares it: the text as written,
/// its earliest and latest day, and whether it names one known day.
package struct DateSpan: Sendable, Equatable {
    package var text: String
    package var lower: Int?
    package var upper: Int?
    /// One day, stated without `?`, `~` or `%`.
    package var isKnownDay: Bool

    package init?(_ text: String?, _ lower: Int?, _ upper: Int?) {
        guard let text, !text.isEmpty, lower != nil || upper != nil else { return nil }
        self.text = text
        self.lower = lower
        self.upper = upper
        isKnownDay = lower != nil && lower == upper && !text.contains(where: { $0 == "?" || $0 == "~" || $0 == "%" })
    }

    /// The calendar year both bounds fall in, if they fall in one.
    package var singleYear: Int? {
        guard let lower, let upper else { return nil }
        let a = DayNumber.civil(lower).year, b = DayNumber.civil(upper).year
        return a == b ? a : nil
    }
}

/// How two dates of the same thing (a birth, a death, a trial) relate.
package enum DateRelation: Equatable {
    /// The same known day.
    case sameDay
    /// Both within one calendar year (at least one of them not a known day).
    case sameYear(Int)
    /// Possible days overlap, coarser than a year.
    case overlap
    /// Two known days 12 or 13 days apart, both before the calendar reform
    /// of February 1918: one written Old Style, the other New Style.
    case calendarGap(Int)
    /// Two known days that differ.
    case differentDays(Int)
    /// No common possible day: this many days between them.
    case apart(Int)

    /// The Gregorian day of 1918-03-01: Old Style dates end before it.
    package static let calendarReform = DayNumber.from(year: 1918, month: 3, day: 1)

    package static func of(_ a: DateSpan, _ b: DateSpan) -> DateRelation {
        if a.isKnownDay && b.isKnownDay, let x = a.lower, let y = b.lower {
            if x == y { return .sameDay }
            let gap = abs(x - y)
            if (gap == 12 || gap == 13) && min(x, y) < calendarReform { return .calendarGap(gap) }
            return .differentDays(gap)
        }
        let overlaps = (a.lower ?? .min) <= (b.upper ?? .max) && (b.lower ?? .min) <= (a.upper ?? .max)
        if overlaps {
            if let ya = a.singleYear, let yb = b.singleYear, ya == yb { return .sameYear(ya) }
            return .overlap
        }
        if let au = a.upper, let bl = b.lower, au < bl { return .apart(bl - au) }
        if let bu = b.upper, let al = a.lower, bu < al { return .apart(al - bu) }
        return .overlap
    }
}
