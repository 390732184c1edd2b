import ArgumentParser
import Dossier
import Foundation

struct NotDuplicate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "not-duplicate",
        abstract: "Record that two persons (or two cases) are different, so that they are not proposed again.",
        discussion: """
            Examples:
              dossier not-duplicate p-pryanikov-s p-pryanikov-i --note "brothers"
              dossier not-duplicate p-pryanikov-s p-pryanikov-i --remove
            Documented in docs/duplicates.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "A person or case ref.") var first: String
    @Argument(help: "Another of the same kind.") var second: String
    @Option(help: "Why they are different.") var note: String?
    @Flag(help: "Forget an earlier judgement instead.") var remove = false

    func run() throws {
        let opened = try archive.open()
        output(try opened.markNotDuplicate(first, second, note: note, remove: remove).text)
    }
}
