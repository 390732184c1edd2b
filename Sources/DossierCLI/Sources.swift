import ArgumentParser
import Dossier
import Foundation

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Citation lookup: find sources by author, title, year, archive or key, with how many records cite each.",
        discussion: """
            Every word must start a word of the source (its key, authors, editors, title, container, \
            year or archival reference); case and accents are ignored. Best matches first: a word in the \
            key or an author's name counts most. Without words, every source, by key. With --cited-by, \
            the records that cite one source, with their locators.

            Examples:
              dossier sources Solomon 1987
              dossier sources vanishing acquittal
              dossier sources GARF 8131 --format json
              dossier sources solomon1987vanishing --cited-by
            Documented in docs/citations.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "Words to look for; none lists every source.") var words: [String] = []
    @Flag(name: .customLong("cited-by"), help: "List the records citing the source (give its key, or words that find one source).")
    var citedBy = false
    @OptionGroup var outputOptions: OutputOptions<RowFormats>
    @Option(help: "At most this many sources.") var limit: Int?

    func validate() throws {
        if citedBy && words.isEmpty { throw ValidationError("--cited-by needs a source key") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let opened = try archive.open(readOnly: true)
        let text = words.joined(separator: " ")
        if citedBy {
            let key = try resolveKey(text, in: opened)
            let records = try opened.citingRecords(sourceKey: key)
            switch outputOptions.format {
            case .json: output(SourceListing.json(citing: records, key: key).serialized(pretty: true) + "\n")
            case .csv: output(SourceListing.csv(citing: records))
            default: output(SourceListing.table(citing: records, key: key))
            }
            return
        }
        let matches = try opened.findSources(text.isEmpty ? nil : text, limit: limit)
        switch outputOptions.format {
        case .json: output(SourceListing.json(matches).serialized(pretty: true) + "\n")
        case .csv: output(SourceListing.csv(matches))
        default: output(SourceListing.table(matches))
        }
    }

    /// A key as given, or the one source the words find.
    func resolveKey(_ text: String, in archive: Archive) throws -> String {
        if try archive.sourceID(text) != nil { return text }
        let matches = try archive.findSources(text, limit: 6)
        switch matches.count {
        case 1: return matches[0].source.key
        case 0: throw NotFound("no source \(text)", suggestions: try archive.sourceSuggestions(for: text))
        default:
            let keys = matches.prefix(5).map(\.source.key).joined(separator: ", ")
            throw NotFound("\"\(text)\" finds \(matches.count > 5 ? "more than 5" : String(matches.count)) sources ("
                           + keys + "); give one key")
        }
    }
}
