import DossierStorage
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
        try consistentRead(archive.db) { try StatsComputation(archive: archive, request: request).run() }
    }
}

/// Runs `body` in a read transaction (one snapshot for all its queries), or
/// in the transaction already open.
func consistentRead<T>(_ db: Connection, _ body: () throws -> T) throws -> T {
    db.isAutocommit ? try db.read(body) : try body()
}

/// The scan behind `OutcomeStats.compute`.
///
/// SQLite's `GROUP BY` sorts every input row (a temporary B-tree), which at
/// millions of rows costs more than reading them. So the query only joins
/// and filters, streaming one row per defendant, and the grouping is done
/// here in a hash table. Proceeding-level
/// values (date, body kind, category, place) are resolved once per case:
/// consecutive rows of one case reuse them.
private struct StatsComputation {
    let archive: Archive
    let request: StatsRequest

    var db: Connection { archive.db }

    // Column positions in the main query.
    static let defendantColumn = 0, caseColumn = 1, bitsColumn = 2, termColumn = 3

    // Bits of the packed column: the outcome index in the low bits.
    static let outcomeMask = 0x0F
    static let sentenceKindBit = 0x10, deathBit = 0x20, campBit = 0x40

    /// The packed per-defendant column: outcome index, and whether the
    /// sentence kind is known, death, or camp with a term. `IS` (not `=`)
    /// so that a NULL kind gives 0, not NULL.
    static let bitsExpression: String = {
        let outcomes = Outcome.allCases.enumerated()
            .map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
        let unknown = OutcomeGroup.index(of: .unknown)
        return "(CASE d.outcome \(outcomes) ELSE \(unknown) END)"
            + " + \(sentenceKindBit) * (d.outcome IS 'convicted' AND d.sentence_kind IS NOT NULL)"
            + " + \(deathBit) * (d.outcome IS 'convicted' AND d.sentence_kind IS 'death')"
            + " + \(campBit) * (d.sentence_kind IS 'camp' AND d.term_years IS NOT NULL)"
    }()

