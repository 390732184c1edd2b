import ArgumentParser
import Dossier
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one case or person, whole, with its sources (or one source by key, or one published figure).",
        discussion: "Example: dossier show moscow-trial-1938 --format json\nDocumented in docs/entering.md.")

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "A case ref, person ref, source key, or figure ref.") var ref: String
    @OptionGroup var outputOptions: OutputOptions<Formats>
    @OptionGroup var romanizeOption: RomanizeOption

    func run() throws {
        let format = romanizeOption.format(outputOptions)
        let romanize = try romanizeOption.form(for: format)
        let opened = try archive.open(readOnly: true)
        // One snapshot: a figure or a record, read as one commit left it.
        let found: (figure: PublishedFigure?, view: RecordView?) = try opened.snapshot {
            if try opened.caseID(ref) == nil, try opened.personID(ref) == nil, try opened.sourceID(ref) == nil,
               let figure = try opened.loadFigure(ref: ref) {
                return (figure, nil)
            }
            return (nil, try RecordView.load(opened, ref: ref))
        }
        if let figure = found.figure {
            switch format {
            case .json: output(figure.json.serialized(pretty: true) + "\n")
            case .yaml: output(EntryDocuments.figureText(figure, annotated: false))
            default: output(FigureListing.show(figure))
            }
            return
        }
        guard let view = found.view else { return }
        switch format {
        case .json: output(view.json.serialized(pretty: true) + "\n")
        case .yaml: output(view.yaml(defaultCode: opened.defaultCode))
        default: output(view.text(romanize: romanize))
        }
    }
}

extension Show {
    /// table and json, and yaml: the document `dossier add KIND --yaml`
    /// and `dossier edit` read.
    enum Formats: OutputFormats {
        static let allowed: [OutputFormat] = [.table, .json, .yaml]
    }
}
