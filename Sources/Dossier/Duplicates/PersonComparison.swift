import DossierDomain
import Foundation

/// Evidence for and against two records being one, with the points each
/// item adds to (or takes from) the pair's score.
struct Evidence {
    var points = 0.0
    var supporting: [String] = []
    var opposing: [String] = []

    mutating func add(_ value: Double, _ text: String) {
        points += value
        if value >= 0 { supporting.append(text) } else { opposing.append(text) }
    }

    var score: Double { min(1, max(0, points)) }
}

/// Why a pair is never proposed: the data says they are different.
struct Contradiction: Error {
    var reason: String
}

/// How two names agree, part by part.
struct NameAgreement {
    var points: Double
    var notes: [String]
}

enum NameComparison {
    case agree(NameAgreement)
    case contradict(String)
    case unrelated
}

/// Compares two persons. Cheap checks first (sex, dates, given-name and
/// patronymic keys), then the names part by part, then, for pairs that
/// could still reach the minimum score, their cases, charges and dates.
enum PersonComparison {
    /// Days by which two birth (or death) dates may miss each other and
    /// still be one person's, as sources that disagree by a year or two do.
    static let toleratedGap = 400

    // MARK: Cheap checks

    /// Rules a pair out on sex, birth and death dates, or given names and
    /// patronymics whose keys are too far apart to match.
    static func quickContradiction(_ a: PersonProfile, _ b: PersonProfile) -> Bool {
        if a.sexCode != 0 && b.sexCode != 0 && a.sexCode != b.sexCode { return true }
        if let x = a.birth, let y = b.birth, datesContradict(x, y) { return true }
        if let x = a.death, let y = b.death, datesContradict(x, y) { return true }
        if !keysMeet(a.givenKeys, b.givenKeys) { return true }
        if !keysMeet(a.patronymicKeys, b.patronymicKeys) { return true }
        return false
    }

    /// Whether two dates of one event cannot both be right: two known days
    /// that differ (but not by the 12 or 13 days of Old and New Style), or
    /// ranges more than `toleratedGap` days apart.
    @inline(__always)
    static func datesContradict(_ a: DateSpan, _ b: DateSpan) -> Bool {
        if a.isKnownDay && b.isKnownDay, let x = a.lower, let y = b.lower, x != y {
            let gap = abs(x - y)
            return !((gap == 12 || gap == 13) && min(x, y) < DateRelation.calendarReform)
        }
        if let au = a.upper, let bl = b.lower, bl - au > toleratedGap { return true }
        if let bu = b.upper, let al = a.lower, al - bu > toleratedGap { return true }
        return false
    }

    /// Whether two sets of word keys can belong to one word: any pair equal
    /// or within two edits (the name matcher decides).
    static func keysMeet(_ a: [[UInt8]], _ b: [[UInt8]]) -> Bool {
        if a.isEmpty || b.isEmpty { return true }
        for x in a {
            for y in b {
                if x == y { return true }
                if abs(x.count - y.count) <= 2 && Pivot.editDistance(x, y, limit: 2) <= 2 { return true }
            }
        }
        return false
    }

    // MARK: Names

    /// Compares every name of one person with every name of the other.
    /// Any pair of names whose surnames agree but whose given names or
    /// patronymics differ (in all their readings) rules the pair out.
    static func compareNames(_ a: PersonProfile, _ b: PersonProfile) -> NameComparison {
        var best: NameAgreement?
        var contradiction: String?
        for na in a.names {
            for nb in b.names {
                var agrees = false
                var conflict: String?
                for ra in na.readings {
                    for rb in nb.readings {
                        // Surnames whose keys are far apart cannot meet (the
                        // matcher would try every spelling to be sure).
                        guard surnameKeysNear(ra.surname.crossKeys, rb.surname.crossKeys),
                              let surname = NameMatcher.compare(ra.surname, rb.surname, surname: true) else { continue }
                        switch compare(ra, rb, surname: surname) {
                        case .agree(let agreement):
                            agrees = true
                            if best == nil || agreement.points > best!.points { best = agreement }
                        case .contradict(let why):
                            // A surname met only by sound or a typo is too weak to veto.
                            if surname.level <= .transliteration, conflict == nil { conflict = why }
                        case .unrelated: break
                        }
                    }
                }
                if !agrees, let conflict, contradiction == nil { contradiction = conflict }
            }
        }
        if let contradiction { return .contradict(contradiction) }
        if let best { return .agree(best) }
        return .unrelated
    }

