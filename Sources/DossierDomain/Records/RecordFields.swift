import Foundation

/// What a field holds, which decides how it is read, checked, written and
/// stored.
public enum FieldType: Sendable {
    /// Text as the source writes it.
    case text
    /// An EDTF date; stored as the text and its earliest and latest day
    /// (`<column>_lower`, `<column>_upper`), which range filters read.
    case date
    /// One code of a fixed vocabulary; `parse` checks it and says what was
    /// meant ("did you mean ...").
    case code(allowed: [String], parse: @Sendable (String) throws -> String)
    /// A number (a prison term in years).
    case number(range: ClosedRange<Double>, expected: String)
    /// True or false; false is not written.
    case flag
}

/// What `dossier merge` does with a field when both records have it.
public enum FieldMergeRule: Sendable {
    /// The kept record's value wins; an empty one is filled from the other.
    case keepFilled
    /// Both texts are kept, joined by a blank line (notes).
    case join
}

/// A field's value in one of the shapes a field can take.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case flag(Bool)

    public var text: String? { if case .text(let value) = self { return value } else { return nil } }
}

/// One field of a record kind, described once: the column that stores it,
/// the key documents and CSV files name it by, the command-line flag, its
/// type, the help line (flags and the comments of editor templates), and
/// the merge rule. The JSON Lines and YAML documents, the SELECT and INSERT
/// lists, the exporter and the merge are all driven by these descriptions,
/// so that a new field is named here, in its migration, and where its
/// meaning is used.
public struct RecordField<Record>: @unchecked Sendable {
    /// The key in JSON Lines, YAML and CSV (`birthplace`, `trial_date`).
    public let key: String
    /// The column of the record's table.
    public let column: String
    /// The `dossier add` flag, without the dashes.
    public let flag: String
    public let type: FieldType
    /// One line for `--help` and the template's comment.
    public let help: String
    public let merge: FieldMergeRule
    /// Whether a record without it is refused.
    public let required: Bool
    /// The code a record has when nothing better is known (`unknown`,
    /// `unverified`, `other`): a merge fills it from the other record.
    public var fallback: String? = nil
    /// Whether the flat CSV format (one row per defendant) has a column
    /// for it, named by `key`: the importer, its merge and the exporter
    /// read this list.
    public var isFlatCSVColumn = false
    /// A short name for column descriptions (the published site):
    /// `place of birth`; the key in words when not given.
    public var label: String? = nil
    /// Whether readers count records by it (a facet of the published site):
    /// every code, and text fields marked so.
    public var isFacet = false
    /// For a date field: where the text as written is kept when it was not
    /// EDTF (`14 августа 1937 г.` beside `1937-08-14`), under the key and
    /// column `<key>_as_written`; nil for a date that keeps none.
    public var written: (get: (Record) -> String?, set: (inout Record, String?) -> Void)? = nil

    /// The value a record has when a document leaves the field out:
    /// editor templates leave it empty.
    public var implied: String? { required ? nil : fallback }
    public let get: (Record) -> FieldValue?
    public let set: (inout Record, FieldValue?) -> Void

    /// The columns it takes in its table (a date takes three).
    public var columns: [String] {
        if case .date = type {
            return [column, column + "_lower", column + "_upper"] + (written == nil ? [] : [writtenColumn])
        }
        return [column]
    }

    /// The key of the text as written (`birth_as_written`).
    public var writtenKey: String { key + "_as_written" }
    /// The column of the text as written (`birth_as_written`).
    public var writtenColumn: String { column + "_as_written" }

    /// The text a date was written in when it was not EDTF.
    public func writtenText(_ record: Record) -> String? { written?.get(record) }

    public var isDate: Bool { if case .date = type { return true } else { return false } }

    /// The label, or the key in words.
    public var title: String { label ?? key.replacingOccurrences(of: "_", with: " ") }

    /// The same field with a label for column descriptions.
    public func labelled(_ label: String) -> RecordField {
        var field = self
        field.label = label
        return field
    }

    /// The same field, counted by (a facet).
    public func facet() -> RecordField {
        var field = self
        field.isFacet = true
        return field
    }

    /// The same date field, keeping the text as written in `keyPath` when
    /// it was not EDTF.
    public func keepingWritten(_ keyPath: WritableKeyPath<Record, String?>) -> RecordField {
        var field = self
        field.written = (get: { $0[keyPath: keyPath] }, set: { $0[keyPath: keyPath] = $1 })
        return field
    }

