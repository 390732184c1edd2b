import ArgumentParser
import Dossier
import Foundation

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what changed, when, by which command, and each record before and after.",
        discussion: """
            Newest change first. Each row is + (added), ~ (changed: old → new) or - (removed).
            Examples:
              dossier history                      # every change, 10 rows of each
              dossier history pryanikov-1936           # a case and its defendants, charges, events, citations
              dossier history --since 2026-11-01 --format json
              dossier history --change 12 --rows 0 # one change, every row
            Documented in docs/reliability.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "A case ref, person ref or source key: only changes to it and the rows that belong to it.")
    var ref: String?
    @Option(help: ArgumentHelp("Only changes at or after this time (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, UTC).",
                               valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("Only this change.", valueName: "id")) var change: Int?
    @Option(help: ArgumentHelp("At most this many changes.", valueName: "n")) var limit: Int?
    @Option(help: ArgumentHelp("At most this many rows of each change (0 for all).", valueName: "n")) var rows: Int = 10
    @OptionGroup var outputOptions: OutputOptions<TableOrJSON>

    func validate() throws {
        if rows < 0 { throw ValidationError("--rows takes 0 (all) or more") }
        if let limit, limit < 1 { throw ValidationError("--limit takes 1 or more") }
    }

    func run() throws {
        let opened = try archive.open(readOnly: true)
        var query = HistoryQuery()
        query.ref = ref
        query.since = since
        query.change = change.map(Int64.init)
        query.limit = limit
        query.rowsPerChange = rows == 0 ? nil : rows
        let entries = try opened.history(query)
        switch outputOptions.format {
        case .json:
            output(OrderedJSON.array(entries.map(\.json)).serialized(pretty: true) + "\n")
        default:
            if entries.isEmpty {
                output("no changes" + (ref.map { " to \($0)" } ?? "") + (since.map { " since \($0)" } ?? "") + "\n")
            }
            output(entries.map { $0.text() }.joined(separator: "\n"))
        }
    }
}
