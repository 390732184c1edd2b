import DossierStorage
import DossierDomain
import Foundation

/// The answer to the question dossier began with — was anybody ever found
/// "not guilty"? — in an archive's own terms: how many acquittals, in which
/// trials, and every other way out but a conviction, kept apart, with court
/// verdicts apart from extrajudicial bodies.
public struct WaysOut: Sendable {
    /// One case and the defendants in it with one outcome.
    public struct Trial: Sendable, Equatable {
        public var caseRef: String
        public var title: String?
        public var body: String?
        public var bodyKind: String
        public var date: String?
        /// Primary names, in the case's order.
        public var names: [String]
    }

    /// Every matching record, all outcomes.
    public let all: OutcomeGroup
    /// Only court verdicts: courts and military tribunals.
    public let courts: OutcomeGroup
    /// Only extrajudicial bodies: troikas, dvoikas, the Special Board,
    /// commissions.
    public let extrajudicial: OutcomeGroup
    /// Only investigating organs deciding: the security organs and the
    /// procuracy.
    public let investigative: OutcomeGroup
    /// For each outcome that is neither a conviction nor unknown, the trials
    /// it happened in (outcomes without any are left out).
    public let trials: [(outcome: Outcome, trials: [Trial])]

    /// The outcomes listed, in this order: the acquittal first.
    static let listed: [Outcome] = [
        .acquitted, .dismissed, .returnedForInvestigation, .releasedWithoutTrial, .insanity, .diedBeforeVerdict,
    ]

    /// Reads the figures and the trials for the records `filter` selects.
    /// - Throws: `DataError` for an unreadable filter value, `SQLiteError`.
    public static func load(_ archive: Archive, filter: RecordFilter = RecordFilter()) throws -> WaysOut {
        try consistentRead(archive.db) {
            let all = try OutcomeStats.compute(archive, StatsRequest(filter: filter)).total
            func only(_ jurisdiction: Jurisdiction) throws -> OutcomeGroup {
                var restricted = filter
                restricted.jurisdiction = jurisdiction
                return try OutcomeStats.compute(archive, StatsRequest(filter: restricted)).total
            }
            let courts = try only(.court), extrajudicial = try only(.extrajudicial), investigative = try only(.investigative)

            let (condition, bindings) = try filter.statsCondition(archive)
            let outcomes = listed.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            var from = "defendant d JOIN proceeding p ON p.id = d.proceeding_id"
            if condition.contains("x.") { from += " JOIN person x ON x.id = d.person_id" }
            let sql = """
                SELECT d.outcome, p.ref, p.title, p.body, p.body_kind, p.date,
                       (SELECT n.name FROM person_name n WHERE n.person_id = d.person_id AND n.is_primary = 1)
                FROM \(from)
                WHERE d.outcome IN (\(outcomes)) AND \(condition)
                ORDER BY p.date_lower IS NULL, p.date_lower, p.ref, d.position, d.id
                """
            var byOutcome: [Outcome: [Trial]] = [:]
            try archive.db.prepare(sql).forEach(bindings) { row in
                guard let outcome = row.string(at: 0).flatMap(Outcome.init(rawValue:)),
                      let ref = row.string(at: 1) else { return }
                let name = row.string(at: 6) ?? "(unnamed)"
                var list = byOutcome[outcome, default: []]
                if let last = list.indices.last, list[last].caseRef == ref {
                    list[last].names.append(name)
                } else {
                    list.append(Trial(caseRef: ref, title: row.string(at: 2), body: row.string(at: 3),
                                      bodyKind: row.string(at: 4) ?? "", date: row.string(at: 5), names: [name]))
                }
                byOutcome[outcome] = list
            }
            let trials = listed.compactMap { outcome in byOutcome[outcome].map { (outcome, $0) } }
            return WaysOut(all: all, courts: courts, extrajudicial: extrajudicial, investigative: investigative,
                           trials: trials)
        }
    }

    public func trials(_ outcome: Outcome) -> [Trial] {
        trials.first { $0.outcome == outcome }?.trials ?? []
    }

