import DossierStorage
import DossierDomain

/// What a non-empty cell does to a stored field.
enum Merge: Equatable {
    /// Nothing: the cell agrees, or says less.
    case keep
    /// Write the cell's value.
    case set
    /// Another reading of a field an earlier row of this run gave: kept in
    /// the note of this row's citation.
    case reading
    /// A coded value contradicting an earlier row of this run: an error.
    case conflict
}

enum MergeRule {
    static func text(_ stored: String?, _ new: String?, first: Bool) -> Merge {
        guard let new else { return .keep }
        guard let stored else { return .set }
        if stored == new { return .keep }
        return first ? .set : .reading
    }

    static func date(_ stored: DateCell?, _ new: DateCell?, first: Bool) -> Merge {
        guard let new else { return .keep }
        guard let stored else { return .set }
        if stored.text == new.text || new.contains(stored) { return .keep }  // says the same or less
        if stored.contains(new) { return .set }  // more precise
        return first ? .set : .reading
    }

    /// A coded value; `unknown` is the code that means "not known".
    static func code(_ stored: String?, _ new: String?, unknown: String? = nil, first: Bool) -> Merge {
        guard let new, new != unknown else { return .keep }
        guard let stored, stored != unknown else { return .set }
        if stored == new { return .keep }
        return first ? .set : .conflict
    }
}

extension CaseRowImporter {
    /// Readings of text and date fields that differ from what earlier rows
    /// gave, and the line those rows started on.
    struct Readings {
        var items: [(field: String, value: String)] = []
        var earlierLine = 0
        mutating func add(_ field: String, _ value: String, line: Int?) {
            items.append((field, value))
            if earlierLine == 0, let line { earlierLine = line }
        }
        var note: String {
            "other reading: " + items.map { "\($0.field) \"\($0.value)\"" }.joined(separator: ", ")
        }
    }

    /// One stored row compared field by field with a CSV row of the same
    /// record: what to set, and (through `Readings`) what to keep as another
    /// source's reading; a contradicting code is an error.
    struct FieldMerge {
        let stored: Row
        let first: Bool
        let earlier: Int?
        let record: String
        var changes: [(String, SQLBindable)] = []

        mutating func text(_ field: String, _ column: Int, _ new: String?, _ readings: inout Readings) {
            switch MergeRule.text(stored[column].stringValue, new, first: first) {
            case .set: changes.append((field, new))
            case .reading: readings.add(field, new ?? "", line: earlier)
            default: break
            }
        }

        mutating func code(_ field: String, _ column: Int, _ new: String?, unknown: String? = nil) throws {
            let current = stored[column].stringValue
            switch MergeRule.code(current, new, unknown: unknown, first: first) {
            case .set: changes.append((field, new))
            case .conflict:
                throw CaseRowImporter.conflict(field, record: record, new: new ?? "", stored: current ?? "", line: earlier)
            default: break
            }
        }
    }

    static func conflict(_ field: String, record: String, new: String, stored: String, line: Int?) -> FieldError {
        FieldError(field: field, problem: FieldProblem(
            problem: "\(record) is \"\(new)\" here but \"\(stored)\" on an earlier row"
                + (line.map { " (line \($0))" } ?? ""),
            expected: "the same \(field) on every row of the \(record.split(separator: " ").first ?? "record"), or an empty cell"))
    }
}
