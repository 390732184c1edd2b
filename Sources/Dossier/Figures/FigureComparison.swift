import DossierDomain
import Foundation

/// A published figure set beside one group of `stats --compare`, with a
/// sentence where its definition or scope differs from the archive's rate.
public struct FigureComparison: Sendable, Equatable {
    public let figure: PublishedFigure
    /// One sentence per difference; empty when the figure measures what the
    /// archive's acquittal rate measures.
    public let differences: [String]

    public var definitionNote: String? { differences.isEmpty ? nil : differences.joined(separator: " ") }
}

/// The scope of one group of `stats`: which period, bodies and categories
/// its records come from, as far as the request and the group say.
public struct GroupScope: Sendable, Equatable {
    /// Day numbers; nil is open.
    public var lower: Int?
    public var upper: Int?
    /// The body kinds the group is limited to; empty: any.
    public var bodyKinds: [BodyKind] = []
    /// The categories the group is limited to; empty: any.
    public var categories: [Category] = []
    /// False for a group of uncertain or missing dates, which no period
    /// can be said to overlap.
    public var dated = true

    public init(lower: Int? = nil, upper: Int? = nil, bodyKinds: [BodyKind] = [], categories: [Category] = []) {
        self.lower = lower
        self.upper = upper
        self.bodyKinds = bodyKinds
        self.categories = categories
    }

    /// The scope of a group: the request's filter narrowed by the group's
    /// own values (a decade, a body kind, a category).
    static func of(_ request: StatsRequest, values: [GroupValue]) -> GroupScope {
        var scope = GroupScope()
        let filter = request.filter
        if let from = filter.from, let date = try? EDTFDate.parse(from) { scope.lower = date.lower }
        if let to = filter.to, let date = try? EDTFDate.parse(to) { scope.upper = date.upper }
        var kinds = filter.bodyKinds
        if let jurisdiction = filter.jurisdiction {
            kinds = kinds.isEmpty ? jurisdiction.bodyKinds : kinds.filter(jurisdiction.bodyKinds.contains)
        }
        scope.bodyKinds = kinds
        scope.categories = filter.categories
        for (dimension, value) in zip(request.by, values) {
            switch (dimension, value) {
            case (.year, .number(let year)), (.decade, .number(let year)):
                let last = dimension == .decade ? year + 9 : year
                let lower = DayNumber.from(year: year, month: 1, day: 1)
                let upper = DayNumber.from(year: last, month: 12, day: 31)
                scope.lower = max(scope.lower ?? lower, lower)
                scope.upper = min(scope.upper ?? upper, upper)
            case (.year, _), (.decade, _):
                scope.dated = false
            case (.bodyKind, .code(let index)):
                scope.bodyKinds = [BodyKind.allCases[index]]
            case (.category, .code(let index)):
                scope.categories = [Category.allCases[index]]
            default:
                break
            }
        }
        return scope
    }

    /// True when the figure's period overlaps the group's dates and its
    /// bodies and category include the group's.
    public func overlaps(_ figure: PublishedFigure) -> Bool {
        guard dated, let period = figure.period, let date = try? EDTFDate.parse(period) else { return false }
        if let upper, let figureLower = date.lower, figureLower > upper { return false }
        if let lower, let figureUpper = date.upper, figureUpper < lower { return false }
        if !bodyKinds.isEmpty, !bodyKinds.contains(where: { figure.courts.covers($0) }) { return false }
        if !categories.isEmpty {
            let known = categories.filter { $0 != .unknown }
            if figure.category != .all {
                guard known.contains(where: { $0.rawValue == figure.category.rawValue }) else { return false }
            }
        }
        return true
    }

