@testable import Dossier
import Foundation
import Testing

@Suite struct EntryEditorTests {
    typealias FakeEditor = EntryFixtures.FakeEditor

    func loop(_ session: EntrySession, _ editor: FakeEditor) -> EditorLoop {
        EditorLoop(session: session, editor: editor.editor, path: editor.documentPath)
    }

    @Test func aWholeCaseIsEnteredAfterFixingATypoInPlace() throws {
        // Given: the user types a whole case with a wrong outcome, then
        // corrects that one word in the reopened file.
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        try editor.round(1, writes: EntryFixtures.caseText(outcome: "returnd"))
        try editor.round(2, sed: "s/outcome: returnd/outcome: returned_for_investigation/\n")

        // When
        let outcome = try loop(EntrySession(new: .case, archive: test.archive), editor).run()

        // Then: the second round showed the problem at the top, with the
        // right line, above the user's own text.
        #expect(editor.rounds == 2)
        let second = try editor.seen(2)
        let lines = second.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "#! dossier: not saved: 1 problem. Fix and save again;")
        #expect(lines[2].hasPrefix("#! line 40: defendants[1].outcome: unknown outcome \"returnd\"; did you mean returned_for_investigation?"))
        #expect(lines[39] == "    outcome: returnd")
        #expect(second.contains("# typed from the Book of Memory"))

