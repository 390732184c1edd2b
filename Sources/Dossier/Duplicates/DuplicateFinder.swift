import DossierStorage
import DossierDomain
import Foundation

extension Archive {
    /// Candidate duplicate pairs, best first.
    ///
    /// **Blocking.** Only records that share a surname key are compared:
    /// the `s:` keys of the name-key index, one per surname spelling class
    /// (every transliteration of a Cyrillic surname shares it). The index
    /// is read in key order, one block of persons per key; within a block,
    /// persons are compared only with those whose given name (or initial)
    /// can begin with the same sound, and persons without a given name with
    /// everyone in the block. A pair that shares several keys is compared
    /// once, in the block of the first. Cases are blocked the same way,
    /// through their defendants, and compared only within 31 days of each
    /// other's dates.
    /// - Throws: `SQLiteError`.
    public func findDuplicates(_ options: DuplicateOptions) throws -> DuplicateReport {
        try db.read {
            switch options.kind {
            case .person: return try PersonDuplicateFinder(archive: self, options: options).run()
            case .case: return try CaseDuplicateFinder(archive: self, options: options).run()
            }
        }
    }

    /// The pairs of one kind that `dossier not-duplicate` recorded as
    /// different records.
    func judgedDistinct(_ kind: DuplicateKind) throws -> Set<PairKey> {
        let (a, b) = kind == .person ? ("person_a", "person_b") : ("proceeding_a", "proceeding_b")
        return Set(try db.fetchAll("SELECT \(a), \(b) FROM not_duplicate WHERE \(a) IS NOT NULL").map { row in
            PairKey(try row.id(a, table: "not_duplicate"), try row.id(b, table: "not_duplicate"))
        })
    }

    /// Streams the surname blocks of the name-key index: (key, person ids).
    /// Surname keys are filed by the given name's first class
    /// (`s:<cross key>:<class>`, consecutive in key order); a block is every
    /// class of one cross key, named `s:<cross key>`.
    func forEachSurnameBlock(progress: (@Sendable (Int, Int, Int) -> Void)?, found: () -> Int,
                             _ body: (String, [Int64]) throws -> Void) throws {
        let total = try db.scalar("SELECT count(*) FROM name_key WHERE key >= 's:' AND key < 's;'").intValue ?? 0
        var currentKey = ""
        var members: [Int64] = []
        var seen = Set<Int64>()
        var done = 0
        try db.prepare("SELECT key, person_id FROM name_key WHERE key >= 's:' AND key < 's;' ORDER BY key").forEach { row in
            var key = row.string(at: 0) ?? ""
            if let colon = key.lastIndex(of: ":"), colon > key.index(key.startIndex, offsetBy: 1) { key = String(key[..<colon]) }
            if key != currentKey {
                if members.count > 1 && currentKey.count > 2 { try body(currentKey, members) }
                currentKey = key
                members.removeAll(keepingCapacity: true)
                seen.removeAll(keepingCapacity: true)
            }
            if let id = row.value(at: 1).int64Value, seen.insert(id).inserted { members.append(id) }
            done += 1
            if done % 25_000 == 0 { progress?(done, total, found()) }
        }
        if members.count > 1 && currentKey.count > 2 { try body(currentKey, members) }
        progress?(total, total, found())
    }
}

/// An unordered pair of row ids, lower first.
struct PairKey: Hashable {
    var low: Int64
    var high: Int64
    init(_ a: Int64, _ b: Int64) { (low, high) = a < b ? (a, b) : (b, a) }
}

/// The best pairs seen so far, bounded by the limit (0: no limit).
struct TopPairs {
    struct Entry {
        var pair: PairKey
        var evidence: Evidence
        /// Persons in the block the pair was found in.
        var blockSize = 0
    }
    let limit: Int
    var entries: [Entry] = []

    mutating func insert(_ entry: Entry) {
        entries.append(entry)
        if limit > 0 && entries.count >= 2 * limit + 64 { trim() }
    }

    mutating func trim() {
        entries.sort { ($0.evidence.score, $1.pair.low, $1.pair.high) > ($1.evidence.score, $0.pair.low, $0.pair.high) }
        if limit > 0 && entries.count > limit { entries.removeLast(entries.count - limit) }
    }
}

/// Finds duplicate persons (see `Archive.findDuplicates`).
final class PersonDuplicateFinder {
    let archive: Archive
    let options: DuplicateOptions
    let cache: PersonProfileCache
    var distinct = Set<PairKey>()
    var top: TopPairs
    var report: DuplicateReport

    init(archive: Archive, options: DuplicateOptions) {
        self.archive = archive
        cache = PersonProfileCache(archive: archive)
        self.options = options
        top = TopPairs(limit: options.limit)
        report = DuplicateReport(kind: .person, candidates: [], minScore: options.minScore)
    }

    func run() throws -> DuplicateReport {
        distinct = try archive.judgedDistinct(.person)
        try archive.forEachSurnameBlock(progress: options.progress, found: { self.report.found }) { key, ids in
            try block(key: key, ids: ids)
        }
        top.trim()
        report.candidates = try top.entries.map { try candidate($0) }
        return report
    }

