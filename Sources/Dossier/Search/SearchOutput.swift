import DossierDomain
import Foundation

/// Renderings of search results.
public enum SearchOutput {
    /// `romanize`: each Cyrillic name followed by its romanization in
    /// brackets (`Затейкин, Иван (Zateĭkin, Ivan)`).
    public static func table(_ hits: [SearchHit], explain: Bool, romanize: LibraryOfCongress.Form? = nil) -> String {
        if hits.isEmpty { return "no matches\n" }
        let rows = hits.map { hit -> [String] in
            var row = [hit.reason == "filter" ? "" : String(format: "%.2f", hit.score),
                       ShowText.label(hit.name, romanize: romanize), hit.personRef, hit.caseRef, hit.trialDate ?? "",
                       hit.outcome, hit.bodyKind, hit.charges.joined(separator: " ")]
            if explain {
                row.append(hit.reason + (hit.matchedName.map { " as \"\($0)\"" } ?? "")
                           + (hit.explanation.map { ": \($0)" } ?? ""))
            }
            return row
        }
        var header = ["score", "name", "person", "case", "decided", "outcome", "body kind", "charges"]
        if explain { header.append("why") }
        return TextTable.render(header: header, rows: rows)
    }

    public static func json(_ hits: [SearchHit]) -> String {
        OrderedJSON.array(hits.map(\.json)).serialized(pretty: true) + "\n"
    }

    public static func csv(_ hits: [SearchHit]) -> String {
        var out = CSVText.row(["person_ref", "case_ref", "name", "matched_name", "score", "reason", "outcome",
                               "trial_date", "charges", "body_kind", "category"])
        for hit in hits {
            out += CSVText.row([hit.personRef, hit.caseRef, hit.name, hit.matchedName ?? "", String(format: "%.3f", hit.score),
                                hit.reason, hit.outcome, hit.trialDate ?? "", hit.charges.joined(separator: "; "),
                                hit.bodyKind, hit.category])
        }
        return out
    }
}
