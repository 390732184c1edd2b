import ArgumentParser
import Dossier
import Foundation

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the archive to a file, consistently, while others may read and write it.",
        discussion: """
            Uses SQLite's online backup API from one snapshot, checks the copy (integrity, foreign keys,
            row counts) and only then puts it in place. Refuses to replace an existing file without --force.
            Example: dossier backup ~/backups/dossier-2026-11-27.sqlite
            Documented in docs/reliability.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The file to write.") var destination: String
    @Flag(help: "Replace the file if it exists.") var force = false

    func run() throws {
        let opened = try archive.open(readOnly: true)
        let result = try opened.backup(to: destination, force: force)
        // The history as the changes it records (an import's history is a
        // few id ranges, not a row per record).
        let records = ["proceeding", "person", "source", "change"].compactMap { table -> String? in
            result.counts[table].map { "\($0) \(table == "proceeding" ? "case" : table)\($0 == 1 ? "" : "s")" }
        }
        output("backed up \(opened.path) to \(destination): \(records.joined(separator: ", ")), "
               + "\(result.bytes / 1024) KB; verified (integrity, foreign keys, row counts)\n")
    }
}
