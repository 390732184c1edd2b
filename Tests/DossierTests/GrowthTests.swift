@testable import Dossier
import Foundation
import Testing

/// Each parser fed N, 2N and 4N copies of a repeated unit: the work it
/// counts (its operation counter, not the clock) may at most about double
/// when the input doubles. A parser that rescans what it has read grows
/// fourfold and fails here.
@Suite struct GrowthTests {
    /// Doubling the input may multiply the work by at most this: 2 for
    /// linear work, with room for a logarithmic factor, well short of the
    /// 4 of quadratic work.
    static let allowed = 2.5

    static func expectLinear(_ name: String, base: Int, _ work: (Int) throws -> Int) throws {
        let counts = try [base, 2 * base, 4 * base].map(work)
        #expect(counts[0] > 0, "\(name): no work counted")
        for (smaller, larger) in zip(counts, counts.dropFirst()) {
            #expect(Double(larger) <= allowed * Double(smaller),
                    "\(name): work \(counts) for \(base), \(2 * base), \(4 * base) copies grows faster than the input")
        }
    }

    @Test func quadraticWorkFailsTheCheck() throws {
        // The check itself: work that quadruples when the input doubles is caught
        withKnownIssue {
            try Self.expectLinear("square", base: 10) { $0 * $0 + 5 }
        }
        try Self.expectLinear("linear", base: 10) { 3 * $0 + 5 }
    }

    @Test(arguments: [
        "  - name: Вымыслов Петр\n    charges: [58-10, 58-11]\n    outcome: convicted\n",
        "  - {name: \"Придумкин, С. И.\", note: 'a & b *c'}\n",
    ])
    func yamlGuardWorkIsLinear(unit: String) throws {
        try Self.expectLinear("yaml", base: 50) { copies in
            let text = "title: Дело\ndefendants:\n" + String(repeating: unit, count: copies)
            let work = try YAMLGuard.check(text, file: nil)
            // The tree read afterwards holds every copy.
            let tree = try DocumentTree.read(yaml: text, file: nil)
            guard case .map(let entries) = tree.value, case .list(let items) = entries[1].value.value else {
                throw DataError(problem: "not read as a block with a list")
            }
            #expect(items.count == copies)
            return work.events
        }
    }

    @Test(arguments: [
        "@book{k#, title = {Заглавие}, journal = jrn # { (вып. 2)}, date = {1937}}\n",
        "@string{m# = jrn # \" \" # {том}}\n@article{k#, title = m#, date = {1938}}\n",
        "% a comment line before the entry\n@misc{k#, title = \"A \\\"quoted\\\" {title}\", note = {{nested {braces}}}}\n",
    ])
    func bibtexWorkIsLinear(unit: String) throws {
        try Self.expectLinear("bibtex", base: 40) { copies in
            var text = "@string{jrn = {Вымышленный журнал}}\n"
            for index in 0..<copies { text += unit.replacingOccurrences(of: "#,", with: "\(index),").replacingOccurrences(of: "m# ", with: "m\(index) ") }
            var parser = BibTeXParser(text: text, file: "a.bib")
            let entries = try parser.entries()
            #expect(entries.count == copies)
            return parser.work
        }
    }

    @Test(arguments: [
        "Арестован 14.08.1937. ",
        "Обв. по ст. 58-10 УК РСФСР. # ",
        "Род. в 1899, Тульская губ., Епифанский уезд, русский, ",
        "Приговорен тройкой при УНКВД 13 сентября 1937 г. к ВМН. Расстрелян 18 сентября 1937 г. ",
    ])
    func memorialNoteWorkIsLinear(unit: String) throws {
        try Self.expectLinear("memorial", base: 40) { copies in
            let note = String(repeating: unit, count: copies)
            #expect(note.unicodeScalars.count <= NoteParser.maxNoteLength)
            return MemorialNote.parseCountingWork(name: "Вымыслов Петр Иванович", note: note).1
        }
    }

    @Test func statuteListWorkIsLinear() throws {
        // Pieces, up to the most charges a cell may hold
        try Self.expectLinear("statute pieces", base: ChargeReader.maxCharges / 4) { copies in
            let text = (0..<copies).map { "ст. \(100 + $0)-1 УК РСФСР" }.joined(separator: "; ")
            var work = 0
            let charges = try ChargeParser.parse(text, work: &work)
            #expect(charges.count == copies)
            return work
        }
        // Parts of one compressed list, up to the most parts a list may have
        try Self.expectLinear("statute parts", base: StatuteGrammar.maxParts / 4) { copies in
            let text = "58-" + (1...copies).map(String.init).joined(separator: "-")
            var work = 0
            let charges = try ChargeParser.parse(text, work: &work)
            #expect(charges.count == copies)
            return work
        }
    }

    @Test func statuteRefusalWorkIsLinear() throws {
        // Past the limits the work is what it takes to see the limit, no more
        try Self.expectLinear("statute refusal", base: 100) { copies in
            let text = "58-" + (0..<copies).map { String(1 + $0 % 14) }.joined(separator: "-")
            var work = 0
            #expect(throws: ChargeError.self) { try ChargeParser.parse(text, work: &work) }
            return work
        }
    }
}