    /// The answer as a few paragraphs of text.
    public var text: String {
        func number(_ value: Double) -> String { OutcomeStats.number(value) }
        func rate(_ proportion: Proportion) -> String {
            "\(OutcomeStats.percent(proportion.share)), 95% interval \(OutcomeStats.interval(proportion))"
        }
        func plural(_ value: Double, _ noun: String) -> String { "\(number(value)) \(noun)\(value == 1 ? "" : "s")" }
        func line(_ trial: Trial) -> String {
            var parts = [trial.caseRef]
            if let title = trial.title { parts.append(title) }
            let body = [trial.body, trial.bodyKind.isEmpty ? nil : "(\(trial.bodyKind.replacingOccurrences(of: "_", with: " ")))"]
                .compactMap { $0 }.joined(separator: " ")
            if !body.isEmpty { parts.append(body) }
            if let date = trial.date { parts.append(date) }
            return "  " + parts.joined(separator: ", ") + ": " + trial.names.joined(separator: "; ")
        }

        var out = ""
        let acquittals = all.count(.acquitted)
        let acquittalTrials = trials(.acquitted)
        out += "Decided defendants: \(number(all.decided)) (\(plural(all.count(.unknown), "outcome")) unknown, left out).\n"
        if acquittals == 0 {
            out += "Acquitted: none (acquittal rate \(rate(all.acquittalRate))).\n"
        } else {
            out += "Acquitted: \(number(acquittals)) (acquittal rate \(rate(all.acquittalRate))), in "
                + "\(plural(Double(acquittalTrials.count), "trial")):\n"
            for trial in acquittalTrials { out += line(trial) + "\n" }
        }
        // A death before a verdict ends a case but is no way out: it is
        // listed apart from dismissals and releases.
        let others = WaysOut.listed.dropFirst().filter { all.count($0) > 0 && $0 != .diedBeforeVerdict }
        let otherCount = others.reduce(0) { $0 + all.count($1) }
        if otherCount == 0 {
            out += "No other way out but a conviction is recorded.\n"
        } else {
            out += "Other ways out but a conviction, none of them an acquittal: \(number(otherCount)):\n"
            for outcome in others {
                out += "- \(outcome.label): \(number(all.count(outcome)))\n"
                for trial in trials(outcome) { out += "  " + line(trial) + "\n" }
            }
        }
        let deaths = all.count(.diedBeforeVerdict)
        if deaths > 0 {
            out += "Died in custody before any verdict (no way out): \(number(deaths)):\n"
            for trial in trials(.diedBeforeVerdict) { out += line(trial) + "\n" }
        }
        out += "Non-conviction rate (every decided outcome but a conviction, acquittals and deaths before a verdict"
            + " included): \(rate(all.nonConvictionRate)).\n"
        func share(_ group: OutcomeGroup) -> String {
            group.decided > 0 ? " (\(OutcomeStats.percent(group.acquittalRate.share)))" : ""
        }
        out += "Kept apart by who decided:\n"
        out += "- courts and military tribunals: \(plural(courts.count(.acquitted), "acquittal")) of"
            + " \(number(courts.decided)) decided\(share(courts))\n"
        out += "- extrajudicial bodies (troika, dvoika, Special Board, commission):"
            + " \(plural(extrajudicial.count(.acquitted), "acquittal")) of \(number(extrajudicial.decided)) decided"
            + "\(share(extrajudicial))\n"
        out += "- investigating organs (OGPU, NKVD, MGB, MVD; the procuracy), which do not acquit but may drop a case:"
            + " \(plural(investigative.count(.dismissed), "dismissal")), \(plural(investigative.count(.releasedWithoutTrial), "release"))"
            + " without trial of \(number(investigative.decided)) decided\n"
        let unclassified = all.decided - courts.decided - extrajudicial.decided - investigative.decided
        if unclassified > 0 { out += "- other bodies: \(number(unclassified)) decided\n" }
        return out
    }
}
