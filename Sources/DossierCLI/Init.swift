import ArgumentParser
import Dossier
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the archive, or migrate an older one to the current schema.",
        discussion: "Documented in docs/cli.md.")

    @OptionGroup var archive: ArchiveOptions

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
    }
}
