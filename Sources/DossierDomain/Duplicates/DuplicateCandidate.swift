import Foundation

/// What `duplicates`, `merge` and `not-duplicate` work on.
public enum DuplicateKind: String, Sendable, CaseIterable {
    case person
    case `case`
}

/// What to look for and how much to keep.
public struct DuplicateOptions: Sendable {
    public var kind: DuplicateKind = .person
    /// Pairs scoring below this are not reported.
    public var minScore = 0.5
    /// At most this many pairs, best first.
    public var limit = 50
    /// Called now and then with (surname keys done, surname keys in all,
    /// candidate pairs so far).
    public var progress: (@Sendable (Int, Int, Int) -> Void)?

    public init(kind: DuplicateKind = .person, minScore: Double = 0.5, limit: Int = 50) {
        self.kind = kind
        self.minScore = minScore
        self.limit = limit
    }
}

/// One side of a candidate pair.
public struct DuplicateRecord: Sendable, Equatable {
    public var ref: String
    /// The primary name of a person, or the title (else body) of a case.
    public var label: String
    /// Birth, birthplace and death of a person; date, body and place of a case.
    public var detail: String

    package init(ref: String, label: String, detail: String) {
        self.ref = ref
        self.label = label
        self.detail = detail
    }
}

/// Two records that may be one, with the evidence.
public struct DuplicateCandidate: Sendable {
    public var kind: DuplicateKind
    /// The record to keep (the one with more names, cases and citations).
    public var keep: DuplicateRecord
    /// The record to merge into it.
    public var other: DuplicateRecord
    /// 0…1: name agreement plus what dates, places, cases and charges add
    /// or take away.
    public var score: Double
    public var evidenceFor: [String]
    public var evidenceAgainst: [String]

    package init(kind: DuplicateKind, keep: DuplicateRecord, other: DuplicateRecord, score: Double,
                 evidenceFor: [String], evidenceAgainst: [String]) {
        self.kind = kind
        self.keep = keep
        self.other = other
        self.score = score
        self.evidenceFor = evidenceFor
        self.evidenceAgainst = evidenceAgainst
    }

    /// The command that merges the pair.
    public var mergeCommand: String { "dossier merge \(keep.ref) \(other.ref)" }

    public var json: OrderedJSON {
        func side(_ record: DuplicateRecord) -> OrderedJSON {
            var writer = JSONObjectWriter()
            writer.set("ref", record.ref)
            writer.set(kind == .person ? "name" : "title", record.label)
            writer.set("detail", record.detail)
            return writer.json
        }
        var writer = JSONObjectWriter()
        writer.set("kind", kind.rawValue)
        writer.set("score", (score * 1000).rounded() / 1000)
        writer.set("keep", side(keep))
        writer.set("other", side(other))
        writer.set("for", OrderedJSON.array(evidenceFor.map(OrderedJSON.string)))
        writer.set("against", OrderedJSON.array(evidenceAgainst.map(OrderedJSON.string)))
        writer.set("merge", mergeCommand)
        return writer.json
    }
}

/// The candidates found, and how much work it took.
public struct DuplicateReport: Sendable {
    public var kind: DuplicateKind
    /// The best candidates, best first (at most the limit).
    public var candidates: [DuplicateCandidate]
    /// Candidate pairs at or above the minimum score, in all.
    public var found = 0
    /// Pairs that passed the cheap checks and were compared in full.
    public var compared = 0
    /// Pairs ruled out by what the data says (different given names or
    /// patronymics, birth days, sex, death days).
    public var contradicted = 0
    /// Pairs skipped because an editor marked them as not duplicates.
    public var judgedDistinct = 0
    public var minScore = 0.5

    package init(kind: DuplicateKind, candidates: [DuplicateCandidate] = [], found: Int = 0, compared: Int = 0,
                 contradicted: Int = 0, judgedDistinct: Int = 0, minScore: Double = 0.5) {
        self.kind = kind
        self.candidates = candidates
        self.found = found
        self.compared = compared
        self.contradicted = contradicted
        self.judgedDistinct = judgedDistinct
        self.minScore = minScore
    }
}

/// Renderings of duplicate candidates.
public enum DuplicateOutput {
    public static func table(_ report: DuplicateReport) -> String {
        if report.candidates.isEmpty {
            return "no candidate pairs with score ≥ \(String(format: "%.2f", report.minScore))\n"
        }
        var out = ""
        let width = String(report.candidates.count).count
        for (index, candidate) in report.candidates.enumerated() {
            let number = String(index + 1)
            let lead = String(repeating: " ", count: width - number.count) + number + ". "
            let pad = String(repeating: " ", count: lead.count)
            let refWidth = max(candidate.keep.ref.count, candidate.other.ref.count)
            func side(_ record: DuplicateRecord) -> String {
                record.ref + String(repeating: " ", count: refWidth - record.ref.count) + "  " + record.label
                    + (record.detail.isEmpty ? "" : "  (\(record.detail))")
            }
            out += lead + String(format: "%.2f", candidate.score) + "  keep   " + side(candidate.keep) + "\n"
            out += pad + "      merge  " + side(candidate.other) + "\n"
            if !candidate.evidenceFor.isEmpty { out += pad + "for:     " + candidate.evidenceFor.joined(separator: "; ") + "\n" }
            if !candidate.evidenceAgainst.isEmpty { out += pad + "against: " + candidate.evidenceAgainst.joined(separator: "; ") + "\n" }
            out += pad + candidate.mergeCommand + "\n\n"
        }
        let shown = report.candidates.count
        out += "\(report.found) candidate pair\(report.found == 1 ? "" : "s") with score ≥ \(String(format: "%.2f", report.minScore))"
        out += shown < report.found ? " (the best \(shown) shown; --limit for more)" : ""
        out += ". Merge with `dossier merge KEEP OTHER` (try --dry-run), or record a pair as distinct with `dossier not-duplicate A B`.\n"
        return out
    }

    public static func json(_ report: DuplicateReport) -> String {
        OrderedJSON.array(report.candidates.map(\.json)).serialized(pretty: true) + "\n"
    }

    public static func csv(_ report: DuplicateReport) -> String {
        let labelColumn = report.kind == .person ? "name" : "title"
        var out = CSVText.row(["kind", "score", "keep_ref", "keep_\(labelColumn)", "keep_detail", "other_ref",
                               "other_\(labelColumn)", "other_detail", "for", "against"])
        for c in report.candidates {
            out += CSVText.row([c.kind.rawValue, String(format: "%.3f", c.score), c.keep.ref, c.keep.label, c.keep.detail,
                                c.other.ref, c.other.label, c.other.detail, c.evidenceFor.joined(separator: "; "),
                                c.evidenceAgainst.joined(separator: "; ")])
        }
        return out
    }
}
