import DossierStorage
import DossierDomain
import Foundation

/// The query behind `OutcomeStats`: one row per matching defendant, with
/// what its group and its figures are read from.
///
/// SQLite's `GROUP BY` sorts every input row (a temporary B-tree), which at
/// millions of rows costs more than reading them. So the query only joins
/// and filters, and the grouping is done in a hash table as the rows stream
/// by (`StatsScan`).
struct StatsQuery {
    let request: StatsRequest
    /// SELECT ... WHERE the filter.
    let sql: String
    let bindings: [SQLBindable]
    /// For each dimension of the request, the column its value is read
    /// from (a date takes three: lower, upper, whether there is one).
    let sourceColumn: [Int]

    // Column positions of every row.
    static let defendantColumn = 0, caseColumn = 1, bitsColumn = 2, termColumn = 3

    // The packed column: the outcome's position in `Outcome.allCases` in the
    // low bits, then flags.
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

    init(request: StatsRequest, condition: String, bindings: [SQLBindable]) {
        self.request = request
        self.bindings = bindings
        var columns = ["d.id", "p.id", StatsQuery.bitsExpression, "d.term_years"]
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
                columns.append(StatsQuery.codeExpression("p.body_kind", BodyKind.self))
            case .category:
                sourceColumn.append(columns.count)
                columns.append(StatsQuery.codeExpression("p.category", Category.self))
            case .place, .region:
                sourceColumn.append(columns.count)
                columns += ["(SELECT place_id FROM proceeding_place WHERE proceeding_id = p.id)", "p.place",
                            "p.date_lower", "p.date_upper"]
            case .nationality:
                sourceColumn.append(columns.count)
                columns.append("x.nationality")
            case .charge:
                // The charges joined with the unit separator (repeats are
                // dropped when read: cheaper than DISTINCT's temporary
                // B-tree for every defendant).
                sourceColumn.append(columns.count)
                columns.append("(SELECT group_concat(ref, char(31)) FROM charge WHERE charge.defendant_id = d.id)")
            }
        }
        self.sourceColumn = sourceColumn
        var from = "defendant d JOIN proceeding p ON p.id = d.proceeding_id"
        if condition.contains("x.") || request.by.contains(.nationality) {
            from += " JOIN person x ON x.id = d.person_id"
        }
        sql = "SELECT " + columns.joined(separator: ", ") + " FROM " + from + " WHERE " + condition
    }
}

/// What a scan found: the groups, the total and the date tally.
struct ScanResult {
    var groups: [OutcomeGroup] = []
    var total = OutcomeGroup(values: [], labels: [])
    var dates = OutcomeStats.DateTally()
}

/// Reads the rows of a `StatsQuery` into groups.
enum StatsScan {
    static let executedFlag: UInt8 = 1, rehabilitatedFlag: UInt8 = 2

