import DossierStorage
import Foundation

extension RecordFilter {
    /// The whole `WHERE` condition of a statistics query over `d`, `p` and
    /// `x`: the shared filters (`sql(defaultCode:)`) and the name.
    /// - Throws: `DataError` for an unreadable charge, date or name.
    func statsCondition(defaultCode: String) throws -> (String, [SQLBindable]) {
        var (condition, bindings) = try sql(defaultCode: defaultCode)
        if let (nameCondition, nameBindings) = try personNameCondition() {
            condition = condition == "1" ? nameCondition : condition + " AND " + nameCondition
            bindings += nameBindings
        }
        return (condition, bindings)
    }

    /// The condition for `--name`, over the defendant `d`.
    ///
    /// This is the one place that decides which persons a name selects for
    /// statistics. Until the name index of name search is in place, it is
    /// a plain substring test on every recorded name of the person (primary
    /// and variants), tried as typed, in lower case, in upper case and
    /// capitalised — so "тухачевский" finds "Тухачевский" and "TUKHACHEVSKY"
    /// — but without transliteration or spelling variants (`Tukhachevsky`
    /// does not find `Тухачевский`). Name search should replace the body of
    /// this function with its own matching.
    /// - Returns: nil when no name is given.
    /// - Throws: `DataError` for an empty name.
    func personNameCondition() throws -> (String, [SQLBindable])? {
        guard let name else { return nil }
        let text = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw DataError(field: "--name", problem: "empty name", expected: "part of a name, e.g. Тухачевский")
        }
        var forms: [String] = []
        for form in [text, text.lowercased(), text.uppercased(), text.capitalized] where !forms.contains(form) {
            forms.append(form)
        }
        let tests = forms.map { _ in "instr(n.name, ?) > 0" }.joined(separator: " OR ")
        return ("EXISTS (SELECT 1 FROM person_name n WHERE n.person_id = d.person_id AND (\(tests)))",
                forms.map { $0 as SQLBindable })
    }

    /// The filter in words, for titles: "category political; from 1937".
    public var summary: String {
        var parts: [String] = []
        if let name { parts.append("name \u{201C}\(name)\u{201D}") }
        if let charge { parts.append("charge \(charge)") }
        if !outcomes.isEmpty { parts.append("outcome " + outcomes.map(\.rawValue).joined(separator: " or ")) }
        if let judicial { parts.append(judicial ? "court verdicts only" : "extrajudicial bodies only") }
        if !bodyKinds.isEmpty { parts.append("body kind " + bodyKinds.map(\.rawValue).joined(separator: " or ")) }
        if !categories.isEmpty { parts.append("category " + categories.map(\.rawValue).joined(separator: " or ")) }
        if let place { parts.append("place \u{201C}\(place)\u{201D}") }
        switch (from, to) {
        case let (from?, to?): parts.append("decided \(from) to \(to)")
        case let (from?, nil): parts.append("decided from \(from)")
        case let (nil, to?): parts.append("decided up to \(to)")
        default: break
        }
        if within && (from != nil || to != nil) { parts.append("dates entirely within the range") }
        return parts.isEmpty ? "all records" : parts.joined(separator: "; ")
    }
}
