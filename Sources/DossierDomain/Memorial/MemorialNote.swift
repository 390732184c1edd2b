import Foundation

/// One structured value read from a note, with the text it came from.
public struct NoteField: Sendable, Hashable {
    /// What it is: `birth`, `birthplace`, `arrested.date`, `charge`,
    /// `sentence_kind`, ... (see the README section "Memorial notes").
    public var name: String
    /// The value as stored: EDTF for dates, a code for vocabularies, the
    /// text as written otherwise.
    public var value: String
    /// Where in the note (or, when `inName`, in the name) it was read.
    public var span: NoteSpan
    /// The span is in the name line (sex read from a patronymic).
    public var inName: Bool
    /// Which case of the note the value belongs to (0 = the first); a note
    /// that says "arrested again" describes a second case.
    public var caseIndex: Int

    public init(name: String, value: String, span: NoteSpan, inName: Bool = false, caseIndex: Int = 0) {
        self.name = name
        self.value = value
        self.span = span
        self.inName = inName
        self.caseIndex = caseIndex
    }

    /// The name with the case it belongs to: `sentence` for the first
    /// case, `case2.sentence` for the second.
    public var key: String { caseIndex == 0 ? name : "case\(caseIndex + 1).\(name)" }
}

/// A charge read from a note, for the case it belongs to.
public struct NoteCharge: Sendable, Hashable {
    public var caseIndex: Int
    public var charge: ParsedCharge
}

/// A biographical note in Memorial's house style, read into fields.
///
/// Reading never fails: what the parser does not understand stays in
/// `unread`, problems (a date that does not exist, a charge the statute
/// grammar refuses) are listed, and `confidence` says how much of the note
/// went into fields.
public struct MemorialNote: Sendable {
    /// The name as given (the name line or column).
    public let name: String
    /// The note, verbatim.
    public let note: String
    /// Every value read, in the order of the note.
    public internal(set) var fields: [NoteField] = []
    /// The charges (their normal forms are also `charge` fields).
    public internal(set) var charges: [NoteCharge] = []
    /// Stretches of the note that went into no field.
    public internal(set) var unread: [NoteSpan] = []
    /// What could not be read, in words.
    public internal(set) var problems: [String] = []
    /// The share of the note's letters and digits that went into fields
    /// (or are the words that introduce them), from 0 to 1, two decimals.
    public internal(set) var confidence: Double = 0
    /// How many cases the note describes (at least 1).
    public internal(set) var caseCount = 1

    public init(name: String, note: String) {
        self.name = name
        self.note = note
    }

    /// Reads a note.
    /// - Parameters:
    ///   - name: the person's name as the source writes it.
    ///   - note: the note, verbatim.
    ///   - defaultCode: the statute code for charges that name none.
    public static func parse(name: String, note: String, defaultCode: String = ChargeParser.defaultCode) -> MemorialNote {
        var parser = NoteParser(name: name, note: note, defaultCode: defaultCode)
        return parser.run()
    }

    /// Reads a note and says how much work it took (`NoteParser.work`):
    /// what the growth tests measure.
    package static func parseCountingWork(name: String, note: String, defaultCode: String = ChargeParser.defaultCode) -> (MemorialNote, Int) {
        var parser = NoteParser(name: name, note: note, defaultCode: defaultCode)
        let note = parser.run()
        return (note, parser.work)
    }

    /// The text of a span of the note.
    public func text(_ span: NoteSpan) -> String {
        let scalars = note.unicodeScalars
        guard span.start >= 0, span.end <= scalars.count, span.start <= span.end else { return "" }
        let from = scalars.index(scalars.startIndex, offsetBy: span.start)
        let to = scalars.index(from, offsetBy: span.end - span.start)
        return String(scalars[from..<to])
    }

    /// The text a field was read from.
    public func quote(_ field: NoteField) -> String {
        if field.inName {
            let scalars = name.unicodeScalars
            guard field.span.end <= scalars.count else { return "" }
            let from = scalars.index(scalars.startIndex, offsetBy: field.span.start)
            let to = scalars.index(from, offsetBy: field.span.end - field.span.start)
            return String(scalars[from..<to])
        }
        return text(field.span)
    }

    /// The first value of a field by key (`birth`, `case2.sentence`).
    public func value(_ key: String) -> String? { fields.first { $0.key == key }?.value }

    /// Every value of a field by key, in order.
    public func values(_ key: String) -> [String] { fields.filter { $0.key == key }.map(\.value) }

    /// The fields as key → value, charges joined by `; ` in their order.
    /// What the accuracy measurement compares.
    public var flattened: [String: String] {
        var result: [String: String] = [:]
        for field in fields {
            if let existing = result[field.key] {
                result[field.key] = existing + "; " + field.value
            } else {
                result[field.key] = field.value
            }
        }
        return result
    }

    /// Notes below this confidence, or with problems, are reported as
    /// parsed poorly.
    public static let poorConfidence = 0.8

    public var parsedPoorly: Bool { confidence < MemorialNote.poorConfidence || !problems.isEmpty }
}
