import DossierDomain
import Foundation

/// What records are grouped by in `dossier stats --by`.
public enum StatsDimension: String, CaseIterable, Sendable, Hashable {
    /// The year of the case's decision date.
    case year
    /// The decade of the case's decision date (1930 = 1930–1939).
    case decade
    case bodyKind = "body-kind"
    case category
    /// Each normalised charge of the defendant (a defendant with two charges
    /// counts in both groups).
    case charge
    /// The place of the case: the gazetteer place it names ("Волгоград
    /// (volgograd)" for Царицын, Сталинград and Stalingrad alike), else the
    /// text as written (docs/places.md).
    case place
    /// The oblast, krai, ASSR or governorate (else the republic) that
    /// contained the case's place at the case's date.
    case region
    /// The defendant's nationality, its written forms grouped
    /// (`Nationality.group`).
    case nationality

    /// True for the dimensions read per defendant rather than per case.
    public var isPerDefendant: Bool { self == .charge || self == .nationality }

    /// True for the dimensions read from the decision date.
    public var isDate: Bool { self == .year || self == .decade }

    /// How the dimension is named in headings ("year", "body kind").
    public var label: String {
        switch self {
        case .bodyKind: return "body kind"
        default: return rawValue
        }
    }

    /// The key of the dimension in JSON and the column in CSV.
    public var jsonKey: String { rawValue.replacingOccurrences(of: "-", with: "_") }

    /// Reads `--by` text: one dimension or two, comma-separated
    /// (`decade,category`).
    /// - Throws: `FieldProblem` naming the allowed values.
    public static func parseList(_ text: String) throws -> [StatsDimension] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let allowed = allCases.map(\.rawValue).joined(separator: ", ")
        var result: [StatsDimension] = []
        for part in parts {
            let normal = part.lowercased().replacingOccurrences(of: "_", with: "-")
            guard let dimension = StatsDimension(rawValue: normal) else {
                var problem = "unknown grouping \"\(part)\""
                if let nearest = Suggest.nearest(to: part, in: allCases.map(\.rawValue)) {
                    problem += "; did you mean \(nearest)?"
                }
                throw FieldProblem(problem: problem, expected: "one or two of \(allowed), e.g. decade,category")
            }
            if result.contains(dimension) {
                throw FieldProblem(problem: "\(dimension.rawValue) is given twice", expected: "two different groupings")
            }
            result.append(dimension)
        }
        if result.count > 2 {
            throw FieldProblem(problem: "\(result.count) groupings", expected: "at most two, e.g. decade,category")
        }
        if result.count == 2, result.allSatisfy(\.isDate) {
            throw FieldProblem(problem: "year and decade together", expected: "one date grouping, e.g. year,category")
        }
        return result
    }
}

/// One `dossier stats` question: which records, grouped how.
public struct StatsRequest: Sendable, Equatable {
    public var filter: RecordFilter
    /// Up to two dimensions; none gives one group of every matching record.
    public var by: [StatsDimension]
    /// Spread records whose decision date spans several years evenly over
    /// those years, instead of counting them under "uncertain year".
    public var spread: Bool
    /// Show the published figures whose scope overlaps each group beside it.
    public var compare: Bool

    public init(filter: RecordFilter = RecordFilter(), by: [StatsDimension] = [], spread: Bool = false,
                compare: Bool = false) {
        self.filter = filter
        self.by = by
        self.spread = spread
        self.compare = compare
    }
}

/// The value of one dimension for a group.
public enum GroupValue: Sendable, Hashable {
    /// A year, or the first year of a decade.
    case number(Int)
    /// A code of a fixed vocabulary (body kind, category), by its position
    /// in the vocabulary.
    case code(Int)
    /// Free text: a place, a charge.
    case text(String)
    /// The date spans several years (decades), or is open on one side.
    case uncertain
    /// No value recorded: no date, no place, no charge.
    case missing

    /// The value for a reader (chart labels): a code in words
    /// (`regional court`, `Special Board`), else as `label` shows it.
    public func readableLabel(_ dimension: StatsDimension) -> String {
        guard case .code(let index) = self else { return label(dimension) }
        switch dimension {
        case .bodyKind: return BodyKind.allCases[index].label
        case .category: return Category.allCases[index].label
        default: return label(dimension)
        }
    }

    /// The value as shown: "1937", "1930s", "troika", "uncertain year".
    public func label(_ dimension: StatsDimension) -> String {
        switch self {
        case .number(let number): return dimension == .decade ? "\(number)s" : String(number)
        case .code(let index):
            switch dimension {
            case .bodyKind: return BodyKind.allCases[index].rawValue
            case .category: return Category.allCases[index].rawValue
            default: return String(index)
            }
        case .text(let text): return text
        case .uncertain: return dimension == .decade ? "uncertain decade" : "uncertain year"
        case .missing:
            switch dimension {
            case .year, .decade: return "no date"
            case .charge: return "no charge"
            case .place: return "no place"
            case .region: return "no region known"
            case .nationality: return "no nationality"
            default: return "none"
            }
        }
    }

    /// Sorting: numbers and codes in their order, text by the ordering the
    /// caller gives, then uncertain, then missing.
    var rank: Int {
        switch self {
        case .number, .code, .text: return 0
        case .uncertain: return 1
        case .missing: return 2
        }
    }
}
