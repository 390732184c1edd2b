import Foundation
import Testing

/// The command line of the rough edges: `show NAME`, `--romanize`, the
/// death column and the derived death (invented people).
@Suite struct RoughEdgesCLITests {
    static let csv = """
        case_ref,person_ref,name,sex,death,body_kind,trial_date,outcome,executed_date
        E-1,P-z1,"Затейкин, Юрий Щукович",m,,troika,1937-11-05,convicted,1937-11-20
        E-1,P-z2,"Затейкина, Анна",f,1942-03-12,troika,1937-11-05,convicted,
        """

    func archive(_ scratch: Scratch) throws -> String {
        let db = scratch.file("a.sqlite")
        let csv = scratch.file("rows.csv")
        try Self.csv.write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try CLIRunner.run(["import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        return db
    }

    @Test func showWithANameOffersThePersonsItMatches() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let named = try CLIRunner.run(["show", "Затейкин", "--db", db])
        #expect(named.status == 65)
        #expect(named.stdout.isEmpty)
        #expect(named.stderr.contains("no case, person or source with ref \"Затейкин\"; persons matching the name: "))
        #expect(named.stderr.contains("P-z1 (Затейкин, Юрий Щукович)"))
        #expect(named.stderr.contains("give a ref, e.g. dossier show P-z"))
        // In any script, as search finds it.
        let latin = try CLIRunner.run(["show", "Zateikin", "--db", db])
        #expect(latin.status == 65 && latin.stderr.contains("P-z1 (Затейкин, Юрий Щукович)"), "\(latin.stderr)")
        // A misspelt ref still gets the refs it is close to.
        let typo = try CLIRunner.run(["show", "E-2", "--db", db])
        #expect(typo.status == 65 && typo.stderr.contains("did you mean E-1"), "\(typo.stderr)")
        // Nothing at all.
        let none = try CLIRunner.run(["show", "Несуществующий", "--db", db])
        #expect(none.status == 65 && none.stderr == "dossier: error: no case, person or source Несуществующий\n", "\(none.stderr)")
    }

    @Test func romanizeChangesTheTableOnly() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let show = try CLIRunner.run(["show", "P-z1", "--romanize", "loc", "--db", db])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("Person P-z1: Затейкин, Юрий Щукович (Zateĭkin, I͡Uriĭ Shchukovich)\n"))
        #expect(show.stdout.contains("Died  1937-11-20 (20 November 1937), derived from the executed event of case E-1"))
        let search = try CLIRunner.run(["search", "--name", "Затейкина", "--romanize", "loc-plain", "--db", db])
        #expect(search.stdout.contains("Затейкина, Анна (Zateikina, Anna)"), "\(search.stdout)")
        let json = try CLIRunner.run(["show", "P-z1", "--romanize", "loc", "--format", "json", "--db", db])
        #expect(json.status == 64 && json.stderr.contains("--romanize applies to the table output"))
        let bad = try CLIRunner.run(["show", "P-z1", "--romanize", "iso9", "--db", db])
        #expect(bad.status == 64)
    }

    @Test func theDeathColumnIsExportedAndTheDerivedDeathIsNot() throws {
        let scratch = try Scratch()
        let db = try archive(scratch)
        let csv = try CLIRunner.run(["export", "--format", "csv", "--db", db])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n").map { Self.cells(String($0)) }
        let death = try #require(lines.first?.firstIndex(of: "death"))
        let byRef = Dictionary(lines.dropFirst().map { ($0[1], $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byRef["P-z2"]?[death] == "1942-03-12")
        // The execution stays an event; the death cell stays empty.
        #expect(byRef["P-z1"]?[death] == "")
        #expect(byRef["P-z1"]?.contains("1937-11-20") == true)
        let json = try CLIRunner.run(["show", "P-z1", "--format", "json", "--db", db])
        #expect(json.stdout.contains("\"derived_from\""), "\(json.stdout)")
    }

    /// The cells of one CSV line without line breaks in its cells.
    static func cells(_ line: String) -> [String] {
        var cells = [""], quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { cells.append("") } else {
                cells[cells.count - 1].append(character)
            }
        }
        return cells
    }
}
