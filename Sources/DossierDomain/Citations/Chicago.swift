import Foundation

/// Chicago notes and bibliography (The Chicago Manual of Style, 17th ed.,
/// chapter 14): the full first note, the short note and the bibliography
/// entry for each kind of source dossier keeps.
///
/// Titles are printed with the capitalisation they were entered with (no
/// headline-style re-casing, so Russian titles and sentence-style archival
/// descriptions stay as they are). Quotation marks are curly, nested
/// quotation marks become single, and commas and periods go inside closing
/// quotation marks. Page ranges are abbreviated as CMOS 9.61 says
/// (531–55); a locator is printed as given, with hyphens in ranges turned
/// into en dashes ("ll. 12–14ob").
///
/// Where CMOS and pandoc's Chicago CSL style differ, this follows CMOS and
/// Russian-archive practice: an archival file reads "“Title,” date,
/// GARF, f. R-8131, op. 37, d. 145, l. 12" and its short note repeats the
/// archival reference; case names are italic, with the pinpoint before the
/// court and date; an unsigned newspaper article is listed in the
/// bibliography under the newspaper's name in italics.
public enum Chicago {
    // MARK: Public API

    /// The full first note for a source, with an optional locator (a page
    /// "540", a range "540-41", or an archival "l. 12", "ll. 12-14ob").
    public static func note(_ source: Source, locator: String? = nil) -> ChicagoText {
        var b = Builder()
        let source = typeset(source)
        b.translation = source.translatedTitle.map { (source.title, $0) }
        let loc = formatLocator(locator, kind: kind(source))
        switch kind(source) {
        case .journal: journalNote(source, loc, &b)
        case .chapter: chapterNote(source, loc, &b)
        case .book: bookNote(source, loc, &b)
        case .newspaper: newspaperNote(source, loc, &b)
        case .webpage: webNote(source, loc, &b)
        case .legalCase: caseNote(source, loc, &b)
        case .archival: archivalNote(source, loc, &b)
        case .dataset: datasetNote(source, loc, &b)
        }
        b.end()
        return b.text
    }

    /// The short note for a later citation of the same source: author's
    /// family name, short title, locator.
    public static func shortNote(_ source: Source, locator: String? = nil) -> ChicagoText {
        var b = Builder()
        let source = typeset(source)
        let loc = formatLocator(locator, kind: kind(source))
        let short = shortTitle(source)
        let names = shortNames(primaryCreators(source).names)
        switch kind(source) {
        case .legalCase:
            b.add(short, italic: true)
            if let loc {
                b.punct(",")
                if let reporter = source.containerTitle, let volume = source.volume {
                    b.add(" \(volume) \(reporter) at \(loc)")
                } else {
                    b.add(" " + loc)
                }
            }
            b.end()
            return b.text
        case .archival:
            if let names { b.add(names); b.punct(","); b.add(" ") }
            let reference = [source.archive, source.archiveLocation, loc].compactMap { $0 }
            b.quoted(short, then: reference.isEmpty ? "." : ",")
            if !reference.isEmpty { b.add(" " + reference.joined(separator: ", ")); b.end() }
            return b.text
        default:
            break
        }
        if let names { b.add(names); b.punct(","); b.add(" ") }
        if titleIsItalic(source) {
            b.add(short, italic: true)
            if let loc { b.punct(","); b.add(" " + loc) }
            b.end()
        } else {
            if let loc {
                b.quoted(short, then: ",")
                b.add(" " + loc)
                b.end()
            } else {
                b.quoted(short, then: ".")
            }
        }
        return b.text
    }

    /// The bibliography entry for one source.
    public static func bibliographyEntry(_ source: Source) -> ChicagoText {
        var b = Builder()
        let source = typeset(source)
        b.translation = source.translatedTitle.map { (source.title, $0) }
        switch kind(source) {
        case .journal: journalBib(source, &b)
        case .chapter: chapterBib(source, &b)
        case .book: bookBib(source, &b)
        case .newspaper: newspaperBib(source, &b)
        case .webpage: webBib(source, &b)
        case .legalCase: caseBib(source, &b)
        case .archival: archivalBib(source, &b)
        case .dataset: datasetBib(source, &b)
        }
        b.end()
        return b.text
    }

