import DossierStorage
import DossierDomain
import Foundation

/// One row operation of a merge, in the order it runs. Tables and columns
/// are fixed names from this file.
enum MergeAction: Sendable {
    case update(table: String, id: Int64, values: [(String, SQLValue)])
    case delete(table: String, id: Int64)
    /// Keeps the merged record's ref as an alias of the kept one.
    case alias(table: String, ownerColumn: String, ref: String, owner: Int64)
}

/// What a merge moves, fills and keeps as variants: built from the archive
/// as it is, printed by `--dry-run`, and run as it stands by `merge`.
public struct MergePlan: Sendable {
    public var kind: DuplicateKind
    public var keep: String
    public var other: String
    /// One line per thing that moves or changes, in the order it happens.
    public var lines: [String] = []
    /// Fields where the two records differ: the kept record's value stays
    /// and the other's is written into the notes, with its citations.
    public var conflicts: [String] = []
    /// Rows written (updated, deleted or inserted).
    public var rowCount: Int { actions.count }
    /// The change that recorded the merge (nil for a dry run).
    public var change: Int64?
    var actions: [MergeAction] = []

    /// The report printed by `dossier merge`.
    public func text(dryRun: Bool) -> String {
        var out = dryRun ? "would merge \(other) into \(keep) (dry run: nothing written)\n"
                         : "merged \(other) into \(keep)\n"
        for line in lines { out += "  " + line + "\n" }
        if !conflicts.isEmpty {
            out += "\(conflicts.count) conflicting field\(conflicts.count == 1 ? "" : "s") kept as variant\(conflicts.count == 1 ? "" : "s") in the notes:\n"
            for line in conflicts { out += "  " + line + "\n" }
        }
        if let change {
            out += "recorded as change \(change); `dossier revert \(change)` undoes it\n"
        }
        return out
    }

    mutating func say(_ line: String, depth: Int = 0) {
        lines.append(String(repeating: "  ", count: depth) + line)
    }
}

extension Archive {
    /// Merges OTHER into KEEP (two persons or two cases) in one change:
    /// every name (as a variant), defendant row, charge, event, outcome and
    /// citation of OTHER moves to KEEP; where both are defendants of one
    /// case their rows are merged; fields KEEP lacks are filled from OTHER;
    /// fields where they differ keep KEEP's value, and OTHER's goes into
    /// KEEP's notes with its citations; OTHER's ref stays as an alias of
    /// KEEP. Every write goes through the history triggers, so `revert`
    /// undoes the merge whole.
    /// - Parameter dryRun: build and return the plan without writing.
    /// - Throws: `NotFound` (unknown or already merged refs), `FieldProblem`
    ///   (a person and a case, one record twice, a pair judged distinct),
    ///   `SQLiteError`.
    @discardableResult
    public func merge(keep: String, other: String, dryRun: Bool = false) throws -> MergePlan {
        if dryRun {
            return try db.read { try mergePlan(keep: keep, other: other) }
        }
        return try change(command: "merge", summary: "merge \(other) into \(keep)") {
            var plan = try mergePlan(keep: keep, other: other)
            try run(plan.actions)
            plan.change = try db.scalar("SELECT max(id) FROM change").int64Value
            return plan
        }
    }

    func mergePlan(keep: String, other: String) throws -> MergePlan {
        let (kind, keepID, otherID) = try duplicatePair(keep, other)
        if try notDuplicateRow(kind: kind, keepID, otherID) != nil {
            throw FieldProblem(problem: "\(keep) and \(other) were recorded as different \(kind == .person ? "persons" : "cases")",
                               expected: "a pair not judged distinct; `dossier not-duplicate \(keep) \(other) --remove` forgets that judgement")
        }
        var builder = MergeBuilder(archive: self, plan: MergePlan(kind: kind, keep: keep, other: other))
        try builder.records(MergeBuilder.Kind(kind), keep: keepID, other: otherID)
        return builder.plan
    }

