import DossierStorage
import DossierDomain
import Foundation

/// One thing `check` found wrong.
public struct CheckFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Rule: String, Sendable, CaseIterable {
        /// SQLite's `integrity_check`: the file itself.
        case integrity
        /// SQLite's `foreign_key_check`: a row pointing at a missing row.
        case foreignKey = "foreign-key"
        /// A date that is not EDTF.
        case date
        /// Stored earliest/latest days that differ from the date's.
        case dateBounds = "date-bounds"
        /// A coded value outside its fixed vocabulary.
        case vocabulary
        /// A ref or key that cannot be typed back (blank, spaces at the
        /// ends, control characters).
        case ref
        /// A defendant without its person or case.
        case defendant
        /// A citation without its source or the record it cites for.
        case citation
        /// A person without exactly one primary name.
        case primaryName = "primary-name"
        /// History rows that belong to no change, or a column of a record
        /// table that its history triggers do not record (a revert would
        /// lose it).
        case history
        /// A full-text index that disagrees with its table.
        case fullText = "full-text"
        /// A derived search index (name keys, defendants' and sources'
        /// search text) out of step with the records.
        case searchIndex = "search-index"
    }

    public var rule: Rule
    /// The table and row, when the finding is about one row.
    public var table: String?
    public var rowID: Int64?
    /// How a person names the record ("person p-pryanikov").
    public var label: String?
    public var problem: String
    /// True when `check --fix` can repair it without guessing.
    public var fixable: Bool
    /// The column a date finding is about.
    public var column: String? = nil

    public var description: String {
        var text = "\(rule.rawValue): "
        if let label { text += label + (rowID.map { " (#\($0))" } ?? "") + ": " }
        else if let table { text += table.recordKindName + (rowID.map { " #\($0)" } ?? "") + ": " }
        text += problem
        if fixable { text += " [--fix repairs this]" }
        return text
    }
}

/// What `check` found, and what `--fix` repaired.
public struct CheckReport: Sendable {
    public var findings: [CheckFinding] = []
    /// Findings beyond the per-rule limit, by rule.
    public var omitted: [CheckFinding.Rule: Int] = [:]
    /// What `--fix` repaired (these are no longer in `findings`).
    public var fixed: [CheckFinding] = []
    /// Rows examined by the archive's own rules.
    public var rowsChecked = 0
    /// The change that recorded the repairs, if any.
    public var fixChange: Int64?

    public var problemCount: Int { findings.count + omitted.values.reduce(0, +) }
    public var isClean: Bool { problemCount == 0 }
}

extension Archive {
    /// At most this many findings of one rule are listed; the rest counted.
    static let checkFindingLimit = 200

    /// Checks the archive: SQLite's `integrity_check` and
    /// `foreign_key_check`, then the archive's own rules (dates parse and
    /// their stored bounds match, coded values are in their vocabularies,
    /// refs are usable, every defendant has a person and a case, every
    /// citation a source and a record, every person one primary name, all
    /// history belongs to a change, full-text indexes match their tables).
    ///
    /// With `fix`, repairs what needs no guessing, as one change (so that it
    /// shows in the history and can be reverted): date bounds recomputed
    /// from the date, a person's only name made primary, indexes rebuilt.
    /// Then checks again.
    /// - Throws: `SQLiteError` when the file cannot be read at all.
    public func check(fix: Bool = false) throws -> CheckReport {
        var report = try db.read { try runChecks() }
        guard fix else { return report }
        let repairable = report.findings.filter(\.fixable)
        guard !repairable.isEmpty else { return report }
        let dataFixes = repairable.filter { $0.rule == .dateBounds || $0.rule == .primaryName }
        if !dataFixes.isEmpty {
            report.fixChange = try change(command: "check", summary: "--fix: \(dataFixes.count) repairs") {
                for finding in dataFixes { try repair(finding) }
                return try db.scalar("SELECT max(id) FROM change").int64Value
            }
        }
        for finding in repairable where [.integrity, .fullText, .searchIndex].contains(finding.rule) {
            try repair(finding)
        }
        var after = try db.read { try runChecks() }
        after.fixed = repairable.filter { fixed in !after.findings.contains(fixed) }
        after.fixChange = report.fixChange
        return after
    }

