import ArgumentParser
import Dossier
import Foundation

struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a demo archive from the built-in fixtures and show what dossier does.",
        discussion: "It is built at --db PATH, else ./dossier-tour.sqlite (not $DOSSIER_DB: a demo should not land in your archive).\nDocumented in README.md.")

    /// The shared `--db`, hidden here because its help names the fallbacks
    /// of the other commands; the discussion gives the tour's own.
    @OptionGroup(visibility: .hidden) var archive: ArchiveOptions

    var db: String { archive.db ?? "dossier-tour.sqlite" }

    func run() throws {
        let archive = try Archive(path: db, create: true)
        let report = try Dossier.Tour.build(archive)
        output("== The demo archive: \(db)\n")
        let counts = try archive.counts()
        output("Imported \(report.records) records from the fixtures (\(report.tally.summary)).\n")
        output("It holds \(counts["proceeding"] ?? 0) cases, \(counts["defendant"] ?? 0) defendants, "
               + "\(counts["source"] ?? 0) sources and \(counts["citation"] ?? 0) citations.\n\n")
        for (query, label) in [("Tuchatschewski", "German spelling"), ("Бухарин Н. И.", "Cyrillic with initials"),
                               ("Tukhachevksy", "a typo")] {
            var filter = RecordFilter()
            filter.name = query
            let hits = try archive.search(SearchQuery(filter: filter, limit: 3))
            output("== A name search, \(label): dossier search --name \"\(query)\" --explain\n")
            output(SearchOutput.table(hits, explain: true) + "\n")
        }
        var chargeFilter = RecordFilter()
        chargeFilter.charge = "58-1"
        let chargeHits = try archive.search(SearchQuery(filter: chargeFilter, limit: 5))
        output("== A charge search: dossier search --charge 58-1 (58-1, 58-1a, 58-1b..., not 58-10)\n")
        output(SearchOutput.table(chargeHits, explain: false) + "\n")
        let caseRef = try archive.caseRefs().contains("tukhachevsky-1937") ? "tukhachevsky-1937" : (try archive.caseRefs().first ?? "")
        if !caseRef.isEmpty {
            output("== One whole case, with its sources: dossier show \(caseRef)\n")
            output(try RecordView.load(archive, ref: caseRef).text + "\n")
        }
        if try archive.caseRefs().contains("metro-vickers-1933") {
            let export = try archive.citationExport(targets: [try archive.citeTarget("metro-vickers-1933")])
            output("== Citations for a paper: dossier cite metro-vickers-1933 --style chicago-note\n")
            output(export.render(.chicagoNote) + "\n")
        }
        output("== Statistics of the fixtures: dossier stats --by decade\n")
        output(try archive.outcomeStats(StatsRequest(by: [.decade])).table + "\n")
        output("== Was anybody ever found \u{201C}not guilty\u{201D}? In the fixtures:\n")
        output(try WaysOut.load(archive).text + "\n")
        output(try Dossier.Tour.publishedAnswer(archive) + "\n")
        output("""
            The fixtures' own figures above describe a hand-picked selection: a few defendants of each show
            trial, cases chosen because they are known, a handful of acquittals found on purpose. They are not
            rates of Soviet justice. A rate needs a population and a definition (an acquittal is not charges
            dropped, a court is not the NKVD): the published figures above, each with its own scope, set
            beside the archive's groups by dossier stats --by decade --compare.

            """)
    }
}
