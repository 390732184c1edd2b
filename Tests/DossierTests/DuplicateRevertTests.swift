@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct DuplicateRevertTests {
    @Test(arguments: [("p-chekh-ru", "p-chekh-en"), ("p-chekh-en", "p-chekh-de"), ("c-chekh-1937", "c-chekh-de"),
                      ("p-yezhevikin-ru", "p-yezhevikin-en"), ("c-nebyvalov-1941", "c-nebyvalov-en")])
    func mergeThenRevertRestoresTheArchiveExactly(keep: String, other: String) throws {
        let test = try DuplicateFixture.make()
        // A judgement and an earlier merge that the merge carries along.
        _ = try test.archive.markNotDuplicate(other, keep.hasPrefix("c-") ? "c-yezhevikin-1940" : "p-smirnov-a")
        if keep.hasPrefix("p-chekh") { try test.archive.merge(keep: other, other: "p-chekh-memo") }
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
        _ = try test.archive.markNotDuplicate(other, keep.hasPrefix("c-") ? "c-yezhevikin-1940" : "p-smirnov-a", remove: true)
        let report = try test.archive.findDuplicates(DuplicateOptions(kind: kind, minScore: 0, limit: 0))
        #expect(report.candidates.contains { Set([$0.keep.ref, $0.other.ref]) == [keep, other] })
        try test.archive.merge(keep: keep, other: other)
        #expect(try test.archive.mergedRef(other)?.into == keep)
    }

    @Test func aMergeRevertedAfterALaterMergeIsRefusedUntilThatOneIsReverted() throws {
        let test = try DuplicateFixture.make()
        let before = try test.dump()
        let first = try #require(try test.archive.merge(keep: "p-chekh-en", other: "p-chekh-de").change)
        let second = try #require(try test.archive.merge(keep: "p-chekh-ru", other: "p-chekh-en").change)
        #expect(throws: RevertRefused.self) { try test.archive.revert(change: first) }
        _ = try test.archive.revert(change: second)
        _ = try test.archive.revert(change: first)
        #expect(try test.dump() == before)
    }
}
