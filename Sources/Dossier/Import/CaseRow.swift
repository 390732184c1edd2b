import DossierDomain

/// The columns of the flat CSV format (docs/formats.md, "Case rows: CSV").
public enum CaseRowColumn: String, CaseIterable, Sendable {
    case caseRef = "case_ref", personRef = "person_ref", name
    case nameVariants = "name_variants", sex, birth, birthplace, nationality
    case arrestDate = "arrest_date", body, bodyKind = "body_kind", category, place
    case trialDate = "trial_date", charges, chargeText = "charge_text", outcome, sentence
    case sentenceKind = "sentence_kind", termYears = "term_years", outcomeDate = "outcome_date"
    case executedDate = "executed_date", rehabilitatedDate = "rehabilitated_date"
    case sourceKey = "source_key", locator

    static let required: [CaseRowColumn] = [.caseRef, .personRef, .name]
    static let all = Array(allCases)
    /// The position of the column in `allCases`.
    var index: Int { Self.all.firstIndex(of: self)! }
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

/// One CSV row, validated and typed. Nil means an empty cell or no column:
/// "not known", which never changes what the archive holds.
struct CaseRow {
    var line = 0
    var caseRef = "", personRef = "", name = ""
    var variants: [String] = []
    var sex: Sex?
    var birth: DateCell?
    var birthplace: String?
    var nationality: String?
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
