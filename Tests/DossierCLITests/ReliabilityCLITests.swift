@testable import DossierCLI
import Testing

@Suite struct ReliabilityCLITests {
    @Test func leadingDatabaseOptionMovesBehindTheCommand() {
        #expect(GlobalOptions.reorder(["--db", "a.sqlite", "history", "luzin-1936"])
                == ["history", "--db", "a.sqlite", "luzin-1936"])
    }
}
