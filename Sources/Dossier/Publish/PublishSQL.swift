import DossierDomain
/// The SQL that `dossier publish` adds to the published copy of an archive
/// (never to the archive itself): helper tables filled at publish time,
/// full-text indexes, the reader's views, and the canned queries of the
/// site.
///
/// Lists inside one cell (the defendants of a case, the notes citing it)
/// are one item per line; the site's style sheet shows line breaks.
enum PublishSQL {
    // MARK: Dates

    /// The calendar year of a day number (days since 1970-01-01,
    /// proleptic Gregorian, as the archive stores bounds).
    static func year(_ day: String) -> String {
        "CAST(strftime('%Y', (\(day)) * 86400, 'unixepoch') AS INTEGER)"
    }

    /// The decade ("1930s") in which a date's whole range lies, or NULL
    /// when either bound is open or the range crosses a decade.
    static func decade(_ lower: String, _ upper: String) -> String {
        """
        CASE WHEN (\(lower)) IS NOT NULL AND (\(upper)) IS NOT NULL
                  AND \(year(lower)) / 10 = \(year(upper)) / 10
             THEN (\(year(lower)) / 10 * 10) || 's' END
        """
    }

    /// The date a defendant's outcome was decided: the outcome date when
    /// given, else the case's date.
    static let decisionLower = "CASE WHEN d.outcome_date IS NOT NULL THEN d.outcome_date_lower ELSE p.date_lower END"
    static let decisionUpper = "CASE WHEN d.outcome_date IS NOT NULL THEN d.outcome_date_upper ELSE p.date_upper END"

    /// Who decided, from `BodyKind.jurisdiction`: `judicial` (a court),
    /// `extrajudicial`, `investigative` (the security organs and the
    /// procuracy) or `other`.
    static let jurisdiction: String = {
        func label(_ kind: BodyKind) -> String {
            switch kind.jurisdiction {
            case .court: return "judicial"
            case .extrajudicial: return "extrajudicial"
            case .investigative: return "investigative"
            case .other: return "other"
            }
        }
        return "CASE p.body_kind " + BodyKind.allCases.map { "WHEN '\($0.rawValue)' THEN '\(label($0))'" }
            .joined(separator: " ") + " END"
    }()

    // MARK: Helper tables

    /// Tables filled by the publisher (Swift computes their strings). The
    /// site's full-text indexes are contentless: a search box needs only
    /// the ids they match, and the text stays in the rows it came from.
    static let helperTables = """
        CREATE TABLE person_label (
            person_id INTEGER PRIMARY KEY REFERENCES person(id),
            name TEXT NOT NULL,
            latin_name TEXT,
            label TEXT NOT NULL,
            surname TEXT NOT NULL
        );
        CREATE TABLE source_note (
            source_id INTEGER PRIMARY KEY REFERENCES source(id),
            note TEXT NOT NULL,
            short_note TEXT NOT NULL,
            bibliography TEXT NOT NULL
        );
        CREATE TABLE citation_note (
            citation_id INTEGER PRIMARY KEY REFERENCES citation(id),
            short_note TEXT NOT NULL,
            note TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE person_fts USING fts5(names, details, content = '', tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE case_fts USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 2');
        """

    static let insertPersonLabel =
        "INSERT INTO person_label (person_id, name, latin_name, label, surname) VALUES (?, ?, ?, ?, ?)"
    static let insertSourceNote =
        "INSERT INTO source_note (source_id, note, short_note, bibliography) VALUES (?, ?, ?, ?)"
    static let insertCitationNote =
        "INSERT INTO citation_note (citation_id, short_note, note) VALUES (?, ?, ?)"

    /// Every name of a person, as written and romanised (the temporary
    /// function `dossier_romanized(name)` gives the name in each
    /// transliteration system), so that the people's search box finds
    /// Тухачевский as Tukhachevsky or Tuchatschewski.
    static let fillPersonSearch = """
        INSERT INTO person_fts (rowid, names, details)
        SELECT x.id,
               (SELECT group_concat(name || ' ' || dossier_romanized(name), char(10))
                FROM person_name WHERE person_id = x.id),
               trim(\(personDetails))
        FROM person x
        """

    /// The person's described text fields, joined: the details the people's
    /// search box reads.
    static let personDetails = PersonDoc.fields.filter { if case .text = $0.type { true } else { false } }
        .map { "coalesce(x.\($0.column), '')" }.joined(separator: " || ' ' || ")

