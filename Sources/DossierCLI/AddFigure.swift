import ArgumentParser
import Dossier
import Foundation

/// `dossier add figure`: one published figure from flags, or from a JSON
/// object (the value of a `{"figure": ...}` line) with --json.
struct AddFigure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "Add a published figure: a rate or count from the literature, with scope, definition and source.",
        discussion: """
            The value is exact (--value) or bounds (--low/--high): "less than 2%" is --low 0 --high 0.02, \
            "over a third" --low 0.3333 --high 1. Shares are from 0 to 1. --numerator-outcomes names the \
            outcome codes the figure counts (acquitted; acquitted,dismissed for "acquittal or charges \
            dropped"); --denominator-outcomes what it divides by (default: every decided outcome).
            Example: dossier add figure --ref f-verzonnen-1960s --statement "less than 2%" --measure acquittal_rate \\
                       --low 0 --high 0.02 --qualifier less_than --jurisdiction USSR --courts courts --category all \\
                       --period 1960/1969 --numerator-outcomes acquitted --source-key verzonnen1990 --locator "p. 12"
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("Read the figure as one JSON object from a file, or - for stdin.", valueName: "file"))
    var json: String?
    @Option(help: "The figure's ref, e.g. f-solomon-1960s.") var ref: String?
    @Option(help: ArgumentHelp(help("statement"))) var statement: String?
    @Option(help: ArgumentHelp(help("measure"))) var measure: String?
    @Option(help: ArgumentHelp(help("value"))) var value: Double?
    @Option(help: ArgumentHelp(help("low"))) var low: Double?
    @Option(help: ArgumentHelp(help("high"))) var high: Double?
    @Option(help: ArgumentHelp(help("qualifier"))) var qualifier: String?
    @Option(help: ArgumentHelp(help("numerator"))) var numerator: Double?
    @Option(help: ArgumentHelp(help("denominator"))) var denominator: Double?
    @Option(help: ArgumentHelp(help("jurisdiction"))) var jurisdiction: String?
    @Option(help: ArgumentHelp(help("courts"))) var courts: String?
    @Option(help: ArgumentHelp(help("category"))) var category: String?
    @Option(help: ArgumentHelp(help("period"))) var period: String?
    @Option(help: ArgumentHelp(help("unit"))) var unit: String?
    @Option(name: .customLong("numerator-outcomes"),
            help: "The outcome codes the numerator counts, comma-separated: acquitted, or acquitted,dismissed.")
    var numeratorOutcomes: String?
    @Option(name: .customLong("denominator-outcomes"),
            help: "The outcome codes the denominator counts, comma-separated; default every decided outcome.")
    var denominatorOutcomes: String?
    @Option(name: .customLong("source-key"), help: "The key of the source that prints the figure.") var sourceKey: String?
    @Option(help: ArgumentHelp(help("locator"))) var locator: String?
    @Option(help: ArgumentHelp(help("confidence"))) var confidence: String?
    @Option(help: ArgumentHelp(help("quote"))) var quote: String?
    @Option(help: ArgumentHelp(help("note"))) var note: String?

    /// The help line of a described field.
    static func help(_ key: String) -> String { PublishedFigure.field(key)?.help ?? "" }

    /// The flags as the figure's JSON object.
    var object: [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        func set(_ key: String, _ text: String?) { if let text { object[key] = .string(text) } }
        func set(_ key: String, _ number: Double?) { if let number { object[key] = .number(number) } }
        set("figure_ref", ref); set("statement", statement); set("measure", measure); set("value", value)
        set("low", low); set("high", high); set("qualifier", qualifier); set("numerator", numerator)
        set("denominator", denominator); set("jurisdiction", jurisdiction); set("courts", courts)
        set("category", category); set("period", period); set("unit", unit); set("source_key", sourceKey)
        set("locator", locator); set("confidence", confidence); set("quote", quote); set("note", note)
        if let numeratorOutcomes {
            object["numerator_outcomes"] = .array(PublishedFigure.codeList(numeratorOutcomes).map { .string($0) })
        }
        if let denominatorOutcomes {
            object["denominator_outcomes"] = .array(PublishedFigure.codeList(denominatorOutcomes).map { .string($0) })
        }
        return object
    }

    func run() throws {
        var document: JSONValue = .object(object)
        var file: String? = nil
        if let json {
            if object.count > 0 { throw ValidationError("give the figure either as flags or with --json, not both") }
            let input = try readDocument(json)
            file = input.name
            do {
                document = try JSONDecoder().decode(JSONValue.self, from: Data(input.text.utf8))
            } catch {
                throw DataError(file: input.name, problem: "not valid JSON", expected: "one JSON object")
            }
        }
        let figure: PublishedFigure
        do {
            // Defaults for flags left out: every figure states its scope, so
            // measure, courts and category must be given.
            figure = try PublishedFigure(json: document)
        } catch {
            throw error.at(file: file, line: nil)
        }
        let opened = try archive.open(create: true)
        let tally = try opened.addFigure(figure)
        output("\(tally.created["figure"] != nil ? "added" : tally.updated["figure"] != nil ? "updated" : "unchanged")"
               + " figure \(figure.ref)\n")
    }
}