    /// The same field with a column in the flat CSV format.
    public func inFlatCSV(_ flag: Bool = true) -> RecordField {
        var field = self
        field.isFlatCSVColumn = flag
        return field
    }
}

extension RecordField {
    /// A text field stored in `keyPath`.
    public static func text(_ key: String, _ keyPath: WritableKeyPath<Record, String?>, column: String? = nil,
                            flag: String? = nil, help: String, merge: FieldMergeRule = .keepFilled) -> RecordField {
        RecordField(key: key, column: column ?? key, flag: flag ?? key.replacingOccurrences(of: "_", with: "-"),
                    type: .text, help: help, merge: merge, required: false,
                    get: { record in record[keyPath: keyPath].map(FieldValue.text) },
                    set: { record, value in record[keyPath: keyPath] = value?.text })
    }

    /// An EDTF date field stored in `keyPath`.
    public static func date(_ key: String, _ keyPath: WritableKeyPath<Record, String?>, column: String? = nil,
                            flag: String? = nil, help: String) -> RecordField {
        RecordField(key: key, column: column ?? key, flag: flag ?? key.replacingOccurrences(of: "_", with: "-"),
                    type: .date, help: help, merge: .keepFilled, required: false,
                    get: { record in record[keyPath: keyPath].map(FieldValue.text) },
                    set: { record, value in record[keyPath: keyPath] = value?.text })
    }

    /// An optional code of vocabulary `V`.
    public static func code<V: Vocabulary>(_ key: String, _ keyPath: WritableKeyPath<Record, V?>, column: String? = nil,
                                           flag: String? = nil, help: String? = nil) -> RecordField {
        RecordField(key: key, column: column ?? key, flag: flag ?? key.replacingOccurrences(of: "_", with: "-"),
                    type: .code(allowed: V.allowed, parse: { try V.parse($0).rawValue }),
                    help: help ?? oneOf(V.self) + ".", merge: .keepFilled, required: false, isFacet: true,
                    get: { record in record[keyPath: keyPath].map { .text($0.rawValue) } },
                    set: { record, value in record[keyPath: keyPath] = value?.text.flatMap(V.init(rawValue:)) })
    }

    /// A code of vocabulary `V` that every record has: `fallback` when a
    /// document leaves it out, or refused when `required`.
    public static func code<V: Vocabulary>(_ key: String, _ keyPath: WritableKeyPath<Record, V>, fallback: V,
                                           required: Bool = false, column: String? = nil, flag: String? = nil,
                                           help: String? = nil) -> RecordField {
        RecordField(key: key, column: column ?? key, flag: flag ?? key.replacingOccurrences(of: "_", with: "-"),
                    type: .code(allowed: V.allowed, parse: { try V.parse($0).rawValue }),
                    help: help ?? oneOf(V.self) + (required ? " (required)." : "; empty is \(fallback.rawValue)."),
                    merge: .keepFilled, required: required, fallback: fallback.rawValue, isFacet: true,
                    get: { record in .text(record[keyPath: keyPath].rawValue) },
                    set: { record, value in record[keyPath: keyPath] = value?.text.flatMap(V.init(rawValue:)) ?? fallback })
    }

    /// A number in `range`.
    public static func number(_ key: String, _ keyPath: WritableKeyPath<Record, Double?>, range: ClosedRange<Double>,
                              expected: String, help: String) -> RecordField {
        RecordField(key: key, column: key, flag: key.replacingOccurrences(of: "_", with: "-"),
                    type: .number(range: range, expected: expected), help: help, merge: .keepFilled, required: false,
                    get: { record in record[keyPath: keyPath].map(FieldValue.number) },
                    set: { record, value in
                        if case .number(let number)? = value { record[keyPath: keyPath] = number } else { record[keyPath: keyPath] = nil }
                    })
    }

    /// A true-or-false field.
    public static func flag(_ key: String, _ keyPath: WritableKeyPath<Record, Bool>, help: String) -> RecordField {
        RecordField(key: key, column: key, flag: key.replacingOccurrences(of: "_", with: "-"),
                    type: .flag, help: help, merge: .keepFilled, required: false,
                    get: { record in record[keyPath: keyPath] ? .flag(true) : nil },
                    set: { record, value in if case .flag(let flag)? = value { record[keyPath: keyPath] = flag } else { record[keyPath: keyPath] = false } })
    }
}

