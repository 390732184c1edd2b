import DossierStorage
import Foundation

/// The columns of the flat CSV format (spec/formats.md §1).
public enum CaseRowColumn: String, CaseIterable, Sendable {
    case caseRef = "case_ref", personRef = "person_ref", name
    case nameVariants = "name_variants", sex, birth, birthplace
    case arrestDate = "arrest_date", body, bodyKind = "body_kind", category, place
    case trialDate = "trial_date", charges, chargeText = "charge_text", outcome, sentence
    case sentenceKind = "sentence_kind", termYears = "term_years", outcomeDate = "outcome_date"
    case executedDate = "executed_date", rehabilitatedDate = "rehabilitated_date"
    case sourceKey = "source_key", locator

    static let required: [CaseRowColumn] = [.caseRef, .personRef, .name]
}

/// One CSV row, validated.
struct CaseRow {
    var line: Int
    var caseRef: String
    var personRef: String
    var values: [CaseRowColumn: String]
    var charges: [ChargeDoc] = []

    func value(_ column: CaseRowColumn) -> String? { values[column] }
}

extension Archive {
    /// Imports flat CSV case rows. Columns present in the header set their
    /// fields (an empty cell means "not known"); fields the file has no
    /// column for are left as they are, so a partial file never erases
    /// what another source entered. Events from the date columns replace
    /// the events of that kind; the citation of `source_key`/`locator` is
    /// added to the defendant's outcome when missing.
    func importCaseRows(_ input: ImportInput, options: ImportOptions,
                        report: inout ImportReport, log: inout ProblemLog) throws {
        let reader: CSVReader
        if let text = input.text { reader = CSVReader(text: text) } else { reader = try CSVReader(path: input.path) }
        let file = input.path
        func malformed(_ error: CSVReader.Malformed) {
            log.add(DataError(file: file, line: error.line, problem: error.problem, expected: "RFC 4180 CSV in UTF-8"))
        }
        // Header.
        let header: CSVReader.Record
        do {
            guard let first = try reader.next() else {
                log.add(DataError(file: file, line: 1, problem: "the file is empty", expected: "a header row"))
                return
            }
            header = first
        } catch let error as CSVReader.Malformed {
            malformed(error)
            return
        }
        var columns: [CaseRowColumn?] = []
        var seenColumns = Set<CaseRowColumn>()
        for name in header.fields {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if let column = CaseRowColumn(rawValue: trimmed) {
                if !seenColumns.insert(column).inserted {
                    log.add(DataError(file: file, line: 1, field: trimmed, problem: "column appears twice", expected: "each column once"))
                }
                columns.append(column)
            } else {
                columns.append(nil)
                if !options.ignoreUnknownColumns {
                    let near = Suggest.nearest(to: trimmed, in: CaseRowColumn.allCases.map(\.rawValue), maxDistance: 3)
                    log.add(DataError(file: file, line: 1, field: trimmed,
                                      problem: "unknown column" + (near.map { "; did you mean \($0)?" } ?? "")
                                        + " (give --ignore-unknown-columns to skip it)",
                                      expected: "columns from: " + CaseRowColumn.allCases.map(\.rawValue).joined(separator: ", ")))
                }
            }
        }
        for column in CaseRowColumn.required where !seenColumns.contains(column) {
            log.add(DataError(file: file, line: 1, field: column.rawValue, problem: "required column is missing",
                              expected: "a header naming case_ref, person_ref and name"))
        }
        guard log.isEmpty else { return }

        var state = CaseRowState(columns: seenColumns)
        let statements = try CaseRowStatements(db: db)
        while true {
            let record: CSVReader.Record
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch let error as CSVReader.Malformed {
                malformed(error)
                break  // after bad quoting, record boundaries are unknown
            }
            if record.fields.count == 1, record.fields[0].isEmpty { continue }  // blank line
            report.records += 1
            if record.fields.count != columns.count {
                log.add(DataError(file: file, line: record.line,
                                  problem: "\(record.fields.count) fields, but the header has \(columns.count)",
                                  expected: "one field per header column"))
                continue
            }
            var values: [CaseRowColumn: String] = [:]
            for (index, column) in columns.enumerated() {
                guard let column else { continue }
                let text = record.fields[index].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { values[column] = text }
            }
            do {
                let row = try validate(values, line: record.line, state: &state)
                guard log.isEmpty else { continue }
                try write(row, state: &state, statements: statements, tally: &report.tally)
            } catch let error as FieldError {
                log.add(error.at(file: file, line: record.line))
            }
            if report.records % 5000 == 0 { options.progress?(file, report.records, reader.bytesRead) }
        }
    }

