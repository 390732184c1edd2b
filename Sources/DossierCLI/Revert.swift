import ArgumentParser
import Dossier
import Foundation

struct Revert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Undo one change, as a new change (which can itself be reverted).",
        discussion: """
            Puts every row the change touched back as it was, newest first, in one transaction.
            Refuses, writing nothing, when a later change touched the same records (revert that one
            first) or added records that depend on what would be removed.
            Example: dossier history pryanikov-1936; dossier revert 12
            Documented in docs/reliability.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The number of the change, as `dossier history` shows it.") var change: Int

    func run() throws {
        let opened = try archive.open()
        let result = try opened.revert(change: Int64(change))
        output("reverted change \(result.reverted) as change \(result.change): \(result.summary)\n")
    }
}
