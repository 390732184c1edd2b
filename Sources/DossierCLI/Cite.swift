import ArgumentParser
import Dossier
import Foundation

extension CiteStyle: ExpressibleByArgument {}
extension CiteMarkup: ExpressibleByArgument {}
extension LocatorLocale: ExpressibleByArgument {}

struct Cite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The citations behind cases, persons or search results, or sources by key, ready for a paper.",
        discussion: """
            For a case: the citations of the case, and of each defendant's person, outcome and events; \
            for a person: theirs, and those of their cases, outcomes and events. The same source with the \
            same locator is cited once.

            chicago-note prints one numbered note per citation: the full note the first time a source is \
            cited, the short note after that. chicago-bib prints the sorted bibliography. bibtex, biblatex, \
            ris and csl-json print the sources themselves; these formats have no place for a locator, so \
            --locators FILE writes the citations with their locators as CSL cite items and pandoc citations.

            Examples:
              dossier cite shakhty-1928
              dossier cite shakhty-1928 --style chicago-bib
              dossier cite p-babel-ie --style biblatex > babel.bib
              dossier cite --source solomon1987vanishing --style csl-json
              dossier cite --query Babel --outcome convicted --short
              dossier cite --figures
              dossier cite kozhevnikov-people-courts-1937
            Documented in docs/citations.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "Case refs, person refs or figure refs (a source key is cited as with --source).") var refs: [String] = []
    @Flag(help: "Cite the sources behind every published figure, with their locators (`dossier figures`).")
    var figures = false
    @Option(help: "The output style.") var style: CiteStyle = .chicagoNote
    @Flag(help: "Chicago short notes throughout (with --style chicago-note).") var short = false
    @Option(name: .customLong("source"), help: ArgumentHelp("A source by citation key (repeatable).", valueName: "key"))
    var sourceKeys: [String] = []
    @Option(help: ArgumentHelp("Cite the records a search finds: free text (names, charges, notes). The search filters narrow it, and may be given without --query.", valueName: "text"))
    var query: String?
    @OptionGroup(title: "Search filters") var filters: FilterOptions
    @Option(help: "At most this many search results.") var limit: Int?
    @Option(help: "How Chicago notes mark italics: *…* (markdown), <i>…</i> (html) or not at all (plain).") var markup: CiteMarkup = .markdown
    @Option(help: ArgumentHelp("Also write the citations with their locators to this file as JSON: CSL cite items (id, locator, label), pandoc citations and the records each backs.", valueName: "file"))
    var locators: String?
    @Option(help: ArgumentHelp("Write Cyrillic authors and titles in the Library of Congress romanization (ALA-LC): loc, or loc-plain without diacritics and ligature ties; a translated title follows in brackets.", valueName: "system"))
    var romanize: LibraryOfCongress.Form?
    @Option(help: ArgumentHelp("Write locator labels in the document's language, as pandoc reads them: en (p., fol. 12v) or ru (с., л. 12об).", valueName: "language"))
    var locale: LocatorLocale?

    /// Whether a search selects records too.
    var searching: Bool { query != nil || filters.isGiven }

    func validate() throws {
        if refs.isEmpty && sourceKeys.isEmpty && !searching && !figures {
            throw ValidationError("give a case or person ref, --source KEY, --figures, or a search (--query TEXT and/or filters)")
        }
        if short && style != .chicagoNote { throw ValidationError("--short goes with --style chicago-note") }
        if limit != nil && !searching { throw ValidationError("--limit goes with a search (--query or filters)") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        _ = try filters.filter()  // unknown outcomes, body kinds, categories
    }

    func run() throws {
        let opened = try archive.open(readOnly: true)
        let targets = try refs.map { try opened.citeTarget($0) }
        var hits: [Int64] = []
        if searching {
            hits = try opened.defendantIDs(query: query, filter: try filters.filter(), limit: limit)
            if hits.isEmpty { printError("note: the search found no records") }
        }
        let export = try opened.citationExport(targets: targets, defendantIDs: hits, sourceKeys: sourceKeys, figures: figures)
            .adapted(romanize: romanize, locale: locale)
        if export.citationSet.uses.isEmpty {
            printError("note: no citations behind " + (refs.isEmpty ? "the search results" : refs.joined(separator: ", ")))
        }
        // The locators file first, so that a failure prints nothing.
        if let locators {
            let text = export.citationItems.serialized(pretty: true) + "\n"
            guard FileManager.default.createFile(atPath: locators, contents: Data(text.utf8)) else {
                throw ArchiveError("\(locators): cannot be written")
            }
        }
        output(export.render(style, short: short, markup: markup))
    }
}

extension FilterOptions {
    /// Whether any filter flag was given.
    var isGiven: Bool {
        name != nil || charge != nil || !outcome.isEmpty || !bodyKind.isEmpty || judicial || extrajudicial
            || investigative || !category.isEmpty || place != nil || nationality != nil || from != nil || to != nil
    }
}
