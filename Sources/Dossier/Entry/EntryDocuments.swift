import DossierDomain
import Foundation

/// The YAML documents `dossier new`, `dossier edit` and `dossier show
/// --format yaml` print for a case, a person and a source. The field names
/// are those of the JSON Lines case documents (`CaseDoc.json`), and of
/// `dossier add source --json` for sources, so that each form reads the
/// others.
public enum EntryDocuments {
    static let dateExample = edtfExamples

    /// The described fields of a record (blank for a new one), each with
    /// its help as the comment; a value a document may leave out
    /// (`unknown`, `unverified`) is left empty.
    static func described<R: DescribedRecord>(_ record: R?) -> [YAMLField] {
        R.fields.flatMap { field in
            [describedField(field, record)] + writtenField(field, record)
        }
    }

    /// A date's text as written, when the record keeps one.
    static func writtenField<R: DescribedRecord>(_ field: RecordField<R>, _ record: R?) -> [YAMLField] {
        guard let written = record.flatMap(field.writtenText) else { return [] }
        return [YAMLField(field.writtenKey, .scalar(written),
                          comment: ["The \(field.title) as the source wrote it, kept beside the EDTF above;",
                                    "remove it when you change the date."])]
    }

    /// One described field with its help as the comment.
    static func describedField<R: DescribedRecord>(_ field: RecordField<R>, _ record: R?) -> YAMLField {
        let comment = field.help.components(separatedBy: "\n")
        var value = YAMLOut.scalar(nil)
        switch record.flatMap(field.get) {
        case .text(let text)? where text != field.implied: value = .scalar(text)
        case .number(let number)?: value = .literal(YAMLPrinter.number(number))
        case .flag(true)?: value = .literal("true")
        default: break
        }
        return YAMLField(field.key, value, comment: comment)
    }

    // MARK: Citations

    static func citations(_ list: [CitationDoc], what: String) -> YAMLField {
        YAMLField("citations", .list(list.map(citation), blank: citation(nil)),
                  "Sources for \(what), one \"- source_key:\" block each; find keys with `dossier sources TEXT`.")
    }

    static func citation(_ citation: CitationDoc?) -> YAMLOut {
        .map([
            YAMLField("source_key", citation?.sourceKey, "The source's citation key, e.g. kniga-pamyati-lenoblast-v03 (required; add a source with `dossier new source`)."),
        ] + described(citation))
    }

    // MARK: Persons

    static func personFields(_ person: PersonDoc?, refComment: String) -> [YAMLField] {
        var fields = [
            YAMLField("person_ref", person?.ref, refComment),
            YAMLField("name", person?.name,
                      "The name as the source writes it, e.g. Тухачевский Михаил Николаевич (required)."),
            YAMLField("name_variants", .list((person?.nameVariants ?? []).map { .scalar($0) }, blank: .scalar(nil)),
                      "Other spellings, one \"- \" line each, e.g. - Tukhachevsky, Mikhail."),
        ] + described(person)
        if let person, !person.citations.isEmpty {
            fields.append(citations(person.citations, what: "the person (their life, not this case)"))
        }
        return fields
    }

    // MARK: Cases

    static func charges(_ charges: [ChargeDoc], defaultCode: String) -> [YAMLOut] {
        // Charges parsed from one text (`58-6-7-8` is four) print as that
        // text once, with the normal forms as a comment; others in full.
        var out: [YAMLOut] = []
        var index = 0
        while index < charges.count {
            let charge = charges[index]
            let parsed = (try? ChargeParser.parse(charge.text, defaultCode: defaultCode)) ?? []
            let group = Array(charges[index...].prefix(parsed.count))
            if !parsed.isEmpty, group.count == parsed.count,
               zip(group, parsed).allSatisfy({ $0.text == charge.text && $0.ref == $1.ref && $0.kind == $1.kind
                   && $0.description == charge.description }) {
                let note = parsed.map(\.ref).joined(separator: ", ")
                if let description = charge.description {
                    out.append(.map([YAMLField("text", .scalar(charge.text, note: note)),
                                     YAMLField("description", description)]))
                } else {
                    out.append(.scalar(charge.text, note: note))
                }
                index += parsed.count
            } else {
                out.append(.map([YAMLField("text", charge.text), YAMLField("ref", charge.ref),
                                 YAMLField("kind", charge.kind.rawValue), YAMLField("description", charge.description)]))
                index += 1
            }
        }
        return out
    }

