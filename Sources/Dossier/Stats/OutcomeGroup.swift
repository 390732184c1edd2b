import DossierDomain
import Foundation

/// The counts behind one group of `dossier stats`, and the figures computed
/// from them. Counts are weights: whole numbers, except that `--spread`
/// gives a record a fraction in each year its date may fall in.
public struct OutcomeGroup: Sendable {
    /// One value per dimension of the request, in its order; empty for the
    /// total.
    public var values: [GroupValue]
    /// The values as shown, in the same order.
    public var labels: [String]
    /// Defendants (records) in the group.
    public var n: Double = 0
    /// Defendants per outcome, in `Outcome.allCases` order.
    public var outcomeCounts = [Double](repeating: 0, count: Outcome.allCases.count)
    /// Convicted defendants whose sentence kind is recorded.
    public var convictedWithSentenceKind: Double = 0
    /// Convicted defendants sentenced to death.
    public var deathSentences: Double = 0
    /// Defendants with an `executed` event.
    public var executed: Double = 0
    /// Defendants with a `rehabilitated` event.
    public var rehabilitated: Double = 0
    /// Camp sentences with a term: term in years → weight.
    public var campTerms: [Double: Double] = [:]

    public init(values: [GroupValue], labels: [String]) {
        self.values = values
        self.labels = labels
    }

    /// "1937, political"; "all" for the total.
    public var key: String { labels.isEmpty ? "all" : labels.joined(separator: ", ") }

    public func count(_ outcome: Outcome) -> Double {
        outcomeCounts[OutcomeGroup.index(of: outcome)]
    }

    static func index(of outcome: Outcome) -> Int {
        Outcome.allCases.firstIndex(of: outcome)!
    }

    /// An outcome's share of all defendants in the group.
    public func share(_ outcome: Outcome) -> Proportion { Proportion(count(outcome), of: n) }

    /// Every outcome except unknown. (There is no "pending" code: a case
    /// not yet decided is recorded as unknown.)
    public var decided: Double { n - count(.unknown) }

    /// Acquitted / decided.
    public var acquittalRate: Proportion { Proportion(count(.acquitted), of: decided) }

    /// (Decided − convicted) / decided.
    public var nonConvictionRate: Proportion { Proportion(decided - count(.convicted), of: decided) }

    /// Death sentences / convicted with a recorded sentence kind.
    public var deathSentenceShare: Proportion { Proportion(deathSentences, of: convictedWithSentenceKind) }

    /// Defendants with an `executed` event / n.
    public var executionShare: Proportion { Proportion(executed, of: n) }

    /// Defendants with a `rehabilitated` event / n.
    public var rehabilitationRate: Proportion { Proportion(rehabilitated, of: n) }

    /// The median camp term in years, or nil when no camp term is recorded.
    public var medianCampTerm: Double? { weightedMedian(campTerms) }

    /// How many camp sentences with a term the median is taken over.
    public var campTermCount: Double { campTerms.values.reduce(0, +) }

    /// Adds one record with weight `weight`.
    mutating func add(_ record: StatsRecord, weight: Double) {
        n += weight
        outcomeCounts[record.outcome] += weight
        if record.hasSentenceKind { convictedWithSentenceKind += weight }
        if record.isDeathSentence { deathSentences += weight }
        if record.executed { executed += weight }
        if record.rehabilitated { rehabilitated += weight }
        if let term = record.campTerm { campTerms[term, default: 0] += weight }
    }
}

/// What one defendant contributes, decoded from a row.
struct StatsRecord {
    /// Index into `Outcome.allCases`.
    var outcome: Int
    /// Convicted with a recorded sentence kind.
    var hasSentenceKind: Bool
    /// Convicted and sentenced to death.
    var isDeathSentence: Bool
    var executed: Bool
    var rehabilitated: Bool
    /// The term of a camp sentence, when there is one.
    var campTerm: Double?
}
