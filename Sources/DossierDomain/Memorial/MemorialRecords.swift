import Foundation

/// One note as it comes from a file: the name, the note, and optionally the
/// source and the person's ref.
public struct MemorialEntry: Sendable, Hashable {
    public var file: String
    /// The line the record starts on (1-based).
    public var line: Int
    public var name: String
    public var note: String
    /// The source as given: the citation key of a source in the archive, or
    /// a title (`Книга памяти Хабаровского края`).
    public var source: String?
    public var ref: String?

    public init(file: String, line: Int, name: String, note: String, source: String? = nil, ref: String? = nil) {
        self.file = file
        self.line = line
        self.name = name
        self.note = note
        self.source = source
        self.ref = ref
    }
}

/// Stable refs for persons and cases read from notes.
public enum MemorialRefs {
    /// The ref of the person of a note without a `ref`: `memorial:` and 16
    /// hex digits of a 64-bit FNV-1a hash of the source key, the name, the
    /// birth date (EDTF) and the birthplace, each folded (lower case, `ё` as
    /// `е`, punctuation dropped, spaces collapsed). The same note gives the
    /// same ref on every import; namesakes with another birth year or place,
    /// or from another source, get refs of their own.
    public static func personRef(name: String, birth: String?, birthplace: String?, sourceKey: String?) -> String {
        let key = ["memorial-v1", sourceKey ?? "", fold(name), birth ?? "", fold(birthplace ?? "")].joined(separator: "|")
        return "memorial:" + hex(fnv1a(key))
    }

    /// The ref of a note's case: the person's ref and `:case`, with its
    /// number from the second case on (`:case-2`).
    public static func caseRef(personRef: String, index: Int) -> String {
        index == 0 ? personRef + ":case" : personRef + ":case-\(index + 1)"
    }

