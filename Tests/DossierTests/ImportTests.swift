@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct ImportTests {
    static let sources = """
        [{"id": "kp-len-3", "type": "book", "title": "Ленинградский мартиролог. Т. 3", "issued": {"date-parts": [[1998]]}},
         {"id": "memo-list", "type": "dataset", "title": "Жертвы политического террора в СССР"}]
        """

    /// A test archive holding the two sources above.
    func archiveWithSources() throws -> TestArchive {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, Self.sources, format: .cslJSON, path: "sources.json")
        return test
    }

    static let rows = """
        case_ref,person_ref,name,name_variants,sex,birth,birthplace,body,body_kind,category,place,trial_date,charges,charge_text,outcome,sentence,term_years,outcome_date,executed_date,rehabilitated_date,source_key,locator
        LEN-1937-1,P1,Пряников Савелий Игнатьевич,"Pryanikov, Savelii; Prianikov, S. I.",m,1885-03-14,Вятка,Тройка при УНКВД по Ленинградской обл.,troika,political,Ленинград,1937-11-05,58-10; 58-11,к-р агитация,convicted,ВМН,,1937-11-05,1937-11-20,1958-06-14,kp-len-3,p. 12
        LEN-1937-1,P2,Петров Иван,,m,1890,,Тройка при УНКВД по Ленинградской обл.,troika,political,Ленинград,1937-11-05,58-6-7-8-11,шпионаж,convicted,"10 лет ИТЛ, ""строгий"" режим",10,1937-11-05,,,kp-len-3,p. 13
        LEN-1937-1,P1,"Pryanikov, Savelii Ignatevich",,m,1885,,"NKVD troika, Leningrad oblast",troika,political,Leningrad,1937-11,58-10; 58-11,,unknown,,,,1937-11,,memo-list,
        """

    @Test func caseRowsBuildCasesPersonsChargesEventsAndCitations() throws {
        let test = try archiveWithSources()
        let report = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        #expect(report.records == 3)
        #expect(report.tally.created == ["case": 1, "person": 2, "defendant": 2])
        let doc = try #require(try test.archive.loadCase(ref: "LEN-1937-1"))
        #expect(doc.bodyKind == .troika)
        #expect(doc.body == "Тройка при УНКВД по Ленинградской обл.")
        #expect(doc.trialDate == "1937-11-05")
        #expect(doc.defendants.map(\.person.ref) == ["P1", "P2"])
        let pryanikov = doc.defendants[0]
        #expect(pryanikov.person.name == "Пряников Савелий Игнатьевич")
        // The third row is another attestation: its spelling becomes a variant.
        #expect(pryanikov.person.nameVariants == ["Pryanikov, Savelii", "Prianikov, S. I.", "Pryanikov, Savelii Ignatevich"])
        #expect(pryanikov.person.birth == "1885-03-14")
        #expect(pryanikov.charges.map(\.ref) == ["RSFSR-1926:58-10", "RSFSR-1926:58-11"])
        #expect(pryanikov.events.map(\.kind) == [.executed, .rehabilitated])
        #expect(pryanikov.events.map(\.date) == ["1937-11-20", "1958-06-14"])
        #expect(pryanikov.outcome == .convicted)
        // Its other readings of the case are kept in its own citation.
        #expect(pryanikov.citations.map(\.sourceKey) == ["kp-len-3", "memo-list"])
        #expect(pryanikov.citations[0].note == nil)
        #expect(pryanikov.citations[1].note == "other reading: body \"NKVD troika, Leningrad oblast\", place \"Leningrad\"")
        let petrov = doc.defendants[1]
        #expect(petrov.charges.map(\.ref) == ["RSFSR-1926:58-6", "RSFSR-1926:58-7", "RSFSR-1926:58-8", "RSFSR-1926:58-11"])
        #expect(petrov.sentence == "10 лет ИТЛ, \"строгий\" режим")
        #expect(petrov.termYears == 10)
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        let test = try archiveWithSources()
        _ = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        let export = try ImportTestSupport.export(test.archive)
        let counts = try ImportTestSupport.counts(test.archive)
        let again = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        #expect(!again.tally.changedAnything)
        #expect(again.tally.unchanged == ["case": 1, "person": 2, "defendant": 2])
        #expect(again.tally.summary == "unchanged 1 case, 2 defendants, 2 persons")
        // No new change or history rows either.
        #expect(try ImportTestSupport.counts(test.archive) == counts)
        #expect(try ImportTestSupport.export(test.archive) == export)
    }

    @Test func aChangedFieldUpdatesTheRecordAndHistoryKeepsTheOldValue() throws {
        let test = try archiveWithSources()
        _ = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        let changed = Self.rows.replacingOccurrences(of: "Вятка", with: "Vyatka")
        let report = try ImportTestSupport.importText(test.archive, changed, format: .csv, path: "rows.csv")
        #expect(report.tally.updated == ["person": 1])
        #expect(try test.archive.loadPerson(ref: "P1")?.birthplace == "Vyatka")
        let before = try test.db.scalar("""
            SELECT json_extract(before, '$.birthplace') FROM history
            WHERE table_name = 'person' AND op = 'update' ORDER BY id DESC LIMIT 1
            """).stringValue
        #expect(before == "Вятка")
    }

    @Test func anEmptyCellNeverErases() throws {
        let test = try archiveWithSources()
        _ = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        let partial = """
            case_ref,person_ref,name,birthplace,outcome
            LEN-1937-1,P1,Пряников Савелий Игнатьевич,,
            """
        let report = try ImportTestSupport.importText(test.archive, partial, format: .csv, path: "partial.csv")
        #expect(!report.tally.changedAnything)
        #expect(try test.archive.loadPerson(ref: "P1")?.birthplace == "Вятка")
        #expect(try test.archive.loadCase(ref: "LEN-1937-1")?.defendants.first?.outcome == .convicted)
    }

    @Test func aLaterRowMakesADateMorePrecise() throws {
        let test = try TestArchive()
        let text = """
            case_ref,person_ref,name,birth,body_kind
            c-1,p-1,Пряников,1885,troika
            c-1,p-1,Пряников,1885-03-14,troika
            """
        _ = try ImportTestSupport.importText(test.archive, text, format: .csv)
        #expect(try test.archive.loadPerson(ref: "p-1")?.birth == "1885-03-14")
        let counts = try ImportTestSupport.counts(test.archive)
        // Importing again: the first row's "1885" contains the stored day, so it agrees.
        let again = try ImportTestSupport.importText(test.archive, text, format: .csv)
        #expect(!again.tally.changedAnything)
        #expect(try ImportTestSupport.counts(test.archive) == counts)
    }

    @Test func aCodedValueContradictingAnEarlierRowIsRefused() throws {
        let test = try TestArchive()
        let text = """
            case_ref,person_ref,name,outcome,body_kind
            c-1,p-1,Пряников,convicted,troika
            c-1,p-1,Пряников,acquitted,troika
            """
        do {
            _ = try ImportTestSupport.importText(test.archive, text, format: .csv, path: "x.csv")
            Issue.record("accepted")
        } catch let error as DataErrors {
            #expect(error.description == "x.csv:3: outcome: defendant p-1 in case c-1 is \"acquitted\" here but \"convicted\" on an earlier row (line 2) (expected the same outcome on every row of the defendant, or an empty cell)")
        }
        #expect(try test.count("proceeding") == 0)
    }

    @Test func dryRunReportsAndWritesNothing() throws {
        let test = try archiveWithSources()
        let counts = try ImportTestSupport.counts(test.archive)
        let report = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, dryRun: true)
        #expect(report.dryRun)
        #expect(report.tally.created == ["case": 1, "person": 2, "defendant": 2])
        #expect(try ImportTestSupport.counts(test.archive) == counts)
    }

    @Test func spreadsheetEscapesAreUndone() throws {
        let test = try TestArchive()
        let text = """
            case_ref,person_ref,name,sentence,body_kind
            c-1,p-1,'=Пряников,'+10 years,troika
            c-1,p-2,'Петров,'-,troika
            """
        _ = try ImportTestSupport.importText(test.archive, text, format: .csv)
        let doc = try #require(try test.archive.loadCase(ref: "c-1"))
        #expect(doc.defendants.map(\.person.name) == ["=Пряников", "'Петров"])
        #expect(doc.defendants.map(\.sentence) == ["+10 years", "-"])
    }

    @Test(arguments: ["=1+1", "+7", "-3", "@SUM(A1)", "\tx", "\rx", "'quoted", "''", "plain", "ll. 12-14"])
    func neutralisedCellsComeBackAsTheyWere(text: String) {
        let cell = SpreadsheetCell.neutralised(text)
        if let first = cell.unicodeScalars.first {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first))
        }
        #expect(SpreadsheetCell.restored(cell) == text)
    }

    @Test func jsonLinesCarrySourcesAndPersonsInNoCase() throws {
        let test = try TestArchive()
        let text = """
            {"source": {"id": "memo-list", "type": "dataset", "title": "Жертвы политического террора", "issued": {"date-parts": [[2016]]}}}
            {"person": {"person_ref": "p-lone", "name": "Одинокий", "citations": [{"source_key": "memo-list", "locator": "no. 7"}]}}
            {"case_ref": "c-1", "body_kind": "troika", "category": "political", "defendants": [{"person": {"person_ref": "p-1", "name": "Пряников"}, "outcome": "convicted", "citations": [{"source_key": "memo-list"}]}]}
            """
        let report = try ImportTestSupport.importText(test.archive, text, format: .jsonl)
        #expect(report.tally.created == ["source": 1, "person": 2, "case": 1, "defendant": 1])
        #expect(try test.archive.loadSource(key: "memo-list")?.issued == "2016")
        #expect(try test.archive.loadPerson(ref: "p-lone")?.citations.map(\.locator) == ["no. 7"])
        let again = try ImportTestSupport.importText(test.archive, text, format: .jsonl)
        #expect(!again.tally.changedAnything)
    }

    @Test func aSourceTwiceInJSONLinesIsRefused() throws {
        let test = try TestArchive()
        let line = #"{"source": {"id": "memo-list", "type": "dataset", "title": "T"}}"#
        do {
            _ = try ImportTestSupport.importText(test.archive, line + "\n" + line, format: .jsonl, path: "x.jsonl")
            Issue.record("accepted")
        } catch let error as DataErrors {
            #expect(error.description == "x.jsonl:2: source.id: source memo-list appears twice in this import (first on line 1) (expected each source once)")
        }
    }

    @Test func anImportRecordsTheRowsItCreatedAsIdRanges() throws {
        let test = try archiveWithSources()
        _ = try ImportTestSupport.importText(test.archive, Self.rows, format: .csv, path: "rows.csv")
        let change = try test.db.scalar("SELECT max(id) FROM change").int64Value
        for table in BulkLoad.tables where table != "source" {
            let rows = try test.count(table)
            // One range per table, covering exactly the rows created; no history row per record.
            let ranges = try test.db.fetchAll("SELECT first_id, last_id FROM history_range WHERE table_name = ? AND change_id = ?",
                                              [table, change])
            let ids = try test.db.fetchAll("SELECT min(id), max(id) FROM \(table)").first
            if rows == 0 {
                #expect(ranges.isEmpty, "\(table)")
            } else {
                #expect(ranges.count == 1, "\(table)")
                #expect(ranges.first?[0] == ids?[0] && ranges.first?[1] == ids?[1], "\(table)")
            }
            #expect(try test.db.scalar("SELECT count(*) FROM history WHERE table_name = ?", [table]).intValue == 0)
        }
        // P1's second spelling came from a later row: the insert image has it, no update is recorded.
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [change]).intValue == 0)
        #expect(try test.count("bulk_load") == 0)
        // A later import that changes an existing row records an update as before.
        _ = try ImportTestSupport.importText(test.archive, Self.rows.replacingOccurrences(of: "Вятка", with: "Vyatka"),
                                             format: .csv)
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE op = 'update' AND table_name = 'person'").intValue == 1)
        #expect(try test.count("bulk_load") == 0)
    }

    @Test func aRunMayGiveItsOwnDefaultCode() throws {
        let test = try TestArchive()
        let text = """
            case_ref,person_ref,name,charges,body_kind
            c-1,p-1,Коваль,54-10; ст. 58-10 УК РСФСР,troika
            """
        var options = ImportOptions()
        options.defaultCode = "UkrSSR-1927"
        _ = try test.archive.importFiles([ImportInput(path: "ukr.csv", format: .csv, text: text)], options: options)
        let charges = try #require(try test.archive.loadCase(ref: "c-1")?.defendants.first?.charges)
        #expect(charges.map(\.ref) == ["UkrSSR-1927:54-10", "RSFSR-1926:58-10"])
    }

    @Test func anImportGivesNamesTheSameSearchKeysAsOneAtATime() throws {
        // Given the same persons entered by a bulk import and by `add`
        let bulk = try archiveWithSources()
        _ = try ImportTestSupport.importText(bulk.archive, Self.rows, format: .csv)
        let single = try TestArchive()
        try single.add(.person, #"{"ref": "P1", "name": "Пряников Савелий Игнатьевич", "name_variant": ["Pryanikov, Savelii", "Prianikov, S. I.", "Pryanikov, Savelii Ignatevich"]}"#)
        let keys = """
            SELECT n.name || '=' || group_concat(k.key, ' ') FROM person_name n JOIN person p ON p.id = n.person_id
            JOIN (SELECT * FROM name_key ORDER BY key) k ON k.name_id = n.id WHERE p.ref = 'P1' GROUP BY n.id ORDER BY n.name
            """
        let expected = try single.db.fetchAll(keys).compactMap { $0.string(0) }
        #expect(!expected.isEmpty)
        #expect(try bulk.db.fetchAll(keys).compactMap { $0.string(0) } == expected)
    }

    @Test func aLargeImportUsesTheRollbackJournalAndLeavesWAL() throws {
        let test = try archiveWithSources()
        var options = ImportOptions()
        options.rollbackJournalBytes = 0
        _ = try test.archive.importFiles([ImportInput(path: "rows.csv", format: .csv, text: Self.rows)], options: options)
        #expect(try test.db.scalar("PRAGMA journal_mode").stringValue == "wal")
        #expect(try test.count("defendant") == 2)
        // A failing large import leaves nothing either.
        let counts = try ImportTestSupport.counts(test.archive)
        #expect(throws: DataErrors.self) {
            _ = try test.archive.importFiles([ImportInput(path: "bad.csv", format: .csv,
                                                          text: "case_ref,person_ref,name\nc-9,p-9,\n")], options: options)
        }
        #expect(try ImportTestSupport.counts(test.archive) == counts)
        #expect(try test.db.scalar("PRAGMA journal_mode").stringValue == "wal")
    }
}
