import ArgumentParser
import Dossier
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one case or person, whole, with its sources (or one source by key).",
        discussion: "Example: dossier show moscow-trial-1938 --format json")

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "A case ref, person ref, or source key.") var ref: String
    @Option(help: "table, json, or yaml (the document `dossier add KIND --yaml` and `dossier edit` read).")
    var format: ShowFormat = .table

    func run() throws {
        try runReporting {
            let opened = try archive.open(readOnly: true)
            let view = try RecordView.load(opened, ref: ref)
            switch format {
            case .json: output(view.json.serialized(pretty: true) + "\n")
            case .yaml: output(view.yaml(defaultCode: opened.defaultCode))
            case .table: output(view.text)
            }
        }
    }
}

enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, yaml
}
