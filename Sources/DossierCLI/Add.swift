import ArgumentParser
import Dossier
import Foundation

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enter one record from flags, or from a document with --json FILE|- or --yaml FILE|-.",
        discussion: """
            Examples:
              dossier add person --ref p-pryanikov --name "Пряников, Савелий Игнатьевич" --name-variant "Savelii Pryanikov" --birth 1885 --nationality русский
              dossier add case --ref pryanikov-1936 --body-kind commission --category political --date 1936-08
              dossier add defendant --case pryanikov-1936 --person p-pryanikov --charge "58-10" --outcome dismissed
              echo '{"ref":"p-x","name":"Иванов И. И."}' | dossier add person --json -
              dossier show pryanikov-1936 --format yaml > case.yaml && dossier --db other.sqlite add case --yaml case.yaml
            Documented in docs/entering.md.
            """,
        subcommands: [AddPerson.self, AddCase.self, AddDefendant.self, AddEvent.self, AddSource.self, AddCitation.self,
                      AddFigure.self]
    )
}

/// Options every `add` subcommand shares.
struct AddOptions: ParsableArguments {
    @OptionGroup var archive: ArchiveOptions

    @Option(help: ArgumentHelp("Read the record as one JSON object from a file, or - for stdin.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Read the record as a YAML document (the shape `dossier show --format yaml` prints) from a file, or - for stdin.",
                               valueName: "file"))
    var yaml: String?
}

/// Builds the record object from flags; keys are the flag names with
/// underscores.
struct RecordFields {
    var object: [String: JSONValue] = [:]
    mutating func set(_ key: String, _ value: String?) { if let value { object[key] = .string(value) } }
    mutating func set(_ key: String, _ values: [String]) { if !values.isEmpty { object[key] = .array(values.map { .string($0) }) } }
    mutating func set(_ key: String, _ value: Double?) { if let value { object[key] = .number(value) } }
    mutating func set(_ key: String, _ flag: Bool) { if flag { object[key] = .bool(true) } }
    /// The described fields of a record kind, by key; every key must be one
    /// the description knows, so a flag cannot drift from its field.
    mutating func set<R: DescribedRecord>(_ kind: R.Type, _ values: [String: String?]) {
        for field in R.fields {
            guard let value = values[field.key] else { continue }
            set(field.flag.replacingOccurrences(of: "-", with: "_"), value)
        }
        assert(Set(values.keys).isSubset(of: R.fields.map(\.key)), "a flag names no field of \(R.self)")
    }
}

protocol AddSubcommand: ParsableCommand {
    static var kind: RecordKind { get }
    var options: AddOptions { get }
    var fields: RecordFields { get }
}

extension AddSubcommand {
    func run() throws {
        do {  // failures are reported once, by Main
            if options.json != nil, options.yaml != nil {
                throw ValidationError("give --json or --yaml, not both")
            }
            if let path = options.json ?? options.yaml {
                if !fields.object.isEmpty {
                    throw ValidationError("give the record either as flags or with --json/--yaml, not both")
                }
                let input = try readDocument(path)
                let archive = try options.archive.open(create: true)
                let result = try archive.addDocument(Self.kind, text: input.text, format: options.yaml != nil ? .yaml : .json,
                                                     file: input.name)
                for hint in result.hints { printError("note: \(hint)") }
                output(result.message + "\n" + describeEntry(readings: result.readings, notes: result.notes))
            } else {
                let archive = try options.archive.open(create: true)
                let result = try archive.add(Self.kind, .object(fields.object))
                output(result.message + "\n")
            }
        }
    }
}

/// The help of a described field (the same line the editor's templates
/// carry as a comment).
func fieldHelp<Record: DescribedRecord>(_ type: Record.Type, _ key: String) -> ArgumentHelp {
    ArgumentHelp(Record.field(key)?.help ?? "")
}