    static func event(_ event: EventDoc?) -> YAMLOut {
        var fields = described(event)
        if let event, !event.citations.isEmpty { fields.append(citations(event.citations, what: "this event")) }
        return .map(fields)
    }

    static func defendant(_ defendant: DefendantDoc?, defaultCode: String) -> YAMLOut {
        .map([
            YAMLField("person", .map(personFields(defendant?.person, refComment:
                "Stable id of the person, e.g. memo:p-88211. The ref of a person already in the archive uses that person (find them with `dossier search --name`); empty makes a new ref from the name.")),
                "One \"- person:\" block per defendant; copy the whole block for each further defendant."),
            YAMLField("charges", .list(charges(defendant?.charges ?? [], defaultCode: defaultCode), blank: .scalar(nil)),
                      "One \"- \" line per charge: a statute reference (58-10, ст. 58-1а, 58-6-7-8 for several,",
                      "ст. 54-10 УК УССР), a decree (указ 4.6.1947) or an offence category (oso/КРТД,",
                      "theft/grandLarceny). Each is read to its normal form: 58-1а is \(defaultCode):58-1a."),
        ] + described(defendant) + [
            YAMLField("events", .list((defendant?.events ?? []).map(event), blank: event(nil)),
                      "What happened around the outcome, one \"- kind:\" block each (arrest, execution, rehabilitation, ...)."),
            citations(defendant?.citations ?? [], what: "this defendant's record in the case"),
        ])
    }

    static func caseFields(_ doc: CaseDoc?, defaultCode: String) -> [YAMLField] {
        [
            YAMLField("case_ref", doc?.ref, "Stable id of the case, e.g. memo:leningrad-1937-0412 (required)."),
        ] + described(doc) + [
            citations(doc?.citations ?? [], what: "the case as a whole"),
            YAMLField("defendants", .list((doc?.defendants ?? []).map { defendant($0, defaultCode: defaultCode) },
                                          blank: defendant(nil, defaultCode: defaultCode))),
        ]
    }

    static func sourceFields(_ source: Source?) -> [YAMLField] {
        func names(_ list: [SourceName]?) -> YAMLOut {
            .list((list ?? []).map { .scalar($0.entryText) }, blank: .scalar(nil))
        }
        return [
            YAMLField("key", source?.key, "Citation key, e.g. solomon1987vanishing (required)."),
            YAMLField("type", source?.type,
                      "CSL type (required): book, chapter, article-journal, article-newspaper, webpage, legal_case,",
                      "manuscript (an archival file), dataset (a database record), collection, report, thesis, ..."),
            YAMLField("title", source?.title, "Title as published, in its own script (required)."),
            YAMLField("translated_title", source?.translatedTitle,
                      "The title translated, e.g. Essays on history (cite --romanize gives it in brackets)."),
            YAMLField("author", names(source?.authors),
                      "One \"- \" line each, \"Family, Given\": - Solomon, Peter H.; an institution in braces: - {Memorial}."),
            YAMLField("editor", names(source?.editors), "As author."),
            YAMLField("translator", names(source?.translators), "As author."),
            YAMLField("container_title", source?.containerTitle, "The journal, book or series a part is in, e.g. Soviet Studies."),
            YAMLField("collection_title", source?.collectionTitle, "A series the book belongs to."),
            YAMLField("volume", source?.volume, "e.g. 39, or 3 for a book's third volume."),
            YAMLField("issue", source?.issue, "e.g. 4."),
            YAMLField("page", source?.page, "Pages of a part, e.g. 531-555."),
            YAMLField("edition", source?.edition, "e.g. 2."),
            YAMLField("publisher", source?.publisher, "e.g. Мемориал, Oxford University Press."),
            YAMLField("publisher_place", source?.publisherPlace, "e.g. Санкт-Петербург."),
            YAMLField("issued", source?.issued, "Date of publication, \(dateExample)."),
            YAMLField("url", source?.url, "e.g. https://lists.memo.ru/...; give accessed too."),
            YAMLField("doi", source?.doi, "e.g. 10.2307/151827."),
            YAMLField("accessed", source?.accessed, "When a web page was read, EDTF."),
            YAMLField("archive", source?.archive, "An archive's short name, e.g. GARF, RGASPI."),
            YAMLField("archive_location", source?.archiveLocation, "Fond, opis, delo, e.g. f. R-8131, op. 37, d. 145."),
            YAMLField("archive_place", source?.archivePlace, "e.g. Moscow."),
            YAMLField("language", source?.language, "e.g. ru, en."),
            YAMLField("note", source?.note, "Free text, printed after the citation.")
        ]
    }

