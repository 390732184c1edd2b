import DossierDomain
import Foundation

/// One record for `dossier show`: a case, a person, or a source.
public enum RecordView {
    case caseRecord(CaseDoc, sources: [Source])
    case personRecord(PersonDoc, cases: [(ref: String, title: String?, outcome: String, date: String?)],
                      derivedDeath: DerivedDeath?, sources: [Source])
    case sourceRecord(Source, citedBy: Int)
    /// A ref merged into another record: where it went, and that record.
    indirect case merged(MergedRef, RecordView)

    /// Looks a ref up as a case, then a person, then a source key.
    /// Everything is read in one snapshot (`Archive.snapshot`): a case and
    /// its events, sources and citations as one commit left them.
    /// - Throws: `NotFound` with close refs when nothing matches.
    public static func load(_ archive: Archive, ref: String) throws -> RecordView {
        try archive.snapshot { try loadUnlocked(archive, ref: ref) }
    }

    private static func loadUnlocked(_ archive: Archive, ref: String) throws -> RecordView {
        if let doc = try archive.loadCase(ref: ref) {
            return .caseRecord(doc, sources: try archive.sources(for: doc.citationKeys().map(\.1)))
        }
        if let person = try archive.loadPerson(ref: ref) {
            let keys = person.citations.map(\.sourceKey)
            let cases = try archive.casesOf(personRef: ref)
            return .personRecord(person, cases: cases, derivedDeath: try archive.derivedDeath(of: person, cases: cases.map(\.ref)),
                                 sources: try archive.sources(for: keys))
        }
        if let source = try archive.loadSource(key: ref) {
            let count = try archive.db.scalar(
                "SELECT count(*) FROM citation c JOIN source s ON s.id = c.source_id WHERE s.key = ?", [ref]).intValue ?? 0
            return .sourceRecord(source, citedBy: count)
        }
        if let merged = try archive.mergedRef(ref) {
            return .merged(merged, try loadUnlocked(archive, ref: merged.into))
        }
        let all = try archive.db.fetchAll("""
            SELECT ref FROM proceeding UNION ALL SELECT ref FROM person UNION ALL SELECT key FROM source
            """).compactMap { $0.string(0) }
        let close = Suggest.close(to: ref, in: all)
        // A misspelt ref: the refs it is close to.
        if !close.isEmpty { throw NotFound("no case, person or source \(ref)", suggestions: close) }
        // A name, not a ref: offer what `search --name` finds.
        let persons = try archive.personsNamed(ref)
        guard !persons.isEmpty else { throw NotFound("no case, person or source \(ref)") }
        let shown = persons.prefix(Self.namedShown).map { "\($0.ref) (\($0.name))" }.joined(separator: ", ")
        let more = persons.count > Self.namedShown
            ? ", and more (dossier search --name \"\(ref)\")" : ""
        throw NotFound("no case, person or source with ref \"\(ref)\"; persons matching the name: \(shown)\(more)"
                       + " \u{2014} give a ref, e.g. dossier show \(persons[0].ref)")
    }

    /// Persons named in the message when a name is given for a ref.
    public static let namedShown = 5

    public var json: OrderedJSON {
        switch self {
        case .caseRecord(let doc, let sources):
            let derived: [OrderedJSON] = doc.defendants.compactMap { defendant in
                DerivedDeath.derive(defendant.person, events: [(doc.ref, defendant.events)]).map { death in
                    .object([("person_ref", .string(defendant.person.ref)), ("death", death.json)])
                }
            }
            return .object([("case", doc.json)] + (derived.isEmpty ? [] : [("derived", .array(derived))]) + [("sources", .array(sources.map { OrderedJSON(CSLJSON.item($0)) }))])
        case .personRecord(let person, let cases, let derivedDeath, let sources):
            let caseList = OrderedJSON.array(cases.map { item in
                var writer = JSONObjectWriter()
                writer.set("case_ref", item.ref)
                writer.set("title", item.title)
                writer.set("trial_date", item.date)
                writer.set("outcome", item.outcome)
                return writer.json
            })
            return .object([("person", person.json)]
                           + (derivedDeath.map { [("derived", OrderedJSON.object([("death", $0.json)]))] } ?? [])
                           + [("cases", caseList),
                            ("sources", .array(sources.map { OrderedJSON(CSLJSON.item($0)) }))])
        case .sourceRecord(let source, let citedBy):
            return .object([("source", OrderedJSON(CSLJSON.item(source))), ("cited_by", .number(Double(citedBy)))])
        case .merged(let merged, let view):
            guard case .object(let pairs) = view.json else { return view.json }
            return .object([("merged", merged.json)] + pairs)
        }
    }

    public var text: String { text(romanize: nil) }

    /// The text, with each Cyrillic name romanized in brackets when
    /// `romanize` is given.
    public func text(romanize: LibraryOfCongress.Form?) -> String {
        switch self {
        case .caseRecord(let doc, let sources):
            return ShowText.render(doc, sources: Dictionary(sources.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
                                   romanize: romanize)
        case .personRecord(let person, let cases, let derivedDeath, let sources):
            return ShowText.render(person, cases: cases, derivedDeath: derivedDeath, sources: Dictionary(sources.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
                                   romanize: romanize)
        case .sourceRecord(let source, let citedBy):
            return "Source \(source.key) (\(source.type))\n  \(SourceLabel.short(source))\n  cited by \(citedBy) record\(citedBy == 1 ? "" : "s")\n"
        case .merged(let merged, let view):
            return merged.description + "; showing \(merged.into)\n\n" + view.text(romanize: romanize)
        }
    }
}

extension Archive {
    /// Persons whose names match `text` as `search --name` matches them,
    /// best first: each person's ref and primary name, at most `limit`+1
    /// (one more than shown says there are more).
    public func personsNamed(_ text: String, limit: Int = RecordView.namedShown) throws -> [(ref: String, name: String)] {
        guard text.contains(where: \.isLetter) else { return [] }
        var seen = Set<Int64>()
        var persons: [(ref: String, name: String)] = []
        let lookup = try db.cached("""
            SELECT x.ref, (SELECT name FROM person_name WHERE person_id = x.id AND is_primary = 1)
            FROM person x WHERE x.id = ?
            """)
        for hit in try nameHits(text, enough: limit + 1) where seen.insert(hit.personID).inserted {
            guard let row = try lookup.fetchOne([hit.personID]), let ref = row.string(0) else { continue }
            persons.append((ref, row.string(1) ?? hit.matchedName))
        }
        return persons
    }

    /// The person's death derived from an `executed` or `died_in_custody`
    /// event of one of `cases` (in that order), when none is recorded.
    public func derivedDeath(of person: PersonDoc, cases: [String]) throws -> DerivedDeath? {
        guard person.death == nil else { return nil }
        var events: [(caseRef: String, events: [EventDoc])] = []
        for ref in cases {
            guard let doc = try loadCase(ref: ref) else { continue }
            events += doc.defendants.filter { $0.person.ref == person.ref }.map { (ref, $0.events) }
        }
        return DerivedDeath.derive(person, events: events)
    }

    /// The sources with these keys, in first-cited order, each once.
    public func sources(for keys: [String]) throws -> [Source] {
        var seen = Set<String>()
        var result: [Source] = []
        for key in keys where seen.insert(key).inserted {
            if let source = try loadSource(key: key) { result.append(source) }
        }
        return result
    }
}
