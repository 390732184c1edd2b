@testable import Dossier
import Foundation

/// The invented notes of `Fixtures/memorial/` and their hand annotations.
enum MemorialFixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/memorial")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The entries of a fixture file, read as the importer reads them.
    static func entries(_ name: String) throws -> [MemorialEntry] {
        let reader = MemorialReader(input: ImportInput(path: path(name), format: .memorial), encoding: .utf8,
                                    ignoreUnknownColumns: false)
        var log = ProblemLog(limit: 10)
        var result: [MemorialEntry] = []
        try reader.read(log: &log) { entry, _ in result.append(entry) }
        if !log.isEmpty { throw DataErrors(log.errors, omitted: log.omitted) }
        return result
    }

    struct Annotated: Sendable {
        var entry: MemorialEntry
        var expected: [String: String]
    }

    /// Each note with the fields a reader finds in it.
    static func annotated(_ notes: String, _ expected: String) throws -> [Annotated] {
        let entries = try self.entries(notes)
        let text = try String(contentsOfFile: path(expected), encoding: .utf8)
        var byName: [String: [String: String]] = [:]
        for line in text.split(separator: "\n") {
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
            guard case .object(let object) = json, case .string(let name)? = object["name"],
                  case .object(let fields)? = object["fields"] else {
                throw ArchiveError("\(expected): a line is not {\"name\": …, \"fields\": {…}}")
            }
            var values: [String: String] = [:]
            for (key, value) in fields {
                guard case .string(let text) = value else { throw ArchiveError("\(expected): \(name).\(key) is not a string") }
                values[key] = text
            }
            byName[name] = values
        }
        return try entries.map { entry in
            guard let expected = byName[entry.name] else { throw ArchiveError("no annotation for \(entry.name)") }
            return Annotated(entry: entry, expected: expected)
        }
    }

    static func development() throws -> [Annotated] { try annotated("notes.txt", "expected.jsonl") }
    static func heldOut() throws -> [Annotated] { try annotated("heldout.txt", "heldout-expected.jsonl") }
    static func fresh() throws -> [Annotated] { try annotated("fresh.txt", "fresh-expected.jsonl") }
}

/// Field-by-field agreement of parses with the annotations.
struct MemorialAccuracy {
    /// Fields the annotation has.
    var present = 0
    /// Of those, read with the same value.
    var correct = 0
    /// Fields read that the annotation does not have.
    var invented = 0
    var differences: [String] = []

    var share: Double { present == 0 ? 0 : Double(correct) / Double(present) }

    init(_ notes: [MemorialFixtures.Annotated]) {
        for note in notes {
            let parse = MemorialNote.parse(name: note.entry.name, note: note.entry.note)
            let read = parse.flattened
            for (key, value) in note.expected {
                present += 1
                if read[key] == value {
                    correct += 1
                } else {
                    differences.append("\(note.entry.name): \(key): expected \(value), read \(read[key] ?? "nothing")")
                }
            }
            for (key, value) in read where note.expected[key] == nil {
                invented += 1
                differences.append("\(note.entry.name): \(key): read \(value), which the note does not say")
            }
        }
    }

    var summary: String {
        String(format: "%d of %d fields read correctly (%.1f%%), %d invented", correct, present, share * 100, invented)
    }
}
