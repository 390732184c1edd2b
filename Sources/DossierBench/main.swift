import Dossier
import DossierStorage
import Foundation

// Search latency benchmark: dossier-bench ARCHIVE [--queries N] [--seed S] [--names-only]
//
// Builds N name queries from persons in the archive (Cyrillic as stored,
// Latin romanisations in several systems, initials, given-name-first
// forms, typos), times dossier's name search in this process, and runs
// the same queries as plain SQL (FTS5 unicode61 over the names, and LIKE)
// in the same run for comparison. Also times charge and filtered queries.

struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
    return sorted[max(0, index)]
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func report(_ label: String, _ times: [Double]) {
    let padded = label.count >= 38 ? label : label + String(repeating: " ", count: 38 - label.count)
    print(padded + String(format: " n=%5d  p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms  max %8.2f ms",
                 times.count, percentile(times, 50), percentile(times, 95), percentile(times, 99),
                 times.max() ?? 0))
}

func typo(_ word: String, _ random: inout Generator) -> String {
    var letters = Array(word)
    guard letters.count > 4 else { return word }
    let index = 1 + random.below(letters.count - 3)
    letters.swapAt(index, index + 1)
    return String(letters)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: dossier-bench ARCHIVE [--queries N] [--seed S]\n".utf8))
    exit(64)
}
let path = arguments[1]
var queryCount = 1000
var seed: UInt64 = 1
if let index = arguments.firstIndex(of: "--queries"), index + 1 < arguments.count { queryCount = Int(arguments[index + 1]) ?? 1000 }
if let index = arguments.firstIndex(of: "--seed"), index + 1 < arguments.count { seed = UInt64(arguments[index + 1]) ?? 1 }