    /// Whether two surnames' cross keys are equal or within the matcher's
    /// typo tolerance of each other (two edits for long keys, one else).
    static func surnameKeysNear(_ a: [[UInt8]], _ b: [[UInt8]]) -> Bool {
        for x in a {
            for y in b {
                if x == y { return true }
                let tolerance = NameMatcher.typoTolerance(max(x.count, y.count))
                if abs(x.count - y.count) <= tolerance && Pivot.editDistance(x, y, limit: tolerance) <= tolerance { return true }
            }
        }
        return false
    }

    static func surnamePoints(_ level: NameMatchReason) -> Double {
        switch level {
        case .exact, .sameScript: return 0.20
        case .transliteration: return 0.18
        case .phonetic: return 0.12
        case .typo: return 0.06
        }
    }

    static func compare(_ a: NameReading, _ b: NameReading, surname: WordMatch) -> NameComparison {
        var points = surnamePoints(surname.level)
        let sa = a.surname.word.raw, sb = b.surname.word.raw
        var notes: [String] = []
        switch surname.level {
        case .exact: notes.append("same surname \(sa)")
        case .typo: notes.append("surnames \(sa)/\(sb) (\(surname.cost == 1 ? "one letter differs" : "\(surname.cost) letters differ"))")
        default: notes.append(sa == sb ? "same surname \(sa)" : "surnames \(sa)/\(sb) (\(surname.level.rawValue))")
        }
        for (slot, label) in [(NamePartRole.given, "given name"), (.patronymic, "patronymic")] {
            let ia = slot == .given ? a.given : a.patronymic
            let ib = slot == .given ? b.given : b.patronymic
            guard let ia, let ib else { continue }
            let wa = a.others[ia], wb = b.others[ib]
            let ra = a.role(ia, slot: slot), rb = b.role(ib, slot: slot)
            let xa = wa.word.raw, xb = wb.word.raw
            guard let match = NameMatcher.compareOther(wa, ra, wb, rb) else {
                if ra == .initial || rb == .initial {
                    return .contradict("\(label) \(xa)\(ra == .initial ? "." : "")/\(xb)\(rb == .initial ? "." : "") differ")
                }
                return .contradict("\(label)s \(xa)/\(xb) differ")
            }
            if ra == .initial || rb == .initial {
                points += slot == .given ? 0.06 : 0.05
                if ra == .initial && rb == .initial {
                    notes.append("\(label) initials \(xa)./\(xb). agree")
                } else {
                    let (initial, word) = ra == .initial ? (xa, xb) : (xb, xa)
                    notes.append("\(label) initial \(initial). fits \(word)")
                }
                continue
            }
            let full: Double = slot == .given ? 0.20 : 0.15
            switch match.level {
            case .exact:
                points += full
                notes.append("same \(label) \(xa)")
            case .sameScript, .transliteration:
                points += full - 0.02
                notes.append("\(label)s \(xa)/\(xb) agree")
            case .phonetic:
                points += full - 0.05
                notes.append("\(label)s \(xa)/\(xb) sound alike")
            case .typo:
                points += full - 0.10
                notes.append("\(label)s \(xa)/\(xb) differ by \(match.cost == 1 ? "one letter" : "\(match.cost) letters")")
            }
        }
        return .agree(NameAgreement(points: points, notes: notes))
    }

    // MARK: Whole pair

    /// The most the cases, charges and dates can add.
    static let activityCeiling = 0.40

    /// The evidence on a pair from everything but cases and dates of
    /// events. Throws `Contradiction` when the data says they differ.
    static func evidence(_ a: PersonProfile, _ b: PersonProfile, names: NameAgreement, blockSize: Int) throws -> Evidence {
        var evidence = Evidence()
        evidence.points = names.points
        evidence.supporting = names.notes
        if blockSize <= 3 {
            evidence.add(0.05, "rare surname")
        } else if blockSize >= 200 {
            evidence.add(-0.05, "common surname (\(blockSize) persons share its key)")
        }
        if let x = a.birth, let y = b.birth {
            try dates(x, y, what: "birth", into: &evidence, sameDay: 0.30, sameYear: 0.18)
        }
        if let x = a.death, let y = b.death {
            try dates(x, y, what: "death", into: &evidence, sameDay: 0.15, sameYear: 0.06)
        }
        let places = "(\(a.birthplace ?? "") / \(b.birthplace ?? ""))"
        switch a.birthplaceWords.relation(to: b.birthplaceWords) {
        case .agree?:
            evidence.add(0.10, a.birthplace == b.birthplace ? "same birthplace \(a.birthplace ?? "")" : "birthplaces agree \(places)")
        case .partly(let shared)?:
            if a.birthplaceWords.comparable(with: b.birthplaceWords) {
                evidence.add(-0.04, "different birthplaces \(places), both \(shared.joined(separator: ", "))")
            }
        case .differ?:
            if a.birthplaceWords.comparable(with: b.birthplaceWords) { evidence.add(-0.06, "different birthplaces \(places)") }
        case nil: break
        }
        if let x = foldedText(a.occupation), let y = foldedText(b.occupation) {
            if x == y { evidence.add(0.03, "same occupation \(a.occupation ?? "")") }
        }
        return evidence
    }

