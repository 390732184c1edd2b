import Foundation

/// A problem with one field's value, before we know where it came from.
public struct FieldProblem: Error, Sendable, Equatable {
    public var problem: String
    public var expected: String?
    public init(problem: String, expected: String? = nil) {
        self.problem = problem
        self.expected = expected
    }
}

/// Bad input data: where it was (file, line, field) and what was expected.
/// Printed as `file:line: field: problem (expected ...)`.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var field: String?
    public var problem: String
    public var expected: String?

    public init(file: String? = nil, line: Int? = nil, field: String? = nil,
                problem: String, expected: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
        self.expected = expected
    }

    public init(_ problem: FieldProblem, field: String?, file: String? = nil, line: Int? = nil) {
        self.init(file: file, line: line, field: field, problem: problem.problem, expected: problem.expected)
    }

    public var description: String {
        var text = ""
        if let file { text += file + (line.map { ":\($0)" } ?? "") + ": " }
        if let field { text += field + ": " }
        text += problem
        if let expected { text += " (expected \(expected))" }
        return text
    }
}

/// Several data errors found in one run, reported together.
public struct DataErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [DataError]
    /// How many more were found beyond those kept.
    public var omitted: Int

    public init(_ errors: [DataError], omitted: Int = 0) {
        self.errors = errors
        self.omitted = omitted
    }

    public var description: String {
        var lines = errors.map(\.description)
        if omitted > 0 { lines.append("... and \(omitted) more problems") }
        return lines.joined(separator: "\n")
    }
}

/// Not found: a ref or key that resolves to nothing.
public struct NotFound: Error, Sendable, CustomStringConvertible {
    public var what: String
    public var suggestions: [String]
    public init(_ what: String, suggestions: [String] = []) {
        self.what = what
        self.suggestions = suggestions
    }
    public var description: String {
        what + (suggestions.isEmpty ? "" : "; did you mean " + suggestions.joined(separator: ", ") + "?")
    }
}

/// A failure that is not bad input data (a missing file, a directory).
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
