import ArgumentParser
import Dossier
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the archive: SQLite integrity and foreign keys, and the archive's own rules.",
        discussion: """
            Rules: dates parse and their stored bounds match; coded values are in their vocabularies;
            refs and keys are usable; every defendant has a person and a case; every citation has a
            source and a record; every person has exactly one primary name; all history belongs to a
            change; the search indexes are in step with the records. Prints one line per finding (as
            JSON when stdout is not a terminal, unless --format table) and exits with status 1 when
            there is any.
            --fix repairs only what needs no guessing: date bounds and a person's only name made primary
            (as one change that `dossier history` shows and `dossier revert` can undo), damaged indexes,
            and the search indexes rebuilt from the records.
            --tree DIR checks a tree written by `dossier export --tree` instead, without an archive: every
            file reads as its record, no git conflict is left, every cited source and person is in the tree.
            Documented in docs/reliability.md and docs/collaboration.md.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Repair what can be repaired without guessing.") var fix = false
    @OptionGroup var outputOptions: OutputOptions<TableOrJSON>
    @Option(name: .customLong("tree"), help: ArgumentHelp("Check this tree of YAML files instead of an archive.", valueName: "dir"))
    var tree: String?

    func validate() throws {
        if tree != nil, fix { throw ValidationError("--fix repairs an archive; --tree checks a tree and changes nothing") }
    }

    func run() throws {
        if let tree { return try TreeCommands.check(root: tree) }
        let opened = try archive.open(readOnly: !fix)
        let report = try opened.check(fix: fix)
        switch outputOptions.format {
        case .json:
            output(report.json.serialized(pretty: true) + "\n")
        default:
            for finding in report.fixed { output("fixed: \(finding)\n") }
            if let change = report.fixChange { output("the repairs are change \(change) (dossier history --change \(change))\n") }
            for finding in report.findings { output("\(finding)\n") }
            for (rule, count) in report.omitted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                output("\(rule.rawValue): … and \(count) more\n")
            }
            if report.isClean { output("ok: \(opened.path) passes every check\n") }
        }
        if !report.isClean {
            let fixable = report.findings.filter(\.fixable).count
            let hint = fixable > 0 && !fix ? " (\(fixable) can be repaired with `dossier check --fix`)" : ""
            throw ArchiveError("check found \(report.problemCount) problem\(report.problemCount == 1 ? "" : "s")\(hint)")
        }
    }
}