    /// The sentences that say how the figure differs from the archive's
    /// acquittal rate (acquitted / every decided outcome, per defendant,
    /// of this group's records).
    public func differences(_ figure: PublishedFigure) -> [String] {
        var notes: [String] = []
        let numerator = Set(figure.numeratorOutcomes)
        switch figure.measure {
        case .count:
            notes.append("A count, not a rate: set it beside the archive's counts only as the size of what the"
                         + " records are a part of.")
        case .convictionRate:
            notes.append("A conviction rate: compare 100% minus it with the non-conviction rate.")
        case .acquittalRate, .nonConvictionRate, .outcomeShare:
            if numerator == [.acquitted] {
                if !figure.denominatorOutcomes.isEmpty, Set(figure.denominatorOutcomes) != Set(Outcome.allCases).subtracting([.unknown]) {
                    notes.append("It divides by \(figure.denominatorOutcomes.map(\.label).joined(separator: " and "))"
                                 + " only; the archive's acquittal rate divides by every decided outcome.")
                }
            } else if numerator.contains(.acquitted), numerator.count > 1 {
                let words = figure.numeratorOutcomes.map(\.label).joined(separator: " and ")
                notes.append("It counts \(words) together: compare with the non-conviction rate, not the acquittal"
                             + " rate (the archive's non-conviction rate also counts every other way out).")
            } else {
                notes.append("It counts \(figure.numeratorOutcomes.map(\.label).joined(separator: " and ")):"
                             + " compare with the share of that outcome, not the acquittal rate.")
            }
        }
        if let jurisdiction = figure.jurisdiction, !Self.isSoviet(jurisdiction) {
            notes.append("Another jurisdiction (\(jurisdiction)): a comparison, not the bodies the archive's records"
                         + " come from.")
        }
        let groupJurisdictions = Set(bodyKinds.map(\.jurisdiction))
        switch figure.courts {
        case .courts, .ordinaryCourts, .militaryTribunals:
            let which = figure.courts == .courts ? "courts" : figure.courts.rawValue.replacingOccurrences(of: "_", with: " ")
            if groupJurisdictions != [.court] {
                notes.append("It counts \(which) only; these records include other bodies (compare with --judicial).")
            } else if !bodyKinds.allSatisfy({ figure.courts.covers($0) }) {
                notes.append("It counts \(which) only; these records include other courts.")
            }
        case .extrajudicial:
            if groupJurisdictions != [.extrajudicial] {
                notes.append("It counts extrajudicial bodies only (compare with --extrajudicial).")
            }
        case .all:
            break
        }
        if figure.category == .all, categories.contains(where: { $0 != .unknown }) {
            notes.append("It counts every category of case, not only \(categories.map(\.rawValue).joined(separator: " and ")).")
        } else if figure.category != .all, categories.isEmpty {
            notes.append("It counts \(figure.category.rawValue) cases only.")
        }
        if let unit = figure.unit, unit != .defendants {
            notes.append("It counts \(unit.rawValue); the archive counts defendants.")
        }
        if figure.confidence == .unverified {
            notes.append("Unverified: the source's own words were not seen.")
        }
        return notes
    }

    /// USSR, RSFSR and the Soviet republics (UkrSSR, BSSR, …).
    static func isSoviet(_ jurisdiction: String) -> Bool {
        let text = jurisdiction.uppercased()
        return ["USSR", "СССР", "RSFSR", "РСФСР"].contains(text) || text.hasSuffix("SSR") || text.hasSuffix("ССР")
    }
}

extension OutcomeStats {
    /// The published figures beside each group and beside the total, and
    /// the caution for the archive's kind of records.
    public func comparing(_ figures: [PublishedFigure]) -> OutcomeStats {
        var copy = self
        func compare(_ values: [GroupValue]) -> [FigureComparison] {
            let scope = GroupScope.of(request, values: values)
            return figures.filter(scope.overlaps).map { FigureComparison(figure: $0, differences: scope.differences($0)) }
        }
        copy.published = groups.map { compare($0.values) }
        copy.publishedTotal = compare([])
        return copy
    }
}

extension Archive {
    /// `stats`, with the published figures beside the groups when
    /// `request.compare`, and the caution for selections.
    public func outcomeStats(_ request: StatsRequest) throws -> OutcomeStats {
        var stats = try OutcomeStats.compute(self, request)
        if let (kind, note) = try archiveKind() {
            stats.recordsKind = kind
            stats.recordsNote = note
        }
        if request.compare { stats = stats.comparing(try loadFigures()) }
        return stats
    }
}
