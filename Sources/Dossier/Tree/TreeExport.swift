import DossierStorage
import DossierDomain
import Foundation

/// What `export --tree` wrote.
public struct TreeExportReport: Sendable, Equatable {
    public var cases = 0
    public var persons = 0
    public var sources = 0
    public var figures = 0
    /// Files whose bytes changed or that are new.
    public var written = 0
    /// Files of records no longer in the archive, removed.
    public var removed = 0
}

extension Archive {
    /// Writes the archive as a tree of text files under `root`: one YAML
    /// document per case (with its defendants, charges, outcomes, events
    /// and citations), per person who is a defendant in no case or in
    /// several, per source, and per published figure; a `dossier-tree.yaml` that marks the tree
    /// and a `README.md` that says how to read it back (unless the folder
    /// has a README of its own).
    ///
    /// A file is rewritten only when its bytes change, and the files of
    /// records no longer in the archive are removed, so that `git status`
    /// after an export shows exactly what changed. `root` must be missing,
    /// empty (apart from dot files such as `.git`), or an earlier tree.
    /// - Throws: `ArchiveError` (a folder that is not a tree, two refs on
    ///   one path, a file that cannot be written), `SQLiteError`.
    @discardableResult
    public func exportTree(to root: String) throws -> TreeExportReport {
        try TreeFiles.prepareRoot(root)
        return try db.read {
            var report = TreeExportReport()
            var written = Set<String>()
            let sourceKeys = try db.fetchAll("SELECT key FROM source ORDER BY key").compactMap { $0.string(0) }
            // Persons with their own file: a defendant in no case or in several.
            let ownFile = try db.fetchAll("""
                SELECT ref FROM person p WHERE (SELECT count(*) FROM defendant d WHERE d.person_id = p.id) != 1 ORDER BY ref
                """).compactMap { $0.string(0) }
            let caseRefs = try caseRefs()
            let figures = try loadFigures().sorted { $0.ref < $1.ref }
            let sourcePaths: [String: String], personPaths: [String: String], casePaths: [String: String]
            let figurePaths: [String: String]
            do {
                figurePaths = try TreePaths.paths(kind: .figure, refs: figures.map(\.ref))
                sourcePaths = try TreePaths.paths(kind: .source, refs: sourceKeys)
                personPaths = try TreePaths.paths(kind: .person, refs: ownFile)
                casePaths = try TreePaths.paths(kind: .case, refs: caseRefs)
            } catch let collision as TreePaths.Collision {
                throw ArchiveError(collision.description)
            }
            var folders = Set<String>()
            func put(_ path: String, _ text: String) throws {
                if try TreeFiles.write(root: root, path: path, text: text, folders: &folders) { report.written += 1 }
                written.insert(path)
            }
            try put(TreePaths.markerFile, TreeText.marker(defaultCode: defaultCode))
            // A team may write its own README: it is kept.
            let readme = FileManager.default.contents(atPath: root + "/" + TreePaths.readmeFile)
            if readme == nil || String(decoding: readme!, as: UTF8.self).hasPrefix(TreeText.readmeTitle) {
                try put(TreePaths.readmeFile, TreeText.readme)
            }
            for key in sourceKeys {
                guard let source = try loadSource(key: key) else { continue }
                try put(sourcePaths[key]!, TreeText.source(source))
                report.sources += 1
            }
            let shared = Set(ownFile)
            for ref in ownFile {
                guard let person = try loadPerson(ref: ref) else { continue }
                try put(personPaths[ref]!, TreeText.person(person))
                report.persons += 1
            }
            for ref in caseRefs {
                guard let doc = try loadCase(ref: ref) else { continue }
                try put(casePaths[ref]!, TreeText.caseDocument(doc, sharedPersons: shared, defaultCode: defaultCode))
                report.cases += 1
            }
            for figure in figures {
                try put(figurePaths[figure.ref]!, TreeText.figure(figure))
                report.figures += 1
            }
            report.removed = try TreeFiles.removeStale(root: root, keeping: written)
            return report
        }
    }
}

/// The texts of a tree's files.
enum TreeText {
    static let formatVersion = 1

    static func marker(defaultCode: String) -> String {
        """
        # A dossier archive as a tree of text files, one per record (see README.md).
        format: \(formatVersion)
        # The statute code of charges that name none.
        default_code: \(defaultCode)

        """
    }

    static func source(_ source: Source) -> String {
        var fields = EntryDocuments.sourceFields(source)
        // What the document form cannot show (CSL variables without a field,
        // name particles) goes in one line of CSL-JSON, so nothing is lost.
        if !source.extra.isEmpty || !source.namesReadBack {
            fields.append(YAMLField("csl", .scalar(Archive.sourceItem(source).serialized())))
        }
        var printer = YAMLPrinter(annotated: false)
        printer.fields(fields, indent: 0)
        return printer.text
    }

    /// A published figure: the document `dossier show --format yaml`
    /// prints and `dossier edit` opens, without the comments.
    static func figure(_ figure: PublishedFigure) -> String {
        EntryDocuments.figureText(figure, annotated: false)
    }

    static func person(_ person: PersonDoc) -> String {
        EntryDocuments.personText(person, annotated: false)
    }

