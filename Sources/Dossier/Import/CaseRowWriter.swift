import DossierStorage
import DossierDomain
import Foundation

/// Writes validated case rows with prepared statements, remembering what
/// the run has met.
final class CaseRowImporter {
    let archive: Archive
    let db: Connection
    var cases = RecordCounter("case")
    var persons = RecordCounter("person")
    var defendants = RecordCounter("defendant")
    /// The case of the previous row, to skip work on rows of the same case.
    var lastCase: (ref: String, id: Int64, cells: [String?], nextPosition: Int?)?
    /// Every source's id by key (sources are not written by a CSV import).
    let sourceIDs: [String: Int64]
    var unknownSources: [String: FieldProblem] = [:]

    let caseByRef, insertCase, personByRef, insertPerson, namesOf, defendantByPair, nextDefendantPosition,
        insertDefendant, chargesOf, deleteCharges, insertCharge, eventsOf, insertEvent, updateEventDate,
        citationOf, nextCitationPosition, insertCitation, updateCitationNote, nextEventPosition, insertName: Statement
    init(archive: Archive, sourceIDs: [String: Int64]) throws {
        self.archive = archive
        self.sourceIDs = sourceIDs
        db = archive.db
        caseByRef = try db.cached("""
            SELECT id, body, body_kind, category, place, date, date_lower, date_upper FROM proceeding WHERE ref = ?
            """)
        // A new ref is inserted straight away; only when the ref exists
        // (the insert does nothing) is the stored row read and merged.
        insertCase = try db.cached("""
            INSERT INTO proceeding (ref, body, body_kind, category, place, date, date_lower, date_upper, date_as_written)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ref) DO NOTHING
            """)
        let personColumns = CaseRowColumn.personFields.flatMap(\.columns)
        personByRef = try db.cached("""
            SELECT \((["id"] + personColumns).joined(separator: ", ")) FROM person WHERE ref = ?
            """)
        insertPerson = try db.cached("""
            INSERT INTO person (\((["ref"] + personColumns).joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: personColumns.count + 1).joined(separator: ", ")))
            ON CONFLICT (ref) DO NOTHING
            """)
        insertName = try db.cached("""
            INSERT INTO person_name (person_id, name, is_primary, script, position) VALUES (?, ?, ?, ?, ?)
            """)
        namesOf = try db.cached("""
            SELECT id, name, is_primary, position FROM person_name WHERE person_id = ? ORDER BY is_primary DESC, position, id
            """)
        defendantByPair = try db.cached("""
            SELECT id, charge_text, outcome, sentence, sentence_kind, term_years,
                   outcome_date, outcome_date_lower, outcome_date_upper
            FROM defendant WHERE proceeding_id = ? AND person_id = ?
            """)
        nextDefendantPosition = try db.cached(
            "SELECT coalesce(max(position) + 1, 0) FROM defendant WHERE proceeding_id = ?")
        insertDefendant = try db.cached("""
            INSERT INTO defendant (proceeding_id, person_id, position, charge_text, outcome, sentence, sentence_kind,
                                   term_years, outcome_date, outcome_date_lower, outcome_date_upper, outcome_date_as_written)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        chargesOf = try db.cached("SELECT raw, ref, kind FROM charge WHERE defendant_id = ? ORDER BY position, id")
        deleteCharges = try db.cached("DELETE FROM charge WHERE defendant_id = ?")
        insertCharge = try db.cached("""
            INSERT INTO charge (defendant_id, position, kind, ref, raw, description) VALUES (?, ?, ?, ?, ?, ?)
            """)
        eventsOf = try db.cached("""
            SELECT id, kind, date, date_lower, date_upper FROM event WHERE defendant_id = ? ORDER BY position, id
            """)
        nextEventPosition = try db.cached("SELECT coalesce(max(position) + 1, 0) FROM event WHERE defendant_id = ?")
        insertEvent = try db.cached("""
            INSERT INTO event (defendant_id, position, kind, date, date_lower, date_upper, date_as_written)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        updateEventDate = try db.cached("UPDATE event SET date = ?, date_lower = ?, date_upper = ?, date_as_written = ? WHERE id = ?")
        citationOf = try db.cached("""
            SELECT id, note FROM citation WHERE defendant_id = ? AND source_id = ? AND locator IS ? ORDER BY id LIMIT 1
            """)
        nextCitationPosition = try db.cached(
            "SELECT coalesce(max(position) + 1, 0) FROM citation WHERE defendant_id = ?")
        insertCitation = try db.cached("""
            INSERT INTO citation (source_id, defendant_id, position, locator, confidence, note)
            VALUES (?, ?, ?, ?, 'unverified', ?)
            """)
        updateCitationNote = try db.cached("UPDATE citation SET note = ? WHERE id = ?")
    }

    /// Why a source key is unknown (with the nearest keys), once per key.
    func unknownSource(_ key: String) -> FieldProblem {
        if let problem = unknownSources[key] { return problem }
        let problem = archive.unknownSource(key)
        unknownSources[key] = problem
        return problem
    }

    // MARK: Writing

    func write(_ row: CaseRow, tally: inout WriteTally) throws {
        var readings = Readings()
        let (caseID, caseCreatedNow) = try writeCase(row, readings: &readings, tally: &tally)
        let (personID, personCreatedNow) = try writePerson(row, readings: &readings, tally: &tally)
        try writeDefendant(row, caseID: caseID, personID: personID, certainlyNew: caseCreatedNow || personCreatedNow,
                           readings: &readings, tally: &tally)
    }

    /// Runs an insert of a case or person; when the archive's triggers
    /// refuse its ref because a merge keeps it as an alias (migration 0009),
    /// reports the row's field and the ref to use instead.
    func refusingAliases(_ ref: String, kind: DuplicateKind, _ body: () throws -> Void) throws {
        do { try body() } catch let error as SQLiteError where error.primary == .SQLITE_CONSTRAINT {
            throw try archive.mergedRefError(ref, kind: kind, field: kind == .case ? "case_ref" : "person_ref") ?? error
        }
    }

    /// - Returns: the case id and whether this row created it.
    func writeCase(_ row: CaseRow, readings: inout Readings, tally: inout WriteTally) throws -> (Int64, Bool) {
        let cells = row.caseCells
        if let last = lastCase, last.ref == row.caseRef, last.cells == cells {
            return (last.id, false)
        }
        try refusingAliases(row.caseRef, kind: .case) {
            try insertCase.execute([row.caseRef, row.body, row.bodyKind?.rawValue ?? BodyKind.other.rawValue,
                                    row.category?.rawValue ?? Category.unknown.rawValue, row.place]
                                   + (row.trial?.bindings ?? [SQLValue.null, SQLValue.null, SQLValue.null, SQLValue.null]))
        }
        if db.changes == 1 {
            let id = db.lastInsertRowID
            cases.note(id, line: row.line, .created, tally: &tally)
            lastCase = (row.caseRef, id, cells, 0)
            return (id, true)
        }
        guard let stored = try caseByRef.fetchOne([row.caseRef]), let id = stored[0].int64Value else {
            throw ArchiveError("case \(row.caseRef) vanished during the import")
        }
        let first = !cases.seen(id)
        let earlier = cases.firstLine(id)
        let readingsBefore = readings.items.count
        var merge = FieldMerge(stored: stored, first: first, earlier: earlier, record: "case \(row.caseRef)")
        merge.text("body", 1, row.body, &readings)
        try merge.code("body_kind", 2, row.bodyKind?.rawValue)
        try merge.code("category", 3, row.category?.rawValue, unknown: Category.unknown.rawValue)
        merge.text("place", 4, row.place, &readings)
        let storedDate = DateCell(stored[5], stored[6], stored[7])
        switch MergeRule.date(storedDate, row.trial, first: first) {
        case .set:
            merge.changes += [("date", row.trial?.text), ("date_lower", row.trial?.lower), ("date_upper", row.trial?.upper),
                              ("date_as_written", row.trial?.written)]
        case .reading: readings.add("trial_date", row.trial?.text ?? "", line: earlier)
        default: break
        }
        try update("proceeding", id: id, merge.changes)
        cases.note(id, line: row.line, merge.changes.isEmpty ? .unchanged : .updated, tally: &tally)
        // A row with another reading must not let the next row skip the
        // comparison: that row needs the reading in its own citation too.
        lastCase = (row.caseRef, id, readings.items.count == readingsBefore ? cells : [],
                    lastCase?.id == id ? lastCase?.nextPosition : nil)
        return (id, false)
    }

    /// - Returns: the person id and whether this row created it.
    func writePerson(_ row: CaseRow, readings: inout Readings, tally: inout WriteTally) throws -> (Int64, Bool) {
        try refusingAliases(row.personRef, kind: .person) {
            try insertPerson.execute([row.personRef] + zip(CaseRowColumn.personFields, row.person).flatMap { field, cell in
                switch cell {
                case .date(let date)?: return date.bindings
                case .text(let text)?: return [text]
                case nil: return Array(repeating: SQLValue.null, count: field.columns.count)
                }
            })
        }
        if db.changes == 1 {
            let id = db.lastInsertRowID
            try insertName(personID: id, name: row.name, isPrimary: true, position: 0)
            for (offset, name) in row.variants.enumerated() {
                try insertName(personID: id, name: name, isPrimary: false, position: offset + 1)
            }
            persons.note(id, line: row.line, .created, tally: &tally)
            return (id, true)
        }
        guard let stored = try personByRef.fetchOne([row.personRef]), let id = stored[0].int64Value else {
            throw ArchiveError("person \(row.personRef) vanished during the import")
        }
        let first = !persons.seen(id)
        let earlier = persons.firstLine(id)
        var changes: [(String, SQLBindable)] = []
        var column = 1
        for (field, cell) in zip(CaseRowColumn.personFields, row.person) {
            defer { column += field.columns.count }
            switch field.type {
            case .date:
                let new: DateCell? = if case .date(let date)? = cell { date } else { nil }
                switch MergeRule.date(DateCell(stored[column], stored[column + 1], stored[column + 2]), new, first: first) {
                case .set:
                    changes += [(field.column, new?.text), (field.column + "_lower", new?.lower),
                                (field.column + "_upper", new?.upper)]
                    if field.written != nil { changes.append((field.writtenColumn, new?.written)) }
                case .reading: readings.add(field.key, new?.text ?? "", line: earlier)
                default: break
                }
            case .code:
                let current = stored[column].stringValue
                switch MergeRule.code(current, cell?.text, first: first) {
                case .set: changes.append((field.column, cell?.text))
                case .conflict:
                    throw Self.conflict(field.key, record: "person \(row.personRef)", new: cell?.text ?? "",
                                        stored: current ?? "", line: earlier)
                default: break
                }
            default:
                switch MergeRule.text(stored[column].stringValue, cell?.text, first: first) {
                case .set: changes.append((field.column, cell?.text))
                case .reading: readings.add(field.key, cell?.text ?? "", line: earlier)
                default: break
                }
            }
        }
        try update("person", id: id, changes)
        let namesChanged = try mergeNames(personID: id, primary: first ? row.name : nil,
                                          others: first ? row.variants : [row.name] + row.variants)
        persons.note(id, line: row.line, changes.isEmpty && !namesChanged ? .unchanged : .updated, tally: &tally)
        return (id, false)
    }

    /// Inserts one name (as `Archive.insertPersonName` does, with a
    /// statement kept at hand).
    func insertName(personID: Int64, name: String, isPrimary: Bool, position: Int) throws {
        try insertName.execute([personID, name, isPrimary, Script.of(name).rawValue, position])
    }

    /// Adds names a person lacks. `primary`, when given, becomes the primary
    /// name (the old primary stays as a variant). Never removes a name.
    /// - Returns: whether anything changed.
    func mergeNames(personID: Int64, primary: String?, others: [String]) throws -> Bool {
        var names: [(id: Int64, name: String, isPrimary: Bool)] = []
        var nextPosition = 0
        try namesOf.forEach([personID]) { statement in
            names.append((statement.value(at: 0).int64Value ?? 0, statement.string(at: 1) ?? "",
                          statement.int(at: 2) == 1))
            nextPosition = max(nextPosition, (statement.int(at: 3) ?? 0) + 1)
        }
        var changed = false
        if let primary, names.first?.name != primary || names.first?.isPrimary != true {
            if let old = names.first(where: \.isPrimary) {
                try db.executeCached("UPDATE person_name SET is_primary = 0 WHERE id = ?", [old.id])
            }
            if let existing = names.first(where: { $0.name == primary }) {
                try db.executeCached("UPDATE person_name SET is_primary = 1 WHERE id = ?", [existing.id])
            } else {
                try insertName(personID: personID, name: primary, isPrimary: true, position: nextPosition)
                names.append((db.lastInsertRowID, primary, true))
                nextPosition += 1
            }
            changed = true
        }
        for name in others where !names.contains(where: { $0.name == name }) {
            try insertName(personID: personID, name: name, isPrimary: false, position: nextPosition)
            names.append((db.lastInsertRowID, name, false))
            nextPosition += 1
            changed = true
        }
        return changed
    }

    func writeDefendant(_ row: CaseRow, caseID: Int64, personID: Int64, certainlyNew: Bool,
                        readings: inout Readings, tally: inout WriteTally) throws {
        let found = certainlyNew ? nil : try defendantByPair.fetchOne([caseID, personID])
        guard let stored = found, let id = stored[0].int64Value else {
            try insertNewDefendant(row, caseID: caseID, personID: personID, readings: readings, tally: &tally)
            return
        }
        let first = !defendants.seen(id)
        let earlier = defendants.firstLine(id)
        let record = "defendant \(row.personRef) in case \(row.caseRef)"
        var merge = FieldMerge(stored: stored, first: first, earlier: earlier, record: record)
        merge.text("charge_text", 1, row.chargeText, &readings)
        try merge.code("outcome", 2, row.outcome?.rawValue, unknown: Outcome.unknown.rawValue)
        merge.text("sentence", 3, row.sentence, &readings)
        try merge.code("sentence_kind", 4, row.sentenceKind?.rawValue)
        let storedTerm = stored[5].doubleValue
        if let term = row.termYears, term != storedTerm {
            if storedTerm == nil || first { merge.changes.append(("term_years", term)) } else {
                throw Self.conflict("term_years", record: record, new: Self.number(term), stored: Self.number(storedTerm ?? 0),
                               line: earlier)
            }
        }
        switch MergeRule.date(DateCell(stored[6], stored[7], stored[8]), row.outcomeDate, first: first) {
        case .set:
            merge.changes += [("outcome_date", row.outcomeDate?.text), ("outcome_date_lower", row.outcomeDate?.lower),
                        ("outcome_date_upper", row.outcomeDate?.upper), ("outcome_date_as_written", row.outcomeDate?.written)]
        case .reading: readings.add("outcome_date", row.outcomeDate?.text ?? "", line: earlier)
        default: break
        }
        try update("defendant", id: id, merge.changes)
        var changed = !merge.changes.isEmpty
        if let charges = row.charges {
            var current: [ChargeDoc] = []
            try chargesOf.forEach([id]) { statement in
                current.append(ChargeDoc(text: statement.string(at: 0) ?? "", ref: statement.string(at: 1) ?? "",
                                         kind: ParsedCharge.Kind(rawValue: statement.string(at: 2) ?? "") ?? .statute))
            }
            if current != charges {
                if current.isEmpty || first {
                    try deleteCharges.execute([id])
                    try insertCharges(charges, defendantID: id)
                    changed = true
                } else {
                    throw Self.conflict("charges", record: record, new: Self.chargeList(charges), stored: Self.chargeList(current),
                                   line: earlier)
                }
            }
        }
        if row.arrest != nil || row.executed != nil || row.rehabilitated != nil {
            var events: [(id: Int64, kind: String, date: DateCell?)] = []
            try eventsOf.forEach([id]) { statement in
                events.append((statement.value(at: 0).int64Value ?? 0, statement.string(at: 1) ?? "",
                               DateCell(statement.value(at: 2), statement.value(at: 3), statement.value(at: 4))))
            }
            for (kind, field, date) in [(EventKind.arrested, "arrest_date", row.arrest), (.executed, "executed_date", row.executed),
                                        (.rehabilitated, "rehabilitated_date", row.rehabilitated)] {
                guard let date else { continue }
                guard let event = events.first(where: { $0.kind == kind.rawValue }) else {
                    let position = try nextEventPosition.fetchOne([id])?[0].intValue ?? 0
                    try insertEvent.execute([id, position, kind.rawValue] + date.bindings)
                    changed = true
                    continue
                }
                switch MergeRule.date(event.date, date, first: first) {
                case .set:
                    try updateEventDate.execute(date.bindings + [event.id])
                    changed = true
                case .reading: readings.add(field, date.text, line: earlier)
                default: break
                }
            }
        }
        if try writeCitation(row, defendantID: id, isNew: false, readings: readings) { changed = true }
        defendants.note(id, line: row.line, changed ? .updated : .unchanged, tally: &tally)
    }

    func insertNewDefendant(_ row: CaseRow, caseID: Int64, personID: Int64, readings: Readings,
                            tally: inout WriteTally) throws {
        var position: Int
        if let last = lastCase, last.id == caseID, let next = last.nextPosition {
            position = next
        } else {
            position = try nextDefendantPosition.fetchOne([caseID])?[0].intValue ?? 0
        }
        if lastCase?.id == caseID { lastCase?.nextPosition = position + 1 }
        try insertDefendant.execute([caseID, personID, position, row.chargeText,
                                     row.outcome?.rawValue ?? Outcome.unknown.rawValue, row.sentence,
                                     row.sentenceKind?.rawValue, row.termYears]
                                    + (row.outcomeDate?.bindings ?? [SQLValue.null, SQLValue.null, SQLValue.null, SQLValue.null]))
        let id = db.lastInsertRowID
        if let charges = row.charges { try insertCharges(charges, defendantID: id) }
        var eventPosition = 0
        for (kind, date) in [(EventKind.arrested, row.arrest), (.executed, row.executed), (.rehabilitated, row.rehabilitated)] {
            guard let date else { continue }
            try insertEvent.execute([id, eventPosition, kind.rawValue] + date.bindings)
            eventPosition += 1
        }
        _ = try writeCitation(row, defendantID: id, isNew: true, readings: readings)
        defendants.note(id, line: row.line, .created, tally: &tally)
    }

    func insertCharges(_ charges: [ChargeDoc], defendantID: Int64) throws {
        for (position, charge) in charges.enumerated() {
            try insertCharge.execute([defendantID, position, charge.kind.rawValue, charge.ref, charge.text,
                                      charge.description])
        }
    }

    /// Adds the row's citation of the defendant when missing, with other
    /// readings in its note.
    /// - Returns: whether anything changed.
    /// - Throws: `FieldError` when there are other readings but no source
    ///   to attribute them to.
    func writeCitation(_ row: CaseRow, defendantID: Int64, isNew: Bool, readings: Readings) throws -> Bool {
        guard let key = row.sourceKey, let sourceID = sourceIDs[key] else {
            if let (field, value) = readings.items.first {
                throw FieldError(field: field, problem: FieldProblem(
                    problem: "\"\(value)\" differs from what an earlier row gave"
                        + (readings.earlierLine > 0 ? " (line \(readings.earlierLine))" : "")
                        + ", and this row names no source_key to attribute the other reading to",
                    expected: "the same \(field) on every row of a record, an empty cell, or a source_key"))
            }
            return false
        }
        let note = readings.items.isEmpty ? nil : readings.note
        if !isNew, let existing = try citationOf.fetchOne([defendantID, sourceID, row.locator]),
           let citationID = existing[0].int64Value {
            guard let note else { return false }
            let current = existing[1].stringValue
            if let current, current.contains(note) { return false }
            try updateCitationNote.execute([current.map { $0 + "; " + note } ?? note, citationID])
            return true
        }
        let position = isNew ? 0 : try nextCitationPosition.fetchOne([defendantID])?[0].intValue ?? 0
        try insertCitation.execute([sourceID, defendantID, position, row.locator, note])
        return true
    }

    /// Writes changed columns of one row (names from this file only).
    func update(_ table: String, id: Int64, _ changes: [(String, SQLBindable)]) throws {
        guard !changes.isEmpty else { return }
        let sql = "UPDATE \(table) SET " + changes.map { "\($0.0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
        try db.executeCached(sql, changes.map(\.1) + [id])
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func chargeList(_ charges: [ChargeDoc]) -> String {
        charges.map(\.ref).joined(separator: "; ")
    }
}

extension DateCell {
    /// Reads stored columns (text, lower, upper); nil when the text is NULL.
    init?(_ text: SQLValue, _ lower: SQLValue, _ upper: SQLValue) {
        guard let value = text.stringValue else { return nil }
        self.init(text: value, lower: lower.intValue, upper: upper.intValue)
    }

    /// The values of the date's columns: text, lower, upper and as written.
    var bindings: [SQLBindable] { [text, lower, upper, written] }
}