    private func repair(_ finding: CheckFinding) throws {
        switch finding.rule {
        case .dateBounds:
            guard let table = finding.table, let id = finding.rowID, let column = finding.column else { return }
            let quoted = Escaping.sqlIdentifier(column)
            let text = try db.scalar("SELECT \(quoted) FROM \(Escaping.sqlIdentifier(table)) WHERE id = ?", [id]).stringValue
            var bounds: (Int?, Int?) = (nil, nil)
            if let text {
                guard let date = try? EDTFDate.parse(text) else { return }
                bounds = (date.lower, date.upper)
            }
            try db.execute("""
                UPDATE \(Escaping.sqlIdentifier(table)) SET \(Escaping.sqlIdentifier(column + "_lower")) = ?,
                       \(Escaping.sqlIdentifier(column + "_upper")) = ? WHERE id = ?
                """, [bounds.0, bounds.1, id])
        case .primaryName:
            guard let id = finding.rowID else { return }
            try db.execute("""
                UPDATE person_name SET is_primary = 1
                WHERE person_id = ? AND (SELECT count(*) FROM person_name WHERE person_id = ?) = 1
                """, [id, id])
        case .integrity:
            try db.execute("REINDEX")
        case .fullText:
            guard let table = finding.table, SchemaCatalog.isPlainIdentifier(table) else { return }
            let quoted = Escaping.sqlIdentifier(table)
            try db.write { try db.execute("INSERT INTO \(quoted)(\(quoted)) VALUES ('rebuild')") }
        case .searchIndex:
            // Derived rows, not records: rebuilt without a change or history.
            try db.write {
                switch finding.table {
                case "search_text":
                    try SearchIndex.rebuild(db)
                case "name_key":
                    try db.execute("DROP TABLE IF EXISTS temp.check_names")
                    try db.execute("CREATE TEMP TABLE check_names AS \(Self.namesWithoutKeys)")
                    try db.execute("DELETE FROM name_key WHERE name_id IN (SELECT id FROM temp.check_names)")
                    try db.execute("DELETE FROM name_key WHERE name_id NOT IN (SELECT id FROM person_name)")
                    try db.execute("""
                        INSERT OR IGNORE INTO name_key (key, name_id, person_id)
                        SELECT j.value, n.id, n.person_id FROM person_name n, json_each(dossier_name_keys(n.name)) j
                        WHERE n.id IN (SELECT id FROM temp.check_names)
                        """)
                    try db.execute("DROP TABLE temp.check_names")
                case "surname_typo":
                    try db.execute("""
                        INSERT OR IGNORE INTO surname_typo (key, surname)
                        SELECT j.value, s.key FROM (\(Self.surnamesWithoutTypoKeys)) s,
                             json_each(dossier_surname_typo_keys(s.key)) j
                        """)
                case "place_reading":
                    try PlaceIndex.rebuild(db)
                case "source_fts":
                    try db.execute("DELETE FROM source_fts")
                    try db.execute("""
                        INSERT INTO source_fts (rowid, key, authors, editors, title, container, year, archive, other)
                        SELECT id, key, authors, editors, title, container, year, archive, other FROM source_search_text
                        """)
                default: break
                }
            }
        default:
            return
        }
    }

    /// Names without their search keys, or with keys under another person.
    static let namesWithoutKeys = """
        SELECT n.id FROM person_name n
        WHERE (NOT EXISTS (SELECT 1 FROM name_key k WHERE k.name_id = n.id)
               AND json_array_length(dossier_name_keys(n.name)) > 0)
           OR EXISTS (SELECT 1 FROM name_key k WHERE k.name_id = n.id AND k.person_id <> n.person_id)
        """