struct AddPerson: AddSubcommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Add a person.")
    static let kind = RecordKind.person
    @OptionGroup var options: AddOptions
    @Option(help: "Stable ref, e.g. memo:p-88211.") var ref: String?
    @Option(help: "Primary name, as the source writes it.") var name: String?
    @Option(name: .customLong("name-variant"), help: "Another spelling (repeatable).") var nameVariant: [String] = []
    // The fields of a person, as `PersonDoc.fields` describes them: one
    // option each (the parser needs them declared), the help from there.
    @Option(help: help("sex")) var sex: String?
    @Option(help: help("birth")) var birth: String?
    @Option(help: help("death")) var death: String?
    @Option(help: help("birthplace")) var birthplace: String?
    @Option(help: help("occupation")) var occupation: String?
    @Option(help: help("nationality")) var nationality: String?
    @Option(help: help("notes")) var notes: String?

    static func help(_ key: String) -> ArgumentHelp { fieldHelp(PersonDoc.self, key) }

    var fields: RecordFields {
        var f = RecordFields()
        f.set("ref", ref); f.set("name", name); f.set("name_variant", nameVariant)
        f.set(PersonDoc.self, ["sex": sex, "birth": birth, "death": death, "birthplace": birthplace,
                               "occupation": occupation, "nationality": nationality, "notes": notes])
        return f
    }
}

struct AddCase: AddSubcommand {
    static let configuration = CommandConfiguration(commandName: "case", abstract: "Add a case (a proceeding).")
    static let kind = RecordKind.case
    @OptionGroup var options: AddOptions
    @Option var ref: String?
    @Option(help: fieldHelp(CaseDoc.self, "title")) var title: String?
    @Option(help: fieldHelp(CaseDoc.self, "body")) var body: String?
    @Option(name: .customLong("body-kind"), help: fieldHelp(CaseDoc.self, "body_kind")) var bodyKind: String?
    @Option(help: fieldHelp(CaseDoc.self, "category")) var category: String?
    @Option(help: fieldHelp(CaseDoc.self, "place")) var place: String?
    @Option(help: fieldHelp(CaseDoc.self, "trial_date")) var date: String?
    @Option(help: fieldHelp(CaseDoc.self, "notes")) var notes: String?

    var fields: RecordFields {
        var f = RecordFields()
        f.set("ref", ref); f.set("title", title); f.set("body", body); f.set("body_kind", bodyKind)
        f.set("category", category); f.set("place", place); f.set("date", date); f.set("notes", notes)
        return f
    }
}

struct AddDefendant: AddSubcommand {
    static let configuration = CommandConfiguration(commandName: "defendant", abstract: "Add a person to a case, with charges and outcome.")
    static let kind = RecordKind.defendant
    @OptionGroup var options: AddOptions
    @Option(name: .customLong("case"), help: "The case ref.") var caseRef: String?
    @Option(help: "The person ref.") var person: String?
    @Option(help: "A charge: a statute reference (58-10, ст. 58-1а) or a category (repeatable).") var charge: [String] = []
    @Option(name: .customLong("charge-text"), help: fieldHelp(DefendantDoc.self, "charge_text")) var chargeText: String?
    @Option(help: fieldHelp(DefendantDoc.self, "outcome")) var outcome: String?
    @Option(name: .customLong("outcome-text"), help: fieldHelp(DefendantDoc.self, "outcome_text")) var outcomeText: String?
    @Option(help: fieldHelp(DefendantDoc.self, "sentence")) var sentence: String?
    @Option(name: .customLong("sentence-kind"), help: fieldHelp(DefendantDoc.self, "sentence_kind")) var sentenceKind: String?
    @Option(name: .customLong("term-years"), help: fieldHelp(DefendantDoc.self, "term_years")) var termYears: Double?
    @Flag(name: .customLong("charge-reduced"), help: fieldHelp(DefendantDoc.self, "charge_reduced")) var chargeReduced = false
    @Option(name: .customLong("outcome-date"), help: fieldHelp(DefendantDoc.self, "outcome_date")) var outcomeDate: String?
    @Option(help: fieldHelp(DefendantDoc.self, "notes")) var notes: String?

    var fields: RecordFields {
        var f = RecordFields()
        f.set("case", caseRef); f.set("person", person); f.set("charge", charge); f.set("charge_text", chargeText)
        f.set("outcome", outcome); f.set("outcome_text", outcomeText); f.set("sentence", sentence)
        f.set("sentence_kind", sentenceKind); f.set("term_years", termYears); f.set("charge_reduced", chargeReduced)
        f.set("outcome_date", outcomeDate); f.set("notes", notes)
        return f
    }
}