    /// A vocabulary column as the code's position in the vocabulary (-1 for
    /// anything else), so that rows carry small integers, not text.
    static func codeExpression<V: Vocabulary>(_ column: String, _: V.Type) -> String {
        "(CASE \(column) " + V.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }
            .joined(separator: " ") + " ELSE -1 END)"
    }

    func run() throws -> OutcomeStats {
        let (condition, bindings) = try request.filter.statsCondition(archive)
        let events = try eventFlags()

        var columns = ["d.id", "p.id", StatsComputation.bitsExpression, "d.term_years"]
        // Where each dimension's value is read from.
        var sourceColumn: [Int] = []
        var dateColumn: Int?
        for dimension in request.by {
            switch dimension {
            case .year, .decade:
                if dateColumn == nil {
                    dateColumn = columns.count
                    columns += ["p.date_lower", "p.date_upper", "p.date IS NOT NULL"]
                }
                sourceColumn.append(dateColumn!)
            case .bodyKind:
                sourceColumn.append(columns.count)
                columns.append(StatsComputation.codeExpression("p.body_kind", BodyKind.self))
            case .category:
                sourceColumn.append(columns.count)
                columns.append(StatsComputation.codeExpression("p.category", Category.self))
            case .place: sourceColumn.append(columns.count); columns.append("p.place")
            case .charge:
                // Each distinct charge once, joined with the unit separator.
                sourceColumn.append(columns.count)
                columns.append("(SELECT group_concat(ref, char(31)) FROM"
                               + " (SELECT DISTINCT ref FROM charge WHERE charge.defendant_id = d.id))")
            }
        }
        var from = "defendant d JOIN proceeding p ON p.id = d.proceeding_id"
        if condition.contains("x.") { from += " JOIN person x ON x.id = d.person_id" }
        let sql = "SELECT " + columns.joined(separator: ", ") + " FROM " + from + " WHERE " + condition

        var table = GroupTable(by: request.by)
        var total = OutcomeGroup(values: [], labels: [])
        var dates = OutcomeStats.DateTally()
        let groupsByDate = request.by.contains { $0.isDate }
        let chargePosition = request.by.firstIndex(of: .charge)

        // What a case resolves to, by the raw values its row carries.
        var caseCache: [CaseKey: Int] = [:]
        var resolved: [ResolvedCase] = []
        var current = 0
        var lastCase: Int64 = .min

        let statement = try db.prepare(sql)
        defer { statement.reset() }
        try statement.bind(bindings)
        while try statement.step() {
            let defendant = statement.value(at: StatsComputation.defendantColumn).int64Value ?? 0
            let caseID = statement.value(at: StatsComputation.caseColumn).int64Value ?? 0
            if caseID != lastCase {
                lastCase = caseID
                var key = CaseKey()
                for (position, dimension) in request.by.enumerated() {
                    let column = sourceColumn[position]
                    switch dimension {
                    case .year, .decade:
                        key.bounds = OutcomeStats.DateBounds(lower: statement.value(at: column).int64Value,
                                                             upper: statement.value(at: column + 1).int64Value,
                                                             present: statement.value(at: column + 2).intValue == 1)
                    case .bodyKind, .category:
                        key.setCode(statement.value(at: column).intValue ?? -1, at: position)
                    case .place:
                        key.place = statement.value(at: column).stringValue
                    case .charge:
                        break
                    }
                }
                if let cached = caseCache[key] {
                    current = cached
                } else {
                    current = resolved.count
                    resolved.append(resolve(key, table: &table))
                    caseCache[key] = current
                }
            }

            if groupsByDate {
                switch resolved[current].dateKind {
                case .exact: dates.exact += 1
                case .spanning: dates.spanning += 1
                case .open: dates.open += 1
                case .undated: dates.undated += 1
                }
            }

            let bits = statement.value(at: StatsComputation.bitsColumn).intValue ?? 0
            let index = Int(defendant)
            let flags = index >= 0 && index < events.count ? events[index] : 0
            let record = StatsRecord(
                outcome: bits & StatsComputation.outcomeMask,
                hasSentenceKind: bits & StatsComputation.sentenceKindBit != 0,
                isDeathSentence: bits & StatsComputation.deathBit != 0,
                executed: flags & StatsComputation.executedFlag != 0,
                rehabilitated: flags & StatsComputation.rehabilitatedFlag != 0,
                campTerm: bits & StatsComputation.campBit != 0
                    ? statement.value(at: StatsComputation.termColumn).doubleValue : nil)

            total.add(record, weight: 1)

            if let chargePosition {
                let refs = statement.value(at: sourceColumn[chargePosition]).stringValue?
                    .split(separator: "\u{1F}").map { GroupValue.text(String($0)) } ?? []
                var perDimension = resolved[current].values
                perDimension[chargePosition] = (refs.isEmpty ? [.missing] : refs).map { ($0, 1) }
                for (values, weight) in StatsComputation.combinations(perDimension) {
                    table.groups[table.index(of: values)].add(record, weight: weight)
                }
            } else {
                let single = resolved[current].single
                if single >= 0 {
                    table.groups[single].add(record, weight: 1)
                } else {
                    for (index, weight) in resolved[current].targets { table.groups[index].add(record, weight: weight) }
                }
            }
        }
        let groups = request.by.isEmpty ? [total] : sorted(table.groups)
        return OutcomeStats(request: request, groups: groups, total: total, dates: dates,
                            filterSummary: request.filter.summary)
    }

    /// The raw proceeding-level values of a row: the decision date's bounds,
    /// the codes of a body kind or category by position in `--by`, and the
    /// place. Plain fields, so that building and hashing one allocates
    /// nothing.
    struct CaseKey: Hashable {
        var bounds: OutcomeStats.DateBounds?
        var firstCode = -1
        var secondCode = -1
        var place: String?

        mutating func setCode(_ code: Int, at position: Int) {
            if position == 0 { firstCode = code } else { secondCode = code }
        }

        func code(at position: Int) -> Int { position == 0 ? firstCode : secondCode }
    }

    /// What a case contributes to: per dimension its values with weights
    /// (the charge's left empty, read per row), and the groups of every
    /// combination when there is no charge dimension — `single` when that
    /// is one group with weight 1, the common case.
    struct ResolvedCase {
        var values: [[(GroupValue, Double)]]
        var targets: [(Int, Double)]
        var single: Int
        var dateKind: OutcomeStats.DateKind
    }

    func resolve(_ key: CaseKey, table: inout GroupTable) -> ResolvedCase {
        var values: [[(GroupValue, Double)]] = []
        var dateKind = OutcomeStats.DateKind.exact
        for (position, dimension) in request.by.enumerated() {
            switch dimension {
            case .year, .decade:
                let resolved = OutcomeStats.dateValues(key.bounds ?? OutcomeStats.DateBounds(present: false),
                                                       dimension: dimension, spread: request.spread)
                values.append(resolved.values)
                dateKind = resolved.kind
            case .bodyKind, .category:
                // The schema's CHECK constraints leave no other value.
                let code = key.code(at: position)
                values.append([(code >= 0 ? .code(code) : .missing, 1)])
            case .place:
                let place = (key.place ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                values.append([(place.isEmpty ? .missing : .text(place), 1)])
            case .charge:
                values.append([])
            }
        }
        var targets: [(Int, Double)] = []
        if !request.by.contains(.charge), !request.by.isEmpty {
            targets = StatsComputation.combinations(values).map { (table.index(of: $0.0), $0.1) }
        }
        let single = targets.count == 1 && targets[0].1 == 1 ? targets[0].0 : -1
        return ResolvedCase(values: values, targets: targets, single: single, dateKind: dateKind)
    }

    /// Every combination of one value per dimension, with the product of
    /// their weights.
    static func combinations(_ perDimension: [[(GroupValue, Double)]]) -> [([GroupValue], Double)] {
        var result: [([GroupValue], Double)] = [([], 1)]
        for options in perDimension {
            result = result.flatMap { prefix in options.map { (prefix.0 + [$0.0], prefix.1 * $0.1) } }
        }
        return result
    }

    /// The groups found so far, and where each is.
    struct GroupTable {
        let by: [StatsDimension]
        var groups: [OutcomeGroup] = []
        var positions: [[GroupValue]: Int] = [:]

        init(by: [StatsDimension]) { self.by = by }

        /// The position of the group with these values, added when new.
        mutating func index(of values: [GroupValue]) -> Int {
            if let index = positions[values] { return index }
            let index = groups.count
            groups.append(OutcomeGroup(values: values, labels: zip(by, values).map { $1.label($0) }))
            positions[values] = index
            return index
        }
    }

    // MARK: Events

    static let executedFlag: UInt8 = 1, rehabilitatedFlag: UInt8 = 2

    /// Per defendant id, whether they have an `executed` and a
    /// `rehabilitated` event. One pass over the event table is far cheaper
    /// than two correlated lookups per defendant.
    func eventFlags() throws -> [UInt8] {
        let maxID = try db.scalar("SELECT max(id) FROM defendant").intValue ?? 0
        var flags = [UInt8](repeating: 0, count: max(0, maxID) + 1)
        // `+kind`: read the table in order rather than through the kind
        // index, which would look every row up out of order.
        let sql = "SELECT defendant_id, (kind = 'executed') + 2 * (kind = 'rehabilitated') FROM event"
            + " WHERE +kind IN ('executed', 'rehabilitated')"
        try db.prepare(sql).forEach { row in
            guard let id = row.value(at: 0).intValue, id >= 0, id < flags.count,
                  let bits = row.value(at: 1).intValue else { return }
            flags[id] |= UInt8(truncatingIfNeeded: bits)
        }
        return flags
    }

    // MARK: Order

    /// Sorts groups dimension by dimension: numbers and codes ascending,
    /// text by the size of its groups (largest first), then uncertain and
    /// missing.
    func sorted(_ groups: [OutcomeGroup]) -> [OutcomeGroup] {
        var textSize: [[String: Double]] = Array(repeating: [:], count: request.by.count)
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
