import DossierStorage
import DossierDomain
import Foundation

extension ChangeEntry {
    /// The change as readable text: a heading, then one line per row with
    /// `+` (added), `~` (changed, old → new) or `-` (removed).
    public func text(rowLimitHint: Bool = true) -> String {
        var out = "change \(id)  \(at)  \(command)"
        if let summary, !summary.isEmpty { out += "  \(summary)" }
        out += "\n"
        if let reverts { out += "  undoes change \(reverts)\n" }
        if let revertedBy { out += "  undone by change \(revertedBy)\n" }
        out += "  \(rowCount) row\(rowCount == 1 ? "" : "s")"
        if !counts.isEmpty {
            let parts = counts.keys.sorted().map { table -> String in
                let ops = counts[table] ?? [:]
                let marks = [("insert", "+"), ("update", "~"), ("delete", "-")].compactMap { op, mark in
                    ops[op].map { "\(mark)\($0)" }
                }
                return table.recordKindName + " " + marks.joined(separator: " ")
            }
            out += ": " + parts.joined(separator: ", ")
        }
        out += "\n"
        for row in rows { out += "  " + row.text + "\n" }
        if rowLimitHint, rows.count < rowCount {
            out += "  … \(rowCount - rows.count) more row\(rowCount - rows.count == 1 ? "" : "s") "
                + "(dossier history --change \(id) --rows 0)\n"
        }
        return out
    }

    public var json: OrderedJSON {
        var pairs: [(String, OrderedJSON)] = [
            ("change", .number(Double(id))), ("at", .string(at)), ("command", .string(command)),
            ("summary", summary.map { .string($0) } ?? .null),
            ("reverts", reverts.map { .number(Double($0)) } ?? .null),
            ("reverted_by", revertedBy.map { .number(Double($0)) } ?? .null),
            ("row_count", .number(Double(rowCount))),
        ]
        pairs.append(("counts", .object(counts.keys.sorted().map { table in
            (table, .object((counts[table] ?? [:]).keys.sorted().map { ($0, .number(Double(counts[table]?[$0] ?? 0))) }))
        })))
        pairs.append(("rows", .array(rows.map(\.json))))
        return .object(pairs)
    }
}

extension RowChange {
    /// Columns not worth showing as text: the row id, and the stored bounds
    /// of a date shown beside them.
    private func shown(_ columns: [String], all: [String]) -> [String] {
        columns.filter { column in
            if column == "id" { return false }
            for suffix in ["_lower", "_upper"] where column.hasSuffix(suffix) {
                if all.contains(String(column.dropLast(suffix.count))) { return false }
            }
            // Links to other rows are named in the label.
            if column.hasSuffix("_id"), op != .update { return false }
            return true
        }
    }

    public var text: String {
        let changed = changedColumns
        switch op {
        case .insert, .delete:
            let values = (op == .insert ? after : before) ?? RowValues()
            // The ref or key is in the label already; empty lists say nothing.
            let parts = shown(changed, all: changed)
                .filter { $0 != "ref" && $0 != "key" && values[$0] != .text("[]") && values[$0] != .text("{}") }
                .map { "\($0) \(Self.show(values[$0]))" }
            return (op == .insert ? "+ " : "- ") + label + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
        case .update:
            let parts = shown(changed, all: changed).map { column in
                "\(column) \(Self.show(before?[column] ?? .null)) → \(Self.show(after?[column] ?? .null))"
            }
            return "~ " + label + (parts.isEmpty ? "" : ": " + parts.joined(separator: "; "))
        }
    }

    static func show(_ value: SQLValue) -> String {
        switch value {
        case .null: return "(none)"
        case .integer(let number): return String(number)
        case .real(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .text(let text):
            let short = text.count > 120 ? String(text.prefix(119)) + "…" : text
            return Escaping.visible(short)
        case .blob(let bytes): return "(\(bytes.count) bytes)"
        }
    }

    public var json: OrderedJSON {
        func object(_ values: RowValues?) -> OrderedJSON {
            guard let values else { return .null }
            return .object(zip(values.columns, values.values).map { ($0, Self.json($1)) })
        }
        return .object([
            ("table", .string(table)), ("row_id", .number(Double(rowID))), ("op", .string(op.rawValue)),
            ("label", .string(label)), ("before", object(before)), ("after", object(after)),
            ("changed", .array(changedColumns.map { .string($0) })),
        ])
    }

    static func json(_ value: SQLValue) -> OrderedJSON {
        switch value {
        case .null: return .null
        case .integer(let number): return .number(Double(number))
        case .real(let number): return .number(number)
        case .text(let text): return .string(text)
        case .blob(let bytes): return .string(bytes.map { String(format: "%02x", $0) }.joined())
        }
    }
}