do {
    let archive = try Archive(path: path, create: false, readOnly: true)
    // The benchmark picks its queries with SQL of its own, on a second
    // read-only connection: the archive's connection is its own.
    let db = try Connection(path: path, mode: .readOnly)
    let persons = try db.scalar("SELECT max(id) FROM person").intValue ?? 0
    let defendants = try db.scalar("SELECT count(*) FROM defendant").intValue ?? 0
    print("archive: \(persons) persons, \(defendants) defendants")
    var random = Generator(state: seed)
    // Queries with the person they should find.
    var queries: [(text: String, kind: String, personID: Int64)] = []
    let systems = TransliterationSystem.allCases
    while queries.count < queryCount {
        let id = Int64(1 + random.below(persons))
        guard let row = try db.fetchOne("SELECT name FROM person_name WHERE person_id = ? AND is_primary = 1", [id]),
              let name = row.string(0) else { continue }
        let parsed = NameParser.parse(name).first
        let surname = parsed?.surnameText ?? name
        let given = parsed?.givenNames.first
        switch random.below(6) {
        case 0: queries.append((name, "as stored", id))
        case 1:
            let system = systems[random.below(systems.count)]
            queries.append((Transliterator.romanize(name, in: system), "romanised (\(system.rawValue))", id))
        case 2:
            let initials = ((parsed?.givenNames ?? []) + (parsed?.patronymics ?? [])).compactMap { $0.first.map { "\($0)." } }
            queries.append(((initials + [surname]).joined(separator: " "), "initials", id))
        case 3: queries.append((([given].compactMap { $0 } + [surname]).joined(separator: " "), "given first", id))
        case 4:
            let latin = Transliterator.romanize(surname, in: systems[random.below(systems.count)])
            queries.append(((given.map { [Transliterator.romanize($0, in: systems[0])] } ?? []).joined() + " " + typo(latin, &random), "typo", id))
        default: queries.append((typo(surname, &random) + (given.map { " " + $0 } ?? ""), "typo (same script)", id))
        }
    }

    // dossier: name search (in-process) and the whole search with SQL.
    var nameTimes: [Double] = []
    var searchTimes: [Double] = []
    var top1 = 0, top3 = 0
    for query in queries {
        var hits: [NameHit] = []
        nameTimes.append(try milliseconds { hits = try archive.nameHits(query.text) })
        if hits.first?.personID == query.personID { top1 += 1 }
        if hits.prefix(3).contains(where: { $0.personID == query.personID }) { top3 += 1 }
        var filter = RecordFilter()
        filter.name = query.text
        searchTimes.append(try milliseconds { _ = try archive.search(SearchQuery(filter: filter, limit: 20)) })
    }
    print("\n== name queries (\(queries.count), mixed: as stored, romanised, initials, given-first, typos)")
    report("dossier name match, every match", nameTimes)
    report("dossier search --name (full)", searchTimes)
    print(String(format: "found the person: top-1 %.1f%%, top-3 %.1f%% (generated variants; a measure, not a target)",
                 100 * Double(top1) / Double(queries.count), 100 * Double(top3) / Double(queries.count)))
    print("by kind of query (search --name):")
    var kinds: [String: [Double]] = [:]
    for (index, query) in queries.enumerated() {
        let kind = query.kind.hasPrefix("romanised") ? "romanised" : query.kind
        kinds[kind, default: []].append(searchTimes[index])
    }
    for (kind, times) in kinds.sorted(by: { $0.key < $1.key }) { report("  " + kind, times) }
    if arguments.contains("--names-only") { exit(0) }

    // Baselines in the same run: FTS5 (unicode61) over names, and LIKE.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-\(UUID().uuidString).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
    let baseline = try Connection(path: scratch)
    try baseline.execute("ATTACH DATABASE ? AS archive", [path])
    let buildTime = try milliseconds {
        try baseline.write {
            try baseline.execute("CREATE VIRTUAL TABLE name_fts USING fts5(name, tokenize = 'unicode61 remove_diacritics 2')")
            try baseline.execute("INSERT INTO name_fts (rowid, name) SELECT id, name FROM archive.person_name")
        }
    }
    print(String(format: "\n(baseline FTS5 index over the names built in %.1f s)", buildTime / 1000))
    var ftsTimes: [Double] = []
    var ftsFound = 0
    var likeTimes: [Double] = []
    let fts = try baseline.prepare("""
        SELECT n.person_id FROM name_fts JOIN archive.person_name n ON n.id = name_fts.rowid
        WHERE name_fts MATCH ? LIMIT 50
        """)
    let like = try baseline.prepare("SELECT person_id FROM archive.person_name WHERE name LIKE ? LIMIT 50")
    for (index, query) in queries.enumerated() {
        let pattern = FullTextQuery.quoted(query.text)
        var found: [Int64] = []
        ftsTimes.append(try milliseconds {
            if !pattern.isEmpty { found = try fts.fetchAll([pattern]).compactMap { $0[0].int64Value } }
        })
        if found.prefix(3).contains(query.personID) { ftsFound += 1 }
        if index < 200 {   // LIKE scans the whole table: 200 queries are enough.
            let words: [String] = query.text.components(separatedBy: " ")
            let word = words.max(by: { $0.count < $1.count }) ?? query.text
            likeTimes.append(try milliseconds { _ = try like.fetchAll(["%" + word + "%"]) })
        }
    }
    print("== the same queries as plain SQL")
    report("FTS5 unicode61 MATCH, first 50", ftsTimes)
    report("LIKE '%surname%', first 50", likeTimes)
    print(String(format: "FTS5 finds the person in its first 3: %.1f%%", 100 * Double(ftsFound) / Double(queries.count)))

    // Charge and filtered queries.
    var chargeTimes: [Double] = []
    var filteredTimes: [Double] = []
    let charges = ["58-10", "58", "58-1", "58-6", "КРТД", "58-11", "59-3", "decree:1932-08-07", "58-1a", "58-8"]
    for index in 0..<200 {
        var filter = RecordFilter()
        filter.charge = charges[index % charges.count]
        chargeTimes.append(try milliseconds { _ = try archive.search(SearchQuery(filter: filter, limit: 20)) })
        var combined = RecordFilter()
        combined.name = queries[index % queries.count].text
        combined.judicial = index % 2 == 0
        combined.from = "1936"
        combined.to = "1939"
        filteredTimes.append(try milliseconds { _ = try archive.search(SearchQuery(filter: combined, limit: 20)) })
    }
    print("\n== other queries")
    report("charge (whole-part prefix), first 20", chargeTimes)
    report("name + body kind + dates, first 20", filteredTimes)
} catch {
    FileHandle.standardError.write(Data("dossier-bench: \(error)\n".utf8))
    exit(1)
}
