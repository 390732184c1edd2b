import Foundation

/// BibTeX and BibLaTeX, as Zotero and Better BibTeX export them and as
/// biber, bibtexparser and pandoc read them.
///
/// Entry types (read → CSL type; written ← CSL type):
///
/// | CSL                  | BibLaTeX                            | BibTeX          |
/// |----------------------|-------------------------------------|-----------------|
/// | article-journal      | @article                            | @article        |
/// | article-newspaper    | @article, entrysubtype = newspaper  | @article        |
/// | article-magazine     | @article, entrysubtype = magazine   | @article        |
/// | chapter              | @incollection                       | @incollection   |
/// | book                 | @book (@collection if only editors) | @book           |
/// | webpage              | @online                             | @misc           |
/// | legal_case           | @jurisdiction                       | @misc           |
/// | manuscript (archival)| @unpublished                        | @misc           |
/// | dataset              | @dataset                            | @misc           |
/// | report, thesis, …    | @report, @thesis, …                 | @techreport, @phdthesis, … |
///
/// Archival fields: neither Zotero's BibLaTeX export nor Better BibTeX
/// writes `archive`/`archiveLocation` for ordinary archives (only arXiv,
/// JSTOR and the like become `eprinttype`/`eprint`), and pandoc ignores
/// `archive` fields. So an archival file is written the way biblatex
/// styles and pandoc print it: `howpublished = {GARF, f. R-8131, op. 37,
/// d. 145}` (archive, a comma, the archive location) and the archive's
/// place in `location`. Reading accepts `archive`, `archive_location`,
/// `archivelocation` (Better BibTeX's `tex.` extra fields) and
/// `eprinttype`/`eprint`, and splits `howpublished` of an `@unpublished`
/// or archival `@misc` entry at its first comma when there is no
/// `archive` field.
///
/// Fields with no place in `Source` or a CSL variable are kept in `extra`
/// as `bibtex:<field>` with their LaTeX text unchanged, and written back
/// as they were by `encode`.
public enum BibTeX {
    public enum Dialect: String, Sendable, CaseIterable {
        /// BibLaTeX for biber: UTF-8, `date`, `journaltitle`, `location`,
        /// `langid`, `urldate`, BibLaTeX entry types.
        case biblatex
        /// Classic BibTeX: `year`/`month`, `journal`, `address`, standard
        /// entry types; Latin accents as LaTeX commands (Cyrillic stays UTF-8).
        case bibtex
    }

    // MARK: Reading

    /// Reads BibTeX or BibLaTeX text.
    /// - Parameters:
    ///   - text: the file's text.
    ///   - file: the name used in error messages.
    /// - Returns: one `Source` per entry, in file order.
    /// - Throws: `SourceParseError` for a syntax error (unbalanced braces, an
    ///   unterminated string, a missing `=` or key), a duplicate key or
    ///   field, an undefined `@string`, an entry without a title, or a date
    ///   that is not ISO 8601/EDTF.
    public static func decode(_ text: String, file: String) throws(SourceParseError) -> [Source] {
        var parser = BibTeXParser(text: text, file: file)
        let entries = try parser.entries()
        var sources: [Source] = []
        var seen: [String: Int] = [:]
        for entry in entries {
            if let first = seen[entry.key] {
                throw SourceParseError(file: file, line: entry.line, field: nil,
                                       problem: "citation key \(entry.key) is used twice (first on line \(first); expected unique keys)")
            }
            seen[entry.key] = entry.line
            sources.append(try source(from: entry, file: file))
        }
        return sources
    }

    package static let babel: [String: String] = [
        "american": "en-US", "english": "en", "british": "en-GB", "ukenglish": "en-GB", "usenglish": "en-US",
        "canadian": "en-CA", "australian": "en-AU", "russian": "ru", "ukrainian": "uk", "belarusian": "be",
        "german": "de", "ngerman": "de", "austrian": "de-AT", "naustrian": "de-AT", "french": "fr",
        "polish": "pl", "czech": "cs", "slovak": "sk", "latvian": "lv", "lithuanian": "lt", "estonian": "et",
        "finnish": "fi", "swedish": "sv", "italian": "it", "spanish": "es", "portuguese": "pt", "hebrew": "he",
        "georgian": "ka", "armenian": "hy", "bulgarian": "bg", "serbian": "sr", "croatian": "hr",
        "hungarian": "hu", "magyar": "hu", "romanian": "ro", "dutch": "nl", "yiddish": "yi", "kazakh": "kk",
    ]

