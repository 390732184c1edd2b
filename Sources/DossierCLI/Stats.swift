import ArgumentParser
import Dossier
import Foundation

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Outcome counts and shares with 95% Wilson intervals, acquittal and non-conviction rates.",
        discussion: """
            One record is one defendant in one case. Groups by the year or decade of the case's decision \
            date, body kind, category, charge, place (the gazetteer's place, whatever name it was written \
            under), region (the oblast, krai or republic of the place at the case's date) or nationality, or two of them (--by decade,category). A date \
            spanning several years counts under "uncertain year" unless --spread distributes it evenly \
            over those years. Every figure is defined in the output.
            Examples: dossier stats --by decade --category political
                      dossier stats --by year,category --format json
                      dossier stats --by decade --extrajudicial --format svg > outcomes.svg
                      dossier stats --by decade --judicial --compare
            Documented in docs/statistics.md.
            """)

    /// The row formats, and a chart.
    enum Formats: OutputFormats {
        static let allowed: [OutputFormat] = [.table, .json, .csv, .svg]
    }

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var filters: FilterOptions
    @Option(help: ArgumentHelp("Group by year, decade, body-kind, category, charge, place, region or nationality; two with a comma.",
                               valueName: "grouping"))
    var by: String?
    @Flag(help: "Spread records whose decision date spans several years evenly over those years.")
    var spread = false
    @Flag(help: "Show beside each group the published figures whose period and scope overlap it (`dossier figures`).")
    var compare = false
    @OptionGroup var outputOptions: OutputOptions<Formats>

    func dimensions() throws -> [StatsDimension] {
        guard let by else { return [] }
        do { return try StatsDimension.parseList(by) } catch let problem as FieldProblem {
            throw ValidationError("--by: " + problem.problem + (problem.expected.map { " (expected \($0))" } ?? ""))
        }
    }

    func validate() throws {
        _ = try filters.filter()
        let dimensions = try dimensions()
        if spread && !dimensions.contains(where: \.isDate) {
            throw ValidationError("--spread needs --by year or --by decade")
        }
    }

    func run() throws {
        let request = StatsRequest(filter: try filters.filter(), by: try dimensions(), spread: spread, compare: compare)
        let stats = try archive.open(readOnly: true).outcomeStats(request)
        switch outputOptions.format {
        case .json: output(stats.json.serialized(pretty: true) + "\n")
        case .csv: output(stats.csv)
        case .svg: output(stats.svg)
        default: output(stats.table)
        }
    }
}
