import ArgumentParser
import Dossier
import Foundation

/// `--db`, the archive every command but `date` works on.
///
/// The root command and every subcommand that opens the archive declare
/// this group, so that `dossier --db X search` and `dossier search --db X`
/// both parse; ArgumentParser hands a subcommand the value its parent
/// decoded (see `DossierCommand`).
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file (else $DOSSIER_DB, else ./dossier.sqlite).", valueName: "path"))
    var db: String?

    /// --db, else $DOSSIER_DB, else ./dossier.sqlite.
    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["DOSSIER_DB"], !env.isEmpty { return env }
        return "dossier.sqlite"
    }

    func open(create: Bool = false, readOnly: Bool = false) throws -> Archive {
        try Archive(path: path, create: create, readOnly: readOnly)
    }
}

/// Every output format a dossier command can print. A command takes the
/// subset its `OutputFormats` type declares.
enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, yaml, svg, jsonl, xlsx
}

/// The `--format` values one command accepts, and its default.
///
/// A type rather than a list checked in `validate()`, so that `--help`
/// shows only these values and the parser itself refuses any other.
protocol OutputFormats {
    static var allowed: [OutputFormat] { get }
    /// The format without `--format`; nil for the rule of commands that
    /// print a table: a table on a terminal, JSON otherwise.
    static var fixedDefault: OutputFormat? { get }
}

extension OutputFormats {
    static var fixedDefault: OutputFormat? { nil }
}

/// One `--format` value, limited to what `Formats` allows.
struct FormatChoice<Formats: OutputFormats>: ExpressibleByArgument, Sendable {
    let format: OutputFormat

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Formats.allowed.contains(format) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Formats.allowed.map(\.rawValue) }
}

/// The output options every printing command shares: `--format`, always
/// the output format, with the values the command declares.
struct OutputOptions<Formats: OutputFormats>: ParsableArguments {
    @Option(name: .customLong("format"),
            help: ArgumentHelp("The output format\(Self.defaultNote).", valueName: "format"))
    var choice: FormatChoice<Formats>?

    /// The format given, else the command's default.
    var format: OutputFormat {
        if let choice { return choice.format }
        return Formats.fixedDefault ?? (isTerminal(STDOUT_FILENO) ? .table : .json)
    }

    private static var defaultNote: String {
        // ArgumentParser lists the values after the help text.
        Formats.fixedDefault.map { " (default: \($0.rawValue))" } ?? " (default: a table on a terminal, JSON otherwise)"
    }
}

/// `check`, `date`, `history`.
enum TableOrJSON: OutputFormats {
    static let allowed: [OutputFormat] = [.table, .json]
}

/// Commands that print rows: `search`, `sources`, `duplicates`.
enum RowFormats: OutputFormats {
    static let allowed: [OutputFormat] = [.table, .json, .csv]
}

/// True when the stream is a terminal.
func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

extension LibraryOfCongress.Form: ExpressibleByArgument {}

/// `--romanize loc|loc-plain` of `show` and `search`: each Cyrillic name
/// of the table output followed by its romanization in brackets.
struct RomanizeOption: ParsableArguments {
    @Option(help: ArgumentHelp("Write each Cyrillic name with its Library of Congress (ALA-LC) romanization in brackets: loc (with diacritics and ligature ties) or loc-plain (without them).",
                               valueName: "system"))
    var romanize: LibraryOfCongress.Form?

    /// The output format: with `--romanize` and no `--format`, the table
    /// (even when the output is not a terminal).
    func format<Formats>(_ options: OutputOptions<Formats>) -> OutputFormat {
        romanize != nil && options.choice == nil ? .table : options.format
    }

    /// The form, refused for a format other than the table.
    func form(for format: OutputFormat) throws -> LibraryOfCongress.Form? {
        guard let romanize else { return nil }
        guard format == .table else {
            throw UsageError("--romanize applies to the table output; JSON, CSV and YAML keep names as written")
        }
        return romanize
    }
}