    /// Surname keys lacking some of their typo keys (`surname_typo`, 0012).
    static let surnamesWithoutTypoKeys = """
        SELECT s.key FROM (SELECT DISTINCT key FROM name_key WHERE key >= 's:' AND key < 's;') s
        WHERE EXISTS (SELECT 1 FROM json_each(dossier_surname_typo_keys(s.key)) j
                      WHERE NOT EXISTS (SELECT 1 FROM surname_typo t WHERE t.key = j.value AND t.surname = s.key))
        """

    /// The derived search indexes of `Migrations/0003` and `0008`, where
    /// this archive has them.
    private func searchIndexFindings(_ catalog: SchemaCatalog) throws -> [CheckFinding] {
        let objects = Set(try db.fetchAll("SELECT name FROM sqlite_schema").compactMap { $0.string(0) })
        var findings: [CheckFinding] = []
        func finding(_ table: String, _ problem: String) {
            findings.append(CheckFinding(rule: .searchIndex, table: table, problem: problem, fixable: true))
        }
        if objects.isSuperset(of: ["search_text", "search_dirty", "defendant_search_text", "defendant"]) {
            // The index is over the records themselves (0022): FTS5's own
            // integrity check compares the two (read-only: SearchIndex.matchesReadOnly).
            let state = try SearchIndex.consistency(db)
            var parts: [String] = []
            if state.missing > 0 { parts.append("\(state.missing) defendant\(state.missing == 1 ? " is" : "s are") not indexed") }
            if state.orphans > 0 { parts.append("\(state.orphans) indexed row\(state.orphans == 1 ? " belongs" : "s belong") to no defendant") }
            if state.marked > 0 { parts.append("\(state.marked) defendant\(state.marked == 1 ? " was" : "s were") left waiting to be indexed") }
            if !state.matches { parts.append("its text differs from the records") }
            if !parts.isEmpty { finding("search_text", "the full-text index is out of step: " + parts.joined(separator: "; ")) }
        }
        if objects.isSuperset(of: ["name_key", "person_name"]) {
            let names = try db.scalar("SELECT count(*) FROM (\(Self.namesWithoutKeys))").intValue ?? 0
            // name_key has no foreign key (0010): keys of a deleted name.
            let orphans = try db.scalar("SELECT count(*) FROM name_key WHERE name_id NOT IN (SELECT id FROM person_name)").intValue ?? 0
            if names + orphans > 0 {
                finding("name_key", "\(names) name\(names == 1 ? " has" : "s have") no search keys, or keys of another person"
                        + (orphans > 0 ? ", and \(orphans) key\(orphans == 1 ? "" : "s") belong to no name" : ""))
            }
        }
        if objects.isSuperset(of: ["surname_typo", "name_key"]) {
            let surnames = try db.scalar("SELECT count(*) FROM (\(Self.surnamesWithoutTypoKeys))").intValue ?? 0
            if surnames > 0 {
                finding("surname_typo", "\(surnames) surname key\(surnames == 1 ? " lacks some of its" : "s lack some of their") typo keys")
            }
        }
        if objects.isSuperset(of: ["source_fts", "source_search_text"]) {
            let stale = try db.scalar("""
                SELECT (SELECT count(*) FROM source_search_text v LEFT JOIN source_fts f ON f.rowid = v.id
                        WHERE f.key IS NOT v.key OR f.authors IS NOT v.authors OR f.editors IS NOT v.editors
                           OR f.title IS NOT v.title OR f.container IS NOT v.container OR f.year IS NOT v.year
                           OR f.archive IS NOT v.archive OR f.other IS NOT v.other)
                     + (SELECT count(*) FROM source_fts WHERE rowid NOT IN (SELECT id FROM source))
                """).intValue ?? 0
            if stale > 0 { finding("source_fts", "the citation lookup index of \(stale) source\(stale == 1 ? " is" : "s are") missing or out of date") }
        }
        let places = try PlaceIndex.staleCount(db)
        if places > 0 {
            finding("place_reading", "the gazetteer reading of \(places) place\(places == 1 ? " is" : "s are") missing or out of date")
        }
        return findings
    }