    func run(_ actions: [MergeAction]) throws {
        for action in actions {
            switch action {
            case .update(let table, let id, let values):
                let sql = "UPDATE \(table) SET " + values.map { "\($0.0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
                try db.execute(sql, values.map { $0.1 as SQLBindable } + [id])
                guard db.changes == 1 else { throw ArchiveError("merge: \(table) row \(id) changed under the merge") }
            case .delete(let table, let id):
                try db.execute("DELETE FROM \(table) WHERE id = ?", [id])
                guard db.changes == 1 else { throw ArchiveError("merge: \(table) row \(id) changed under the merge") }
            case .alias(let table, let column, let ref, let owner):
                try db.execute("INSERT INTO \(table) (ref, \(column), change_id) VALUES (?, ?, (SELECT max(id) FROM change))",
                               [ref, owner])
            }
        }
    }
}

/// Builds a merge plan from the archive.
struct MergeBuilder {
    let archive: Archive
    var plan: MergePlan
    var db: Connection { archive.db }

    /// A single-valued field: its columns (the first is compared and shown)
    /// and the value that counts as "not set".
    struct Field {
        var name: String
        var columns: [String]
        var unset: SQLValue = .null
    }

    /// The single-valued fields of a record kind as its description gives
    /// them: those whose merge rule keeps the kept record's value and fills
    /// an empty one (notes are joined elsewhere).
    static func fields<R: DescribedRecord>(of kind: R.Type) -> [Field] {
        R.fields.filter { $0.merge == .keepFilled }.map { field in
            var unset = SQLValue.null
            if let fallback = field.fallback { unset = .text(fallback) }
            if case .flag = field.type { unset = .integer(0) }
            return Field(name: field.column, columns: field.columns, unset: unset)
        }
    }

    static let personFields = fields(of: PersonDoc.self)
    static let defendantFields = fields(of: DefendantDoc.self)
    static let caseFields = fields(of: CaseDoc.self)
    static let eventFields = [Field(name: "body", columns: ["body"])]

    static func isUnset(_ value: SQLValue, _ field: Field) -> Bool {
        if value.isNull { return true }
        if let text = value.stringValue, text.isEmpty { return true }
        return value == field.unset
    }

    static func show(_ value: SQLValue) -> String {
        switch value {
        case .null: return "nothing"
        case .integer(let n): return String(n)
        case .real(let x): return x.rounded() == x ? String(Int64(x)) : String(x)
        default: return value.stringValue ?? ""
        }
    }

    // MARK: Shared steps

    /// Citations of a row as "key locator" labels.
    func citationLabels(column: String, id: Int64) throws -> [(id: Int64, label: String)] {
        try db.fetchAll("""
            SELECT c.id, s.key, c.locator FROM citation c JOIN source s ON s.id = c.source_id
            WHERE c.\(column) = ? ORDER BY c.position, c.id
            """, [id]).map { row in
            (row[0].int64Value ?? 0, [row.string(1), row.string(2)].compactMap { $0 }.joined(separator: " "))
        }
    }

    func nextPosition(_ table: String, column: String, id: Int64) throws -> Int {
        (try db.scalar("SELECT max(position) FROM \(table) WHERE \(column) = ?", [id]).intValue ?? -1) + 1
    }

    /// Moves the citations of one row to another of the same kind.
    mutating func moveCitations(column: String, from: Int64, to: Int64, toLabel: String, depth: Int) throws {
        var position = try nextPosition("citation", column: column, id: to)
        for (id, label) in try citationLabels(column: column, id: from) {
            plan.actions.append(.update(table: "citation", id: id, values: [(column, .integer(to)), ("position", .integer(Int64(position)))]))
            plan.say("citation \(label) → \(toLabel)", depth: depth)
            position += 1
        }
    }

    /// Compares single-valued fields: fills what KEEP lacks, and for each
    /// field where both have different values keeps KEEP's and returns a
    /// variant line for the notes.
    mutating func settle(_ fields: [Field], keep: Row, other: Row, keepLabel: String, otherLabel: String,
                         cited: String, values: inout [(String, SQLValue)], depth: Int) -> [String] {
        var variants: [String] = []
        for field in fields {
            let mine = keep[field.columns[0]], theirs = other[field.columns[0]]
            if Self.isUnset(theirs, field) || mine == theirs { continue }
            if Self.isUnset(mine, field) {
                for column in field.columns { values.append((column, other[column])) }
                plan.say("\(field.name): \(keepLabel) had \(Self.show(mine)); filled with \(Self.show(theirs)) from \(otherLabel)", depth: depth)
            } else {
                let line = "\(field.name): \(Self.show(theirs))" + (cited.isEmpty ? "" : " (cited: \(cited))")
                variants.append(line)
                plan.say("\(field.name): \(keepLabel) has \(Self.show(mine)), \(otherLabel) has \(Self.show(theirs)); "
                         + "\(keepLabel)'s stays, the other is kept as a variant in the notes", depth: depth)
                plan.conflicts.append("\(field.name) of \(keepLabel): \(Self.show(mine)) kept; \(Self.show(theirs)) from \(otherLabel)"
                                      + (cited.isEmpty ? "" : " (cited: \(cited))"))
            }
        }
        return variants
    }

