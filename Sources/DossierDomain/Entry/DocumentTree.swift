import Foundation
import Yams

/// A record document as read from YAML or JSON, before it is validated:
/// values with the line each starts on, so that a problem can name its line.
///
/// YAML scalars are read as text, except the plain words `null`, `~`,
/// `true` and `false` (and an empty value, which is null): `58.10` stays
/// the charge `58.10`, `1937-11-05` stays a date, and a number field such
/// as `term_years` reads its text as a number.
package struct DocumentTree: Sendable {
    package enum Value: Sendable {
        case null
        case bool(Bool)
        case text(String)
        case list([DocumentTree])
        case map([Entry])
    }

    package struct Entry: Sendable {
        package var key: String
        package var line: Int?
        package var value: DocumentTree
    }

    package var value: Value
    package var line: Int?

    package init(_ value: Value, line: Int? = nil) {
        self.value = value
        self.line = line
    }

    // MARK: Reading

    /// Reads one YAML document. Anchors, aliases and tags are refused, and
    /// size and depth capped, before the document is composed (`YAMLGuard`).
    /// - Throws: `DataError` naming the line of a YAML syntax error.
    package static func read(yaml text: String, file: String?) throws -> DocumentTree {
        WorkCounter.add(try YAMLGuard.check(text, file: file).events)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlProblem(error, file: file)
        }
        guard let node else { return DocumentTree(.null) }
        return try DocumentTree(node, file: file)
    }

    private init(_ node: Node, file: String?) throws {
        switch node {
        case .scalar(let scalar):
            line = scalar.mark?.line
            let text = scalar.string
            if scalar.style == .plain || scalar.style == .any {
                switch text {
                case "", "~", "null", "Null", "NULL": value = .null
                case "true", "True", "TRUE": value = .bool(true)
                case "false", "False", "FALSE": value = .bool(false)
                default: value = .text(text)
                }
            } else {
                value = .text(text)
            }
        case .sequence(let sequence):
            line = sequence.mark?.line
            value = .list(try sequence.map { try DocumentTree($0, file: file) })
        case .mapping(let mapping):
            line = mapping.mark?.line
            var entries: [Entry] = []
            for (key, item) in mapping {
                guard case .scalar(let scalar) = key else {
                    throw DataError(file: file, line: key.mark?.line, problem: "a field name must be plain text",
                                    expected: "name: value")
                }
                entries.append(Entry(key: scalar.string, line: scalar.mark?.line, value: try DocumentTree(item, file: file)))
            }
            value = .map(entries)
        case .alias(let alias):
            // Yams resolves aliases while composing; `YAMLGuard` refuses
            // them before that, so this is only a second line of defence.
            throw DataError(file: file, line: alias.mark?.line, problem: "a YAML alias", expected: YAMLGuard.expected)
        }
    }

    private static func yamlProblem(_ error: YamlError, file: String?) -> DataError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return DataError(file: file, line: mark.line, problem: "not valid YAML: \(what)",
                             expected: "name: value lines, indented as in the template; quote a value that holds \": \" or starts with a symbol")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DataError(file: file, line: context.mark.line, field: duplicates.first,
                             problem: "given twice in one block", expected: "each field once")
        case .reader(let problem, _, _, _):
            return DataError(file: file, problem: "not readable as UTF-8 text: \(problem)")
        default:
            return DataError(file: file, problem: "not valid YAML: \(error)")
        }
    }

    /// A JSON value (from `--json`), without lines.
    package init(json: JSONValue) {
        line = nil
        switch json {
        case .null: value = .null
        case .bool(let flag): value = .bool(flag)
        case .number: value = .text(json.stringValue ?? "")
        case .string(let text): value = .text(text)
        case .array(let items): value = .list(items.map(DocumentTree.init(json:)))
        case .object(let object):
            value = .map(object.keys.sorted().map { Entry(key: $0, line: nil, value: DocumentTree(json: object[$0]!)) })
        }
    }

    // MARK: Shape

    /// True when nothing was filled in: null, empty text, or lists and
    /// blocks holding only such values (an untouched template block).
    package var isBlank: Bool {
        switch value {
        case .null: return true
        case .bool: return false
        case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .list(let items): return items.allSatisfy(\.isBlank)
        case .map(let entries): return entries.allSatisfy { $0.value.isBlank }
        }
    }

    /// Drops blank list items (template blocks left empty) everywhere, and
    /// lets a list field be written as one value (`charges: 58-10`).
    /// Charges written as text (`- 58-10`) become `{text: 58-10}`.
    package func normalized(key: String? = nil) -> DocumentTree {
        var copy = self
        switch value {
        case .list(let items):
            copy.value = .list(items.filter { !$0.isBlank }.map { item in
                var normal = item.normalized()
                if key == "charges", case .text = item.value {
                    normal = DocumentTree(.map([Entry(key: "text", line: item.line, value: item)]), line: item.line)
                }
                return normal
            })
        case .map(let entries):
            copy.value = .map(entries.map { entry in
                var entry = entry
                if DocumentTree.listFields.contains(entry.key), case .text = entry.value.value {
                    entry.value = DocumentTree(.list([entry.value]), line: entry.value.line)
                }
                entry.value = entry.value.normalized(key: entry.key)
                return entry
            })
        case .text(let text) where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            copy.value = .null
        default:
            break
        }
        return copy
    }

    /// Fields that hold lists; one value given alone is a list of one.
    package static let listFields: Set<String> = ["charges", "name_variants", "author", "editor", "translator"]

    // MARK: Output

    /// The JSON value, and the line of every field path
    /// (`defendants[1].outcome` → 14).
    package func json(path: String = "", lines: inout [String: Int]) -> JSONValue {
        if let line, lines[path] == nil { lines[path] = line }
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .text(let text): return .string(text)
        case .list(let items):
            return .array(items.enumerated().map { index, item in item.json(path: "\(path)[\(index)]", lines: &lines) })
        case .map(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries {
                let child = path.isEmpty ? entry.key : "\(path).\(entry.key)"
                if let line = entry.line { lines[child] = line }
                object[entry.key] = entry.value.json(path: child, lines: &lines)
            }
            return .object(object)
        }
    }

    package var json: JSONValue {
        var lines: [String: Int] = [:]
        return json(lines: &lines)
    }

    /// The line of a field path, or of the nearest enclosing field.
    package static func line(of path: String, in lines: [String: Int]) -> Int? {
        var current = path
        while true {
            if let line = lines[current] { return line }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { return lines[""] }
            current = String(current[..<cut])
        }
    }
}