    /// A case's words: title, body, place, notes, and its defendants' names,
    /// charges and outcomes (the text the archive indexes in `search_text`,
    /// read from the view `defendant_search_text` it is built over).
    static let fillCaseSearch = """
        INSERT INTO case_fts (rowid, text)
        SELECT p.id,
               trim(coalesce(p.title, '') || ' ' || coalesce(p.body, '') || ' ' || coalesce(p.place, '') || ' '
                    || coalesce(p.notes, '') || ' '
                    || coalesce((SELECT group_concat(l.name || ' ' || coalesce(l.latin_name, '') || ' ' || t.text, ' ')
                                 FROM defendant d JOIN person_label l ON l.person_id = d.person_id
                                 JOIN defendant_search_text t ON t.defendant_id = d.id
                                 WHERE d.proceeding_id = p.id), ''))
        FROM proceeding p
        """

    // MARK: Lines

    /// One cited note per line: the Chicago short note and the confidence.
    static func citationLines(where condition: String, prefix: String = "''") -> String {
        """
        (SELECT group_concat(line, char(10)) FROM (
            SELECT \(prefix) || n.short_note || ' [' || c.confidence || ']' AS line
            FROM citation c JOIN citation_note n ON n.citation_id = c.id
            WHERE \(condition)
            ORDER BY c.position, c.id))
        """
    }

    static func eventLine(_ e: String) -> String {
        "\(e).kind || coalesce(' ' || \(e).date, '') || coalesce(' (' || \(e).body || ')', '')"
    }

    static func events(of defendant: String) -> String {
        """
        (SELECT group_concat(line, '; ') FROM (
            SELECT \(eventLine("e")) AS line FROM event e
            WHERE e.defendant_id = \(defendant) ORDER BY e.date_lower, e.position, e.id))
        """
    }

    static func charges(of defendant: String, column: String, separator: String) -> String {
        """
        (SELECT group_concat(\(column), '\(separator)') FROM (
            SELECT \(column) FROM charge WHERE defendant_id = \(defendant) ORDER BY position, id))
        """
    }

    static let outcomeLine = """
        d.outcome || coalesce(' ("' || d.outcome_text || '")', '') || coalesce(', ' || d.outcome_date, '')
        """

    static let sentenceLine = """
        coalesce(d.sentence, d.sentence_kind, '—')
            || CASE WHEN d.term_years IS NOT NULL AND d.sentence IS NULL THEN ', ' || d.term_years || ' years' ELSE '' END
        """

    /// Citations of a defendant, their person and their events, each line
    /// prefixed with what it supports.
    static func defendantCitations(_ d: String, prefix: String) -> String {
        """
        (SELECT group_concat(line, char(10)) FROM (
            SELECT \(prefix) || n.short_note || ' [' || c.confidence || ']' AS line
            FROM citation c JOIN citation_note n ON n.citation_id = c.id
            WHERE c.defendant_id = \(d).id
            UNION ALL
            SELECT \(prefix) || e.kind || ': ' || n.short_note || ' [' || c.confidence || ']'
            FROM event e JOIN citation c ON c.event_id = e.id JOIN citation_note n ON n.citation_id = c.id
            WHERE e.defendant_id = \(d).id))
        """
    }

    // MARK: The reader's rows

    /// The reader's views and the queries that compute their rows: one
    /// readable row per case, defendant, person and source.
    ///
    /// The published copy never changes, so each query runs once, at
    /// publish time, into a table (`case_row`, ...), and the view presents
    /// that table. Datasette's facets, sorting and counts then read stored,
    /// indexed columns: computed on every page (as plain views over the
    /// archive's tables), the facets of 190,000 defendants took longer than
    /// Datasette's time limits.
    static var readerRows: [(view: String, table: String, select: String)] {
        [("case_view", "case_row", caseRows), ("defendant_view", "defendant_row", defendantRows),
         ("person_view", "person_row", personRows), ("source_view", "source_row", sourceRows)]
    }

