import DossierDomain
import DossierStorage
import Foundation

/// The gazetteer the program carries (`Fixtures/gazetteer.json`).
public enum Gazetteers {
    /// The file name among the fixtures (read here, never imported).
    public static let fixtureName = "gazetteer.json"

    /// The embedded gazetteer; empty when the file cannot be read (the
    /// gazetteer tests fail then, with the line).
    public static let standard: Gazetteer = {
        guard let text = EmbeddedFixtures.file(fixtureName) else { return .empty }
        return (try? Gazetteer(json: text, file: "Fixtures/" + fixtureName)) ?? .empty
    }()

    /// A short fingerprint of the embedded gazetteer: readings made with
    /// another version are read again.
    public static let version: String = {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in (EmbeddedFixtures.file(fixtureName) ?? "").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return String(hash, radix: 16)
    }()
}

/// The readings of the places written in records (`proceeding_place`,
/// `person_birthplace`; Migrations/0020), kept in step with the records.
public enum PlaceIndex {
    struct Target {
        let table: String, key: String, source: String, text: String, date: String, lower: String, upper: String
    }
    static let targets = [
        Target(table: "proceeding_place", key: "proceeding_id", source: "proceeding", text: "place", date: "date",
               lower: "date_lower", upper: "date_upper"),
        Target(table: "person_birthplace", key: "person_id", source: "person", text: "birthplace", date: "birth",
               lower: "birth_lower", upper: "birth_upper"),
    ]

    /// What a reading was read from, as stored in `read`: a fingerprint of
    /// the gazetteer version, the text and the date (the SQL function
    /// `dossier_place_read`, registered on every archive connection).
    static func readText(_ t: Target) -> String {
        "dossier_place_read(r.\(t.text), r.\(t.date))"
    }

