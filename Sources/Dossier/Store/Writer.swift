import DossierStorage
import DossierDomain
import Foundation

/// What a write did to each kind of record.
public struct WriteTally: Sendable, Equatable {
    public var created: [String: Int] = [:]
    public var updated: [String: Int] = [:]
    public var unchanged: [String: Int] = [:]

    public init() {}

    mutating func count(_ kind: String, _ status: RowStatus) {
        switch status {
        case .created: created[kind, default: 0] += 1
        case .updated: updated[kind, default: 0] += 1
        case .unchanged: unchanged[kind, default: 0] += 1
        }
    }

    mutating func uncount(_ kind: String, _ status: RowStatus) {
        func drop(_ counts: inout [String: Int]) {
            guard let value = counts[kind] else { return }
            counts[kind] = value > 1 ? value - 1 : nil
        }
        switch status {
        case .created: drop(&created)
        case .updated: drop(&updated)
        case .unchanged: drop(&unchanged)
        }
    }

    public var changedAnything: Bool { !created.isEmpty || !updated.isEmpty }

    /// "created 3 cases, 5 persons; updated 1 source; unchanged 2 cases".
    public var summary: String {
        func part(_ label: String, _ counts: [String: Int]) -> String? {
            guard !counts.isEmpty else { return nil }
            return label + " " + counts.keys.sorted().map { "\(counts[$0]!) \($0)\(counts[$0]! == 1 ? "" : "s")" }
                .joined(separator: ", ")
        }
        let parts = [part("created", created), part("updated", updated), part("unchanged", unchanged)].compactMap { $0 }
        return parts.isEmpty ? "nothing to do" : parts.joined(separator: "; ")
    }
}

enum RowStatus { case created, updated, unchanged }

/// The stored form of an EDTF date: text, earliest day, latest day.
func dateColumns(_ text: String?) throws -> [SQLBindable] {
    guard let text else { return [SQLValue.null, SQLValue.null, SQLValue.null] }
    let date = try EDTFDate.parse(text)
    return [text, date.lower, date.upper]
}

extension Archive {
    /// Inserts or updates one row matched by a unique key column; only
    /// changed columns are written, so history records real changes only.
    /// `table` and column names are fixed strings from this module.
    func upsertRow(table: String, keyColumn: String, key: String,
                   columns: [String], values: [SQLBindable]) throws -> (id: Int64, status: RowStatus) {
        // A CSV without the columns of a record still names it: then only
        // its key is read and written.
        let select = "SELECT " + (["id"] + columns).joined(separator: ", ") + " FROM \(table) WHERE \(keyColumn) = ?"
        if let row = try db.cached(select).fetchOne([key]) {
            let id = row[0].int64Value ?? 0
            var changed: [(String, SQLBindable)] = []
            for (index, column) in columns.enumerated() where row[index + 1] != values[index].sqlValue {
                changed.append((column, values[index]))
            }
            if changed.isEmpty { return (id, .unchanged) }
            let update = "UPDATE \(table) SET " + changed.map { "\($0.0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
            try db.execute(update, changed.map(\.1) + [id])
            return (id, .updated)
        }
        let insert = "INSERT INTO \(table) (" + ([keyColumn] + columns).joined(separator: ", ") + ") VALUES (?"
            + String(repeating: ", ?", count: columns.count) + ")"
        try db.executeCached(insert, [key] + values)
        return (db.lastInsertRowID, .created)
    }

    // MARK: Sources

    /// Inserts or updates a source by key.
    @discardableResult
    public func upsertSource(_ source: Source, tally: inout WriteTally) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let columns = ["type", "title", "translated_title", "authors", "editors", "translators", "container_title", "collection_title",
                       "volume", "issue", "page", "edition", "publisher", "publisher_place",
                       "issued", "issued_lower", "issued_upper", "url", "doi", "accessed", "archive",
                       "archive_location", "archive_place", "language", "note", "extra"]
        var values: [SQLBindable] = [source.type, source.title, source.translatedTitle, try json(source.authors), try json(source.editors),
                                     try json(source.translators), source.containerTitle, source.collectionTitle,
                                     source.volume, source.issue, source.page, source.edition, source.publisher,
                                     source.publisherPlace]
        values += try dateColumns(source.issued)
        values += [source.url, source.doi, source.accessed, source.archive, source.archiveLocation,
                   source.archivePlace, source.language, source.note, try json(source.extra)]
        let (id, status) = try upsertRow(table: "source", keyColumn: "key", key: source.key, columns: columns, values: values)
        tally.count("source", status)
        return id
    }

    // MARK: Citations

    func replaceCitations(_ citations: [CitationDoc], column: String, id: Int64) throws -> Bool {
        if try self.citations(column: column, id: id) == citations { return false }
        try db.executeCached("DELETE FROM citation WHERE \(column) = ?", [id])
        for (position, citation) in citations.enumerated() {
            guard let sourceID = try sourceID(citation.sourceKey) else {
                throw unknownSource(citation.sourceKey)
            }
            let columns = CitationDoc.storedColumns
            try db.executeCached("""
                INSERT INTO citation (source_id, \(column), position, \(columns.joined(separator: ", ")))
                VALUES (?, ?, ?\(String(repeating: ", ?", count: columns.count)))
                """, [sourceID, id, position] + (try citation.storedValues()))
        }
        return true
    }

    func unknownSource(_ key: String) -> FieldProblem {
        let close = (try? Suggest.close(to: key, in: sourceKeys())) ?? []
        return FieldProblem(problem: "unknown source key \"\(key)\""
                            + (close.isEmpty ? "" : "; did you mean " + close.joined(separator: ", ") + "?"),
                            expected: "the key of a source in the archive or imported in the same run")
    }

