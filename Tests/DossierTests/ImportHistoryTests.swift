@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// The compact history of a bulk import (BulkLoad): one 'insert' row per
/// created record without an after-image, which history and revert read
/// from the record itself or from the next change's `before`.
@Suite struct ImportHistoryTests {
    static let moreRows = """
        case_ref,person_ref,name,sex,birth,body_kind,category,trial_date,charges,outcome,source_key
        LEN-1938-7,P7,Смирнов Пётр Иванович,m,1901,troika,political,1938-02-01,58-10,convicted,memo-list
        LEN-1938-7,P8,Орлова Анна,f,1905,troika,political,1938-02-01,58-11,acquitted,
        """

    func archive() throws -> TestArchive {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, ImportTests.sources, format: .cslJSON, path: "sources.json")
        return test
    }

    /// The rows imported, then imported again with one birthplace spelt
    /// otherwise (an update of person P1): the two changes.
    func importThenUpdate(_ test: TestArchive) throws -> (imported: Int64, update: Int64) {
        _ = try ImportTestSupport.importText(test.archive, ImportTests.rows, format: .csv, path: "rows.csv")
        let imported = try ReliabilityData.lastChange(test.db)
        _ = try ImportTestSupport.importText(test.archive, ImportTests.rows.replacingOccurrences(of: "Вятка", with: "Vyatka"),
                                             format: .csv, path: "rows.csv")
        return (imported, try ReliabilityData.lastChange(test.db))
    }

    @Test func revertingACompactImportDeletesExactlyWhatItCreated() throws {
        let test = try archive()
        _ = try ImportTestSupport.importText(test.archive, ImportTests.rows, format: .csv, path: "rows.csv")
        let before = try ReliabilityData.fingerprint(test.db)
        let history = try test.count("history")
        _ = try ImportTestSupport.importText(test.archive, Self.moreRows, format: .csv, path: "more.csv")
        let imported = try ReliabilityData.lastChange(test.db)
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE change_id = ? AND after IS NOT NULL",
                                   [imported]).intValue == 0)
        #expect(try test.count("defendant") == 4)

        let result = try test.archive.revert(change: imported)
        #expect(try ReliabilityData.fingerprint(test.db) == before)
        #expect(result.counts["person"]?["delete"] == 2)
        #expect(result.counts["defendant"]?["delete"] == 2)
        #expect(result.counts["citation"]?["delete"] == 1)
        #expect(result.rowCount == (try test.db.scalar("SELECT count(*) FROM history WHERE change_id = ?",
                                                       [imported]).intValue))
        // The revert records full before-images, so it can itself be reverted.
        #expect(try test.count("history") == history + 2 * result.rowCount)
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE change_id = ? AND before IS NULL",
                                   [result.change]).intValue == 0)
        #expect(try test.db.scalar("SELECT count(*) FROM name_key k JOIN person p ON p.id = k.person_id WHERE p.ref = 'P7'").intValue == 0)
        #expect(try test.archive.check().isClean)

        _ = try test.archive.revert(change: result.change)
        #expect(try test.count("defendant") == 4)
        #expect(try test.archive.loadPerson(ref: "P7")?.birth == "1901")
        #expect(try test.archive.check().isClean)
    }

    @Test func aLaterEditOfAnImportedRowBlocksTheRevertUntilItIsReverted() throws {
        let test = try archive()
        let (imported, update) = try importThenUpdate(test)
        let refused = #expect(throws: RevertRefused.self) { try test.archive.revert(change: imported) }
        #expect(refused?.message.contains("later changes touched the same records") == true)
        #expect(refused?.message.contains("person P1") == true)

        // Once the update is reverted, the import's rows are as it left
        // them (the update's before-image), and the import reverts.
        _ = try test.archive.revert(change: update)
        _ = try test.archive.revert(change: imported)
        for table in BulkLoad.tables where table != "source" { #expect(try test.count(table) == 0, "\(table)") }
        #expect(try test.count("name_key") == 0)
        #expect(try test.archive.check().isClean)
    }

    @Test func historyShowsTheRowsAsTheImportLeftThem() throws {
        let test = try archive()
        let (imported, _) = try importThenUpdate(test)
        var query = HistoryQuery()
        query.change = imported
        query.rowsPerChange = nil
        let entry = try #require(try test.archive.history(query).first)
        #expect(entry.counts["person"]?["insert"] == 2)
        let person = try #require(entry.rows.first { $0.table == "person" && $0.after?.string("ref") == "P1" })
        #expect(person.op == .insert)
        #expect(person.label == "person P1")
        // As the import left it, not as the later update made it.
        #expect(person.after?.string("birthplace") == "Вятка")
        #expect(person.changedColumns.contains("birthplace"))
        let name = try #require(entry.rows.first { $0.table == "person_name" })
        #expect(name.after?.string("name") != nil)

        var scoped = HistoryQuery()
        scoped.ref = "P2"
        scoped.rowsPerChange = nil
        let forP2 = try test.archive.history(scoped)
        #expect(forP2.map(\.id) == [imported])
        #expect(forP2.first?.rows.contains { $0.table == "person" && $0.after?.string("ref") == "P2" } == true)
    }

    @Test func theTriggersAreBackAfterAnImportAndAfterAFailedOne() throws {
        let test = try archive()
        let triggers = "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)"
        let indexes = "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name)"
        let schema = [try test.db.scalar(triggers).stringValue, try test.db.scalar(indexes).stringValue]
        _ = try ImportTestSupport.importText(test.archive, ImportTests.rows, format: .csv, path: "rows.csv")
        #expect([try test.db.scalar(triggers).stringValue, try test.db.scalar(indexes).stringValue] == schema)
        #expect(throws: DataErrors.self) {
            _ = try ImportTestSupport.importText(test.archive, "case_ref,person_ref,name\nc-9,p-9,\n", format: .csv)
        }
        #expect([try test.db.scalar(triggers).stringValue, try test.db.scalar(indexes).stringValue] == schema)
        // A name added one at a time afterwards gets its keys and history from the triggers.
        _ = try test.add(.person, #"{"ref": "P9", "name": "Пряников Савелий"}"#)
        #expect(try test.db.scalar("SELECT count(*) FROM name_key k JOIN person p ON p.id = k.person_id WHERE p.ref = 'P9'").intValue ?? 0 > 0)
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE table_name = 'person' AND op = 'insert' AND after IS NOT NULL").intValue == 1)
        #expect(try test.archive.check().isClean)
    }
}

