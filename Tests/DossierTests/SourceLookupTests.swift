@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// `dossier sources`: finding sources by author, title words, year,
/// archival reference or key, and the records citing one.
@Suite struct SourceLookupTests {
    /// The citation fixtures, with decoys that share a word with them.
    static func archive() throws -> TestArchive {
        let test = try CiteTests.fixtureLikeArchive()
        var decoys: [Source] = []
        var edited = Source(key: "solomon1997reforming", type: "book", title: "Reforming Justice in Russia, 1864–1996")
        edited.editors = [SourceName(family: "Solomon", given: "Peter H.", suffix: "Jr.")]
        edited.publisher = "M. E. Sharpe"
        edited.issued = "1997"
        decoys.append(edited)
        var acquittal = Source(key: "acquittals1987", type: "article-journal", title: "Acquittals in Soviet Courts")
        acquittal.authors = [SourceName(family: "Smith", given: "Gordon B.")]
        acquittal.containerTitle = "Soviet Law and Government"
        acquittal.issued = "1987"
        decoys.append(acquittal)
        var otherFond = Source(key: "garf-r9401", type: "manuscript", title: "Reports to the NKVD on the 1937 operations")
        otherFond.archive = "GARF"
        otherFond.archiveLocation = "f. R-9401, op. 1, d. 4157"
        decoys.append(otherFond)
        var accented = Source(key: "zola1898", type: "article-newspaper", title: "J’accuse…!")
        accented.authors = [SourceName(family: "Zola", given: "Émile")]
        accented.containerTitle = "L’Aurore"
        accented.issued = "1898-01-13"
        decoys.append(accented)
        try test.archive.change(command: "test") {
            var tally = WriteTally()
            for source in decoys { try test.archive.upsertSource(source, tally: &tally) }
        }
        return test
    }

    func keys(_ test: TestArchive, _ text: String?) throws -> [String] {
        try test.archive.findSources(text).map(\.source.key)
    }

    @Test(arguments: [
        ("Solomon 1987", "solomon1987vanishing"),
        ("vanishing acquittal", "solomon1987vanishing"),
        ("GARF 8131", "garf-r8131-37-145"),
        ("garf-r8131-37-145", "garf-r8131-37-145"),
        ("Еремина", "eremina2000rasstrelnye"),
        ("расстрельные", "eremina2000rasstrelnye"),
        ("kononov", "kononov2010latvia"),
        ("emile zola", "zola1898"),
        ("Pravda 1936", "pravda1936sumbur"),
    ])
    func bestMatchComesFirst(text: String, key: String) throws {
        let test = try Self.archive()
        #expect(try keys(test, text).first == key)
    }

    @Test func rankingPutsAuthorAndYearAboveAMereMention() throws {
        let test = try Self.archive()
        // "Solomon" is the author of one and the editor of another; the
        // year 1987 belongs to the article and to a decoy by Smith.
        #expect(try keys(test, "Solomon 1987") == ["solomon1987vanishing"])
        let solomon = try keys(test, "Solomon")
        #expect(solomon == ["solomon1987vanishing", "solomon1997reforming"])
        // Title words: both have "acquittal(s)"; the one with both words first.
        #expect(try keys(test, "acquittal") .sorted() == ["acquittals1987", "garf-r8131-37-145", "solomon1987vanishing"])
        #expect(try keys(test, "vanishing acquittal") == ["solomon1987vanishing"])
        #expect(try keys(test, "GARF") .sorted() == ["garf-r8131-37-145", "garf-r9401"])
        #expect(try keys(test, "GARF 9401") == ["garf-r9401"])
    }

    @Test func matchesCarryTheNumberOfCitingRecords() throws {
        let test = try Self.archive()
        let counts = Dictionary(uniqueKeysWithValues: try test.archive.findSources(nil).map { ($0.source.key, $0.citedBy) })
        #expect(counts["garf-r8131-37-145"] == 3)
        #expect(counts["solomon1987vanishing"] == 2)
        #expect(counts["kononov2010latvia"] == 0)
        // Without text: every source, by key.
        let all = try keys(test, nil)
        #expect(all == all.sorted())
        #expect(try keys(test, nil).count == CitationFixtures.all.count + 4)
        #expect(try test.archive.findSources(nil, limit: 2).count == 2)
    }

    @Test(arguments: ["\"", "AND", "NEAR(", "solomon OR kononov", "*", "-", "a\"b", "col:umn", "^x"])
    func userTextIsNeverFullTextSyntax(text: String) throws {
        let test = try Self.archive()
        _ = try test.archive.findSources(text)
        #expect(try keys(test, "solomon OR kononov").isEmpty)
    }