    /// Bibliography entries, sorted as Chicago sorts them (CMOS 14.66):
    /// by the first word of the entry (the first author's family name, else
    /// the title or the newspaper), letter by letter, ignoring case,
    /// accents and a leading "The", "A" or "An"; then by given names,
    /// title and date.
    public static func bibliography(_ sources: [Source]) -> [ChicagoText] {
        let keyed = sources.map { (sortKey($0), $0) }
        return keyed.sorted { lhs, rhs in
            for (a, b) in zip(lhs.0, rhs.0) where a != b { return a < b }
            return lhs.1.key < rhs.1.key
        }.map { bibliographyEntry($0.1) }
    }

    /// The sources with short titles that tell them apart: when two of
    /// them would have the same short note (two *Time* articles both
    /// titled "Russia: …"), each of those gets its whole title as its short
    /// title (CMOS 14.30: a short title must not be ambiguous).
    public static func disambiguated(_ sources: [Source]) -> [Source] {
        var byShortNote: [String: [Int]] = [:]
        for (index, source) in sources.enumerated() {
            byShortNote[shortNote(source).plain, default: []].append(index)
        }
        var result = sources
        for indices in byShortNote.values where indices.count > 1 {
            for index in indices { result[index].extra["title-short"] = .string(result[index].title) }
        }
        return result
    }

    // MARK: Kinds

    package enum Kind { case journal, chapter, book, newspaper, webpage, legalCase, archival, dataset }

    package static func kind(_ source: Source) -> Kind {
        switch source.type {
        case "article-journal", "article", "review", "review-book", "periodical": return .journal
        case "chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia": return .chapter
        case "article-newspaper", "article-magazine": return .newspaper
        case "webpage", "post", "post-weblog": return .webpage
        case "legal_case": return .legalCase
        case "dataset": return .dataset
        case "manuscript", "document", "personal_communication", "interview", "speech", "letter": return .archival
        case "book", "collection", "classic", "report", "thesis", "pamphlet", "legislation", "bill",
             "regulation", "treaty", "map", "standard", "software":
            return .book
        default:
            return source.publisher != nil ? .book : .archival
        }
    }

    package static func titleIsItalic(_ source: Source) -> Bool {
        switch kind(source) {
        case .book, .legalCase: return source.type != "thesis"
        default: return false
        }
    }

    // MARK: Journal articles

    package static func journalNote(_ s: Source, _ loc: String?, _ b: inout Builder) {
        b.names(noteNames(s.authors))
        b.quoted(s.title, then: ",")
        b.add(" ")
        journalFacts(s, &b)
        if let loc { b.add(": " + loc) } else if let page = s.page { b.add(": " + formatPages(page)) }
        link(s, ", ", &b)
    }

    package static func journalBib(_ s: Source, _ b: inout Builder) {
        b.sentence(bibNames(s.authors))
        b.quoted(s.title, then: ".")
        b.add(" ")
        journalFacts(s, &b)
        if let page = s.page { b.add(": " + formatPages(page)) }
        link(s, ". ", &b)
    }

    package static func journalFacts(_ s: Source, _ b: inout Builder) {
        if let container = s.containerTitle { b.add(container, italic: true) }
        if let volume = s.volume { b.add(" " + volume) }
        if let issue = s.issue { b.add(s.volume == nil ? ", no. \(issue)" : ", no. \(issue)") }
        b.add(" (\(dateText(s) ?? "n.d."))")
    }

    // MARK: Chapters

