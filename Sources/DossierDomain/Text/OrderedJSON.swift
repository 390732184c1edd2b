import Foundation

/// Builds JSON objects with keys in a fixed, readable order and without
/// empty fields.
package struct JSONObjectWriter {
    package private(set) var pairs: [(String, OrderedJSON)] = []

    package init() {}

    package mutating func set(_ key: String, _ value: String?) {
        if let value { pairs.append((key, .string(value))) }
    }
    package mutating func set(_ key: String, _ value: Double?) {
        if let value { pairs.append((key, .number(value))) }
    }
    package mutating func set(_ key: String, _ value: Int?) {
        if let value { pairs.append((key, .number(Double(value)))) }
    }
    package mutating func set(_ key: String, _ value: Bool, omitFalse: Bool = true) {
        if value || !omitFalse { pairs.append((key, .bool(value))) }
    }
    package mutating func set(_ key: String, _ value: OrderedJSON?) {
        if let value { pairs.append((key, value)) }
    }

    package var json: OrderedJSON { .object(pairs) }
}

/// JSON with object keys in insertion order, for stable, readable output:
/// dossier's one JSON writer (JSON Lines, CSL-JSON, reports).
///
/// Hand-written rather than Foundation's: `JSONSerialization` and
/// `JSONEncoder` order keys only alphabetically (documents list theirs in
/// reading order), and on the export path they were slower — see
/// docs/json.md for the figures.
public indirect enum OrderedJSON: Sendable {
    case null, bool(Bool), number(Double), string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    /// A read value with its object members in `order` first, then the
    /// rest alphabetically (`order` applies to the outermost object only).
    package init(_ value: JSONValue, order: [String] = []) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map { OrderedJSON($0) })
        case .object(let object):
            let keys = order.isEmpty ? object.keys.sorted()
                : order.filter { object[$0] != nil } + object.keys.filter { !order.contains($0) }.sorted()
            self = .object(keys.map { ($0, OrderedJSON(object[$0]!)) })
        }
    }

    /// A number as JSON text: integral values without a fraction, as
    /// dossier has always written them (`1937`, not `1937.0`).
    package static func number(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// Compact (one line) or indented JSON text. Non-ASCII stays as UTF-8.
    public func serialized(pretty: Bool = false, indent: Int = 0) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: indent)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += OrderedJSON.number(number)
        case .string(let text): Escaping.json(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                Escaping.json(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }
}