    private func validate(_ values: [CaseRowColumn: String], line: Int, state: inout CaseRowState) throws(FieldError) -> CaseRow {
        func require(_ column: CaseRowColumn) throws(FieldError) -> String {
            guard let value = values[column] else {
                throw FieldError(field: column.rawValue, problem: FieldProblem(problem: "missing", expected: "a value"))
            }
            return value
        }
        var row = CaseRow(line: line, caseRef: try require(.caseRef), personRef: try require(.personRef), values: values)
        _ = try require(.name)
        func check<V: Vocabulary>(_ column: CaseRowColumn, _ type: V.Type) throws(FieldError) {
            guard let text = values[column] else { return }
            do { _ = try V.parse(text) } catch let problem as FieldProblem {
                throw FieldError(field: column.rawValue, problem: problem)
            } catch {
                throw FieldError(field: column.rawValue, problem: FieldProblem(problem: "\(error)"))
            }
        }
        try check(.sex, Sex.self)
        try check(.bodyKind, BodyKind.self)
        try check(.category, Category.self)
        try check(.outcome, Outcome.self)
        try check(.sentenceKind, SentenceKind.self)
        for column in [CaseRowColumn.birth, .arrestDate, .trialDate, .outcomeDate, .executedDate, .rehabilitatedDate] {
            guard let text = values[column] else { continue }
            do { _ = try EDTFDate.parse(text) } catch let error as EDTFError {
                throw FieldError(field: column.rawValue, problem: FieldProblem(problem: error.problem, expected: "EDTF, e.g. \(error.example)"))
            } catch {
                throw FieldError(field: column.rawValue, problem: FieldProblem(problem: "\(error)"))
            }
        }
        if let text = values[.termYears] {
            guard let years = Double(text), years >= 0, years <= 100 else {
                throw FieldError(field: "term_years", problem: FieldProblem(problem: "\"\(text)\" is not a term",
                                                                             expected: "a number of years from 0 to 100"))
            }
        }
        if let text = values[.charges] {
            do {
                row.charges = try ChargeParser.parse(text, defaultCode: defaultCode).map {
                    ChargeDoc(text: $0.raw, ref: $0.ref, kind: $0.kind, description: nil)
                }
            } catch let error as ChargeError {
                throw FieldError(field: "charges", problem: FieldProblem(problem: error.problem))
            } catch {
                throw FieldError(field: "charges", problem: FieldProblem(problem: "\(error)"))
            }
        }
        if let key = values[.sourceKey], !state.knownSources.contains(key) {
            if (try? sourceID(key)) == nil {
                throw FieldError(field: "source_key", problem: unknownSource(key))
            }
            state.knownSources.insert(key)
        }
        // Rows that share a ref must agree on what they say about it.
        let caseFields = [CaseRowColumn.body, .bodyKind, .category, .place, .trialDate].map { values[$0] ?? "" }
        let caseKey = row.caseRef.hashValue, personKey = row.personRef.hashValue
        if let seen = state.cases[caseKey], seen.fields != caseFields.hashValue {
            let earlierLine = seen.line
            throw FieldError(field: "case_ref", problem: FieldProblem(
                problem: "case \(row.caseRef) is described differently on line \(earlierLine)",
                expected: "the same body, body_kind, category, place and trial_date on every row of a case"))
        }
        let personFields = [CaseRowColumn.name, .nameVariants, .sex, .birth, .birthplace].map { values[$0] ?? "" }
        if let seen = state.persons[personKey], seen.fields != personFields.hashValue {
            let earlierLine = seen.line
            throw FieldError(field: "person_ref", problem: FieldProblem(
                problem: "person \(row.personRef) is described differently on line \(earlierLine)",
                expected: "the same name, name_variants, sex, birth and birthplace on every row of a person"))
        }
        var hasher = Hasher()
        hasher.combine(row.caseRef)
        hasher.combine(row.personRef)
        let pair = hasher.finalize()
        if let earlierLine = state.defendants[pair] {
            throw FieldError(field: "person_ref", problem: FieldProblem(
                problem: "\(row.personRef) is already a defendant of case \(row.caseRef) on line \(earlierLine)",
                expected: "one row per defendant per case"))
        }
        if state.cases[caseKey] == nil { state.cases[caseKey] = SeenRef(fields: caseFields.hashValue, line: line) }
        if state.persons[personKey] == nil { state.persons[personKey] = SeenRef(fields: personFields.hashValue, line: line) }
        state.defendants[pair] = line
        return row
    }

