import DossierStorage
import DossierDomain
import Foundation

/// A ref that was merged into another record and stays as its alias.
public struct MergedRef: Sendable, Equatable {
    public var ref: String
    public var kind: DuplicateKind
    /// The ref of the record it was merged into.
    public var into: String
    /// The change that merged it (`dossier revert` takes it).
    public var change: Int64?
    /// When, as recorded in the change.
    public var at: String?

    /// "p-x was merged into p-y (change 12, 2026-11-27)".
    public var description: String {
        var when: [String] = []
        if let change { when.append("change \(change)") }
        if let at { when.append(String(at.prefix(10))) }
        return "\(ref) was merged into \(into)" + (when.isEmpty ? "" : " (" + when.joined(separator: ", ") + ")")
    }

    public var json: OrderedJSON {
        var writer = JSONObjectWriter()
        writer.set("ref", ref)
        writer.set("kind", kind.rawValue)
        writer.set("into", into)
        writer.set("change", change.map { Int($0) })
        writer.set("at", at)
        return writer.json
    }
}

extension Archive {
    /// Where a merged ref went, or nil when it is not an alias (of a record
    /// of `kind`, when given).
    public func mergedRef(_ ref: String, kind: DuplicateKind? = nil) throws -> MergedRef? {
        if kind != .case, let row = try db.cached("""
            SELECT p.ref, a.change_id, c.at FROM person_alias a JOIN person p ON p.id = a.person_id
            LEFT JOIN change c ON c.id = a.change_id WHERE a.ref = ?
            """).fetchOne([ref]) {
            return MergedRef(ref: ref, kind: .person, into: row.string(0) ?? "", change: row[1].int64Value, at: row.string(2))
        }
        if kind != .person, let row = try db.cached("""
            SELECT p.ref, a.change_id, c.at FROM proceeding_alias a JOIN proceeding p ON p.id = a.proceeding_id
            LEFT JOIN change c ON c.id = a.change_id WHERE a.ref = ?
            """).fetchOne([ref]) {
            return MergedRef(ref: ref, kind: .case, into: row.string(0) ?? "", change: row[1].int64Value, at: row.string(2))
        }
        return nil
    }

    /// The error for an imported record's `field` when its ref is kept as
    /// the alias of a merged record of `kind` (a merged ref stays taken), or
    /// nil.
    func mergedRefError(_ ref: String, kind: DuplicateKind, field: String) throws -> FieldError? {
        guard let merged = try mergedRef(ref, kind: kind) else { return nil }
        let what = kind.rawValue
        return FieldError(field: field, problem: FieldProblem(
            problem: "\(ref) was merged into the \(what) \(merged.into) and is kept as an alias of it",
            expected: "the ref of the \(what) it was merged into, \(merged.into)"))
    }

    /// A person or case named by ref, for merge and not-duplicate.
    /// - Throws: `NotFound` for an unknown ref, a source key, or a ref that
    ///   was merged into another record (naming it).
    func duplicateTarget(_ ref: String) throws -> (kind: DuplicateKind, id: Int64) {
        if let id = try personID(ref) { return (.person, id) }
        if let id = try caseID(ref) { return (.case, id) }
        if let merged = try mergedRef(ref) {
            throw NotFound("\(merged.description); use \(merged.into)")
        }
        if try sourceID(ref) != nil {
            throw NotFound("\(ref) is a source; only persons and cases are merged")
        }
        let all = try db.fetchAll("SELECT ref FROM person UNION ALL SELECT ref FROM proceeding").compactMap { $0.string(0) }
        throw NotFound("no person or case \(ref)", suggestions: Suggest.close(to: ref, in: all))
    }

    /// Two refs of the same kind, different records.
    func duplicatePair(_ a: String, _ b: String) throws -> (kind: DuplicateKind, a: Int64, b: Int64) {
        let x = try duplicateTarget(a), y = try duplicateTarget(b)
        guard x.kind == y.kind else {
            throw FieldProblem(problem: "\(a) is a \(x.kind.rawValue) and \(b) a \(y.kind.rawValue)",
                               expected: "two persons or two cases")
        }
        guard x.id != y.id else {
            throw FieldProblem(problem: "\(a) and \(b) are the same record", expected: "two different records")
        }
        return (x.kind, x.id, y.id)
    }

    /// The row of `not_duplicate` that holds a pair, if any.
    func notDuplicateRow(kind: DuplicateKind, _ a: Int64, _ b: Int64) throws -> Int64? {
        let pair = PairKey(a, b)
        let sql = kind == .person
            ? "SELECT id FROM not_duplicate WHERE person_a = ? AND person_b = ?"
            : "SELECT id FROM not_duplicate WHERE proceeding_a = ? AND proceeding_b = ?"
        return try db.cached(sql).fetchOne([pair.low, pair.high])?[0].int64Value
    }
}

/// What `not-duplicate` did.
public struct NotDuplicateResult: Sendable {
    public var kind: DuplicateKind
    public var a: String
    public var b: String
    /// False when the pair was already marked (or, when removing, was not).
    public var changed: Bool
    public var removed: Bool

    public var text: String {
        switch (removed, changed) {
        case (false, true): return "\(a) and \(b) are recorded as different \(kind == .person ? "persons" : "cases"); `dossier duplicates` will not propose them again\n"
        case (false, false): return "\(a) and \(b) were already recorded as different\n"
        case (true, true): return "\(a) and \(b) are no longer recorded as different\n"
        case (true, false): return "\(a) and \(b) were not recorded as different\n"
        }
    }
}

extension Archive {
    /// Records that two persons (or two cases) are different, so that
    /// `duplicates` does not propose them again and `merge` refuses them;
    /// or, with `remove`, forgets that judgement. One change either way.
    /// - Throws: `NotFound`, `FieldProblem`, `SQLiteError`.
    public func markNotDuplicate(_ a: String, _ b: String, note: String? = nil, remove: Bool = false) throws -> NotDuplicateResult {
        let (kind, x, y) = try duplicatePair(a, b)
        let existing = try notDuplicateRow(kind: kind, x, y)
        var result = NotDuplicateResult(kind: kind, a: a, b: b, changed: false, removed: remove)
        if remove {
            guard let existing else { return result }
            try change(command: "not-duplicate", summary: "forget that \(a) and \(b) are different") {
                try db.execute("DELETE FROM not_duplicate WHERE id = ?", [existing])
            }
        } else {
            guard existing == nil else { return result }
            let pair = PairKey(x, y)
            try change(command: "not-duplicate", summary: "\(a) and \(b) are different") {
                let columns = kind == .person ? "person_a, person_b" : "proceeding_a, proceeding_b"
                try db.execute("INSERT INTO not_duplicate (\(columns), note) VALUES (?, ?, ?)", [pair.low, pair.high, note])
            }
        }
        result.changed = true
        return result
    }
}
