import ArgumentParser
import Dossier
import Foundation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge two records of one person (or one case) into the first.",
        discussion: """
            Every name of OTHER becomes a variant of KEEP; its case links,
            charges, outcomes, events and citations move to KEEP (where both
            are defendants of one case, the two rows are merged). Fields KEEP
            lacks are filled from OTHER; where both have a different value,
            KEEP's stays and OTHER's is written into KEEP's notes with its
            citations, and reported. OTHER's ref stays as an alias of KEEP.
            The merge is one change: `dossier revert CHANGE` undoes it.

            Examples:
              dossier merge p-pryanikov p-pryanikov-en --dry-run
              dossier merge p-pryanikov p-pryanikov-en
            Documented in docs/duplicates.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The ref of the record to keep.") var keep: String
    @Argument(help: "The ref of the record merged into it.") var other: String
    @Flag(name: .customLong("dry-run"), help: "Print what would move, and write nothing.") var dryRun = false

    func run() throws {
        let opened = try archive.open()
        let plan = try opened.merge(keep: keep, other: other, dryRun: dryRun)
        output(plan.text(dryRun: dryRun))
    }
}