    private func write(_ row: CaseRow, state: inout CaseRowState, statements: CaseRowStatements, tally: inout WriteTally) throws {
        let has = state.columns
        // The case, once per run.
        var caseID: Int64
        if let id = state.cases[row.caseRef.hashValue]?.id { caseID = id } else {
            let isNew = try self.caseID(row.caseRef) == nil
            var columns: [String] = []
            var values: [SQLBindable] = []
            if has.contains(.body) { columns.append("body"); values.append(row.value(.body)) }
            if has.contains(.bodyKind) || isNew {
                columns.append("body_kind"); values.append(row.value(.bodyKind).flatMap { try? BodyKind.parse($0).rawValue } ?? "other")
            }
            if has.contains(.category) || isNew {
                columns.append("category"); values.append(row.value(.category).flatMap { try? Category.parse($0).rawValue } ?? "unknown")
            }
            if has.contains(.place) { columns.append("place"); values.append(row.value(.place)) }
            if has.contains(.trialDate) {
                columns += ["date", "date_lower", "date_upper"]
                values += try dateColumns(row.value(.trialDate))
            }
            let (id, status) = try upsertRow(table: "proceeding", keyColumn: "ref", key: row.caseRef, columns: columns, values: values)
            tally.count("case", status)
            caseID = id
            state.cases[row.caseRef.hashValue]?.id = id
        }
        // The person, once per run.
        var personID: Int64
        if let id = state.persons[row.personRef.hashValue]?.id { personID = id } else {
            var columns: [String] = []
            var values: [SQLBindable] = []
            if has.contains(.sex) { columns.append("sex"); values.append(row.value(.sex).flatMap { try? Sex.parse($0).rawValue }) }
            if has.contains(.birth) {
                columns += ["birth", "birth_lower", "birth_upper"]
                values += try dateColumns(row.value(.birth))
            }
            if has.contains(.birthplace) { columns.append("birthplace"); values.append(row.value(.birthplace)) }
            var (id, status) = try upsertRow(table: "person", keyColumn: "ref", key: row.personRef, columns: columns, values: values)
            let name = row.value(.name) ?? ""
            var wanted = [name]
            if has.contains(.nameVariants) {
                for variant in (row.value(.nameVariants) ?? "").split(separator: ";") {
                    let text = variant.trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty, !wanted.contains(text) { wanted.append(text) }
                }
            }
            if try setNames(personID: id, wanted, keepOthers: !has.contains(.nameVariants)), status == .unchanged {
                status = .updated
            }
            tally.count("person", status)
            personID = id
            state.persons[row.personRef.hashValue]?.id = id
        }
        // The defendant.
        var columns: [String] = []
        var values: [SQLBindable] = []
        if has.contains(.chargeText) { columns.append("charge_text"); values.append(row.value(.chargeText)) }
        if has.contains(.outcome) {
            columns.append("outcome"); values.append(row.value(.outcome).flatMap { try? Outcome.parse($0).rawValue } ?? "unknown")
        }
        if has.contains(.sentence) { columns.append("sentence"); values.append(row.value(.sentence)) }
        if has.contains(.sentenceKind) {
            columns.append("sentence_kind"); values.append(row.value(.sentenceKind).flatMap { try? SentenceKind.parse($0).rawValue })
        }
        if has.contains(.termYears) { columns.append("term_years"); values.append(row.value(.termYears).flatMap(Double.init)) }
        if has.contains(.outcomeDate) {
            columns += ["outcome_date", "outcome_date_lower", "outcome_date_upper"]
            values += try dateColumns(row.value(.outcomeDate))
        }
        var status: RowStatus
        let defendantID: Int64
        if let existing = try statements.findDefendant.fetchOne([caseID, personID])?[0].int64Value {
            defendantID = existing
            if columns.isEmpty { status = .unchanged } else {
                (_, status) = try upsertRow(table: "defendant", keyColumn: "id", key: String(existing), columns: columns, values: values)
            }
        } else {
            var position = state.nextPosition[caseID] ?? -1
            if position < 0 {
                position = try db.scalar("SELECT count(*) FROM defendant WHERE proceeding_id = ?", [caseID]).intValue ?? 0
            }
            state.nextPosition[caseID] = position + 1
            try db.executeCached("INSERT INTO defendant (proceeding_id, person_id, position, "
                                 + (["outcome"] + columns.filter { $0 != "outcome" }).joined(separator: ", ") + ") VALUES (?, ?, ?"
                                 + String(repeating: ", ?", count: columns.filter { $0 != "outcome" }.count + 1) + ")",
                                 [caseID, personID, position,
                                  columns.firstIndex(of: "outcome").map { values[$0] } ?? "unknown"]
                                 + zip(columns, values).filter { $0.0 != "outcome" }.map(\.1))
            defendantID = db.lastInsertRowID
            status = .created
        }
        if has.contains(.charges), try loadCharges(defendantID: defendantID) != row.charges {
            try db.executeCached("DELETE FROM charge WHERE defendant_id = ?", [defendantID])
            for (index, charge) in row.charges.enumerated() {
                try db.executeCached("""
                    INSERT INTO charge (defendant_id, position, kind, ref, raw, description) VALUES (?, ?, ?, ?, ?, ?)
                    """, [defendantID, index, charge.kind.rawValue, charge.ref, charge.text, charge.description])
            }
            if status == .unchanged { status = .updated }
        }
        for (column, kind) in [(CaseRowColumn.arrestDate, EventKind.arrested), (.executedDate, .executed),
                               (.rehabilitatedDate, .rehabilitated)] where has.contains(column) {
            if try setEvent(defendantID: defendantID, kind: kind, date: row.value(column)), status == .unchanged {
                status = .updated
            }
        }
        if let key = row.value(.sourceKey) {
            let locator = row.value(.locator)
            let exists = try statements.findCitation.fetchOne([defendantID, key, locator]) != nil
            if !exists {
                guard let sourceID = try sourceID(key) else { throw FieldError(field: "source_key", problem: unknownSource(key)) }
                let position = try db.scalar("SELECT count(*) FROM citation WHERE defendant_id = ?", [defendantID]).intValue ?? 0
                try db.executeCached("""
                    INSERT INTO citation (source_id, defendant_id, position, locator, confidence) VALUES (?, ?, ?, ?, 'unverified')
                    """, [sourceID, defendantID, position, locator])
                if status == .unchanged { status = .updated }
            }
        }
        tally.count("defendant", status)
    }

