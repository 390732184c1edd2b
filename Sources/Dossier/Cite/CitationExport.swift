import DossierDomain
import Foundation

/// The output styles of `dossier cite`.
public enum CiteStyle: String, Sendable, CaseIterable {
    /// Numbered Chicago notes, one per citation: the full note the first
    /// time a source is cited, the short note after that.
    case chicagoNote = "chicago-note"
    /// The Chicago bibliography of the sources cited, sorted as Chicago sorts.
    case chicagoBib = "chicago-bib"
    case bibtex
    case biblatex
    case ris
    case cslJSON = "csl-json"
}

/// How italics are marked in Chicago output.
public enum CiteMarkup: String, Sendable, CaseIterable {
    /// `*Soviet Studies*`, as Markdown and pandoc write it.
    case markdown
    /// No marks.
    case plain
    /// `<i>Soviet Studies</i>`.
    case html
}

/// One note: a source cited with one locator, and the records that
/// citation supports (several when the same source and locator back
/// several facts).
public struct CitationUse: Sendable, Hashable {
    public var sourceKey: String
    public var locator: String?
    /// The stored citations merged into this one; empty for a source asked
    /// for by key.
    public var citations: [GatheredCitation]

    public var records: [CitedRecord] { citations.map(\.record) }
}

/// The citations to print, deduplicated: the same source with the same
/// locator is one note, however many records it backs; a different locator
/// is another note. Order is first appearance.
public struct CitationSet: Sendable, Hashable {
    public private(set) var uses: [CitationUse] = []

    public init(_ citations: [GatheredCitation] = [], sourceKeys: [String] = []) {
        add(citations)
        add(sourceKeys: sourceKeys)
    }

    static func normalized(_ locator: String?) -> String? {
        guard let locator else { return nil }
        let words = locator.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.isEmpty ? nil : words
    }

    public mutating func add(_ citations: [GatheredCitation]) {
        var index: [String: Int] = [:]
        for (position, use) in uses.enumerated() {
            index[use.sourceKey + "\u{0}" + (use.locator ?? "")] = position
        }
        for citation in citations {
            let locator = Self.normalized(citation.locator)
            let id = citation.sourceKey + "\u{0}" + (locator ?? "")
            if let position = index[id] {
                if !uses[position].citations.contains(citation) { uses[position].citations.append(citation) }
            } else {
                index[id] = uses.count
                uses.append(CitationUse(sourceKey: citation.sourceKey, locator: locator, citations: [citation]))
            }
        }
    }

    /// Sources asked for by key: a note without a locator, unless the
    /// source is cited already.
    public mutating func add(sourceKeys: [String]) {
        var present = Set(uses.map(\.sourceKey))
        for key in sourceKeys where present.insert(key).inserted {
            uses.append(CitationUse(sourceKey: key, locator: nil, citations: []))
        }
    }

    /// The same citations with each locator rewritten (`cite --locale`);
    /// uses that come to have the same source and locator stay apart.
    public mutating func rewriteLocators(_ rewrite: (String) -> String) {
        for index in uses.indices {
            uses[index].locator = uses[index].locator.map(rewrite)
        }
    }

    /// Each source key once, in first-cited order.
    public var sourceKeys: [String] {
        var seen = Set<String>()
        return uses.map(\.sourceKey).filter { seen.insert($0).inserted }
    }
}

/// Citations with their sources, ready to print in any `CiteStyle`.
public struct CitationExport: Sendable {
    public var citationSet: CitationSet
    public var sources: [String: Source]