    package static func chapterNote(_ s: Source, _ loc: String?, _ b: inout Builder) {
        b.names(noteNames(s.authors))
        b.quoted(s.title, then: ",")
        b.add(" in ")
        if let container = s.containerTitle { b.add(container, italic: true) }
        if !s.editors.isEmpty { b.add(", ed. " + noteNames(s.editors)!) }
        if !s.translators.isEmpty { b.add(", trans. " + noteNames(s.translators)!) }
        if let edition = s.edition { b.add(", " + editionText(edition)) }
        if let volume = s.volume { b.add(", vol. " + volume) }
        if let series = seriesText(s) { b.add(", " + series) }
        b.add(" (" + publicationFacts(s) + ")")
        if let loc { b.add(", " + loc) } else if let page = s.page { b.add(", " + formatPages(page)) }
        link(s, ", ", &b)
    }

    package static func chapterBib(_ s: Source, _ b: inout Builder) {
        b.sentence(bibNames(s.authors))
        b.quoted(s.title, then: ".")
        b.add(" In ")
        if let container = s.containerTitle { b.add(container, italic: true) }
        if !s.editors.isEmpty { b.add(", edited by " + noteNames(s.editors, etAlAfter: 10)!) }
        if !s.translators.isEmpty { b.add(", translated by " + noteNames(s.translators, etAlAfter: 10)!) }
        if let edition = s.edition { b.add(", " + editionText(edition)) }
        if let volume = s.volume { b.add(", vol. " + volume) }
        if let page = s.page { b.add(", " + formatPages(page)) }
        b.punct(".")
        if let series = seriesText(s) { b.add(" " + series); b.punct(".") }
        b.add(" " + publicationFacts(s))
        link(s, ". ", &b)
    }

    // MARK: Books, edited volumes, document collections

    package static func bookNote(_ s: Source, _ loc: String?, _ b: inout Builder) {
        let primary = primaryCreators(s)
        if let names = noteNames(primary.names) {
            b.add(names + (primary.role.map { ", " + $0 } ?? ""))
            b.punct(",")
            b.add(" ")
        }
        b.add(s.title, italic: s.type != "thesis")
        if !s.authors.isEmpty, !s.editors.isEmpty { b.punct(","); b.add(" ed. " + noteNames(s.editors)!) }
        if primary.role != "trans.", !s.translators.isEmpty { b.punct(","); b.add(" trans. " + noteNames(s.translators)!) }
        if let edition = s.edition { b.punct(","); b.add(" " + editionText(edition)) }
        if let volume = s.volume { b.punct(","); b.add(" vol. " + volume) }
        if let series = seriesText(s) { b.punct(","); b.add(" " + series) }
        if let genre = genreText(s) { b.punct(","); b.add(" " + genre) }
        b.add(" (" + publicationFacts(s) + ")")
        if let loc { b.add(", " + loc) }
        link(s, ", ", &b)
    }

    package static func bookBib(_ s: Source, _ b: inout Builder) {
        let primary = primaryCreators(s)
        if let names = bibNames(primary.names) {
            b.add(names + (primary.role.map { ", " + bibRole($0) } ?? ""))
            b.punct(".")
            b.add(" ")
        }
        b.add(s.title, italic: s.type != "thesis")
        b.punct(".")
        if !s.authors.isEmpty, !s.editors.isEmpty { b.add(" Edited by " + noteNames(s.editors, etAlAfter: 10)!); b.punct(".") }
        if primary.role != "trans.", !s.translators.isEmpty {
            b.add(" Translated by " + noteNames(s.translators, etAlAfter: 10)!)
            b.punct(".")
        }
        if let edition = s.edition { b.add(" " + capitalizedFirst(editionText(edition))); b.punct(".") }
        if let volume = s.volume { b.add(" Vol. " + volume); b.punct(".") }
        if let series = seriesText(s) { b.add(" " + series); b.punct(".") }
        if let genre = genreText(s) { b.add(" " + capitalizedFirst(genre)); b.punct(".") }
        b.add(" " + publicationFacts(s))
        link(s, ". ", &b)
    }

    // MARK: Newspapers and magazines

