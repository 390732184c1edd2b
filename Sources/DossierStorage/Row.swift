/// A snapshot of one result row: values by column index and name.
public struct Row: Sendable, Hashable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public var count: Int { values.count }

    public subscript(index: Int) -> SQLValue { values[index] }

    /// The value of the first column with this name, or `.null` when there
    /// is no such column.
    public subscript(name: String) -> SQLValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    public func string(_ name: String) -> String? { self[name].stringValue }
    public func int(_ name: String) -> Int? { self[name].intValue }
    public func double(_ name: String) -> Double? { self[name].doubleValue }
    public func string(_ index: Int) -> String? { self[index].stringValue }
    public func int(_ index: Int) -> Int? { self[index].intValue }
    public func double(_ index: Int) -> Double? { self[index].doubleValue }
}

extension SQLValue {
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var stringValue: String? {
        switch self {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .null: return nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .integer(let value): return Int(value)
        case .real(let value): return Int(exactly: value.rounded(.towardZero))
        case .text(let value): return Int(value)
        default: return nil
        }
    }

    public var int64Value: Int64? {
        if case .integer(let value) = self { return value }
        return intValue.map(Int64.init)
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .text(let value): return Double(value)
        default: return nil
        }
    }

    public var blobValue: [UInt8]? {
        switch self {
        case .blob(let bytes): return bytes
        case .text(let value): return Array(value.utf8)
        default: return nil
        }
    }
}
