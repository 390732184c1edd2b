import DossierStorage
import DossierDomain
import Foundation

extension RecordFilter {
    /// The whole `WHERE` condition of a statistics query over `d`, `p` and
    /// `x`: the shared filters (`sql(defaultCode:)`) and the name.
    /// - Throws: `DataError` for an unreadable charge, date or name.
    func statsCondition(_ archive: Archive) throws -> (String, [SQLBindable]) {
        var (condition, bindings) = try sql(defaultCode: archive.defaultCode)
        if let (nameCondition, nameBindings) = try personNameCondition(archive) {
            condition = condition == "1" ? nameCondition : condition + " AND " + nameCondition
            bindings += nameBindings
        }
        return (condition, bindings)
    }

    /// The condition for `--name`, over the defendant `d`: the persons name
    /// search finds for the name (any script or spelling, typos included,
    /// as `dossier search --name` does), every one of them rather than the
    /// best few.
    /// - Returns: nil when no name is given.
    /// - Throws: `DataError` for an empty name.
    func personNameCondition(_ archive: Archive) throws -> (String, [SQLBindable])? {
        guard let name else { return nil }
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DataError(field: "--name", problem: "empty name", expected: "a name, e.g. Тухачевский or Tukhachevsky")
        }
        try SearchQuery.checkLength(name, option: "--name", limit: SearchQuery.maxNameLength)
        let hits = try archive.nameHits(name, maxCandidates: Int(Int32.max))
        return ("d.person_id IN (SELECT value FROM json_each(?))",
                [SearchIndex.jsonArray(hits.map { String($0.personID) })])
    }

    /// The filter in words, for titles: "category political; from 1937".
    public var summary: String {
        var parts: [String] = []
        if let name { parts.append("name \u{201C}\(name)\u{201D}") }
        if let charge { parts.append("charge \(charge)") }
        if !outcomes.isEmpty { parts.append("outcome " + outcomes.map(\.rawValue).joined(separator: " or ")) }
        switch jurisdiction {
        case .court?: parts.append("court verdicts only")
        case .extrajudicial?: parts.append("extrajudicial bodies only")
        case .investigative?: parts.append("investigating organs only")
        case .other?: parts.append("other bodies only")
        case nil: break
        }
        if let nationality { parts.append("nationality \u{201C}\(nationality)\u{201D}") }
        if !bodyKinds.isEmpty { parts.append("body kind " + bodyKinds.map(\.rawValue).joined(separator: " or ")) }
        if !categories.isEmpty { parts.append("category " + categories.map(\.rawValue).joined(separator: " or ")) }
        if let place { parts.append("place \u{201C}\(place)\u{201D}") }
        if let birthplace { parts.append("birthplace \u{201C}\(birthplace)\u{201D}") }
        switch (from, to) {
        case let (from?, to?): parts.append("decided \(from) to \(to)")
        case let (from?, nil): parts.append("decided from \(from)")
        case let (nil, to?): parts.append("decided up to \(to)")
        default: break
        }
        if within && (from != nil || to != nil) { parts.append("dates entirely within the range") }
        if let born { parts.append("born \(born)") }
        return parts.isEmpty ? "all records" : parts.joined(separator: "; ")
    }
}