/// "a, b or c": the codes of a vocabulary, for help and comments.
public func oneOf<V: Vocabulary>(_ type: V.Type) -> String {
    let values = V.allowed
    return values.dropLast().joined(separator: ", ") + " or " + values.last!
}

/// The forms of EDTF a historian meets, for help and comments.
public let edtfExamples = "EDTF: 1937-11-05, 1937-11, 1937, 1937-11-05? (uncertain), 1937~ (about), 1937/1938, 193X"

extension RecordField {
    /// Checks a value given as text (a flag, a CSV cell, a YAML scalar) and
    /// turns it into the field's value; empty text is no value.
    public func value(fromText text: String?) throws(FieldProblem) -> FieldValue? {
        guard let text, !text.isEmpty else { return nil }
        if text.utf8.contains(0) {
            throw FieldProblem(problem: "contains a NUL character (\\u0000)", expected: "text without NUL characters")
        }
        switch type {
        case .text:
            return .text(text)
        case .date:
            // EDTF is stored as given; a form sources write (14.08.1937) as
            // the EDTF it means (DateReader).
            do { return .text(try DateReader.read(text).stored) } catch {
                throw FieldProblem(problem: error.problem, expected: error.expectation)
            }
        case .code(_, let parse):
            do { return .text(try parse(text)) } catch let problem as FieldProblem {
                throw problem
            } catch {
                throw FieldProblem(problem: "\(error)")
            }
        case .number(let range, let expected):
            guard let number = Double(text) else { throw FieldProblem(problem: "not a number", expected: "a number such as 10") }
            try check(number, range, expected)
            return .number(number)
        case .flag:
            switch text.lowercased() {
            case "true", "yes", "1": return .flag(true)
            case "false", "no", "0": return .flag(false)
            default: throw FieldProblem(problem: "not true or false", expected: "true or false")
            }
        }
    }

    /// Checks a date given as text and returns what to store: the EDTF, and
    /// the text as written when it was not EDTF and the field keeps it.
    public func dateValue(fromText text: String?) throws(FieldProblem) -> (stored: String, written: String?)? {
        guard let text, !text.isEmpty else { return nil }
        guard case .date = type else {
            return try value(fromText: text)?.text.map { ($0, nil) }
        }
        if text.utf8.contains(0) {
            throw FieldProblem(problem: "contains a NUL character (\\u0000)", expected: "text without NUL characters")
        }
        do {
            let reading = try DateReader.read(text)
            return (reading.stored, reading.wasEDTF || written == nil ? nil : reading.input)
        } catch {
            throw FieldProblem(problem: error.problem, expected: error.expectation)
        }
    }

    private func check(_ number: Double, _ range: ClosedRange<Double>, _ expected: String) throws(FieldProblem) {
        if !range.contains(number) {
            throw FieldProblem(problem: "\(number) is not a term", expected: expected)
        }
    }

    /// Reads the field from a JSON object and stores it in `record`.
    /// `name` is the key to read, when the object names fields otherwise
    /// (the object of `dossier add` names them by flag).
    package func read(from reader: inout JSONObjectReader, into record: inout Record, name: String? = nil) throws(FieldError) {
        let key = name ?? self.key
        var value: FieldValue?
        switch type {
        case .number(let range, let expected):
            if let number = try reader.number(key) {
                do { try check(number, range, expected) } catch {
                    throw FieldError(field: reader.fieldPath(key), problem: error)
                }
                value = .number(number)
            }
        case .flag:
            value = try reader.bool(key).map(FieldValue.flag)
        case .date where written != nil:
            let text = try reader.string(key)
            let writtenName = key + "_as_written"
            let given = try reader.string(writtenName)
            var keptText: String?
            do {
                let date = try dateValue(fromText: text)
                value = date.map { .text($0.stored) }
                keptText = date?.written
            } catch {
                throw FieldError(field: reader.fieldPath(key), problem: error)
            }
            if let given, !given.isEmpty {
                if value == nil {
                    throw FieldError(field: reader.fieldPath(writtenName),
                                     problem: FieldProblem(problem: "the text as written of a date that is not given",
                                                           expected: "\(key) beside it"))
                }
                if let keptText, keptText != given {
                    throw FieldError(field: reader.fieldPath(writtenName),
                                     problem: FieldProblem(problem: "given beside \(key) \"\(keptText)\", which is not EDTF",
                                                           expected: "\(key) as EDTF beside the text as written, or the text alone"))
                }
                if given.utf8.contains(0) {
                    throw FieldError(field: reader.fieldPath(writtenName),
                                     problem: FieldProblem(problem: "contains a NUL character (\\u0000)",
                                                           expected: "text without NUL characters"))
                }
                keptText = given
            }
            written?.set(&record, keptText)
        case .text, .date, .code:
            let text = try reader.string(key)
            do { value = try self.value(fromText: text) } catch {
                throw FieldError(field: reader.fieldPath(key), problem: error)
            }
        }
        if value == nil, required {
            var expected = "a value"
            if case .code(let allowed, _) = type { expected = "one of " + allowed.joined(separator: ", ") }
            throw FieldError(field: reader.fieldPath(key), problem: FieldProblem(problem: "missing", expected: expected))
        }
        set(&record, value)
    }