    // MARK: Published figures

    /// The keys of a figure document, in the order of its JSON object.
    static let figureKeys: [String] = {
        var keys = ["figure_ref"]
        for field in PublishedFigure.fields {
            keys.append(field.key)
            if field.key == "unit" { keys += ["numerator_outcomes", "denominator_outcomes", "source_key"] }
        }
        return keys
    }()

    static func figureComment(_ key: String) -> [String] {
        switch key {
        case "figure_ref": return ["Stable id of the figure, e.g. f-solomon-1960s (required)."]
        case "measure": return [oneOf(FigureMeasure.self) + " (required)."]
        case "courts": return [oneOf(FigureCourts.self) + " (required): which bodies the figure counts."]
        case "category": return [oneOf(FigureCategory.self) + " (required): which cases the figure counts."]
        case "numerator_outcomes":
            return ["The outcome codes the figure counts, one \"- \" line each (required): acquitted; acquitted and",
                    "dismissed for \"acquittal or charges dropped\"; convicted for a conviction rate or a count."]
        case "denominator_outcomes":
            return ["The outcome codes it divides by, one \"- \" line each; empty: every decided outcome."]
        case "source_key":
            return ["The key of the source that prints the figure (required); find keys with `dossier sources TEXT`."]
        default: return PublishedFigure.field(key).map { [$0.help] } ?? []
        }
    }

    /// A figure's fields: the members of its JSON object (`figure.json`),
    /// each key with its comment, and in a template the keys left out.
    static func figureFields(_ figure: PublishedFigure?) -> [YAMLField] {
        func out(_ value: OrderedJSON) -> YAMLOut {
            switch value {
            case .null: return .scalar(nil)
            case .bool(let flag): return .literal(flag ? "true" : "false")
            case .number(let number): return .literal(OrderedJSON.number(number))
            case .string(let text): return .scalar(text)
            case .array(let items): return .list(items.map(out), blank: .scalar(nil))
            case .object(let inner): return .map(inner.map { YAMLField($0.0, out($0.1)) })
            }
        }
        var members: [String: OrderedJSON] = [:]
        if let figure, case .object(let pairs) = figure.json {
            for (key, value) in pairs { members[key] = value }
        }
        return figureKeys.map { key in
            let blank: YAMLOut = key.hasSuffix("_outcomes") ? .list([], blank: .scalar(nil)) : .scalar(nil)
            return YAMLField(key, members[key].map(out) ?? blank, comment: figureComment(key))
        }
    }

    // MARK: Whole documents

    static func header(_ printer: inout YAMLPrinter, _ what: String) {
        printer.comment("dossier: \(what). Lines starting with # are comments and are not stored.")
        printer.comment("Save and close the editor to store it. To abandon, delete everything, or close without changes.")
        printer.blankLine()
    }