    public init(set: CitationSet, sources: [Source]) {
        self.citationSet = set
        self.sources = Dictionary(sources.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The export for an English-language paper or another locale:
    /// `romanize` writes Cyrillic in the Library of Congress romanization,
    /// with a translated title in brackets; `locale` writes locator labels
    /// in the document's language (`л. 12об` → `fol. 12v` in English).
    public func adapted(romanize: LibraryOfCongress.Form?, locale: LocatorLocale?) -> CitationExport {
        var export = self
        if let romanize {
            export.sources = sources.mapValues { $0.romanized(romanize) }
            export.isRomanized = true
        }
        if let locale { export.citationSet.rewriteLocators { CiteLocator($0).localized(locale) } }
        return export
    }

    /// The sources, each once, in first-cited order.
    public var orderedSources: [Source] { citationSet.sourceKeys.compactMap { sources[$0] } }

    /// One Chicago note per use: the full note for a source's first use and
    /// the short note after that (or short notes throughout).
    public func notes(short: Bool = false) -> [ChicagoText] {
        var cited = Set<String>()
        let printed = Dictionary(Chicago.disambiguated(orderedSources).map { ($0.key, $0) },
                                 uniquingKeysWith: { a, _ in a })
        return citationSet.uses.compactMap { use in
            guard let source = printed[use.sourceKey] else { return nil }
            let first = cited.insert(use.sourceKey).inserted
            return first && !short ? Chicago.note(source, locator: use.locator)
                : Chicago.shortNote(source, locator: use.locator)
        }
    }

    /// The sources for BibTeX, RIS and CSL-JSON: romanized, the translated
    /// title goes in brackets into the title, where citation processors
    /// print it (they know no translated title); otherwise as stored.
    var printedSources: [Source] {
        isRomanized ? orderedSources.map { $0.withTranslationInTitle() } : orderedSources
    }

    /// Whether `adapted(romanize:)` romanized the sources.
    var isRomanized = false

    /// The whole output of `dossier cite` in a style.
    public func render(_ style: CiteStyle, short: Bool = false, markup: CiteMarkup = .markdown) -> String {
        func text(_ value: ChicagoText) -> String {
            switch markup {
            case .markdown: return value.markdown
            case .plain: return value.plain
            case .html: return value.html
            }
        }
        switch style {
        case .chicagoNote:
            return notes(short: short).enumerated().map { "\($0.offset + 1). " + text($0.element) + "\n" }.joined()
        case .chicagoBib:
            return Chicago.bibliography(orderedSources).map { text($0) + "\n" }.joined()
        case .bibtex:
            return BibTeX.encode(printedSources, dialect: .bibtex)
        case .biblatex:
            return BibTeX.encode(printedSources, dialect: .biblatex)
        case .ris:
            return RIS.encode(printedSources)
        case .cslJSON:
            return String(decoding: CSLJSON.encode(printedSources), as: UTF8.self)
        }
    }

    /// The citations as CSL cite items with their locators, the pandoc
    /// citation and the records each one backs — how locators travel
    /// beside CSL-JSON, BibTeX or RIS (which describe sources only).
    public var citationItems: OrderedJSON {
        .array(citationSet.uses.map { use in
            var pairs: [(String, OrderedJSON)]
            if let locator = use.locator {
                pairs = CiteLocator(locator).cslItem(id: use.sourceKey)
            } else {
                pairs = [("id", .string(use.sourceKey))]
            }
            pairs.append(("pandoc", .string(CiteLocator.pandocKey(use.sourceKey, locator: use.locator))))
            if !use.citations.isEmpty {
                pairs.append(("records", .array(use.citations.map { citation in
                    guard case .object(var record) = citation.record.json else { return citation.record.json }
                    record.append(("confidence", .string(citation.confidence.rawValue)))
                    return .object(record)
                })))
            }
            return .object(pairs)
        })
    }
}

extension Archive {
    /// Everything `dossier cite` prints: the citations behind the targets
    /// and the search hits, then the sources asked for by key.
    /// - Throws: `NotFound` for a source key that is not in the archive.
    public func citationExport(targets: [CiteTarget], defendantIDs: [Int64] = [],
                               sourceKeys: [String] = [], figures: Bool = false) throws -> CitationExport {
        var set = CitationSet()
        if figures { set.add(try citationsBehindFigures()) }
        var keys: [String] = []
        for target in targets {
            if case .source(let key) = target { keys.append(key) } else { set.add(try citationsBehind(target)) }
        }
        set.add(try citationsBehind(defendantIDs: defendantIDs))
        for key in sourceKeys where try sourceID(key) == nil {
            throw NotFound("no source \(key)", suggestions: try sourceSuggestions(for: key))
        }
        set.add(sourceKeys: keys + sourceKeys)
        return CitationExport(set: set, sources: try sources(for: set.sourceKeys))
    }
}