    /// Writes the field into a JSON object (nothing when it has no value).
    package func write(_ record: Record, into writer: inout JSONObjectWriter) {
        switch get(record) {
        case .text(let text)?:
            writer.set(key, text)
            if let written = writtenText(record) { writer.set(writtenKey, written) }
        case .number(let number)?: writer.set(key, number)
        case .flag(let flag)?: writer.set(key, flag)
        case nil: break
        }
    }

    /// The field as text (YAML, CSV, `show`).
    public func text(_ record: Record) -> String? {
        switch get(record) {
        case .text(let text)?: return text
        case .number(let number)?: return OrderedJSON.number(number)
        case .flag(let flag)?: return flag ? "true" : nil
        case nil: return nil
        }
    }
}

/// A record kind whose scalar fields are described once.
public protocol DescribedRecord {
    /// The scalar fields, in the order documents list them.
    static var fields: [RecordField<Self>] { get }
}

extension DescribedRecord {
    public static func field(_ key: String) -> RecordField<Self>? { fields.first { $0.key == key } }

    /// Reads every described field from a JSON object.
    package mutating func readFields(from reader: inout JSONObjectReader) throws(FieldError) {
        for field in Self.fields { try field.read(from: &reader, into: &self) }
    }

    /// Reads every described field from the object of `dossier add`, whose
    /// keys are the flags with underscores (`--body-kind` is `body_kind`).
    package mutating func readFlags(from reader: inout JSONObjectReader) throws(FieldError) {
        for field in Self.fields {
            try field.read(from: &reader, into: &self, name: field.flag.replacingOccurrences(of: "-", with: "_"))
        }
    }

    /// Writes every described field into a JSON object, in order.
    package func writeFields(into writer: inout JSONObjectWriter) {
        for field in Self.fields { field.write(self, into: &writer) }
    }
}

// MARK: - The record kinds

extension PersonDoc: DescribedRecord {
    public static let fields: [RecordField<PersonDoc>] = [
        RecordField.code("sex", \.sex, help: "m or f.").labelled("m or f").inFlatCSV(),
        RecordField.date("birth", \.birth, help: "Date of birth, \(edtfExamples).").labelled("date of birth").inFlatCSV()
            .keepingWritten(\.birthAsWritten),
        RecordField.date("death", \.death, help: "Date of death, EDTF as above.").labelled("date of death").inFlatCSV()
            .keepingWritten(\.deathAsWritten),
        RecordField.text("birthplace", \.birthplace, help: "Place of birth as written, e.g. Александровское.")
            .labelled("place of birth").inFlatCSV(),
        .text("occupation", \.occupation, help: "As written, e.g. маршал, kolkhoz worker."),
        RecordField.text("nationality", \.nationality, help: "As the source writes it, e.g. латыш, полька, German.")
            .labelled("nationality as the source writes it (латыш, полька, German)").facet().inFlatCSV(),
        RecordField.text("notes", \.notes, help: "Free text.", merge: .join).labelled("the compiler's notes on the person"),
    ]
}

extension CaseDoc: DescribedRecord {
    public static let fields: [RecordField<CaseDoc>] = [
        .text("title", \.title, help: "A title, e.g. The case of the military (optional)."),
        .text("body", \.body, help: "The deciding body as written, e.g. NKVD troika, Leningrad oblast."),
        .code("body_kind", \.bodyKind, fallback: .other, required: true,
              help: oneOf(BodyKind.self) + " (required);\ntroika, dvoika, special_board and commission are extrajudicial."),
        .code("category", \.category, fallback: .unknown),
        .text("place", \.place, help: "Where the case was decided, e.g. Leningrad."),
        RecordField.date("trial_date", \.trialDate, column: "date", flag: "date", help: "Date of the decision, \(edtfExamples).")
            .keepingWritten(\.trialDateAsWritten),
        .text("notes", \.notes, help: "Free text.", merge: .join),
    ]
}

