import ArgumentParser
import Dossier
import Foundation

struct DateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "date",
        abstract: "Show how dossier reads dates: EDTF form, earliest and latest day, and a reading.",
        discussion: """
            Examples: dossier date 193X 1937-11-XX '1937/..' 'os:1917-10-25' 14.08.1937 '1930-е' --format json
            Besides EDTF, the forms sources write are read and shown as the EDTF dossier stores \
            (14.08.1937, 14 августа 1937 г., март 1937, March 1937, 1937-1938, 1930-е, ок. 1900, \
            1904 или 1906, 5.XI.1937); a two-digit year (14.8.37) is refused.
            Exit status 0 when every input is valid, 65 otherwise.
            Documented in docs/dates.md.
            """)

    @Argument(help: "Dates: EDTF (os: prefix for Old Style) or as sources write them.") var dates: [String]
    @OptionGroup var outputOptions: OutputOptions<TableOrJSON>

    func validate() throws {
        if dates.isEmpty { throw ValidationError("give at least one date") }
    }

    func run() throws {
        let reports = dates.map(DateReport.init)
        switch outputOptions.format {
        case .json: output(OrderedJSON.array(reports.map(\.json)).serialized(pretty: true) + "\n")
        default: output(DateReport.table(reports))
        }
        if !reports.allSatisfy(\.isValid) { throw ExitCode(65) }
    }
}
