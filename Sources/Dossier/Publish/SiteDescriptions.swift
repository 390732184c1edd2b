import DossierDomain
/// What a reader of the published site is told about each table, view and
/// column they can see. `PublishTests` checks that every visible column of
/// a published archive has a description here.
enum SiteDescriptions {
    struct Table {
        var title: String
        var description: String
        var columns: [(String, String)]
        var facets: [String] = []
        var sortable: [String] = []
        var sort: String? = nil
        var search: (table: String, key: String)? = nil
        var label: String? = nil
    }

    static let dateNote = "EDTF (ISO 8601-2): 1937-06-11, 1937-06, 1937, 193X, 1937?, 1937/1938; os: marks an Old Style (Julian) date"
    static let writtenNote = "the date as the source wrote it, when that was not EDTF (14 августа 1937 г.); empty otherwise"
    static let lowerNote = "earliest possible day, counted from 1970-01-01 (negative before), for sorting and ranges"
    static let upperNote = "latest possible day, counted from 1970-01-01; empty when open or unknown"
    static let placeIDNote = "the gazetteer's id of the place (docs/places.md), when the place as written names one place; empty when unresolved"
    static let placeNameNote = "the place under its name today when the gazetteer could read it (Царицын, Сталинград and Stalingrad are all Волгоград), else as written"
    static let decadeNote = "the decade in which the whole date range lies (1930s); empty when undated or when the range crosses decades"
    static let lines = "one per line"

    static let outcomes = Outcome.allowed.map { $0 == "dismissed" ? "dismissed (charges dropped)" : $0 }
        .joined(separator: ", ")
    static let bodyKinds = BodyKind.allowed.map { $0 == "special_board" ? "special_board (OSO)" : $0 }
        .joined(separator: ", ")
    static let sentenceKinds = SentenceKind.allowed.joined(separator: ", ")

    /// The person's described fields but notes, as columns: a date with
    /// its bounds when `stored` (the archive's own table).
    static func personColumns(stored: Bool) -> [(String, String)] {
        PersonDoc.fields.filter { $0.merge != .join }.flatMap { field -> [(String, String)] in
            guard field.isDate else { return [(field.column, field.title)] }
            let date = (field.column, "\(field.title), \(dateNote)")
            guard stored else { return [date] }
            return [date, (field.column + "_lower", lowerNote), (field.column + "_upper", upperNote)]
                + (field.written == nil ? [] : [(field.writtenColumn, writtenNote)])
        }
    }

    static var personNotes: (String, String) {
        let notes = PersonDoc.fields.first { $0.merge == .join }!
        return (notes.column, notes.title)
    }