    static var caseRows: String {
        """
        SELECT p.id, p.ref, p.title, p.date,
               \(year("p.date_lower")) AS year,
               \(decade("p.date_lower", "p.date_upper")) AS decade,
               p.body, p.body_kind,
               \(jurisdiction) AS jurisdiction,
               p.category, p.place, \(placeColumns),
               (SELECT count(*) FROM defendant WHERE proceeding_id = p.id) AS defendant_count,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT l.label AS line FROM defendant d JOIN person_label l ON l.person_id = d.person_id
                   WHERE d.proceeding_id = p.id ORDER BY d.position, d.id)) AS defendants,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT l.surname || ': ' || coalesce(\(charges(of: "d.id", column: "raw", separator: "; ")), d.charge_text, '—') AS line
                   FROM defendant d JOIN person_label l ON l.person_id = d.person_id
                   WHERE d.proceeding_id = p.id ORDER BY d.position, d.id)) AS charges,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT l.surname || ': ' || \(outcomeLine) AS line
                   FROM defendant d JOIN person_label l ON l.person_id = d.person_id
                   WHERE d.proceeding_id = p.id ORDER BY d.position, d.id)) AS outcomes,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT l.surname || ': ' || \(sentenceLine) AS line
                   FROM defendant d JOIN person_label l ON l.person_id = d.person_id
                   WHERE d.proceeding_id = p.id ORDER BY d.position, d.id)) AS sentences,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT l.surname || ': ' || \(events(of: "d.id")) AS line
                   FROM defendant d JOIN person_label l ON l.person_id = d.person_id
                   WHERE d.proceeding_id = p.id AND EXISTS (SELECT 1 FROM event WHERE defendant_id = d.id)
                   ORDER BY d.position, d.id)) AS events,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT lines AS line FROM (SELECT \(citationLines(where: "c.proceeding_id = p.id")) AS lines)
                   WHERE lines IS NOT NULL
                   UNION ALL
                   SELECT \(defendantCitations("d", prefix: "l.surname || ': '"))
                   FROM defendant d JOIN person_label l ON l.person_id = d.person_id
                   WHERE d.proceeding_id = p.id)) AS citations,
               p.notes
        FROM proceeding p
        ORDER BY p.id
        """
    }

    /// The case's place as the gazetteer read it: its id, and its name
    /// today (else the place as written), for the facet.
    static let placeColumns = """
        (SELECT place_id FROM proceeding_place WHERE proceeding_id = p.id) AS place_id,
               coalesce(dossier_place_name((SELECT place_id FROM proceeding_place WHERE proceeding_id = p.id)), p.place) AS place_name
        """

    static var defendantRows: String {
        """
        SELECT d.id, p.ref AS case_ref, p.title AS case_title, x.ref AS person_ref, l.label AS name,
               coalesce(\(charges(of: "d.id", column: "raw", separator: "; ")), d.charge_text) AS charges,
               \(charges(of: "d.id", column: "ref", separator: " ")) AS charge_refs,
               d.outcome, d.outcome_text, d.outcome_subcategory,
               d.sentence, d.sentence_kind, d.term_years, d.charge_reduced, d.outcome_date,
               \(events(of: "d.id")) AS events,
               p.body, p.body_kind, \(jurisdiction) AS jurisdiction, p.category, p.place, \(placeColumns),
               p.date AS case_date,
               \(year(decisionLower)) AS year,
               \(decade(decisionLower, decisionUpper)) AS decade,
               d.notes,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT lines AS line FROM (SELECT \(citationLines(where: "c.person_id = x.id")) AS lines)
                   WHERE lines IS NOT NULL
                   UNION ALL
                   SELECT \(defendantCitations("d", prefix: "''")))) AS citations
        FROM defendant d
        JOIN proceeding p ON p.id = d.proceeding_id
        JOIN person x ON x.id = d.person_id
        JOIN person_label l ON l.person_id = x.id
        ORDER BY d.id
        """
    }

