import DossierStorage
import DossierDomain
import Foundation

/// One reading of a stored name, prepared for comparison once (a class:
/// pairs compare readings many times over, and a class is not copied).
final class NameReading {
    let parsed: ParsedName
    let surname: WordForm
    let others: [WordForm]
    /// Index in `others` of the given name (or first initial) and of the
    /// patronymic (or second initial), as `NameMatcher.slots` assigns them.
    let given: Int?
    let patronymic: Int?

    init(parsed: ParsedName, surname: WordForm, others: [WordForm], given: Int?, patronymic: Int?) {
        self.parsed = parsed
        self.surname = surname
        self.others = others
        self.given = given
        self.patronymic = patronymic
    }

    func role(_ index: Int, slot: NamePartRole) -> NamePartRole {
        parsed.others[index].role == .initial ? .initial : slot
    }
}

/// A name of a person with its readings (one or two).
final class NameEntry {
    let text: String
    let readings: [NameReading]

    init(_ text: String, parses: [ParsedName]) {
        self.text = text
        readings = parses.compactMap { parsed in
            guard let surname = parsed.surname else { return nil }
            let others = parsed.others.map { WordForm($0.word) }
            let slots = PersonProfile.slots(parsed)
            return NameReading(parsed: parsed, surname: WordForm(surname), others: others,
                               given: slots.given, patronymic: slots.patronymic)
        }
    }
}

/// What duplicate detection knows about a person: the fields compared
/// first (cheaply), the names, and, loaded only for pairs that get that
/// far, the cases, charges and dates.
final class PersonProfile {
    let id: Int64
    let ref: String
    let sex: String?
    let birth: DateSpan?
    let death: DateSpan?
    let birthplace: String?
    let occupation: String?
    let primaryName: String
    /// Each name with its readings.
    let parsed: [(text: String, parses: [ParsedName])]
    /// The names prepared for comparison, built when a pair gets that far.
    lazy var names: [NameEntry] = parsed.map { NameEntry($0.text, parses: $0.parses) }
    /// 0 unknown, 1 male, 2 female.
    let sexCode: UInt8
    /// First sound classes of the given name or initial, over all names;
    /// empty when no name has one.
    let givenClasses: [UInt8]
    /// Cross keys of full given names and patronymics (Western forms also
    /// by their Russian equivalent); empty when only initials or nothing.
    let givenKeys: [[UInt8]]
    let patronymicKeys: [[UInt8]]
    /// The person's surname keys (`s:...`), sorted.
    let surnameKeys: [String]
    lazy var birthplaceWords = PlaceWords(birthplace)
    var activity: PersonActivity?

    init(id: Int64, ref: String, sex: String?, birth: DateSpan?, death: DateSpan?, birthplace: String?,
         occupation: String?, names: [String]) {
        self.id = id
        self.ref = ref
        self.sex = sex
        self.birth = birth
        self.death = death
        self.birthplace = birthplace
        self.occupation = occupation
        sexCode = sex == "m" ? 1 : sex == "f" ? 2 : 0
        primaryName = names.first ?? ""
        parsed = names.map { ($0, NameParser.parse($0)) }
        var classes: [UInt8] = []
        var given: [[UInt8]] = []
        var patronymic: [[UInt8]] = []
        var keys = Set<String>()
        for (_, parses) in parsed {
            for reading in parses {
                guard let surname = reading.surname else { continue }
                for key in NameKeys.crossKeys(surname) { keys.insert(NameKeys.surnameKey(key)) }
                let slots = Self.slots(reading)
                if let g = slots.given {
                    let word = reading.others[g].word
                    for c in Self.classes(of: word, isInitial: reading.others[g].role == .initial)
                    where !classes.contains(c) { classes.append(c) }
                    if reading.others[g].role != .initial {
                        Self.addKeys(of: word, to: &given)
                    }
                }
                if let p = slots.patronymic, reading.others[p].role != .initial {
                    Self.addKeys(of: reading.others[p].word, to: &patronymic)
                }
            }
        }
        givenClasses = classes.sorted()
        givenKeys = given
        patronymicKeys = patronymic
        surnameKeys = keys.sorted()
    }

    /// The given-name and patronymic slots of a name, as the name matcher
    /// assigns them, except that a full word right after the given name is
    /// the patronymic when nothing else is: Шевченко Иван Кузьмич, whose
    /// -ич patronymic (from Кузьма, Лука, Фома) the parser takes for a
    /// second given name.
    static func slots(_ parsed: ParsedName) -> (given: Int?, patronymic: Int?) {
        let slots = NameMatcher.slots(parsed, [])
        if slots.patronymic == nil, let g = slots.given, parsed.others[g].role == .given,
           g + 1 < parsed.others.count, parsed.others[g + 1].role == .given {
            return (g, g + 1)
        }
        return (slots.given, slots.patronymic)
    }

    static func addKeys(of word: NameWord, to keys: inout [[UInt8]]) {
        for key in NameKeys.crossKeys(word) where !keys.contains(key) { keys.append(key) }
        if let equivalent = GivenNames.russianEquivalent(word) {
            for key in NameKeys.crossKeys(equivalent) where !keys.contains(key) { keys.append(key) }
        }
    }

    static let vowelClasses: [UInt8] = Array("aeiu".utf8)

