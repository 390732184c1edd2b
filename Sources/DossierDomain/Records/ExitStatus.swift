/// How a command ends when something goes wrong: the exit statuses of
/// sysexits(3) that dossier uses.
public enum ExitStatus: Int32, Sendable {
    /// Anything that is not the user's input: a missing file, a full disk,
    /// an archive another program holds.
    case failure = 1
    /// The command line itself is wrong.
    case usage = 64
    /// The input data is wrong: a file, a field, a ref or a date.
    case dataError = 65
}

/// An error that says what went wrong in words meant for the user, and with
/// which status a command should end because of it.
public protocol ReportableError: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}

extension DataError: ReportableError { public var exitStatus: ExitStatus { .dataError } }
extension DataErrors: ReportableError { public var exitStatus: ExitStatus { .dataError } }
extension NotFound: ReportableError { public var exitStatus: ExitStatus { .dataError } }
extension EDTFError: ReportableError { public var exitStatus: ExitStatus { .dataError } }
extension ArchiveError: ReportableError { public var exitStatus: ExitStatus { .failure } }
extension FieldError: ReportableError, CustomStringConvertible {
    public var exitStatus: ExitStatus { .dataError }
    public var description: String { at(file: nil, line: nil).description }
}
extension FieldProblem: ReportableError, CustomStringConvertible {
    public var exitStatus: ExitStatus { .dataError }
    public var description: String { DataError(self, field: nil).description }
}

/// A usage error found after parsing (two options that exclude each other,
/// a value the parser cannot judge).
public struct UsageError: ReportableError, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var exitStatus: ExitStatus { .usage }
}
