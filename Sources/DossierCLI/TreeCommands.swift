import ArgumentParser
import Dossier
import Foundation

/// The tree form of an archive (`export --tree`, `import DIR`, `check
/// --tree`): what the three commands print.
enum TreeCommands {
    static func export(_ archive: Archive, to root: String) throws {
        let report = try archive.exportTree(to: root)
        output("wrote \(root): \(report.cases) case\(plural(report.cases)), \(report.persons) person file\(plural(report.persons)), "
               + "\(report.sources) source\(plural(report.sources)), \(report.figures) published figure\(plural(report.figures)); \(report.written) file\(plural(report.written)) changed, "
               + "\(report.removed) removed\n")
    }

    static func importTree(_ archive: Archive, root: String, sync: Bool, dryRun: Bool) throws {
        var options = TreeImportOptions()
        options.sync = sync
        options.dryRun = dryRun
        let report = try archive.importTree(root: root, options: options)
        let verb = dryRun ? "would import" : "imported"
        var line = "\(verb) \(report.records) record\(plural(report.records)) from the tree \(root): \(report.tally.summary)"
        if !dryRun && report.change == nil { line += " (the archive already holds all of it)" }
        if let commit = report.commit { line += "; \(commit)" }
        output(line + "\n")
        if let change = report.change {
            output("change \(change) (`dossier history --change \(change)`; `dossier revert \(change)` undoes it)\n")
        }
        let absent = [("case", report.absentCases), ("person", report.absentPersons), ("source", report.absentSources),
                      ("published figure", report.absentFigures)]
            .filter { !$0.1.isEmpty }
        guard !absent.isEmpty else { return }
        let list = absent.map { kind, refs in
            "\(refs.count) \(kind)\(plural(refs.count)) (" + refs.prefix(10).joined(separator: ", ") + (refs.count > 10 ? ", ..." : "") + ")"
        }.joined(separator: "; ")
        if sync {
            output("\(dryRun ? "would remove" : "removed"), not in the tree: \(list)\n")
        } else {
            printError("note: not in the tree, left in the archive: \(list); `dossier import \(root) --sync` removes them")
        }
    }

    static func check(root: String) throws {
        let contents = try TreeReader.read(root: root)
        output("ok: \(root) is a valid tree: \(contents.cases.count) case\(plural(contents.cases.count)), "
               + "\(contents.persons.count) person file\(plural(contents.persons.count)), "
               + "\(contents.sources.count) source\(plural(contents.sources.count)), "
               + "\(contents.figures.count) published figure\(plural(contents.figures.count))\n")
    }

    static func plural(_ n: Int) -> String { n == 1 ? "" : "s" }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
