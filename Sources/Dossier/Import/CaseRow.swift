import DossierDomain

/// A column of the flat CSV format (docs/formats.md, "Case rows: CSV"): the person's
/// columns come from the person's field descriptions (`isFlatCSVColumn`),
/// the others are the row's own.
public struct CaseRowColumn: Hashable, Sendable {
    public let rawValue: String
    /// The position of the column in `allCases`, found once when the
    /// column is made: cells are looked up by it for every row.
    let index: Int

    init(_ name: String) {
        rawValue = name
        index = Self.indexByName[name]!
    }

    /// The column named `name`, if the format has one.
    public init?(rawValue name: String) {
        guard let index = Self.indexByName[name] else { return nil }
        rawValue = name
        self.index = index
    }

    public static func == (a: Self, b: Self) -> Bool { a.index == b.index }
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }

    /// The person's fields that have a column, in order.
    static let personFields = PersonDoc.fields.filter(\.isFlatCSVColumn)

    /// Every column's name, in the order an export writes them.
    private static let names: [String] = ["case_ref", "person_ref", "name", "name_variants"]
        + personFields.map(\.key)
        + ["arrest_date", "body", "body_kind", "category", "place", "trial_date", "charges", "charge_text", "outcome",
           "sentence", "sentence_kind", "term_years", "outcome_date", "executed_date", "rehabilitated_date",
           "source_key", "locator"]
    private static let indexByName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

    static let caseRef = Self("case_ref"), personRef = Self("person_ref"), name = Self("name")
    static let nameVariants = Self("name_variants")
    static let arrestDate = Self("arrest_date"), body = Self("body"), bodyKind = Self("body_kind")
    static let category = Self("category"), place = Self("place")
    static let trialDate = Self("trial_date"), charges = Self("charges"), chargeText = Self("charge_text")
    static let outcome = Self("outcome"), sentence = Self("sentence")
    static let sentenceKind = Self("sentence_kind"), termYears = Self("term_years"), outcomeDate = Self("outcome_date")
    static let executedDate = Self("executed_date"), rehabilitatedDate = Self("rehabilitated_date")
    static let sourceKey = Self("source_key"), locator = Self("locator")
    /// The columns of `personFields`, in the same order.
    static let personColumns = personFields.map { Self($0.key) }

    static let required: [CaseRowColumn] = [.caseRef, .personRef, .name]
    /// Every column, in the order an export writes them.
    public static let allCases = names.map(Self.init)
}

/// A date cell: the EDTF text and its earliest and latest day.
struct DateCell: Equatable {
    var text: String
    var lower: Int?
    var upper: Int?
    /// The cell as written, when it was not EDTF (`14 августа 1937 г.`).
    var written: String?

    init(text: String, lower: Int?, upper: Int?, written: String? = nil) {
        self.text = text
        self.lower = lower
        self.upper = upper
        self.written = written
    }

    /// True when every day this date may be is also a day `other` may be:
    /// `1937` contains `1937-11-05`.
    func contains(_ other: DateCell) -> Bool {
        (lower ?? .min) <= (other.lower ?? .min) && (upper ?? .max) >= (other.upper ?? .max)
    }
}

/// A checked person cell: text (a code is checked text) or a date.
enum PersonCell: Equatable {
    case text(String)
    case date(DateCell)

    var text: String {
        switch self {
        case .text(let text): return text
        case .date(let date): return date.text
        }
    }
}

/// One CSV row, validated and typed. Nil means an empty cell or no column:
/// "not known", which never changes what the archive holds.
struct CaseRow {
    var line = 0
    var caseRef = "", personRef = "", name = ""
    var variants: [String] = []
    /// The person's cells, one per `CaseRowColumn.personFields`.
    var person: [PersonCell?] = []
    var arrest: DateCell?
    var body: String?
    var bodyKind: BodyKind?
    var category: Category?
    var place: String?
    var trial: DateCell?
    var charges: [ChargeDoc]?
    var chargeText: String?
    var outcome: Outcome?
    var sentence: String?
    var sentenceKind: SentenceKind?
    var termYears: Double?
    var outcomeDate: DateCell?
    var executed: DateCell?
    var rehabilitated: DateCell?
    var sourceKey: String?
    var locator: String?

    /// The cells that describe the case, to notice a row that repeats the
    /// previous row's case exactly.
    var caseCells: [String?] { [body, bodyKind?.rawValue, category?.rawValue, place, trial?.text] }
}