    package static func babelName(_ language: String) -> String {
        let lower = language.lowercased()
        if let name = [
            "en-us": "american", "en-gb": "british", "en": "english", "en-ca": "canadian", "en-au": "australian",
            "de-at": "austrian",
        ][lower] { return name }
        let primary = String(lower.split(separator: "-").first ?? "")
        if let match = babel.first(where: { $0.value == primary }) {
            return ["de": "ngerman", "ru": "russian", "fr": "french", "uk": "ukrainian"][primary] ?? match.key
        }
        return language
    }

    package static func isoLanguage(_ value: String) -> String {
        babel[value.lowercased()] ?? value
    }

    package static func cslType(_ entry: BibTeXParser.Entry, subtype: String?) -> String {
        switch entry.type {
        case "article":
            switch subtype {
            case "newspaper": return "article-newspaper"
            case "magazine": return "article-magazine"
            default: return "article-journal"
            }
        case "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "reference",
             "mvreference", "bookinbook": return "book"
        case "incollection", "inbook", "suppbook", "suppcollection": return "chapter"
        case "inproceedings", "conference": return "paper-conference"
        case "inreference": return "entry-encyclopedia"
        case "online", "www", "electronic": return "webpage"
        case "jurisdiction": return "legal_case"
        case "legislation": return "legislation"
        case "legal": return "treaty"
        case "unpublished", "manuscript": return "manuscript"
        case "dataset": return "dataset"
        case "report", "techreport": return "report"
        case "manual": return "report"
        case "thesis", "phdthesis", "mastersthesis": return "thesis"
        case "letter": return "personal_communication"
        case "booklet": return "pamphlet"
        case "patent": return "patent"
        case "periodical": return "periodical"
        case "software": return "software"
        case "movie", "video": return "motion_picture"
        case "audio", "music": return "song"
        case "image", "artwork": return "graphic"
        case "standard": return "standard"
        case "review": return "review"
        case "misc":
            return subtype == "archival" || subtype == "archive" ? "manuscript" : "document"
        default: return "document"
        }
    }

