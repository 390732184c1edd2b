import ArgumentParser
import Dossier
import Foundation

struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The published figures: acquittal and conviction rates from the literature, with scope, definition and source.",
        discussion: """
            A published figure is kept apart from the archive's own counts: its value or bounds, what it \
            counts (jurisdiction, courts, category, period, unit), which outcome codes its numerator and \
            denominator count, and where it is printed. `dossier stats --compare` sets them beside the \
            archive's rates; `dossier show REF` shows one; `dossier cite --figures` cites their sources.
            Examples: dossier figures
                      dossier figures --format json
                      dossier add figure --ref f-example --statement "less than 2%" --high 0.02 --low 0 \\
                        --period 1960/1969 --numerator-outcomes acquitted --source-key SOURCE_KEY
            Documented in docs/figures.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var outputOptions: OutputOptions<RowFormats>

    func run() throws {
        let figures = try archive.open(readOnly: true).loadFigures()
        switch outputOptions.format {
        case .json: output(FigureListing.json(figures).serialized(pretty: true) + "\n")
        case .csv: output(FigureListing.csv(figures))
        default: output(FigureListing.table(figures))
        }
    }
}