    /// KEEP's notes with the merged record's variants and notes appended.
    static func mergedNotes(keep: String?, other: String?, from: String, variants: [String]) -> String? {
        var lines = variants
        if let other, !other.isEmpty, other != keep, !(keep ?? "").contains(other) {
            lines.append("notes: " + other.replacingOccurrences(of: "\n", with: "\n  "))
        }
        guard !lines.isEmpty else { return nil }
        let block = "Merged from \(from):\n" + lines.map { "- " + $0 }.joined(separator: "\n")
        if let keep, !keep.isEmpty { return keep + "\n\n" + block }
        return block
    }

    // MARK: Defendant rows

    /// Merges defendant row `from` into `into` (one case, one person after
    /// the merge): charges, events and citations move (exact copies are
    /// removed), fields are settled, and `from` is removed.
    mutating func mergeDefendantRows(from: Int64, into: Int64, intoLabel: String, otherLabel: String, depth: Int) throws {
        guard let keepRow = try db.fetchOne("SELECT * FROM defendant WHERE id = ?", [into]),
              let otherRow = try db.fetchOne("SELECT * FROM defendant WHERE id = ?", [from]) else { return }
        // Charges: one with the same normal form is the same charge; its
        // wording, where it differs, is kept as a variant.
        let keepCharges = try db.fetchAll("SELECT kind, ref, raw, description FROM charge WHERE defendant_id = ?", [into])
            .map { $0.values }
        var chargeVariants: [String] = []
        let cited = try citationLabels(column: "defendant_id", id: from).map(\.label).joined(separator: "; ")
        var position = try nextPosition("charge", column: "defendant_id", id: into)
        for row in try db.fetchAll("SELECT id, kind, ref, raw, description FROM charge WHERE defendant_id = ? ORDER BY position, id", [from]) {
            let id = row[0].int64Value ?? 0
            let charge = Array(row.values.dropFirst())
            let label = "charge \(row.string(3) ?? "")" + (row.string(3) == row.string(2) ? "" : " (\(row.string(2) ?? ""))")
            if keepCharges.contains(charge) {
                plan.actions.append(.delete(table: "charge", id: id))
                plan.say("\(label): already there; the copy is removed", depth: depth)
            } else if keepCharges.contains(where: { $0[0] == charge[0] && $0[1] == charge[1] }) {
                plan.actions.append(.delete(table: "charge", id: id))
                let wording = [row.string(3), row.string(4)].compactMap { $0 }.joined(separator: ": ")
                chargeVariants.append("charge \(row.string(2) ?? "") as written: \(wording)" + (cited.isEmpty ? "" : " (cited: \(cited))"))
                plan.say("\(label): already there in other words; this wording is kept as a variant in the notes", depth: depth)
            } else {
                plan.actions.append(.update(table: "charge", id: id, values: [("defendant_id", .integer(into)), ("position", .integer(Int64(position)))]))
                plan.say("\(label) → \(intoLabel)", depth: depth)
                position += 1
            }
        }
        // Events: one of the same kind on the same date is the same event.
        let keepEvents = try db.fetchAll("SELECT * FROM event WHERE defendant_id = ? ORDER BY position, id", [into])
        position = try nextPosition("event", column: "defendant_id", id: into)
        for event in try db.fetchAll("SELECT * FROM event WHERE defendant_id = ? ORDER BY position, id", [from]) {
            let id = event["id"].int64Value ?? 0
            let label = "event \(event.string("kind") ?? "")" + (event.string("date").map { " " + $0 } ?? "")
            if let same = keepEvents.first(where: { $0["kind"] == event["kind"] && $0["date"] == event["date"] }),
               let sameID = same["id"].int64Value {
                plan.say("\(label): \(intoLabel) has it too; the two are merged", depth: depth)
                try moveCitations(column: "event_id", from: id, to: sameID, toLabel: "the kept event", depth: depth + 1)
                var values: [(String, SQLValue)] = []
                let cited = try citationLabels(column: "event_id", id: id).map(\.label).joined(separator: "; ")
                let variants = settle(Self.eventFields, keep: same, other: event, keepLabel: "the kept event",
                                      otherLabel: otherLabel, cited: cited, values: &values, depth: depth + 1)
                if let notes = Self.mergedNotes(keep: same.string("notes"), other: event.string("notes"), from: otherLabel, variants: variants) {
                    values.append(("notes", .text(notes)))
                }
                if !values.isEmpty { plan.actions.append(.update(table: "event", id: sameID, values: values)) }
                plan.actions.append(.delete(table: "event", id: id))
            } else {
                plan.actions.append(.update(table: "event", id: id, values: [("defendant_id", .integer(into)), ("position", .integer(Int64(position)))]))
                let count = try db.scalar("SELECT count(*) FROM citation WHERE event_id = ?", [id]).intValue ?? 0
                plan.say("\(label) → \(intoLabel)" + (count > 0 ? " (with \(count) citation\(count == 1 ? "" : "s"))" : ""), depth: depth)
                position += 1
            }
        }
        // Citations of the row, then its fields.
        try moveCitations(column: "defendant_id", from: from, to: into, toLabel: intoLabel, depth: depth)
        var values: [(String, SQLValue)] = []
        let variants = chargeVariants + settle(Self.defendantFields, keep: keepRow, other: otherRow, keepLabel: intoLabel,
                                               otherLabel: otherLabel, cited: cited, values: &values, depth: depth)
        if let notes = Self.mergedNotes(keep: keepRow.string("notes"), other: otherRow.string("notes"), from: otherLabel, variants: variants) {
            values.append(("notes", .text(notes)))
            if let otherNotes = otherRow.string("notes"), !otherNotes.isEmpty, otherNotes != keepRow.string("notes") {
                plan.say("notes of \(otherLabel)'s row → added to the notes of \(intoLabel)", depth: depth)
            }
        }
        if !values.isEmpty { plan.actions.append(.update(table: "defendant", id: into, values: values)) }
        plan.actions.append(.delete(table: "defendant", id: from))
    }