    /// 16 hex digits of FNV-1a over the gazetteer version, the text and
    /// the date: a row read from another text, date or gazetteer differs.
    /// Stored instead of the text itself, which the record already holds.
    public static func fingerprint(text: String?, date: String?) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        func add(_ string: String) { for byte in string.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 } }
        add(Gazetteers.version)
        add("\u{1F}")
        add(text ?? "")
        add("\u{1F}")
        add(date ?? "")
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Rows whose reading is missing or out of date, and readings of rows
    /// that have no place any more.
    static func staleSQL(_ t: Target) -> String {
        """
        SELECT r.id, r.\(t.text), r.\(t.lower), r.\(t.upper), \(readText(t)) FROM \(t.source) r
        LEFT JOIN \(t.table) x ON x.\(t.key) = r.id
        WHERE r.\(t.text) IS NOT NULL AND trim(r.\(t.text)) <> '' AND x.read IS NOT \(readText(t))
        """
    }
    static func orphanSQL(_ t: Target) -> String {
        "SELECT \(t.key) FROM \(t.table) WHERE \(t.key) NOT IN (SELECT id FROM \(t.source) WHERE \(t.text) IS NOT NULL AND trim(\(t.text)) <> '')"
    }

    /// How many readings are missing, out of date, or not what the
    /// gazetteer reads now (for `check`).
    static func staleCount(_ db: Connection, gazetteer: Gazetteer = Gazetteers.standard) throws -> Int {
        guard try exists(db) else { return 0 }
        var count = 0
        for t in targets {
            count += try db.scalar("SELECT count(*) FROM (\(staleSQL(t)))").intValue ?? 0
            count += try db.scalar("SELECT count(*) FROM (\(orphanSQL(t)))").intValue ?? 0
            count += try wrongReadings(db, t, gazetteer: gazetteer).count
        }
        return count
    }

    /// Rows whose stored reading is current by its `read` but differs from
    /// what the gazetteer reads (a reading altered by hand).
    static func wrongReadings(_ db: Connection, _ t: Target, gazetteer: Gazetteer) throws -> [Int64] {
        var wrong: [Int64] = []
        var readings = ReadingCache(gazetteer: gazetteer)
        let sql = """
            SELECT r.id, r.\(t.text), r.\(t.lower), r.\(t.upper), x.place_id, x.candidates FROM \(t.source) r
            JOIN \(t.table) x ON x.\(t.key) = r.id WHERE x.read IS \(readText(t))
            """
        try db.prepare(sql).forEach { row in
            guard let id = row.int(at: 0), let text = row.string(at: 1) else { return }
            let reading = readings.read(text, lower: row.int(at: 2), upper: row.int(at: 3))
            let candidates = reading.candidates.isEmpty ? nil : reading.candidates.joined(separator: " ")
            if row.string(at: 4) != reading.placeID || row.string(at: 5) != candidates { wrong.append(Int64(id)) }
        }
        return wrong
    }

    /// Reads every row again whose reading is not what the gazetteer reads
    /// now, then the missing and out-of-date ones (`check --fix`).
    static func rebuild(_ db: Connection, gazetteer: Gazetteer = Gazetteers.standard) throws {
        guard try exists(db) else { return }
        for t in targets {
            for id in try wrongReadings(db, t, gazetteer: gazetteer) {
                try db.executeCached("DELETE FROM \(t.table) WHERE \(t.key) = ?", [id])
            }
        }
        try refresh(db, gazetteer: gazetteer)
    }

    static func exists(_ db: Connection) throws -> Bool {
        try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('proceeding_place', 'person_birthplace')").intValue == 2
    }

    /// Reads the places of rows whose reading is missing or out of date.
    /// Runs inside the caller's transaction; the same text and date are
    /// read once. The rows are taken in batches of ids, so that memory
    /// stays bounded whatever the size of the archive.
    public static func refresh(_ db: Connection, gazetteer: Gazetteer = Gazetteers.standard) throws {
        guard try exists(db) else { return }
        for t in targets {
            try db.executeCached("DELETE FROM \(t.table) WHERE \(t.key) IN (\(orphanSQL(t)))")
            var readings = ReadingCache(gazetteer: gazetteer)
            let stale = try db.cached(staleSQL(t) + " AND r.id > ? ORDER BY r.id LIMIT \(batchSize)")
            let insert = try db.cached("INSERT OR REPLACE INTO \(t.table) (\(t.key), place_id, candidates, read) VALUES (?, ?, ?, ?)")
            var after: Int64 = .min
            while true {
                var pending: [(Int64, String, Int?, Int?, String)] = []
                try stale.forEach([after]) { statement in
                    guard let id = statement.int(at: 0), let text = statement.string(at: 1), let read = statement.string(at: 4) else { return }
                    pending.append((Int64(id), text, statement.int(at: 2), statement.int(at: 3), read))
                }
                guard let last = pending.last else { break }
                after = last.0
                for (id, text, lower, upper, read) in pending {
                    let reading = readings.read(text, lower: lower, upper: upper)
                    let candidates = reading.candidates.isEmpty ? nil : reading.candidates.joined(separator: " ")
                    try insert.execute([id, reading.placeID, candidates, read])
                }
            }
        }
    }

    /// Rows read per batch by `refresh`.
    static let batchSize = 10_000
}

/// Readings of many rows: a text is read once, and again per date only
/// when its name fits several places (the date decides nothing else; a
/// regional centre among them is chosen only after the date has been
/// applied).
struct ReadingCache {
    let gazetteer: Gazetteer
    var undated: [String: PlaceReading] = [:]
    var dated: [String: PlaceReading] = [:]

    /// Entries kept per cache before it starts again (memory stays bounded).
    static let limit = 100_000

    mutating func read(_ text: String, lower: Int?, upper: Int?) -> PlaceReading {
        if undated.count >= Self.limit { undated.removeAll(keepingCapacity: true) }
        if dated.count >= Self.limit { dated.removeAll(keepingCapacity: true) }
        let plain = undated[text] ?? gazetteer.read(text, preferringCentres: false)
        undated[text] = plain
        guard plain.placeID == nil, !plain.candidates.isEmpty else { return plain }
        let key = "\(lower ?? -1)|\(upper ?? -1)|\(text)"
        if let reading = dated[key] { return reading }
        let reading = gazetteer.read(text, lower: lower, upper: upper)
        dated[key] = reading
        return reading
    }
}
