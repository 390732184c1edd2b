import ArgumentParser
import Dossier
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a read-only copy of the archive and its Datasette metadata: a browsable, searchable website.",
        discussion: """
            Writes into --out: NAME.db (a read-only copy made with SQLite's online backup, with
            readable views of cases, defendants, people and sources added to the copy),
            metadata.json (titles, descriptions, facets, full-text search, canned queries), and
            the loadable extension that lets the site search names with dossier's own keys.
            Then serve the site with Datasette (pip install datasette):
              dossier publish --out site
              datasette serve -i site/archive.db --metadata site/metadata.json \\
                  --load-extension site/\(Publish.extensionFileName)
            Documented in docs/publishing.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
    var out = "site"
    @Option(help: ArgumentHelp("The database's name: the file NAME.db, served at /NAME.", valueName: "name"))
    var name = "archive"
    @Option(help: "The site's title.") var title: String?
    @Option(help: "A paragraph about the site.") var description: String?
    @Option(help: "The licence of the data (e.g. \"CC BY 4.0\").") var license: String?
    @Option(help: ArgumentHelp("Where the licence is stated.", valueName: "url")) var licenseUrl: String?
    @Option(help: "Where the data comes from.") var source: String?
    @Option(help: ArgumentHelp("A page about the source.", valueName: "url")) var sourceUrl: String?
    @Flag(help: "Keep the edit history (every deleted and overwritten row) in the copy; it is left out by default.")
    var withHistory = false
    @Flag(help: ArgumentHelp("The default now: the edit history is left out (kept for scripts).", visibility: .hidden))
    var withoutHistory = false
    @Option(help: ArgumentHelp("The loadable extension to copy (default: \(Publish.extensionFileName) beside dossier, or installed with it).",
                               valueName: "path"))
    var `extension`: String?

    static var extensionFileName: String {
        #if os(macOS)
        return "libDossierExtension.dylib"
        #else
        return "libDossierExtension.so"
        #endif
    }

    func validate() throws {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }),
              name.first != "-" else {
            throw ValidationError("--name must be letters, digits, _ or - (e.g. archive), got \"\(name)\"")
        }
        if let path = `extension`, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--extension: no file at \(path) (build it with `swift build --product DossierExtension`)")
        }
    }

    /// The extension built beside this executable (`swift build`), or
    /// installed beside its `bin` directory by a package: `lib/` in the
    /// tarball, `/usr/lib/dossier/` from the .deb. Nil when there is none.
    static func builtExtension() -> String? {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let directory = executable.deletingLastPathComponent()
        let prefix = directory.deletingLastPathComponent()
        return [directory, prefix.appendingPathComponent("lib"), prefix.appendingPathComponent("lib/dossier")]
            .map { $0.appendingPathComponent(extensionFileName).path }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    func run() throws {
        let opened = try archive.open(readOnly: true)
        var options = PublishOptions(directory: out)
        options.name = name
        options.title = title
        options.description = description
        options.license = license
        options.licenseURL = licenseUrl
        options.source = source
        options.sourceURL = sourceUrl
        options.extensionLibrary = `extension` ?? Publish.builtExtension()
        options.withHistory = withHistory
        let report = try opened.publish(options)
        let counts = report.counts
        output("Published \(counts["proceeding"] ?? 0) cases, \(counts["defendant"] ?? 0) defendants, "
               + "\(counts["person"] ?? 0) people, \(counts["source"] ?? 0) sources and "
               + "\(counts["citation"] ?? 0) citations into \(out):\n")
        output("  \(report.databasePath)  (read-only copy with the reader's views)\n")
        output("  \(report.metadataPath)  (titles, descriptions, facets, search, queries)\n")
        if let path = report.extensionPath {
            output("  \(path)  (dossier's name search for SQL)\n")
        } else {
            printError("note: no \(Publish.extensionFileName) beside dossier, so the query "
                       + "\"A person by any spelling\" will not run: build it with "
                       + "`swift build --product DossierExtension` and publish again, or give --extension PATH")
        }
        if license == nil {
            printError("note: no --license given; the site states no licence for the data")
        }
        output("Serve it with:\n  \(report.serveCommand)\n")
    }
}