    func block(key: String, ids: [Int64]) throws {
        let people = try cache.profiles(ids)
        var buckets: [UInt8: [Int]] = [:]
        var wild: [Int] = []
        for (index, person) in people.enumerated() {
            if person.givenClasses.isEmpty { wild.append(index) }
            for c in person.givenClasses { buckets[c, default: []].append(index) }
        }
        for c in buckets.keys.sorted() {
            let members = buckets[c]!
            guard members.count > 1 else { continue }
            for x in 0..<(members.count - 1) {
                let a = people[members[x]]
                for y in (x + 1)..<members.count {
                    let b = people[members[y]]
                    // A pair with several classes in common: only in the first.
                    if a.givenClasses.count > 1 || b.givenClasses.count > 1,
                       let first = a.givenClasses.first(where: { b.givenClasses.contains($0) }), first != c { continue }
                    try consider(a, b, key: key, blockSize: people.count)
                }
            }
        }
        for w in wild {
            for (index, person) in people.enumerated() where index != w {
                if person.givenClasses.isEmpty && index < w { continue }   // wild–wild once
                try consider(people[w], person, key: key, blockSize: people.count)
            }
        }
    }

    func consider(_ a: PersonProfile, _ b: PersonProfile, key: String, blockSize: Int) throws {
        // Pairs that share several surname keys are compared in the first.
        if a.surnameKeys.count > 1 || b.surnameKeys.count > 1,
           let first = a.surnameKeys.first(where: { b.surnameKeys.contains($0) }), first != key,
           a.surnameKeys.contains(key), b.surnameKeys.contains(key) { return }
        let pair = PairKey(a.id, b.id)
        if distinct.contains(pair) { report.judgedDistinct += 1; return }
        if PersonComparison.quickContradiction(a, b) { report.contradicted += 1; return }
        let names: NameAgreement
        switch PersonComparison.compareNames(a, b) {
        case .contradict: report.contradicted += 1; return
        case .unrelated: return
        case .agree(let agreement): names = agreement
        }
        report.compared += 1
        var evidence: Evidence
        do {
            evidence = try PersonComparison.evidence(a, b, names: names, blockSize: blockSize)
            if evidence.points + PersonComparison.activityCeiling < options.minScore { return }
            try PersonComparison.activity(try activity(a), try activity(b), into: &evidence)
        } catch is Contradiction {
            report.contradicted += 1
            return
        }
        guard evidence.score >= options.minScore else { return }
        report.found += 1
        top.insert(.init(pair: pair, evidence: evidence, blockSize: blockSize))
    }

    func activity(_ person: PersonProfile) throws -> PersonActivity { try cache.activity(person) }

    func candidate(_ entry: TopPairs.Entry) throws -> DuplicateCandidate {
        let loaded = try archive.personProfiles([entry.pair.low, entry.pair.high])
        guard let a = loaded[entry.pair.low], let b = loaded[entry.pair.high] else {
            throw ArchiveError("person \(entry.pair.low) or \(entry.pair.high) vanished while looking for duplicates")
        }
        let (keep, other) = try archive.personWeight(a.id) >= archive.personWeight(b.id) ? (a, b) : (b, a)
        func record(_ p: PersonProfile) -> DuplicateRecord { DuplicateRecord(ref: p.ref, label: p.primaryName, detail: p.detail) }
        // The evidence again, in keep/other order for the reader.
        var evidence = entry.evidence
        if case .agree(let names) = PersonComparison.compareNames(keep, other) {
            let (x, y) = (try cache.activity(keep), try cache.activity(other))
            do {
                var again = try PersonComparison.evidence(keep, other, names: names, blockSize: entry.blockSize)
                try PersonComparison.activity(x, y, into: &again)
                evidence = again
            } catch is Contradiction {
                // Cannot happen for a pair that was scored; keep the first account.
            }
        }
        return DuplicateCandidate(kind: .person, keep: record(keep), other: record(other), score: entry.evidence.score,
                                  evidenceFor: evidence.supporting, evidenceAgainst: evidence.opposing)
    }
}

extension Archive {
    /// How much an archive says about a person: names, cases and citations.
    /// The record with more is the one to keep.
    func personWeight(_ id: Int64) throws -> Int {
        try db.cached("""
            SELECT (SELECT count(*) FROM person_name WHERE person_id = ?1)
                 + (SELECT count(*) FROM defendant WHERE person_id = ?1)
                 + (SELECT count(*) FROM citation WHERE person_id = ?1)
                 + (SELECT count(*) FROM citation c JOIN defendant d ON d.id = c.defendant_id WHERE d.person_id = ?1)
            """).fetchOne([id])?[0].intValue ?? 0
    }
}

/// Person profiles kept between blocks (a person with names in several
/// spellings is in several blocks), up to a bound.
final class PersonProfileCache {
    let archive: Archive
    var profiles: [Int64: PersonProfile] = [:]
    /// Profiles kept at most (about 2 KB each: the allocated memory of
    /// `duplicates` stays under 200 MB at a million persons).
    static let limit = 25_000

    init(archive: Archive) { self.archive = archive }

    func profiles(_ ids: [Int64]) throws -> [PersonProfile] {
        let missing = ids.filter { profiles[$0] == nil }
        if !missing.isEmpty {
            if profiles.count + missing.count > Self.limit {
                let wanted = Set(ids)
                profiles = profiles.filter { wanted.contains($0.key) }
            }
            for (id, profile) in try archive.personProfiles(missing) { profiles[id] = profile }
        }
        return ids.compactMap { profiles[$0] }
    }

    func activity(_ person: PersonProfile) throws -> PersonActivity {
        if let known = person.activity { return known }
        let loaded = try archive.personActivity(person.id)
        person.activity = loaded
        return loaded
    }

    /// Whether two persons may be one: no contradiction, names agree.
    func compatible(_ a: PersonProfile, _ b: PersonProfile) -> NameAgreement? {
        if a.id == b.id { return NameAgreement(points: 1, notes: []) }
        if PersonComparison.quickContradiction(a, b) { return nil }
        if case .agree(let agreement) = PersonComparison.compareNames(a, b) { return agreement }
        return nil
    }
}