    /// Sets a person's names: the first is primary. With `keepOthers`,
    /// variants already stored and not listed stay.
    /// - Returns: whether anything changed.
    func setNames(personID: Int64, _ names: [String], keepOthers: Bool) throws -> Bool {
        let current = try db.cached("""
            SELECT name FROM person_name WHERE person_id = ? ORDER BY is_primary DESC, position, id
            """).fetchAll([personID]).compactMap { $0.string(0) }
        var wanted = names
        if keepOthers { wanted += current.filter { !names.contains($0) } }
        if current == wanted { return false }
        try db.executeCached("DELETE FROM person_name WHERE person_id = ?", [personID])
        for (position, name) in wanted.enumerated() {
            try db.executeCached("""
                INSERT INTO person_name (person_id, name, is_primary, script, position) VALUES (?, ?, ?, ?, ?)
                """, [personID, name, position == 0, Script.of(name).rawValue, position])
        }
        return true
    }

    /// Makes a defendant's events of one kind be exactly one with this date,
    /// or none when the date is nil. Returns whether anything changed.
    func setEvent(defendantID: Int64, kind: EventKind, date: String?) throws -> Bool {
        let current = try db.cached("SELECT id, date FROM event WHERE defendant_id = ? AND kind = ?")
            .fetchAll([defendantID, kind.rawValue])
        if let date {
            if current.count == 1, current[0].string(1) == date { return false }
            if current.count == 1, let id = current[0].int64Value(0) {
                try db.executeCached("UPDATE event SET date = ?, date_lower = ?, date_upper = ? WHERE id = ?",
                                     try dateColumns(date) + [id])
                return true
            }
            try db.executeCached("DELETE FROM event WHERE defendant_id = ? AND kind = ?", [defendantID, kind.rawValue])
            let position = try db.scalar("SELECT count(*) FROM event WHERE defendant_id = ?", [defendantID]).intValue ?? 0
            try db.executeCached("""
                INSERT INTO event (defendant_id, position, kind, date, date_lower, date_upper) VALUES (?, ?, ?, ?, ?, ?)
                """, [defendantID, position, kind.rawValue] + (try dateColumns(date)))
            return true
        }
        if current.isEmpty { return false }
        try db.executeCached("DELETE FROM event WHERE defendant_id = ? AND kind = ?", [defendantID, kind.rawValue])
        return true
    }
}

/// What one CSV run remembers: refs seen (to refuse conflicting rows) and
/// ids written (so a case or person is written once per run).
struct CaseRowState {
    let columns: Set<CaseRowColumn>
    // Keyed by the hash of a ref (or of a case and person ref pair), so
    // that memory stays small on files of millions of rows.
    var cases: [Int: SeenRef] = [:]
    var persons: [Int: SeenRef] = [:]
    var defendants: [Int: Int] = [:]
    var nextPosition: [Int64: Int] = [:]
    var knownSources = Set<String>()
}

/// A ref seen in this run: a hash of what the row said about it, the line,
/// and its row id once written.
struct SeenRef {
    var fields: Int
    var line: Int
    var id: Int64?
}

struct CaseRowStatements {
    let findDefendant: Statement
    let findCitation: Statement

    init(db: Connection) throws {
        findDefendant = try db.prepare("SELECT id FROM defendant WHERE proceeding_id = ? AND person_id = ?")
        findCitation = try db.prepare("""
            SELECT c.id FROM citation c JOIN source s ON s.id = c.source_id
            WHERE c.defendant_id = ? AND s.key = ? AND c.locator IS ?
            """)
    }
}

extension Row {
    func int64Value(_ index: Int) -> Int64? { self[index].int64Value }
}
