@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// A published site in a temporary folder: the archive it came from, the
/// copy opened read-only with the name functions registered (as the
/// extension registers them in Datasette), and the metadata read back.
final class PublishedSite {
    /// The archive published (kept alive while the site is used).
    let source: TestArchive?
    let archive: Archive
    let folder: URL
    let report: PublishReport?
    let copy: Connection
    let metadata: [String: Any]
    private let removeWhenDone: Bool

    /// Publishes `source` into a new temporary folder.
    init(_ source: TestArchive, name: String = "archive") throws {
        self.source = source
        archive = source.archive
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-site-\(UUID().uuidString)")
        var options = PublishOptions(directory: folder.path)
        options.name = name
        options.license = "CC BY 4.0"
        report = try source.archive.publish(options)
        removeWhenDone = true
        (copy, metadata) = try PublishedSite.open(folder, name: name)
    }

    /// Opens a site published earlier.
    private init(archivePath: String, folder: URL) throws {
        source = nil
        archive = try Archive(path: archivePath, readOnly: true)
        self.folder = folder
        report = nil
        removeWhenDone = false
        (copy, metadata) = try PublishedSite.open(folder, name: "archive")
    }

    private static func open(_ folder: URL, name: String) throws -> (Connection, [String: Any]) {
        let copy = try Connection(path: folder.appendingPathComponent(name + ".db").path, mode: .readOnly)
        try NameSQL.register(on: copy)
        let data = try Data(contentsOf: folder.appendingPathComponent("metadata.json"))
        return (copy, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
    }

    /// The fixtures (30 real cases), published once per test run and
    /// shared by the tests that only read them.
    static func fixtures() throws -> PublishedSite {
        let (archivePath, folder) = try sharedFixtures.get()
        return try PublishedSite(archivePath: archivePath, folder: URL(fileURLWithPath: folder))
    }

    private static let sharedRoot = FileManager.default.temporaryDirectory
        .appendingPathComponent("dossier-publish-tests-\(UUID().uuidString)").path

    private static let sharedFixtures = Result<(String, String), any Error> {
        try FileManager.default.createDirectory(atPath: sharedRoot, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: PublishedSite.sharedRoot) }
        let archivePath = (sharedRoot as NSString).appendingPathComponent("fixtures.sqlite")
        let folder = (sharedRoot as NSString).appendingPathComponent("site")
        let archive = try Archive(path: archivePath)
        _ = try Tour.build(archive)
        var options = PublishOptions(directory: folder)
        options.license = "CC BY 4.0"
        _ = try archive.publish(options)
        try archive.db.close()
        return (archivePath, folder)
    }

    deinit {
        try? copy.close()
        if removeWhenDone { try? FileManager.default.removeItem(at: folder) }
    }

    var database: [String: Any] { (metadata["databases"] as? [String: Any])?["archive"] as? [String: Any] ?? [:] }
    var tables: [String: [String: Any]] { database["tables"] as? [String: [String: Any]] ?? [:] }