/// The name keys of a bulk import, computed in batches ahead of the insert.
@Suite struct NameKeyBatchTests {
    @Test func batchesGiveTheKeysOfDossierNameKeysForEveryName() throws {
        let test = try TestArchive()
        let names = ["Пряников Савелий Игнатьевич", "Pryanikov, Savelii", "O'Brien \"Jack\" \\ x", "Tab\there", "Шмидт Екатерина",
                     "Schmidt, Katharina", "Петров", "Ivanov I. I.", "Müller-Lüdenscheidt, Hans", "Бухарин Н. И."]
        for (index, name) in names.enumerated() {
            _ = try test.add(.person, #"{"ref": "p\#(index)", "name": \#(String(data: try JSONEncoder().encode(name), encoding: .utf8)!)}"#)
        }
        let batch = NameKeyBatch(db: test.db, batchSize: 3)
        try batch.register()
        defer { batch.finish() }
        let rows = try test.db.fetchAll("""
            SELECT n.id, (SELECT group_concat(value, '|') FROM json_each(dossier_bulk_name_keys(n.id, n.name))),
                   (SELECT group_concat(value, '|') FROM json_each(dossier_name_keys(n.name)))
            FROM person_name n ORDER BY n.id
            """)
        #expect(rows.count == names.count)
        for row in rows {
            #expect(row.string(1) != nil)
            #expect(row.string(1) == row.string(2))
        }
        // Out of order and repeated ids fall back to computing the name itself.
        let again = try test.db.fetchAll("""
            SELECT (SELECT group_concat(value, '|') FROM json_each(dossier_bulk_name_keys(n.id, n.name))),
                   (SELECT group_concat(value, '|') FROM json_each(dossier_name_keys(n.name)))
            FROM person_name n ORDER BY n.id DESC
            """)
        for row in again {
            #expect(row.string(0) != nil)
            #expect(row.string(0) == row.string(1))
        }
    }

    @Test func jsonArraysReadBackToTheSameStrings() throws {
        let test = try TestArchive()
        let strings = ["plain", "quote \" and \\ backslash", "control \u{01}\n\t", "кириллица", "", "emoji 🙂"]
        let json = NameKeyBatch.jsonArray(strings)
        let back = try test.db.fetchAll("SELECT value FROM json_each(?) ORDER BY key", [json]).map { $0.string(0) ?? "?" }
        #expect(back == strings)
        #expect(NameKeyBatch.jsonArray([]) == "[]")
    }
}
