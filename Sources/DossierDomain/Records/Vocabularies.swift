import Foundation

/// A fixed vocabulary: the codes statistics count.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    /// What the field is called in messages.
    static var fieldName: String { get }
}

extension Vocabulary {
    /// The code in words, for readers (chart labels): `regional court`,
    /// `Special Board`. A vocabulary whose codes read otherwise says so.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    public static var allowed: [String] { allCases.map(\.rawValue) }

    /// Reads a code, or throws a problem naming the allowed values and the
    /// nearest one.
    public static func parse(_ text: String) throws -> Self {
        if let value = Self(rawValue: text) { return value }
        let lowered = text.lowercased().replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
        if let value = Self(rawValue: lowered) { return value }
        var problem = "unknown \(fieldName) \"\(text)\""
        if let nearest = Suggest.nearest(to: text, in: allowed) {
            problem += "; did you mean \(nearest)?"
        }
        throw FieldProblem(problem: problem, expected: "one of " + allowed.joined(separator: ", "))
    }
}

public enum Outcome: String, Vocabulary {
    case convicted, acquitted, dismissed
    case returnedForInvestigation = "returned_for_investigation"
    case releasedWithoutTrial = "released_without_trial"
    case insanity
    case diedBeforeVerdict = "died_before_verdict"
    case unknown
    public static let fieldName = "outcome"
}

public enum BodyKind: String, Vocabulary {
    case ordinaryCourt = "ordinary_court"
    case regionalCourt = "regional_court"
    case supremeCourt = "supreme_court"
    case militaryTribunal = "military_tribunal"
    case militaryCollegium = "military_collegium"
    case specialCourt = "special_court"
    case troika, dvoika
    case specialBoard = "special_board"
    case commission
    /// The security organs (OGPU, NKVD, MGB, MVD) deciding as investigators:
    /// a case terminated («следствие прекратить»), a release.
    case securityOrgan = "security_organ"
    /// The procuracy: a prosecutor dropping the charges or closing a case.
    case procuracy
    case other
    public static let fieldName = "body kind"

    /// The kind in words: the Special Board (Особое совещание) and the
    /// Military Collegium are names of single bodies, written as names.
    public var label: String {
        switch self {
        case .specialBoard: return "Special Board"
        case .militaryCollegium: return "Military Collegium"
        case .other: return "other body"
        default: return rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// Troikas, dvoikas, the Special Board and commissions decided without
    /// any trial.
    public var isExtrajudicial: Bool { jurisdiction == .extrajudicial }

    /// Which kind of body decided: a court, an extrajudicial body, or an
    /// investigating organ. Their decisions are counted apart: a dismissal
    /// by the NKVD is not a court's verdict.
    public var jurisdiction: Jurisdiction {
        switch self {
        case .ordinaryCourt, .regionalCourt, .supremeCourt, .militaryTribunal, .militaryCollegium, .specialCourt:
            return .court
        case .troika, .dvoika, .specialBoard, .commission: return .extrajudicial
        case .securityOrgan, .procuracy: return .investigative
        case .other: return .other
        }
    }
}

/// The three kinds of deciding body that statistics keep apart, and the
/// rest.
public enum Jurisdiction: String, Sendable, CaseIterable {
    /// Courts: ordinary, regional, supreme and special courts, military
    /// tribunals and the Military Collegium.
    case court
    /// Troikas, dvoikas, the Special Board, commissions.
    case extrajudicial
    /// The security organs and the procuracy, deciding as investigators.
    case investigative
    /// A body of kind `other`.
    case other

    public var bodyKinds: [BodyKind] { BodyKind.allCases.filter { $0.jurisdiction == self } }
}

public enum Category: String, Vocabulary {
    case political, criminal, unknown
    public static let fieldName = "category"

    /// "political cases", "unknown category".
    public var label: String { self == .unknown ? "unknown category" : rawValue + " cases" }
}

public enum SentenceKind: String, Vocabulary {
    case death, camp, prison, exile
    case correctiveLabour = "corrective_labour"
    case fine, suspended
    case compulsoryTreatment = "compulsory_treatment"
    case none
    public static let fieldName = "sentence kind"
}

public enum EventKind: String, Vocabulary {
    case arrested, executed, commuted, pardoned, released
    case diedInCustody = "died_in_custody"
    case appeal, rehabilitated
    public static let fieldName = "event kind"
}

public enum Confidence: String, Vocabulary {
    case confirmed, probable, unverified, disputed
    public static let fieldName = "confidence"
}

public enum Sex: String, Vocabulary {
    case m, f
    public static let fieldName = "sex"
}

/// The script a name is written in.
public enum Script: String, Sendable {
    case cyrl, latn, mixed, other

    public static func of(_ text: String) -> Script {
        var cyrillic = false, latin = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0400...0x052F: cyrillic = true
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: latin = true
            default: break
            }
        }
        switch (cyrillic, latin) {
        case (true, false): return .cyrl
        case (false, true): return .latn
        case (true, true): return .mixed
        default: return .other
        }
    }
}

/// Nearest-word suggestions for "did you mean".
public enum Suggest {
    /// Longest text, in bytes, a suggestion is looked for: field names and
    /// vocabulary words are a few dozen characters, so a longer text is no
    /// misspelling of one, and comparing it with each would take time in
    /// proportion to its length times theirs (a 10 MB CSV header cell, 40
    /// column names: minutes).
    public static let maxTextLength = 200

    public static func nearest(to text: String, in candidates: [String], maxDistance: Int? = nil) -> String? {
        guard text.utf8.count <= maxTextLength else { return nil }
        let lowered = text.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (word, distance) = best else { return nil }
        let limit = maxDistance ?? max(3, word.count / 2)
        if distance <= limit { return word }
        // A prefix ("returned") is a good hint too, even with one typo in
        // a longer one ("returnd").
        if let prefixed = candidates.first(where: { $0.hasPrefix(lowered) && lowered.count >= 3 }) { return prefixed }
        guard lowered.count >= 6 else { return nil }
        return candidates.first { editDistance(lowered, String($0.lowercased().prefix(lowered.count))) <= 1 }
    }

    public static func close(to text: String, in candidates: [String], limit: Int = 3) -> [String] {
        guard text.utf8.count <= maxTextLength else { return [] }
        let lowered = text.lowercased()
        let limitDistance = max(2, text.count / 3)
        var scored: [(word: String, distance: Int)] = []
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limitDistance { scored.append((candidate, distance)) }
        }
        scored.sort { ($0.distance, $0.word) < ($1.distance, $1.word) }
        return scored.prefix(limit).map(\.word)
    }

    /// Levenshtein distance over Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
