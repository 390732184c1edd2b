@testable import Dossier
import Foundation
import Testing

@Suite struct EntryDocumentTests {
    // MARK: Reading YAML

    @Test func scalarsStayTextExceptNullAndTrueFalse() throws {
        let tree = try DocumentTree.read(yaml: """
            a: 58.10
            b: 1937-11-05
            c: ~
            d:
            e: true
            f: "true"
            g: 010
            h: no
            """, file: nil)
        #expect(tree.json == .object([
            "a": .string("58.10"), "b": .string("1937-11-05"), "c": .null, "d": .null,
            "e": .bool(true), "f": .string("true"), "g": .string("010"), "h": .string("no"),
        ]))
    }

    @Test func everyFieldKnowsItsLine() throws {
        let tree = try DocumentTree.read(yaml: """
            # comment
            case_ref: x
            defendants:
              - person:
                  name: A
                outcome: convicted
              - person:
                  name: B
                charges:
                  - 58-10
            """, file: nil)
        var lines: [String: Int] = [:]
        _ = tree.normalized().json(lines: &lines)
        #expect(lines["case_ref"] == 2)
        #expect(lines["defendants[0].outcome"] == 6)
        #expect(lines["defendants[1].person.name"] == 8)
        #expect(DocumentTree.line(of: "defendants[1].charges[0].text", in: lines) == 10)
        #expect(DocumentTree.line(of: "defendants[1].person.person_ref", in: lines) == 7)
    }

    @Test(arguments: [
        ("a: [1, 2\n", 2, "not valid YAML"),
        ("a: 1\na: 2\n", 1, "a: given twice in one block"),
        ("a: b: c\n", 1, "not valid YAML"),
        ("a:\n\t- b\n", 2, "not valid YAML"),
    ])
    func badYAMLNamesItsLine(text: String, line: Int, problem: String) {
        let error = #expect(throws: DataError.self) { _ = try DocumentTree.read(yaml: text, file: "case.yaml") }
        #expect(error?.file == "case.yaml")
        #expect(error?.line == line)
        #expect(error?.description.contains(problem) == true, "got \(String(describing: error))")
    }

    @Test func blankTemplateBlocksAreDroppedAndChargesMayBeText() throws {
        let tree = try DocumentTree.read(yaml: """
            charges: ст. 58-10
            name_variants:
              -
            citations:
              - source_key:
                locator: ""
            events:
              - kind: executed
            """, file: nil).normalized()
        #expect(tree.json == .object([
            "charges": .array([.object(["text": .string("ст. 58-10")])]),
            "name_variants": .array([]),
            "citations": .array([]),
            "events": .array([.object(["kind": .string("executed")])]),
        ]))
    }

    // MARK: Writing YAML

    @Test(arguments: [
        "plain", "58-10", "ст. 58-1а", "yes", "No", "null", "~", "- dash", "key: value", "a #b", "#hash",
        "\"quoted\"", "'single'", " leading", "trailing ", "tab\there", "back\\slash", "{brace}", "[list]",
        "@at", "%pct", "`tick`", "line one\nline two", "ends with newline\n", "two\n\n", "\nleading newline",
        "  indented\nblock", "«кавычки»", "Выхухолевский: агроном", "1937-11-05", "10", "", "a\u{2028}b",
    ])
    func textReadsBackExactly(text: String) throws {
        let yaml = EntryDocuments.personText(PersonDoc(ref: "p", name: "N").with(notes: text), annotated: false)
        let tree = try DocumentTree.read(yaml: yaml, file: nil)
        guard case .object(let object) = tree.json else { Issue.record("not an object"); return }
        #expect(object["notes"] == (text.isEmpty ? nil : .string(text)), "printed as:\n\(yaml)")
    }

    @Test func commentsWrapAndStayComments() throws {
        var printer = YAMLPrinter(annotated: true)
        printer.comment(String(repeating: "word ", count: 60), indent: 4)
        #expect(printer.lines.count > 1)
        #expect(printer.lines.allSatisfy { $0.hasPrefix("    #") && $0.count <= YAMLPrinter.width })
    }

    // MARK: Round trips

    func storedCase() throws -> (TestArchive, CaseDoc) {
        let test = try EntryFixtures.archive()
        let session = EntrySession(new: .case, archive: test.archive)
        let check = try session.check(yaml: EntryFixtures.caseText())
        #expect(check.errors.isEmpty, "\(check.errors)")
        _ = try session.save(try #require(check.record))
        return (test, try #require(try test.archive.loadCase(ref: "example:troika-1937-0412")))
    }

    @Test func showYAMLReadsBackToTheSameCase() throws {
        let (test, doc) = try storedCase()
        let yaml = try RecordView.load(test.archive, ref: doc.ref).yaml()
        #expect(yaml.hasPrefix("case_ref: example:troika-1937-0412\n"))
        #expect(yaml.contains("      - ст. 58-1а  # RSFSR-1926:58-1a\n"))
        #expect(!yaml.contains("\n#"))
        // Into a second archive with the same sources, through `add --yaml`.
        let other = try EntryFixtures.archive()
        let added = try other.archive.addDocument(.case, text: yaml, format: .yaml, file: "case.yaml")
        #expect(added.message == "created case example:troika-1937-0412 (created 1 case, 2 defendants, 2 persons)")
        #expect(try other.archive.loadCase(ref: doc.ref) == doc)
    }

    @Test func theEditDocumentReadsBackUnchanged() throws {
        let (test, doc) = try storedCase()
        let session = try EntrySession(editing: doc.ref, archive: test.archive)
        let check = try session.check(yaml: try session.document())
        #expect(check.errors.isEmpty, "\(check.errors)")
        #expect(check.record == .caseRecord(doc))
        #expect(try session.save(try #require(check.record)).message == "no changes to case example:troika-1937-0412")
    }

    @Test func everyRecordOfTheTourReadsBackFromItsDocuments() throws {
        // Given: the real fixtures (Cyrillic names, archival locators,
        // charges as sources write them, quotes and notes).
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        let refs = try test.db.fetchAll("""
            SELECT ref FROM proceeding UNION ALL SELECT ref FROM person UNION ALL SELECT key FROM source
            """).compactMap { $0.string(0) }
        #expect(refs.count > 150)
        for ref in refs {
            // When: the edit document and the compact `show` document are read back.
            let session = try EntrySession(editing: ref, archive: test.archive)
            let annotated = try session.check(yaml: try session.document())
            let compact = try session.check(yaml: try RecordView.load(test.archive, ref: ref).yaml(defaultCode: test.archive.defaultCode))
            // Then: both give the stored record unchanged.
            #expect(annotated.errors.isEmpty && compact.errors.isEmpty, "\(ref): \(annotated.errors + compact.errors)")
            #expect(annotated.record == session.original, "\(ref)")
            #expect(compact.record == session.original, "\(ref)")
        }
    }

    @Test func personAndSourceDocumentsReadBackUnchanged() throws {
        let test = try EntryFixtures.archive()
        var source = try #require(try test.archive.loadSource(key: "lorem-martyrology-v3"))
        source.authors.append(SourceName(family: "Verzonnen", given: "Ludwig", nonDroppingParticle: "van"))
        source.authors.append(SourceName(literal: "Мемориал"))
        source.extra = ["call-number": .string("R 123")]
        var tally = WriteTally()
        _ = try test.archive.change(command: "test") { try test.archive.upsertSource(source, tally: &tally) }
        for ref in ["nemo:p-88211", "lorem-martyrology-v3"] {
            let session = try EntrySession(editing: ref, archive: test.archive)
            let check = try session.check(yaml: try session.document())
            #expect(check.errors.isEmpty, "\(check.errors)")
            #expect(check.record == session.original, "\(ref)")
        }
    }

    @Test func jsonWithTheDocumentShapeIsAcceptedByAdd() throws {
        let test = try EntryFixtures.archive()
        let added = try test.archive.addDocument(.person, text: """
            {"person_ref": "nemo:p-1", "name": "Щелкунчиков, Иона Эммануилович", "name_variants": ["Shchelkunchikov, Iona"],
             "citations": [{"source_key": "gavo-9999-99-999", "locator": "l. 3"}]}
            """, format: .json, file: "p.json")
        #expect(added.message == "created person nemo:p-1 (created 1 person)")
        #expect(try test.archive.loadPerson(ref: "nemo:p-1")?.citations.map(\.locator) == ["l. 3"])
        // The flag-shaped object still works.
        let flags = try test.archive.addDocument(.person, text: #"{"ref": "nemo:p-2", "name": "Небылицевич"}"#, format: .json, file: nil)
        #expect(flags.message == "added person nemo:p-2 (Небылицевич)")
        // And YAML for records that have no document of their own, with lines.
        let error = #expect(throws: DataError.self) {
            _ = try test.archive.addDocument(.event, text: "case: nope\nperson: nemo:p-1\nkind: executed\n", format: .yaml, file: "e.yaml")
        }
        #expect(error?.description.hasPrefix("e.yaml:1: case: no case with ref nope") == true, "\(String(describing: error))")
    }
}

extension PersonDoc {
    func with(notes: String) -> PersonDoc {
        var copy = self
        copy.notes = notes.isEmpty ? nil : notes
        return copy
    }
}
