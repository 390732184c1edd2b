import ArgumentParser
@testable import DossierCLI
import Testing

@Suite struct CommandLineTests {
    @Test(arguments: [
        ["--db", "x.sqlite", "show", "r"],
        ["--db=x.sqlite", "show", "r"],
        ["show", "--db", "x.sqlite", "r"],
        ["show", "r", "--db=x.sqlite"],
    ])
    func databaseOptionStandsBeforeOrAfterTheCommand(arguments: [String]) throws {
        let show = try #require(try DossierCommand.parseAsRoot(arguments) as? Show)
        #expect(show.archive.path == "x.sqlite")
        #expect(show.ref == "r")
    }

    @Test func databaseOptionReachesNestedSubcommands() throws {
        for arguments in [["--db", "x.sqlite", "add", "person", "--ref", "p"], ["add", "person", "--db", "x.sqlite", "--ref", "p"]] {
            let add = try #require(try DossierCommand.parseAsRoot(arguments) as? AddPerson)
            #expect(add.options.archive.path == "x.sqlite")
            #expect(add.ref == "p")
        }
    }

    @Test func databaseOptionNeedsAValue() {
        do {
            _ = try DossierCommand.parseAsRoot(["--db"])
            Issue.record("expected a usage error")
        } catch {
            #expect(DossierCommand.exitCode(for: error) == .validationFailure)
        }
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
            #expect(DossierCommand.message(for: error).contains("--input-format"))
        }
    }

    @Test func exportKnowsItsFormats() throws {
        #expect(throws: (any Error).self) { _ = try DossierCommand.parseAsRoot(["export", "--format", "xml"]) }
        let command = try DossierCommand.parseAsRoot(["export", "--format", "csv", "--out", "x.csv"])
        #expect((command as? Export)?.outputOptions.format == .csv)
        #expect((command as? Export)?.exportFormat == .csv)
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
