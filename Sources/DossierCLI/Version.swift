import CBuildInfo
import Dossier

/// What `dossier --version` prints: the version, the commit it was built
/// from when the build knows it, and the SQLite library in use.
enum Version {
    /// The version of a build that was given none (`swift build` rather than
    /// scripts/package.sh, which uses the latest `v*` git tag when there is
    /// one, else this).
    static let fallback = "0.1.0"

    static var number: String {
        let stamped = String(cString: dossier_build_version())
        return stamped.isEmpty ? fallback : stamped
    }

    /// The commit, or nil for a build made without git information.
    static var commit: String? {
        let stamped = String(cString: dossier_build_commit())
        return stamped.isEmpty ? nil : stamped
    }

    static var text: String {
        "dossier \(number)" + (commit.map { " (commit \($0))" } ?? "") + "\n"
            + "SQLite \(SQLiteRequirement.libraryVersion) (dossier needs \(SQLiteRequirement.minimum) or newer)"
    }
}
