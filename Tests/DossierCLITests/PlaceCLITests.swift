@testable import DossierCLI
import Foundation
import Testing

/// `dossier place`, and `--place`/`--by place` on the command line
/// (docs/places.md). The persons are invented.
@Suite struct PlaceCLITests {
    @Test func placeShowsTheReadingAndExitsByWhetherAPlaceWasFound() throws {
        let found = try CLIRunner.run(["place", "в г. Ленинграде", "Lemberg", "--format", "json"])
        #expect(found.status == 0, "\(found.stderr)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["place_id"] as? String } == ["saint-petersburg", "lviv"])
        let places = try #require(items.first?["places"] as? [[String: Any]])
        let names = try #require(places.first?["names"] as? [[String: Any]])
        #expect(names.contains { $0["name"] as? String == "Петроград" && $0["period"] as? String == "1914-08-31/1924-01-26" })

        let centre = try CLIRunner.run(["place", "Калининград", "--date", "1950", "--format", "table"])
        #expect(centre.status == 0)
        #expect(centre.stdout.contains("resolved: kaliningrad (the regional centre of that name; also so named: korolyov)"))
        #expect(centre.stdout.contains("centre of kaliningrad-oblast"))
        let ambiguous = try CLIRunner.run(["place", "Дзержинск", "--date", "1950", "--format", "table"])
        #expect(ambiguous.status == 0)
        #expect(ambiguous.stdout.contains("candidates: dzerzhinsk, toretsk"))
        let dated = try CLIRunner.run(["place", "Калининград", "--date", "1940", "--format", "table"])
        #expect(dated.stdout.contains("resolved: korolyov"))

        let unknown = try CLIRunner.run(["place", "Ленинград", "г. Вымышленск", "--format", "table"])
        #expect(unknown.status == 65)
        #expect(unknown.stdout.contains("no place of the gazetteer in the text"))

        let badDate = try CLIRunner.run(["place", "Калининград", "--date", "yesterday"])
        #expect(badDate.status == 64)
        #expect(badDate.stdout.isEmpty)
    }

    @Test func searchAndStatsReadThePlaceOnTheCommandLine() throws {
        let scratch = try Scratch()
        let db = scratch.file("a.sqlite")
        let rows = [
            #"{"case_ref":"c-1","body_kind":"troika","category":"political","place":"Сталинград","trial_date":"1937-09-01","defendants":[{"person":{"person_ref":"p-1","name":"Выдумкин, Иван"},"outcome":"convicted"}]}"#,
            #"{"case_ref":"c-2","body_kind":"troika","category":"political","place":"Tsaritsyn","trial_date":"1920-09-01","defendants":[{"person":{"person_ref":"p-2","name":"Сочинёнов, Пётр"},"outcome":"acquitted"}]}"#,
            #"{"case_ref":"c-3","body_kind":"troika","category":"political","place":"г. Луга","trial_date":"1937-09-01","defendants":[{"person":{"person_ref":"p-3","name":"Придумкин, Савва"},"outcome":"convicted"}]}"#,
        ]
        let file = scratch.file("rows.jsonl")
        try rows.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["import", file, "--db", db]).status == 0)
        let search = try CLIRunner.run(["search", "--place", "Volgograd", "--db", db, "--format", "csv"])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("c-1") && search.stdout.contains("c-2") && !search.stdout.contains("c-3"))
        let region = try CLIRunner.run(["search", "--place", "Ленинградская область", "--db", db, "--format", "csv"])
        #expect(region.stdout.contains("c-3") && !region.stdout.contains("c-1"))
        let stats = try CLIRunner.run(["stats", "--by", "place", "--db", db, "--format", "csv"])
        #expect(stats.stdout.contains("Волгоград (volgograd),2,"))
        #expect(stats.stdout.contains("Луга (luga),1,"))
        let regions = try CLIRunner.run(["stats", "--by", "region", "--db", db, "--format", "csv"])
        #expect(regions.stdout.contains("Ленинградская область (leningrad-oblast),1,"))
    }
}