    // MARK: Two records of one kind

    /// What a merge needs to know of a record kind: its table, the column
    /// that points at it from citations and aliases, its alias table, and
    /// its single-valued fields.
    struct Kind {
        let kind: DuplicateKind
        let table: String
        let owner: String
        let aliasTable: String
        let fields: [Field]

        init(_ kind: DuplicateKind) {
            self.kind = kind
            switch kind {
            case .person: (table, owner, aliasTable, fields) = ("person", "person_id", "person_alias", MergeBuilder.personFields)
            case .case: (table, owner, aliasTable, fields) = ("proceeding", "proceeding_id", "proceeding_alias", MergeBuilder.caseFields)
            }
        }
    }

    /// Merges OTHER into KEEP, two records of one kind: what hangs on the
    /// record moves (a person's names and case links; a case's defendants),
    /// then its citations; single-valued fields are settled and the notes
    /// joined; judgements and aliases are repointed; OTHER is removed and
    /// its ref kept as an alias.
    mutating func records(_ kind: Kind, keep: Int64, other: Int64) throws {
        let keepRef = plan.keep, otherRef = plan.other
        guard let keepRow = try db.fetchOne("SELECT * FROM \(kind.table) WHERE id = ?", [keep]),
              let otherRow = try db.fetchOne("SELECT * FROM \(kind.table) WHERE id = ?", [other]) else { return }
        switch kind.kind {
        case .person:
            try moveNames(keep: keep, other: other)
            // The citations of the person itself move before its case links.
            let cited = try citationLabels(column: kind.owner, id: other).map(\.label).joined(separator: "; ")
            try moveCitations(column: kind.owner, from: other, to: keep, toLabel: keepRef, depth: 0)
            try moveCaseLinks(keep: keep, other: other)
            try settleRecord(kind, keepRow: keepRow, otherRow: otherRow, cited: cited, keep: keep)
        case .case:
            try moveDefendants(keep: keep, other: other)
            let cited = try citationLabels(column: kind.owner, id: other).map(\.label).joined(separator: "; ")
            try moveCitations(column: kind.owner, from: other, to: keep, toLabel: keepRef, depth: 0)
            try settleRecord(kind, keepRow: keepRow, otherRow: otherRow, cited: cited, keep: keep)
        }
        try repoint(kind: kind.kind, keep: keep, other: other, keepRef: keepRef)
        plan.actions.append(.delete(table: kind.table, id: other))
        plan.actions.append(.alias(table: kind.aliasTable, ownerColumn: kind.owner, ref: otherRef, owner: keep))
        plan.say("\(otherRef) is removed; its ref stays as an alias of \(keepRef)")
    }

