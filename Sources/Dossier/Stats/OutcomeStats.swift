import DossierStorage
import DossierDomain
import Foundation

/// Outcome statistics: for the records a filter selects, grouped by up to
/// two dimensions, the counts and shares of each outcome with 95% Wilson
/// intervals, the acquittal and non-conviction rates, and the sentence side
/// (death sentences, executions, median camp term, rehabilitation).
///
/// One record is one defendant in one case. The year of a record is the
/// year of the case's decision date (`trial_date`), read from its EDTF
/// bounds: a date known only to a range spanning several years (`193X`,
/// `1937/1938`, `../1940`) is counted under "uncertain year", or, with
/// `spread`, in equal parts in each year it may fall in (not possible for a
/// range open on one side, which stays uncertain).
public struct OutcomeStats: Sendable {
    public let request: StatsRequest
    /// The groups, in order: dates and vocabulary codes in their natural
    /// order, text values (places, charges) largest first, then "uncertain"
    /// and "no ..." groups.
    public let groups: [OutcomeGroup]
    /// Every matching record once (a defendant with two charges counts once
    /// here, in both charge groups).
    public let total: OutcomeGroup
    /// How the decision dates were read, in records (only when grouping by
    /// year or decade).
    public let dates: DateTally
    /// The filter in words: "category political; from 1937 to 1938".
    public let filterSummary: String
    /// With `--compare`: the published figures beside each group (in the
    /// order of `groups`) and beside the total; nil without it.
    public internal(set) var published: [[FigureComparison]]? = nil
    public internal(set) var publishedTotal: [FigureComparison]? = nil
    /// What the archive declares its records to be, and how they were drawn.
    public internal(set) var recordsKind: ArchiveKind? = nil
    public internal(set) var recordsNote: String? = nil

    /// How many records had what kind of decision date.
    public struct DateTally: Sendable, Equatable {
        /// Within one year (decade).
        public var exact = 0
        /// Spanning several years (decades), both ends known: counted as
        /// uncertain, or spread.
        public var spanning = 0
        /// Open or unknown on one side: always uncertain.
        public var open = 0
        /// No decision date at all.
        public var undated = 0
    }

    /// Computes the statistics in one read transaction.
    /// - Throws: `DataError` for an unreadable filter value, `SQLiteError`.
    public static func compute(_ archive: Archive, _ request: StatsRequest) throws -> OutcomeStats {
        try consistentRead(archive.db) {
            let (condition, bindings) = try request.filter.statsCondition(archive)
            let query = StatsQuery(request: request, condition: condition, bindings: bindings)
            let found = try StatsScan.run(query, on: archive.db, events: try StatsScan.eventFlags(archive.db))
            let groups = request.by.isEmpty ? [found.total] : sorted(found.groups, by: request.by)
            return OutcomeStats(request: request, groups: groups, total: found.total, dates: found.dates,
                                filterSummary: request.filter.summary)
        }
    }

    // MARK: Order

    /// Sorts groups dimension by dimension: numbers and codes ascending,
    /// text by the size of its groups (largest first), then uncertain and
    /// missing.
    static func sorted(_ groups: [OutcomeGroup], by dimensions: [StatsDimension]) -> [OutcomeGroup] {
        var textSize: [[String: Double]] = Array(repeating: [:], count: dimensions.count)
        for group in groups {
            for (position, value) in group.values.enumerated() {
                if case .text(let text) = value { textSize[position][text, default: 0] += group.n }
            }
        }
        func before(_ a: GroupValue, _ b: GroupValue, position: Int) -> Bool? {
            if a.rank != b.rank { return a.rank < b.rank }
            switch (a, b) {
            case (.number(let x), .number(let y)), (.code(let x), .code(let y)):
                return x == y ? nil : x < y
            case (.code, .text): return true
            case (.text, .code): return false
            case (.text(let x), .text(let y)):
                if x == y { return nil }
                let sx = textSize[position][x] ?? 0, sy = textSize[position][y] ?? 0
                return sx != sy ? sx > sy : x < y
            default: return nil
            }
        }
        return groups.sorted { a, b in
            for position in 0..<min(a.values.count, b.values.count) {
                if let result = before(a.values[position], b.values[position], position: position) { return result }
            }
            return false
        }
    }
}

/// Runs `body` in a read transaction (one snapshot for all its queries), or
/// in the transaction already open.
func consistentRead<T>(_ db: Connection, _ body: () throws -> T) throws -> T {
    db.isAutocommit ? try db.read(body) : try body()
}

extension OutcomeStats {
    // MARK: Dates

    /// A case's decision date as read from the row: its bounds and whether
    /// any date is recorded.
    struct DateBounds: Hashable {
        var lower: Int64? = nil
        var upper: Int64? = nil
        var present: Bool
    }

    /// How a decision date falls into years (decades).
    enum DateKind { case exact, spanning, open, undated }

    /// The year (decade) values of a decision date, with their weights.
    static func dateValues(_ bounds: DateBounds, dimension: StatsDimension, spread: Bool)
        -> (values: [(GroupValue, Double)], kind: DateKind) {
        guard bounds.present || bounds.lower != nil || bounds.upper != nil else { return ([(.missing, 1)], .undated) }
        guard let lower = bounds.lower, let upper = bounds.upper, lower <= upper else {
            return ([(.uncertain, 1)], .open)
        }
        let first = DayNumber.civil(Int(lower)).year, last = DayNumber.civil(Int(upper)).year
        func unit(_ year: Int) -> Int {
            dimension == .decade ? Int((Double(year) / 10).rounded(.down)) * 10 : year
        }
        if unit(first) == unit(last) { return ([(.number(unit(first)), 1)], .exact) }
        guard spread else { return ([(.uncertain, 1)], .spanning) }
        let years = Double(last - first + 1)
        var weights: [Int: Double] = [:]
        for year in first...last { weights[unit(year), default: 0] += 1 / years }
        return (weights.keys.sorted().map { (.number($0), weights[$0]!) }, .spanning)
    }
}