    static var personRows: String {
        """
        SELECT x.id, x.ref, l.name, l.latin_name,
               (SELECT group_concat(name, char(10)) FROM (
                   SELECT name FROM person_name WHERE person_id = x.id AND is_primary = 0
                   ORDER BY position, id)) AS other_names,
               \(PersonDoc.fields.filter { $0.merge != .join }.map { "x." + $0.column }.joined(separator: ", ")),
               (SELECT count(*) FROM defendant WHERE person_id = x.id) AS case_count,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT p.ref || coalesce(' (' || p.date || ')', '') || ': ' || \(outcomeLine)
                          || CASE WHEN d.sentence IS NOT NULL OR d.sentence_kind IS NOT NULL
                                  THEN '; ' || \(sentenceLine) ELSE '' END AS line
                   FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id
                   WHERE d.person_id = x.id ORDER BY p.date_lower, p.ref)) AS cases,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT p.ref || ': ' || \(events(of: "d.id")) AS line
                   FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id
                   WHERE d.person_id = x.id AND EXISTS (SELECT 1 FROM event WHERE defendant_id = d.id)
                   ORDER BY p.date_lower, p.ref)) AS events,
               x.notes,
               (SELECT group_concat(line, char(10)) FROM (
                   SELECT lines AS line FROM (SELECT \(citationLines(where: "c.person_id = x.id")) AS lines)
                   WHERE lines IS NOT NULL
                   UNION ALL
                   SELECT \(defendantCitations("d", prefix: "p.ref || ': '"))
                   FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id
                   WHERE d.person_id = x.id)) AS citations
        FROM person x JOIN person_label l ON l.person_id = x.id
        ORDER BY x.id
        """
    }

    static var sourceRows: String {
        """
        SELECT s.id, s.key, s.type, n.bibliography, n.note, s.title,
               (SELECT group_concat(coalesce(json_extract(a.value, '$.literal'),
                                             json_extract(a.value, '$.family')
                                             || coalesce(', ' || json_extract(a.value, '$.given'), '')), '; ')
                FROM json_each(s.authors) a) AS authors,
               s.container_title, s.issued, s.publisher, s.archive, s.archive_location, s.url, s.language,
               (SELECT count(*) FROM citation WHERE source_id = s.id) AS citation_count
        FROM source s JOIN source_note n ON n.source_id = s.id
        ORDER BY s.id
        """
    }

    // MARK: Canned queries

    /// A person by any spelling: the reader's text goes through dossier's
    /// own name keys and scores (the loadable extension's functions). Surname
    /// keys and typo keys are looked up with separate caps, as `dossier
    /// search` does, so that a common surname's many typo neighbours cannot
    /// crowd out real matches.
    static let personByName = """
        WITH surname_hit AS (
            SELECT name_id FROM name_key
            WHERE key IN (SELECT value FROM json_each(dossier_query_keys(:name, 'surname')))
            LIMIT 20000
        ), typo_hit AS (
            SELECT name_id FROM name_key
            WHERE key IN (SELECT surname FROM surname_typo
                          WHERE key IN (SELECT value FROM json_each(dossier_query_keys(:name, 'typo'))))
            LIMIT 20000
        ), candidate AS MATERIALIZED (
            SELECT n.person_id, n.name, dossier_name_match(:name, n.name) AS m
            FROM person_name n
            WHERE n.id IN (SELECT name_id FROM surname_hit UNION SELECT name_id FROM typo_hit)
        ), best AS (
            SELECT person_id, name AS matched_name, max(json_extract(m, '$.score')) AS score,
                   json_extract(m, '$.reason') AS reason, json_extract(m, '$.explanation') AS explanation
            FROM candidate WHERE m IS NOT NULL
            GROUP BY person_id
        )
        SELECT v.ref AS person_ref, v.name, b.matched_name, b.score, b.reason, b.explanation,
               v.birth, v.death, v.cases
        FROM best b JOIN person_view v ON v.id = b.person_id
        ORDER BY b.score DESC, v.name
        LIMIT 100
        """

    /// One case as a record card: a row per field, lists one item per line.
    /// By its ref, else the earliest case whose title has the words.
    static let casePage = """
        WITH c AS (
            SELECT * FROM case_view
            WHERE ref = :case OR (length(:case) >= 3 AND title LIKE '%' || :case || '%')
            ORDER BY ref <> :case, year, ref
            LIMIT 1
        ), card (n, field, value) AS (
            SELECT 1, 'Case', ref FROM c
            UNION ALL SELECT 2, 'Title', title FROM c
            UNION ALL SELECT 3, 'Date', date || coalesce(' (' || decade || ')', '') FROM c
            UNION ALL SELECT 4, 'Deciding body', coalesce(body || ' — ', '') || body_kind || ', ' || jurisdiction FROM c
            UNION ALL SELECT 5, 'Category', category FROM c
            UNION ALL SELECT 6, 'Place', place FROM c
            UNION ALL SELECT 7, 'Defendants', defendants FROM c
            UNION ALL SELECT 8, 'Charges', charges FROM c
            UNION ALL SELECT 9, 'Outcomes', outcomes FROM c
            UNION ALL SELECT 10, 'Sentences', sentences FROM c
            UNION ALL SELECT 11, 'Events', events FROM c
            UNION ALL SELECT 12, 'Sources', citations FROM c
            UNION ALL SELECT 13, 'Notes', notes FROM c
        )
        SELECT field, value FROM card WHERE value IS NOT NULL ORDER BY n
        """

