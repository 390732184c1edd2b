import ArgumentParser
import Dossier
import Foundation

struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file.", valueName: "path"))
    var db: String?

    /// --db, else $DOSSIER_DB, else ./dossier.sqlite.
    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["DOSSIER_DB"], !env.isEmpty { return env }
        return "dossier.sqlite"
    }

    func open(create: Bool = false, readOnly: Bool = false) throws -> Archive {
        try Archive(path: path, create: create, readOnly: readOnly)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// True when the stream is a terminal.
func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }
