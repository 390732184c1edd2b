import DossierDomain

/// A column of the flat CSV format (docs/formats.md, "Case rows: CSV"): the person's
/// columns come from the person's field descriptions (`isFlatCSVColumn`),
/// the others are the row's own.
public struct CaseRowColumn: Hashable, Sendable {
    public let rawValue: String

    init(_ name: String) { rawValue = name }

    /// The column named `name`, if the format has one.
    public init?(rawValue name: String) {
        guard Self.indexByName[name] != nil else { return nil }
        rawValue = name
    }

    static let caseRef = Self("case_ref"), personRef = Self("person_ref"), name = Self("name")
    static let nameVariants = Self("name_variants")
    static let arrestDate = Self("arrest_date"), body = Self("body"), bodyKind = Self("body_kind")
    static let category = Self("category"), place = Self("place")
    static let trialDate = Self("trial_date"), charges = Self("charges"), chargeText = Self("charge_text")
    static let outcome = Self("outcome"), sentence = Self("sentence")
    static let sentenceKind = Self("sentence_kind"), termYears = Self("term_years"), outcomeDate = Self("outcome_date")
    static let executedDate = Self("executed_date"), rehabilitatedDate = Self("rehabilitated_date")
    static let sourceKey = Self("source_key"), locator = Self("locator")

    /// The person's fields that have a column, in order.
    static let personFields = PersonDoc.fields.filter(\.isFlatCSVColumn)

    static let required: [CaseRowColumn] = [.caseRef, .personRef, .name]
    /// Every column, in the order an export writes them.
    public static let allCases: [CaseRowColumn] = [.caseRef, .personRef, .name, .nameVariants]
        + personFields.map { Self($0.key) }
        + [.arrestDate, .body, .bodyKind, .category, .place, .trialDate, .charges, .chargeText, .outcome, .sentence,
           .sentenceKind, .termYears, .outcomeDate, .executedDate, .rehabilitatedDate, .sourceKey, .locator]
    private static let indexByName = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1.rawValue, $0) })
    /// The position of the column in `allCases`.
    var index: Int { Self.indexByName[rawValue]! }
}

/// A date cell: the EDTF text and its earliest and latest day.
struct DateCell: Equatable {
    var text: String
    var lower: Int?
    var upper: Int?

    init(text: String, lower: Int?, upper: Int?) {
        self.text = text
        self.lower = lower
        self.upper = upper
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
