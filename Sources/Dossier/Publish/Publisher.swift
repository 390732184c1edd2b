import DossierStorage
import DossierDomain
import Foundation

/// What `dossier publish` writes, and the site's titles and terms.
public struct PublishOptions: Sendable {
    /// The output folder (created when missing).
    public var directory: String
    /// The database's name on the site: the file is `NAME.db`, served at
    /// `/NAME`.
    public var name = "archive"
    public var title: String?
    public var description: String?
    public var license: String?
    public var licenseURL: String?
    public var source: String?
    public var sourceURL: String?
    /// The loadable extension to copy beside the database, when built.
    public var extensionLibrary: String?
    /// Keep the edit history (`history`, `change`) in the copy. It is left
    /// out by default: it keeps every deleted and overwritten row, which a
    /// hidden table would still serve to anyone who types SQL.
    public var withHistory = false

    public init(directory: String) { self.directory = directory }

    /// The default title.
    public static let defaultTitle = "dossier: trials and their outcomes, with their sources"

    /// A database name that is one safe path segment and file name.
    static func validName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.first != "." && name.first != "-"
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }
    }
}

/// What a publish wrote.
public struct PublishReport: Sendable {
    public var databasePath: String
    public var metadataPath: String
    /// The copied loadable extension, or nil when none was found.
    public var extensionPath: String?
    public var counts: [String: Int]
    /// The command that serves the site.
    public var serveCommand: String
}

extension Archive {
    /// Writes a read-only copy of the archive made with VACUUM INTO,
    /// with reader's views and full-text indexes added to the copy, and the
    /// Datasette metadata beside it.
    ///
    /// The archive itself is not changed. Files are written under temporary
    /// names and renamed into place, so an interrupted publish leaves the
    /// previous site as it was.
    /// - Throws: `ArchiveError` for a bad folder or name, `SQLiteError`.
    public func publish(_ options: PublishOptions) throws -> PublishReport {
        guard PublishOptions.validName(options.name) else {
            throw ArchiveError("--name: \"\(options.name)\" is not a usable database name (expected letters, digits, _ or -, e.g. archive)")
        }
        let fileManager = FileManager.default
        let folder = URL(fileURLWithPath: options.directory)
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ArchiveError("\(options.directory) is a file, not a folder (expected a folder for the site)") }
        } else {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let databaseURL = folder.appendingPathComponent(options.name + ".db")
        let partialURL = folder.appendingPathComponent("." + options.name + ".db.partial")
        try? fileManager.removeItem(at: partialURL)
        for suffix in ["-journal", "-wal", "-shm"] {
            try? fileManager.removeItem(atPath: partialURL.path + suffix)
        }

        var counts: [String: Int] = [:]
        let timing = PublishTiming()
        do {
            // VACUUM INTO copies only what the archive holds now (one
            // snapshot, no free pages with deleted rows in them), at the
            // speed of a file copy.
            try db.execute("VACUUM INTO ?", [partialURL.path])
            let copy = try Connection(path: partialURL.path, mode: .readWrite)
            timing.mark("copy")
            // One file, no -wal or -shm beside it: a read-only copy.
            try copy.execute("PRAGMA journal_mode = DELETE")
            try SearchIndex.registerFunctions(copy)
            try copy.createFunction("dossier_romanized", argumentCount: 1) { arguments in
                guard let name = arguments[0].stringValue else { return "" }
                return Publisher.romanizations(of: name)
            }
            // What is deleted from the copy is overwritten with zeros, so
            // the history left out cannot be read from its free pages.
            try copy.execute("PRAGMA secure_delete = ON")
            try copy.write {
                if !options.withHistory {
                    try copy.execute("DELETE FROM history")
                    try copy.execute("DELETE FROM history_range")
                    try copy.execute("DELETE FROM change")
                }
                timing.mark("history left out")
                try copy.executeScript(PublishSQL.helperTables)
                try Publisher.fillLabels(copy)
                timing.mark("labels")
                try Publisher.fillNotes(copy)
                timing.mark("notes")
                try copy.execute(PublishSQL.fillPersonSearch)
                timing.mark("people's full text")
                try copy.execute(PublishSQL.fillCaseSearch)
                timing.mark("cases' full text")
                try Publisher.materializeReaderRows(copy, timing: timing)
                try Publisher.indexFacets(copy)
            }
            timing.mark("commit")
            // The pages freed by the history stay in the file, zeroed; when
            // they are a large part of it (an archive edited much), the
            // file is rewritten without them.
            let pages = try copy.scalar("PRAGMA page_count").intValue ?? 0
            let free = try copy.scalar("PRAGMA freelist_count").intValue ?? 0
            if free * 10 > pages { try copy.execute("VACUUM") }
            timing.mark("vacuum")
            try copy.execute("PRAGMA analysis_limit = 1000")
            try copy.execute("ANALYZE")
            timing.mark("analyze")
            for table in ["proceeding", "defendant", "person", "source", "citation"] {
                counts[table] = try copy.scalar("SELECT count(*) FROM \(table)").intValue ?? 0
            }
            let metadata = try SiteMetadata.build(copy, options: options)
            try copy.close()
            try fileManager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: partialURL.path)
            try Publisher.replace(databaseURL, with: partialURL)
            try Publisher.write(metadata.serialized(pretty: true) + "\n",
                                to: folder.appendingPathComponent("metadata.json"))
        } catch {
            try? fileManager.removeItem(at: partialURL)
            throw error
        }

        let relative = { (url: URL) in (options.directory as NSString).appendingPathComponent(url.lastPathComponent) }
        var extensionPath: String?
        if let library = options.extensionLibrary {
            let target = folder.appendingPathComponent(URL(fileURLWithPath: library).lastPathComponent)
            let partial = folder.appendingPathComponent("." + target.lastPathComponent + ".partial")
            try? fileManager.removeItem(at: partial)
            try fileManager.copyItem(atPath: library, toPath: partial.path)
            try Publisher.replace(target, with: partial)
            extensionPath = relative(target)
        }
        var command = "datasette serve -i \(Escaping.shellWord(relative(databaseURL)))"
            + " --metadata \(Escaping.shellWord(relative(folder.appendingPathComponent("metadata.json"))))"
        if let extensionPath {
            command += " --load-extension \(Escaping.shellWord(extensionPath))"
        }
        return PublishReport(databasePath: relative(databaseURL),
                             metadataPath: relative(folder.appendingPathComponent("metadata.json")),
                             extensionPath: extensionPath, counts: counts, serveCommand: command)
    }
}

