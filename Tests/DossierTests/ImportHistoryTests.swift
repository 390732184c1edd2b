@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// The history of a bulk import (BulkLoad): the ids of the rows it created
/// as ranges, one per table (`history_range`), which history and revert
/// read as the records themselves or the next change's `before`; and the
/// compact 'insert' rows of imports made before the ranges (migration 0017),
/// still read as before.
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

    @Test func revertingAnImportDeletesExactlyWhatItCreated() throws {
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
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [imported]).intValue == 0)
        #expect(result.rowCount == (try test.db.scalar("SELECT sum(last_id - first_id + 1) FROM history_range WHERE change_id = ?",
                                                       [imported]).intValue))
        // The revert records full before-images, so it can itself be reverted.
        #expect(try test.count("history") == history + result.rowCount)
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

    /// Invented people, in two cases sharing one of them.
    static let invented = """
        case_ref,person_ref,name,sex,birth,body_kind,category,trial_date,charges,outcome,source_key
        KAZ-1939-4,zelenin-a,Зеленин Аркадий Фомич,m,1899,troika,political,1939-03-02,58-10; 58-11,convicted,memo-list
        KAZ-1939-4,rudakova-m,Рудакова Мирра,f,1907,troika,political,1939-03-02,58-10,acquitted,
        KAZ-1939-5,zelenin-a,Зеленин Аркадий Фомич,m,1899,special_board,political,1939-06-11,58-11,convicted,
        """

    /// The ranges of a change: table → [first, last] runs.
    func ranges(_ test: TestArchive, _ change: Int64) throws -> [String: [[Int64]]] {
        var result: [String: [[Int64]]] = [:]
        for row in try test.db.fetchAll("SELECT table_name, first_id, last_id FROM history_range WHERE change_id = ? ORDER BY id",
                                        [change]) {
            result[row.string(0) ?? "", default: []].append([row[1].int64Value ?? 0, row[2].int64Value ?? 0])
        }
        return result
    }

    @Test func historyShowsAnImportAsOneChangeWithCountsPerTable() throws {
        let test = try archive()
        _ = try ImportTestSupport.importText(test.archive, ImportTests.rows, format: .csv, path: "rows.csv")
        var countsBefore: [String: Int] = [:]
        for table in BulkLoad.tables { countsBefore[table] = try test.count(table) }
        _ = try ImportTestSupport.importText(test.archive, Self.invented, format: .csv, path: "invented.csv")
        let imported = try ReliabilityData.lastChange(test.db)
        // One range per table, no history row per record.
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [imported]).intValue == 0)
        let ranges = try ranges(test, imported)
        #expect(ranges["person"] == [[3, 4]])
        #expect(ranges["proceeding"] == [[2, 3]])
        #expect(ranges["defendant"] == [[3, 5]])
        #expect(ranges["source"] == nil)
        #expect(ranges.values.allSatisfy { $0.count == 1 })

        var query = HistoryQuery()
        query.change = imported
        query.rowsPerChange = 4
        let entry = try #require(try test.archive.history(query).first)
        #expect(entry.command == "import")
        #expect(entry.counts["person"] == ["insert": 2])
        #expect(entry.counts["proceeding"] == ["insert": 2])
        #expect(entry.counts["defendant"] == ["insert": 3])
        #expect(entry.counts["charge"] == ["insert": 4])
        #expect(entry.counts["citation"] == ["insert": 1])
        var created = 0
        for table in BulkLoad.tables { created += try test.count(table) - (countsBefore[table] ?? 0) }
        #expect(entry.rowCount == created)
        var inRanges = 0
        for runs in ranges.values { for run in runs { inRanges += Int(run[1] - run[0] + 1) } }
        #expect(entry.rowCount == inRanges)
        #expect(entry.rows.count == 4)
        #expect(entry.rows.first?.label == "person zelenin-a")
        #expect(entry.rows.first?.after?.string("birth") == "1899")
        #expect(entry.text().contains("person +2"))

        // Scoped to a person: only the import's rows of that person.
        var scoped = HistoryQuery()
        scoped.ref = "rudakova-m"
        scoped.rowsPerChange = nil
        let forPerson = try test.archive.history(scoped)
        #expect(forPerson.map(\.id) == [imported])
        #expect(forPerson.first?.counts["person"] == ["insert": 1])
        #expect(forPerson.first?.counts["defendant"] == ["insert": 1])
        #expect(forPerson.first?.counts["proceeding"] == nil)
        #expect(forPerson.first?.rows.contains { $0.label == "person rudakova-m" } == true)
        #expect(try test.archive.check().isClean)
    }

    @Test func revertingAnImportRestoresTheExportExactly() throws {
        let test = try archive()
        _ = try ImportTestSupport.importText(test.archive, ImportTests.rows, format: .csv, path: "rows.csv")
        let before = try ImportTestSupport.export(test.archive)
        _ = try ImportTestSupport.importText(test.archive, Self.invented, format: .csv, path: "invented.csv")
        let imported = try ReliabilityData.lastChange(test.db)
        #expect(try ImportTestSupport.export(test.archive) != before)
        let result = try test.archive.revert(change: imported)
        #expect(try ImportTestSupport.export(test.archive) == before)
        #expect(result.counts["person"] == ["delete": 2])
        #expect(try test.archive.check().isClean)
        // And back again, as the import left it.
        let again = try ImportTestSupport.export(test.archive)
        _ = try test.archive.revert(change: result.change)
        _ = try test.archive.revert(change: try ReliabilityData.lastChange(test.db))
        #expect(try ImportTestSupport.export(test.archive) == again)
    }

    @Test func aLaterEditOfAnImportedRecordIsRefusedThenRevertsExactly() throws {
        let test = try archive()
        let before = try ImportTestSupport.export(test.archive)
        _ = try ImportTestSupport.importText(test.archive, Self.invented, format: .csv, path: "invented.csv")
        let imported = try ReliabilityData.lastChange(test.db)
        let asImported = try ImportTestSupport.export(test.archive)
        // A later edit of one imported defendant keeps its own before/after row.
        try test.archive.change(command: "edit", summary: "KAZ-1939-4") {
            try test.db.execute("""
                UPDATE defendant SET outcome = 'dismissed' WHERE person_id = (SELECT id FROM person WHERE ref = 'rudakova-m')
                """)
        }
        let edit = try ReliabilityData.lastChange(test.db)
        #expect(try test.db.scalar("""
            SELECT count(*) FROM history WHERE change_id = ? AND op = 'update' AND table_name = 'defendant'
              AND json_extract(before, '$.outcome') = 'acquitted' AND json_extract(after, '$.outcome') = 'dismissed'
            """, [edit]).intValue == 1)
        // History shows the defendant as the import left it.
        var query = HistoryQuery()
        query.change = imported
        query.rowsPerChange = nil
        let entry = try #require(try test.archive.history(query).first)
        let row = try #require(entry.rows.first { $0.table == "defendant" && $0.label.contains("rudakova-m") })
        #expect(row.after?.string("outcome") == "acquitted")

        let refused = #expect(throws: RevertRefused.self) { try test.archive.revert(change: imported) }
        #expect(refused?.message.contains("later changes touched the same records") == true)
        #expect(refused?.message.contains("change \(edit)") == true)
        #expect(refused?.message.contains("defendant rudakova-m in case KAZ-1939-4") == true)
        #expect(try ImportTestSupport.export(test.archive) != asImported)

        _ = try test.archive.revert(change: edit)
        #expect(try ImportTestSupport.export(test.archive) == asImported)
        _ = try test.archive.revert(change: imported)
        #expect(try ImportTestSupport.export(test.archive) == before)
        #expect(try test.archive.check().isClean)
    }

    @Test func aRecordDeletedAfterTheImportBlocksItsRevert() throws {
        let test = try archive()
        _ = try ImportTestSupport.importText(test.archive, Self.invented, format: .csv, path: "invented.csv")
        let imported = try ReliabilityData.lastChange(test.db)
        try test.archive.change(command: "test") {
            try test.db.execute("DELETE FROM charge WHERE id = (SELECT max(id) FROM charge)")
        }
        let refused = #expect(throws: RevertRefused.self) { try test.archive.revert(change: imported) }
        #expect(refused?.message.contains("change 3 (test) deleted charge RSFSR-1926:58-11 of defendant zelenin-a in case KAZ-1939-5") == true)
    }

    /// Rewrites the archive as the schema before 0017 left an import: one
    /// compact 'insert' history row per created record, no `history_range`.
    static func asBeforeRanges(_ test: TestArchive) throws {
        try test.db.write {
            for range in try test.db.fetchAll("SELECT change_id, table_name, first_id, last_id FROM history_range ORDER BY id") {
                let table = range.string(1) ?? ""
                try test.db.execute("""
                    INSERT INTO history (change_id, at, table_name, row_id, op, before, after)
                    SELECT c.id, c.at, ?, t.id, 'insert', NULL, NULL FROM change c, \(table) t
                    WHERE c.id = ? AND t.id BETWEEN ? AND ? ORDER BY t.id
                    """, [table, range[0], range[2], range[3]])
            }
            try test.db.execute("DROP TABLE history_range")
            try test.db.execute("DELETE FROM schema_migration WHERE id LIKE '0017%'")
        }
    }

    @Test func anImportRecordedBeforeTheRangesStillReverts() throws {
        let test = try archive()
        let before = try ImportTestSupport.export(test.archive)
        _ = try ImportTestSupport.importText(test.archive, Self.invented, format: .csv, path: "invented.csv")
        let oldImport = try ReliabilityData.lastChange(test.db)
        let afterOld = try ImportTestSupport.export(test.archive)
        let rows = try test.db.scalar("SELECT sum(last_id - first_id + 1) FROM history_range WHERE change_id = ?",
                                      [oldImport]).intValue ?? 0
        try Self.asBeforeRanges(test)
        #expect(try test.db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [oldImport]).intValue == rows)

        // Opened again, the archive is migrated: its old rows stay as they are.
        let reopened = try Archive(path: test.path)
        #expect(try reopened.db.scalar("SELECT count(*) FROM history_range").intValue == 0)
        #expect(try reopened.db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [oldImport]).intValue == rows)
        var query = HistoryQuery()
        query.change = oldImport
        let old = try #require(try reopened.history(query).first)
        #expect(old.counts["person"] == ["insert": 2])
        #expect(old.rowCount == rows)
        // A new import beside it is recorded as ranges; both revert, newest first.
        _ = try ImportTestSupport.importText(reopened, ImportTests.rows, format: .csv, path: "rows.csv")
        let newImport = try ReliabilityData.lastChange(reopened.db)
        #expect(try reopened.db.scalar("SELECT count(*) FROM history_range WHERE change_id = ?", [newImport]).intValue ?? 0 > 0)
        #expect(try reopened.db.scalar("SELECT count(*) FROM history WHERE change_id = ?", [newImport]).intValue == 0)
        _ = try reopened.revert(change: newImport)
        #expect(try ImportTestSupport.export(reopened) == afterOld)
        let result = try reopened.revert(change: oldImport)
        #expect(result.rowCount == rows)
        #expect(try ImportTestSupport.export(reopened) == before)
        #expect(try reopened.check().isClean)
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
