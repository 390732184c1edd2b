import DossierDomain
import Foundation

/// Checks and types CSV case rows: what `dossier import` does to a row
/// before writing it, apart from looking up its source (which the writer
/// does, against every source of the archive). Holds no connection, so
/// that rows are checked on another thread while the rows before them are
/// written (`CaseRowPipeline`).
final class CaseRowValidator {
    /// The statute code of references that name none.
    let defaultCode: String
    /// `--strict-dates`: dates must be EDTF (see `DateReader`).
    let strictDates: Bool
    /// Parsed dates, from a cache: trial dates and birth years repeat.
    var dateCache: [String: DateCell] = [:]
    /// Parsed charge lists, from a cache: lists repeat ("58-10" on most rows).
    var chargeCache: [String: [ChargeDoc]] = [:]

    init(defaultCode: String, strictDates: Bool = false) {
        self.defaultCode = defaultCode
        self.strictDates = strictDates
    }

    /// Checks one row's cells and types them.
    /// - Throws: `FieldError` for the first bad cell (`validateAll` gives every one).
    func validate(_ cells: [String?], line: Int) throws(FieldError) -> CaseRow {
        switch validateAll(cells, line: line) {
        case .success(let row): return row
        case .failure(let problems): throw problems.errors[0]
        }
    }

    /// Every bad cell of a row, in the order the validator checks them
    /// (the caller puts them in the file's column order).
    struct RowProblems: Error {
        var errors: [FieldError]
    }