    package static func newspaperNote(_ s: Source, _ loc: String?, _ b: inout Builder) {
        b.names(noteNames(s.authors))
        b.quoted(s.title, then: ",")
        b.add(" ")
        if let container = s.containerTitle { b.add(container, italic: true); b.add(", ") }
        b.add(dateText(s) ?? "n.d.")
        if let loc { b.add(", " + loc) }
        link(s, ", ", &b)
    }

    package static func newspaperBib(_ s: Source, _ b: inout Builder) {
        if let names = bibNames(s.authors) {
            b.sentence(names)
            b.quoted(s.title, then: ".")
            b.add(" ")
            if let container = s.containerTitle { b.add(container, italic: true); b.add(", ") }
            b.add(dateText(s) ?? "n.d.")
        } else {
            if let container = s.containerTitle { b.add(container, italic: true); b.punct("."); b.add(" ") }
            b.quoted(s.title, then: ".")
            b.add(" " + (dateText(s) ?? "n.d."))
        }
        link(s, ". ", &b)
    }

    // MARK: Web pages

    package static func webNote(_ s: Source, _ loc: String?, _ b: inout Builder) {
        b.names(noteNames(s.authors))
        b.quoted(s.title, then: ",")
        if let site = s.containerTitle ?? s.publisher { b.add(" " + site); b.punct(",") }
        if let date = dateText(s) { b.add(" " + date); b.punct(",") }
        if let accessed = s.accessed { b.add(" accessed " + CitationDate.chicago(accessed)); b.punct(",") }
        if let loc { b.add(" " + loc); b.punct(",") }
        if let url = s.url { b.add(" " + url) } else { b.dropTrailingComma() }
    }

    package static func webBib(_ s: Source, _ b: inout Builder) {
        let site = s.containerTitle ?? s.publisher
        if let names = bibNames(s.authors) {
            b.sentence(names)
            b.quoted(s.title, then: ".")
            if let site { b.add(" " + site); b.punct(".") }
        } else {
            if let site { b.add(site); b.punct("."); b.add(" ") }
            b.quoted(s.title, then: ".")
        }
        if let date = dateText(s) { b.add(" " + date); b.punct(".") }
        if let accessed = s.accessed { b.add(" Accessed " + CitationDate.chicago(accessed)); b.punct(".") }
        if let url = s.url { b.add(" " + url) }
    }

    // MARK: Legal cases and court records

    package static func caseCitation(_ s: Source, _ loc: String?, _ b: inout Builder) {
        b.add(s.title, italic: true)
        let number = s.extra["number"]?.stringValue
        if let reporter = s.containerTitle {
            b.punct(",")
            b.add(" " + [s.volume, reporter, s.page.map { formatPages($0) }].compactMap { $0 }.joined(separator: " "))
        } else if let number {
            b.punct(",")
            b.add(" No. " + number)
        }
        if let loc { b.punct(","); b.add(" " + loc) }
        let court = s.extra["authority"]?.stringValue ?? s.publisher
        let parenthetical = [court, dateText(s)].compactMap { $0 }.joined(separator: " ")
        if !parenthetical.isEmpty { b.add(" (" + parenthetical + ")") }
        if let url = s.url { b.punct(","); b.add(" " + url) }
    }

    package static func caseNote(_ s: Source, _ loc: String?, _ b: inout Builder) {
        caseCitation(s, loc, &b)
    }

    package static func caseBib(_ s: Source, _ b: inout Builder) {
        caseCitation(s, nil, &b)
    }

    // MARK: Archival files

