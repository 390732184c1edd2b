import ArgumentParser
import Dossier
@testable import DossierCLI
import Testing

@Suite struct DuplicateCLITests {
    @Test(arguments: [
        ["duplicates", "--min-score", "2"],
        ["duplicates", "--min-score", "-0.1"],
        ["duplicates", "--limit", "-1"],
        ["duplicates", "--kind", "source"],
        ["duplicates", "--format", "svg"],
        ["merge", "p-a"],
        ["not-duplicate", "p-a"],
    ])
    func badUsageIsAUsageError(arguments: [String]) {
        do {
            _ = try DossierCommand.parseAsRoot(arguments)
            Issue.record("expected a usage error for \(arguments)")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func optionsAreRead() throws {
        let duplicates = try #require(try DossierCommand.parseAsRoot(
            ["duplicates", "--kind", "case", "--min-score", "0.7", "--limit", "0", "--format", "csv"]) as? Duplicates)
        #expect(duplicates.kind == .case)
        #expect(duplicates.minScore == 0.7)
        #expect(duplicates.limit == 0)
        let merge = try #require(try DossierCommand.parseAsRoot(["merge", "p-a", "p-b", "--dry-run"]) as? Merge)
        #expect(merge.keep == "p-a" && merge.other == "p-b" && merge.dryRun)
        let judged = try #require(try DossierCommand.parseAsRoot(
            ["not-duplicate", "p-a", "p-b", "--note", "brothers", "--remove"]) as? NotDuplicate)
        #expect(judged.note == "brothers" && judged.remove)
    }
}
