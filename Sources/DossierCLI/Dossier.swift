import ArgumentParser
import Dossier
import Foundation

@main
enum Main {
    /// Parses, runs, and reports a failure once for every command.
    ///
    /// ArgumentParser's own errors (a usage error, `--help`, a
    /// `ValidationError`, an `ExitCode`) end through its `exit(withError:)`,
    /// which prints them with the usage line. Everything else a command
    /// throws is the archive's or the data's: `Failure.describe` gives the
    /// words and the status, printed as `dossier: error: ...` lines.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: ParsableCommand
        do {
            command = try DossierCommand.parseAsRoot(arguments)
        } catch {
            DossierCommand.exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            exit(reporting: error)
        }
        Foundation.exit(0)
    }

    static func exit(reporting error: Error) -> Never {
        guard !isArgumentParsers(error) else { DossierCommand.exit(withError: error) }
        let (message, status) = Failure.describe(error)
        report(message)
        Foundation.exit(status.rawValue)
    }

    /// Whether ArgumentParser should print this error: its public ones
    /// (`ExitCode`, `CleanExit`, a `ValidationError` thrown in `run()`) and
    /// the internal ones its `help` command and `--help` throw from `run()`
    /// (`parseAsRoot` returns a help command rather than throwing), which
    /// can only be told by their module.
    static func isArgumentParsers(_ error: Error) -> Bool {
        switch error {
        case is ExitCode, is CleanExit, is ValidationError: return true
        default: return String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
        }
    }

    /// Writes `dossier: error: ` before each line of the message.
    static func report(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        FileHandle.standardError.write(Data(lines.map { "dossier: error: \($0)\n" }.joined().utf8))
    }
}

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "An archival case database for historians of trials and repression.",
        discussion: """
            The archive is --db PATH (before or after the command), else $DOSSIER_DB, else ./dossier.sqlite.
            --format is always the output format: a table on a terminal, JSON otherwise.
            Start with `dossier tour` to see a demo archive.
            Documented in README.md and docs/README.md.
            """,
        version: Version.text,
        subcommands: [Init.self, Tour.self, Import.self, Export.self, Add.self, New.self, Edit.self, Show.self, Search.self,
                      Cite.self, SourcesCommand.self, DateCommand.self, PlaceCommand.self, Publish.self, Stats.self, Figures.self,
                      Duplicates.self, Merge.self, NotDuplicate.self,
                      History.self, Revert.self, Check.self, Backup.self]
    )

    /// `dossier --db X COMMAND`: a subcommand that declares the same group
    /// receives this value (ArgumentParser passes a parent's decoded
    /// `@OptionGroup` down to a child's group of the same type), so `--db`
    /// may stand before or after the command name.
    @OptionGroup var archive: ArchiveOptions
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data("dossier: \(text)\n".utf8))
}

/// Writes to stdout, without buffering surprises.
func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
