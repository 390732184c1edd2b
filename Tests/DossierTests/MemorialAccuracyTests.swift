@testable import Dossier
import Foundation
import Testing

/// How many of the fields a careful reader finds in the fixture notes the
/// parser reads correctly, and how many it reads that are not there. The
/// figures are printed (`swift test --filter MemorialAccuracy`) and written
/// in the README.
@Suite struct MemorialAccuracyTests {
    @Test func developmentNotes() throws {
        let accuracy = MemorialAccuracy(try MemorialFixtures.development())
        print("memorial accuracy, development notes (45): \(accuracy.summary)")
        for difference in accuracy.differences { print("  " + difference) }
        #expect(accuracy.present > 900)
        #expect(accuracy.share >= 0.95)
        #expect(accuracy.invented == 0)
    }

    @Test func heldOutNotes() throws {
        let accuracy = MemorialAccuracy(try MemorialFixtures.heldOut())
        print("memorial accuracy, held-out notes (15): \(accuracy.summary)")
        for difference in accuracy.differences { print("  " + difference) }
        #expect(accuracy.present > 250)
        #expect(accuracy.share >= 0.95)
        #expect(accuracy.invented == 0)
    }

    @Test func freshNotes() throws {
        let accuracy = MemorialAccuracy(try MemorialFixtures.fresh())
        print("memorial accuracy, fresh notes (12): \(accuracy.summary)")
        for difference in accuracy.differences { print("  " + difference) }
        #expect(accuracy.present > 200)
        #expect(accuracy.share >= 0.95)
        #expect(accuracy.invented == 0)
    }
}