    /// A case document; a defendant who has a person file is written as
    /// `person_ref` alone (the name as a comment), so that the person is
    /// edited in one place.
    static func caseDocument(_ doc: CaseDoc, sharedPersons: Set<String>, defaultCode: String) -> String {
        var fields = EntryDocuments.caseFields(doc, defaultCode: defaultCode)
        if let index = fields.firstIndex(where: { $0.key == "defendants" }) {
            let items = doc.defendants.map { defendant -> YAMLOut in
                let block = EntryDocuments.defendant(defendant, defaultCode: defaultCode)
                guard sharedPersons.contains(defendant.person.ref), case .map(var inner) = block,
                      let first = inner.first, first.key == "person" else { return block }
                let name = defendant.person.name.split(whereSeparator: \.isNewline).joined(separator: " ")
                inner[0] = YAMLField("person", .map([YAMLField("person_ref", .scalar(defendant.person.ref, note: name))]))
                return .map(inner)
            }
            fields[index] = YAMLField("defendants", .list(items))
        }
        var printer = YAMLPrinter(annotated: false)
        printer.fields(fields, indent: 0)
        return printer.text
    }

    static let readmeTitle = "# A dossier archive as a tree of records\n"

    static let readme = """
        # A dossier archive as a tree of records

        This folder holds an archive of dossier, the case database, as text:
        one YAML file per case (with its defendants, charges, outcomes, events
        and citations), per person who is a defendant in no case or in several,
        per source, and per published figure. The files are the documents `dossier show --format
        yaml` prints and `dossier edit` opens; a file's place comes from its
        ref, so do not rename or move files.

        - `cases/`, `persons/`, `sources/`, `figures/`: the records, spread
          over folders named by two hex digits.
        - `dossier-tree.yaml`: marks the folder as a tree.

        Read it into an archive with `dossier import DIR` (add `--sync` to
        remove what the tree no longer holds); write it again with
        `dossier export --tree DIR`; check it without an archive with
        `dossier check --tree DIR`.

        """
}

extension Source {
    /// True when every name reads back from its document text unchanged.
    var namesReadBack: Bool {
        (authors + editors + translators).allSatisfy { SourceName.parse($0.entryText) == $0 }
    }
}

/// Files of a tree on disk.
enum TreeFiles {
    /// Makes `root` if missing; refuses a folder that holds other things
    /// and is not a tree.
    static func prepareRoot(_ root: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: root, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ArchiveError("\(root) is a file; give a folder to --tree") }
            if manager.fileExists(atPath: root + "/" + TreePaths.markerFile) { return }
            let entries = (try? manager.contentsOfDirectory(atPath: root)) ?? []
            let others = entries.filter { !$0.hasPrefix(".") }.sorted()
            if !others.isEmpty {
                throw ArchiveError("\(root) is not empty and is not a dossier tree (it holds \(others.prefix(3).joined(separator: ", "))\(others.count > 3 ? ", ..." : "")); give a new or empty folder")
            }
            return
        }
        do {
            try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError("cannot make the folder \(root): \(error.localizedDescription)")
        }
    }

    /// Writes a file when its bytes differ from what is there (through a
    /// temporary file renamed over it). Returns whether it wrote.
    static func write(root: String, path: String, text: String, folders: inout Set<String>) throws -> Bool {
        let full = root + "/" + path
        let data = Data(text.utf8)
        if let existing = FileManager.default.contents(atPath: full), existing == data { return false }
        let folder = (full as NSString).deletingLastPathComponent
        do {
            if folders.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let temporary = folder + "/.dossier-\(ProcessInfo.processInfo.processIdentifier).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: data) else {
                throw ArchiveError("cannot write \(full)")
            }
            guard rename(temporary, full) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw ArchiveError("cannot write \(full): \(reason)")
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError("cannot write \(full): \(error.localizedDescription)")
        }
        return true
    }

    /// The record files (`*.yaml`) under the kind folders, as paths relative
    /// to `root`, sorted; with what is not a plain file or is misplaced.
    static func recordFiles(root: String) -> (files: [(kind: TreePaths.Kind, path: String)], odd: [String]) {
        var files: [(TreePaths.Kind, String)] = []
        var odd: [String] = []
        let manager = FileManager.default
        func walk(_ relative: String, kind: TreePaths.Kind) {
            let entries = ((try? manager.contentsOfDirectory(atPath: root + "/" + relative)) ?? []).sorted()
            for name in entries where !name.hasPrefix(".") {
                let path = relative + "/" + name
                let attributes = try? manager.attributesOfItem(atPath: root + "/" + path)
                let type = attributes?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    walk(path, kind: kind)
                } else if type == .typeRegular {
                    if name.hasSuffix(TreePaths.fileExtension) { files.append((kind, path)) }
                } else {
                    odd.append(path)
                }
            }
        }
        for kind in TreePaths.Kind.allCases {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: root + "/" + kind.rawValue, isDirectory: &isDirectory), isDirectory.boolValue {
                walk(kind.rawValue, kind: kind)
            }
        }
        return (files, odd)
    }

    /// Removes record files not in `keeping`, and folders left empty.
    static func removeStale(root: String, keeping: Set<String>) throws -> Int {
        var removed = 0
        let manager = FileManager.default
        for (_, path) in recordFiles(root: root).files where !keeping.contains(path) {
            do { try manager.removeItem(atPath: root + "/" + path) } catch {
                throw ArchiveError("cannot remove \(root)/\(path): \(error.localizedDescription)")
            }
            removed += 1
        }
        for kind in TreePaths.Kind.allCases {
            let folder = root + "/" + kind.rawValue
            for bucket in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + bucket
                if let inside = try? manager.contentsOfDirectory(atPath: path), inside.isEmpty {
                    try? manager.removeItem(atPath: path)
                }
            }
        }
        return removed
    }
}
