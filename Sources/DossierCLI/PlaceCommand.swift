import ArgumentParser
import Dossier
import Foundation

struct PlaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Show how dossier reads places: the gazetteer place, its names with their periods, its regions.",
        discussion: """
            Examples: dossier place Сталинград 'в г. Ленинграде' Lemberg
                      dossier place Калининград --date 1950
                      dossier place 'Калининград Московской обл.' --format json
            A name that fits several places is shown with its candidates; --date (EDTF, the record's \
            date) and a region written with the name choose among them.
            Exit status 0 when every text names a place of the gazetteer (resolved or not), 65 otherwise.
            Documented in docs/places.md.
            """)

    @Argument(help: "Places as written: any name, script or spelling, with a region if you like.") var names: [String]
    @Option(help: "The record's date (EDTF or as sources write it): which place a name meant then.") var date: String?
    @OptionGroup var outputOptions: OutputOptions<TableOrJSON>

    func validate() throws {
        if names.isEmpty { throw ValidationError("give at least one place name") }
    }

    func run() throws {
        var lower: Int?, upper: Int?
        if let date {
            do {
                let read = try DateReader.read(date).date
                lower = read.lower; upper = read.upper
            } catch {
                throw ValidationError("--date: \(error.problem) (expected \(error.expectation))")
            }
        }
        let gazetteer = Gazetteers.standard
        let readings = names.map { gazetteer.read($0, lower: lower, upper: upper) }
        switch outputOptions.format {
        case .json:
            let items = zip(names, readings).map { name, reading in
                PlaceReport.json(name, reading, gazetteer: gazetteer, lower: lower, upper: upper)
            }
            output(OrderedJSON.array(items).serialized(pretty: true) + "\n")
        default:
            var out = ""
            for (name, reading) in zip(names, readings) {
                if !out.isEmpty { out += "\n" }
                out += PlaceReport.text(name, reading, gazetteer: gazetteer, lower: lower, upper: upper)
            }
            output(out)
        }
        if readings.contains(where: { $0.placeID == nil && $0.candidates.isEmpty }) { throw ExitCode(65) }
    }
}
