import ArgumentParser
import Dossier
import Foundation

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Edit a case, person, source or published figure as a document in your editor.",
        discussion: """
            Opens the record as the YAML document `dossier new` uses, every field shown with a
            comment saying what it takes, in $VISUAL, else $EDITOR, else vi. On save it is
            checked and stored as one change (`dossier history` keeps the old version); on a
            problem it opens again with the problems at the top. Closing without changes, or
            emptying it, writes nothing. Defendants removed from a case document leave the case.
            Without a terminal (or with --file) the new document is read from stdin or the file.

            Examples:
              dossier edit memo:leningrad-1937-0412
              dossier show p-pryanikov --format yaml > p.yaml   # change it, then:
              dossier edit p-pryanikov --file p.yaml
            Documented in docs/entering.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "A case ref, person ref, source key, or figure ref.") var ref: String
    @OptionGroup var input: EntryInput

    func run() throws {
        let opened = try archive.open()
        try input.enter(try EntrySession(editing: ref, archive: opened), name: ref)
    }
}