extension DefendantDoc: DescribedRecord {
    public static let fields: [RecordField<DefendantDoc>] = [
        .text("charge_text", \.chargeText, help: "The charges as the source describes them, e.g. антисоветская агитация."),
        .code("outcome", \.outcome, fallback: .unknown),
        .text("outcome_text", \.outcomeText, help: "The decision as the source words it, e.g. ВМН, 10 лет ИТЛ."),
        .text("outcome_subcategory", \.outcomeSubcategory, help: "Your own finer code under the outcome, if any."),
        .text("sentence", \.sentence, help: "The sentence as written, e.g. 10 years camp."),
        .code("sentence_kind", \.sentenceKind),
        .number("term_years", \.termYears, range: 0...100, expected: "a number of years from 0 to 100",
                help: "The term in years, a number: 10, 2.5."),
        .flag("charge_reduced", \.chargeReduced, help: "true when convicted on a lesser charge than the one brought."),
        RecordField.date("outcome_date", \.outcomeDate, help: "Date of the decision, \(edtfExamples).")
            .keepingWritten(\.outcomeDateAsWritten),
        .text("notes", \.notes, help: "Free text.", merge: .join),
    ]
}

extension EventDoc: DescribedRecord {
    public static let fields: [RecordField<EventDoc>] = [
        .code("kind", \.kind, fallback: .arrested, required: true),
        RecordField.date("date", \.date, help: "\(edtfExamples).").keepingWritten(\.dateAsWritten),
        .text("body", \.body, help: "The acting body as written, e.g. Военная коллегия Верховного суда СССР."),
        .text("notes", \.notes, help: "Free text.", merge: .join),
    ]
}

extension CitationDoc: DescribedRecord {
    public static let fields: [RecordField<CitationDoc>] = [
        .text("locator", \.locator, help: "Where in it: a page (p. 12) or an archival locator (f. 8, op. 1, d. 45, l. 12ob)."),
        .code("confidence", \.confidence, fallback: .unverified),
        .text("quote", \.quote, help: "The words of the source, if worth keeping."),
        .text("note", \.note, help: "Your note on this citation."),
    ]
}

extension PublishedFigure: DescribedRecord {
    /// A figure's numbers: shares from 0 to 1, or counts.
    static let numberRange: ClosedRange<Double> = 0...1e12
    static let numberExpected = "a share from 0 to 1 (0.02 for 2%) or a count"

    public static let fields: [RecordField<PublishedFigure>] = [
        .text("statement", \.statement, help: "The claim as the source words it, e.g. less than 2%."),
        .code("measure", \.measure, fallback: .acquittalRate, required: true),
        .number("value", \.value, range: numberRange, expected: numberExpected,
                help: "An exact value: 0.103 for 10.3%, or a count (give value or low/high)."),
        .number("low", \.low, range: numberRange, expected: numberExpected,
                help: "The lower bound: \"over a third\" is low 0.3333, high 1."),
        .number("high", \.high, range: numberRange, expected: numberExpected,
                help: "The upper bound: \"less than 2%\" is low 0, high 0.02."),
        .code("qualifier", \.qualifier),
        .number("numerator", \.numerator, range: numberRange, expected: "a count", help: "The count on top, when the source gives it."),
        .number("denominator", \.denominator, range: numberRange, expected: "a count", help: "The count below, when the source gives it."),
        .text("jurisdiction", \.jurisdiction, help: "USSR, RSFSR, a republic (UkrSSR) or another country (Japan)."),
        .code("courts", \.courts, fallback: .all, required: true),
        .code("category", \.category, fallback: .all, required: true),
        .date("period", \.period, help: "The period the figure covers (required), \(edtfExamples)."),
        .code("unit", \.unit),
        .text("locator", \.locator, help: "Where in the source: a page (p. 12), a table, a section."),
        .code("confidence", \.confidence, fallback: .unverified),
        .text("quote", \.quote, help: "The words of the source that state the figure."),
        .text("note", \.note, help: "How the figure was checked, what it leaves out."),
    ]
}