        guard case .saved(let saved, let check) = outcome else {
            Issue.record("expected a save, got \(outcome)")
            return
        }
        #expect(saved.message == "created case example:troika-1937-0412 (created 1 case, 2 defendants, 2 persons)")
        #expect(check.readings == ["58-10 → RSFSR-1926:58-10", "ст. 58-1а → RSFSR-1926:58-1a",
                                   "58-6-7-8 → RSFSR-1926:58-6, RSFSR-1926:58-7, RSFSR-1926:58-8"])
        #expect(check.notes == ["defendants[0].person.person_ref: p-kuznecov-i-p, made from the name"])

        // What is stored is the whole case.
        let doc = try #require(try test.archive.loadCase(ref: "example:troika-1937-0412"))
        #expect(doc.bodyKind == .troika)
        #expect(doc.citations.map(\.sourceKey) == ["lorem-martyrology-v3"])
        #expect(doc.defendants.count == 2)
        let first = doc.defendants[0], second_ = doc.defendants[1]
        #expect(first.person.ref == "p-kuznecov-i-p")
        #expect(first.charges.map(\.ref) == ["RSFSR-1926:58-10", "RSFSR-1926:58-1a"])
        #expect(first.outcome == .convicted)
        #expect(first.sentenceKind == .death)
        #expect(first.events.map(\.kind) == [.executed, .rehabilitated])
        #expect(first.events[1].body == "Президиум Ленинградского областного суда")
        #expect(second_.person.ref == "example:p-lebedeva")
        #expect(second_.outcome == .returnedForInvestigation)
        #expect(second_.termYears == 10)
        #expect(second_.charges.map(\.ref) == ["RSFSR-1926:58-6", "RSFSR-1926:58-7", "RSFSR-1926:58-8"])
        #expect(second_.citations == [CitationDoc(sourceKey: "gavo-9999-99-999", locator: "l. 12ob", confidence: .probable)])
        // The editor's file is gone, and one change was recorded.
        #expect(!FileManager.default.fileExists(atPath: editor.documentPath))
        #expect(try test.db.scalar("SELECT count(*) FROM change WHERE command LIKE 'new case%'").intValue == 1)
    }

    @Test func severalProblemsAreListedTogetherWithTheirLines() throws {
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        try editor.round(1, writes: EntryFixtures.caseText(outcome: "aquitted", sourceKey: "gavo-9999-99-99"))
        try editor.round(2, sed: "s/aquitted/acquitted/\ns/gavo-9999-99-99$/gavo-9999-99-999/\n")

        let outcome = try loop(EntrySession(new: .case, archive: test.archive), editor).run()

        let header = try editor.seen(2).split(separator: "\n").prefix(5).map(String.init)
        #expect(header[0] == "#! dossier: not saved: 2 problems. Fix and save again;")
        #expect(header[2].hasPrefix("#! line 41: defendants[1].outcome: unknown outcome \"aquitted\"; did you mean acquitted?"))
        #expect(header[3].hasPrefix("#! line 46: defendants[1].citations[0].source_key: unknown source key \"gavo-9999-99-99\"; did you mean gavo-9999-99-999?"))
        #expect(header[4] == "#!")
        guard case .saved = outcome else { Issue.record("expected a save, got \(outcome)"); return }
        #expect(try test.archive.loadCase(ref: "example:troika-1937-0412")?.defendants[1].outcome == .acquitted)
    }

    @Test func anUnchangedTemplateIsAbandoned() throws {
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        let outcome = try loop(EntrySession(new: .case, archive: test.archive), editor).run()
        guard case .abandoned(let reason) = outcome else { Issue.record("expected abandon"); return }
        #expect(reason == "nothing entered; nothing saved")
        #expect(try test.count("proceeding") == 0)
        #expect(try test.count("change") == 3)  // the fixture's three adds only
        // The template it showed is a document with a comment above each field.
        let shown = try editor.seen(1)
        #expect(shown.contains("# convicted, acquitted, dismissed, returned_for_investigation, released_without_trial, insanity,"))
        #expect(shown.contains("# Date of the decision, EDTF: 1937-11-05, 1937-11, 1937,"))
        #expect(shown.contains("# The source's citation key, e.g. kniga-pamyati-lenoblast-v03"))
    }

    @Test func anEmptiedDocumentIsAbandoned() throws {
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        try editor.round(1, writes: EntryFixtures.caseText(outcome: "wrong"))
        try editor.round(2, marker: "empty")
        let outcome = try loop(EntrySession(new: .case, archive: test.archive), editor).run()
        guard case .abandoned(let reason) = outcome else { Issue.record("expected abandon"); return }
        #expect(reason == "the document was emptied; nothing saved")
        #expect(try test.count("proceeding") == 0)
        #expect(try test.count("person") == 1)
    }

    @Test func closingWithoutChangesAfterAProblemAbandonsAndSaysWhatIsWrong() throws {
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        try editor.round(1, writes: EntryFixtures.caseText(outcome: "wrong"))
        let outcome = try loop(EntrySession(new: .case, archive: test.archive), editor).run()
        guard case .abandoned(let reason) = outcome else { Issue.record("expected abandon"); return }
        #expect(editor.rounds == 2)
        #expect(reason.hasPrefix("closed without changes; nothing saved. Still wrong:\n  line 36: defendants[1].outcome: unknown outcome \"wrong\""))
        #expect(try test.count("proceeding") == 0)
    }

    @Test func aFailingEditorKeepsTheText() throws {
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        try editor.round(1, writes: EntryFixtures.caseText(outcome: "wrong"))
        try editor.round(2, marker: "fail")
        let error = #expect(throws: ArchiveError.self) {
            _ = try loop(EntrySession(new: .case, archive: test.archive), editor).run()
        }
        #expect(error?.message == "the editor `sh '\(editor.command)'` exited with status 3; your text is kept in \(editor.documentPath)")
        #expect(try String(contentsOfFile: editor.documentPath, encoding: .utf8).contains("outcome: wrong"))
        #expect(try test.count("proceeding") == 0)
    }

    @Test func aPossibleDuplicatePersonIsPointedOutBeforeCreatingThem() throws {
        // Given: a new person typed in a German spelling of a name the
        // archive holds in Cyrillic.
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        try editor.round(1, writes: """
            person_ref: example:p-t
            name: Wychucholewski, Michail
            """)
        let outcome = try loop(EntrySession(new: .person, archive: test.archive), editor).run()

        // Then: round 2 shows the hint; closing unchanged creates the person anyway.
        let header = try editor.seen(2).split(separator: "\n").map(String.init)
        #expect(header[0] == "#! dossier: not saved yet; please check:")
        #expect(header[1].hasPrefix(
            "#! line 6: name: \"Wychucholewski, Michail\": this may be the same person as nemo:p-88211 Выхухолевский, Михаил Наумович ("))
        #expect(header[1].hasSuffix("To use that person, set person_ref: nemo:p-88211"))
        #expect(header[2] == "#! To create a new person anyway, save again without changes.")
        guard case .saved(let saved, _) = outcome else { Issue.record("expected a save"); return }
        #expect(saved.message == "created person example:p-t (created 1 person)")
        #expect(try test.count("person") == 2)
    }

    @Test func followingTheHintUsesTheExistingPerson() throws {
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        try editor.round(1, writes: EntryFixtures.caseText()
            .replacingOccurrences(of: "person_ref: example:p-lebedeva", with: "person_ref: example:p-t")
            .replacingOccurrences(of: "name: Лебедева Анна Михайловна", with: "name: Wychucholewski, M. N.")
            .replacingOccurrences(of: "sex: f", with: "sex: m"))
        try editor.round(2, sed: "s/person_ref: example:p-t$/person_ref: nemo:p-88211/\n")

        let outcome = try loop(EntrySession(new: .case, archive: test.archive), editor).run()

        #expect(try editor.seen(2).contains("this may be the same person as nemo:p-88211"))
        guard case .saved(_, let check) = outcome else { Issue.record("expected a save, got \(outcome)"); return }
        #expect(check.notes.contains(
            "defendants[1].person: nemo:p-88211 (Выхухолевский, Михаил Наумович) is in the archive; the case uses that person, adding the spelling \"Wychucholewski, M. N.\""))
        #expect(try test.count("person") == 2)  // Выхухолевский, Кузнецов and nobody new
        let person = try #require(try test.archive.loadPerson(ref: "nemo:p-88211"))
        #expect(person.name == "Выхухолевский, Михаил Наумович")
        #expect(person.nameVariants == ["Vykhukholevsky, Mikhail", "Wychucholewski, M. N."])
        #expect(person.birth == "1893-04-27")
        #expect(try test.archive.casesOf(personRef: "nemo:p-88211").map(\.ref) == ["example:troika-1937-0412"])
    }

    @Test func editingACaseChangesOnlyWhatWasEditedAndKeepsHistory() throws {
        // Given: the case entered from a file.
        let test = try EntryFixtures.archive()
        let session = EntrySession(new: .case, archive: test.archive)
        let check = try session.check(yaml: EntryFixtures.caseText())
        _ = try session.save(try #require(check.record))
        let before = try #require(try test.archive.loadCase(ref: "example:troika-1937-0412"))

        // When: the user opens it, sets an outcome date for the second
        // defendant and removes the first.
        let editor = try FakeEditor()
        let edit = try EntrySession(editing: "example:troika-1937-0412", archive: test.archive)
        let shown = try edit.document()
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "defendants:"))
        let second = try #require(lines.indices.last { lines[$0].hasPrefix("  - person:") })
        let firstComment = start + 1  // the comment above the first "- person:"
        var edited = Array(lines[..<firstComment]) + Array(lines[second...])
        let dateLine = try #require(edited.firstIndex { $0.hasPrefix("    outcome_date:") && $0.count <= 18 })
        edited[dateLine] = "    outcome_date: 1937-12-01"
        try editor.round(1, writes: edited.joined(separator: "\n"))
        let outcome = try loop(edit, editor).run()

        // Then
        guard case .saved(let saved, _) = outcome else { Issue.record("expected a save, got \(outcome)"); return }
        #expect(saved.message == "saved case example:troika-1937-0412 (updated 1 case, 1 defendant; unchanged 1 person)")
        let after = try #require(try test.archive.loadCase(ref: "example:troika-1937-0412"))
        #expect(after.defendants.map(\.person.ref) == ["example:p-lebedeva"])
        #expect(after.defendants[0].outcomeDate == "1937-12-01")
        #expect(after.defendants[0].charges == before.defendants[1].charges)
        #expect(after.defendants[0].citations == before.defendants[1].citations)
        #expect(after.citations == before.citations)
        // Кузнецов stays in the archive as a person.
        #expect(try test.archive.loadPerson(ref: "p-kuznecov-i-p") != nil)
        #expect(try test.db.scalar("SELECT count(*) FROM change WHERE command = 'edit case example:troika-1937-0412'").intValue == 1)
    }

    @Test func anEditOpenedAndClosedUnchangedWritesNothing() throws {
        let test = try EntryFixtures.archive()
        let editor = try FakeEditor()
        let changes = try test.count("change")
        let outcome = try loop(try EntrySession(editing: "nemo:p-88211", archive: test.archive), editor).run()
        guard case .abandoned(let reason) = outcome else { Issue.record("expected abandon"); return }
        #expect(reason == "no changes; nothing saved")
        #expect(try test.count("change") == changes)
    }

    @Test func anEditRefusesWhenTheRecordChangedMeanwhile() throws {
        let test = try EntryFixtures.archive()
        let session = try EntrySession(editing: "nemo:p-88211", archive: test.archive)
        let check = try session.check(yaml: try session.document().replacingOccurrences(of: "occupation:", with: "occupation: агроном"))
        // Someone else changes the person in between.
        var other = try #require(try test.archive.loadPerson(ref: "nemo:p-88211"))
        other.notes = "changed elsewhere"
        var tally = WriteTally()
        _ = try test.archive.change(command: "other") { try test.archive.upsertPerson(other, tally: &tally) }
        let error = #expect(throws: ArchiveError.self) { _ = try session.save(try #require(check.record)) }
        #expect(error?.message == "nemo:p-88211 was changed by another command while you were editing it; nothing saved")
        #expect(try test.archive.loadPerson(ref: "nemo:p-88211")?.occupation == nil)
    }

    @Test func editorComesFromVisualThenEditorThenVi() {
        #expect(Editor.fromEnvironment(["VISUAL": "nano", "EDITOR": "vim"]).command == "nano")
        #expect(Editor.fromEnvironment(["VISUAL": " ", "EDITOR": "code --wait"]).command == "code --wait")
        #expect(Editor.fromEnvironment([:]).command == "vi")
    }
}
