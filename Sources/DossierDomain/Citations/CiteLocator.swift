import Foundation

/// A locator as citation processors take it.
///
/// A locator belongs to a citation, not to a source, so CSL-JSON items
/// (and BibTeX entries, and RIS records) have no place for it. Processors
/// get it with the citation instead: CSL processors (citeproc-js, Zotero)
/// as a cite item `{"id": key, "locator": "540", "label": "page"}`, pandoc
/// as `[@key, p. 540]` in the text. `dossier cite --locators FILE` writes
/// both forms for every citation it prints.
public struct CiteLocator: Sendable, Hashable {
    /// The locator as stored ("pp. 531-555", "l. 12ob", "lead").
    public var text: String
    /// The CSL locator term, when the locator starts with one dossier knows
    /// (`page`, `paragraph`, `section`, `chapter`, `note`, `folio`,
    /// `volume`, `column`, `figure`, `line`), or is a bare number (a page).
    public var label: String?
    /// The locator without its term ("531-555", "12ob"); nil without a label.
    public var value: String?

    /// Abbreviations of CSL locator terms as writers type them. Russian
    /// archival "l." / "ll." (list, listy: leaf, leaves; "л." / "лл.") are
    /// folios.
    package static let terms: [(String, String)] = [
        ("pp.", "page"), ("p.", "page"),
        ("paras.", "paragraph"), ("para.", "paragraph"), ("pars.", "paragraph"), ("par.", "paragraph"),
        ("¶¶", "paragraph"), ("¶", "paragraph"),
        ("secs.", "section"), ("sec.", "section"), ("§§", "section"), ("§", "section"),
        ("chaps.", "chapter"), ("chap.", "chapter"), ("chs.", "chapter"), ("ch.", "chapter"),
        ("nn.", "note"), ("n.", "note"),
        ("ll.", "folio"), ("l.", "folio"), ("fols.", "folio"), ("fol.", "folio"), ("ff.", "folio"),
        ("vols.", "volume"), ("vol.", "volume"),
        ("cols.", "column"), ("col.", "column"),
        ("figs.", "figure"), ("fig.", "figure"),
        ("lines", "line"), ("line", "line"),
        // Russian: лист/листы (leaf), страница (page).
        ("лл.", "folio"), ("л.", "folio"), ("стр.", "page"), ("сс.", "page"), ("с.", "page"),
    ]

    public init(_ text: String) {
        self.text = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let first = trimmed.first, first.isASCII, first.isNumber {
            label = "page"
            value = trimmed
            return
        }
        for (term, label) in Self.terms where trimmed.hasPrefix(term) {
            let after = trimmed.dropFirst(term.count)
            let rest = after.trimmingCharacters(in: .whitespaces)
            guard let next = rest.first else { continue }
            // A word ("lines of") is a term only before a number.
            let abbreviation = term.hasSuffix(".") || term.hasPrefix("§") || term.hasPrefix("¶")
            guard abbreviation || (after.first?.isWhitespace == true && next.isNumber) else { continue }
            self.label = label
            value = rest
            return
        }
    }

    /// The cite item of the CSL citation JSON format (`csl-citation.json`):
    /// id, locator and label.
    public func cslItem(id: String) -> [(String, OrderedJSON)] {
        var pairs: [(String, OrderedJSON)] = [("id", .string(id))]
        if let label, let value {
            pairs.append(("locator", .string(value)))
            pairs.append(("label", .string(label)))
        } else {
            pairs.append(("locator", .string(text)))
        }
        return pairs
    }

    /// A pandoc citation with this locator: `[@key, l. 12ob]`. Pandoc reads
    /// a leading term it knows as the locator and keeps other text as a
    /// suffix. Markdown punctuation that would end or split the citation is
    /// escaped.
    public func pandoc(key: String) -> String {
        Self.pandocKey(key, locator: text)
    }

    package static func pandocKey(_ key: String, locator: String?) -> String {
        let simple = key.first.map { $0.isLetter || $0.isNumber || $0 == "_" } == true
            && key.allSatisfy { $0.isLetter || $0.isNumber || "_:.#$%&-+?<>~/".contains($0) }
            && key.last.map { $0.isLetter || $0.isNumber || $0 == "_" } == true
        let written = simple ? key : "{" + key + "}"
        guard let locator, !locator.isEmpty else { return "[@\(written)]" }
        var escaped = ""
        for c in locator {
            if "[]@;\\*_`".contains(c) { escaped.append("\\") }
            escaped.append(c)
        }
        return "[@\(written), \(escaped)]"
    }
}
