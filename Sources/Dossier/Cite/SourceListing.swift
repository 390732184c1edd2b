import DossierDomain
import Foundation

/// The output of `dossier sources` as a table, JSON or CSV.
public enum SourceListing {
    /// The first creators' family names ("Solomon", "Еремина and
    /// Рогинский"), else the container of an unsigned article or page.
    static func author(_ source: Source) -> String {
        Chicago.shortNames(Chicago.primaryCreators(source).names) ?? ""
    }

    static func year(_ source: Source) -> String {
        CitationDate.year(source.issued).map(String.init) ?? ""
    }

    /// The title, and for an archival file its archival reference.
    static func title(_ source: Source) -> String {
        guard let reference = Chicago.archivalReference(source) else { return source.title }
        return source.title + " (" + reference + ")"
    }

    // MARK: Sources found

    public static func table(_ matches: [SourceMatch]) -> String {
        guard !matches.isEmpty else { return "no sources found\n" }
        let rows = matches.map { match in
            [match.source.key, String(match.citedBy), year(match.source), author(match.source), title(match.source)]
        }
        return TextTable.render(header: ["KEY", "CITED", "YEAR", "AUTHOR", "TITLE"], rows: rows)
    }

    public static func json(_ matches: [SourceMatch]) -> OrderedJSON {
        .array(matches.map { match in
            let source = match.source
            var writer = JSONObjectWriter()
            writer.set("key", source.key)
            writer.set("type", source.type)
            writer.set("cited_by", match.citedBy)
            writer.set("author", author(source).isEmpty ? nil : author(source))
            writer.set("year", CitationDate.year(source.issued))
            writer.set("title", source.title)
            writer.set("container_title", source.containerTitle)
            writer.set("archive", source.archive)
            writer.set("archive_location", source.archiveLocation)
            writer.set("bibliography", Chicago.bibliographyEntry(source).plain)
            writer.set("score", match.rank.map { -$0 })
            writer.set("csl", OrderedJSON(CSLJSON.item(source)))
            return writer.json
        })
    }

    public static let csvHeader = ["key", "type", "cited_by", "author", "year", "title", "container_title",
                                   "archive", "archive_location", "bibliography"]

    public static func csv(_ matches: [SourceMatch]) -> String {
        CSVText.row(csvHeader) + matches.map { match in
            let s = match.source
            return CSVText.row([s.key, s.type, String(match.citedBy), author(s), year(s), s.title, s.containerTitle ?? "",
                                s.archive ?? "", s.archiveLocation ?? "", Chicago.bibliographyEntry(s).plain])
        }.joined()
    }

    // MARK: Records citing a source

    public static func table(citing records: [CitingRecord], key: String) -> String {
        guard !records.isEmpty else { return "no records cite \(key)\n" }
        let rows = records.map { item in
            [item.record.caseRef ?? "", item.record.personRef ?? "", item.record.what, item.locator ?? "",
             item.confidence.rawValue]
        }
        return TextTable.render(header: ["CASE", "PERSON", "CITED FOR", "LOCATOR", "CONFIDENCE"], rows: rows)
    }

    public static func json(citing records: [CitingRecord], key: String) -> OrderedJSON {
        .object([("key", .string(key)), ("cited_by", .array(records.map { item in
            guard case .object(var pairs) = item.record.json else { return .null }
            var writer = JSONObjectWriter()
            writer.set("locator", item.locator)
            writer.set("confidence", item.confidence.rawValue)
            writer.set("quote", item.quote)
            writer.set("note", item.note)
            if case .object(let more) = writer.json { pairs += more }
            return .object(pairs)
        }))])
    }

    public static let citingCSVHeader = ["kind", "case_ref", "person_ref", "event", "event_date", "locator",
                                         "confidence", "quote", "note"]

    public static func csv(citing records: [CitingRecord]) -> String {
        CSVText.row(citingCSVHeader) + records.map { item in
            CSVText.row([item.record.kind.rawValue, item.record.caseRef ?? "", item.record.personRef ?? "",
                         item.record.eventKind ?? "", item.record.eventDate ?? "", item.locator ?? "",
                         item.confidence.rawValue, item.quote ?? "", item.note ?? ""])
        }.joined()
    }
}