    // MARK: Persons

    /// Inserts one name of a person. The name's search keys follow by
    /// trigger (`person_name_keys_insert`, migration 0003).
    func insertPersonName(personID: Int64, name: String, isPrimary: Bool, position: Int) throws {
        try db.executeCached("""
            INSERT INTO person_name (person_id, name, is_primary, script, position) VALUES (?, ?, ?, ?, ?)
            """, [personID, name, isPrimary, Script.of(name).rawValue, position])
    }

    /// Inserts or updates a person by ref, with names and citations.
    @discardableResult
    public func upsertPerson(_ person: PersonDoc, tally: inout WriteTally) throws -> Int64 {
        var (id, status) = try upsertRow(
            table: "person", keyColumn: "ref", key: person.ref,
            columns: PersonDoc.storedColumns, values: try person.storedValues())
        // Names: the primary first, then variants, in order.
        let wanted = [person.name] + person.nameVariants.filter { $0 != person.name }
        let current = try db.cached("""
            SELECT name FROM person_name WHERE person_id = ? ORDER BY is_primary DESC, position, id
            """).fetchAll([id]).compactMap { $0.string(0) }
        if current != wanted {
            try db.executeCached("DELETE FROM person_name WHERE person_id = ?", [id])
            var seen = Set<String>()
            for (position, name) in wanted.enumerated() where seen.insert(name).inserted {
                try insertPersonName(personID: id, name: name, isPrimary: position == 0, position: position)
            }
            if status == .unchanged { status = .updated }
        }
        if try replaceCitations(person.citations, column: "person_id", id: id), status == .unchanged {
            status = .updated
        }
        tally.count("person", status)
        return id
    }

    // MARK: Cases

    /// Inserts or updates a whole case document. Defendants the document
    /// does not list are removed from the case when `complete` is true (a
    /// case document is everything about its case).
    @discardableResult
    public func upsertCase(_ doc: CaseDoc, complete: Bool = true, tally: inout WriteTally) throws -> Int64 {
        var (caseID, status) = try upsertRow(
            table: "proceeding", keyColumn: "ref", key: doc.ref,
            columns: CaseDoc.storedColumns, values: try doc.storedValues())
        if try replaceCitations(doc.citations, column: "proceeding_id", id: caseID), status == .unchanged {
            status = .updated
        }
        var keep: [Int64] = []
        for (position, defendant) in doc.defendants.enumerated() {
            let (defendantID, changed) = try upsertDefendant(defendant, caseID: caseID, position: position, tally: &tally)
            keep.append(defendantID)
            if changed, status == .unchanged { status = .updated }
        }
        if complete {
            let existing = try db.cached("SELECT id FROM defendant WHERE proceeding_id = ?").fetchAll([caseID])
                .compactMap { $0[0].int64Value }
            for id in existing where !keep.contains(id) {
                try db.execute("DELETE FROM defendant WHERE id = ?", [id])
                if status == .unchanged { status = .updated }
            }
        }
        tally.count("case", status)
        return caseID
    }

    /// Inserts or updates one defendant of a case (and their person).
    /// - Returns: the defendant id and whether anything changed.
    @discardableResult
    public func upsertDefendant(_ doc: DefendantDoc, caseID: Int64, position: Int? = nil,
                                tally: inout WriteTally) throws -> (Int64, Bool) {
        let personID = try upsertPerson(doc.person, tally: &tally)
        var values = try doc.storedValues()
        var columns = DefendantDoc.storedColumns
        if let position {
            columns.append("position")
            values.append(position)
        }
        var status: RowStatus
        var defendantID: Int64
        if let row = try db.cached("SELECT id FROM defendant WHERE proceeding_id = ? AND person_id = ?")
            .fetchOne([caseID, personID]), let id = row[0].int64Value {
            defendantID = id
            (_, status) = try upsertRow(table: "defendant", keyColumn: "id", key: String(id), columns: columns, values: values)
        } else {
            try db.executeCached("INSERT INTO defendant (proceeding_id, person_id, " + columns.joined(separator: ", ")
                                 + ") VALUES (?, ?" + String(repeating: ", ?", count: columns.count) + ")",
                                 [caseID, personID] + values)
            defendantID = db.lastInsertRowID
            status = .created
        }
        if try loadCharges(defendantID: defendantID) != doc.charges {
            try db.executeCached("DELETE FROM charge WHERE defendant_id = ?", [defendantID])
            for (index, charge) in doc.charges.enumerated() {
                try db.executeCached("""
                    INSERT INTO charge (defendant_id, position, kind, ref, raw, description) VALUES (?, ?, ?, ?, ?, ?)
                    """, [defendantID, index, charge.kind.rawValue, charge.ref, charge.text, charge.description])
            }
            if status == .unchanged { status = .updated }
        }
        if try loadEvents(defendantID: defendantID) != doc.events {
            try db.executeCached("DELETE FROM event WHERE defendant_id = ?", [defendantID])
            for (index, event) in doc.events.enumerated() {
                let columns = EventDoc.storedColumns
                try db.executeCached("""
                    INSERT INTO event (defendant_id, position, \(columns.joined(separator: ", ")))
                    VALUES (?, ?\(String(repeating: ", ?", count: columns.count)))
                    """, [defendantID, index] + (try event.storedValues()))
                let eventID = db.lastInsertRowID
                _ = try replaceCitations(event.citations, column: "event_id", id: eventID)
            }
            if status == .unchanged { status = .updated }
        }
        if try replaceCitations(doc.citations, column: "defendant_id", id: defendantID), status == .unchanged {
            status = .updated
        }
        tally.count("defendant", status)
        return (defendantID, status != .unchanged)
    }
}