    static func sourceNotes(_ printer: inout YAMLPrinter, _ sources: [Source]) {
        guard !sources.isEmpty else { return }
        printer.blankLine()
        printer.comment("Sources cited above:")
        for source in sources { printer.comment("  \(source.key): \(SourceLabel.short(source))") }
    }

    /// A case as YAML: annotated for the editor (a template when `doc` is
    /// nil), or compact.
    public static func caseText(_ doc: CaseDoc?, annotated: Bool, sources: [Source] = [],
                                defaultCode: String = ChargeParser.defaultCode) -> String {
        var printer = YAMLPrinter(annotated: annotated)
        if annotated { header(&printer, doc == nil ? "a new case" : "case \(doc!.ref)") }
        printer.fields(caseFields(doc, defaultCode: defaultCode), indent: 0)
        if annotated { sourceNotes(&printer, sources) }
        return printer.text
    }

    public static func personText(_ person: PersonDoc?, annotated: Bool, cases: [String] = [], sources: [Source] = []) -> String {
        var printer = YAMLPrinter(annotated: annotated)
        if annotated {
            header(&printer, person == nil ? "a new person" : "person \(person!.ref)")
            if !cases.isEmpty {
                printer.comment("A defendant in: " + cases.joined(separator: ", ") + " (edit those with `dossier edit CASE`).")
                printer.blankLine()
            }
        }
        var fields = personFields(person, refComment: "Stable id, e.g. memo:p-88211; empty makes one from the name.")
        if person == nil || person!.citations.isEmpty {
            fields.append(citations([], what: "the person"))
        }
        printer.fields(fields, indent: 0)
        if annotated { sourceNotes(&printer, sources) }
        return printer.text
    }

    /// A published figure as YAML: annotated for the editor (a template
    /// when `figure` is nil), or compact (`dossier show --format yaml`, the
    /// tree's `figures/` files).
    public static func figureText(_ figure: PublishedFigure?, annotated: Bool, source: Source? = nil) -> String {
        var printer = YAMLPrinter(annotated: annotated)
        if annotated {
            header(&printer, figure == nil ? "a new published figure" : "published figure \(figure!.ref)")
            printer.comment("A rate or count as a source publishes it, with its scope and its definition in outcome codes.")
            printer.comment("Give value, or low and/or high: \"less than 2%\" is low 0, high 0.02; shares are from 0 to 1.")
            printer.blankLine()
        }
        printer.fields(figureFields(figure), indent: 0)
        if annotated, let source { sourceNotes(&printer, [source]) }
        return printer.text
    }

    public static func sourceText(_ source: Source?, annotated: Bool) -> String {
        var printer = YAMLPrinter(annotated: annotated)
        if annotated { header(&printer, source == nil ? "a new source" : "source \(source!.key)") }
        printer.fields(sourceFields(source), indent: 0)
        return printer.text
    }
}

extension YAMLPrinter {
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension SourceName {
    /// "Family, Given", or "{Literal}" for an institution: the form
    /// `SourceName.parse` reads.
    var entryText: String {
        if let literal { return "{\(literal)}" }
        let family = [nonDroppingParticle, family].compactMap { $0 }.joined(separator: " ")
        let given = [given, droppingParticle].compactMap { $0 }.joined(separator: " ")
        var text = given.isEmpty ? family : "\(family), \(given)"
        if let suffix { text += ", \(suffix)" }
        return text
    }
}

extension RecordView {
    /// The record as a compact YAML document (`dossier show --format
    /// yaml`), in the shape `dossier add KIND --yaml` and `dossier edit` read.
    public func yaml(defaultCode: String = ChargeParser.defaultCode) -> String {
        switch self {
        case .caseRecord(let doc, _): return EntryDocuments.caseText(doc, annotated: false, defaultCode: defaultCode)
        case .personRecord(let person, _, _, _): return EntryDocuments.personText(person, annotated: false)
        case .sourceRecord(let source, _): return EntryDocuments.sourceText(source, annotated: false)
        case .merged(let merged, let view): return "# " + merged.description + "\n" + view.yaml(defaultCode: defaultCode)
        }
    }
}