    /// The reader's views, first, in the order the site lists them.
    static let views: [(String, Table)] = [
        ("case_view", Table(
            title: "Cases",
            description: "One case (a proceeding before one deciding body) per row: its defendants, charges, outcomes, sentences, events, and every source cited for it, as Chicago short notes with the confidence of each citation. Lists inside a cell give one defendant or one note per line.",
            columns: [
                ("id", "row id of the case (proceeding.id)"),
                ("ref", "the case's stable identifier in this archive"),
                ("title", "the case's name"),
                ("date", "date of the decision or trial, \(dateNote)"),
                ("year", "year of the earliest possible date"),
                ("decade", decadeNote),
                ("body", "the deciding body as the sources name it"),
                ("body_kind", "kind of deciding body: \(bodyKinds)"),
                ("jurisdiction", "judicial (a court), extrajudicial (troika, dvoika, special board, commission: not trials), investigative (the security organs or the procuracy ending a case) or other"),
                ("category", "political, criminal or unknown"),
                ("place", "where the case was decided, as written"),
                ("place_id", placeIDNote),
                ("place_name", placeNameNote),
                ("defendant_count", "number of defendants"),
                ("defendants", "the defendants, \(lines): the name as primary in the archive, with a Latin-script form in brackets"),
                ("charges", "each defendant's charges as written in the sources, \(lines)"),
                ("outcomes", "each defendant's outcome (\(outcomes)), the source's wording in quotes, and its date, \(lines)"),
                ("sentences", "each defendant's sentence as written (or its kind and term), \(lines)"),
                ("events", "arrest, execution, commutation, pardon, release, death in custody, appeal, rehabilitation, with dates, \(lines) per defendant"),
                ("citations", "the sources for the case, its defendants and their events: Chicago short notes with the locator, and [confidence]: confirmed, probable, unverified or disputed"),
                ("notes", "the compiler's notes on the case"),
            ],
            facets: ["body_kind", "jurisdiction", "category", "decade", "place_name"],
            sortable: ["ref", "title", "date", "year", "decade", "body_kind", "category", "place", "place_name", "defendant_count"],
            sort: "year", search: ("case_fts", "id"), label: "title")),
        ("defendant_view", Table(
            title: "Defendants",
            description: "One person in one case per row, with the charges, the outcome and sentence, what happened afterwards, and the sources. Facets count outcomes by kind of body, decade, category and place; the search box searches the words of charges, outcomes, sentences, notes and the case.",
            columns: [
                ("id", "row id of the defendant (defendant.id)"),
                ("case_ref", "the case's identifier"),
                ("case_title", "the case's name"),
                ("person_ref", "the person's identifier"),
                ("name", "the person's primary name, with a Latin-script form in brackets"),
                ("charges", "the charges as written in the sources"),
                ("charge_refs", "the charges in normal form: statute references such as RSFSR-1926:58-8, categories such as oso/КРТД, or decrees"),
                ("outcome", "the outcome for this defendant: \(outcomes)"),
                ("outcome_text", "the outcome as the source words it"),
                ("outcome_subcategory", "the compiler's finer category under the outcome"),
                ("sentence", "the sentence as written"),
                ("sentence_kind", "kind of sentence: \(sentenceKinds)"),
                ("term_years", "term of the sentence in years"),
                ("charge_reduced", "1 when convicted on a lesser charge than the one brought"),
                ("outcome_date", "date of the outcome, \(dateNote)"),
                ("events", "arrest, execution, commutation, pardon, release, death in custody, appeal, rehabilitation, with dates"),
                ("body", "the deciding body as the sources name it"),
                ("body_kind", "kind of deciding body: \(bodyKinds)"),
                ("jurisdiction", "judicial (a court), extrajudicial (troika, dvoika, special board, commission), investigative (security organs, procuracy) or other"),
                ("category", "political, criminal or unknown"),
                ("place", "where the case was decided, as written"),
                ("place_id", placeIDNote),
                ("place_name", placeNameNote),
                ("case_date", "date of the case, \(dateNote)"),
                ("year", "year of the decision (the outcome date, else the case's date), by its earliest possible day"),
                ("decade", "decade of the decision (the outcome date, else the case's date): \(decadeNote)"),
                ("notes", "the compiler's notes on this defendant"),
                ("citations", "the sources for this person, their part in the case and their events: Chicago short notes with [confidence], \(lines)"),
            ],
            facets: ["outcome", "body_kind", "jurisdiction", "category", "decade", "place_name"],
            sortable: ["case_ref", "case_title", "name", "outcome", "sentence_kind", "term_years", "outcome_date",
                       "body_kind", "category", "place", "place_name", "case_date", "year", "decade"],
            sort: "year", search: ("search_text", "id"), label: "name")),
        ("person_view", Table(
            title: "People",
            description: "One person per row: every spelling of the name on record, life dates, every case with its outcome and sentence, events, and sources. The search box finds a name in Cyrillic and in the usual romanisations; to find any spelling or a misspelling, use the query “A person by any spelling”.",
            columns: [
                ("id", "row id of the person (person.id)"),
                ("ref", "the person's stable identifier in this archive"),
                ("name", "the primary name, as the archive records it"),
                ("latin_name", "a Latin-script form of the name, when one is on record"),
                ("other_names", "every other spelling on record, \(lines)"),
                ] + personColumns(stored: false) + [
                ("case_count", "number of cases in which the person was a defendant"),
                ("cases", "each case (identifier and date) with the outcome and sentence, \(lines)"),
                ("events", "what happened after each case, \(lines)"),
                ] + [personNotes] + [
                ("citations", "the sources for the person and their part in each case: Chicago short notes with [confidence], \(lines)"),
            ],
            facets: PersonDoc.fields.filter(\.isFacet).map(\.column),
            sortable: ["ref", "name", "latin_name"] + PersonDoc.fields.filter { $0.merge != .join }.map(\.column) + ["case_count"],
            sort: "name", search: ("person_fts", "id"), label: "name")),
        ("source_view", Table(
            title: "Sources",
            description: "Every source cited in the archive, with its Chicago bibliography entry and full note, and how often it is cited. The query “Every record citing a source” lists what each one supports.",
            columns: [
                ("id", "row id of the source (source.id)"),
                ("key", "the citation key (as in BibTeX or CSL-JSON)"),
                ("type", "CSL item type: article-journal, book, chapter, article-newspaper, webpage, manuscript (an archival file), legal_case, dataset, ..."),
                ("bibliography", "Chicago (17th ed.) bibliography entry"),
                ("note", "Chicago full note, for a first citation"),
                ("title", "title"),
                ("authors", "authors, family name first"),
                ("container_title", "the journal, book, newspaper or site that contains it"),
                ("issued", "date of publication, EDTF"),
                ("publisher", "publisher"),
                ("archive", "the archive holding it (GARF, RGASPI, ...)"),
                ("archive_location", "fond, opis', delo, list (f. R-8131, op. 37, d. 145)"),
                ("url", "web address"),
                ("language", "language of the source"),
                ("citation_count", "number of citations of this source in the archive"),
            ],
            facets: ["type", "language"],
            sortable: ["key", "type", "title", "issued", "citation_count"],
            sort: "key", search: ("source_fts", "id"), label: "title")),
    ]