    /// Per defendant id, whether they have an `executed` and a
    /// `rehabilitated` event. One pass over the event table is far cheaper
    /// than two correlated lookups per defendant.
    static func eventFlags(_ db: Connection) throws -> [UInt8] {
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

    /// Runs the query on `db` and groups its rows.
    static func run(_ query: StatsQuery, on db: Connection, events: [UInt8]) throws -> ScanResult {
        let request = query.request
        var table = GroupTable(by: request.by)
        var found = ScanResult()
        let groupsByDate = request.by.contains { $0.isDate }
        // The dimensions read per defendant row (charge, nationality).
        let rowPositions = request.by.indices.filter { request.by[$0].isPerDefendant }

        // What a case resolves to, by the raw values its row carries;
        // consecutive rows of one case skip even the lookup.
        var caseCache: [CaseKey: Int] = [:]
        // With --by charge or nationality: the groups of a resolved case and
        // a defendant's values as read.
        var chargeCache: [ChargeKey: [(Int, Double)]] = [:]
        var resolved: [ResolvedCase] = []
        var current = 0
        var lastCase: Int64 = .min

        let statement = try db.prepare(query.sql)
        defer { statement.reset() }
        try statement.bind(query.bindings)
        while try statement.step() {
            let defendant = statement.value(at: StatsQuery.defendantColumn).int64Value ?? 0
            let caseID = statement.value(at: StatsQuery.caseColumn).int64Value ?? 0
            if caseID != lastCase {
                lastCase = caseID
                var key = CaseKey()
                for (position, dimension) in request.by.enumerated() {
                    let column = query.sourceColumn[position]
                    switch dimension {
                    case .year, .decade:
                        key.bounds = OutcomeStats.DateBounds(lower: statement.value(at: column).int64Value,
                                                             upper: statement.value(at: column + 1).int64Value,
                                                             present: statement.value(at: column + 2).intValue == 1)
                    case .bodyKind, .category:
                        key.setCode(statement.value(at: column).intValue ?? -1, at: position)
                    case .place, .region:
                        key.placeID = statement.value(at: column).stringValue
                        key.place = statement.value(at: column + 1).stringValue
                        key.placeLower = statement.value(at: column + 2).intValue
                        key.placeUpper = statement.value(at: column + 3).intValue
                    case .charge, .nationality:
                        break
                    }
                }
                if let cached = caseCache[key] {
                    current = cached
                } else {
                    current = resolved.count
                    resolved.append(resolve(key, request: request, table: &table))
                    caseCache[key] = current
                }
            }

            if groupsByDate {
                switch resolved[current].dateKind {
                case .exact: found.dates.exact += 1
                case .spanning: found.dates.spanning += 1
                case .open: found.dates.open += 1
                case .undated: found.dates.undated += 1
                }
            }

            let bits = statement.value(at: StatsQuery.bitsColumn).intValue ?? 0
            let index = Int(defendant)
            let flags = index >= 0 && index < events.count ? events[index] : 0
            let record = StatsRecord(
                outcome: bits & StatsQuery.outcomeMask,
                hasSentenceKind: bits & StatsQuery.sentenceKindBit != 0,
                isDeathSentence: bits & StatsQuery.deathBit != 0,
                executed: flags & executedFlag != 0,
                rehabilitated: flags & rehabilitatedFlag != 0,
                campTerm: bits & StatsQuery.campBit != 0 ? statement.value(at: StatsQuery.termColumn).doubleValue : nil)

            found.total.add(record, weight: 1)

            if !rowPositions.isEmpty {
                // One dimension per row in the common case: its text is the
                // key as it is; two are joined by a record separator.
                var raw = ""
                for (number, position) in rowPositions.enumerated() {
                    if number > 0 { raw += "\u{1E}" }
                    raw += statement.value(at: query.sourceColumn[position]).stringValue ?? ""
                }
                let key = ChargeKey(resolvedCase: current, charges: raw)
                let targets: [(Int, Double)]
                if let cached = chargeCache[key] {
                    targets = cached
                } else {
                    var perDimension = resolved[current].values
                    let texts = rowPositions.count == 1 ? [Substring(raw)] : raw.split(separator: "\u{1E}", omittingEmptySubsequences: false)
                    for (position, text) in zip(rowPositions, texts) {
                        var values: [GroupValue] = []
                        if request.by[position] == .charge {
                            for ref in text.split(separator: "\u{1F}") where !values.contains(.text(String(ref))) {
                                values.append(.text(String(ref)))
                            }
                        } else if let group = Nationality.group(String(text)) {
                            values.append(.text(group))
                        }
                        perDimension[position] = (values.isEmpty ? [.missing] : values).map { ($0, 1) }
                    }
                    targets = combinations(perDimension).map { (table.index(of: $0.0), $0.1) }
                    chargeCache[key] = targets
                }
                for (index, weight) in targets { table.groups[index].add(record, weight: weight) }
            } else {
                let single = resolved[current].single
                if single >= 0 {
                    table.groups[single].add(record, weight: 1)
                } else {
                    for (index, weight) in resolved[current].targets { table.groups[index].add(record, weight: weight) }
                }
            }
        }
        found.groups = table.groups
        return found
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
        var placeID: String?
        var placeLower: Int?
        var placeUpper: Int?

        mutating func setCode(_ code: Int, at position: Int) {
            if position == 0 { firstCode = code } else { secondCode = code }
        }

        func code(at position: Int) -> Int { position == 0 ? firstCode : secondCode }
    }

    /// A resolved case (its position) and a defendant's charges as read.
    struct ChargeKey: Hashable {
        var resolvedCase: Int
        var charges: String
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

    static func resolve(_ key: CaseKey, request: StatsRequest, table: inout GroupTable) -> ResolvedCase {
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
                if let id = key.placeID, let place = Gazetteers.standard.place(id) {
                    values.append([(.text("\(place.label) (\(id))"), 1)])
                } else {
                    let place = (key.place ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    values.append([(place.isEmpty ? .missing : .text(place), 1)])
                }
            case .region:
                let gazetteer = Gazetteers.standard
                if let id = key.placeID, let region = gazetteer.region(of: id, lower: key.placeLower, upper: key.placeUpper),
                   let place = gazetteer.place(region) {
                    values.append([(.text("\(place.label) (\(region))"), 1)])
                } else {
                    values.append([(.missing, 1)])
                }
            case .charge, .nationality:
                values.append([])
            }
        }
        var targets: [(Int, Double)] = []
        if !request.by.contains(where: \.isPerDefendant), !request.by.isEmpty {
            targets = combinations(values).map { (table.index(of: $0.0), $0.1) }
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
}
