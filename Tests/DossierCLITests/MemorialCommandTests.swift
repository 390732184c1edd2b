import ArgumentParser
@testable import DossierCLI
import Testing

@Suite struct MemorialCommandTests {
    @Test func memorialOptionsParse() throws {
        let command = try DossierCommand.parseAsRoot(["import", "notes.txt", "--format", "memorial", "--encoding", "cp1251",
                                                      "--dry-run", "--report", "json"])
        let parsed = try #require(command as? Import)
        #expect(parsed.encoding?.value == .cp1251)
        #expect(parsed.report == .json)
        #expect(parsed.dryRun)
    }

    @Test(arguments: [
        ["import", "cases.xlsx", "--encoding", "cp1251"],
        ["import", "cases.csv", "--format", "csv", "--report", "json"],
        ["import", "notes.txt", "--format", "memorial", "--encoding", "koi8-r"],
        ["import", "notes.txt", "--format", "memorial", "--report", "xml"],
    ])
    func memorialOptionsAreUsageErrorsElsewhere(arguments: [String]) {
        do {
            _ = try DossierCommand.parseAsRoot(arguments)
            Issue.record("expected a usage error for \(arguments)")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
        }
    }
}