    /// The archive's own tables, for readers who want the data as stored.
    static let tables: [(String, Table)] = [
        ("proceeding", Table(
            title: "Cases as stored (proceeding)",
            description: "The archive's case table: one proceeding before one deciding body. Dates are kept as written (EDTF) beside their earliest and latest possible day.",
            columns: [
                ("id", "row id"), ("ref", "the case's stable identifier"), ("title", "the case's name"),
                ("body", "the deciding body as named in the sources"), ("body_kind", "kind of deciding body: \(bodyKinds)"),
                ("category", "political, criminal or unknown"), ("place", "where the case was decided"),
                ("date", "date of the decision or trial, \(dateNote)"), ("date_lower", lowerNote), ("date_upper", upperNote),
                ("date_as_written", writtenNote), ("notes", "the compiler's notes"),
            ],
            facets: ["body_kind", "category", "place"], label: "title")),
        ("person", Table(
            title: "People as stored (person)",
            description: "The archive's person table; names are in person_name.",
            columns: [
                ("id", "row id"), ("ref", "the person's stable identifier"),
            ] + personColumns(stored: true) + [personNotes],
            label: "ref")),
        ("person_name", Table(
            title: "Names",
            description: "Every name of a person as written in the sources: one primary name and any number of variants (other scripts, romanisations, spellings).",
            columns: [
                ("id", "row id"), ("person_id", "the person"), ("name", "the name as written"),
                ("is_primary", "1 for the person's primary name"), ("script", "cyrl, latn, mixed or other"),
                ("position", "order among the person's names"),
            ],
            facets: ["script"], label: "name")),
        ("defendant", Table(
            title: "Defendants as stored (defendant)",
            description: "A person in a case, with the outcome for them: the source's wording, the code from the fixed vocabulary that statistics count, and the structured detail.",
            columns: [
                ("id", "row id"), ("proceeding_id", "the case"), ("person_id", "the person"),
                ("position", "order among the case's defendants"), ("charge_text", "the charges as one text, when not itemised"),
                ("outcome", "outcome: \(outcomes)"), ("outcome_text", "the outcome as the source words it"),
                ("outcome_subcategory", "the compiler's finer category under the outcome"),
                ("sentence", "the sentence as written"), ("sentence_kind", "kind of sentence: \(sentenceKinds)"),
                ("term_years", "term in years"), ("charge_reduced", "1 when convicted on a lesser charge"),
                ("outcome_date", "date of the outcome, \(dateNote)"), ("outcome_date_lower", lowerNote),
                ("outcome_date_upper", upperNote), ("outcome_date_as_written", writtenNote), ("notes", "the compiler's notes"),
            ],
            facets: ["outcome", "sentence_kind"])),
        ("charge", Table(
            title: "Charges",
            description: "One charge against a defendant: the normal form and the text as written.",
            columns: [
                ("id", "row id"), ("defendant_id", "the defendant"), ("position", "order among the defendant's charges"),
                ("kind", "statute (an article of a code), category (an offence category such as oso/КРТД) or decree"),
                ("ref", "normal form: RSFSR-1926:58-8, oso/КРТД, law 7.8.1932"),
                ("raw", "the charge as written in the source"), ("description", "what the charge means"),
            ],
            facets: ["kind"], label: "ref")),
        ("event", Table(
            title: "Events",
            description: "What happened around an outcome: arrest, execution, commutation, pardon, release, death in custody, appeal, rehabilitation.",
            columns: [
                ("id", "row id"), ("defendant_id", "the defendant"), ("position", "order"),
                ("kind", "arrested, executed, commuted, pardoned, released, died_in_custody, appeal or rehabilitated"),
                ("date", "date, \(dateNote)"), ("date_lower", lowerNote), ("date_upper", upperNote),
                ("date_as_written", writtenNote), ("body", "the acting body"), ("notes", "the compiler's notes"),
            ],
            facets: ["kind"])),
        ("source", Table(
            title: "Sources as stored (source)",
            description: "Bibliographic records aligned with CSL-JSON; name lists are JSON arrays of CSL names.",
            columns: [
                ("id", "row id"), ("key", "citation key"), ("type", "CSL item type"), ("title", "title"),
                ("translated_title", "the title translated (Essays on history), given in brackets after the title"),
                ("authors", "authors, a JSON array of CSL names"), ("editors", "editors, a JSON array of CSL names"),
                ("translators", "translators, a JSON array of CSL names"),
                ("container_title", "journal, book, newspaper or site"), ("collection_title", "series"),
                ("volume", "volume"), ("issue", "issue"), ("page", "pages"), ("edition", "edition"),
                ("publisher", "publisher"), ("publisher_place", "place of publication"),
                ("issued", "date of publication, EDTF"), ("issued_lower", lowerNote), ("issued_upper", upperNote),
                ("url", "web address"), ("doi", "DOI"), ("accessed", "date the web page was read, EDTF"),
                ("archive", "archive holding it"), ("archive_location", "fond, opis', delo, list"),
                ("archive_place", "city of the archive"), ("language", "language"), ("note", "note"),
                ("extra", "other CSL variables, a JSON object"),
            ],
            facets: ["type"], label: "title")),
        ("citation", Table(
            title: "Citations",
            description: "A source cited for exactly one record (a person, a case, a defendant or an event), with the locator, a quote, and the confidence: confirmed, probable, unverified or disputed.",
            columns: [
                ("id", "row id"), ("source_id", "the source"), ("person_id", "the person cited for, if a person"),
                ("proceeding_id", "the case cited for, if a case"), ("defendant_id", "the defendant cited for, if a defendant"),
                ("event_id", "the event cited for, if an event"), ("position", "order among the record's citations"),
                ("locator", "page, section or archival leaf (l. 12ob)"),
                ("confidence", "confirmed, probable, unverified or disputed"),
                ("quote", "the words of the source"), ("note", "the compiler's note"),
            ],
            facets: ["confidence"])),
    ]

