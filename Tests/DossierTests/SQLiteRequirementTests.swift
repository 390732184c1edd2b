@testable import Dossier
import Testing

@Suite struct SQLiteRequirementTests {
    @Test func theLibraryInUseIsNewEnough() throws {
        try SQLiteRequirement.check()
        #expect(SQLiteRequirement.libraryVersion.hasPrefix("3."))
    }

    @Test(arguments: [
        ("3.37.2", Int32(3_037_002), "needs SQLite 3.38.0 or newer, but the SQLite library on this system is 3.37.2"),
        ("3.34.1", Int32(3_034_001), "needs SQLite 3.38.0 or newer"),
    ])
    func refusesAnOlderLibrary(version: String, number: Int32, expected: String) throws {
        let message = try #require(SQLiteRequirement.problem(version: version, number: number) { _ in false })
        #expect(message.contains(expected))
        #expect(message.hasSuffix("(Debian 12 ships 3.40.1)"))
    }

    @Test func refusesALibraryWithoutFTS5OrJSON() throws {
        let noFTS = SQLiteRequirement.problem(version: "3.40.1", number: 3_040_001) { _ in false }
        #expect(noFTS?.contains("without FTS5") == true)
        let noJSON = SQLiteRequirement.problem(version: "3.40.1", number: 3_040_001) { _ in true }
        #expect(noJSON?.contains("without the JSON functions") == true)
        #expect(SQLiteRequirement.problem(version: "3.38.0", number: 3_038_000) { $0 == "ENABLE_FTS5" } == nil)
    }
}
