import ArgumentParser
import Dossier

/// The record filters `search` and `stats` share.
struct FilterOptions: ParsableArguments {
    @Option(help: "A person's name, in any script or spelling.") var name: String?
    @Option(help: "A statute reference or category; 58-1 matches 58-1, 58-1a, 58-1b but not 58-10.") var charge: String?
    @Option(help: "An outcome (repeatable): convicted, acquitted, dismissed, returned_for_investigation, released_without_trial, insanity, died_before_verdict, unknown.")
    var outcome: [String] = []
    @Option(name: .customLong("body-kind"), help: "A body kind (repeatable).") var bodyKind: [String] = []
    @Flag(help: "Only court verdicts (courts and military tribunals; not the NKVD or the procuracy).") var judicial = false
    @Flag(help: "Only extrajudicial bodies (troika, dvoika, special_board, commission).") var extrajudicial = false
    @Flag(help: "Only decisions of investigating organs (security_organ: OGPU, NKVD, MGB, MVD; procuracy).")
    var investigative = false
    @Option(help: "political, criminal or unknown (repeatable).") var category: [String] = []
    @Option(help: "A place in any name, script or spelling (Volgograd finds Царицын, Сталинград); a region finds the places inside it. Unknown places: substring.")
    var place: String?
    @Option(help: "A birthplace, read like --place.") var birthplace: String?
    @Option(help: "A nationality in any written form: латыш, латышка and Latvian find each other.") var nationality: String?
    @Option(help: "Decided on or after this date, EDTF or as sources write it (ranges that overlap count).") var from: String?
    @Option(help: "Decided on or before this date, EDTF or as sources write it (ranges that overlap count).") var to: String?
    @Flag(help: "With --from/--to: count only dates entirely within the range.") var within = false
    @Option(help: "Born in this EDTF date or range (ranges that overlap count): 1899, 1895/1900.") var born: String?

    func validate() throws {
        if judicial && extrajudicial { throw ValidationError("give --judicial or --extrajudicial, not both") }
        if [judicial, extrajudicial, investigative].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --judicial, --extrajudicial and --investigative")
        }
    }

    /// The filter, with vocabularies checked.
    func filter() throws -> RecordFilter {
        var filter = RecordFilter()
        filter.name = name
        filter.charge = charge
        do {
            filter.outcomes = try outcome.map { try Outcome.parse($0) }
            filter.bodyKinds = try bodyKind.map { try BodyKind.parse($0) }
            filter.categories = try category.map { try Dossier.Category.parse($0) }
        } catch let problem as FieldProblem {
            throw ValidationError(problem.problem + (problem.expected.map { " (expected \($0))" } ?? ""))
        }
        if judicial { filter.judicial = true }
        if extrajudicial { filter.judicial = false }
        if investigative { filter.jurisdiction = .investigative }
        filter.place = place
        filter.birthplace = birthplace
        filter.nationality = nationality
        filter.from = from
        filter.to = to
        filter.within = within
        filter.born = born
        return filter
    }
}
