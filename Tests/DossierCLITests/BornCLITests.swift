import Foundation
import Testing

/// `--born` and a birth year typed with a name, as a user meets them on
/// the command line. The people are invented.
@Suite struct BornCLITests {
    static let csv = """
        case_ref,person_ref,name,sex,birth,body_kind,category,trial_date,outcome
        inv-1,p-a,"Выдумкин, Иван Иванович",m,1902,troika,political,1937-12-10,convicted
        inv-2,p-b,"Выдумкин, Иван Иванович",m,1899-04-02,troika,political,1937-12-11,convicted
        inv-3,p-c,"Сочинёнов, Пётр Ефимович",m,1899,troika,political,1937-12-12,acquitted

        """

    func refs(_ text: String) throws -> [String] {
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return hits.compactMap { $0["person_ref"] as? String }
    }

    @Test func bornFiltersSearchAndStatsAndAYearRanksTheName() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let csv = scratch.file("rows.csv")
        try Self.csv.write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try CLIRunner.run(["import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")

        let born = try CLIRunner.run(["search", "--born", "1899", "--format", "json", "--db", db])
        #expect(born.status == 0, "\(born.stderr)")
        #expect(Set(try refs(born.stdout)) == ["p-b", "p-c"])

        let stats = try CLIRunner.run(["stats", "--born", "1898/1900", "--format", "json", "--db", db])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("born 1898/1900"))

        let named = try CLIRunner.run(["search", "--name", "Vydumkin I. I., b. 1899", "--explain", "--format", "json", "--db", db])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try refs(named.stdout) == ["p-b", "p-a"])
        #expect(named.stdout.contains("born in 1899"))

        let bad = try CLIRunner.run(["search", "--born", "1899-13", "--db", db])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("--born"), "\(bad.stderr)")
        #expect(bad.stdout.isEmpty)
    }
}
