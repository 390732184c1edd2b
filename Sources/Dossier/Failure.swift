import DossierDomain
import DossierStorage

/// What a user reads when a command fails, and the status it ends with:
/// the one place that turns the archive's and the storage layer's errors
/// into words and exit statuses.
public enum Failure {
    public static func describe(_ error: Error) -> (message: String, status: ExitStatus) {
        switch error {
        case let error as ReportableError:
            return (error.description, error.exitStatus)
        case let error as MigrationError:
            return (error.userDescription, .failure)
        case let error as SQLiteError where error.isRaisedByTrigger:
            // The schema's own rules (`RAISE(ABORT, ...)`) speak to the user.
            return (error.message, .dataError)
        case let error as SQLiteError:
            return (error.userDescription, .failure)
        default:
            return ("\(error)", .failure)
        }
    }
}