    /// Runs a canned query from the metadata with named parameters.
    func query(_ name: String, _ parameters: [String: String] = [:]) throws -> [Row] {
        let queries = database["queries"] as? [String: [String: Any]] ?? [:]
        let sql = try #require(queries[name]?["sql"] as? String, "no canned query \(name)")
        let statement = try copy.prepare(sql)
        for (key, value) in parameters { try statement.bind(value, named: ":" + key) }
        var rows: [Row] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    func columns(_ table: String) throws -> [String] {
        try copy.fetchAll("SELECT name FROM pragma_table_info(?)", [table]).compactMap { $0.string(0) }
    }
}

@Suite struct PublishTests {
    @Test func theCopyIsReadOnlyAndTheArchiveUnchanged() throws {
        let site = try PublishedSite.fixtures()
        let path = site.folder.appendingPathComponent("archive.db").path
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o444)
        #expect(try site.copy.scalar("PRAGMA journal_mode").stringValue == "delete")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        for table in ["proceeding", "defendant", "person", "source", "citation", "name_key"] {
            #expect(try site.copy.scalar("SELECT count(*) FROM \(table)") == site.archive.db.scalar("SELECT count(*) FROM \(table)"))
        }
        // The reader's views live in the copy only.
        #expect(try site.archive.db.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('case_view', 'person_label')") == .integer(0))
        #expect(try site.copy.scalar("SELECT count(*) FROM case_view") == .integer(35))
        #expect(try site.copy.scalar("SELECT count(*) FROM defendant_view") == site.archive.db.scalar("SELECT count(*) FROM defendant"))
        #expect(throws: SQLiteError.self) { try site.copy.execute("DELETE FROM person") }
    }

    @Test func everyTableAndColumnAReaderSeesIsDescribed() throws {
        let site = try PublishedSite.fixtures()
        let schema = try site.copy.fetchAll("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
            .compactMap { $0.string(0) }
        var visible: [String] = []
        for name in schema {
            let entry = site.tables[name]
            let fts = ["_data", "_idx", "_content", "_docsize", "_config"].contains { name.hasSuffix($0) }
            if entry?["hidden"] as? Bool == true || entry?["allow"] as? Bool == false || fts { continue }
            visible.append(name)
            let table = try #require(entry, "\(name) is neither described nor hidden")
            #expect((table["title"] as? String)?.isEmpty == false, "\(name) has no title")
            #expect((table["description"] as? String)?.isEmpty == false, "\(name) has no description")
            let described = table["columns"] as? [String: String] ?? [:]
            let actual = try site.columns(name)
            #expect(Set(described.keys) == Set(actual), "\(name): described \(described.keys.sorted()), has \(actual)")
            #expect(described.values.allSatisfy { !$0.isEmpty })
        }
        #expect(Set(visible) == ["case_view", "defendant_view", "person_view", "source_view", "proceeding", "person",
                                 "person_name", "defendant", "charge", "event", "source", "citation"])
        #expect(site.metadata["license"] as? String == "CC BY 4.0")
        #expect(site.metadata["source"] is String)
    }

    @Test func internalsAreHidden() throws {
        let site = try PublishedSite.fixtures()
        for name in SiteDescriptions.hiddenTables {
            #expect(site.tables[name]?["hidden"] as? Bool == true, "\(name) is not hidden")
        }
        for name in SiteDescriptions.hiddenViews {
            #expect(site.tables[name]?["allow"] as? Bool == false, "\(name) is served")
        }
    }

    @Test func facetsSortingAndSearchNameRealColumns() throws {
        let site = try PublishedSite.fixtures()
        for (name, table) in site.tables where table["columns"] != nil {
            let columns = Set(try site.columns(name))
            for key in ["facets", "sortable_columns"] {
                for column in table[key] as? [String] ?? [] {
                    #expect(columns.contains(column), "\(name).\(key): no column \(column)")
                }
            }
            for key in ["sort", "label_column", "fts_pk"] {
                if let column = table[key] as? String { #expect(columns.contains(column), "\(name).\(key): no column \(column)") }
            }
            if let fts = table["fts_table"] as? String {
                #expect(try site.copy.scalar("SELECT count(*) FROM \(fts)").intValue ?? 0 > 0)
            }
        }
        let defendants = try #require(site.tables["defendant_view"])
        #expect(Set(defendants["facets"] as? [String] ?? []).isSuperset(of: ["outcome", "body_kind", "category", "decade", "place_name"]))
    }

    @Test(arguments: ["Tuchatschewski", "Toukhatchevski", "Tukhachevksy", "M. N. Tukhachevsky", "Тухачевский М. Н.",
                      "tuhačevskij"])
    func aPersonByAnySpelling(spelling: String) throws {
        let site = try PublishedSite.fixtures()
        let rows = try site.query("person_by_name", ["name": spelling])
        #expect(rows.first?.string("person_ref") == "p-tukhachevsky-mn", "\(spelling): \(rows.map { $0.string("person_ref") ?? "" })")
        #expect(rows.first?.string("cases")?.contains("tukhachevsky-1937") == true)
        #expect(rows.first?.string("explanation")?.isEmpty == false)
    }

    @Test func theNameQueryAgreesWithDossierSearch() throws {
        let site = try PublishedSite.fixtures()
        for text in ["Бухарин Н. И.", "Jeschow", "Mandelstam", "Kamenev", "Sinjawski", "Gumilev", "Tupolew", "Florenskij",
                     "Radek", "Ivanov", "O'Brien \"", ""] {
            let rows = try site.query("person_by_name", ["name": text])
            let viaSQL = Dictionary(uniqueKeysWithValues: rows.map { ($0.string("person_ref") ?? "", $0.double("score") ?? -1) })
            var viaSwift: [String: Double] = [:]
            for hit in try site.archive.nameHits(text) {
                let ref = try site.archive.db.scalar("SELECT ref FROM person WHERE id = ?", [hit.personID]).stringValue ?? ""
                viaSwift[ref] = NameSQL.rounded(hit.match.score)
            }
            #expect(viaSQL == viaSwift, "\(text)")
        }
    }

    @Test func everyoneTriedInOneCase() throws {
        let site = try PublishedSite.fixtures()
        let rows = try site.query("case_defendants", ["case": "tukhachevsky-1937"])
        #expect(rows.count == 3)
        #expect(rows.first?.string("name")?.hasPrefix("Тухачевский") == true)
        #expect(rows.allSatisfy { $0.string("outcome") == "convicted" && $0.string("citations") != nil })
        let byTitle = try site.query("case_defendants", ["case": "Shakhty"])
        #expect(Set(byTitle.compactMap { $0.string("case_ref") }) == ["shakhty-1928"])
        #expect(try site.query("case_defendants", ["case": ""]).isEmpty)
        #expect(try site.query("case_defendants", ["case": "%"]).isEmpty)
    }

    @Test func oneCaseAsARecordCard() throws {
        let site = try PublishedSite.fixtures()
        let rows = try site.query("case_page", ["case": "tukhachevsky-1937"])
        let fields = rows.compactMap { $0.string("field") }
        #expect(fields.prefix(3) == ["Case", "Title", "Date"])
        #expect(fields.contains("Defendants") && fields.contains("Sources") && fields.contains("Events"))
        let defendants = try #require(rows.first { $0.string("field") == "Defendants" }?.string("value"))
        #expect(defendants.split(separator: "\n").count == 3)
        #expect(try site.query("case_page", ["case": "no-such-case"]).isEmpty)
    }

    @Test func outcomesByDecadeAddUp() throws {
        let site = try PublishedSite.fixtures()
        let all = try site.query("outcomes_by_decade", ["jurisdiction": ""])
        let total = all.reduce(0) { $0 + ($1.int("defendants") ?? 0) }
        #expect(try total == site.archive.db.scalar("SELECT count(*) FROM defendant").intValue)
        var shares: [String: Double] = [:]
        for row in all { shares[row.string("decade") ?? "", default: 0] += row.double("share_percent") ?? 0 }
        #expect(shares.values.allSatisfy { abs($0 - 100) < 0.5 }, "\(shares)")
        #expect(all.first?.string("decade") == "1920s")
        let extrajudicial = try site.query("outcomes_by_decade", ["jurisdiction": "extrajudicial"])
        let count = try site.archive.db.scalar("""
            SELECT count(*) FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id
            WHERE p.body_kind IN ('troika', 'dvoika', 'special_board', 'commission')
            """).intValue
        #expect(extrajudicial.reduce(0) { $0 + ($1.int("defendants") ?? 0) } == count)
        #expect(count ?? 0 > 0)
    }

    @Test func everyRecordCitingASource() throws {
        let site = try PublishedSite.fixtures()
        for row in try site.archive.db.fetchAll("SELECT s.key, count(c.id) FROM source s LEFT JOIN citation c ON c.source_id = s.id GROUP BY s.id") {
            let key = try #require(row.string(0))
            let rows = try site.query("records_citing_source", ["source": key])
            #expect(rows.count == row.int(1), "\(key)")
            #expect(rows.allSatisfy { $0.string("record_ref") != nil && $0.string("short_note") != nil && $0.string("record_label") != nil })
        }
    }

    @Test func citationsAreChicagoShortNotes() throws {
        let site = try PublishedSite.fixtures()
        let row = try #require(try site.archive.db.fetchOne("""
            SELECT s.key, c.locator, p.ref FROM citation c JOIN source s ON s.id = c.source_id
            JOIN proceeding p ON p.id = c.proceeding_id WHERE c.locator IS NOT NULL ORDER BY c.id LIMIT 1
            """))
        let source = try #require(try site.archive.loadSource(key: row.string(0) ?? ""))
        let note = Chicago.shortNote(source, locator: row.string(1)).plain
        let cell = try site.copy.scalar("SELECT citations FROM case_view WHERE ref = ?", [row.string(2)]).stringValue ?? ""
        #expect(cell.contains(note), "\(note) not in \(cell)")
        let bibliography = try site.copy.scalar("SELECT bibliography FROM source_view WHERE key = ?", [row.string(0)]).stringValue
        #expect(bibliography == Chicago.bibliographyEntry(source).plain)
    }

    @Test func searchIndexesFindNamesAndWords() throws {
        let site = try PublishedSite.fixtures()
        func match(_ table: String, _ words: String) throws -> Int {
            try site.copy.scalar("SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", [FullTextQuery.quoted(words)]).intValue ?? 0
        }
        // The people's index holds every name romanised in each system.
        #expect(try match("person_fts", "Tuchatschewski") == 1)
        #expect(try match("person_fts", "Tukhachevskii") == 1)
        #expect(try match("person_fts", "Ежов") == 1)
        #expect(try match("case_fts", "Tukhachevsky") >= 1)
        #expect(try match("search_text", "wrecking") >= 1)
    }

    @Test func decadesOnlyForDatesWithinOneDecade() throws {
        let test = try TestArchive()
        let lines = [
            #"{"case_ref":"c1","body_kind":"troika","category":"political","trial_date":"1937-11-XX","defendants":[{"person":{"person_ref":"p1","name":"Иванов Иван"},"outcome":"convicted"}]}"#,
            #"{"case_ref":"c2","body_kind":"ordinary_court","category":"criminal","trial_date":"1939/1941","defendants":[{"person":{"person_ref":"p2","name":"Petrov, Petr"},"outcome":"acquitted"}]}"#,
            #"{"case_ref":"c3","body_kind":"ordinary_court","category":"criminal","trial_date":"193X","defendants":[{"person":{"person_ref":"p3","name":"Sidorov"},"outcome":"dismissed","outcome_date":"1940-01-02"}]}"#,
            #"{"case_ref":"c4","body_kind":"other","category":"unknown","trial_date":"1937/..","defendants":[{"person":{"person_ref":"p4","name":"Robert'); DROP TABLE person;--"},"outcome":"unknown"}]}"#,
        ]
        _ = try test.archive.importFiles([ImportInput(path: "t.jsonl", format: .jsonl, text: lines.joined(separator: "\n"))])
        let site = try PublishedSite(test)
        func decade(_ ref: String) throws -> String? {
            try site.copy.scalar("SELECT decade FROM defendant_view WHERE case_ref = ?", [ref]).stringValue
        }
        #expect(try decade("c1") == "1930s")
        #expect(try decade("c2") == nil)
        #expect(try decade("c3") == "1940s")   // the outcome date wins over the case's
        #expect(try decade("c4") == nil)
        #expect(try site.copy.scalar("SELECT decade FROM case_view WHERE ref = 'c3'").stringValue == "1930s")
        let rows = try site.query("outcomes_by_decade", ["jurisdiction": ""])
        #expect(rows.map { "\($0.string("decade") ?? "") \($0.string("outcome") ?? "") \($0.int("defendants") ?? 0)" }
                == ["1930s convicted 1", "1940s dismissed 1", "undated acquitted 1", "undated unknown 1"])
        #expect(try site.query("person_by_name", ["name": "Robert'); DROP TABLE person;--"]).first?.string("person_ref") == "p4")
        #expect(try site.copy.scalar("SELECT count(*) FROM person").intValue == 4)
    }

    @Test func theHistoryIsLeftOutUnlessAskedFor() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        try test.archive.change(command: "test") {
            try test.db.execute("UPDATE person SET notes = 'private note' WHERE ref = 'p-tukhachevsky-mn'")
        }
        try test.archive.change(command: "test") {
            try test.db.execute("UPDATE person SET notes = NULL WHERE ref = 'p-tukhachevsky-mn'")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The default: no history in the copy.
        _ = try test.archive.publish(PublishOptions(directory: folder.path))
        let copy = try Connection(path: folder.appendingPathComponent("archive.db").path, mode: .readOnly)
        #expect(try copy.scalar("SELECT count(*) FROM history") == .integer(0))
        #expect(try copy.scalar("SELECT count(*) FROM history_range") == .integer(0))
        #expect(try copy.scalar("SELECT count(*) FROM change") == .integer(0))
        #expect(try copy.scalar("SELECT count(*) FROM person") == test.db.scalar("SELECT count(*) FROM person"))
        #expect(try copy.scalar("SELECT count(*) FROM case_view") == .integer(35))
        // The site's facets on the archive's own tables have indexes,
        // though the archive keeps none for an event's kind.
        #expect(try copy.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'site_event_kind'") == .integer(1))
        #expect(try test.db.scalar("SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'event' AND sql LIKE '%(kind)%'") == .integer(0))
        try copy.close()
        // The archive keeps its history.
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE after LIKE '%private note%'") == .integer(1))
        let data = try Data(contentsOf: folder.appendingPathComponent("archive.db"))
        #expect(data.range(of: Data("private note".utf8)) == nil)
        // Asked for, the history is copied whole.
        var options = PublishOptions(directory: folder.path)
        options.withHistory = true
        _ = try test.archive.publish(options)
        let kept = try Connection(path: folder.appendingPathComponent("archive.db").path, mode: .readOnly)
        #expect(try kept.scalar("SELECT count(*) FROM history") == test.db.scalar("SELECT count(*) FROM history"))
        #expect(try kept.scalar("SELECT count(*) FROM history_range") == test.db.scalar("SELECT count(*) FROM history_range"))
        #expect(try kept.scalar("SELECT count(*) FROM history_range") != .integer(0))
        #expect(try kept.scalar("SELECT count(*) FROM history WHERE after LIKE '%private note%'") == .integer(1))
        try kept.close()
    }

    @Test func publishingAgainReplacesTheSite() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        let site = try PublishedSite(test)
        try test.add(.person, #"{"ref":"p-new","name":"Новиков, Иван"}"#)
        var options = PublishOptions(directory: site.folder.path)
        _ = try test.archive.publish(options)
        let again = try Connection(path: site.folder.appendingPathComponent("archive.db").path, mode: .readOnly)
        #expect(try again.scalar("SELECT count(*) FROM person_view WHERE ref = 'p-new'") == .integer(1))
        try again.close()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        options.name = "../escape"
        #expect(throws: ArchiveError.self) { _ = try test.archive.publish(options) }
        options = PublishOptions(directory: site.folder.appendingPathComponent("metadata.json").path)
        #expect(throws: ArchiveError.self) { _ = try test.archive.publish(options) }
    }

    @Test func theReportNamesTheFilesAndTheServeCommand() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        let site = try PublishedSite(test, name: "trials")
        let report = try #require(site.report)
        #expect(report.counts["proceeding"] == 35)
        #expect(report.databasePath.hasSuffix("/trials.db"))
        #expect(report.serveCommand == "datasette serve -i \(site.folder.path)/trials.db --metadata \(site.folder.path)/metadata.json")
        #expect(report.extensionPath == nil)
        #expect(site.metadata["databases"] as? [String: Any] != nil && (site.metadata["databases"] as? [String: Any])?["trials"] != nil)
        #expect(Escaping.shellWord("my site/a'b.db") == #"'my site/a'\''b.db'"#)
        #expect(Escaping.shellWord("site/archive.db") == "site/archive.db")
    }
}

@Suite struct NameSQLTests {
    @Test func nameKeysAreWhatTheIndexStores() throws {
        let test = try TestArchive()
        try test.add(.person, #"{"ref":"p1","name":"Тухачевский, Михаил Николаевич"}"#)
        let stored = try test.db.fetchAll("SELECT key FROM name_key ORDER BY key").compactMap { $0.string(0) }
        let keys = try JSONSerialization.jsonObject(with: Data(NameSQL.nameKeys("Тухачевский, Михаил Николаевич").utf8)) as? [String]
        #expect(keys.map { Set($0) } == Set(stored))
        #expect(NameSQL.nameKeys(nil) == "[]")
    }

    @Test func queryKeysByKind() throws {
        let query = NameQuery("Tuchatschewski")
        func decode(_ text: String) throws -> [String] {
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] ?? []
        }
        let surname = try decode(NameSQL.queryKeys(query, kind: .surname))
        let typo = try decode(NameSQL.queryKeys(query, kind: .typo))
        #expect(surname == query.surnameLookupKeys && !surname.isEmpty)
        #expect(typo == query.typoLookupKeys && !typo.isEmpty)
        #expect(try decode(NameSQL.queryKeys(query)) == surname + typo)
        #expect(try NameSQL.keyKind("SURNAME") == .surname)
        #expect(try NameSQL.keyKind(nil) == .all)
        #expect(throws: NameSQLError.self) { try NameSQL.keyKind("surnames") }
    }

    @Test func scoresAndMatches() throws {
        let query = NameQuery("Tuchatschewski")
        #expect(NameSQL.score(query, stored: "Kamenev, Lev") == nil)
        #expect(NameSQL.score(query, stored: nil) == nil)
        let score = try #require(NameSQL.score(query, stored: "Тухачевский, Михаил Николаевич"))
        #expect(score > 0.7 && score < 0.95)
        let match = try #require(NameSQL.match(query, stored: "Тухачевский, Михаил Николаевич"))
        let object = try JSONSerialization.jsonObject(with: Data(match.utf8)) as? [String: Any]
        #expect(object?["score"] as? Double == score)
        #expect(object?["reason"] as? String == "transliteration")
    }

    @Test func registeredFunctionsAnswerInSQL() throws {
        let db = try Connection(path: ":memory:")
        try NameSQL.register(on: db)
        #expect(try db.scalar("SELECT dossier_name_score('Tuchatschewski', 'Тухачевский')").doubleValue ?? 0 > 0.7)
        #expect(try db.scalar("SELECT dossier_name_score('Tuchatschewski', NULL)") == .null)
        #expect(try db.scalar("SELECT json_array_length(dossier_query_keys('Tuchatschewski', 'surname'))").intValue ?? 0 > 0)
        #expect(try db.scalar("SELECT dossier_query_keys(NULL)") == .text("[]"))
        #expect(throws: SQLiteError.self) { _ = try db.scalar("SELECT dossier_query_keys('x', 'nope')") }
    }
}