    /// Checks one row's cells and types them, or gives every problem of the row.
    func validateAll(_ cells: [String?], line: Int) -> Result<CaseRow, RowProblems> {
        var problems: [FieldError] = []
        /// Runs one check; a problem is kept and the check gives nil.
        func attempt<T>(_ check: () throws(FieldError) -> T?) -> T? {
            do { return try check() } catch {
                problems.append(error)
                return nil
            }
        }
        func cell(_ column: CaseRowColumn) -> String? { cells[column.index] }
        func require(_ column: CaseRowColumn) throws(FieldError) -> String {
            guard let value = cell(column) else {
                throw FieldError(field: column.rawValue, problem: FieldProblem(problem: "missing", expected: "a value"))
            }
            return value
        }
        func code<V: Vocabulary>(_ column: CaseRowColumn, _ type: V.Type) throws(FieldError) -> V? {
            guard let text = cell(column) else { return nil }
            do { return try V.parse(text) } catch let problem as FieldProblem {
                throw FieldError(field: column.rawValue, problem: problem)
            } catch {
                throw FieldError(field: column.rawValue, problem: FieldProblem(problem: "\(error)"))
            }
        }
        func date(_ column: CaseRowColumn) throws(FieldError) -> DateCell? {
            guard let text = cell(column) else { return nil }
            if let cached = dateCache[text] { return cached }
            do {
                let reading = try DateReader.read(text, strict: strictDates)
                let date = DateCell(text: reading.stored, lower: reading.date.lower, upper: reading.date.upper,
                                    written: reading.wasEDTF ? nil : reading.input)
                if dateCache.count >= 100_000 { dateCache.removeAll(keepingCapacity: true) }
                dateCache[text] = date
                return date
            } catch {
                throw FieldError(field: column.rawValue, problem: FieldProblem(problem: error.problem, expected: error.expectation))
            }
        }
        var row = CaseRow()
        row.line = line
        row.caseRef = attempt { () throws(FieldError) in try require(.caseRef) } ?? ""
        row.personRef = attempt { () throws(FieldError) in try require(.personRef) } ?? ""
        row.name = attempt { () throws(FieldError) in
            let name = try require(.name)
            try PersonDoc.checkNameLength(name, field: CaseRowColumn.name.rawValue)
            return name
        } ?? ""
        if let text = cell(.nameVariants) {
            // A set: each variant compared with all before it was quadratic.
            var seen = Set<String>()
            for part in text.split(separator: ";") {
                let variant = part.trimmingCharacters(in: .whitespaces)
                guard !variant.isEmpty, variant != row.name, seen.insert(variant).inserted else { continue }
                if row.variants.count == PersonDoc.maxNameVariants {
                    problems.append(PersonDoc.tooManyVariants(field: CaseRowColumn.nameVariants.rawValue))
                    break
                }
                do { try PersonDoc.checkNameLength(variant, field: CaseRowColumn.nameVariants.rawValue) } catch {
                    problems.append(error)
                    break
                }
                row.variants.append(variant)
            }
        }
        row.person.reserveCapacity(CaseRowColumn.personFields.count)
        for (field, column) in zip(CaseRowColumn.personFields, CaseRowColumn.personColumns) {
            if field.isDate {
                row.person.append(attempt { () throws(FieldError) in try date(column) }.map(PersonCell.date))
            } else if let text = cell(column) {
                let value: FieldValue?
                do { value = try field.value(fromText: text) } catch {
                    problems.append(FieldError(field: field.key, problem: error))
                    value = nil
                }
                row.person.append(value?.text.map(PersonCell.text))
            } else {
                row.person.append(nil)
            }
        }
        row.arrest = attempt { () throws(FieldError) in try date(.arrestDate) }
        row.body = cell(.body)
        row.bodyKind = attempt { () throws(FieldError) in try code(.bodyKind, BodyKind.self) }
        row.category = attempt { () throws(FieldError) in try code(.category, Category.self) }
        row.place = cell(.place)
        row.trial = attempt { () throws(FieldError) in try date(.trialDate) }
        if let text = cell(.charges) { row.charges = attempt { () throws(FieldError) in try charges(text) } }
        row.chargeText = cell(.chargeText)
        row.outcome = attempt { () throws(FieldError) in try code(.outcome, Outcome.self) }
        row.sentence = cell(.sentence)
        row.sentenceKind = attempt { () throws(FieldError) in try code(.sentenceKind, SentenceKind.self) }
        if let text = cell(.termYears) {
            if let years = Double(text), years >= 0, years <= 100 {
                row.termYears = years
            } else {
                problems.append(FieldError(field: "term_years", problem: FieldProblem(problem: "\"\(text)\" is not a term",
                                                                                   expected: "a number of years from 0 to 100")))
            }
        }
        row.outcomeDate = attempt { () throws(FieldError) in try date(.outcomeDate) }
        row.executed = attempt { () throws(FieldError) in try date(.executedDate) }
        row.rehabilitated = attempt { () throws(FieldError) in try date(.rehabilitatedDate) }
        row.sourceKey = cell(.sourceKey)
        row.locator = cell(.locator)
        if row.locator != nil, row.sourceKey == nil {
            problems.append(FieldError(field: "locator", problem: FieldProblem(
                problem: "a locator without a source_key", expected: "the source_key of the source the locator points into")))
        }
        return problems.isEmpty ? .success(row) : .failure(RowProblems(errors: problems))
    }

    /// Parsed charges, from the cache when the same list came before.
    func charges(_ text: String) throws(FieldError) -> [ChargeDoc] {
        if let cached = chargeCache[text] { return cached }
        let parsed: [ChargeDoc]
        do {
            parsed = try ChargeParser.parse(text, defaultCode: defaultCode).map {
                ChargeDoc(text: $0.raw, ref: $0.ref, kind: $0.kind, description: nil)
            }
        } catch let error as ChargeError {
            throw FieldError(field: "charges", problem: FieldProblem(problem: error.problem))
        } catch {
            throw FieldError(field: "charges", problem: FieldProblem(problem: "\(error)"))
        }
        if chargeCache.count >= 50_000 { chargeCache.removeAll(keepingCapacity: true) }
        chargeCache[text] = parsed
        return parsed
    }

}
