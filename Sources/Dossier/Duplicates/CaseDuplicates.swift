import DossierStorage
import DossierDomain
import Foundation

/// What duplicate detection knows about a case.
final class CaseProfile {
    let id: Int64
    let ref: String
    let title: String?
    let body: String?
    let bodyKind: String
    let category: String
    let place: String?
    let date: DateSpan?
    lazy var titleWords = PlaceWords(title)
    lazy var bodyWords = PlaceWords(body)
    lazy var placeWords = PlaceWords(place)

    init(id: Int64, ref: String, title: String?, body: String?, bodyKind: String, category: String, place: String?,
         date: DateSpan?) {
        self.id = id
        self.ref = ref
        self.title = title
        self.body = body
        self.bodyKind = bodyKind
        self.category = category
        self.place = place
        self.date = date
    }

    var label: String { title ?? body ?? ref }

    /// "1937-06-11, special_court, Moscow".
    var detail: String {
        [date?.text, bodyKind, place].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

extension Archive {
    func caseProfiles(_ ids: [Int64]) throws -> [Int64: CaseProfile] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: CaseProfile] = [:]
        try db.cached("""
            SELECT id, ref, title, body, body_kind, category, place, date, date_lower, date_upper
            FROM proceeding WHERE id IN (SELECT value FROM json_each(?))
            """).forEach([SearchIndex.jsonArray(ids.map { String($0) })]) { row in
            guard let id = row.value(at: 0).int64Value else { return }
            func text(_ i: Int) -> String? { row.string(at: i).flatMap { $0.isEmpty ? nil : $0 } }
            result[id] = CaseProfile(id: id, ref: row.string(at: 1) ?? "", title: text(2), body: text(3),
                                     bodyKind: row.string(at: 4) ?? "other", category: row.string(at: 5) ?? "unknown",
                                     place: text(6), date: DateSpan(row.string(at: 7), row.int(at: 8), row.int(at: 9)))
        }
        return result
    }

    /// The defendants of a case: person id → normalised charges.
    func caseDefendants(_ id: Int64) throws -> [(person: Int64, charges: Set<String>)] {
        var order: [Int64] = []
        var charges: [Int64: Set<String>] = [:]
        try db.cached("""
            SELECT d.person_id, c.ref FROM defendant d LEFT JOIN charge c ON c.defendant_id = d.id
            WHERE d.proceeding_id = ? ORDER BY d.position, d.id
            """).forEach([id]) { row in
            guard let person = row.value(at: 0).int64Value else { return }
            if charges[person] == nil { order.append(person); charges[person] = [] }
            if let ref = row.string(at: 1) { charges[person]!.insert(shortCharge(ref)) }
        }
        return order.map { ($0, charges[$0] ?? []) }
    }
}

/// Finds duplicate cases: two records of one proceeding, usually from two
/// sources. Blocked through their defendants' surname keys; compared only
/// when their dates are within `dateWindow` days and their defendants in
/// the block could be one person.
final class CaseDuplicateFinder {
    let archive: Archive
    let options: DuplicateOptions
    let people: PersonProfileCache
    var cases: [Int64: CaseProfile] = [:]
    var distinct = Set<PairKey>()
    var pairs = Set<PairKey>()
    var report: DuplicateReport

    /// Two records of one case may date it differently (the session and
    /// the sentence, Old Style and New Style), by up to a month.
    static let dateWindow = 31

    init(archive: Archive, options: DuplicateOptions) {
        self.archive = archive
        self.options = options
        people = PersonProfileCache(archive: archive)
        report = DuplicateReport(kind: .case, candidates: [], minScore: options.minScore)
    }

    func run() throws -> DuplicateReport {
        distinct = try archive.judgedDistinct(.case)
        let members = try archive.db.cached("SELECT proceeding_id FROM defendant WHERE person_id = ?")
        try archive.forEachSurnameBlock(progress: options.progress, found: { self.pairs.count }) { _, ids in
            // The cases of this block's persons.
            var byCase: [Int64: [Int64]] = [:]
            for person in ids {
                for row in try members.fetchAll([person]) {
                    if let c = row[0].int64Value { byCase[c, default: []].append(person) }
                }
            }
            if byCase.count > 1 { try block(byCase) }
        }
        var top = TopPairs(limit: options.limit)
        for pair in pairs {
            report.compared += 1
            guard let evidence = try score(pair) else { report.contradicted += 1; continue }
            guard evidence.score >= options.minScore else { continue }
            report.found += 1
            top.insert(.init(pair: pair, evidence: evidence))
        }
        top.trim()
        report.candidates = try top.entries.map { try candidate($0) }
        return report
    }

