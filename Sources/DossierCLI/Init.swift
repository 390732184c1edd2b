import ArgumentParser
import Dossier
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the archive, or migrate an older one to the current schema.",
        discussion: """
            --records says what the archive's records are, which decides what its rates describe: a \
            register (every case of a defined population, e.g. a Book of Memory's list for one oblast), a \
            sample (drawn by a stated method; say how with --records-note), or a selection (chosen by hand). \
            `dossier stats` prints a caution under the rates of a sample or a selection.
            Example: dossier init --records selection --records-note "famous trials and acquittals looked for"
            Documented in docs/cli.md and docs/figures.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("What the records are: register, sample or selection.", valueName: "kind"))
    var records: String?
    @Option(name: .customLong("records-note"), help: ArgumentHelp("How the records were drawn or chosen.", valueName: "text"))
    var recordsNote: String?

    func validate() throws {
        if let records, ArchiveKind(rawValue: records) == nil {
            throw ValidationError("--records: unknown kind \"\(records)\" (expected register, sample or selection)")
        }
        if recordsNote != nil, records == nil { throw ValidationError("--records-note goes with --records") }
    }

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: archive.path)
        let opened = try Archive(path: archive.path, create: true, migrate: false)
        let applied = try opened.migrate()
        if !existed {
            output("created archive \(archive.path) (schema \(Schema.currentVersion))\n")
        } else if applied.isEmpty {
            output("archive \(archive.path) is up to date (schema \(Schema.currentVersion))\n")
        } else {
            output("migrated \(archive.path): applied \(applied.joined(separator: ", "))\n")
        }
        if let records, let kind = ArchiveKind(rawValue: records) {
            try opened.setArchiveKind(kind, note: recordsNote)
            output("records: \(kind.rawValue)" + (recordsNote.map { " (\($0))" } ?? "") + "\n")
        }
    }
}
