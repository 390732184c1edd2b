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

/// `dossier figures`, `stats --compare` and `add figure` as a user runs them.
@Suite struct FigureCommandTests {
    func archive(_ scratch: Scratch) throws -> String {
        let db = scratch.file("figures.sqlite")
        let run = try CLIRunner.run(["tour", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        return db
    }

    @Test func figuresListsThemAsJSONWithTheirFieldNames() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let run = try CLIRunner.run(["figures", "--db", db, "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"figure_ref\" : \"solomon-1960s-acquittals\"") || run.stdout.contains("\"figure_ref\": \"solomon-1960s-acquittals\""))
        #expect(run.stdout.contains("numerator_outcomes"))
        let csv = try CLIRunner.run(["figures", "--db", db, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("figure_ref,statement,measure,value,low,high,qualifier,"))
    }

    @Test func statsCompareShowsPublishedFiguresBesideTheDecades() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let run = try CLIRunner.run(["stats", "--db", db, "--by", "decade", "--compare", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"published\""))
        #expect(run.stdout.contains("compare with the non-conviction rate, not the acquittal rate"))
        #expect(run.stdout.contains("\"caution\""))
        let table = try CLIRunner.run(["stats", "--db", db, "--by", "decade", "--compare", "--format", "table"])
        #expect(table.stdout.contains("  published: 10.3% acquittal rate (USSR, ordinary courts, 1937)"))
    }

    @Test func addFigureRefusesInvertedBoundsWithExitStatus65AndWritesNothing() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let run = try CLIRunner.run(["add", "figure", "--db", db, "--ref", "f-inverted", "--measure", "acquittal_rate",
                                     "--low", "0.05", "--high", "0.01", "--courts", "courts", "--category", "all",
                                     "--period", "1960", "--numerator-outcomes", "acquitted",
                                     "--source-key", "solomon1987vanishing"])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("dossier: error: high: 0.01 is below low 0.05 (expected low ≤ high"))
        let show = try CLIRunner.run(["show", "--db", db, "f-inverted"])
        #expect(show.status != 0)
        let ok = try CLIRunner.run(["add", "figure", "--db", db, "--ref", "f-ok", "--measure", "acquittal_rate",
                                    "--value", "0.01", "--courts", "courts", "--category", "all",
                                    "--period", "1960", "--numerator-outcomes", "acquitted",
                                    "--source-key", "solomon1987vanishing"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let shown = try CLIRunner.run(["show", "--db", db, "f-ok", "--format", "table"])
        #expect(shown.stdout.contains("value as read   1%"))
    }

    @Test func showAsYAMLPrintsTheDocumentThatEditReads() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let shown = try CLIRunner.run(["show", "--db", db, "solomon-1960s-acquittals", "--format", "yaml"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("figure_ref: solomon-1960s-acquittals\nstatement: less than 2% in the 1960s\n"))
        #expect(shown.stdout.contains("numerator_outcomes:\n  - acquitted\n"))
        let path = scratch.file("solomon.yaml")
        try shown.stdout.replacingOccurrences(of: "period: 1960/1969", with: "period: 1960/1970")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let edit = try CLIRunner.run(["edit", "--db", db, "solomon-1960s-acquittals", "--file", path])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout.hasPrefix("saved figure solomon-1960s-acquittals (updated 1 figure)"))
        let again = try CLIRunner.run(["show", "--db", db, "solomon-1960s-acquittals", "--format", "yaml"])
        #expect(again.stdout.contains("period: 1960/1970\n"))
    }

    @Test func newFigureRefusesABadDocumentWithItsLineAndExitStatus65() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let template = try CLIRunner.run(["new", "figure", "--db", db, "--template"])
        #expect(template.status == 0 && template.stdout.contains("# The outcome codes the figure counts"))
        let document = """
            figure_ref: f-verzonnen
            measure: acquittal_rate
            low: 0
            high: 0.02
            courts: courts
            category: all
            period: 1960/1969
            numerator_outcomes:
              - acquited
            source_key: solomon1987vanishing

            """
        let bad = scratch.file("bad.yaml")
        try document.write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["new", "figure", "--db", db, "--file", bad])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("dossier: error: \(bad):9: numerator_outcomes[0]: unknown outcome \"acquited\""), "\(run.stderr)")
        #expect(try CLIRunner.run(["show", "--db", db, "f-verzonnen"]).status != 0)
        let good = scratch.file("good.yaml")
        try document.replacingOccurrences(of: "acquited", with: "acquitted").write(toFile: good, atomically: true, encoding: .utf8)
        let ok = try CLIRunner.run(["new", "figure", "--db", db, "--file", good])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("created figure f-verzonnen"))
    }
}
