@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// Every file of a tree, by path relative to its root.
func treeFiles(_ root: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let manager = FileManager.default
    guard let walker = manager.enumerator(atPath: root) else { return result }
    while let path = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue,
           !path.hasPrefix(".git/") {
            result[path] = manager.contents(atPath: root + "/" + path)
        }
    }
    return result
}

/// A temporary folder, removed afterwards.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tree-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Generated archives with the awkward cases a tree must carry: text YAML
/// must quote or write as a block, persons in no case and in several,
/// shared citations, sources with CSL variables and name particles the
/// document fields cannot show, and refs no file name may hold as they are.
enum TreeData {
    static let hostileRefs = ["../../escape", "CON", "con.1", "Aux", "a/b\\c:d", "Case-A", "case-a", "..", ".hidden",
                              "ünïcödé-Дело", "tab\tref", String(repeating: "long-ref-", count: 40), "nul", "%41", "A"]

    static func jsonl(cases: Int, hostile: Bool = false) -> String {
        var lines: [String] = []
        lines.append(#"{"source":{"id":"src-book","type":"book","title":"Книга памяти: том 1","author":[{"family":"Berg","given":"Anna","non-dropping-particle":"van der"}],"genre":"memorial book","bibtex:howpublished":"typescript","issued":{"date-parts":[[1996]]}}}"#)
        lines.append(#"{"source":{"id":"src-file","type":"manuscript","title":"Archival file: 'no. 12'","archive":"Invented regional archive","archive_location":"f. 1, op. 2, d. 3"}}"#)
        lines.append(#"{"person":{"person_ref":"p-alone","name":"Небывалов, Иван","notes":"In no case.\nA second line: with a colon."}}"#)
        var refs = (0..<cases).map { String(format: "gen-%05d", $0) }
        if hostile { refs += hostileRefs }
        let sexes = ["m", "f"]
        let outcomes = ["convicted", "acquitted", "dismissed", "unknown"]
        for (index, ref) in refs.enumerated() {
            let shared = index % 7 == 0 ? #",{"person":{"person_ref":"p-shared","name":"Выдумкин, Пётр","birth":"1899"},"outcome":"convicted","charges":[{"text":"58-10"}]}"# : ""
            let escapedRef = ref.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            let notes = index % 3 == 0 ? #","notes":"- starts with a dash: and has \"quotes\" # and a hash\nand a second line""# : ""
            let term = index % 4 == 0 ? #","term_years":2.5"# : (index % 4 == 1 ? #","term_years":10"# : "")
            lines.append("""
                {"case_ref":"\(escapedRef)","title":"Дело № \(index)","body_kind":"troika","category":"political","place":"yes","trial_date":"193\(index % 10)-0\(index % 9 + 1)-1\(index % 9)"\(notes),\
                "citations":[{"source_key":"src-book","locator":"p. \(index)","confidence":"confirmed","quote":"true"}],\
                "defendants":[{"person":{"person_ref":"p-\(index)","name":"Фамилия\(index), Имя","name_variants":["Familiya\(index)"],"sex":"\(sexes[index % 2])"},\
                "charges":[{"text":"58-6-7-8"},{"text":"oso/КРТД"}],"outcome":"\(outcomes[index % 4])","sentence":"null"\(term),\
                "events":[{"kind":"arrested","date":"1937-0\(index % 9 + 1)","citations":[{"source_key":"src-file","locator":"l. 1"}]}],\
                "citations":[{"source_key":"src-file"}]}\(shared)]}
                """)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

@Suite struct TreeTests {
    func export(_ archive: Archive) throws -> (TemporaryFolder, [String: Data]) {
        let folder = try TemporaryFolder()
        try archive.exportTree(to: folder.path + "/tree")
        return (folder, try treeFiles(folder.path + "/tree"))
    }

    /// Export, import into an empty archive, export again: identical bytes,
    /// and the JSON Lines exports (lossless) agree too.
    func roundTrip(_ test: TestArchive) throws {
        let (folder, first) = try export(test.archive)
        let copy = try TestArchive()
        let report = try copy.archive.importTree(root: folder.path + "/tree")
        #expect(report.change != nil)
        let (_, second) = try export(copy.archive)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first where second[path] != data { Issue.record("\(path) differs after the round trip") }
        #expect(try ImportTestSupport.export(copy.archive) == (try ImportTestSupport.export(test.archive)))
        // Importing it again changes nothing and leaves no change behind.
        let changes = try copy.count("change")
        let again = try copy.archive.importTree(root: folder.path + "/tree")
        #expect(again.change == nil)
        #expect(!again.tally.changedAnything)
        #expect(try copy.count("change") == changes)
    }

    @Test func fixturesRoundTripThroughATree() throws {
        let test = try TestArchive()
        try ImportTestSupport.importFixtures(into: test.archive)
        #expect(try test.count("figure") == 11)
        try roundTrip(test)
    }

    @Test func generatedDataRoundTripsThroughATree() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 60, hostile: true), format: .jsonl)
        try roundTrip(test)
    }

    @Test func exportIsDeterministicAndRewritesOnlyWhatChanged() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 20), format: .jsonl)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        let first = try test.archive.exportTree(to: root)
        #expect(first.cases == 20 && first.sources == 2)
        // p-alone (no case) and p-shared (three cases) have files; the rest are in their case.
        #expect(first.persons == 2)
        let bytes = try treeFiles(root)
        #expect(bytes.keys.contains(TreePaths.readmeFile) && bytes.keys.contains(TreePaths.markerFile))
        let again = try test.archive.exportTree(to: root)
        #expect(again.written == 0 && again.removed == 0)
        #expect(try treeFiles(root) == bytes)
        // A case removed from the archive loses its file; its defendant,
        // now in no case, gets one.
        try test.db.execute("DELETE FROM proceeding WHERE ref = 'gen-00003'")
        let after = try test.archive.exportTree(to: root)
        #expect(after.removed == 1 && after.written == 1)
        #expect(!FileManager.default.fileExists(atPath: root + "/" + TreePaths.path(kind: .case, ref: "gen-00003")))
        #expect(FileManager.default.fileExists(atPath: root + "/" + TreePaths.path(kind: .person, ref: "p-3")))
        // A case that shares a person names them by ref; the person has one file.
        let text = try String(contentsOfFile: root + "/" + TreePaths.path(kind: .case, ref: "gen-00007"), encoding: .utf8)
        #expect(text.contains("person_ref: p-shared  # Выдумкин, Пётр\n"))
        #expect(!text.contains("birth: 1899"))
    }

