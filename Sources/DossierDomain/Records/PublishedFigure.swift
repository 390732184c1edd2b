import Foundation

/// What a published figure measures.
public enum FigureMeasure: String, Vocabulary {
    /// Acquittals of the decided (or of those tried).
    case acquittalRate = "acquittal_rate"
    /// Every way out of a conviction: acquittals, dropped charges, ….
    case nonConvictionRate = "non_conviction_rate"
    case convictionRate = "conviction_rate"
    /// The share of one outcome or group of outcomes (the numerator's codes).
    case outcomeShare = "outcome_share"
    /// A number of people or cases, not a share.
    case count
    public static let fieldName = "measure"

    /// "acquittal rate", "non-conviction rate", "count".
    public var label: String {
        switch self {
        case .acquittalRate: return "acquittal rate"
        case .nonConvictionRate: return "non-conviction rate"
        case .convictionRate: return "conviction rate"
        case .outcomeShare: return "share"
        case .count: return "(a count)"
        }
    }

    /// Shares lie between 0 and 1; counts do not.
    public var isShare: Bool { self != .count }
}

/// How the source qualifies its number ("around 10%", "less than 2%").
public enum FigureQualifier: String, Vocabulary {
    case exactly, approximately
    case lessThan = "less_than"
    case atMost = "at_most"
    case moreThan = "more_than"
    case atLeast = "at_least"
    public static let fieldName = "qualifier"
}

/// Which deciding bodies a published figure counts.
public enum FigureCourts: String, Vocabulary {
    /// Every court and every extrajudicial body.
    case all
    /// Every court (ordinary courts, military tribunals, special courts).
    case courts
    /// People's and regional courts.
    case ordinaryCourts = "ordinary_courts"
    case militaryTribunals = "military_tribunals"
    /// Troikas, the Special Board and the like.
    case extrajudicial
    public static let fieldName = "courts"

    /// True when the figure counts decisions of bodies of `jurisdiction`.
    public func covers(_ jurisdiction: Jurisdiction) -> Bool {
        switch self {
        case .all: return true
        case .courts, .ordinaryCourts, .militaryTribunals: return jurisdiction == .court
        case .extrajudicial: return jurisdiction == .extrajudicial
        }
    }

    /// True when the figure counts decisions of bodies of `kind`.
    public func covers(_ kind: BodyKind) -> Bool {
        switch self {
        case .all: return true
        case .courts: return kind.jurisdiction == .court
        case .ordinaryCourts: return kind == .ordinaryCourt || kind == .regionalCourt
        case .militaryTribunals: return kind == .militaryTribunal || kind == .militaryCollegium
        case .extrajudicial: return kind.jurisdiction == .extrajudicial
        }
    }
}

/// Which cases a published figure counts.
public enum FigureCategory: String, Vocabulary {
    case political, criminal, all
    public static let fieldName = "category"
}

/// What a published figure counts one of.
public enum FigureUnit: String, Vocabulary {
    case defendants, cases, verdicts
    public static let fieldName = "unit"
}

/// A figure from the literature: a rate or count of Soviet (or another
/// country's) justice as a source publishes it, with its scope, its
/// definition in dossier's outcome codes, and where it is printed. The
/// archive keeps these apart from its own counts and shows them beside
/// them (`stats --compare`), never mixed in.
public struct PublishedFigure: Sendable, Hashable {
    public var ref: String
    /// The claim as the source words it ("less than 2%").
    public var statement: String?
    public var measure: FigureMeasure = .acquittalRate
    /// An exact value, or `low` and `high` bounds (a bound open on one
    /// side has only the other).
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var qualifier: FigureQualifier?
    public var numerator: Double?
    public var denominator: Double?
    /// USSR, RSFSR, a republic, or another country.
    public var jurisdiction: String?
    public var courts: FigureCourts = .all
    public var category: FigureCategory = .all
    /// The period the figure covers, EDTF.
    public var period: String?
    public var unit: FigureUnit?
    /// The outcome codes the numerator counts (Solomon's acquittals:
    /// `acquitted`; "acquittal or charges dropped": `acquitted`, `dismissed`).
    public var numeratorOutcomes: [Outcome] = []
    /// The outcome codes the denominator counts; empty: every decided
    /// outcome (all but `unknown`).
    public var denominatorOutcomes: [Outcome] = []
    public var sourceKey: String
    public var locator: String?
    public var quote: String?
    public var confidence: Confidence = .unverified
    public var note: String?

    public init(ref: String, sourceKey: String) {
        self.ref = ref
        self.sourceKey = sourceKey
    }

    /// The lowest and highest value the figure allows.
    public var bounds: (low: Double?, high: Double?) {
        if let value { return (value, value) }
        return (low, high)
    }

    /// "less than 2%", "10.3% (approximately)", "33.3–100%", "767,000 or more".
    public var valueText: String {
        func show(_ number: Double) -> String {
            measure.isShare ? PublishedFigure.percent(number) : PublishedFigure.grouped(number)
        }
        if let value {
            let text = show(value)
            if let qualifier, qualifier != .exactly { return "\(text) (\(qualifier.rawValue.replacingOccurrences(of: "_", with: " ")))" }
            return text
        }
        switch (low, high) {
        case let (low?, high?):
            if measure.isShare, low == 0 { return "at most \(show(high))" }
            if measure.isShare, high == 1 { return "at least \(show(low))" }
            return "\(show(low))\u{2013}\(show(high))"
        case let (low?, nil): return "at least \(show(low))"
        case let (nil, high?): return "at most \(show(high))"
        default: return "\u{2014}"
        }
    }