    private func runChecks() throws -> CheckReport {
        var report = CheckReport()
        let labeler = RowLabeler(db: db)
        let catalog = SchemaCatalog(db: db)
        func add(_ finding: CheckFinding) {
            if report.findings.lazy.filter({ $0.rule == finding.rule }).count >= Self.checkFindingLimit {
                report.omitted[finding.rule, default: 0] += 1
            } else {
                report.findings.append(finding)
            }
        }
        func row(_ rule: CheckFinding.Rule, _ table: String, _ id: Int64, _ problem: String,
                 fixable: Bool = false, column: String? = nil) {
            var finding = CheckFinding(rule: rule, table: table, rowID: id, label: labeler.label(table: table, id: id),
                                       problem: problem, fixable: fixable)
            finding.column = column
            add(finding)
        }

        // SQLite's own checks.
        var indexOnly = true
        var integrity: [String] = []
        for line in try db.fetchAll("PRAGMA integrity_check").compactMap({ $0.string(0) }) where line != "ok" {
            integrity.append(line)
            // "row 3 missing from index x", "wrong # of entries in index x"
            // and "non-unique entry in index x" are repaired by REINDEX
            // unless the table itself is damaged.
            if !(line.contains("index") && !line.contains("Tree") && !line.contains("Page")) { indexOnly = false }
        }
        for line in integrity {
            add(CheckFinding(rule: .integrity, problem: line, fixable: indexOnly && !line.contains("non-unique")))
        }
        for violation in try db.fetchAll("PRAGMA foreign_key_check") {
            let table = violation.string(0) ?? "?"
            let id = violation[1].int64Value ?? 0
            let parent = violation.string(2) ?? "?"
            row(.foreignKey, table, id, "points at a \(parent.recordKindName) that does not exist")
        }

        let tables = SchemaCatalog.recordTables.filter { catalog.tables.contains($0) }
        // Dates: any column X with X_lower and X_upper beside it, and the
        // source's accessed date.
        var parsed: [String: (Int?, Int?)?] = [:]
        for table in tables {
            let columns = try catalog.columns(table)
            var dates = columns.filter { columns.contains($0 + "_lower") && columns.contains($0 + "_upper") }
            let plain = table == "source" && columns.contains("accessed") ? ["accessed"] : []
            dates += plain
            for column in dates {
                let hasBounds = !plain.contains(column)
                let q = Escaping.sqlIdentifier
                let sql = hasBounds
                    ? "SELECT id, \(q(column)), \(q(column + "_lower")), \(q(column + "_upper")) FROM \(q(table)) "
                        + "WHERE \(q(column)) IS NOT NULL OR \(q(column + "_lower")) IS NOT NULL OR \(q(column + "_upper")) IS NOT NULL"
                    : "SELECT id, \(q(column)) FROM \(q(table)) WHERE \(q(column)) IS NOT NULL"
                try db.prepare(sql).forEach { statement in
                    report.rowsChecked += 1
                    let id = Int64(statement.int(at: 0) ?? 0)
                    let text = statement.string(at: 1)
                    let stored = hasBounds ? (statement.int(at: 2), statement.int(at: 3)) : (nil, nil)
                    guard let text else {
                        row(.dateBounds, table, id, "\(column): no date, but bounds \(Self.show(stored)) are stored",
                            fixable: true, column: column)
                        return
                    }
                    let bounds: (Int?, Int?)?
                    if let cached = parsed[text] { bounds = cached } else {
                        bounds = (try? EDTFDate.parse(text)).map { ($0.lower, $0.upper) }
                        if parsed.count > 100_000 { parsed.removeAll() }
                        parsed[text] = bounds
                    }
                    guard let bounds else {
                        let problem = (try? EDTFDate.parse(text)).map { _ in "" } ?? Self.edtfProblem(text)
                        row(.date, table, id, "\(column): \"\(text)\" is not a valid date: \(problem)")
                        return
                    }
                    if hasBounds, bounds.0 != stored.0 || bounds.1 != stored.1 {
                        row(.dateBounds, table, id,
                            "\(column): stored bounds \(Self.show(stored)) differ from those of \"\(text)\" (\(Self.show(bounds)))",
                            fixable: true, column: column)
                    }
                }
            }
        }

        // Vocabularies (the same lists the parsers accept): every coded
        // field of the record descriptions, and two codes of derived rows.
        func codes<R: DescribedRecord>(_ table: String, _ kind: R.Type) -> [(String, String, [String], Bool)] {
            R.fields.compactMap { field in
                guard case .code(let allowed, _) = field.type else { return nil }
                return (table, field.column, allowed, field.fallback == nil)
            }
        }
        let vocabularies: [(String, String, [String], Bool)] = codes("person", PersonDoc.self)
            + codes("proceeding", CaseDoc.self) + codes("defendant", DefendantDoc.self)
            + codes("event", EventDoc.self) + codes("citation", CitationDoc.self) + [
            ("charge", "kind", ParsedCharge.Kind.allCases.map(\.rawValue), false),
            ("person_name", "script", ["cyrl", "latn", "mixed", "other"], false),
        ]
        for (table, column, allowed, nullable) in vocabularies where tables.contains(table) {
            let placeholders = Array(repeating: "?", count: allowed.count).joined(separator: ", ")
            let q = Escaping.sqlIdentifier
            var sql = "SELECT id, \(q(column)) FROM \(q(table)) WHERE \(q(column)) NOT IN (\(placeholders))"
            sql += nullable ? "" : " OR \(q(column)) IS NULL"
            for bad in try db.fetchAll(sql, allowed) {
                let value = bad.string(1).map { "\"\($0)\"" } ?? "nothing"
                row(.vocabulary, table, bad[0].int64Value ?? 0,
                    "\(column): \(value) is not one of " + allowed.joined(separator: ", "))
            }
        }

        // Refs and keys that could not be typed back.
        for (table, column) in [("person", "ref"), ("proceeding", "ref"), ("source", "key")] where tables.contains(table) {
            let q = Escaping.sqlIdentifier(column)
            for bad in try db.fetchAll("""
                SELECT id, \(q) FROM \(Escaping.sqlIdentifier(table))
                WHERE \(q) IS NULL OR \(q) = '' OR \(q) <> trim(\(q), ' ' || char(9) || char(10) || char(13))
                   OR instr(\(q), char(10)) > 0 OR instr(\(q), char(13)) > 0 OR instr(\(q), char(9)) > 0
                   OR instr(\(q), char(0)) > 0
                """) {
                let value = bad.string(1) ?? ""
                row(.ref, table, bad[0].int64Value ?? 0,
                    "\(column) \(Escaping.visible(value)) is blank or has spaces or control characters at the ends or inside")
            }
        }

        // Every defendant has its person and its case.
        if tables.contains("defendant") {
            for bad in try db.fetchAll("""
                SELECT d.id, x.id IS NULL, p.id IS NULL FROM defendant d
                LEFT JOIN person x ON x.id = d.person_id LEFT JOIN proceeding p ON p.id = d.proceeding_id
                WHERE x.id IS NULL OR p.id IS NULL
                """) {
                let missing = [bad.int(1) == 1 ? "person" : nil, bad.int(2) == 1 ? "case" : nil].compactMap { $0 }
                row(.defendant, "defendant", bad[0].int64Value ?? 0, "has no " + missing.joined(separator: " and no "))
            }
        }

        // Every citation has its source and exactly one existing record.
        if tables.contains("citation") {
            for bad in try db.fetchAll("""
                SELECT c.id, s.id IS NULL,
                       (c.person_id IS NOT NULL) + (c.proceeding_id IS NOT NULL) + (c.defendant_id IS NOT NULL) + (c.event_id IS NOT NULL),
                       (c.person_id IS NOT NULL AND x.id IS NULL) OR (c.proceeding_id IS NOT NULL AND p.id IS NULL)
                       OR (c.defendant_id IS NOT NULL AND d.id IS NULL) OR (c.event_id IS NOT NULL AND e.id IS NULL)
                FROM citation c
                LEFT JOIN source s ON s.id = c.source_id
                LEFT JOIN person x ON x.id = c.person_id
                LEFT JOIN proceeding p ON p.id = c.proceeding_id
                LEFT JOIN defendant d ON d.id = c.defendant_id
                LEFT JOIN event e ON e.id = c.event_id
                WHERE s.id IS NULL
                   OR (c.person_id IS NOT NULL) + (c.proceeding_id IS NOT NULL) + (c.defendant_id IS NOT NULL) + (c.event_id IS NOT NULL) <> 1
                   OR (c.person_id IS NOT NULL AND x.id IS NULL) OR (c.proceeding_id IS NOT NULL AND p.id IS NULL)
                   OR (c.defendant_id IS NOT NULL AND d.id IS NULL) OR (c.event_id IS NOT NULL AND e.id IS NULL)
                """) {
                var problems: [String] = []
                if bad.int(1) == 1 { problems.append("its source does not exist") }
                if bad.int(2) != 1 { problems.append("it cites for \(bad.int(2) ?? 0) records instead of one") }
                if bad.int(3) == 1 { problems.append("the record it cites for does not exist") }
                row(.citation, "citation", bad[0].int64Value ?? 0, problems.joined(separator: "; "))
            }
        }

        // Every person has exactly one primary name.
        if tables.contains("person") && tables.contains("person_name") {
            for bad in try db.fetchAll("""
                SELECT id, primaries, names FROM (
                    SELECT p.id,
                           (SELECT count(*) FROM person_name n WHERE n.person_id = p.id AND n.is_primary = 1) AS primaries,
                           (SELECT count(*) FROM person_name n WHERE n.person_id = p.id) AS names
                    FROM person p)
                WHERE primaries <> 1
                """) {
                let primaries = bad.int(1) ?? 0, names = bad.int(2) ?? 0
                let problem = names == 0 ? "has no name"
                    : primaries == 0 ? "has \(names) name\(names == 1 ? "" : "s") but none is primary"
                    : "has \(primaries) primary names"
                row(.primaryName, "person", bad[0].int64Value ?? 0, problem, fixable: names == 1 && primaries == 0)
            }
            report.rowsChecked += try db.scalar("SELECT count(*) FROM person").intValue ?? 0
        }

        // All history belongs to a change.
        if catalog.tables.contains("history") {
            let stray = try db.scalar("""
                SELECT count(*) FROM history WHERE change_id IS NULL OR change_id NOT IN (SELECT id FROM change)
                """).intValue ?? 0
            if stray > 0 {
                add(CheckFinding(rule: .history, table: "history",
                                 problem: "\(stray) history row\(stray == 1 ? "" : "s") belong to no change", fixable: false))
            }
        }
        // So do the id ranges of imports (0017), each naming a record table.
        if catalog.tables.contains("history_range") {
            let stray = try db.scalar("""
                SELECT count(*) FROM history_range WHERE change_id NOT IN (SELECT id FROM change)
                """).intValue ?? 0
            if stray > 0 {
                add(CheckFinding(rule: .history, table: "history_range",
                                 problem: "\(stray) id range\(stray == 1 ? "" : "s") of imports \(stray == 1 ? "belongs" : "belong") to no change",
                                 fixable: false))
            }
            let known = tables.map { "'\($0)'" }.joined(separator: ", ")
            for bad in try db.fetchAll("""
                SELECT DISTINCT table_name FROM history_range WHERE table_name NOT IN (\(known))
                """) {
                add(CheckFinding(rule: .history, table: "history_range",
                                 problem: "id ranges name a table \(bad.string(0) ?? "") that holds no records", fixable: false))
            }
        }

        // Every column of a record table is recorded by its history
        // triggers: a column added without them (as a new field's
        // migration must remake them) would be lost by a revert.
        if catalog.tables.contains("history") {
            for table in tables {
                let triggers = try db.fetchAll("""
                    SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?
                    """, [table]).filter { ($0.string(0) ?? "").hasPrefix(table + "_history_") }
                guard !triggers.isEmpty else { continue }
                for column in try catalog.columns(table) {
                    let missing = triggers.filter { trigger in
                        let sql = trigger.string(1) ?? ""
                        return sql.range(of: "\\b(NEW|OLD)\\.\(column)\\b", options: .regularExpression) == nil
                    }.compactMap { $0.string(0) }
                    if !missing.isEmpty {
                        add(CheckFinding(rule: .history, table: table, problem:
                            "the column \(column) is not recorded by the history trigger\(missing.count == 1 ? "" : "s") "
                            + missing.sorted().joined(separator: ", ") + " (a revert would lose it)", fixable: false))
                    }
                }
            }
        }

        // The derived search indexes.
        for finding in try searchIndexFindings(catalog) { add(finding) }

        // Full-text indexes (checking one writes, so only a writable archive is checked).
        if db.mode != .readOnly {
            for table in try db.fetchAll("""
                SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'
                """).compactMap({ $0.string(0) }) where SchemaCatalog.isPlainIdentifier(table) {
                let quoted = Escaping.sqlIdentifier(table)
                do {
                    try db.savepoint("check_fts") {
                        try db.execute("INSERT INTO \(quoted)(\(quoted)) VALUES ('integrity-check')")
                    }
                } catch ResultCode.SQLITE_CORRUPT {
                    // What FTS5 reports for an index that disagrees with its table.
                    add(CheckFinding(rule: .fullText, table: table,
                                     problem: "the full-text index \(table) does not match its table", fixable: true))
                }
            }
        }
        return report
    }

