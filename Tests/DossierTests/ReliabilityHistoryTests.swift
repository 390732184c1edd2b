@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct ReliabilityHistoryTests {
    @Test func everyCommandLeavesAChangeWithItsRows() throws {
        let test = try TestArchive()
        try test.add(.person, #"{"ref": "p-pryanikov", "name": "Пряников, Савелий Игнатьевич", "birth": "1885"}"#)
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(birth: "1885-03-14")], withSources: true)

        var query = HistoryQuery()
        query.rowsPerChange = nil
        let entries = try test.archive.history(query)
        #expect(entries.map(\.id) == [2, 1])
        #expect(entries.map(\.command) == ["import", "add person"])
        #expect(entries[1].counts == ["person": ["insert": 1], "person_name": ["insert": 1]])
        #expect(entries[1].rowCount == 2)

        // The birth date changed: before and after are both kept.
        let update = try #require(entries[0].rows.first { $0.table == "person" && $0.op == .update })
        #expect(update.label == "person p-pryanikov")
        #expect(update.before?["birth"] == .text("1885"))
        #expect(update.after?["birth"] == .text("1885-03-14"))
        #expect(update.changedColumns == ["sex", "birth", "birth_lower", "birth_upper"])
        #expect(update.text == #"~ person p-pryanikov: sex (none) → "m"; birth "1885" → "1885-03-14""#)
    }

    @Test func aRefSelectsTheRecordAndTheRowsThatBelongToIt() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine(), ReliabilityData.otherCase], withSources: true)
        try test.add(.citation, #"{"source": "memo-list", "person": "p-other", "locator": "p. 9"}"#)

        var query = HistoryQuery()
        query.ref = "p-zyablikov"
        query.rowsPerChange = nil
        let entries = try test.archive.history(query)
        #expect(entries.map(\.id) == [1])
        let labels = Set(entries[0].rows.map(\.label))
        #expect(labels == ["person p-zyablikov", "name \"Зябликов, Фрол Никодимович\" of person p-zyablikov",
                           "defendant p-zyablikov in case pryanikov-1936", "charge RSFSR-1926:58-10 of defendant p-zyablikov in case pryanikov-1936",
                           "died_in_custody event of defendant p-zyablikov in case pryanikov-1936"])

        query.ref = "other-1937"
        #expect(try test.archive.history(query).map(\.id) == [1])
        query.ref = "p-other"
        #expect(try test.archive.history(query).map(\.id) == [2, 1])
        query.ref = "memo-list"
        let sourceRows = try test.archive.history(query).flatMap(\.rows)
        #expect(sourceRows.filter { $0.table == "citation" }.count == 3)
        #expect(sourceRows.filter { $0.table == "source" }.count == 1)
    }

    @Test func aDeletedRecordStillHasItsHistory() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()], withSources: true)
        _ = try test.archive.revert(change: 1)
        #expect(try test.archive.loadCase(ref: "pryanikov-1936") == nil)

        var query = HistoryQuery()
        query.ref = "pryanikov-1936"
        let entries = try test.archive.history(query)
        #expect(entries.map(\.id) == [2, 1])
        #expect(entries[0].reverts == 1)
        #expect(entries[1].revertedBy == 2)
        #expect(entries[0].rows.first?.text.hasPrefix("- ") == true)
        #expect(entries[0].text().contains("  undoes change 1\n"))
    }

    @Test func unknownRefsAndBadDatesAreRefused() throws {
        let test = try TestArchive()
        try ReliabilityData.importLines(test.archive, [ReliabilityData.caseLine()], withSources: true)
        var query = HistoryQuery()
        query.ref = "pryanikov-1963"
        let missing = #expect(throws: NotFound.self) { try test.archive.history(query) }
        #expect(missing?.description == "no case, person or source pryanikov-1963 now or in the history; did you mean pryanikov-1936?")

        query = HistoryQuery()
        query.since = "last week"
        #expect(throws: FieldProblem.self) { try test.archive.history(query) }
        query.since = "2999-01"
        #expect(try test.archive.history(query).isEmpty)
        query.since = "2000"
        #expect(try test.archive.history(query).count == 1)
        query.since = nil
        query.change = 7
        #expect(throws: NotFound.self) { try test.archive.history(query) }
    }

    @Test func rowsPerChangeLimitsTheListButNotTheCounts() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        var query = HistoryQuery()
        query.rowsPerChange = 3
        let entry = try #require(try test.archive.history(query).first)
        #expect(entry.rows.count == 3)
        #expect(entry.rowCount > 800)
        #expect(entry.text().contains("… \(entry.rowCount - 3) more rows (dossier history --change 1 --rows 0)"))
        // JSON keeps every value of the row, bounds included.
        let json = entry.json.serialized()
        #expect(json.contains(#""before":null,"after":{"id":1,"#))
    }

    @Test func textShowsQuotesAndNewlinesVisibly() {
        let row = RowChange(historyID: 1, table: "person", rowID: 1, op: .update, label: "person p",
                            before: RowValues(columns: ["notes"], values: [.text("a\nb")]),
                            after: RowValues(columns: ["notes"], values: [.text("Robert'); DROP TABLE person;--")]))
        #expect(row.text == #"~ person p: notes "a\nb" → "Robert'); DROP TABLE person;--""#)
    }
}
