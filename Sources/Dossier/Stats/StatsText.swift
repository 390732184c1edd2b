import DossierDomain
import Foundation

/// The words of `dossier stats` output: definitions, headings and numbers,
/// shared by the table, JSON, CSV and the chart.
extension OutcomeStats {
    /// The figures beyond the outcome shares, in output order, with their
    /// JSON/CSV names, table labels and definitions.
    public enum Figure: String, CaseIterable, Sendable {
        case acquittalRate = "acquittal_rate"
        case nonConvictionRate = "non_conviction_rate"
        case deathSentenceShare = "death_sentence_share"
        case executionShare = "execution_share"
        case rehabilitationRate = "rehabilitation_rate"

        public var label: String {
            switch self {
            case .acquittalRate: return "acquittal rate"
            case .nonConvictionRate: return "non-conviction rate"
            case .deathSentenceShare: return "death sentences"
            case .executionShare: return "executed"
            case .rehabilitationRate: return "rehabilitated"
            }
        }

        public var definition: String {
            switch self {
            case .acquittalRate:
                return "acquitted / decided, where decided is every outcome except unknown (there is no"
                    + " pending code: a case not yet decided is recorded as unknown)"
            case .nonConvictionRate:
                return "(decided - convicted) / decided: acquitted, dismissed, returned for investigation,"
                    + " released without trial, insanity and died before verdict, of all decided"
            case .deathSentenceShare:
                return "convicted with sentence kind death / convicted with a recorded sentence kind"
            case .executionShare:
                return "defendants with an executed event / all defendants in the group (n)"
            case .rehabilitationRate:
                return "defendants with a rehabilitated event / all defendants in the group (n)"
            }
        }

        public func proportion(_ group: OutcomeGroup) -> Proportion {
            switch self {
            case .acquittalRate: return group.acquittalRate
            case .nonConvictionRate: return group.nonConvictionRate
            case .deathSentenceShare: return group.deathSentenceShare
            case .executionShare: return group.executionShare
            case .rehabilitationRate: return group.rehabilitationRate
            }
        }
    }

    static let shareDefinition = "count / n, where n is every defendant in the group; with a 95% Wilson score interval"
    static let medianDefinition = "the median term in years of camp sentences with a recorded term"
    static let recordDefinition = "one defendant in one case; with --by charge a defendant counts once in the group"
        + " of each of their charges"

    /// What a year (decade) means here and what happened to uncertain dates.
    public var dateNote: String? {
        guard let dimension = request.by.first(where: \.isDate) else { return nil }
        let unit = dimension == .decade ? "decade" : "year"
        var text = "\(unit.prefix(1).uppercased() + unit.dropFirst()): of the case's decision date (trial_date)."
        if dates.spanning > 0 {
            let records = OutcomeStats.count(dates.spanning, "record")
            text += request.spread
                ? " \(records) whose date spans several \(unit)s \(dates.spanning == 1 ? "is" : "are") spread evenly over"
                    + " the years it may fall in (fractional counts; intervals approximate)."
                : " \(records) whose date spans several \(unit)s \(dates.spanning == 1 ? "is" : "are") counted under"
                    + " \u{201C}uncertain \(unit)\u{201D} (--spread distributes them evenly over those years)."
        } else {
            text += " No date spans several \(unit)s."
        }
        if dates.open > 0 {
            text += " \(OutcomeStats.count(dates.open, "record")) with a date open at one end"
                + " \(dates.open == 1 ? "is" : "are") under \u{201C}uncertain \(unit)\u{201D}."
        }
        if dates.undated > 0 {
            text += " \(OutcomeStats.count(dates.undated, "record")) without a decision date"
                + " \(dates.undated == 1 ? "is" : "are") under \u{201C}no date\u{201D}."
        }
        return text
    }

    /// The heading: "Outcomes by decade and category — category political (46 defendants)".
    public var title: String {
        let by = request.by.isEmpty ? "" : " by " + request.by.map(\.label).joined(separator: " and ")
        return "Outcomes\(by) \u{2014} \(filterSummary)"
    }

    /// The outcomes shown in the table and chart: those recorded in some
    /// group, and acquitted always (a zero there is the answer to the
    /// question this tool was built for).
    public var shownOutcomes: [Outcome] {
        Outcome.allCases.filter { outcome in
            outcome == .acquitted || groups.contains { $0.count(outcome) > 0 } || total.count(outcome) > 0
        }
    }

    /// 1234567 → "1,234,567".
    static func thousands(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func count(_ value: Int, _ noun: String) -> String {
        "\(thousands(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// A weight as shown: whole numbers without decimals, fractions to one.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return thousands(Int(value)) }
        return String(format: "%.1f", value)
    }

    /// A share as a percentage with one decimal, "—" for none.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "\u{2014}" }
        return String(format: "%.1f%%", value * 100)
    }

    /// "23.1–88.2%", or "—".
    static func interval(_ proportion: Proportion) -> String {
        guard let (low, high) = proportion.interval else { return "\u{2014}" }
        return String(format: "%.1f\u{2013}%.1f%%", low * 100, high * 100)
    }

    /// A number for JSON and CSV, rounded to `places` decimals.
    static func rounded(_ value: Double, places: Int = 6) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