    /// Single-valued fields and notes of KEEP after the merge.
    mutating func settleRecord(_ kind: Kind, keepRow: Row, otherRow: Row, cited: String, keep: Int64) throws {
        let keepRef = plan.keep, otherRef = plan.other
        var values: [(String, SQLValue)] = []
        let variants = settle(kind.fields, keep: keepRow, other: otherRow, keepLabel: keepRef, otherLabel: otherRef,
                              cited: cited, values: &values, depth: 0)
        let keepNotes = try keepRow.text("notes", table: kind.table), otherNotes = try otherRow.text("notes", table: kind.table)
        if let notes = Self.mergedNotes(keep: keepNotes, other: otherNotes, from: otherRef, variants: variants) {
            values.append(("notes", .text(notes)))
            if let otherNotes, !otherNotes.isEmpty, otherNotes != keepNotes {
                plan.say("notes of \(otherRef) → added to \(keepRef)'s notes")
            }
        }
        if !values.isEmpty { plan.actions.append(.update(table: kind.table, id: keep, values: values)) }
    }

    /// A person's names: OTHER's become variants of KEEP; exact copies are removed.
    mutating func moveNames(keep: Int64, other: Int64) throws {
        let keepRef = plan.keep, otherRef = plan.other
        let keepNames = Set(try db.fetchAll("SELECT name FROM person_name WHERE person_id = ?", [keep])
            .map { try $0.requiredText("name", table: "person_name") })
        var position = try nextPosition("person_name", column: "person_id", id: keep)
        for row in try db.fetchAll("SELECT id, name, is_primary FROM person_name WHERE person_id = ? ORDER BY is_primary DESC, position, id", [other]) {
            let id = try row.id("id", table: "person_name"), name = try row.requiredText("name", table: "person_name")
            if keepNames.contains(name) {
                plan.actions.append(.delete(table: "person_name", id: id))
                plan.say("name \"\(name)\": already a name of \(keepRef); the copy is removed")
            } else {
                plan.actions.append(.update(table: "person_name", id: id,
                                            values: [("person_id", .integer(keep)), ("is_primary", .integer(0)), ("position", .integer(Int64(position)))]))
                plan.say("name \"\(name)\"" + (row.int(2) == 1 ? " (primary name of \(otherRef))" : "") + " → a variant of \(keepRef)")
                position += 1
            }
        }
    }

    /// A person's case links: OTHER's defendant rows move to KEEP, or are
    /// merged into KEEP's row where both are defendants of one case.
    mutating func moveCaseLinks(keep: Int64, other: Int64) throws {
        let keepRef = plan.keep, otherRef = plan.other
        for row in try db.fetchAll("""
            SELECT d.id, p.ref, d.proceeding_id FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id
            WHERE d.person_id = ? ORDER BY p.date_lower, p.ref
            """, [other]) {
            let id = try row.id("id", table: "defendant"), caseRef = try row.requiredText("ref", table: "proceeding")
            if let mine = try db.fetchOne("SELECT id FROM defendant WHERE proceeding_id = ? AND person_id = ?", [row[2], keep])?[0].int64Value {
                plan.say("case \(caseRef): both are defendants; the two rows are merged into \(keepRef)'s")
                try mergeDefendantRows(from: id, into: mine, intoLabel: "\(keepRef)'s row", otherLabel: otherRef, depth: 1)
            } else {
                let counts = try db.fetchOne("""
                    SELECT (SELECT count(*) FROM charge WHERE defendant_id = ?1), (SELECT count(*) FROM event WHERE defendant_id = ?1),
                           (SELECT count(*) FROM citation WHERE defendant_id = ?1)
                           + (SELECT count(*) FROM citation c JOIN event e ON e.id = c.event_id WHERE e.defendant_id = ?1)
                    """, [id])
                plan.actions.append(.update(table: "defendant", id: id, values: [("person_id", .integer(keep))]))
                let parts = [(counts?.int(0) ?? 0, "charge"), (counts?.int(1) ?? 0, "event"), (counts?.int(2) ?? 0, "citation")]
                    .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
                plan.say("case \(caseRef): defendant row → \(keepRef)" + (parts.isEmpty ? "" : " (with " + parts.joined(separator: ", ") + ")"))
            }
        }
    }

