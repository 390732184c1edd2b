import ArgumentParser
import Dossier
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one case or person, whole, with its sources (or one source by key).",
        discussion: "Example: dossier show moscow-trial-1938 --format json")

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "A case ref, person ref, or source key.") var ref: String
    @Option(help: "table or json.") var format: OutputFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("show prints table or json") }
    }

    func run() throws {
        try runReporting {
            let opened = try archive.open(readOnly: true)
            let view = try RecordView.load(opened, ref: ref)
            switch format {
            case .json: output(view.json.serialized(pretty: true) + "\n")
            default: output(view.text)
            }
        }
    }
}
