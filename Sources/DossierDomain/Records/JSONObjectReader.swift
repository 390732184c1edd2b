import Foundation

/// Reads fields of one JSON object with precise errors (`defendants[1].outcome:
/// unknown outcome ...`) and refuses keys it was not asked about.
package struct JSONObjectReader {
    package let object: [String: JSONValue]
    package let path: String
    package private(set) var seen: Set<String> = []

    package init(_ value: JSONValue, path: String) throws(FieldError) {
        guard case .object(let object) = value else {
            throw FieldError(field: path.isEmpty ? "(document)" : path, problem: FieldProblem(
                problem: "not a JSON object", expected: "{...}"))
        }
        self.object = object
        self.path = path
        WorkCounter.add(object.count + 1)
    }

    package func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package mutating func string(_ key: String) throws(FieldError) -> String? {
        seen.insert(key)
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .string(let text):
            try Self.refuseNUL(text, field: fieldPath(key))
            return text.isEmpty ? nil : text
        case .number: return value.stringValue
        default:
            throw FieldError(field: fieldPath(key), problem: FieldProblem(problem: "not a string", expected: "text"))
        }
    }

    package mutating func required(_ key: String) throws(FieldError) -> String {
        guard let value = try string(key) else {
            throw FieldError(field: fieldPath(key), problem: FieldProblem(problem: "missing", expected: "a value"))
        }
        return value
    }

    package mutating func number(_ key: String) throws(FieldError) -> Double? {
        seen.insert(key)
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .number(let number): return number
        case .string(let text) where Double(text) != nil: return Double(text)
        case .string(let text) where text.isEmpty: return nil
        default:
            throw FieldError(field: fieldPath(key), problem: FieldProblem(problem: "not a number", expected: "a number such as 10"))
        }
    }

    package mutating func bool(_ key: String) throws(FieldError) -> Bool? {
        seen.insert(key)
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .bool(let flag): return flag
        default:
            throw FieldError(field: fieldPath(key), problem: FieldProblem(problem: "not true or false", expected: "true or false"))
        }
    }

    package mutating func array(_ key: String) throws(FieldError) -> [JSONValue] {
        seen.insert(key)
        guard let value = object[key] else { return [] }
        switch value {
        case .null: return []
        case .array(let items): return items
        default:
            throw FieldError(field: fieldPath(key), problem: FieldProblem(problem: "not an array", expected: "[...]"))
        }
    }

    package mutating func strings(_ key: String) throws(FieldError) -> [String] {
        var result: [String] = []
        for (index, item) in try array(key).enumerated() {
            guard case .string(let text) = item else {
                throw FieldError(field: "\(fieldPath(key))[\(index)]", problem: FieldProblem(problem: "not a string", expected: "text"))
            }
            try Self.refuseNUL(text, field: "\(fieldPath(key))[\(index)]")
            if !text.isEmpty { result.append(text) }
        }
        return result
    }

    /// SQLite's text functions (length, LIKE, JSON, full-text) stop at a
    /// NUL character, so text holding one would be stored but not found.
    package static func refuseNUL(_ text: String, field: String) throws(FieldError) {
        if text.utf8.contains(0) {
            throw FieldError(field: field, problem: FieldProblem(problem: "contains a NUL character (\\u0000)",
                                                                 expected: "text without NUL characters"))
        }
    }

    package mutating func value(_ key: String) -> JSONValue? {
        seen.insert(key)
        return object[key]
    }

    package mutating func vocabulary<V: Vocabulary>(_ key: String, _ type: V.Type) throws(FieldError) -> V? {
        guard let text = try string(key) else { return nil }
        do { return try V.parse(text) } catch let problem as FieldProblem {
            throw FieldError(field: fieldPath(key), problem: problem)
        } catch {
            throw FieldError(field: fieldPath(key), problem: FieldProblem(problem: "\(error)"))
        }
    }

    package mutating func date(_ key: String) throws(FieldError) -> String? {
        guard let text = try string(key) else { return nil }
        do { _ = try EDTFDate.parse(text) } catch let error as EDTFError {
            throw FieldError(field: fieldPath(key), problem: FieldProblem(problem: error.problem, expected: error.expectation))
        } catch {
            throw FieldError(field: fieldPath(key), problem: FieldProblem(problem: "\(error)"))
        }
        return text
    }

    /// Throws when the object holds a key nobody read.
    package func rejectUnknown() throws(FieldError) {
        WorkCounter.add(object.count)
        let unknown = object.keys.filter { !seen.contains($0) }.sorted()
        if let first = unknown.first {
            let near = Suggest.nearest(to: first, in: Array(seen))
            throw FieldError(field: fieldPath(first), problem: FieldProblem(
                problem: "unknown field" + (near.map { "; did you mean \($0)?" } ?? ""),
                expected: "one of " + seen.sorted().joined(separator: ", ")))
        }
    }
}

/// A problem in a named field of a document.
public struct FieldError: Error, Sendable, Equatable {
    public var field: String
    public var problem: FieldProblem
    package init(field: String, problem: FieldProblem) {
        self.field = field
        self.problem = problem
    }
    public func at(file: String?, line: Int?) -> DataError {
        DataError(problem, field: field, file: file, line: line)
    }
}
