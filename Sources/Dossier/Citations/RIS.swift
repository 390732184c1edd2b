import DossierDomain
import Foundation

/// RIS, as Zotero's RIS export writes it and rispy, EndNote and Zotero
/// read it: one `TG  - value` line per field, records from `TY` to `ER`.
///
/// Types: JOUR, CHAP, BOOK, NEWS, MGZN, ELEC (web page), CASE, MANSCPT
/// (archival file), DATA (database record), RPRT, THES, GEN. Archive and
/// archive location go to `DB` and `AN` (as Zotero maps them); RIS has no
/// tag for the archive's place, so it is left out. A legal case's court is
/// `PB` and its docket number `SV`; editors are `A2` (of a chapter's book),
/// or `A3` for an edited book; a series is `T3` (`T2` for a book) and its
/// number `SV` (chapter) or `M1` (book).
public enum RIS {
    static func type(_ source: Source) -> String {
        switch source.type {
        case "article-journal", "article", "review", "review-book": return "JOUR"
        case "article-newspaper": return "NEWS"
        case "article-magazine": return "MGZN"
        case "chapter", "entry-encyclopedia", "entry-dictionary", "entry": return "CHAP"
        case "book", "collection", "classic": return "BOOK"
        case "webpage", "post", "post-weblog": return "ELEC"
        case "legal_case": return "CASE"
        case "manuscript": return "MANSCPT"
        case "dataset": return "DATA"
        case "report": return "RPRT"
        case "thesis": return "THES"
        case "legislation": return "STAT"
        case "bill": return "BILL"
        case "paper-conference": return "CPAPER"
        case "personal_communication": return "PCOMM"
        case "map": return "MAP"
        case "motion_picture": return "MPCT"
        default: return "GEN"
        }
    }

    static func name(_ name: SourceName) -> String {
        guard let family = name.family else { return name.literal ?? name.given ?? "" }
        let familyPart = [name.nonDroppingParticle, family].compactMap { $0 }.joined(separator: " ")
        let given = [name.given, name.droppingParticle].compactMap { $0 }.joined(separator: " ")
        var parts = [familyPart, given]
        if let suffix = name.suffix { parts.append(suffix) }
        return parts.joined(separator: ", ")
    }

    static func date(_ edtf: String) -> String? {
        guard let value = CitationDate.parse(edtf) else { return nil }
        let start = value.start
        return String(format: "%04d", start.year) + "/" + (start.month.map { String(format: "%02d", $0) } ?? "")
            + "/" + (start.day.map { String(format: "%02d", $0) } ?? "") + "/"
    }

    /// Writes sources as RIS (UTF-8 text, `\n` line ends, a blank line
    /// between records). Line breaks inside values become spaces.
    public static func encode(_ sources: [Source]) -> String {
        sources.map(record).joined(separator: "\n")
    }

    static func record(_ source: Source) -> String {
        var lines: [String] = []
        func add(_ tag: String, _ value: String?) {
            guard let value, let clean = Escaping.ris(value) else { return }
            lines.append("\(tag)  - \(clean)")
        }
        let ty = type(source)
        func extraText(_ key: String) -> String? { source.extra[key]?.stringValue }
        add("TY", ty)
        add("ID", source.key)
        for author in source.authors { add("AU", name(author)) }
        let editorTag = ty == "BOOK" ? "A3" : "A2"
        for editor in source.editors { add(editorTag, name(editor)) }
        for translator in source.translators { add("A4", name(translator)) }
        add("TI", source.title)
        if ty == "BOOK" {
            add("T2", source.collectionTitle)
        } else {
            add("T2", source.containerTitle)
            add("T3", source.collectionTitle)
        }
        add("ST", extraText("title-short"))
        add("VL", source.volume)
        add("IS", source.issue)
        if let page = source.page {
            let parts = page.split(whereSeparator: { "-\u{2013}\u{2014}".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }
            add("SP", parts.first)
            if parts.count > 1 { add("EP", parts[1]) }
        }
        add("ET", source.edition)
        if ty == "CASE" {
            add("PB", extraText("authority") ?? source.publisher)
            add("SV", extraText("number"))
        } else {
            add("PB", source.publisher)
            if ty == "CHAP" { add("SV", extraText("collection-number")) }
            if ty == "BOOK" { add("M1", extraText("collection-number")) }
            if ty != "CHAP", ty != "BOOK" { add("M1", extraText("number")) }
        }
        add("CY", source.publisherPlace)
        if let issued = source.issued, let value = CitationDate.parse(issued) {
            add("PY", String(format: "%04d", value.start.year))
            if value.start.month != nil { add("DA", date(issued)) }
        } else if let issued = source.issued {
            add("PY", issued)
        }
        if let accessed = source.accessed { add("Y2", date(accessed) ?? accessed) }
        add("SN", extraText("ISBN") ?? extraText("ISSN"))
        add("M3", extraText("genre"))
        add("DB", source.archive)
        add("AN", source.archiveLocation)
        add("UR", source.url)
        add("DO", source.doi)
        add("LA", source.language ?? (CitationText.hasCyrillic(in: source) ? "ru" : nil))
        add("AB", extraText("abstract"))
        add("N1", source.note)
        lines.append("ER  - ")
        return lines.joined(separator: "\n") + "\n"
    }
}
