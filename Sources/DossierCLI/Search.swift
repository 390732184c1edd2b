import ArgumentParser
import Dossier
import Foundation

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find defendants by name (any script or spelling), charge, outcome, body, place or date.",
        discussion: """
            Examples:
              dossier search Tuchatschewski
              dossier search --name "M. N. Tukhachevsky" --explain
              dossier search --charge 58-1 --extrajudicial --from 1937 --to 1938
              dossier search "wrecking" --outcome acquitted --format json
            Documented in docs/search.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "Names, or words from charges and notes.") var text: [String] = []
    @OptionGroup var filters: FilterOptions
    @Option(help: "At most this many results.") var limit = 20
    @Flag(help: "Show the matched name form and why it matched.") var explain = false
    @OptionGroup var outputOptions: OutputOptions<RowFormats>
    @OptionGroup var romanizeOption: RomanizeOption

    func run() throws {
        let format = romanizeOption.format(outputOptions)
        let romanize = try romanizeOption.form(for: format)
        let opened = try archive.open(readOnly: true)
        var query = SearchQuery(filter: try filters.filter(), limit: limit)
        if !text.isEmpty { query.text = text.joined(separator: " ") }
        let hits = try opened.search(query)
        switch format {
        case .json: output(SearchOutput.json(hits))
        case .csv: output(SearchOutput.csv(hits))
        default: output(SearchOutput.table(hits, explain: explain, romanize: romanize))
        }
    }
}