struct AddEvent: AddSubcommand {
    static let configuration = CommandConfiguration(commandName: "event", abstract: "Add an event (arrest, execution, rehabilitation, ...).")
    static let kind = RecordKind.event
    @OptionGroup var options: AddOptions
    @Option(name: .customLong("case")) var caseRef: String?
    @Option var person: String?
    @Option(help: fieldHelp(EventDoc.self, "kind")) var kind: String?
    @Option(help: fieldHelp(EventDoc.self, "date")) var date: String?
    @Option(help: fieldHelp(EventDoc.self, "body")) var body: String?
    @Option(help: fieldHelp(EventDoc.self, "notes")) var notes: String?

    var fields: RecordFields {
        var f = RecordFields()
        f.set("case", caseRef); f.set("person", person); f.set("kind", kind); f.set("date", date)
        f.set("body", body); f.set("notes", notes)
        return f
    }
}

struct AddSource: AddSubcommand {
    static let configuration = CommandConfiguration(commandName: "source", abstract: "Add a source (a bibliographic record).")
    static let kind = RecordKind.source
    @OptionGroup var options: AddOptions
    @Option(help: "Citation key, e.g. solomon1987vanishing.") var key: String?
    @Option(help: "CSL type: book, chapter, article-journal, article-newspaper, webpage, legal_case, manuscript, dataset, ...") var type: String?
    @Option var title: String?
    @Option(name: .customLong("translated-title"),
            help: "The title translated, e.g. Essays on history; cite --romanize gives it in brackets after the title.")
    var translatedTitle: String?
    @Option(help: "\"Family, Given\" (repeatable).") var author: [String] = []
    @Option(help: "\"Family, Given\" (repeatable).") var editor: [String] = []
    @Option(help: "\"Family, Given\" (repeatable).") var translator: [String] = []
    @Option(name: .customLong("container-title")) var containerTitle: String?
    @Option(name: .customLong("collection-title")) var collectionTitle: String?
    @Option var volume: String?
    @Option var issue: String?
    @Option var page: String?
    @Option var edition: String?
    @Option var publisher: String?
    @Option(name: .customLong("publisher-place")) var publisherPlace: String?
    @Option(help: "EDTF.") var issued: String?
    @Option var url: String?
    @Option var doi: String?
    @Option(help: "EDTF.") var accessed: String?
    @Option(help: "e.g. GARF.") var archive: String?
    @Option(name: .customLong("archive-location"), help: "e.g. f. R-8131, op. 37, d. 145.") var archiveLocation: String?
    @Option(name: .customLong("archive-place")) var archivePlace: String?
    @Option(help: "e.g. ru, en.") var language: String?
    @Option var note: String?

    var fields: RecordFields {
        var f = RecordFields()
        f.set("key", key); f.set("type", type); f.set("title", title); f.set("translated_title", translatedTitle); f.set("author", author)
        f.set("editor", editor); f.set("translator", translator); f.set("container_title", containerTitle)
        f.set("collection_title", collectionTitle); f.set("volume", volume); f.set("issue", issue); f.set("page", page)
        f.set("edition", edition); f.set("publisher", publisher); f.set("publisher_place", publisherPlace)
        f.set("issued", issued); f.set("url", url); f.set("doi", doi); f.set("accessed", accessed)
        f.set("archive", archive); f.set("archive_location", archiveLocation); f.set("archive_place", archivePlace)
        f.set("language", language); f.set("note", note)
        return f
    }
}

struct AddCitation: AddSubcommand {
    static let configuration = CommandConfiguration(commandName: "citation", abstract: "Cite a source for a person, a case, or a defendant (--case and --person).")
    static let kind = RecordKind.citation
    @OptionGroup var options: AddOptions
    @Option(help: "The source's citation key.") var source: String?
    @Option var person: String?
    @Option(name: .customLong("case")) var caseRef: String?
    @Option(help: "A page, or an archival locator such as l. 12ob.") var locator: String?
    @Option(help: "confirmed, probable, unverified or disputed.") var confidence: String?
    @Option var quote: String?
    @Option var note: String?

    var fields: RecordFields {
        var f = RecordFields()
        f.set("source", source); f.set("person", person); f.set("case", caseRef); f.set("locator", locator)
        f.set("confidence", confidence); f.set("quote", quote); f.set("note", note)
        return f
    }
}