enum Publisher {
    /// A name in every transliteration system dossier knows, for the
    /// people's full-text index (Cyrillic names only; a Latin name is
    /// indexed as written).
    static func romanizations(of name: String) -> String {
        guard name.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return "" }
        var forms: [String] = []
        for system in TransliterationSystem.allCases {
            let form = Transliterator.romanize(name, in: system)
            if !forms.contains(form) { forms.append(form) }
        }
        return forms.joined(separator: " ")
    }

    /// Each person's primary name, a Latin-script form when the primary
    /// name is not Latin, and the surname that prefixes per-defendant
    /// lines.
    static func fillLabels(_ db: Connection) throws {
        let insert = try db.cached(PublishSQL.insertPersonLabel)
        // One pass over the names in person order: memory stays bounded
        // whatever the number of people.
        var current: (id: Int64, ref: String, primary: String?, latin: String?)?
        func flush() throws {
            guard let person = current else { return }
            let primary = person.primary ?? person.latin ?? person.ref
            let latin = person.latin == primary ? nil : person.latin
            let label = latin.map { "\(primary) (\($0))" } ?? primary
            // Per-defendant lines are labelled by the primary name's
            // surname, in its script, as the defendants list is.
            let surname = NameParser.parse(primary).first?.surnameText ?? primary
            try insert.execute([person.id, primary, latin, label, surname])
        }
        try db.prepare("""
            SELECT x.id, x.ref, n.name, n.is_primary, n.script
            FROM person x LEFT JOIN person_name n ON n.person_id = x.id
            ORDER BY x.id, n.is_primary DESC, n.position, n.id
            """).forEach { row in
            guard let id = row.value(at: 0).int64Value else { return }
            if current?.id != id {
                try flush()
                current = (id, row.string(at: 1) ?? "", nil, nil)
            }
            guard let name = row.string(at: 2) else { return }
            if row.int(at: 3) == 1 { current?.primary = name }
            if current?.latin == nil, row.string(at: 4) == "latn" { current?.latin = name }
        }
        try flush()
    }

    /// Computes the reader's rows into tables, with an index on every
    /// column the site facets or sorts by, and creates the views that
    /// present them.
    static func materializeReaderRows(_ db: Connection, timing: PublishTiming? = nil) throws {
        let described = Dictionary(SiteDescriptions.views, uniquingKeysWith: { first, _ in first })
        for (view, table, select) in PublishSQL.readerRows {
            try db.execute("CREATE TABLE \(table) AS \(select)")
            try db.execute("CREATE UNIQUE INDEX \(table)_id ON \(table)(id)")
            let columns = try db.fetchAll("SELECT name FROM pragma_table_info(?)", [table]).compactMap { $0.string(0) }
            try db.execute("CREATE VIEW \(view) AS SELECT \(columns.joined(separator: ", ")) FROM \(table)")
            var indexed: [String] = []
            if let site = described[view] {
                for column in site.facets + site.sortable + [site.sort].compactMap({ $0 })
                where column != "id" && columns.contains(column) && !indexed.contains(column) {
                    indexed.append(column)
                    try db.execute("CREATE INDEX \(table)_\(column) ON \(table)(\(column))")
                }
            }
            timing?.mark(table)
        }
    }

    /// An index on every facet column of the archive's own tables that no
    /// index of the archive starts with: Datasette counts a facet with a
    /// GROUP BY over the whole table, and gives up after 200 ms. The
    /// archive itself keeps only the indexes its own queries read (an
    /// event's kind has none there).
    static func indexFacets(_ db: Connection) throws {
        for (table, site) in SiteDescriptions.tables where !site.facets.isEmpty {
            let leading = Set(try db.fetchAll("SELECT name FROM pragma_index_list(?)", [table]).compactMap { row -> String? in
                guard let index = row.string(0) else { return nil }
                return try? db.fetchOne("SELECT name FROM pragma_index_info(?) WHERE seqno = 0", [index])?.string(0)
            })
            for column in site.facets where !leading.contains(column) {
                try db.execute("CREATE INDEX \(Escaping.sqlIdentifier("site_\(table)_\(column)")) ON \(Escaping.sqlIdentifier(table))(\(Escaping.sqlIdentifier(column)))")
            }
        }
    }

    /// The Chicago notes of every source and citation.
    static func fillNotes(_ db: Connection) throws {
        var sources: [Int64: Source] = [:]
        let insertSource = try db.cached(PublishSQL.insertSourceNote)
        try db.prepare("SELECT * FROM source ORDER BY id").forEach { statement in
            let row = statement.row()
            guard let id = row["id"].int64Value else { return }
            let source = try Archive.source(from: row)
            sources[id] = source
            try insertSource.execute([id, Chicago.note(source).plain, Chicago.shortNote(source).plain,
                                      Chicago.bibliographyEntry(source).plain])
        }
        let insertCitation = try db.cached(PublishSQL.insertCitationNote)
        try db.prepare("SELECT id, source_id, locator FROM citation ORDER BY id").forEach { row in
            guard let id = row.value(at: 0).int64Value, let sourceID = row.value(at: 1).int64Value,
                  let source = sources[sourceID] else { return }
            let locator = row.string(at: 2)
            try insertCitation.execute([id, Chicago.shortNote(source, locator: locator).plain,
                                        Chicago.note(source, locator: locator).plain])
        }
    }

    /// Moves `partial` to `target`, replacing it (a read-only file too).
    static func replace(_ target: URL, with partial: URL) throws {
        if rename(partial.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            throw ArchiveError("cannot write \(target.path): \(reason)")
        }
    }

    static func write(_ text: String, to url: URL) throws {
        let partial = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial")
        try Data(text.utf8).write(to: partial)
        try replace(url, with: partial)
    }
}

/// Phase timings of a publish on standard error, when the environment
/// variable DOSSIER_PUBLISH_TIMING is set (for profiling; see bench/).
final class PublishTiming {
    private let enabled = ProcessInfo.processInfo.environment["DOSSIER_PUBLISH_TIMING"] != nil
    private var last = Date()

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "timing: %@ %.2f s\n", phase, now.timeIntervalSince(last)).utf8))
        last = now
    }
}