    static func text(_ number: Double) -> String { OrderedJSON.number(number) }

    /// 767000 → "767,000" (whole counts; others as JSON writes them).
    static func grouped(_ number: Double) -> String {
        guard number == number.rounded(), abs(number) < 1e15 else { return text(number) }
        let digits = String(Int64(abs(number)))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// 0.103 → "10.3%"; a share under 1% keeps two decimals (0.0007 →
    /// "0.07%"), so that rates of a few in ten thousand do not read as 0.1%.
    static func percent(_ share: Double) -> String {
        let scale = share > 0 && share < 0.01 ? 10_000.0 : 1000.0
        let value = (share * scale).rounded() / (scale / 100)
        return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
    }

    /// The definition in words: "acquitted / every decided outcome".
    public var definitionText: String {
        let top = numeratorOutcomes.isEmpty ? "(not given)" : numeratorOutcomes.map(\.rawValue).joined(separator: " + ")
        let bottom = denominatorOutcomes.isEmpty ? "every decided outcome" : denominatorOutcomes.map(\.rawValue).joined(separator: " + ")
        return measure == .count ? "count of \(top)" : "\(top) / \(bottom)"
    }

    /// Checks what the fields cannot check one by one: a value or bounds,
    /// bounds in order, shares within 0–1, a period.
    /// - Throws: `FieldError` naming the field.
    public func validate(path: String = "") throws(FieldError) {
        func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        if value == nil, low == nil, high == nil {
            throw FieldError(field: name("value"), problem: FieldProblem(
                problem: "missing", expected: "value, or low and/or high (\"less than 2%\" is low 0, high 0.02)"))
        }
        if value != nil, low != nil || high != nil {
            throw FieldError(field: name(low != nil ? "low" : "high"), problem: FieldProblem(
                problem: "given together with value", expected: "either value or low/high bounds"))
        }
        if let low, let high, low > high {
            throw FieldError(field: name("high"), problem: FieldProblem(
                problem: "\(Self.text(high)) is below low \(Self.text(low))",
                expected: "low ≤ high; \"less than 2%\" is low 0, high 0.02"))
        }
        for (key, number) in [("value", value), ("low", low), ("high", high)] {
            guard let number else { continue }
            if measure.isShare, !(0...1).contains(number) {
                throw FieldError(field: name(key), problem: FieldProblem(
                    problem: "\(Self.text(number)) is not a share",
                    expected: "a share from 0 to 1, e.g. 0.02 for 2% (measure \(measure.rawValue))"))
            }
            if !measure.isShare, number < 0 {
                throw FieldError(field: name(key), problem: FieldProblem(
                    problem: "\(Self.text(number)) is negative", expected: "a count of 0 or more"))
            }
        }
        if let numerator, let denominator, numerator > denominator {
            throw FieldError(field: name("numerator"), problem: FieldProblem(
                problem: "\(Self.text(numerator)) is more than the denominator \(Self.text(denominator))",
                expected: "numerator ≤ denominator"))
        }
        if period == nil {
            throw FieldError(field: name("period"), problem: FieldProblem(
                problem: "missing", expected: "the period the figure covers, \(edtfExamples)"))
        }
        if numeratorOutcomes.isEmpty {
            throw FieldError(field: name("numerator_outcomes"), problem: FieldProblem(
                problem: "missing", expected: "the outcome codes the numerator counts, e.g. [\"acquitted\"]"))
        }
    }

    /// Reads outcome codes: a JSON array of codes, or one text of codes
    /// separated by commas (a flag, a CSV cell).
    package static func outcomes(_ values: [String], field: String) throws(FieldError) -> [Outcome] {
        var result: [Outcome] = []
        for (index, text) in values.enumerated() {
            let code = text.trimmingCharacters(in: .whitespaces)
            do { result.append(try Outcome.parse(code)) } catch let problem as FieldProblem {
                throw FieldError(field: "\(field)[\(index)]", problem: problem)
            } catch {
                throw FieldError(field: "\(field)[\(index)]", problem: FieldProblem(problem: "\(error)"))
            }
        }
        return result
    }

    /// Splits "acquitted, dismissed".
    public static func codeList(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

// MARK: - JSON

extension PublishedFigure {
    /// Reads a figure object (the value of a `{"figure": ...}` line).
    public init(json: JSONValue, path: String = "") throws(FieldError) {
        var reader = try JSONObjectReader(json, path: path)
        self.init(ref: try reader.required("figure_ref"), sourceKey: "")
        try readFields(from: &reader)
        numeratorOutcomes = try Self.outcomes(reader.strings("numerator_outcomes"), field: reader.fieldPath("numerator_outcomes"))
        denominatorOutcomes = try Self.outcomes(reader.strings("denominator_outcomes"),
                                                field: reader.fieldPath("denominator_outcomes"))
        sourceKey = try reader.required("source_key")
        try reader.rejectUnknown()
        try validate(path: path)
    }

    /// The figure as one JSON object, fields in their described order.
    public var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("figure_ref", ref)
        for field in Self.fields {
            field.write(self, into: &writer)
            if field.key == "unit" {
                writer.set("numerator_outcomes", OrderedJSON.array(numeratorOutcomes.map { .string($0.rawValue) }))
                if !denominatorOutcomes.isEmpty {
                    writer.set("denominator_outcomes", OrderedJSON.array(denominatorOutcomes.map { .string($0.rawValue) }))
                }
                writer.set("source_key", sourceKey)
            }
        }
        return writer.json
    }
}