    @Test func exportRefusesAFolderThatIsNotATree() throws {
        let test = try TestArchive()
        let folder = try TemporaryFolder()
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: folder.path + "/thesis.tex"))
        #expect(throws: ArchiveError.self) { try test.archive.exportTree(to: folder.path) }
        #expect(FileManager.default.contents(atPath: folder.path + "/thesis.tex") == Data("keep me".utf8))
        // A folder with only a .git is fine.
        let other = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: other.path + "/.git", withIntermediateDirectories: true)
        try test.archive.exportTree(to: other.path)
        #expect(FileManager.default.fileExists(atPath: other.path + "/" + TreePaths.markerFile))
    }

    @Test func aTeamsOwnReadmeIsKept() throws {
        let test = try TestArchive()
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        try test.archive.exportTree(to: root)
        let ours = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        #expect(ours.hasPrefix(TreeText.readmeTitle) && ours.contains("dossier import DIR"))
        try "# Regional books of memory\n".write(toFile: root + "/README.md", atomically: true, encoding: .utf8)
        try test.archive.exportTree(to: root)
        #expect(try String(contentsOfFile: root + "/README.md", encoding: .utf8) == "# Regional books of memory\n")
    }

    // MARK: Paths

    @Test func hostileRefsGetSafeDistinctPaths() throws {
        var seen = Set<String>()
        for ref in TreeData.hostileRefs + ["gen-00001", "memo:p-88211"] {
            let path = TreePaths.path(kind: .case, ref: ref)
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(parts.count == 3, "\(ref) → \(path)")
            #expect(parts[0] == "cases")
            let name = String(parts[2])
            #expect(!name.hasPrefix(".") && name.hasSuffix(".yaml") && name.utf8.count <= 140, "\(ref) → \(path)")
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && !"/\\:*?\"<>|\t ".unicodeScalars.contains($0)
                && !("A"..."Z").contains($0) }, "\(ref) → \(path)")
            let base = name.split(separator: ".").first.map { String($0) } ?? ""
            #expect(!TreePaths.windowsReserved.contains(base.lowercased()), "\(ref) → \(path)")
            #expect(seen.insert(path.lowercased()).inserted, "\(ref) shares \(path)")
        }
        #expect(TreePaths.path(kind: .case, ref: "memo:p-88211").hasSuffix("/memo%3ap-88211.yaml"))
        #expect(TreePaths.path(kind: .case, ref: "CON").hasSuffix("/%43%4f%4e.yaml"))
        #expect(TreePaths.path(kind: .case, ref: "con").hasSuffix("/%63on.yaml"))
    }

    @Test func twoRefsOnOnePathAreRefused() throws {
        let long = String(repeating: "x", count: 200)
        #expect(throws: Never.self) { try TreePaths.paths(kind: .case, refs: ["a", "A", long, long + "y"]) }
        // A collision (forced here through the same ref twice) names both refs and the file.
        do {
            _ = try TreePaths.paths(kind: .case, refs: ["same", "same"])
            Issue.record("no collision reported")
        } catch let collision as TreePaths.Collision {
            #expect(collision.description.contains("\"same\"") && collision.description.contains("cases/"))
        }
    }

    // MARK: Import

    @Test func changedFieldsAreUpdatedWithHistoryAndTheRestUntouched() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 10), format: .jsonl)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        try test.archive.exportTree(to: root)
        let path = root + "/" + TreePaths.path(kind: .case, ref: "gen-00002")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "title: Дело № 2\n", with: "title: Дело № 2 (corrected)\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let history = try test.count("history")
        let report = try test.archive.importTree(root: root)
        #expect(report.tally.updated["case"] == 1)
        #expect(report.tally.unchanged["case"] == 9)
        #expect(try test.archive.loadCase(ref: "gen-00002")?.title == "Дело № 2 (corrected)")
        let rows = try test.db.fetchAll("SELECT table_name, op FROM history WHERE id > ?", [history])
        #expect(rows.count == 1)
        #expect(rows.first?.string(0) == "proceeding" && rows.first?.string(1) == "update")
        let summary = try test.db.scalar("SELECT summary FROM change ORDER BY id DESC LIMIT 1").stringValue ?? ""
        #expect(summary.hasPrefix("tree \(root)"))
    }

    /// Two invented figures citing the generated data's book.
    static let figureLines = """
        {"figure":{"figure_ref":"fig-invented-a","statement":"under a tenth","measure":"acquittal_rate","low":0,"high":0.1,"qualifier":"less_than","courts":"courts","category":"political","period":"1937","unit":"defendants","numerator_outcomes":["acquitted"],"denominator_outcomes":["convicted","acquitted"],"source_key":"src-book","locator":"p. 5"}}
        {"figure":{"figure_ref":"fig-invented-b","statement":"a fifth: acquitted or dropped","measure":"non_conviction_rate","value":0.2,"courts":"all","category":"all","period":"1936/1938","numerator_outcomes":["acquitted","dismissed"],"source_key":"src-file","quote":"one in five\\nwent free"}}

        """

    @Test func figuresAreWrittenOneAFileAndAChangedOneIsUpdatedWithHistory() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 4) + Self.figureLines, format: .jsonl)
        #expect(try test.count("figure") == 2)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        let exported = try test.archive.exportTree(to: root)
        #expect(exported.figures == 2)
        let path = root + "/" + TreePaths.path(kind: .figure, ref: "fig-invented-a")
        #expect(path.contains("/figures/"))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // Keys in the JSON object's order, one field a line, codes as lists.
        #expect(text.hasPrefix("figure_ref: fig-invented-a\nstatement: under a tenth\nmeasure: acquittal_rate\nlow: 0\nhigh: 0.1\n"), "\(text)")
        #expect(text.contains("numerator_outcomes:\n  - acquitted\ndenominator_outcomes:\n  - convicted\n  - acquitted\nsource_key: src-book\n"), "\(text)")
        #expect(try String(contentsOfFile: root + "/" + TreePaths.path(kind: .figure, ref: "fig-invented-b"), encoding: .utf8)
            .contains("quote: |-\n  one in five\n  went free\n"))
        #expect(try TreeReader.read(root: root).figures.map(\.figure.ref).sorted() == ["fig-invented-a", "fig-invented-b"])

        text = text.replacingOccurrences(of: "high: 0.1\n", with: "high: 0.12\n")
            .replacingOccurrences(of: "locator: p. 5\n", with: "locator: p. 6\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let history = try test.count("history")
        let report = try test.archive.importTree(root: root)
        #expect(report.tally.updated["figure"] == 1)
        #expect(report.tally.unchanged["figure"] == 1)
        #expect(report.tally.updated["case"] == nil)
        let figure = try #require(try test.archive.loadFigure(ref: "fig-invented-a"))
        #expect(figure.high == 0.12 && figure.locator == "p. 6" && figure.low == 0)
        let rows = try test.db.fetchAll("SELECT table_name, op FROM history WHERE id > ?", [history])
        #expect(rows.count == 1)
        #expect(rows.first?.string(0) == "figure" && rows.first?.string(1) == "update")

        // --sync removes a figure whose file is gone, in the same change.
        try FileManager.default.removeItem(atPath: root + "/" + TreePaths.path(kind: .figure, ref: "fig-invented-b"))
        let listed = try test.archive.importTree(root: root)
        #expect(listed.absentFigures == ["fig-invented-b"] && listed.change == nil)
        let synced = try test.archive.importTree(root: root, options: { var o = TreeImportOptions(); o.sync = true; return o }())
        let change = try #require(synced.change)
        #expect(synced.removed)
        #expect(try test.archive.loadFigure(ref: "fig-invented-b") == nil)
        #expect(try test.archive.loadFigure(ref: "fig-invented-a") != nil)
        _ = try test.archive.revert(change: change)
        #expect(try test.archive.loadFigure(ref: "fig-invented-b")?.numeratorOutcomes == [.acquitted, .dismissed])
    }

    @Test func aFigureWithAnUnknownOutcomeOrSourceIsRefusedWithPathAndLine() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 3) + Self.figureLines, format: .jsonl)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        try test.archive.exportTree(to: root)
        let path = TreePaths.path(kind: .figure, ref: "fig-invented-b")
        let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            .replacingOccurrences(of: "  - dismissed\n", with: "  - dropped\n")
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
        let otherPath = TreePaths.path(kind: .figure, ref: "fig-invented-a")
        let other = try String(contentsOfFile: root + "/" + otherPath, encoding: .utf8)
            .replacingOccurrences(of: "source_key: src-book\n", with: "source_key: src-missing\n")
        try other.write(toFile: root + "/" + otherPath, atomically: true, encoding: .utf8)
        func lineNumber(_ text: String, _ prefix: String) -> Int {
            (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
        }
        let codeLine = lineNumber(text, "  - dropped")
        let keyLine = lineNumber(other, "source_key:")
        let counts = try ImportTestSupport.counts(test.archive)
        let before = try ImportTestSupport.export(test.archive)
        for attempt in 0..<2 {
            do {
                if attempt == 0 { _ = try test.archive.importTree(root: root) } else { _ = try TreeReader.read(root: root) }
                Issue.record("a tree with a bad figure was read")
            } catch let errors as DataErrors {
                let lines = errors.errors.map(\.description)
                #expect(lines.contains { $0.hasPrefix("\(root)/\(path):\(codeLine): numerator_outcomes[1]: ") && $0.contains("dropped")
                    && $0.contains("(expected") }, "\(lines)")
                #expect(lines.contains { $0.hasPrefix("\(root)/\(otherPath):\(keyLine): source_key: unknown source key \"src-missing\"") },
                        "\(lines)")
            }
        }
        #expect(try ImportTestSupport.counts(test.archive) == counts)
        #expect(try ImportTestSupport.export(test.archive) == before)
    }

    @Test func syncRemovesAbsentRecordsAsOneChangeThatRevertUndoes() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 10), format: .jsonl)
        let before = try ImportTestSupport.export(test.archive)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        try test.archive.exportTree(to: root)
        try FileManager.default.removeItem(atPath: root + "/" + TreePaths.path(kind: .case, ref: "gen-00004"))
        try FileManager.default.removeItem(atPath: root + "/" + TreePaths.path(kind: .person, ref: "p-alone"))

        // Without --sync the absent records are listed and kept.
        let listed = try test.archive.importTree(root: root)
        #expect(listed.absentCases == ["gen-00004"])
        #expect(listed.absentPersons == ["p-4", "p-alone"])
        #expect(listed.change == nil && !listed.removed)
        #expect(try test.archive.loadCase(ref: "gen-00004") != nil)

        let synced = try test.archive.importTree(root: root, options: { var o = TreeImportOptions(); o.sync = true; return o }())
        #expect(synced.removed)
        let change = try #require(synced.change)
        #expect(try test.archive.loadCase(ref: "gen-00004") == nil)
        #expect(try test.archive.loadPerson(ref: "p-alone") == nil)
        #expect(try test.archive.loadPerson(ref: "p-4") == nil)
        #expect(try test.count("change") == Int(change))

        _ = try test.archive.revert(change: change)
        #expect(try ImportTestSupport.export(test.archive) == before)
    }

    @Test func badFilesAreReportedWithPathLineAndFieldAndNothingIsWritten() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 5), format: .jsonl)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        try test.archive.exportTree(to: root)
        let casePath = TreePaths.path(kind: .case, ref: "gen-00001")
        var text = try String(contentsOfFile: root + "/" + casePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "body_kind: troika", with: "body_kind: tribunal-ish")
        try text.write(toFile: root + "/" + casePath, atomically: true, encoding: .utf8)
        let sourcePath = TreePaths.path(kind: .source, ref: "src-file")
        try "key: src-file\ntype: manuscript\ntitle: [unclosed\n".write(toFile: root + "/" + sourcePath, atomically: true, encoding: .utf8)
        let counts = try ImportTestSupport.counts(test.archive)
        do {
            _ = try test.archive.importTree(root: root)
            Issue.record("a bad tree was imported")
        } catch let errors as DataErrors {
            let lines = errors.errors.map(\.description)
            let bodyKindLine = text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("body_kind:") }! + 1
            #expect(lines.contains { $0.hasPrefix("\(root)/\(casePath):\(bodyKindLine): body_kind: ") && $0.contains("(expected") }, "\(lines)")
            // YAML reports an unclosed list where it notices it: at the end.
            #expect(lines.contains { $0.hasPrefix("\(root)/\(sourcePath):4: not valid YAML") }, "\(lines)")
        }
        #expect(try ImportTestSupport.counts(test.archive) == counts)
    }

    @Test func conflictMarkersAreRefusedAtTheirLine() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 3), format: .jsonl)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        try test.archive.exportTree(to: root)
        let path = TreePaths.path(kind: .case, ref: "gen-00001")
        let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            .replacingOccurrences(of: "title: Дело № 1\n", with: TreeReader.conflictOpen + " HEAD\ntitle: Дело № 1a\n" + TreeReader.conflictMiddle
                                  + "\ntitle: Дело № 1b\n" + TreeReader.conflictClose + " other\n")
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
        let counts = try ImportTestSupport.counts(test.archive)
        for attempt in 0..<2 {
            do {
                if attempt == 0 { _ = try test.archive.importTree(root: root) } else { _ = try TreeReader.read(root: root) }
                Issue.record("a conflicted tree was read")
            } catch let errors as DataErrors {
                #expect(errors.errors.count == 1)
                let line = errors.errors.first?.description ?? ""
                #expect(line.hasPrefix("\(root)/\(path):2: git conflict, lines 2-6"), "\(line)")
                #expect(line.contains("resolve the conflict in this file, then import again"))
            }
        }
        #expect(try ImportTestSupport.counts(test.archive) == counts)
    }

    @Test func aNewCaseMayNameByRefAPersonWrittenOutInAnotherCase() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 3), format: .jsonl)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        try test.archive.exportTree(to: root)
        // p-2 is in one case (gen-00002), so written out there; a new case
        // in a file read before it names p-2 by ref only.
        let path = root + "/cases/0-new/aaa-new.yaml"
        try FileManager.default.createDirectory(atPath: root + "/cases/0-new", withIntermediateDirectories: true)
        try """
            case_ref: aaa-new
            body_kind: troika
            defendants:
              - person:
                  person_ref: p-2
                outcome: convicted

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try test.archive.importTree(root: root)
        #expect(report.tally.created["case"] == 1)
        #expect(try test.archive.casesOf(personRef: "p-2").map(\.ref).sorted() == ["aaa-new", "gen-00002"])
        // The next export gives p-2 a file of their own and moves the new case to its place.
        let again = try test.archive.exportTree(to: root)
        #expect(again.removed == 1)
        #expect(FileManager.default.fileExists(atPath: root + "/" + TreePaths.path(kind: .person, ref: "p-2")))
        #expect(FileManager.default.fileExists(atPath: root + "/" + TreePaths.path(kind: .case, ref: "aaa-new")))
        #expect(try TreeReader.read(root: root).cases.count == 4)
    }

    @Test func checkTreeNeedsNoArchiveAndFindsMissingSourcesAndPersons() throws {
        let test = try TestArchive()
        _ = try ImportTestSupport.importText(test.archive, TreeData.jsonl(cases: 8), format: .jsonl)
        let folder = try TemporaryFolder()
        let root = folder.path + "/tree"
        try test.archive.exportTree(to: root)
        let contents = try TreeReader.read(root: root)
        #expect(contents.cases.count == 8 && contents.sources.count == 2 && contents.persons.count == 2)
        try FileManager.default.removeItem(atPath: root + "/" + TreePaths.path(kind: .source, ref: "src-file"))
        try FileManager.default.removeItem(atPath: root + "/" + TreePaths.path(kind: .person, ref: "p-shared"))
        do {
            _ = try TreeReader.read(root: root)
            Issue.record("a tree with missing records passed")
        } catch let errors as DataErrors {
            let text = errors.description
            #expect(text.contains("unknown source key \"src-file\""))
            #expect(text.contains("person p-shared is named by ref only"))
        }
        #expect(throws: ArchiveError.self) { try TreeReader.read(root: folder.path) }
    }
}