    /// Everyone tried in one case, by its ref or words of its title.
    static let caseDefendants = """
        SELECT v.case_ref, v.name, v.person_ref, v.charges, v.outcome, v.outcome_text,
               v.sentence, v.outcome_date, v.events, v.citations
        FROM defendant_view v JOIN defendant d ON d.id = v.id
        -- The cases by ref, else by words of the title, looked up in the
        -- cases (one row each) and then read by the indexed ref: an OR over
        -- the defendants' rows read them all, past Datasette's time limit
        -- at a million defendants.
        WHERE v.case_ref IN (SELECT :case
                             UNION SELECT ref FROM proceeding
                             WHERE length(:case) >= 3 AND title LIKE '%' || :case || '%')
        ORDER BY v.case_ref, d.position, d.id
        """

    /// Outcome counts and shares of each decade (by the decision's date),
    /// of all defendants or of those decided by courts (`judicial`) or
    /// extrajudicial bodies (`extrajudicial`).
    static let outcomesByDecade = """
        SELECT decade, outcome, count(*) AS defendants,
               sum(count(*)) OVER (PARTITION BY decade) AS decade_total,
               round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY decade), 1) AS share_percent
        FROM (SELECT coalesce(decade, 'undated') AS decade, outcome FROM defendant_view
              WHERE coalesce(:jurisdiction, '') = '' OR jurisdiction = lower(trim(:jurisdiction)))
        GROUP BY decade, outcome
        ORDER BY decade = 'undated', decade, defendants DESC, outcome
        """

    /// Every record citing a source, by its key or words of its title.
    static let recordsCitingSource = """
        SELECT s.key AS source_key,
               CASE WHEN c.person_id IS NOT NULL THEN 'person'
                    WHEN c.proceeding_id IS NOT NULL THEN 'case'
                    WHEN c.defendant_id IS NOT NULL THEN 'defendant'
                    ELSE 'event' END AS record,
               CASE WHEN c.person_id IS NOT NULL THEN (SELECT ref FROM person WHERE id = c.person_id)
                    WHEN c.proceeding_id IS NOT NULL THEN (SELECT ref FROM proceeding WHERE id = c.proceeding_id)
                    WHEN c.defendant_id IS NOT NULL THEN
                        (SELECT p.ref || ' / ' || x.ref FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id
                         JOIN person x ON x.id = d.person_id WHERE d.id = c.defendant_id)
                    ELSE (SELECT p.ref || ' / ' || x.ref || ' / ' || e.kind FROM event e
                          JOIN defendant d ON d.id = e.defendant_id JOIN proceeding p ON p.id = d.proceeding_id
                          JOIN person x ON x.id = d.person_id WHERE e.id = c.event_id) END AS record_ref,
               CASE WHEN c.person_id IS NOT NULL THEN (SELECT label FROM person_label WHERE person_id = c.person_id)
                    WHEN c.proceeding_id IS NOT NULL THEN (SELECT title FROM proceeding WHERE id = c.proceeding_id)
                    WHEN c.defendant_id IS NOT NULL THEN
                        (SELECT l.label FROM defendant d JOIN person_label l ON l.person_id = d.person_id
                         WHERE d.id = c.defendant_id)
                    ELSE (SELECT l.label || ': ' || \(eventLine("e")) FROM event e
                          JOIN defendant d ON d.id = e.defendant_id JOIN person_label l ON l.person_id = d.person_id
                          WHERE e.id = c.event_id) END AS record_label,
               c.locator, c.confidence, n.short_note, c.quote, c.note
        FROM citation c
        JOIN source s ON s.id = c.source_id
        JOIN citation_note n ON n.citation_id = c.id
        WHERE s.key = :source
           OR (length(:source) >= 3 AND s.key <> :source AND s.title LIKE '%' || :source || '%')
        ORDER BY s.key, record, record_ref, c.position, c.id
        """
}
