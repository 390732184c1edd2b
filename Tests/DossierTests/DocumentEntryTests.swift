@testable import Dossier
import Testing

/// `EntrySession.enter`: a document from a file or stdin, where a likely
/// duplicate cannot be shown and asked about as in the editor.
@Suite struct DocumentEntryTests {
    static let document = "person_ref: p-x\nname: Vykhukholevskii, M.\nbirth: 1893\n"

    @Test func aLikelyDuplicateIsRefusedAndNothingWritten() throws {
        let test = try EntryFixtures.archive()
        let session = EntrySession(new: .person, archive: test.archive)
        do {
            _ = try session.enter(yaml: Self.document, file: "p.yaml", dryRun: false, forceNew: false)
            Issue.record("expected the likely duplicate to be refused")
        } catch let errors as DataErrors {
            let lines = errors.description.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("p.yaml:2: name: \"Vykhukholevskii, M.\": this may be the same person as nemo:p-88211") == true,
                    "\(lines)")
            #expect(lines.last == "p.yaml: nothing written; to create a new person anyway, give --force-new")
        }
        #expect(try test.archive.loadPerson(ref: "p-x") == nil)
    }

    @Test func forcedItIsStoredWithTheHints() throws {
        let test = try EntryFixtures.archive()
        let entry = try EntrySession(new: .person, archive: test.archive)
            .enter(yaml: Self.document, file: "p.yaml", dryRun: false, forceNew: true)
        #expect(entry.check.hints.map(\.existingRef) == ["nemo:p-88211"])
        #expect(entry.saved?.record.ref == "p-x")
        #expect(try test.archive.loadPerson(ref: "p-x") != nil)
    }

    @Test func aDryRunReportsTheHintsAndWritesNothing() throws {
        let test = try EntryFixtures.archive()
        let entry = try EntrySession(new: .person, archive: test.archive)
            .enter(yaml: Self.document, file: "p.yaml", dryRun: true, forceNew: false)
        #expect(entry.record.ref == "p-x")
        #expect(entry.saved == nil)
        #expect(entry.check.hints.map(\.existingRef) == ["nemo:p-88211"])
        #expect(try test.archive.loadPerson(ref: "p-x") == nil)
    }
}