    /// The classes a given name or initial can begin with: generous for
    /// initials, whose letter may stand for several sounds (`I.` for Иван or
    /// Яков written Iakov, `C.` for Цезарь or Constantine).
    static func classes(of word: NameWord, isInitial: Bool) -> [UInt8] {
        var result: [UInt8] = []
        func add(_ c: UInt8) { if !result.contains(c) { result.append(c) } }
        for key in NameKeys.crossKeys(word) { if let first = key.first { add(first) } }
        if let equivalent = GivenNames.russianEquivalent(word) {
            for key in NameKeys.crossKeys(equivalent) { if let first = key.first { add(first) } }
        }
        if isInitial {
            if let first = word.latin.first {
                switch first {
                case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                     UInt8(ascii: "y"), UInt8(ascii: "j"):
                    vowelClasses.forEach(add)
                    if first == UInt8(ascii: "j") { add(NameKeys.S) }
                case UInt8(ascii: "c"): add(NameKeys.S); add(NameKeys.K)
                default: break
                }
            }
            if result.isEmpty { vowelClasses.forEach(add) }
        }
        return result
    }

    /// The first `limit` characters of the primary name, for messages.
    var label: String { primaryName }

    /// "b. 1893-02-16, Александровское".
    var detail: String {
        var parts: [String] = []
        if let birth { parts.append("b. " + birth.text) }
        if let birthplace { parts.append(birthplace) }
        if let death { parts.append("d. " + death.text) }
        return parts.joined(separator: ", ")
    }
}

/// A person's cases, charges and dates.
struct PersonActivity {
    struct Dated {
        var what: String
        var date: DateSpan
        var caseID: Int64
    }
    /// Case id → case ref.
    var cases: [Int64: String] = [:]
    var charges: Set<String> = []
    /// Known days of trials, outcomes and events.
    var dates: [Dated] = []
    /// Known days of death or execution.
    var deaths: [Dated] = []
}

extension Archive {
    /// Loads the profiles of these persons, in one query for the persons and
    /// one for their names.
    func personProfiles(_ ids: [Int64]) throws -> [Int64: PersonProfile] {
        guard !ids.isEmpty else { return [:] }
        let list = SearchIndex.jsonArray(ids.map { String($0) })
        var names: [Int64: [String]] = [:]
        try db.cached("""
            SELECT person_id, name FROM person_name WHERE person_id IN (SELECT value FROM json_each(?))
            ORDER BY person_id, is_primary DESC, position, id
            """).forEach([list]) { row in
            if let id = row.value(at: 0).int64Value, let name = row.string(at: 1) { names[id, default: []].append(name) }
        }
        var result: [Int64: PersonProfile] = [:]
        try db.cached("""
            SELECT id, ref, sex, birth, birth_lower, birth_upper, death, death_lower, death_upper, birthplace, occupation
            FROM person WHERE id IN (SELECT value FROM json_each(?))
            """).forEach([list]) { row in
            guard let id = row.value(at: 0).int64Value else { return }
            result[id] = PersonProfile(
                id: id, ref: row.string(at: 1) ?? "", sex: row.string(at: 2),
                birth: DateSpan(row.string(at: 3), row.int(at: 4), row.int(at: 5)),
                death: DateSpan(row.string(at: 6), row.int(at: 7), row.int(at: 8)),
                birthplace: row.string(at: 9).flatMap { $0.isEmpty ? nil : $0 },
                occupation: row.string(at: 10).flatMap { $0.isEmpty ? nil : $0 },
                names: names[id] ?? [])
        }
        return result
    }

    /// A charge ref without the archive's default code (`58-10` for
    /// `RSFSR-1926:58-10`).
    func shortCharge(_ ref: String) -> String {
        ref.hasPrefix(defaultCode + ":") ? String(ref.dropFirst(defaultCode.count + 1)) : ref
    }

    /// A person's cases, charges and known days.
    func personActivity(_ id: Int64) throws -> PersonActivity {
        var activity = PersonActivity()
        try db.cached("""
            SELECT p.id, p.ref, p.date, p.date_lower, p.date_upper, d.outcome_date, d.outcome_date_lower, d.outcome_date_upper
            FROM defendant d JOIN proceeding p ON p.id = d.proceeding_id WHERE d.person_id = ?
            """).forEach([id]) { row in
            let caseID = row.value(at: 0).int64Value ?? 0
            activity.cases[caseID] = row.string(at: 1) ?? ""
            if let date = DateSpan(row.string(at: 2), row.int(at: 3), row.int(at: 4)), date.isKnownDay {
                activity.dates.append(.init(what: "trial", date: date, caseID: caseID))
            }
            if let date = DateSpan(row.string(at: 5), row.int(at: 6), row.int(at: 7)), date.isKnownDay {
                activity.dates.append(.init(what: "sentence", date: date, caseID: caseID))
            }
        }
        try db.cached("""
            SELECT c.ref FROM charge c JOIN defendant d ON d.id = c.defendant_id WHERE d.person_id = ?
            """).forEach([id]) { row in
            if let ref = row.string(at: 0) { activity.charges.insert(shortCharge(ref)) }
        }
        try db.cached("""
            SELECT e.kind, e.date, e.date_lower, e.date_upper, d.proceeding_id
            FROM event e JOIN defendant d ON d.id = e.defendant_id WHERE d.person_id = ?
            """).forEach([id]) { row in
            guard let kind = row.string(at: 0), let date = DateSpan(row.string(at: 1), row.int(at: 2), row.int(at: 3)),
                  date.isKnownDay else { return }
            let item = PersonActivity.Dated(what: kind, date: date, caseID: row.value(at: 4).int64Value ?? 0)
            activity.dates.append(item)
            if kind == "executed" || kind == "died_in_custody" { activity.deaths.append(item) }
        }
        return activity
    }
}
