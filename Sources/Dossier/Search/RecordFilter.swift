import DossierStorage
import DossierDomain
import Foundation

/// The filters `search` and `stats` share: which defendants to look at.
///
/// SQL is built over the aliases `d` (defendant), `p` (proceeding) and
/// `x` (person); every value is bound, never interpolated.
public struct RecordFilter: Sendable, Equatable {
    /// A name, matched through the name index (see `NameSearch`).
    public var name: String?
    /// A charge: statute reference or category, whole-part prefix match.
    public var charge: String?
    public var outcomes: [Outcome] = []
    public var bodyKinds: [BodyKind] = []
    /// Only the decisions of one kind of body: courts, extrajudicial
    /// bodies, or investigating organs (`BodyKind.jurisdiction`).
    public var jurisdiction: Jurisdiction?

    /// true: only court verdicts; false: only extrajudicial bodies.
    public var judicial: Bool? {
        get { jurisdiction.flatMap { $0 == .court ? true : $0 == .extrajudicial ? false : nil } }
        set { jurisdiction = newValue.map { $0 ? .court : .extrajudicial } }
    }
    public var categories: [Category] = []
    /// A place, in any of its names, scripts or spellings: the cases whose
    /// place the gazetteer reads as that place or a place inside it (at the
    /// case's date). A place the gazetteer does not know is matched as a
    /// case-insensitive substring of the place as written.
    public var place: String?
    /// A birthplace, matched like `place` (dates: the date of birth).
    public var birthplace: String?
    /// A nationality in any of its written forms: `латышка` finds латыш,
    /// латышка and Latvian (`Nationality.group`).
    public var nationality: String?
    /// EDTF bounds on the decision date (the case's date).
    public var from: String?
    public var to: String?
    /// EDTF: only persons whose date of birth overlaps it (`1899`,
    /// `1895/1900`, `1899-05`); an unknown birth date does not match.
    public var born: String?
    /// When true, dates must lie entirely within from…to; otherwise a date
    /// range that overlaps from…to matches.
    public var within = false

    public init() {}

    public var isEmpty: Bool { self == RecordFilter() }

