@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct ReliabilityRevertTests {
    @Test func revertingAnImportRemovesEverythingItAdded() throws {
        // Given an archive with sources, then a case imported on top.
        let test = try TestArchive()
        _ = try test.archive.importFiles([ImportInput(path: "s.json", format: .cslJSON, text: ReliabilityData.sources)])
        let before = try ReliabilityData.fingerprint(test.db)
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()])
        let imported = try ReliabilityData.lastChange(test.db)
        #expect(try test.count("defendant") == 2)

        // When the import is reverted.
        let result = try test.archive.revert(change: imported)

        // Then the records are as before, and the revert is itself a change.
        #expect(try ReliabilityData.fingerprint(test.db) == before)
        #expect(result.reverted == imported)
        #expect(result.change == imported + 1)
        #expect(result.counts["person"]?["delete"] == 2)
        #expect(try test.db.scalar("SELECT reverts FROM change WHERE id = ?", [result.change]).int64Value == imported)
        #expect(try test.archive.check().isClean)
    }

    @Test func revertingAnUpdateBringsBackTheOldValues() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()], withSources: true)
        let original = try #require(try test.archive.loadCase(ref: "pryanikov-1936"))
        let before = try ReliabilityData.fingerprint(test.db)

        // A re-import that changes a title, an outcome and a birth date.
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(title: "Дело Пряникова", outcome: "acquitted", birth: "1885-03-14")])
        let update = try ReliabilityData.lastChange(test.db)
        #expect(try test.archive.loadCase(ref: "pryanikov-1936")?.title == "Дело Пряникова")

        _ = try test.archive.revert(change: update)
        #expect(try test.archive.loadCase(ref: "pryanikov-1936") == original)
        #expect(try ReliabilityData.fingerprint(test.db) == before)
    }

    @Test func revertingADeletionRestoresTheRowsWithTheirIDs() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()], withSources: true)
        let original = try #require(try test.archive.loadCase(ref: "pryanikov-1936"))
        let before = try ReliabilityData.fingerprint(test.db)

        // The case document without its second defendant removes that
        // defendant with their charges and events.
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(withSecondDefendant: false)])
        let removal = try ReliabilityData.lastChange(test.db)
        #expect(try test.count("defendant") == 1)
        #expect(try test.count("event") == 1)

        _ = try test.archive.revert(change: removal)
        #expect(try test.archive.loadCase(ref: "pryanikov-1936") == original)
        #expect(try ReliabilityData.fingerprint(test.db) == before)
        #expect(try test.archive.check().isClean)
    }

    @Test func revertOfARevertRedoesTheChange() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()], withSources: true)
        let imported = try ReliabilityData.fingerprint(test.db)
        let change = try ReliabilityData.lastChange(test.db)
        let undo = try test.archive.revert(change: change)
        #expect(try test.count("person") == 0)

        // Reverting the same change again is refused and says why.
        let again = #expect(throws: RevertRefused.self) { try test.archive.revert(change: change) }
        #expect(again?.message == "change 1 (import sources.json cases.jsonl) was already reverted by change 2 (revert change 2 to bring it back)")

        _ = try test.archive.revert(change: undo.change)
        #expect(try ReliabilityData.fingerprint(test.db) == imported)
    }

    @Test func refusesWhenALaterChangeTouchedTheSameRows() throws {
        let test = try TestArchive()
        try test.add(.person, #"{"ref": "p-pryanikov", "name": "Пряников, Савелий Игнатьевич", "birth": "1885"}"#)
        let added = try ReliabilityData.lastChange(test.db)
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()], withSources: true)
        let later = try ReliabilityData.lastChange(test.db)
        let before = try ReliabilityData.fingerprint(test.db)
        let changes = try test.count("change")

        let refused = #expect(throws: RevertRefused.self) { try test.archive.revert(change: added) }
        #expect(refused?.message.hasPrefix(
            "cannot revert change \(added) (add person): later changes touched the same records: change \(later) (import sources.json cases.jsonl)")
            == true)
        #expect(refused?.message.hasSuffix("Revert that change first, newest first") == true)
        // Nothing was written, not even a change row.
        #expect(try ReliabilityData.fingerprint(test.db) == before)
        #expect(try test.count("change") == changes)
    }

    @Test func aLaterChangeThatWasRevertedNoLongerStandsInTheWay() throws {
        let test = try TestArchive()
        _ = try test.archive.importFiles([ImportInput(path: "s.json", format: .cslJSON, text: ReliabilityData.sources)])
        let empty = try ReliabilityData.fingerprint(test.db)
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()])
        let imported = try ReliabilityData.lastChange(test.db)
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(outcome: "acquitted")])
        let update = try ReliabilityData.lastChange(test.db)
        let undo = try test.archive.revert(change: update)
        // Redone and undone again: only the last word counts.
        let redo = try test.archive.revert(change: undo.change)
        #expect(throws: RevertRefused.self) { try test.archive.revert(change: imported) }
        _ = try test.archive.revert(change: redo.change)

        _ = try test.archive.revert(change: imported)
        #expect(try ReliabilityData.fingerprint(test.db) == empty)
    }

    @Test func refusesWhenLaterRecordsDependOnARowItWouldRemove() throws {
        let test = try TestArchive()
        try test.add(.person, #"{"ref": "p-pryanikov", "name": "Пряников, Савелий Игнатьевич"}"#)
        let added = try ReliabilityData.lastChange(test.db)
        try test.add(.case, #"{"ref": "pryanikov-1936", "body_kind": "commission", "category": "political"}"#)
        try test.add(.defendant, #"{"case": "pryanikov-1936", "person": "p-pryanikov", "outcome": "dismissed"}"#)
        let defendantChange = try ReliabilityData.lastChange(test.db)
        let before = try ReliabilityData.fingerprint(test.db)

        let refused = #expect(throws: RevertRefused.self) { try test.archive.revert(change: added) }
        #expect(refused?.message == "cannot revert change \(added) (add person): it added person p-pryanikov, and defendant p-pryanikov "
                + "in case pryanikov-1936 (added by change \(defendantChange)) refers to it; revert change \(defendantChange) first")
        #expect(try ReliabilityData.fingerprint(test.db) == before)

        // Newest first works.
        _ = try test.archive.revert(change: defendantChange)
        _ = try test.archive.revert(change: defendantChange - 1)
        _ = try test.archive.revert(change: added)
        #expect(try test.count("person") == 0 && test.count("proceeding") == 0 && test.count("person_name") == 0)
    }

    @Test func refusesToRestoreARowWhoseParentALaterChangeDeleted() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()], withSources: true)
        // Change 2 removes the second defendant (and the citations of it).
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(withSecondDefendant: false)])
        let removal = try ReliabilityData.lastChange(test.db)
        // Change 3 deletes the person the removed defendant was.
        try test.archive.change(command: "test", summary: "delete a person") {
            try test.db.execute("DELETE FROM person WHERE ref = 'p-zyablikov'")
        }
        let deletion = try ReliabilityData.lastChange(test.db)
        let before = try ReliabilityData.fingerprint(test.db)

        let refused = #expect(throws: RevertRefused.self) { try test.archive.revert(change: removal) }
        #expect(refused?.message == "cannot revert change \(removal) (import cases.jsonl): defendant p-zyablikov in case pryanikov-1936 "
                + "would point at person p-zyablikov, which change \(deletion) deleted; revert change \(deletion) first")
        #expect(try ReliabilityData.fingerprint(test.db) == before)
    }

    @Test func refusesWhenARowWasChangedOutsideTheHistory() throws {
        let test = try TestArchive()
        try test.add(.person, #"{"ref": "p-pryanikov", "name": "Пряников, Савелий Игнатьевич", "birth": "1885"}"#)
        let added = try ReliabilityData.lastChange(test.db)
        try test.db.execute("DROP TRIGGER person_history_update")
        try test.db.execute("UPDATE person SET birth = '1886' WHERE ref = 'p-pryanikov'")

        let refused = #expect(throws: RevertRefused.self) { try test.archive.revert(change: added) }
        #expect(refused?.message == "cannot revert change \(added) (add person): person p-pryanikov is no longer as that change "
                + "left it (it was changed outside the history)")
        #expect(try test.count("person") == 1)
    }

    @Test func unknownAndEmptyChanges() throws {
        let test = try TestArchive()
        #expect(throws: NotFound.self) { try test.archive.revert(change: 42) }
        try test.archive.change(command: "test") {}
        let empty = try ReliabilityData.lastChange(test.db)
        let refused = #expect(throws: RevertRefused.self) { try test.archive.revert(change: empty) }
        #expect(refused?.message == "change \(empty) (test) changed no records; there is nothing to revert")
    }

    @Test func revertingTheWholeFixtureImportEmptiesTheArchive() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        let change = try ReliabilityData.lastChange(test.db)
        let result = try test.archive.revert(change: change)
        for table in SchemaCatalog.recordTables { #expect(try test.count(table) == 0, "\(table)") }
        #expect(result.rowCount == (try test.db.scalar("SELECT sum(last_id - first_id + 1) FROM history_range WHERE change_id = ?",
                                                       [change]).intValue))
        // And back again.
        _ = try test.archive.revert(change: result.change)
        #expect(try test.archive.check().isClean)
        #expect(try test.count("proceeding") == 35)
    }
}
