import ArgumentParser
@testable import DossierCLI
import Testing

@Suite struct CommandLineTests {
    @Test(arguments: [
        (["--db", "x.sqlite", "show", "r"], ["show", "--db", "x.sqlite", "r"]),
        (["--db=x.sqlite", "show", "r"], ["show", "--db=x.sqlite", "r"]),
        (["--db", "x.sqlite", "add", "person", "--ref", "p"], ["add", "person", "--db", "x.sqlite", "--ref", "p"]),
        (["show", "--db", "x.sqlite", "r"], ["show", "--db", "x.sqlite", "r"]),
        (["--db"], ["--db"]),
    ])
    func globalDatabaseOptionMovesBehindTheCommand(input: [String], expected: [String]) {
        #expect(GlobalOptions.reorder(input) == expected)
    }

    @Test func dateRefusesCSV() throws {
        #expect(throws: (any Error).self) { _ = try DossierCommand.parseAsRoot(["date", "1937", "--format", "csv"]) }
    }

    @Test func unknownCommandIsAUsageError() {
        do {
            _ = try DossierCommand.parseAsRoot(["frobnicate"])
            Issue.record("expected a usage error")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func importNeedsAFormatForStandardInput() {
        do {
            _ = try DossierCommand.parseAsRoot(["import", "-"])
            Issue.record("expected a usage error")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
            #expect(DossierCommand.message(for: error).contains("--format"))
        }
    }

    @Test func exportKnowsItsFormats() throws {
        #expect(throws: (any Error).self) { _ = try DossierCommand.parseAsRoot(["export", "--format", "xml"]) }
        let command = try DossierCommand.parseAsRoot(["export", "--format", "csv", "--out", "x.csv"])
        #expect((command as? Export)?.format.value == .csv)
        #expect((command as? Export)?.out == "x.csv")
    }

    @Test func importRefusesAnUnknownDefaultCode() {
        do {
            _ = try DossierCommand.parseAsRoot(["import", "x.csv", "--default-code", "UkrSSR-1999"])
            Issue.record("expected a usage error")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
            #expect(DossierCommand.message(for: error).contains("UkrSSR-1927"))
        }
    }
}