    static func dates(_ x: DateSpan, _ y: DateSpan, what: String, into evidence: inout Evidence,
                      sameDay: Double, sameYear: Double) throws {
        switch DateRelation.of(x, y) {
        case .sameDay:
            evidence.add(sameDay, "same \(what) date \(x.text)")
        case .sameYear(let year):
            evidence.add(sameYear, x.text == y.text ? "same \(what) year \(year)" : "\(what) dates agree on \(year) (\(x.text) / \(y.text))")
        case .overlap:
            evidence.add(0.05, "\(what) dates overlap (\(x.text) / \(y.text))")
        case .calendarGap(let days):
            evidence.add(sameYear / 2, "\(what) dates \(days) days apart (\(x.text) / \(y.text)): Old Style and New Style?")
        case .differentDays:
            throw Contradiction(reason: "different \(what) dates \(x.text) / \(y.text)")
        case .apart(let days):
            if days > toleratedGap { throw Contradiction(reason: "\(what) dates \(x.text) / \(y.text) too far apart") }
            evidence.add(-0.15, "different \(what) dates (\(x.text) / \(y.text))")
        }
    }

    /// Adds what the cases, charges and dates say.
    static func activity(_ a: PersonActivity, _ b: PersonActivity, into evidence: inout Evidence) throws {
        // Deaths and executions: a person dies once.
        if !a.deaths.isEmpty && !b.deaths.isEmpty {
            var met = false
            outer: for x in a.deaths {
                for y in b.deaths {
                    switch DateRelation.of(x.date, y.date) {
                    case .sameDay, .calendarGap: met = true; break outer
                    default: continue
                    }
                }
            }
            if !met {
                throw Contradiction(reason: "died on different days (\(a.deaths[0].what) \(a.deaths[0].date.text) / \(b.deaths[0].what) \(b.deaths[0].date.text))")
            }
        }
        let shared = Set(a.cases.keys).intersection(b.cases.keys).sorted()
        if !shared.isEmpty {
            let refs = shared.compactMap { a.cases[$0] }
            evidence.add(shared.count > 1 ? 0.25 : 0.20, "both defendants in " + list(refs, limit: 3))
        }
        let charges = a.charges.intersection(b.charges).sorted()
        if !charges.isEmpty {
            evidence.add(shared.isEmpty ? 0.03 : 0.05, "charged under " + list(charges, limit: 4) + " in both")
        }
        // Known days outside the shared cases (not rehabilitations, which
        // were decreed for thousands on one day).
        var best: (Double, String)? = nil
        for x in a.dates where !shared.contains(x.caseID) && x.what != "rehabilitated" {
            for y in b.dates where !shared.contains(y.caseID) && y.what != "rehabilitated" && y.date.lower == x.date.lower {
                let item: (Double, String) = x.what == y.what
                    ? (0.12, "same date of \(noun(x.what)) \(x.date.text)")
                    : (0.06, "same date \(x.date.text) (\(noun(x.what)) / \(noun(y.what)))")
                if best == nil || item.0 > best!.0 { best = item }
            }
        }
        if let best { evidence.add(best.0, best.1) }
    }

    /// "execution" for `executed`, "trial" for the case's date.
    static func noun(_ kind: String) -> String {
        switch kind {
        case "arrested": return "arrest"
        case "executed": return "execution"
        case "commuted": return "commutation"
        case "pardoned": return "pardon"
        case "released": return "release"
        case "died_in_custody": return "death in custody"
        case "rehabilitated": return "rehabilitation"
        default: return kind
        }
    }

    static func list(_ items: [String], limit: Int) -> String {
        items.count <= limit ? items.joined(separator: ", ")
            : items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}
