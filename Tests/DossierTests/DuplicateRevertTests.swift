@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct DuplicateRevertTests {
    @Test(arguments: [("p-tukh-ru", "p-tukh-en"), ("p-tukh-en", "p-tukh-de"), ("c-tukh-1937", "c-tukh-de"),
                      ("p-yezhov-ru", "p-yezhov-en"), ("c-vavilov-1941", "c-vavilov-en")])
    func mergeThenRevertRestoresTheArchiveExactly(keep: String, other: String) throws {
        let test = try DuplicateFixture.make()
        // A judgement and an earlier merge that the merge carries along.
        _ = try test.archive.markNotDuplicate(other, keep.hasPrefix("c-") ? "c-yezhov-1940" : "p-smirnov-a")
        if keep.hasPrefix("p-tukh") { try test.archive.merge(keep: other, other: "p-tukh-memo") }
        let before = try test.dump()
        let citations = try test.citationList()
        let plan = try test.archive.merge(keep: keep, other: other)
        #expect(try test.dump() != before)
        let change = try #require(plan.change)
        let result = try test.archive.revert(change: change)
        #expect(result.rowCount == plan.rowCount)
        #expect(try test.dump() == before)
        #expect(try test.citationList() == citations)
        #expect(try test.archive.mergedRef(other) == nil)
        // The pair is found again, and can be merged again.
        let kind: DuplicateKind = keep.hasPrefix("c-") ? .case : .person
        _ = try test.archive.markNotDuplicate(other, keep.hasPrefix("c-") ? "c-yezhov-1940" : "p-smirnov-a", remove: true)
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: kind, minScore: 0, limit: 0))
        #expect(report.candidates.contains { Set([$0.keep.ref, $0.other.ref]) == [keep, other] })
        try test.archive.merge(keep: keep, other: other)
        #expect(try test.archive.mergedRef(other)?.into == keep)
    }

    @Test func aMergeRevertedAfterALaterMergeIsRefusedUntilThatOneIsReverted() throws {
        let test = try DuplicateFixture.make()
        let before = try test.dump()
        let first = try #require(try test.archive.merge(keep: "p-tukh-en", other: "p-tukh-de").change)
        let second = try #require(try test.archive.merge(keep: "p-tukh-ru", other: "p-tukh-en").change)
        #expect(throws: RevertRefused.self) { try test.archive.revert(change: first) }
        _ = try test.archive.revert(change: second)
        _ = try test.archive.revert(change: first)
        #expect(try test.dump() == before)
    }
}