    func caseProfiles(_ ids: [Int64]) throws -> [CaseProfile] {
        let missing = ids.filter { cases[$0] == nil }
        if !missing.isEmpty {
            if cases.count + missing.count > PersonProfileCache.limit {
                let wanted = Set(ids)
                cases = cases.filter { wanted.contains($0.key) }
            }
            for (id, profile) in try archive.caseProfiles(missing) { cases[id] = profile }
        }
        return ids.compactMap { cases[$0] }
    }

    static func kindsMeet(_ a: CaseProfile, _ b: CaseProfile) -> Bool {
        a.bodyKind == b.bodyKind || a.bodyKind == "other" || b.bodyKind == "other"
    }

    /// Whether the dates allow one case: within the window, or one unknown.
    static func datesMeet(_ a: CaseProfile, _ b: CaseProfile) -> Bool {
        guard let x = a.date, let y = b.date else { return true }
        switch DateRelation.of(x, y) {
        case .differentDays(let days), .apart(let days): return days <= dateWindow
        default: return true
        }
    }

    func block(_ byCase: [Int64: [Int64]]) throws {
        let list = try caseProfiles(byCase.keys.sorted())
        let dated = list.filter { $0.date?.lower != nil }.sorted { ($0.date!.lower!, $0.id) < ($1.date!.lower!, $1.id) }
        let undated = list.filter { $0.date?.lower == nil }
        let persons = Dictionary(uniqueKeysWithValues: try people.profiles(Array(Set(byCase.values.joined()))).map { ($0.id, $0) })
        func consider(_ a: CaseProfile, _ b: CaseProfile) {
            let pair = PairKey(a.id, b.id)
            guard !pairs.contains(pair), Self.kindsMeet(a, b), Self.datesMeet(a, b) else { return }
            if distinct.contains(pair) { report.judgedDistinct += 1; return }
            // Some defendant of one could be some defendant of the other.
            for p in byCase[a.id] ?? [] {
                for q in byCase[b.id] ?? [] {
                    guard let x = persons[p], let y = persons[q] else { continue }
                    if people.compatible(x, y) != nil { pairs.insert(pair); return }
                }
            }
        }
        for (i, a) in dated.enumerated() {
            let reach = a.date?.upper.map { $0 + Self.dateWindow } ?? Int.max
            var j = i + 1
            while j < dated.count, dated[j].date!.lower! <= reach {
                consider(a, dated[j])
                j += 1
            }
        }
        for (i, a) in undated.enumerated() {
            for b in undated[(i + 1)...] { consider(a, b) }
            for b in dated { consider(a, b) }
        }
    }

    /// The evidence on a pair of cases, or nil when they cannot be one.
    func score(_ pair: PairKey) throws -> Evidence? {
        let loaded = try caseProfiles([pair.low, pair.high])
        guard loaded.count == 2 else { return nil }
        return try score(loaded[0], loaded[1])
    }