    package static func fold(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in NoteTokens.fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if space, !out.isEmpty { out += " " }
                out.unicodeScalars.append(scalar)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    /// 64-bit FNV-1a over UTF-8.
    package static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return hash
    }

    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Sources named by title in notes.
public enum MemorialSources {
    /// A citation key from a title: the title romanised letter by letter,
    /// lower case, words joined by `-` (`Книга памяти Хабаровского края` →
    /// `kniga-pamyati-khabarovskogo-kraya`); a long title is cut at 60
    /// characters and given 6 hex digits of its hash, so that two long
    /// titles never share a key.
    public static func key(forTitle title: String) -> String {
        var words: [String] = []
        var word = ""
        for character in NoteTokens.fold(title) {
            if let latin = romanized[character] {
                word += latin
            } else if character.isASCII, character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var key = words.joined(separator: "-")
        if key.isEmpty || key.count > 60 {
            key = String(key.prefix(60)) + (key.isEmpty ? "source-" : "-") + String(MemorialRefs.hex(MemorialRefs.fnv1a(title)).prefix(6))
        }
        return key
    }

    /// A CSL type for a title: a Book of Memory, martyrology or execution
    /// list is a `book`, Memorial's database a `dataset`, a web address a
    /// `webpage`, an archival file a `manuscript`; anything else a
    /// `document`.
    public static func type(forTitle title: String) -> String {
        let lower = NoteTokens.fold(title)
        if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") { return "webpage" }
        if lower.contains("база данных") || lower.contains("жертвы политического террора") { return "dataset" }
        if lower.contains("книга памяти") || lower.contains("мартиролог") || lower.contains("расстрельн")
            || lower.contains("полигон") || lower.contains("списки") || lower.contains("книга") {
            return "book"
        }
        if lower.contains("архив") || lower.contains("ф. ") || lower.contains("фонд") || lower.contains("д. ") { return "manuscript" }
        return "document"
    }

    package static let romanized: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]
}

extension MemorialNote {
    /// The notes of a person that have no column of their own: education,
    /// party, residence, burial and place of death, as
    /// `education: среднее; party: б/п; …`.
    package var personNotes: String? {
        let labels: [(String, String)] = [("education", "education"), ("party", "party"),
                                          ("residence", "residence"), ("burial", "burial"), ("death_place", "place of death")]
        let parts = labels.compactMap { field, label in value(field).map { "\(label): \($0)" } }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The date of death the note states: `Умер 12.03.1942`, `Дата смерти:
    /// …`. The date of an execution (`Расстрелян 10.11.1937`), which the
    /// parser also reads as the death, stays on the `executed` event: the
    /// death is derived from it where it is shown (`DerivedDeath`), as for
    /// every other import, and not stored as if recorded.
    var recordedDeath: String? {
        let executed = Set(fields.filter { $0.name == "executed.date" }.map(\.span))
        return fields.first { $0.name == "death" && !$0.inName && !executed.contains($0.span) }?.value
    }

    /// The case documents of a note: one per case it describes, all with
    /// the same person, the note verbatim as the defendant's notes, and the
    /// source (when there is one) cited by the person, the case and the
    /// outcome.
    public func caseDocs(personRef: String, sourceKey: String?) -> [CaseDoc] {
        let citations = sourceKey.map { [CitationDoc(sourceKey: $0)] } ?? []
        var person = PersonDoc(ref: personRef, name: name.trimmingCharacters(in: .whitespacesAndNewlines))
        person.sex = value("sex").flatMap(Sex.init(rawValue:))
        person.birth = value("birth")
        person.death = recordedDeath
        person.birthplace = value("birthplace")
        person.occupation = value("occupation")
        person.nationality = value("nationality")
        person.notes = personNotes
        person.citations = citations
        var docs: [CaseDoc] = []
        for index in 0..<caseCount {
            let caseFields = fields.filter { $0.caseIndex == index && !$0.inName }
            func field(_ name: String) -> String? { caseFields.first { $0.name == name }?.value }
            let bodyKind = field("body_kind").flatMap(BodyKind.init(rawValue:)) ?? .other
            var doc = CaseDoc(ref: MemorialRefs.caseRef(personRef: personRef, index: index), bodyKind: bodyKind,
                              category: field("category").flatMap(Category.init(rawValue:)) ?? .unknown)
            doc.body = field("body")
            doc.trialDate = field("trial_date")
            doc.citations = citations
            var defendant = DefendantDoc(person: person)
            defendant.charges = charges.filter { $0.caseIndex == index }.map {
                ChargeDoc(text: $0.charge.raw, ref: $0.charge.ref, kind: $0.charge.kind)
            }
            defendant.chargeText = field("charge_text")
            defendant.outcome = field("outcome").flatMap(Outcome.init(rawValue:)) ?? .unknown
            defendant.outcomeText = field("outcome_text")
            defendant.outcomeSubcategory = field("outcome_subcategory")
            defendant.sentence = field("sentence")
            defendant.sentenceKind = field("sentence_kind").flatMap(SentenceKind.init(rawValue:))
            defendant.termYears = field("term_years").flatMap(Double.init)
            defendant.outcomeDate = field("outcome_date")
                ?? (defendant.outcome == .convicted || defendant.outcome == .acquitted ? doc.trialDate : nil)
            defendant.notes = note
            defendant.events = events(caseFields)
            defendant.citations = citations
            doc.defendants = [defendant]
            docs.append(doc)
        }
        return docs
    }

    /// Events in the order of the note: each event field (`executed`)
    /// opens one, its details (`executed.date`, `executed.place`) fill it.
    package func events(_ caseFields: [NoteField]) -> [EventDoc] {
        var events: [EventDoc] = []
        var open: [EventKind: Int] = [:]
        for field in caseFields {
            let parts = field.name.split(separator: ".", maxSplits: 1).map(String.init)
            guard let kind = EventKind(rawValue: parts[0]) else { continue }
            if parts.count == 1 {
                open[kind] = events.count
                events.append(EventDoc(kind: kind))
                continue
            }
            guard let index = open[kind] else { continue }
            switch parts[1] {
            case "date": events[index].date = field.value
            case "body": events[index].body = field.value
            default:
                let label = parts[1] == "notes" ? field.value : "\(parts[1]): \(field.value)"
                events[index].notes = events[index].notes.map { $0 + "; " + label } ?? label
            }
        }
        return events
    }
}
