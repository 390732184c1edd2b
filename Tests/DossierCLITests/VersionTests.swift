import ArgumentParser
@testable import DossierCLI
import Dossier
import Testing

@Suite struct VersionTests {
    @Test func versionNamesDossierAndTheSQLiteInUse() throws {
        do {
            _ = try DossierCommand.parseAsRoot(["--version"])
            Issue.record("expected --version to exit")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .success)
            let lines = DossierCommand.message(for: error).split(separator: "\n")
            #expect(lines.first?.hasPrefix("dossier \(Version.number)") == true)
            #expect(lines.last == "SQLite \(SQLiteRequirement.libraryVersion) (dossier needs 3.38.0 or newer)")
        }
    }

    @Test func aPlainBuildFallsBackToTheVersionConstant() {
        #expect(Version.number.first?.isNumber == true)
        #expect(Version.fallback.hasPrefix("0."))
    }
}
