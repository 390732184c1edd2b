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

/// The language of the document a citation goes into (`cite --locale`):
/// its locator labels are written in that language's terms, which pandoc
/// reads from the document's locale.
public enum LocatorLocale: String, Sendable, CaseIterable {
    case en, ru

    /// The label this locale writes for a CSL locator term, or nil to keep
    /// the locator as written.
    func term(_ label: String) -> String? {
        switch self {
        case .en:
            let terms = ["page": "p.", "folio": "fol.", "paragraph": "para.", "section": "sec.", "chapter": "chap.",
                         "note": "n.", "volume": "vol.", "column": "col.", "figure": "fig.", "line": "line"]
            return terms[label]
        case .ru:
            return ["page": "с.", "folio": "л."][label]
        }
    }
}

extension CiteLocator {
    /// The locator with its label in `locale`'s terms: `л. 12об–14` in
    /// English is `fol. 12v–14` (об, ob: the verso, v), `с. 45–47` is
    /// `p. 45–47`; in Russian `l. 12ob` is `л. 12об` and `p. 45` is `с. 45`.
    /// A bare number (a page) and a locator whose label is not known, or
    /// has no term in the locale, stay as written.
    public func localized(_ locale: LocatorLocale) -> String {
        guard let label, var value, let term = locale.term(label) else { return text }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed != value else { return text }  // a bare number
        if label == "folio" {
            value = Self.verso(value, locale)
        }
        return term + " " + value
    }

    /// Rewrites the verso mark after a leaf number: `12об`, `12ob`, `12 об.`
    /// → `12v` in English, `12v`, `12ob` → `12об` in Russian.
    static func verso(_ value: String, _ locale: LocatorLocale) -> String {
        let marks = locale == .en ? ["об.", "об", "ob.", "ob", "v"] : ["ob.", "ob", "об.", "об", "v"]
        let written = locale == .en ? "v" : "об"
        var out = ""
        var index = value.startIndex
        while index < value.endIndex {
            let character = value[index]
            out.append(character)
            index = value.index(after: index)
            guard character.isNumber, index < value.endIndex, !value[index].isNumber else { continue }
            var after = index
            while after < value.endIndex, value[after] == " " { after = value.index(after: after) }
            for mark in marks where value[after...].hasPrefix(mark) {
                let end = value.index(after, offsetBy: mark.count)
                // A mark, not the start of a word.
                if end < value.endIndex, value[end].isLetter { continue }
                out += written
                index = end
                break
            }
        }
        return out
    }
}
