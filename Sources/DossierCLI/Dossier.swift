import ArgumentParser
import Dossier
import DossierStorage
import Foundation

@main
enum Main {
    static func main() {
        DossierCommand.main(GlobalOptions.reorder(Array(CommandLine.arguments.dropFirst())))
    }
}

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "An archival case database for historians of trials and repression.",
        discussion: """
            The archive is --db PATH, else $DOSSIER_DB, else ./dossier.sqlite.
            Start with `dossier tour` to see a demo archive.
            """,
        version: Version.text,
        subcommands: [Init.self, Tour.self, Import.self, Export.self, Add.self, New.self, Edit.self, Show.self, Search.self,
                      Cite.self, SourcesCommand.self, DateCommand.self, Publish.self, Stats.self,
                      Duplicates.self, Merge.self, NotDuplicate.self,
                      History.self, Revert.self, Check.self, Backup.self]
    )
}

enum GlobalOptions {
    /// `dossier --db X COMMAND ...` is how the contract writes it; the
    /// parser wants options after the subcommand, so move a leading
    /// `--db X` / `--db=X` behind the command name.
    static func reorder(_ arguments: [String]) -> [String] {
        var rest = arguments
        var moved: [String] = []
        while let first = rest.first, first == "--db" || first.hasPrefix("--db=") {
            if first == "--db", rest.count >= 2 {
                moved += rest.prefix(2)
                rest.removeFirst(2)
            } else if first.hasPrefix("--db=") {
                moved.append(rest.removeFirst())
            } else {
                break
            }
        }
        guard !moved.isEmpty, !rest.isEmpty else { return arguments }
        // Put them after the command and any subcommand words (e.g. `add person`).
        var index = 1
        if rest[0] == "add", rest.count > 1, !rest[1].hasPrefix("-") { index = 2 }
        return Array(rest[..<index]) + moved + Array(rest[index...])
    }
}

/// Runs a command body, printing failures as one line
/// `dossier: error: ...` with the contract's exit status: 65 for bad input
/// data, 1 for anything else.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        let (message, code) = describe(error)
        FileHandle.standardError.write(Data(message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "dossier: error: \($0)\n" }.joined().utf8))
        throw ExitCode(code)
    }
}

func describe(_ error: Error) -> (String, Int32) {
    switch error {
    case let error as DataErrors: return (error.description, 65)
    case let error as DataError: return (error.description, 65)
    case let error as FieldError: return (error.at(file: nil, line: nil).description, 65)
    case let error as FieldProblem: return (DataError(error, field: nil).description, 65)
    case let error as EDTFError: return (error.description, 65)
    case let error as NotFound: return (error.description, 65)
    case let error as MigrationError: return (error.description, 1)
    case let error as SQLiteError where error.isRaisedByTrigger: return (error.message, 65)
    case let error as SQLiteError: return (error.description, 1)
    case let error as ArchiveError: return (error.description, 1)
    default: return ("\(error)", 1)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data("dossier: \(text)\n".utf8))
}

/// Writes to stdout, without buffering surprises.
func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
