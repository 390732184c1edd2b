@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct MemorialImportTests {
    func importNotes(_ test: TestArchive, _ paths: [String], encoding: MemorialEncoding = .utf8,
                     dryRun: Bool = false, ignoreUnknownColumns: Bool = false) throws -> ImportReport {
        var options = ImportOptions()
        options.memorial.encoding = encoding
        options.dryRun = dryRun
        options.ignoreUnknownColumns = ignoreUnknownColumns
        return try test.archive.importFiles(paths.map { ImportInput(path: $0, format: .memorial) }, options: options)
    }

    /// A temporary file with the given bytes, removed afterwards.
    final class TemporaryFile {
        let path: String
        init(_ bytes: [UInt8], suffix: String = ".txt") throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("memorial-\(UUID().uuidString)\(suffix)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        convenience init(_ text: String, suffix: String = ".txt") throws { try self.init(Array(text.utf8), suffix: suffix) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    func errors(_ body: () throws -> Void) -> [String] { ImportTestSupport.errors(body) }

    // MARK: Writing

    @Test func importsTheDevelopmentNotes() throws {
        let test = try TestArchive()
        let report = try importNotes(test, [MemorialFixtures.path("notes.txt")])
        #expect(report.records == 45)
        #expect(try test.count("person") == 45)
        #expect(try test.count("proceeding") == 46)  // one note tells of two cases
        #expect(try test.count("defendant") == 46)
        #expect(try test.count("note_parse") == 46)
        // Three sources are named: two by an Источник line, one inside a note.
        #expect(try test.count("source") == 3)
        let memorial = try #require(report.memorial)
        #expect(memorial.notes == 45)
        #expect(memorial.fieldCounts["birth"] == 45)
        #expect(memorial.poorCount == 1)
        #expect(memorial.poorlyParsed.first?.name == "Выдумкина Прасковья Гавриловна")
        #expect(memorial.text.contains("1 note parsed poorly"))
    }

    @Test func theRecordsOfANote() throws {
        let test = try TestArchive()
        _ = try importNotes(test, [MemorialFixtures.path("notes.txt")])
        let entry = try MemorialFixtures.entries("notes.txt")[0]
        let key = MemorialSources.key(forTitle: "Книга памяти Вымышленной области")
        let personRef = MemorialRefs.personRef(name: entry.name, birth: "1899",
                                               birthplace: "Тульская губ., Епифанский уезд, д. Небывалово", sourceKey: key)
        let doc = try #require(try test.archive.loadCase(ref: personRef + ":case"))
        #expect(doc.body == "Комиссия НКВД и Прокуратуры СССР")
        #expect(doc.bodyKind == .dvoika)
        #expect(doc.category == .political)
        #expect(doc.trialDate == "1937-11-02")
        #expect(doc.citations.map(\.sourceKey) == [key])
        let defendant = try #require(doc.defendants.first)
        #expect(defendant.notes == entry.note)  // the note, verbatim
        #expect(defendant.outcome == .convicted)
        #expect(defendant.sentence == "ВМН")
        #expect(defendant.sentenceKind == .death)
        #expect(defendant.outcomeDate == "1937-11-02")
        #expect(defendant.charges.map(\.ref) == ["RSFSR-1926:58-7", "RSFSR-1926:58-8", "RSFSR-1926:58-11"])
        #expect(defendant.charges.allSatisfy { $0.text == "ст. 58-7-8-11 УК РСФСР" })
        #expect(defendant.events.map(\.kind) == [.arrested, .executed, .rehabilitated])
        #expect(defendant.events.map(\.date) == ["1937-08-14", "1937-11-10", "1958-03-21"])
        #expect(defendant.events[1].notes == "place: г.Москва")
        #expect(defendant.events[2].body == "ВК ВС СССР")
        #expect(defendant.citations.map(\.sourceKey) == [key])
        let person = defendant.person
        #expect(person.name == "Примеров Иван Семенович")
        #expect(person.sex == .m)
        #expect(person.birth == "1899")
        // «Расстрелян 10.11.1937» is the executed event; the death is
        // derived from it when shown, not stored as recorded.
        #expect(person.death == nil)
        #expect(DerivedDeath.derive(person, events: [(doc.ref, defendant.events)])?.date == "1937-11-10")
        #expect(person.birthplace == "Тульская губ., Епифанский уезд, д. Небывалово")
        #expect(person.occupation == "Инженер завода \"Серп и молот\"")
        // The nationality has a column of its own; the rest stays in notes.
        #expect(person.nationality == "русский")
        #expect(person.notes == "education: среднее; party: член ВКП(б); residence: Москва, ул. Большая Полянка, д. 5, кв. 12")
        #expect(person.citations.map(\.sourceKey) == [key])
        let source = try #require(try test.archive.loadSource(key: key))
        #expect(source.title == "Книга памяти Вымышленной области")
        #expect(source.type == "book")
    }

    @Test func everyFieldIsStoredWithItsQuote() throws {
        let test = try TestArchive()
        _ = try importNotes(test, [MemorialFixtures.path("notes.txt")])
        let rows = try test.db.fetchAll("""
            SELECT f.field, f.value, f.quote FROM note_field f JOIN defendant d ON d.id = f.defendant_id
            JOIN person p ON p.id = d.person_id JOIN person_name n ON n.person_id = p.id
            WHERE n.name = 'Примеров Иван Семенович' ORDER BY f.start
            """)
        let triples = rows.map { [$0.string(0) ?? "", $0.string(1) ?? "", $0.string(2) ?? ""] }
        #expect(triples.contains(["birth", "1899", "1899"]))
        #expect(triples.contains(["birthplace", "Тульская губ., Епифанский уезд, д. Небывалово", "Тульская губ., Епифанский уезд, д. Небывалово"]))
        #expect(triples.contains(["trial_date", "1937-11-02", "02.11.1937"]))
        #expect(triples.contains(["sex", "m", "Семенович"]))
        #expect(triples.contains(["charge", "RSFSR-1926:58-8", "ст. 58-7-8-11 УК РСФСР"]))
        #expect(triples.contains(["body_kind", "dvoika", "Комиссия НКВД и Прокуратуры СССР"]))
        // Stored compactly: the value is left out where it is the quote.
        let stored = try test.db.scalar("SELECT fields FROM note_parse ORDER BY id LIMIT 1").stringValue ?? ""
        #expect(stored.hasPrefix(#"[["sex","m",14,23,0,"name"],["birth",null,7,11]"#))
        let confidence = try test.db.scalar("SELECT min(confidence) FROM note_parse").doubleValue
        #expect(confidence == 0.19)
        let unread = try test.db.scalar("SELECT unread FROM note_parse WHERE confidence < 0.8").stringValue
        #expect(unread?.hasPrefix("[[") == true)
    }

    @Test func aParseGoesWhenItsNoteIsChangedAndComesBackWithTheNextImport() throws {
        let test = try TestArchive()
        _ = try importNotes(test, [MemorialFixtures.path("notes.csv")])
        let id = try #require(try test.db.fetchOne("""
            SELECT d.id FROM defendant d JOIN person p ON p.id = d.person_id WHERE p.ref = 'example:1001'
            """)?[0].int64Value)
        try test.archive.change(command: "edit") {
            try test.db.execute("UPDATE defendant SET notes = 'Род. в 1893.' WHERE id = ?", [id])
        }
        #expect(try test.db.scalar("SELECT count(*) FROM note_parse WHERE defendant_id = ?", [id]).intValue == 0)
        #expect(try test.count("note_parse") == 4)
        let again = try importNotes(test, [MemorialFixtures.path("notes.csv")])
        #expect(again.tally.created["note parse"] == 1)
        #expect(again.tally.updated["defendant"] == 1)
        #expect(try test.count("note_parse") == 5)
    }

    @Test func importingTwiceChangesNothing() throws {
        let test = try TestArchive()
        _ = try importNotes(test, [MemorialFixtures.path("notes.txt"), MemorialFixtures.path("notes.csv")])
        let history = try test.count("history")
        let changes = try test.count("change")
        let again = try importNotes(test, [MemorialFixtures.path("notes.txt"), MemorialFixtures.path("notes.csv")])
        #expect(!again.tally.changedAnything)
        #expect(again.tally.unchanged["note parse"] == 51)
        #expect(try test.count("history") == history)
        #expect(try test.count("change") == changes)
    }

    @Test func aDryRunWritesNothingButShowsEveryParse() throws {
        let test = try TestArchive()
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var items: [(Int, String)] = []
        }
        let seen = Seen()
        var options = ImportOptions()
        options.dryRun = true
        options.memorial.onNote = { index, json in
            seen.lock.lock()
            seen.items.append((index, json.serialized()))
            seen.lock.unlock()
        }
        let report = try test.archive.importFiles([ImportInput(path: MemorialFixtures.path("notes.txt"), format: .memorial)],
                                                  options: options)
        #expect(report.records == 45)
        #expect(report.tally.created["case"] == 46)
        #expect(try test.count("person") == 0)
        #expect(try test.count("note_parse") == 0)
        #expect(try test.count("source") == 0)
        #expect(seen.items.map(\.0) == Array(1...45))
        let first = try JSONDecoder().decode(JSONValue.self, from: Data(seen.items[0].1.utf8))
        guard case .object(let object) = first, case .array(let fields)? = object["fields"],
              case .object(let birth)? = fields.first(where: {
                  if case .object(let f) = $0, f["field"] == .string("birth") { return true }
                  return false
              }) else {
            Issue.record("unexpected JSON \(seen.items[0].1)")
            return
        }
        #expect(birth["value"] == .string("1899"))
        #expect(birth["text"] == .string("1899"))
        #expect(birth["start"] == .number(7))
        #expect(object["confidence"] == .number(1))
        #expect(object["cases"] != nil)
    }

    // MARK: CSV, refs and sources

    @Test func csvWithRefsAndSources() throws {
        let test = try TestArchive()
        let report = try importNotes(test, [MemorialFixtures.path("notes.csv")])
        #expect(report.records == 5)
        #expect(try test.archive.personID("example:1001") != nil)
        #expect(try test.archive.caseID("example:1001:case") != nil)
        // A note with a line break inside its quoted field.
        let student = try #require(try test.archive.loadCase(ref: "example:1004:case"))
        #expect(student.defendants[0].notes?.contains("студент.\nПроживал") == true)
        #expect(student.defendants[0].person.notes?.contains("residence: г. Казань") == true)
        #expect(student.defendants[0].outcome == .releasedWithoutTrial)
        #expect(student.citations.isEmpty)
        // The note without a ref gets one made from it.
        let refs = try test.db.fetchAll("SELECT ref FROM person ORDER BY ref").compactMap { $0.string(0) }
        #expect(refs.filter { $0.hasPrefix("memorial:") }.count == 1)
        #expect(try test.count("source") == 2)
        let list = try #require(try test.archive.loadSource(key: MemorialSources.key(forTitle: "Расстрельные списки: вымышленный том")))
        #expect(list.type == "book")
    }

    @Test func plainTextRecordsMayGiveTheirRefAndSource() throws {
        let test = try TestArchive()
        let file = try TemporaryFile("""
            Примеров Иван Семенович
            Род. в 1899, д. Небывалово.
            Арестован 14.08.1937.
            Ref: example:7
            Источник: Книга памяти Вымышленной области

            """)
        _ = try importNotes(test, [file.path])
        let doc = try #require(try test.archive.loadCase(ref: "example:7:case"))
        #expect(doc.defendants[0].notes == "Род. в 1899, д. Небывалово.\nАрестован 14.08.1937.")
        #expect(doc.citations.map(\.sourceKey) == ["kniga-pamyati-vymyshlennoy-oblasti"])
        #expect(doc.defendants[0].events.first?.date == "1937-08-14")
    }

    @Test func aSourceColumnMayNameASourceAlreadyInTheArchive() throws {
        let test = try TestArchive()
        try test.add(.source, #"{"key": "kp-vym", "type": "book", "title": "Книга памяти Вымышленной области. Т. 1"}"#)
        let file = try TemporaryFile("name,note,source\nПримеров Иван Семенович,Род. в 1899. Арестован 14.08.1937.,kp-vym\n", suffix: ".csv")
        _ = try importNotes(test, [file.path])
        #expect(try test.count("source") == 1)
        let person = try #require(try test.db.fetchOne("SELECT ref FROM person")?.string(0))
        #expect(try test.archive.loadPerson(ref: person)?.citations.map(\.sourceKey) == ["kp-vym"])
    }

    @Test func theSameNoteTwiceIsSkippedTwoNotesWithOneRefAreAnError() throws {
        let test = try TestArchive()
        let note = "Примеров Иван Семенович\nРод. в 1899, д. Небывалово. Арестован 14.08.1937.\n"
        let twice = try TemporaryFile(note + "\n" + note)
        let report = try importNotes(test, [twice.path])
        #expect(report.memorial?.duplicates == 1)
        #expect(try test.count("person") == 1)
        let clash = try TemporaryFile(note + "\nПримеров Иван Семенович\nРод. в 1899, д. Небывалово. Арестован 20.08.1937.\n")
        let messages = errors { _ = try importNotes(test, [clash.path]) }
        #expect(messages.count == 1)
        #expect(messages.first?.contains(":4: name: the note on line 1 gives the same person ref") == true)
    }

    // MARK: Encodings

    static func windows1251(_ text: String) -> [UInt8] {
        var table: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            if let scalar = Cyrillic1251.decode([byte])?.unicodeScalars.first { table[scalar] = byte }
        }
        return text.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : table[$0] ?? UInt8(ascii: "?") }
    }

    @Test func readsWindows1251AndRefusesItWithoutTheOption() throws {
        let text = try String(contentsOfFile: MemorialFixtures.path("notes.txt"), encoding: .utf8)
        let file = try TemporaryFile(Self.windows1251(text))
        let messages = errors { _ = try importNotes(try TestArchive(), [file.path]) }
        #expect(messages.first == "\(file.path):1: not valid UTF-8; it looks like Windows-1251: give --encoding cp1251 (expected UTF-8 text)")
        let legacy = try TestArchive()
        _ = try importNotes(legacy, [file.path], encoding: .cp1251)
        let modern = try TestArchive()
        _ = try importNotes(modern, [MemorialFixtures.path("notes.txt")])
        let query = "SELECT group_concat(p.ref || d.notes, '|') FROM defendant d JOIN person p ON p.id = d.person_id ORDER BY p.ref"
        #expect(try legacy.db.scalar(query).stringValue == modern.db.scalar(query).stringValue)
    }

    @Test func refusesUTF8GivenAsWindows1251() throws {
        let messages = errors { _ = try importNotes(try TestArchive(), [MemorialFixtures.path("notes.txt")], encoding: .cp1251) }
        #expect(messages.first?.hasSuffix(":1: this is UTF-8, not Windows-1251 (leave out --encoding cp1251) (expected Windows-1251 text)") == true)
    }

    @Test func refusesTextThatWasDecodedWrongBeforehand() throws {
        // UTF-8 bytes once read as Windows-1251 and saved again as UTF-8.
        let garbled = try #require(Cyrillic1251.decode(Array("Род. в 1899. Арестован 14.08.1937.".utf8)))
        let file = try TemporaryFile("Примеров Иван Семенович\n\(garbled)\n")
        let messages = errors { _ = try importNotes(try TestArchive(), [file.path]) }
        #expect(messages.count == 1)
        #expect(messages.first?.contains(":2: note: the text looks like UTF-8 read as Windows-1251") == true)
    }

    // MARK: Bad input

    @Test(arguments: [
        ("Примеров Иван Семенович\n", ":1: note: missing (expected the note on the line after the name, and a blank line between records)"),
        ("Род. в 1899. Арестован 14.08.1937.\n", ":1: name: this line reads like a note, not a name (expected the person's name on its own line, the note on the next)"),
        ("name,note,comment\nХ,Род. в 1899.,x\n", ":1: comment: unknown column (give --ignore-unknown-columns to skip it) (expected name, note, source, ref)"),
        ("name,note\nХ,Род. в 1899.,x\n", ":2: 3 fields, but the header has 2 (expected one field per header column)"),
        ("name,note\nХ,\n", ":2: note: missing (expected the note)"),
        ("name,note\n\"Х,Род. в 1899.\n", ":2: a quoted field is never closed (expected RFC 4180 CSV)"),
        ("\n\n", ":1: the file holds no notes (expected a CSV header name,note or a name line followed by a note line)"),
        ("name;note\nХ;Род. в 1899.\n", ":1: the header is separated by semicolons; dossier reads comma-separated CSV (expected name,note[,source,ref] (save the file as CSV with commas))"),
    ])
    func badInputIsAOneLineErrorAndNothingIsWritten(text: String, message: String) throws {
        let test = try TestArchive()
        let file = try TemporaryFile(text)
        let messages = errors { _ = try importNotes(test, [file.path]) }
        #expect(messages == [file.path + message])
        #expect(try test.count("person") == 0)
        #expect(try test.count("change") == 0)
    }

    @Test func unknownColumnsMayBeSkipped() throws {
        let test = try TestArchive()
        let file = try TemporaryFile("name,note,comment\nПримеров Иван Семенович,Род. в 1899.,x\n")
        _ = try importNotes(test, [file.path], ignoreUnknownColumns: true)
        #expect(try test.count("person") == 1)
    }

    @Test func aFailedImportLeavesTheArchiveAsItWas() throws {
        let test = try TestArchive()
        let bad = try TemporaryFile("Примеров Иван Семенович\n")
        let messages = errors { _ = try importNotes(test, [MemorialFixtures.path("notes.txt"), bad.path]) }
        #expect(messages.count == 1)
        #expect(try test.count("person") == 0)
        #expect(try test.count("note_parse") == 0)
    }
}

@Suite struct MemorialRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures repeat.
    struct Mix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    /// Notes cut, shuffled and spliced from the fixtures: every parse is
    /// in range, every date it gives is valid EDTF, and the whole lot
    /// imports in one transaction without breaking a constraint.
    @Test func mangledNotesParseAndImport() throws {
        var random = Mix(state: 1937)
        let notes = try MemorialFixtures.development().map(\.entry.note)
            + (try MemorialFixtures.heldOut().map(\.entry.note))
        var text = ""
        for index in 0..<300 {
            var words = notes[Int(random.next() % UInt64(notes.count))].split(separator: " ").map(String.init)
            switch index % 4 {
            case 0: words.shuffle(using: &random)
            case 1: words = Array(words.prefix(Int(random.next() % UInt64(words.count + 1))))
            case 2:
                let other = notes[Int(random.next() % UInt64(notes.count))].split(separator: " ").map(String.init)
                words = Array(words.prefix(words.count / 2)) + Array(other.suffix(other.count / 2))
            default:
                words = words.filter { _ in random.next() % 3 != 0 }
            }
            let note = words.joined(separator: " ")
            let parse = MemorialNote.parse(name: "Выдумкин \(index)", note: note)
            #expect(parse.confidence >= 0 && parse.confidence <= 1)
            for field in parse.fields where !field.inName {
                #expect(field.span.start >= 0 && field.span.end <= note.unicodeScalars.count && field.span.start < field.span.end)
            }
            for field in parse.fields where field.name == "birth" || field.name == "death" || field.name.hasSuffix("date") {
                #expect((try? EDTFDate.parse(field.value)) != nil, "\(field.name) = \(field.value)")
            }
            if !note.isEmpty { text += "Выдумкин \(index)\n\(note)\n\n" }
        }
        let test = try TestArchive()
        let report = try test.archive.importFiles([ImportInput(path: "mangled.txt", format: .memorial, text: text)])
        #expect(report.records > 250)
        #expect(try test.count("note_parse") >= report.records)
    }
}