    package static func archivalReference(_ s: Source) -> String? {
        let parts = [s.archive, s.archiveLocation].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    package static func archivalNote(_ s: Source, _ loc: String?, _ b: inout Builder) {
        b.names(noteNames(s.authors))
        let date = dateText(s)
        let reference = archivalReference(s)
        if reference == nil {
            // An unpublished document outside an archive: CMOS 14.225.
            b.quoted(s.title, then: nil)
            let facts = [genreText(s), date].compactMap { $0 }
            if !facts.isEmpty { b.add(" (" + facts.joined(separator: ", ") + ")") }
            if let loc { b.add(", " + loc) }
            return
        }
        b.quoted(s.title, then: ",")
        if let genre = genreText(s) { b.add(" " + genre + ",") }
        if let date { b.add(" " + date + ",") }
        b.add(" " + reference!)
        if let loc { b.add(", " + loc) }
    }

    package static func archivalBib(_ s: Source, _ b: inout Builder) {
        b.sentence(bibNames(s.authors))
        b.quoted(s.title, then: ".")
        if let genre = genreText(s) { b.add(" " + capitalizedFirst(genre)); b.punct(".") }
        if let date = dateText(s) { b.add(" " + date); b.punct(".") }
        if let archive = s.archive {
            b.add(" " + archive + (s.archivePlace.map { " (\($0))" } ?? ""))
            if let location = s.archiveLocation { b.add(", " + location) }
        } else if let location = s.archiveLocation {
            b.add(" " + location)
        }
    }

    // MARK: Database records

    package static func datasetNote(_ s: Source, _ loc: String?, _ b: inout Builder) {
        b.names(noteNames(s.authors))
        b.quoted(s.title, then: ",")
        for part in [s.containerTitle, s.publisher, dateText(s), s.extra["number"]?.stringValue.map { "no. " + $0 }] {
            if let part { b.add(" " + part); b.punct(",") }
        }
        if let loc { b.add(" " + loc); b.punct(",") }
        if let accessed = s.accessed { b.add(" accessed " + CitationDate.chicago(accessed)); b.punct(",") }
        if let url = s.url ?? s.doi.map({ "https://doi.org/" + $0 }) { b.add(" " + url) } else { b.dropTrailingComma() }
    }

    package static func datasetBib(_ s: Source, _ b: inout Builder) {
        b.sentence(bibNames(s.authors))
        b.quoted(s.title, then: ".")
        for part in [s.containerTitle, s.publisher, dateText(s), s.extra["number"]?.stringValue.map { "No. " + $0 }] {
            if let part { b.add(" " + part); b.punct(".") }
        }
        if let accessed = s.accessed { b.add(" Accessed " + CitationDate.chicago(accessed)); b.punct(".") }
        if let url = s.url ?? s.doi.map({ "https://doi.org/" + $0 }) { b.add(" " + url) }
    }

    // MARK: Pieces

    package static func link(_ s: Source, _ separator: String, _ b: inout Builder) {
        guard let url = s.doi.map({ $0.lowercased().hasPrefix("http") ? $0 : "https://doi.org/" + $0 }) ?? s.url else { return }
        b.punct(String(separator.first!))
        b.add(" " + url)
    }

    package static func primaryCreators(_ s: Source) -> (names: [SourceName], role: String?) {
        if !s.authors.isEmpty { return (s.authors, nil) }
        if !s.editors.isEmpty { return (s.editors, s.editors.count > 1 ? "eds." : "ed.") }
        if !s.translators.isEmpty { return (s.translators, "trans.") }
        return ([], nil)
    }

    package static func bibRole(_ role: String) -> String { role }

    package static func displayName(_ name: SourceName) -> String {
        if let literal = name.literal { return literal }
        let parts = [name.given, name.droppingParticle, name.nonDroppingParticle, name.family, name.suffix]
        return parts.compactMap { $0 }.joined(separator: " ")
    }

    package static func invertedName(_ name: SourceName) -> String {
        if let literal = name.literal { return literal }
        let family = [name.nonDroppingParticle, name.family].compactMap { $0 }.joined(separator: " ")
        let given = [name.given, name.droppingParticle].compactMap { $0 }.joined(separator: " ")
        var parts = [family]
        if !given.isEmpty { parts.append(given) }
        if let suffix = name.suffix { parts.append(suffix) }
        return parts.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    package static func familyName(_ name: SourceName) -> String {
        if let literal = name.literal { return literal }
        return [name.nonDroppingParticle, name.family ?? name.given].compactMap { $0 }.joined(separator: " ")
    }

    /// "A", "A and B", "A, B, and C"; more than `etAlAfter` names: "A et al."
    package static func noteNames(_ names: [SourceName], etAlAfter: Int = 3) -> String? {
        let shown = names.map(displayName)
        return list(shown, etAlAfter: etAlAfter)
    }

    package static func list(_ shown: [String], etAlAfter: Int) -> String? {
        switch shown.count {
        case 0: return nil
        case 1: return shown[0]
        case 2: return shown[0] + " and " + shown[1]
        case let count where count > etAlAfter: return shown[0] + " et al."
        default: return shown.dropLast().joined(separator: ", ") + ", and " + shown.last!
        }
    }

    /// First name inverted; up to ten names, else seven and "et al." (CMOS 14.76).
    package static func bibNames(_ names: [SourceName]) -> String? {
        guard let first = names.first else { return nil }
        var shown = [invertedName(first)] + names.dropFirst().map(displayName)
        if shown.count == 1 { return shown[0] }
        if shown.count > 10 { return shown.prefix(7).joined(separator: ", ") + ", et al." }
        if shown.count == 2 { return shown[0] + ", and " + shown[1] }
        let last = shown.removeLast()
        return shown.joined(separator: ", ") + ", and " + last
    }

    package static func shortNames(_ names: [SourceName]) -> String? {
        list(names.map(familyName), etAlAfter: 3)
    }

    package static func shortTitle(_ s: Source) -> String {
        if let short = s.extra["title-short"]?.stringValue, !short.isEmpty { return short }
        if kind(s) == .legalCase { return s.title }
        if let colon = s.title.range(of: ": ") { return String(s.title[..<colon.lowerBound]) }
        return s.title
    }

    package static func dateText(_ s: Source) -> String? {
        if let issued = s.issued { return CitationDate.chicago(issued) }
        if case .object(let date)? = s.extra["issued"] {
            return date["literal"]?.stringValue ?? date["raw"]?.stringValue
        }
        return nil
    }

    package static func genreText(_ s: Source) -> String? { s.extra["genre"]?.stringValue }

    package static func seriesText(_ s: Source) -> String? {
        guard let series = s.collectionTitle else { return nil }
        if let number = s.extra["collection-number"]?.stringValue { return series + " " + number }
        return series
    }

    /// "Place: Publisher, Date", or as much of it as is known.
    package static func publicationFacts(_ s: Source) -> String {
        let date = dateText(s) ?? "n.d."
        switch (s.publisherPlace, s.publisher) {
        case let (place?, publisher?): return "\(place): \(publisher), \(date)"
        case let (nil, publisher?): return "\(publisher), \(date)"
        case let (place?, nil): return "\(place), \(date)"
        case (nil, nil): return date
        }
    }

    package static func editionText(_ edition: String) -> String {
        guard let number = Int(edition) else {
            return edition.lowercased().contains("ed") ? edition : edition + " ed."
        }
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix) ed."
    }

    package static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A locator as printed (CMOS 14.148–54): hyphens between numbers
    /// become en dashes; a page locator drops "p."/"pp." where Chicago
    /// prints bare page numbers (articles, chapters, books, cases, database
    /// records; a newspaper's or web page's "p. 1" keeps it) and its ranges
    /// are abbreviated (CMOS 9.61); straight quotation marks and apostrophes
    /// become typographic ones.
    package static func formatLocator(_ locator: String?, kind: Kind) -> String? {
        guard let trimmed = locator?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        var text = quotedAsDouble(typographic(trimmed))
        let parsed = CiteLocator(text)
        guard parsed.label == "page" else { return formatPages(text, abbreviate: false) }
        if [.journal, .chapter, .book, .legalCase, .dataset].contains(kind), let value = parsed.value { text = value }
        return formatPages(text)
    }

    /// "531-555" → "531–55"; with `abbreviate` false, "1912-1992" →
    /// "1912–1992".
    /// Compiled once: compiling it for every note was most of the time
    /// `publish` spent on notes. NSRegularExpression is safe to share
    /// between threads for matching.
    nonisolated(unsafe) static let pageRange = try? NSRegularExpression(
        pattern: #"(\d+)([a-zA-Zа-я]*)\s*(?:-{1,2}|\u2013)\s*(\d+)"#)

    package static func formatPages(_ text: String, abbreviate: Bool = true) -> String {
        // Most locators have no range: no regular expression for them.
        guard text.contains(where: { $0 == "-" || $0 == "\u{2013}" }), let regex = pageRange else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let first = ns.substring(with: match.range(at: 1))
            let letters = ns.substring(with: match.range(at: 2))
            let second = ns.substring(with: match.range(at: 3))
            let abbreviated = letters.isEmpty && abbreviate ? inclusive(first, second) : second
            out += first + letters + "\u{2013}" + abbreviated
            last = match.range.location + match.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    /// Straight quotation marks and apostrophes as typographic ones: ' and "
    /// open (‘ “) at the start or after a space or opening bracket, and close
    /// (’ ”) elsewhere; so "Doctors' plot" reads "Doctors’ plot" and
    /// 'Das Urteil' reads ‘Das Urteil’.
    package static func typographic(_ text: String) -> String {
        guard text.contains(where: { $0 == "'" || $0 == "\"" }) else { return text }
        var out = ""
        var previous: Character?
        for c in text {
            let opening = previous.map { $0.isWhitespace || "([{\u{2014}\u{2013}/\u{201C}\u{2018}".contains($0) } ?? true
            switch c {
            case "'": out.append(opening ? "\u{2018}" : "\u{2019}")
            case "\"": out.append(opening ? "\u{201C}" : "\u{201D}")
            default: out.append(c)
            }
            previous = c
        }
        return out
    }

    /// Single quotation marks around a phrase (‘Das Urteil’) as double
    /// ones (“Das Urteil”), as Chicago quotes outside other quotations;
    /// apostrophes (Doctors’) stay.
    package static func quotedAsDouble(_ text: String) -> String {
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index] == "\u{2018}" {
                var end = index + 1
                while end < characters.count {
                    let closes = characters[end] == "\u{2019}"
                        && (end + 1 == characters.count || !characters[end + 1].isLetter)
                    if closes { break }
                    end += 1
                }
                if end < characters.count {
                    characters[index] = "\u{201C}"
                    characters[end] = "\u{201D}"
                    index = end
                }
            }
            index += 1
        }
        return String(characters)
    }

    /// The source with its titles typeset for print (typographic quotation
    /// marks and apostrophes); the stored record keeps them as entered.
    package static func typeset(_ source: Source) -> Source {
        var s = source
        s.title = typographic(s.title)
        s.containerTitle = s.containerTitle.map(typographic)
        s.collectionTitle = s.collectionTitle.map(typographic)
        if let short = s.extra["title-short"]?.stringValue { s.extra["title-short"] = .string(typographic(short)) }
        return s
    }

    /// CMOS 9.61 inclusive numbers: 3–10, 100–104, 101–8, 321–28, 498–532, 1496–1500.
    package static func inclusive(_ first: String, _ second: String) -> String {
        guard let a = Int(first), let b = Int(second), b > a, first.count == second.count,
              a >= 100, a % 100 != 0 else { return second }
        let x = Array(first), y = Array(second)
        var differ = 0
        while differ < x.count, x[differ] == y[differ] { differ += 1 }
        let changed = x.count - differ
        // "If three digits change in a four-digit number, use all four";
        // likewise when all but the first digit of a longer one change.
        if (x.count == 4 && changed >= 3) || (x.count > 4 && changed >= x.count - 1) { return second }
        let keep = a % 100 < 10 ? changed : max(2, changed)
        return String(y.suffix(keep))
    }

    package static func sortKey(_ s: Source) -> [String] {
        func fold(_ text: String) -> String {
            var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            for article in CitationText.leadingArticles where folded.hasPrefix(article + " ") {
                folded.removeFirst(article.count + 1)
                break
            }
            return folded.filter { $0.isLetter || $0.isNumber || $0 == " " }
        }
        let creators = primaryCreators(s).names
        let head: String
        let given: String
        if let first = creators.first {
            head = first.literal ?? first.family ?? first.given ?? ""
            given = first.given ?? ""
        } else if kind(s) == .newspaper || kind(s) == .webpage, let container = s.containerTitle ?? s.publisher {
            head = container
            given = ""
        } else {
            head = s.title
            given = ""
        }
        return [fold(head), fold(given), fold(s.title), s.issued ?? ""]
    }

    // MARK: Builder

    /// Appends text and handles the punctuation around titles.
    package struct Builder {
        package var text = ChicagoText()
        package init() {}

        /// A title and its translation, given in brackets, in roman, after
        /// the title wherever the full note or entry writes it (CMOS 14.108:
        /// *Ocherki istorii* [Essays on history]; “Stat'ia” [The article]).
        package var translation: (title: String, translated: String)?

        package mutating func add(_ string: String, italic: Bool = false) {
            text.append(string, italic: italic)
            if italic, let translation, string == translation.title { text.append(" [\(translation.translated)]", italic: false) }
        }

        /// "Names, " before a title, if there are names.
        package mutating func names(_ names: String?) {
            guard let names else { return }
            add(names)
            punct(",")
            add(" ")
        }

        /// "Names. " in a bibliography, if there are names.
        package mutating func sentence(_ names: String?) {
            guard let names else { return }
            add(names)
            punct(".")
            add(" ")
        }

        /// Adds a comma or period unless the text already ends in one, or
        /// in a question or exclamation mark (CMOS 6.119).
        package mutating func punct(_ mark: String) {
            guard let last = text.lastCharacter else { return }
            if "?!".contains(last) { return }
            if last == "." && mark == "." { return }
            // Commas and periods go inside a closing quotation mark
            // (CMOS 6.9): “Das Urteil,” and “Title.”
            if last == "\u{201D}", mark == "," || mark == ".", let before = text.beforeClosingQuote {
                if "?!.".contains(before) || (before == "," && mark == ",") { return }
                text.insertBeforeClosingQuote(mark, replacing: before == ",")
                return
            }
            add(mark)
        }

        package mutating func dropTrailingComma() {
            guard text.lastCharacter == "," else { return }
            var runs = text.runs
            runs[runs.count - 1].text.removeLast()
            var rebuilt = ChicagoText()
            for run in runs { rebuilt.append(run.text, italic: run.italic) }
            text = rebuilt
        }

        /// Closes the note or entry with a period.
        package mutating func end() { punct(".") }

        /// “Title,” with the following comma or period inside the quotation
        /// marks (also inside a closing inner quotation), inner double
        /// quotation marks turned single, and no comma or period after a
        /// title ending in ? or !.
        package mutating func quoted(_ title: String, then mark: String?) {
            var inner = ""
            var openDouble = true
            for c in title {
                switch c {
                case "\u{201C}": inner.append("\u{2018}")
                case "\u{201D}": inner.append("\u{2019}")
                case "\"": inner.append(openDouble ? "\u{2018}" : "\u{2019}"); openDouble.toggle()
                default: inner.append(c)
                }
            }
            var trailing = ""
            while let last = inner.last, last == "\u{2019}" || last == "\u{201D}" {
                // A closing quotation at the end of the title (an apostrophe
                // after a word's last letter is not one: "Kirov’").
                if last == "\u{2019}", !title.contains("\u{201C}"), !title.contains("\""),
                   !title.contains("\u{2018}") { break }
                trailing = String(last) + trailing
                inner.removeLast()
            }
            var markText = mark ?? ""
            if let last = inner.last, "?!".contains(last) { markText = "" }
            if let translation, title == translation.title {
                // The bracket follows the closing quotation mark, and the
                // comma or period follows the bracket.
                add("\u{201C}" + inner + trailing + "\u{201D}" + " [\(translation.translated)]" + (mark ?? ""))
                return
            }
            add("\u{201C}" + inner + markText + trailing + "\u{201D}")
        }
    }
}