    @Test func indexFollowsInsertsUpdatesAndDeletes() throws {
        let test = try Self.archive()
        var source = CitationFixtures.kononov
        source.title = "Kononov v. Latvia (Grand Chamber)"
        try test.archive.change(command: "test") {
            var tally = WriteTally()
            try test.archive.upsertSource(source, tally: &tally)
        }
        #expect(try keys(test, "grand chamber") == ["kononov2010latvia"])
        try test.db.execute("DELETE FROM source WHERE key = 'kononov2010latvia'")
        #expect(try keys(test, "kononov").isEmpty)
        try test.db.execute("INSERT INTO source (key, type, title, authors) VALUES ('x', 'book', 'Kolyma Tales', '[{\"family\": \"Shalamov\"}]')")
        #expect(try keys(test, "shalamov kolyma") == ["x"])
        let indexed = try test.db.scalar("SELECT count(*) FROM source_fts").intValue
        #expect(indexed == (try test.count("source")))
    }

    @Test func migrationIndexesSourcesAlreadyInTheArchive() throws {
        // Given an archive at the schema before the index, with a source
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let db = try Connection(path: path)
            try SearchIndex.registerFunctions(db)
            try Migrator(migrations: Schema.migrations.filter { $0.id < "0008" }).migrate(db)
            try db.execute("""
                INSERT INTO source (key, type, title, authors, issued, issued_lower, issued_upper)
                VALUES ('solomon1987vanishing', 'article-journal', 'The Case of the Vanishing Acquittal',
                        '[{"family": "Solomon", "given": "Peter H."}]', '1987', 6209, 6573)
                """)
            try db.close()
        }
        // When it is opened (and migrated), then the source is found.
        let archive = try Archive(path: path)
        #expect(try archive.findSources("Solomon 1987").map(\.source.key) == ["solomon1987vanishing"])
    }

    @Test func citedByListsEveryRecordWithItsLocator() throws {
        let test = try Self.archive()
        let records = try test.archive.citingRecords(sourceKey: "garf-r8131-37-145")
        #expect(records.map { "\($0.record.label) | \($0.locator ?? "") | \($0.confidence.rawValue)" } == [
            "outcome of p-nebylov in moscow-1936 |  l. 12  | disputed",
            "outcome of p-pustovik in moscow-1936 | l. 12 | confirmed",
            "executed 1936-03-12 of p-pustovik in moscow-1936 | ll. 12-14ob | confirmed",
        ])
        let solomon = try test.archive.citingRecords(sourceKey: "solomon1987vanishing").map(\.record.what)
        #expect(solomon == ["case", "event: executed 1936-03-12"])
        let persons = try test.archive.citingRecords(sourceKey: "eremina2000rasstrelnye").map(\.record.label)
        #expect(persons == ["person p-nebylov", "person p-pustovik"])
        let error = #expect(throws: NotFound.self) { try test.archive.citingRecords(sourceKey: "solomon1987") }
        let message = error?.description ?? ""
        #expect(message.contains("did you mean solomon1987vanishing"), "got: \(message)")
    }

    @Test func listingsPrintAsTableJSONAndCSV() throws {
        let test = try Self.archive()
        let matches = try test.archive.findSources("Solomon 1987")
        #expect(SourceListing.table(matches) == """
            KEY                   CITED  YEAR  AUTHOR   TITLE
            --------------------  -----  ----  -------  -----------------------------------------------------------------------------------------------
            solomon1987vanishing  2      1987  Solomon  The Case of the Vanishing Acquittal: Informal Norms and the Practice of Soviet Criminal Justice

            """)
        let csv = SourceListing.csv(try test.archive.findSources("GARF 8131"))
        #expect(csv == "key,type,cited_by,author,year,title,container_title,archive,archive_location,bibliography\r\n"
            + "garf-r8131-37-145,manuscript,3,,,Memorandum on acquittals in the courts of the RSFSR,,GARF,"
            + "\"f. R-8131, op. 37, d. 145\",\"“Memorandum on acquittals in the courts of the RSFSR.” GARF (Moscow), f. R-8131, op. 37, d. 145.\"\r\n")
        let json = SourceListing.json(matches).serialized()
        #expect(json.hasPrefix(#"[{"key":"solomon1987vanishing","type":"article-journal","cited_by":2,"author":"Solomon","year":1987,"#))
        let citing = SourceListing.table(citing: try test.archive.citingRecords(sourceKey: "solomon1987vanishing"),
                                         key: "solomon1987vanishing")
        #expect(citing == """
            CASE         PERSON      CITED FOR                   LOCATOR  CONFIDENCE
            -----------  ----------  --------------------------  -------  ----------
            moscow-1936              case                        540      probable
            moscow-1936  p-pustovik  event: executed 1936-03-12  540      unverified

            """)
    }

    @Test func csvKeepsARecordWithLineBreaksOrFormulasOnOneRow() {
        var source = Source(key: "k", type: "book", title: "=Two\r\nlines")
        source.publisher = "P"
        let csv = SourceListing.csv([SourceMatch(source: source, citedBy: 0, rank: nil)])
        #expect(csv.hasSuffix("\r\nk,book,0,,,\"'=Two\r\nlines\",,,,\"'=Two\r\nlines. P, n.d.\"\r\n"))
    }
}
