import Foundation
import Testing

/// A person's nationality end to end, as a user meets it: a CSV column,
/// `add --nationality`, `show`, JSON Lines and YAML round trips, the
/// `--nationality` filter and `stats --by nationality` (its written forms
/// grouped), Memorial notes, and `check`. The people are invented.
@Suite struct NationalityCLITests {
    static let csv = """
        case_ref,person_ref,name,sex,nationality,body_kind,category,trial_date,outcome
        inv-troika-1,p-ozolin,"Озолин, Карл Янович",m,латыш,troika,political,1937-12-10,convicted
        inv-troika-1,p-ozolina,"Озолина, Анна Петровна",f,латышка,troika,political,1937-12-10,convicted
        inv-troika-1,p-berzin,"Berzin, Janis",m,Latvian,troika,political,1937-12-10,convicted
        inv-court-2,p-nowak,"Новак, Ян Игнатьевич",m,поляк,regional_court,political,1938-03-01,acquitted
        inv-court-2,p-petrov,"Петров, Пётр Петрович",m,,regional_court,political,1938-03-01,convicted

        """

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func aNationalityColumnIsImportedFilteredGroupedAndShown() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let csv = scratch.file("rows.csv")
        try Self.csv.write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try CLIRunner.run(["import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")

        // Any written form finds every form of the same nationality.
        for query in ["Latvian", "латышка", "ЛАТЫШ"] {
            let found = try CLIRunner.run(["search", "--nationality", query, "--format", "json", "--db", db])
            #expect(found.status == 0, "\(found.stderr)")
            let hits = try #require(try json(found.stdout) as? [[String: Any]])
            #expect(Set(hits.compactMap { $0["person_ref"] as? String }) == ["p-ozolin", "p-ozolina", "p-berzin"], "\(query)")
        }

        // Groups by nationality: the three forms are one group.
        let stats = try CLIRunner.run(["stats", "--by", "nationality", "--format", "json", "--db", db])
        #expect(stats.status == 0, "\(stats.stderr)")
        let report = try #require(try json(stats.stdout) as? [String: Any])
        let groups = try #require(report["groups"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for group in groups {
            if let by = group["by"] as? [String: Any], let name = by["nationality"] as? String, let n = group["n"] as? Int {
                counts[name] = n
            }
        }
        #expect(counts == ["Latvian": 3, "Polish": 1, "no nationality": 1])

        // The filter combines with stats' own.
        let polish = try CLIRunner.run(["stats", "--nationality", "полька", "--format", "json", "--db", db])
        let polishReport = try #require(try json(polish.stdout) as? [String: Any])
        let total = try #require(polishReport["total"] as? [String: Any])
        #expect(total["n"] as? Int == 1)

        // Values are kept as written.
        let shown = try CLIRunner.run(["show", "p-ozolina", "--format", "table", "--db", db])
        #expect(shown.stdout.contains("Nationality  латышка"), "\(shown.stdout)")

        #expect(try CLIRunner.run(["check", "--db", db]).status == 0)
    }

    @Test func addShowAndRoundTripsKeepIt() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let added = try CLIRunner.run(["add", "person", "--ref", "p-kowalska", "--name", "Ковальская, Мария",
                                       "--nationality", "полька", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let yaml = try CLIRunner.run(["show", "p-kowalska", "--format", "yaml", "--db", db])
        #expect(yaml.stdout.contains("nationality: полька"), "\(yaml.stdout)")
        let json = try CLIRunner.run(["show", "p-kowalska", "--format", "json", "--db", db])
        #expect(json.stdout.contains("\"nationality\": \"полька\""), "\(json.stdout)")

        // JSON Lines: a case with the person, exported and imported again.
        let line = #"{"case_ref":"inv-1","body_kind":"troika","category":"political","defendants":[{"person":{"person_ref":"p-kowalska","name":"Ковальская, Мария","nationality":"полька"},"outcome":"convicted"}]}"#
        let file = scratch.file("cases.jsonl")
        try (line + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["import", file, "--db", db]).status == 0)
        let first = scratch.file("first.jsonl"), second = scratch.file("second.jsonl")
        #expect(try CLIRunner.run(["export", "--out", first, "--db", db]).status == 0)
        let copy = scratch.file("copy.sqlite")
        #expect(try CLIRunner.run(["import", first, "--db", copy]).status == 0)
        #expect(try CLIRunner.run(["export", "--out", second, "--db", copy]).status == 0)
        let exported = try String(contentsOfFile: first, encoding: .utf8)
        #expect(exported.contains("\"nationality\":\"полька\""), "\(exported)")
        #expect(exported == (try String(contentsOfFile: second, encoding: .utf8)))

        // An empty value is refused by the schema's rule, not stored.
        let csv = scratch.file("export.csv")
        #expect(try CLIRunner.run(["export", "--format", "csv", "--out", csv, "--db", db]).status == 0)
        let header = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n").first.map(String.init) ?? ""
        #expect(header.contains(",birthplace,nationality,"))
    }

    @Test func memorialNotesWriteTheNationalityToItsColumn() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let notes = scratch.file("notes.txt")
        try """
            Выдуманная Ирма Карловна
            Род. в 1901, г. Рига, латышка, обр.: среднее. Проживала: г. Ленинград. Машинистка. # Арестована 5.12.1937. Приговор: Комиссия НКВД и Прокуратуры СССР, 30.12.1937 – ВМН. Расстреляна 8.01.1938.

            """.write(toFile: notes, atomically: true, encoding: .utf8)
        let imported = try CLIRunner.run(["import", notes, "--input-format", "memorial", "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let found = try CLIRunner.run(["search", "--nationality", "Latvian", "--format", "json", "--db", db])
        let hits = try #require(try json(found.stdout) as? [[String: Any]])
        #expect(hits.count == 1)
        let ref = try #require(hits.first?["person_ref"] as? String)
        let person = try CLIRunner.run(["show", ref, "--format", "json", "--db", db])
        let shown = try #require(try json(person.stdout) as? [String: Any])
        let doc = try #require(shown["person"] as? [String: Any])
        #expect(doc["nationality"] as? String == "латышка")
        #expect(!((doc["notes"] as? String) ?? "").contains("латышка"))
    }
}
