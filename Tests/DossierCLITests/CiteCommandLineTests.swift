import ArgumentParser
@testable import DossierCLI
import Testing

/// Usage errors of `dossier cite` and `dossier sources` (exit status 64).
@Suite struct CiteCommandLineTests {
    @Test(arguments: [
        (["cite"], "give a case or person ref, --source KEY, --figures, or a search"),
        (["cite", "shakhty-1928", "--style", "bibtex", "--short"], "--short goes with --style chicago-note"),
        (["cite", "shakhty-1928", "--limit", "3"], "--limit goes with a search"),
        (["cite", "--outcome", "acquited"], "did you mean acquitted?"),
        (["cite", "x", "--style", "apa"], "apa"),
        (["sources", "--cited-by"], "--cited-by needs a source key"),
        (["sources", "x", "--format", "svg"], "svg"),
    ])
    func badUsageIsRefused(arguments: [String], message: String) {
        do {
            var command = try DossierCommand.parseAsRoot(arguments)
            try command.validate()
            Issue.record("expected a usage error for \(arguments)")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
            #expect(DossierCommand.message(for: error).contains(message), "got: \(DossierCommand.message(for: error))")
        }
    }

    @Test func searchFiltersAloneSelectRecords() throws {
        let command = try #require(try DossierCommand.parseAsRoot(["cite", "--outcome", "acquitted", "--style", "chicago-bib"]) as? Cite)
        #expect(command.searching)
        #expect(command.style == .chicagoBib)
        let sourcesOnly = try #require(try DossierCommand.parseAsRoot(["cite", "--source", "a", "--source", "b"]) as? Cite)
        #expect(!sourcesOnly.searching)
        #expect(sourcesOnly.sourceKeys == ["a", "b"])
    }

    @Test func citedByTakesTheKeyEitherSide() throws {
        for arguments in [["sources", "solomon1987vanishing", "--cited-by"], ["sources", "--cited-by", "solomon1987vanishing"]] {
            let command = try #require(try DossierCommand.parseAsRoot(arguments) as? SourcesCommand)
            #expect(command.citedBy)
            #expect(command.words == ["solomon1987vanishing"])
        }
    }
}
