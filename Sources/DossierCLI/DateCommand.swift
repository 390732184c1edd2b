import ArgumentParser
import Dossier
import Foundation

struct DateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "date",
        abstract: "Show how dossier reads EDTF dates: normal form, earliest and latest day, and a reading.",
        discussion: """
            Examples: dossier date 193X 1937-11-XX '1937/..' 'os:1917-10-25' --format json
            Exit status 0 when every input is valid, 65 otherwise.
            Documented in docs/dates.md.
            """)

    @Argument(help: "EDTF dates (os: prefix for Old Style).") var dates: [String]
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