    /// A case's defendants: OTHER's rows move to KEEP, or are merged into
    /// KEEP's row of the same person.
    mutating func moveDefendants(keep: Int64, other: Int64) throws {
        let keepRef = plan.keep, otherRef = plan.other
        var position = try nextPosition("defendant", column: "proceeding_id", id: keep)
        for row in try db.fetchAll("""
            SELECT d.id, d.person_id, x.ref FROM defendant d JOIN person x ON x.id = d.person_id
            WHERE d.proceeding_id = ? ORDER BY d.position, d.id
            """, [other]) {
            let id = try row.id("id", table: "defendant"), personRef = try row.requiredText("ref", table: "person")
            if let mine = try db.fetchOne("SELECT id FROM defendant WHERE proceeding_id = ? AND person_id = ?", [keep, row[1]])?[0].int64Value {
                plan.say("defendant \(personRef): in both cases; the two rows are merged into \(keepRef)'s")
                try mergeDefendantRows(from: id, into: mine, intoLabel: "the row in \(keepRef)", otherLabel: otherRef, depth: 1)
            } else {
                plan.actions.append(.update(table: "defendant", id: id,
                                            values: [("proceeding_id", .integer(keep)), ("position", .integer(Int64(position)))]))
                plan.say("defendant \(personRef) → \(keepRef) (with charges, events and citations)")
                position += 1
            }
        }
    }

    // MARK: Judgements and aliases

    /// Points OTHER's not-duplicate judgements and aliases at KEEP.
    mutating func repoint(kind: DuplicateKind, keep: Int64, other: Int64, keepRef: String) throws {
        let (a, b, aliasTable, owner, refTable) = kind == .person
            ? ("person_a", "person_b", "person_alias", "person_id", "person")
            : ("proceeding_a", "proceeding_b", "proceeding_alias", "proceeding_id", "proceeding")
        for row in try db.fetchAll("""
            SELECT n.id, CASE WHEN n.\(a) = ?1 THEN n.\(b) ELSE n.\(a) END, x.ref FROM not_duplicate n
            JOIN \(refTable) x ON x.id = CASE WHEN n.\(a) = ?1 THEN n.\(b) ELSE n.\(a) END
            WHERE n.\(a) = ?1 OR n.\(b) = ?1 ORDER BY n.id
            """, [other]) {
            let id = row[0].int64Value ?? 0, third = row[1].int64Value ?? 0, thirdRef = row.string(2) ?? ""
            let pair = PairKey(keep, third)
            if try archive.notDuplicateRow(kind: kind, keep, third) != nil {
                plan.actions.append(.delete(table: "not_duplicate", id: id))
                plan.say("judgement \(plan.other) ≠ \(thirdRef): \(keepRef) ≠ \(thirdRef) is recorded already; removed")
            } else {
                plan.actions.append(.update(table: "not_duplicate", id: id, values: [(a, .integer(pair.low)), (b, .integer(pair.high))]))
                plan.say("judgement \(plan.other) ≠ \(thirdRef) → \(keepRef) ≠ \(thirdRef)")
            }
        }
        for row in try db.fetchAll("SELECT id, ref FROM \(aliasTable) WHERE \(owner) = ? ORDER BY id", [other]) {
            plan.actions.append(.update(table: aliasTable, id: row[0].int64Value ?? 0, values: [(owner, .integer(keep))]))
            plan.say("alias \(row.string(1) ?? "") (merged into \(plan.other) earlier) → \(keepRef)")
        }
    }
}