    /// A clause for `WHERE` (or "1" when empty) and its bindings.
    /// - Parameter personIDs: the ids a name filter resolved to (when
    ///   `name` is set), passed in by the caller that ran the name search.
    /// - Throws: `DataError` for an unreadable charge or date.
    public func sql(defaultCode: String) throws -> (String, [SQLBindable]) {
        var clauses: [String] = []
        var bindings: [SQLBindable] = []
        if let charge {
            let query: ChargeQuery?
            do { query = try ChargeQuery(charge, defaultCode: defaultCode) } catch let error as ChargeError {
                throw DataError(field: "--charge", problem: error.problem)
            }
            if let query {
                let (condition, values) = query.sqlCondition
                // Unqualified `ref` resolves to the innermost table, charge.
                clauses.append("EXISTS (SELECT 1 FROM charge WHERE charge.defendant_id = d.id AND (\(condition)))")
                bindings += values.map { $0 as SQLBindable }
            }
        }
        if !outcomes.isEmpty {
            clauses.append("d.outcome IN (" + outcomes.map { _ in "?" }.joined(separator: ", ") + ")")
            bindings += outcomes.map { $0.rawValue as SQLBindable }
        }
        var kinds = bodyKinds
        if let jurisdiction {
            let allowed = jurisdiction.bodyKinds
            kinds = kinds.isEmpty ? allowed : kinds.filter(allowed.contains)
            if kinds.isEmpty { clauses.append("0") }
        }
        if !kinds.isEmpty {
            clauses.append("p.body_kind IN (" + kinds.map { _ in "?" }.joined(separator: ", ") + ")")
            bindings += kinds.map { $0.rawValue as SQLBindable }
        }
        if !categories.isEmpty {
            clauses.append("p.category IN (" + categories.map { _ in "?" }.joined(separator: ", ") + ")")
            bindings += categories.map { $0.rawValue as SQLBindable }
        }
        if let place {
            let (clause, values) = Self.placeClause(place, table: "proceeding_place", key: "proceeding_id", row: "p.id",
                                                     text: "p.place", lower: "p.date_lower", upper: "p.date_upper")
            clauses.append(clause)
            bindings += values
        }
        if let birthplace {
            let (clause, values) = Self.placeClause(birthplace, table: "person_birthplace", key: "person_id", row: "x.id",
                                                     text: "x.birthplace", lower: "x.birth_lower", upper: "x.birth_upper")
            clauses.append(clause)
            bindings += values
        }
        if let nationality {
            guard let group = Nationality.group(nationality) else {
                throw DataError(field: "--nationality", problem: "empty", expected: "a nationality, e.g. латыш or Latvian")
            }
            clauses.append("dossier_nationality(x.nationality) = ?")
            bindings.append(group)
        }
        func bound(_ text: String, field: String) throws -> EDTFDate {
            do { return try DateReader.read(text).date } catch {
                throw DataError(field: field, problem: error.problem, expected: error.expectation)
            }
        }
        if let from, let to, let start = try bound(from, field: "--from").lower, let end = try bound(to, field: "--to").upper,
           start > end {
            // Nothing can match: a mistake on the command line, not an empty result.
            throw UsageError("--from \(from) is after --to \(to): no date lies in that range (give the earlier date to --from)")
        }
        if let from {
            let date = try bound(from, field: "--from")
            if let lower = date.lower {
                // Overlap: the case's latest day is on or after `from`.
                // Within: its earliest day is.
                clauses.append(within ? "p.date_lower >= ?" : "p.date_upper >= ?")
                bindings.append(lower)
            }
        }
        if let to {
            let date = try bound(to, field: "--to")
            if let upper = date.upper {
                clauses.append(within ? "p.date_upper <= ?" : "p.date_lower <= ?")
                bindings.append(upper)
            }
        }
        if let born {
            let date = try bound(born, field: "--born")
            // Overlap, as --from/--to read ranges; open ends stay open.
            guard date.lower != nil || date.upper != nil else {
                throw DataError(field: "--born", problem: "no date (unknown or open at both ends)", expected: "EDTF, e.g. 1899 or 1895/1900")
            }
            clauses.append("(x.birth_lower IS NOT NULL OR x.birth_upper IS NOT NULL)")
            if let lower = date.lower {
                clauses.append("coalesce(x.birth_upper, x.birth_lower) >= ?")
                bindings.append(lower)
            }
            if let upper = date.upper {
                clauses.append("coalesce(x.birth_lower, x.birth_upper) <= ?")
                bindings.append(upper)
            }
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), bindings)
    }

    /// The condition for `--place`/`--birthplace`: the rows whose reading
    /// is one of the places the query names or a place inside one of them
    /// while it was inside (by the row's date; an undated row matches any
    /// time), or an unresolved row whose candidates are exactly the places
    /// an ambiguous query names. A query naming no place of the gazetteer
    /// is a substring of the text as written.
    static func placeClause(_ query: String, table: String, key: String, row: String, text: String,
                            lower: String, upper: String) -> (String, [SQLBindable]) {
        let gazetteer = Gazetteers.standard
        let ids = gazetteer.places(matching: query)
        guard !ids.isEmpty else { return ("instr(lower(\(text)), lower(?)) > 0", [query]) }
        var parts: [String] = []
        var values: [SQLBindable] = []
        var seen = Set<String>()
        for id in ids {
            for inside in gazetteer.placesWithin(id) where seen.insert("\(inside.id)|\(inside.lower ?? 0)|\(inside.upper ?? 0)").inserted {
                var part = "g.place_id = ?"
                values.append(inside.id)
                if let lo = inside.lower { part += " AND (\(upper) IS NULL OR \(upper) >= ?)"; values.append(lo) }
                if let hi = inside.upper { part += " AND (\(lower) IS NULL OR \(lower) <= ?)"; values.append(hi) }
                parts.append("(" + part + ")")
            }
        }
        if ids.count > 1 {
            parts.append("(g.place_id IS NULL AND g.candidates = ?)")
            values.append(ids.sorted().joined(separator: " "))
        }
        return ("EXISTS (SELECT 1 FROM \(table) g WHERE g.\(key) = \(row) AND (" + parts.joined(separator: " OR ") + "))", values)
    }
}
