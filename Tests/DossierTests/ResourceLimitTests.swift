@testable import Dossier
import Foundation
import Testing

/// Hostile inputs that once made dossier run for minutes or exhaust memory
/// (kept in `fuzz/regressions/`): each is refused or read within its stated
/// limit, and the work done is counted, not timed.
@Suite struct ResourceLimitTests {
    static func regression(_ target: String, _ name: String) throws -> String {
        let url = HostileFuzzTests.regressionFolder.appendingPathComponent(target).appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    // MARK: YAML

    @Test func nestedAliasesAreRefusedBeforeAnythingIsExpanded() throws {
        // Given nine lines of aliases of aliases (4.8 million values if expanded)
        let text = try Self.regression("yaml", "aliases-nested-seven-levels")
        // When the document is read
        do {
            _ = try DocumentTree.read(yaml: text, file: "case.yaml")
            Issue.record("the aliases were accepted")
        } catch let error as DataError {
            // Then the first anchor is refused, with its line
            #expect(error.description == "case.yaml:1: a YAML anchor (&a) (expected plain values; anchors and aliases are not used in dossier documents)")
        }
        // And the check stopped at the first anchor: a handful of parser events
        let work = try? YAMLGuard.check(text, file: nil)
        #expect(work == nil)
    }

    @Test func aliasesTagsAndAnchorsAreRefusedWithTheirLine() throws {
        let cases: [(String, String)] = [
            ("title: x\nnote: *x\n", "a.yaml:2: a YAML alias (*x)"),
            ("title: x\nnote: &n text\n", "a.yaml:2: a YAML anchor (&n)"),
            ("title: !!str x\n", "a.yaml:1: a YAML tag (tag:yaml.org,2002:str)"),
            ("defendants:\n  - !person\n    name: Вымыслов\n", "a.yaml:2: a YAML tag (!person)"),
        ]
        for (text, message) in cases {
            #expect(throws: DataError.self) { try YAMLGuard.check(text, file: "a.yaml") }
            do {
                try YAMLGuard.check(text, file: "a.yaml")
            } catch let error as DataError {
                #expect(error.description == message + " (expected \(YAMLGuard.expected))")
            }
        }
    }

    @Test func ampersandsAndAsterisksInsideValuesAreText() throws {
        let text = "title: Вымыслов & Придумкин *заметки*\nnote: \"&a *b\"\ncharges:\n  - 58-10\n"
        let work = try YAMLGuard.check(text, file: "a.yaml")
        #expect(work.events > 0)
        let tree = try DocumentTree.read(yaml: text, file: "a.yaml")
        guard case .map(let entries) = tree.value, case .text(let title) = entries[0].value.value else {
            Issue.record("not read as a block")
            return
        }
        #expect(title == "Вымыслов & Придумкин *заметки*")
    }

    @Test func depthAndSizeAreCapped() throws {
        let deep = String(repeating: "[", count: YAMLGuard.maxDepth + 1) + String(repeating: "]", count: YAMLGuard.maxDepth + 1)
        do {
            try YAMLGuard.check(deep, file: "a.yaml")
            Issue.record("nesting \(YAMLGuard.maxDepth + 1) deep was accepted")
        } catch let error as DataError {
            #expect(error.line == 1)
            #expect(error.problem == "lists and blocks nested more than \(YAMLGuard.maxDepth) deep")
        }
        let shallow = String(repeating: "[", count: YAMLGuard.maxDepth) + String(repeating: "]", count: YAMLGuard.maxDepth)
        #expect(throws: Never.self) { try YAMLGuard.check(shallow, file: "a.yaml") }
        let big = "note: " + String(repeating: "x", count: YAMLGuard.maxBytes) + "\n"
        do {
            try YAMLGuard.check(big, file: "a.yaml")
            Issue.record("a document over the size limit was accepted")
        } catch let error as DataError {
            #expect(error.problem.contains("more than the \(YAMLGuard.maxBytes) a document may hold"))
        }
    }

    // MARK: BibTeX

    @Test func aStringDoubledFortyTimesIsRefusedAtTheLimit() throws {
        // Given @string s1 = s0 # s0, ... s39 = s38 # s38 (s0 is two characters)
        let text = try Self.regression("bibtex", "string-doubled-forty-times")
        var parser = BibTeXParser(text: text, file: "library.bib")
        do {
            _ = try parser.entries()
            Issue.record("the doubling macros were accepted")
        } catch {
            // Then s16, the first longer than the limit (2^17 characters), is refused on its line
            #expect(error.line == 17)
            #expect(error.field == "s16")
            #expect(error.problem.contains("longer than \(BibTeXParser.maxValueLength) characters"))
            #expect(error.problem.contains("in @string s16"))
        }
        // And the work done is the macros up to the limit: about 2^17 characters copied
        #expect(parser.work < 4 * BibTeXParser.maxValueLength)
    }

    @Test func aStringThatNamesItselfIsACycle() throws {
        let text = "@string{loop = loop # \"x\"}\n@book{k, title = loop}\n"
        #expect(throws: SourceParseError.self) { try BibTeX.decode(text, file: "a.bib") }
        do {
            _ = try BibTeX.decode(text, file: "a.bib")
        } catch {
            #expect(error.line == 1)
            #expect(error.problem.contains("the @string loop refers to itself"))
        }
    }

    @Test func theTotalExpansionOfAFileIsCapped() throws {
        // A macro just under the field limit, used by enough entries to pass the total.
        let length = BibTeXParser.maxValueLength - 1_000
        let uses = BibTeXParser.maxExpandedTotal / length + 1
        var text = "@string{long = {" + String(repeating: "x", count: length) + "}}\n"
        for index in 0..<uses { text += "@book{k\(index), title = long}\n" }
        var parser = BibTeXParser(text: text, file: "a.bib")
        do {
            _ = try parser.entries()
            Issue.record("\(uses) expansions of \(length) characters were accepted")
        } catch {
            #expect(error.line == uses + 1)
            #expect(error.problem.contains("expand to more than \(BibTeXParser.maxExpandedTotal) characters in this file, in entry k\(uses - 1)"))
        }
        #expect(parser.expandedTotal <= BibTeXParser.maxExpandedTotal)
    }

    @Test func aWrittenOutValueOverTheLimitIsRefusedToo() throws {
        // Escaped braces count like any other character
        for body in [String(repeating: "\\{", count: BibTeXParser.maxValueLength / 2 + 1),
                     String(repeating: "x", count: BibTeXParser.maxValueLength + 1)] {
            let text = "@book{k,\n  title = {" + body + "}}\n"
            do {
                _ = try BibTeX.decode(text, file: "a.bib")
                Issue.record("a value of \(body.count) characters was accepted")
            } catch {
                #expect(error.line == 2)
                #expect(error.problem.contains("longer than \(BibTeXParser.maxValueLength) characters"))
            }
        }
    }

    @Test func ordinaryMacrosStillExpand() throws {
        let text = "@string{jrn = \"Журнал\"}\n@article{k, title = {Статья}, journal = jrn # { вымышленный}, date = {1990}}\n"
        let sources = try BibTeX.decode(text, file: "a.bib")
        #expect(sources.count == 1)
        var parser = BibTeXParser(text: text, file: "a.bib")
        let entries = try parser.entries()
        #expect(entries[0].fields.first { $0.name == "journal" }?.raw == "Журнал вымышленный")
    }

    // MARK: Memorial notes

    @Test func aNoteOverTheLengthLimitIsRefusedWithAProblem() throws {
        // Given 1,000 copies of one clause: 22,000 characters, several notes' worth run together
        let text = try Self.regression("memorial", "arrest-clause-repeated-1000-times")
        let (note, work) = MemorialNote.parseCountingWork(name: "Вымыслов Петр Иванович", note: text)
        // Then nothing is read, the problem says why, and no clause was searched for
        #expect(note.fields.filter { !$0.inName }.isEmpty)
        #expect(note.problems == ["the note is 22000 characters long, more than the \(NoteParser.maxNoteLength) a note may have; it was not read (is a quote left open, running several notes together?)"])
        #expect(note.parsedPoorly)
        #expect(note.confidence == 0)
        #expect(note.unread.isEmpty)
        #expect(work == 0)
    }

    @Test func aRepeatedClauseBelowTheLimitIsReadWithLinearWork() throws {
        // 545 copies, 12,000 characters: once eight seconds
        let text = String(repeating: "Арестован 14.08.1937. ", count: 545)
        let (note, work) = MemorialNote.parseCountingWork(name: "Вымыслов Петр Иванович", note: text)
        let tokens = NoteTokens(text).count
        #expect(work <= 8 * tokens)
        // The first cases are read; the arrests after the limit are a problem
        #expect(note.caseCount == NoteParser.maxCases)
        #expect(note.problems.contains("the note describes more than \(NoteParser.maxCases) arrests; those after the \(NoteParser.maxCases)th were not read"))
        #expect(note.value("case\(NoteParser.maxCases).arrested.date") == "1937-08-14")
    }

    @Test func aQuoteLeftOpenInAMemorialCSVIsOneErrorWithItsLine() throws {
        // 2,000 rows after a quote that never closes: once rejoined and
        // recounted line by line, quadratic in the file
        let note = "Родился в 1893 г.; б/п. Арестован 5 сентября 1937 г. Обв.: по ст. 58-10 УК РСФСР."
        var text = "name,note\nВымыслов Петр Иванович,\"\(note)\"\nПридумкин Савелий Петрович,\"\(note)\n"
        for index in 0..<2_000 { text += "Сочинёнов\(index) Иван Ильич,\"\(note)\"\n" }
        let memorial = MemorialImportTests()
        let test = try TestArchive()
        let file = try MemorialImportTests.TemporaryFile(text, suffix: ".csv")
        let messages = memorial.errors { _ = try memorial.importNotes(test, [file.path]) }
        #expect(messages == [file.path + ":3: a quoted field is never closed (expected RFC 4180 CSV)"])
        #expect(try test.count("person") == 0)
    }

    @Test func realNotesAreFarBelowTheLimit() throws {
        // The fixture notes (Books of Memory style) are read as before.
        for name in ["notes.txt", "fresh.txt", "heldout.txt"] {
            let text = try String(contentsOfFile: ImportTestSupport.fixture("memorial/" + name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                #expect(line.unicodeScalars.count * 10 < NoteParser.maxNoteLength)
            }
        }
    }

    // MARK: Statute lists

    @Test func aCompressedListOf8000PartsIsRefused() throws {
        let text = try Self.regression("statute", "compressed-list-8000-parts")
        #expect(throws: ChargeError.self) { try ChargeParser.parse(text) }
        do {
            _ = try ChargeParser.parse(text)
        } catch let error as ChargeError {
            #expect(error.problem.hasPrefix("the charges are \(text.utf8.count) bytes long, more than the \(ChargeReader.maxTextLength)"))
        }
    }

    @Test func aListWithMorePartsThanAnyArticleIsRefused() throws {
        let parts = (1...(StatuteGrammar.maxParts + 1)).map { String(1 + ($0 - 1) % 14) }.joined(separator: "-")
        do {
            _ = try ChargeParser.parse("58-" + parts)
            Issue.record("\(StatuteGrammar.maxParts + 1) parts were accepted")
        } catch let error as ChargeError {
            #expect(error.problem.contains("more than \(StatuteGrammar.maxParts) parts"))
        }
        // Fourteen parts twice over are fourteen charges, each stored once
        let twice = (1...28).map { String(1 + ($0 - 1) % 14) }.joined(separator: "-")
        let charges = try ChargeParser.parse("58-" + twice)
        #expect(charges.map(\.ref) == (1...14).map { "RSFSR-1926:58-\($0)" })
    }

    @Test func aCellWithMoreChargesThanAnyCaseIsRefused() throws {
        let pieces = (1...(ChargeReader.maxCharges + 1)).map { "\(100 + $0)" }.joined(separator: "; ")
        do {
            _ = try ChargeParser.parse(pieces)
            Issue.record("\(ChargeReader.maxCharges + 1) charges were accepted")
        } catch let error as ChargeError {
            #expect(error.problem.contains("more than \(ChargeReader.maxCharges) charges"))
        }
        let most = (1...ChargeReader.maxCharges).map { "\(100 + $0)" }.joined(separator: "; ")
        #expect(try ChargeParser.parse(most).count == ChargeReader.maxCharges)
    }

    @Test func theSameChargeTwiceInACellIsStoredOnce() throws {
        let charges = try ChargeParser.parse("58-10; ст. 58-10 УК РСФСР; 58-11; 58.10")
        #expect(charges.map(\.ref) == ["RSFSR-1926:58-10", "RSFSR-1926:58-11"])
        #expect(charges[0].raw == "58-10")
        // And through a CSV import: one charge row per distinct charge
        let test = try TestArchive()
        let text = """
            case_ref,person_ref,name,charges
            c-1,p-1,Вымыслов,"58-10; 58-10; 58-6-7-6-7"
            """
        _ = try ImportTestSupport.importText(test.archive, text, format: .csv, path: "x.csv")
        #expect(try test.count("charge") == 3)
    }

    @Test func aCellOverALimitIsADataErrorWithItsLine() throws {
        let test = try TestArchive()
        let parts = (1...(StatuteGrammar.maxParts + 1)).map { String(1 + ($0 - 1) % 14) }.joined(separator: "-")
        let text = """
            case_ref,person_ref,name,charges
            c-1,p-1,Вымыслов,58-10
            c-2,p-2,Придумкин,58-\(parts)
            """
        do {
            _ = try ImportTestSupport.importText(test.archive, text, format: .csv, path: "x.csv")
            Issue.record("accepted")
        } catch let error as DataErrors {
            #expect(error.errors.count == 1)
            #expect(error.errors[0].description.hasPrefix("x.csv:3: charges: a compressed list of more than \(StatuteGrammar.maxParts) parts"))
        }
        #expect(try test.count("charge") == 0)
    }
}