    func score(_ a: CaseProfile, _ b: CaseProfile) throws -> Evidence? {
        var evidence = Evidence()
        // Defendants.
        let da = try archive.caseDefendants(a.id), db = try archive.caseDefendants(b.id)
        let persons = Dictionary(uniqueKeysWithValues: try people.profiles(Array(Set(da.map(\.person) + db.map(\.person)))).map { ($0.id, $0) })
        var used = Set<Int64>()
        var agreeing: [String] = []
        var onlyA: [String] = []
        var sharedCharges = Set<String>()
        for x in da {
            guard let px = persons[x.person] else { continue }
            var best: (Int64, Double)? = nil
            for y in db where !used.contains(y.person) {
                guard let py = persons[y.person], let agreement = people.compatible(px, py) else { continue }
                if best == nil || agreement.points > best!.1 { best = (y.person, agreement.points) }
            }
            if let (match, _) = best, let py = persons[match] {
                used.insert(match)
                agreeing.append(match == x.person ? "\(px.primaryName) (same person)" : "\(px.primaryName) / \(py.primaryName)")
                if let charges = db.first(where: { $0.person == match })?.charges { sharedCharges.formUnion(x.charges.intersection(charges)) }
            } else if !used.contains(where: { persons[$0].map { people.compatible(px, $0) != nil } ?? false }) {
                // (One that matches a defendant already matched is that
                // person recorded twice in this case, not a difference.)
                onlyA.append(px.primaryName)
            }
        }
        let matchedA = da.compactMap { persons[$0.person] }
        let onlyB = db.filter { y in
            guard !used.contains(y.person), let py = persons[y.person] else { return false }
            return !matchedA.contains { people.compatible($0, py) != nil }
        }.compactMap { persons[$0.person]?.primaryName }
        guard !agreeing.isEmpty else { return nil }
        let share = Double(agreeing.count) / Double(max(da.count, db.count))
        evidence.add(0.40 * share, "defendants agree: " + PersonComparison.list(agreeing, limit: 4)
                     + " (\(agreeing.count) of \(max(da.count, db.count)))")
        if !onlyA.isEmpty { evidence.add(-0.05, "only in \(a.ref): " + PersonComparison.list(onlyA, limit: 3)) }
        if !onlyB.isEmpty { evidence.add(-0.05, "only in \(b.ref): " + PersonComparison.list(onlyB, limit: 3)) }
        if !sharedCharges.isEmpty { evidence.add(0.05, "same charges " + PersonComparison.list(sharedCharges.sorted(), limit: 4)) }
        // Dates.
        if let x = a.date, let y = b.date {
            switch DateRelation.of(x, y) {
            case .sameDay: evidence.add(0.25, "same date \(x.text)")
            case .sameYear(let year): evidence.add(0.12, x.text == y.text ? "same year \(year)" : "dates agree on \(year) (\(x.text) / \(y.text))")
            case .overlap: evidence.add(0.06, "dates overlap (\(x.text) / \(y.text))")
            case .calendarGap(let days): evidence.add(0.08, "dates \(days) days apart (\(x.text) / \(y.text)): Old Style and New Style?")
            case .differentDays(let days), .apart(let days):
                if days > Self.dateWindow { return nil }
                evidence.add(-0.10, "dates \(days) days apart (\(x.text) / \(y.text))")
            }
        }
        // Body, place, category, title.
        if a.bodyKind == b.bodyKind {
            if a.bodyKind != "other" { evidence.add(0.05, "same kind of body (\(a.bodyKind.replacingOccurrences(of: "_", with: " ")))") }
        } else if a.bodyKind != "other" && b.bodyKind != "other" {
            return nil
        }
        if let relation = a.bodyWords.relation(to: b.bodyWords) {
            if case .agree = relation {
                evidence.add(0.10, a.body == b.body ? "same body \(a.body ?? "")" : "bodies agree (\(a.body ?? "") / \(b.body ?? ""))")
            } else if a.bodyWords.comparable(with: b.bodyWords) {
                evidence.add(relation == .differ ? -0.05 : -0.03, "bodies differ (\(a.body ?? "") / \(b.body ?? ""))")
            }
        }
        if let relation = a.placeWords.relation(to: b.placeWords) {
            if case .partly = relation {
                if a.placeWords.comparable(with: b.placeWords) { evidence.add(-0.04, "different places (\(a.place ?? "") / \(b.place ?? ""))") }
            } else if relation == .differ {
                if a.placeWords.comparable(with: b.placeWords) { evidence.add(-0.08, "different places (\(a.place ?? "") / \(b.place ?? ""))") }
            } else { evidence.add(0.10, a.place == b.place ? "same place \(a.place ?? "")" : "places agree (\(a.place ?? "") / \(b.place ?? ""))") }
        }
        if a.category != b.category && a.category != "unknown" && b.category != "unknown" {
            evidence.add(-0.15, "different categories (\(a.category) / \(b.category))")
        }
        if let shared = a.titleWords.shared(with: b.titleWords), !shared.isEmpty {
            evidence.add(0.05, "titles share " + PersonComparison.list(shared, limit: 3))
        }
        return evidence
    }

    func candidate(_ entry: TopPairs.Entry) throws -> DuplicateCandidate {
        let loaded = try caseProfiles([entry.pair.low, entry.pair.high])
        guard loaded.count == 2 else { throw ArchiveError("a case vanished while looking for duplicates") }
        let (keep, other) = try archive.caseWeight(loaded[0].id) >= archive.caseWeight(loaded[1].id)
            ? (loaded[0], loaded[1]) : (loaded[1], loaded[0])
        func record(_ c: CaseProfile) -> DuplicateRecord { DuplicateRecord(ref: c.ref, label: c.label, detail: c.detail) }
        // The evidence again, in keep/other order for the reader.
        let evidence = try score(keep, other) ?? entry.evidence
        return DuplicateCandidate(kind: .case, keep: record(keep), other: record(other), score: entry.evidence.score,
                                  evidenceFor: evidence.supporting, evidenceAgainst: evidence.opposing)
    }
}

extension Archive {
    /// How much an archive says about a case: defendants and citations.
    func caseWeight(_ id: Int64) throws -> Int {
        try db.cached("""
            SELECT (SELECT count(*) FROM defendant WHERE proceeding_id = ?1)
                 + (SELECT count(*) FROM citation WHERE proceeding_id = ?1)
                 + (SELECT count(*) FROM citation c JOIN defendant d ON d.id = c.defendant_id WHERE d.proceeding_id = ?1)
            """).fetchOne([id])?[0].intValue ?? 0
    }
}