    package static func source(from entry: BibTeXParser.Entry, file: String) throws(SourceParseError) -> Source {
        var fields: [String: BibTeXParser.Field] = [:]
        for field in entry.fields { fields[field.name] = field }
        func take(_ name: String) -> BibTeXParser.Field? { fields.removeValue(forKey: name) }
        func text(_ name: String) -> String? {
            guard let field = take(name) else { return nil }
            let value = LaTeX.decode(field.raw)
            return value.isEmpty ? nil : value
        }
        func fail(_ field: BibTeXParser.Field, _ problem: String) -> SourceParseError {
            SourceParseError(file: file, line: field.line, field: field.name, problem: problem)
        }
        func join(_ first: String?, _ second: String?, _ separator: String = ": ") -> String? {
            guard let first else { return second }
            guard let second else { return first }
            let ends = first.last.map { ":?!.".contains($0) } ?? false
            return first + (ends ? " " : separator) + second
        }

        let subtype = text("entrysubtype")?.lowercased()
        let type = cslType(entry, subtype: subtype)
        guard let title = join(text("title"), text("subtitle")) else {
            throw SourceParseError(file: file, line: entry.line, field: "title",
                                   problem: "missing in entry \(entry.key) (expected title = {...})")
        }
        var source = Source(key: entry.key, type: type, title: title)
        var extra: [String: JSONValue] = [:]

        func names(_ name: String) -> [SourceName] {
            guard let field = take(name) else { return [] }
            return BibTeXNames.splitList(field.raw).compactMap(BibTeXNames.parse)
        }
        source.authors = names("author")
        source.editors = names("editor")
        source.translators = names("translator")
        let bookAuthors = names("bookauthor")
        if !bookAuthors.isEmpty { extra["container-author"] = .array(bookAuthors.map(CSLJSON.encodeName)) }

        if let short = text("shorttitle") { extra["title-short"] = .string(short) }
        var container = join(text("journaltitle") ?? text("journal"), text("journalsubtitle"))
        container = container ?? join(text("booktitle"), text("booksubtitle"))
        if type == "webpage" || type == "dataset" {
            container = container ?? text("organization") ?? text("titleaddon")
        }
        source.containerTitle = container
        source.collectionTitle = text("series")
        source.volume = text("volume")

        let number = text("number")
        let issue = text("issue")
        switch type {
        case "article-journal", "article-magazine", "article-newspaper", "periodical":
            source.issue = number ?? issue
            if number != nil, let issue { extra["bibtex:issue"] = .string(issue) }
        case "book", "chapter", "paper-conference", "entry-encyclopedia":
            source.issue = issue
            if let number { extra[source.collectionTitle != nil ? "collection-number" : "number"] = .string(number) }
        default:
            source.issue = issue
            if let number { extra["number"] = .string(number) }
        }
        if let field = take("pages") { source.page = LaTeX.decode(field.raw, pages: true) }
        source.edition = text("edition")

        func list(_ name: String) -> String? {
            guard let field = take(name) else { return nil }
            let items = BibTeXNames.splitList(field.raw).map { LaTeX.decode($0) }.filter { !$0.isEmpty }
            return items.isEmpty ? nil : items.joined(separator: "; ")
        }
        let place = list("location") ?? list("address")
        let institution = list("institution") ?? list("school")
        let organization = list("organization")
        source.publisher = list("publisher")
        var howpublished = text("howpublished")

        switch type {
        case "legal_case":
            if let court = institution ?? text("court") ?? place { extra["authority"] = .string(court) }
            if let organization { source.publisher = source.publisher ?? organization }
        case "manuscript":
            source.archive = text("archive")
            source.archiveLocation = text("archive_location") ?? text("archivelocation")
            if source.archive == nil, let published = howpublished, let comma = published.firstIndex(of: ",") {
                source.archive = String(published[..<comma]).trimmingCharacters(in: .whitespaces)
                source.archiveLocation = String(published[published.index(after: comma)...])
                    .trimmingCharacters(in: .whitespaces)
                howpublished = nil
            }
            if source.archive != nil { source.archivePlace = place } else { source.publisherPlace = place }
            if let published = howpublished { extra["genre"] = .string(published) }
            source.publisher = source.publisher ?? institution ?? organization
        default:
            source.publisherPlace = place
            source.publisher = source.publisher ?? institution ?? organization
            if let published = howpublished {
                if type == "webpage", source.containerTitle == nil {
                    source.containerTitle = published
                } else if source.publisher == nil {
                    source.publisher = published
                } else {
                    extra["bibtex:howpublished"] = .string(published)
                }
            }
        }
        if source.archive == nil { source.archive = text("archive") }
        if source.archiveLocation == nil { source.archiveLocation = text("archive_location") ?? text("archivelocation") }
        if let eprintType = text("eprinttype") ?? text("archiveprefix"), let eprint = take("eprint") {
            if source.archive == nil {
                source.archive = eprintType
                source.archiveLocation = LaTeX.decode(eprint.raw)
            } else {
                extra["bibtex:eprinttype"] = .string(eprintType)
                extra["bibtex:eprint"] = .string(eprint.raw)
            }
        }

        // Dates
        if let field = take("date") {
            let value = LaTeX.decode(field.raw)
            guard let parsed = CitationDate.parse(value) else {
                throw fail(field, "\"\(value)\" is not a date (expected 1987-10-05, 1987-10, 1987 or a range 1987/1988)")
            }
            source.issued = CitationDate.edtf(parsed)
            _ = take("year"); _ = take("month"); _ = take("day")
        } else if let yearField = take("year") {
            let year = LaTeX.decode(yearField.raw)
            if year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(year) {
                var parts = CitationDate.Parts(year: number)
                if let monthField = take("month") {
                    parts.month = try month(LaTeX.decode(monthField.raw)) { fail(monthField, $0) }
                    if let dayField = take("day") {
                        let day = LaTeX.decode(dayField.raw)
                        guard let value = Int(day), (1...31).contains(value) else {
                            throw fail(dayField, "\"\(day)\" is not a day of the month (expected 1 to 31)")
                        }
                        parts.day = value
                    }
                }
                source.issued = parts.edtf
            } else {
                extra["issued"] = .object(["literal": .string(year)])
            }
        }
        if let field = take("urldate") {
            let value = LaTeX.decode(field.raw)
            guard let parsed = CitationDate.parse(value) else {
                throw fail(field, "\"\(value)\" is not a date (expected 2025-03-14)")
            }
            source.accessed = CitationDate.edtf(parsed)
        }

        if let field = take("url") { source.url = field.raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\%", with: "%").replacingOccurrences(of: "\\_", with: "_").replacingOccurrences(of: "\\&", with: "&").replacingOccurrences(of: "\\#", with: "#") }
        if let field = take("doi") {
            var doi = field.raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\_", with: "_")
            for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
            where doi.lowercased().hasPrefix(prefix) {
                doi.removeFirst(prefix.count)
            }
            source.doi = doi
        }
        if let language = text("langid") ?? text("language") { source.language = isoLanguage(language) }
        source.note = text("note")

        let cslFields: [(String, String)] = [
            ("isbn", "ISBN"), ("issn", "ISSN"), ("abstract", "abstract"), ("keywords", "keyword"),
            ("annotation", "annote"), ("annote", "annote"), ("chapter", "chapter-number"),
            ("pagetotal", "number-of-pages"), ("volumes", "number-of-volumes"), ("eventtitle", "event-title"),
            ("venue", "event-place"), ("type", "genre"), ("version", "version"), ("addendum", "bibtex:addendum"),
        ]
        for (bibName, cslName) in cslFields {
            if let value = text(bibName), extra[cslName] == nil { extra[cslName] = .string(value) }
        }
        if let field = take("titleaddon") { extra["bibtex:titleaddon"] = .string(field.raw) }
        if let field = take("organization") { extra["bibtex:organization"] = .string(field.raw) }
        for field in entry.fields where fields[field.name] != nil {
            extra["bibtex:" + field.name] = .string(field.raw)
        }
        if let subtype, !["newspaper", "magazine", "archival", "archive"].contains(subtype) {
            extra["bibtex:entrysubtype"] = .string(subtype)
        }
        source.extra = extra
        return source
    }

    package static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    package static func month(_ text: String, fail: (String) -> SourceParseError) throws(SourceParseError) -> Int {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let number = Int(lower), (1...12).contains(number) { return number }
        if let position = monthAbbreviations.firstIndex(where: { lower.hasPrefix($0) }) { return position + 1 }
        throw fail("\"\(text)\" is not a month (expected 1 to 12 or jan … dec)")
    }

    // MARK: Writing

    /// Writes sources as a .bib file in the given dialect.
    public static func encode(_ sources: [Source], dialect: Dialect) -> String {
        sources.map { entry($0, dialect: dialect) }.joined(separator: "\n")
    }

    package static func entryType(_ source: Source, dialect: Dialect) -> (String, String?) {
        let latex = dialect == .biblatex
        switch source.type {
        case "article-journal", "article", "review", "review-book": return ("article", nil)
        case "article-newspaper": return ("article", latex ? "newspaper" : nil)
        case "article-magazine": return ("article", latex ? "magazine" : nil)
        case "chapter": return ("incollection", nil)
        case "paper-conference": return ("inproceedings", nil)
        case "book", "collection", "classic":
            return (latex && source.authors.isEmpty && !source.editors.isEmpty ? "collection" : "book", nil)
        case "webpage", "post", "post-weblog": return (latex ? "online" : "misc", nil)
        case "legal_case": return (latex ? "jurisdiction" : "misc", nil)
        case "legislation", "bill", "regulation": return (latex ? "legislation" : "misc", nil)
        case "manuscript": return (latex ? "unpublished" : "misc", nil)
        case "dataset": return (latex ? "dataset" : "misc", nil)
        case "report": return (latex ? "report" : "techreport", nil)
        case "thesis": return (latex ? "thesis" : "phdthesis", nil)
        case "pamphlet": return ("booklet", nil)
        case "entry-encyclopedia", "entry-dictionary", "entry": return (latex ? "inreference" : "incollection", nil)
        case "personal_communication": return (latex ? "letter" : "misc", nil)
        case "patent": return (latex ? "patent" : "misc", nil)
        case "software": return (latex ? "software" : "misc", nil)
        default: return ("misc", nil)
        }
    }

    package static func entry(_ source: Source, dialect: Dialect) -> String {
        let latex = dialect == .biblatex
        let ascii = !latex
        let (type, subtype) = entryType(source, dialect: dialect)
        let english = CitationText.isEnglish(source)
        var fields: [(String, String)] = []
        func add(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            fields.append((name, value))
        }
        func plain(_ text: String?) -> String? { text.map { Escaping.latex($0, ascii: ascii) } }
        // Classic BibTeX has no language field pandoc reads: keep the case
        // of non-English containers and sites as well.
        func container(_ text: String?) -> String? {
            guard let escaped = plain(text) else { return nil }
            return !latex && !english ? "{" + escaped + "}" : escaped
        }
        func titled(_ text: String?) -> String? {
            guard let text else { return nil }
            if english { return protectCase(text, ascii: ascii) }
            let escaped = Escaping.latex(text, ascii: ascii)
            return latex ? escaped : "{" + escaped + "}"
        }
        func names(_ list: [SourceName]) -> String? {
            list.isEmpty ? nil : list.map { BibTeXNames.format($0, ascii: ascii) }.joined(separator: " and ")
        }
        func literalList(_ text: String?) -> String? {
            guard let text else { return nil }
            guard latex else { return plain(text) }
            return text.components(separatedBy: "; ").map {
                Escaping.latex($0, ascii: ascii).replacingOccurrences(of: " and ", with: " {and} ")
            }.joined(separator: " and ")
        }
        let extra = source.extra
        func extraText(_ name: String) -> String? { extra[name]?.stringValue }

        add("author", names(source.authors))
        add("editor", names(source.editors))
        add("translator", names(source.translators))
        add("title", titled(source.title))
        add("shorttitle", titled(extraText("title-short")))
        if let subtype { add("entrysubtype", subtype) }

        switch source.type {
        case "chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary", "entry":
            add("booktitle", titled(source.containerTitle))
        case "webpage", "post", "post-weblog":
            add(latex ? "organization" : "howpublished", container(source.containerTitle))
        case "dataset" where !latex:
            // @misc: the database and its publisher as `howpublished`.
            let parts = [source.containerTitle, source.publisher].compactMap { $0 }
            add("howpublished", parts.isEmpty ? nil : container(parts.joined(separator: ", ")))
        default:
            add(latex ? "journaltitle" : "journal", container(source.containerTitle))
        }
        add("series", titled(source.collectionTitle))
        add("volume", plain(source.volume))
        let isArticle = type == "article"
        if isArticle {
            add("number", plain(source.issue))
        } else {
            add("number", plain(extraText("collection-number") ?? extraText("number")))
            add("issue", plain(source.issue))
        }
        if let page = source.page {
            add("pages", Escaping.latex(page, ascii: ascii).replacingOccurrences(
                of: #"\s*[-\u2010-\u2015]+\s*"#, with: "--", options: .regularExpression))
        }
        add("edition", plain(source.edition))
        add("chapter", plain(extraText("chapter-number")))

        // Publisher, court, archive
        switch source.type {
        case "legal_case":
            if latex {
                add("institution", literalList(extraText("authority")))
            } else {
                let parts = [extraText("authority"), extraText("number").map { "no. " + $0 }].compactMap { $0 }
                add("howpublished", parts.isEmpty ? nil : tie(Escaping.latex(parts.joined(separator: ", "), ascii: ascii)))
            }
            add("publisher", literalList(source.publisher))
        case "manuscript" where source.archive != nil || source.archiveLocation != nil:
            let reference = [source.archive, source.archiveLocation].compactMap { $0 }.joined(separator: ", ")
            add("howpublished", tie(Escaping.latex(reference, ascii: ascii)))
            add(latex ? "location" : "address", plain(source.archivePlace))
            add("publisher", literalList(source.publisher))
        case "report", "thesis":
            add(type.hasSuffix("thesis") ? (latex ? "institution" : "school") : "institution", literalList(source.publisher))
            add(latex ? "location" : "address", literalList(source.publisherPlace))
        case "dataset":
            if latex { add("organization", plain(source.publisher)) }
            add(latex ? "location" : "address", literalList(source.publisherPlace))
        default:
            if type == "misc", source.publisher != nil, !fields.contains(where: { $0.0 == "howpublished" }) {
                add("howpublished", plain(source.publisher))
            } else {
                add("publisher", literalList(source.publisher))
            }
            add(latex ? "location" : "address", literalList(source.publisherPlace))
        }
        if source.type == "manuscript", source.archive == nil { add("howpublished", plain(extraText("genre"))) }
        else if type != "article" { add("type", plain(extraText("genre"))) }

        // Dates
        if let issued = source.issued {
            if latex {
                add("date", issued)
            } else if let value = CitationDate.parse(issued) {
                add("year", String(value.start.year))
                if let month = value.start.month { fields.append(("month", monthAbbreviations[month - 1])) }
            } else {
                add("year", plain(issued))
            }
        } else if case .object(let date)? = extra["issued"], let literal = date["literal"]?.stringValue ?? date["raw"]?.stringValue {
            add(latex ? "date" : "year", plain(literal))
        }
        var notes: [String] = []
        if let note = source.note { notes.append(Escaping.latex(note, ascii: ascii)) }
        // `urldate` in both dialects, as Zotero writes it: biber and pandoc
        // read it (a "Accessed …" note would be lost to both, and would not
        // read back as an access date).
        add("urldate", source.accessed)
        add("url", source.url.map(Escaping.bibtexURL))
        add("doi", source.doi.map(Escaping.bibtexURL))
        add("isbn", plain(extraText("ISBN")))
        add("issn", plain(extraText("ISSN")))
        add("abstract", plain(extraText("abstract")))
        add("keywords", plain(extraText("keyword")))
        // Classic BibTeX styles read `language`; pandoc and biber read only
        // `langid` (without it, pandoc takes the entry for English and
        // title-cases a Russian journal's name), so classic BibTeX gets both.
        let babel = source.language.map(babelName) ?? (CitationText.hasCyrillic(in: source) ? "russian" : nil)
        if !latex { add("language", babel) }
        add("langid", babel)
        if !notes.isEmpty { add("note", notes.joined(separator: ". ")) }
        // Fields kept from a BibTeX import, written back unchanged.
        for (name, value) in extra.sorted(by: { $0.key < $1.key }) where name.hasPrefix("bibtex:") {
            let field = String(name.dropFirst("bibtex:".count))
            guard !fields.contains(where: { $0.0 == field }), let raw = value.stringValue,
                  isBalanced(raw) else { continue }
            add(field, raw)
        }

        let width = fields.map(\.0.count).max() ?? 0
        var out = "@\(type){\(source.key),\n"
        for (name, value) in fields {
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "  \(padded) = " + (name == "month" && !latex ? value : "{\(value)}") + ",\n"
        }
        out += "}\n"
        return out
    }

    /// Ties an abbreviation to its number (`f.~R-8131, op.~37, d.~145`,
    /// `no.~36376/04`), so that no line breaks between them.
    package static func tie(_ text: String) -> String {
        text.replacingOccurrences(of: #"\b(f|op|d|l|ll|ob|no|No|vol|p|pp)\. (?=[\p{L}\p{N}])"#, with: "$1.~",
                                  options: .regularExpression)
    }

    package static func isBalanced(_ raw: String) -> Bool {
        var depth = 0
        var escaped = false
        for c in raw {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }

    /// Case protection as Better BibTeX does it: in a title that styles may
    /// re-case, a word with a capital letter anywhere but at the start of
    /// the title or of a subtitle (`Soviet`, `RSFSR`, `McCarthy`) is kept in
    /// braces; neighbouring protected words share one pair of braces.
    package static func protectCase(_ text: String, ascii: Bool) -> String {
        enum Piece { case word(String), gap(String) }
        var pieces: [Piece] = []
        var current = ""
        var inWord = false
        for c in text {
            let wordChar = c.isLetter || c.isNumber || c == "'" || c == "’" || c == "-" || c == "."
            if wordChar != inWord, !current.isEmpty {
                pieces.append(inWord ? .word(current) : .gap(current))
                current = ""
            }
            inWord = wordChar
            current.append(c)
        }
        if !current.isEmpty { pieces.append(inWord ? .word(current) : .gap(current)) }

        var out = ""
        var atStart = true
        var open = false
        var pendingGap = ""
        for piece in pieces {
            switch piece {
            case .gap(let gap):
                if open, gap.allSatisfy({ $0 == " " }) {
                    pendingGap += gap
                } else {
                    if open { out += "}"; open = false }
                    out += pendingGap + Escaping.latex(gap, ascii: ascii)
                    pendingGap = ""
                }
                if gap.contains(where: { ":?!".contains($0) }) { atStart = true }
            case .word(let word):
                let letters = word.filter(\.isLetter)
                let capitalAfterFirst = letters.dropFirst().contains(where: \.isUppercase)
                let capitalFirst = letters.first?.isUppercase ?? false
                let protect = capitalAfterFirst || (capitalFirst && !atStart)
                if protect {
                    if open { out += pendingGap } else { out += pendingGap + "{"; open = true }
                } else {
                    if open { out += "}"; open = false }
                    out += pendingGap
                }
                pendingGap = ""
                out += Escaping.latex(word, ascii: ascii)
                if word.hasSuffix(".") && letters.count > 3 { atStart = true } else { atStart = false }
            }
        }
        if open { out += "}" }
        return out + pendingGap
    }
}