    /// Internals: hidden from readers (still reachable by SQL).
    static let hiddenTables = [
        "history", "history_range", "change", "name_key", "surname_typo", "search_dirty", "search_text", "schema_migration", "setting",
        "person_label", "source_note", "citation_note", "person_fts", "case_fts", "source_fts",
        "case_row", "defendant_row", "person_row", "source_row",
    ]

    /// Internal views: not listed, and not served as pages.
    static let hiddenViews = ["defendant_search_text", "source_search_text"]

    /// The canned queries, in the order the site lists them.
    struct Query {
        var title: String
        var description: String
        var sql: String
        var parameters: [String]
        /// Readers see the results; the SQL is one click away.
        var hideSQL = true
    }

    static let queries: [(String, Query)] = [
        ("person_by_name", Query(
            title: "A person by any spelling",
            description: "Type a name in any script or romanisation, with or without given names, initials or a patronymic, in any order: Tuchatschewski, Тухачевский М. Н., Toukhatchevski, Tukhachevskii, Tuhačevskij, or with a typo. The text goes through dossier's own name keys and scores (the same as `dossier search --name`): exact matches rank first, then the same script, transliterations, sound-alikes and typos; 'explanation' says why each one matched.",
            sql: PublishSQL.personByName, parameters: ["name"])),
        ("case_page", Query(
            title: "One case",
            description: "Give a case's identifier (e.g. tukhachevsky-1937) or words of its title (e.g. Shakhty): the case as a record card, with its defendants, charges, outcomes, sentences, events, and every source as a Chicago short note with its [confidence].",
            sql: PublishSQL.casePage, parameters: ["case"])),
        ("case_defendants", Query(
            title: "Everyone tried in one case",
            description: "Give a case's identifier (e.g. tukhachevsky-1937) or words of its title (e.g. Shakhty): every defendant with the charges, the outcome, the sentence, what happened afterwards, and the sources.",
            sql: PublishSQL.caseDefendants, parameters: ["case"])),
        ("outcomes_by_decade", Query(
            title: "Outcomes by decade",
            description: "How many defendants had each outcome in each decade, and what share of the decade's defendants that is. A defendant counts in the decade of the decision (the outcome date, else the case's date) when its whole date range lies in one decade; otherwise under 'undated'. Leave 'jurisdiction' empty to count everyone, or give judicial (court verdicts) or extrajudicial (troikas, the Special Board, commissions: not trials) to keep them apart.",
            sql: PublishSQL.outcomesByDecade, parameters: ["jurisdiction"])),
        ("records_citing_source", Query(
            title: "Every record citing a source",
            description: "Give a source's citation key (e.g. conquest1990great) or words of its title: every person, case, defendant and event that cites it, with the locator, the confidence, the quote, and the Chicago short note.",
            sql: PublishSQL.recordsCitingSource, parameters: ["source"])),
    ]
}
