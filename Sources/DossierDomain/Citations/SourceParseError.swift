import Foundation

/// Why a bibliography file (CSL-JSON or BibTeX) could not be read: where,
/// which field, and what was expected.
///
/// Printed as `file:line: field: problem`, like the importers' other
/// messages, e.g.
/// `sources.bib:14: date: "Oct 1987" is not a date (expected 1987-10-05, 1987-10 or 1987)`.
public struct SourceParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line of the problem (of the entry when no better line is known).
    public let line: Int
    /// The field or variable concerned; nil for a syntax error.
    public let field: String?
    public let problem: String

    public init(file: String, line: Int, field: String?, problem: String) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    public var description: String {
        "\(file):\(line): " + (field.map { "\($0): " } ?? "") + problem
    }
}
