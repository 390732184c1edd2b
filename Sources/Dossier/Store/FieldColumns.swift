import DossierDomain
import DossierStorage
import Foundation

/// A stored row that does not have the shape its record kind describes: a
/// missing column or a value of the wrong type. The schema makes this
/// impossible for an archive dossier wrote; an error here means a damaged
/// or foreign file, and it is said, never read as an empty value.
struct ColumnError: ReportableError {
    var table: String
    var column: String
    var problem: String
    var description: String { "\(table).\(column): \(problem) (run `dossier check`)" }
    var exitStatus: ExitStatus { .failure }
}

extension Row {
    /// The value of `column`, which the row must have.
    func required(_ column: String, table: String) throws -> SQLValue {
        guard let index = columns.firstIndex(of: column) else {
            throw ColumnError(table: table, column: column, problem: "the query read no such column")
        }
        return values[index]
    }

    /// Text or NULL in `column`.
    func text(_ column: String, table: String) throws -> String? {
        switch try required(column, table: table) {
        case .null: return nil
        case .text(let text): return text
        case let other: throw ColumnError(table: table, column: column, problem: "\(other) where text was expected")
        }
    }

    /// Text in `column`, which may not be NULL.
    func requiredText(_ column: String, table: String) throws -> String {
        guard let text = try text(column, table: table) else {
            throw ColumnError(table: table, column: column, problem: "NULL where text was expected")
        }
        return text
    }

    /// The integer in `column`, which may not be NULL.
    func id(_ column: String, table: String) throws -> Int64 {
        guard case .integer(let value) = try required(column, table: table) else {
            throw ColumnError(table: table, column: column, problem: "not an integer id")
        }
        return value
    }
}

extension RecordField {
    /// The values of `columns` for `record`, in that order.
    func sqlValues(_ record: Record) throws -> [SQLBindable] {
        switch get(record) {
        case nil:
            // A flag that is not set is stored as false, not as unknown.
            if case .flag = type { return [false] }
            return Array(repeating: SQLValue.null, count: columns.count)
        case .text(let text)?:
            if isDate {
                let bounds = try dateColumns(text)
                guard written != nil else { return bounds }
                return bounds + [writtenText(record).map { $0 as SQLBindable } ?? SQLValue.null]
            }
            return [text]
        case .number(let number)?:
            return [number]
        case .flag(let flag)?:
            return [flag]
        }
    }

    /// Reads the field from a stored row by its column name.
    func decode(_ row: Row, table: String, into record: inout Record) throws {
        try decodeValue(row, table: table, into: &record)
        // The text as written after the value, whose problems come first.
        if let written { written.set(&record, try row.text(writtenColumn, table: table)) }
    }

    private func decodeValue(_ row: Row, table: String, into record: inout Record) throws {
        let value = try row.required(column, table: table)
        switch (type, value) {
        case (_, .null):
            set(&record, nil)
        case (.text, .text(let text)), (.date, .text(let text)):
            set(&record, .text(text))
        case (.code(let allowed, _), .text(let text)):
            guard allowed.contains(text) else {
                throw ColumnError(table: table, column: column, problem: "\"\(text)\" is not one of " + allowed.joined(separator: ", "))
            }
            set(&record, .text(text))
        case (.number, .integer(let number)):
            set(&record, .number(Double(number)))
        case (.number, .real(let number)):
            set(&record, .number(number))
        case (.flag, .integer(let number)) where number == 0 || number == 1:
            set(&record, .flag(number == 1))
        default:
            throw ColumnError(table: table, column: column, problem: "\(value) does not fit the field \(key)")
        }
    }
}

/// The column lists of a record kind's table, worked out from its field
/// descriptions once. Every row written or read needs them, and building
/// them again for each row (a key path into a generic type is made at run
/// time) cost as much as a tenth of a Memorial import.
struct FieldColumnLists: Sendable {
    /// The stored columns of the described fields (dates with their bounds).
    let stored: [String]
    /// The columns a SELECT reads to fill the described fields, joined.
    let select: String

    init<Record: DescribedRecord>(_ type: Record.Type) {
        var stored: [String] = []
        var select: [String] = []
        for field in Record.fields {
            stored.append(contentsOf: field.columns)
            select.append(field.column)
            if field.written != nil { select.append(field.writtenColumn) }
        }
        self.stored = stored
        self.select = select.joined(separator: ", ")
    }
}

/// A described record kind that the archive stores in a table of its own.
protocol StoredRecord: DescribedRecord {
    /// Its column lists, made once (`FieldColumnLists(Self.self)`).
    static var columnLists: FieldColumnLists { get }
}

extension StoredRecord {
    /// The stored columns of the described fields (dates with their bounds).
    static var storedColumns: [String] { columnLists.stored }

    /// The columns a SELECT reads to fill the described fields.
    static var selectColumns: String { columnLists.select }
}

extension PersonDoc: StoredRecord { static let columnLists = FieldColumnLists(PersonDoc.self) }
extension CaseDoc: StoredRecord { static let columnLists = FieldColumnLists(CaseDoc.self) }
extension DefendantDoc: StoredRecord { static let columnLists = FieldColumnLists(DefendantDoc.self) }
extension EventDoc: StoredRecord { static let columnLists = FieldColumnLists(EventDoc.self) }
extension CitationDoc: StoredRecord { static let columnLists = FieldColumnLists(CitationDoc.self) }

extension DescribedRecord {
    /// Values for `storedColumns`, in order.
    func storedValues() throws -> [SQLBindable] {
        var values: [SQLBindable] = []
        for field in Self.fields { values.append(contentsOf: try field.sqlValues(self)) }
        return values
    }

    /// Fills the described fields from a row read with `selectColumns`.
    mutating func decodeFields(_ row: Row, table: String) throws {
        for field in Self.fields { try field.decode(row, table: table, into: &self) }
    }
}
