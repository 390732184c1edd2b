import ArgumentParser
@testable import DossierCLI
import Testing

@Suite struct StatsCommandTests {
    @Test func parsesGroupingsFiltersAndFormat() throws {
        let command = try DossierCommand.parseAsRoot(
            ["stats", "--by", "decade,category", "--extrajudicial", "--charge", "58-10", "--spread", "--format", "svg"])
        let stats = try #require(command as? Stats)
        #expect(try stats.dimensions() == [.decade, .category])
        #expect(stats.spread && stats.outputOptions.format == .svg)
        #expect(try (DossierCommand.parseAsRoot(["stats"]) as? Stats)?.outputOptions.choice == nil)
        let filter = try stats.filters.filter()
        #expect(filter.judicial == false && filter.charge == "58-10")
    }

    @Test(arguments: [
        (["stats", "--by", "yaer"], "--by: unknown grouping \"yaer\"; did you mean year?"),
        (["stats", "--by", "year,decade"], "--by: year and decade together"),
        (["stats", "--by", "place", "--spread"], "--spread needs --by year or --by decade"),
        (["stats", "--judicial", "--extrajudicial"], "give --judicial or --extrajudicial, not both"),
    ])
    func badUsageIsAUsageError(arguments: [String], message: String) {
        do {
            _ = try DossierCommand.parseAsRoot(arguments)
            Issue.record("expected a usage error")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
            #expect(DossierCommand.message(for: error).hasPrefix(message))
        }
    }
}