    static func show(_ bounds: (Int?, Int?)) -> String {
        func day(_ value: Int?) -> String {
            guard let value else { return "open" }
            return DayNumber.string(value)
        }
        return "\(day(bounds.0))…\(day(bounds.1))"
    }

    static func edtfProblem(_ text: String) -> String {
        do { _ = try EDTFDate.parse(text); return "" } catch let error as EDTFError { return error.description } catch {
            return "\(error)"
        }
    }
}

extension CheckReport {
    public var json: OrderedJSON {
        func item(_ finding: CheckFinding) -> OrderedJSON {
            var writer = JSONObjectWriter()
            writer.set("rule", finding.rule.rawValue)
            writer.set("table", finding.table)
            writer.set("row_id", finding.rowID.map { Int($0) })
            writer.set("record", finding.label)
            writer.set("problem", finding.problem)
            writer.set("fixable", finding.fixable, omitFalse: false)
            return writer.json
        }
        return .object([
            ("ok", .bool(isClean)),
            ("problems", .number(Double(problemCount))),
            ("findings", .array(findings.map(item))),
            ("omitted", .object(omitted.keys.sorted { $0.rawValue < $1.rawValue }.map { ($0.rawValue, .number(Double(omitted[$0] ?? 0))) })),
            ("fixed", .array(fixed.map(item))),
            ("fix_change", fixChange.map { .number(Double($0)) } ?? .null),
            ("rows_checked", .number(Double(rowsChecked))),
        ])
    }
}
