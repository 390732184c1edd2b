import Foundation

/// Plain-text renderings of records for a terminal.
public enum ShowText {
    /// A case with its defendants, their charges, outcomes and events, and
    /// the sources behind them, listed at the end with their locators.
    public static func render(_ doc: CaseDoc, sources: [String: Source], romanize: LibraryOfCongress.Form? = nil) -> String {
        var out = ""
        var notes = NoteList(sources: sources)
        out += "Case \(doc.ref)" + (doc.title.map { ": \($0)" } ?? "") + notes.marks(doc.citations) + "\n"
        var facts: [(String, String)] = []
        facts.append(("Body", [doc.body, "(\(doc.bodyKind.rawValue)\(doc.bodyKind.isExtrajudicial ? ", extrajudicial" : ""))"]
            .compactMap { $0 }.joined(separator: " ")))
        facts.append(("Category", doc.category.rawValue))
        if let place = doc.place { facts.append(("Place", place)) }
        if let date = doc.trialDate { facts.append(("Decided", describe(date, written: doc.trialDateAsWritten))) }
        if let notes = doc.notes { facts.append(("Notes", notes)) }
        out += table(facts, indent: 2)
        for defendant in doc.defendants {
            out += "\n  Defendant \(defendant.person.ref): \(label(defendant.person.name, romanize: romanize))" + notes.marks(defendant.person.citations) + "\n"
            var rows: [(String, String)] = []
            if !defendant.person.nameVariants.isEmpty {
                rows.append(("Also", defendant.person.nameVariants.joined(separator: "; ")))
            }
            let life = [defendant.person.birth.map { "born " + describe($0, written: defendant.person.birthAsWritten) },
                        defendant.person.birthplace.map { "in \($0)" },
                        defendant.person.death.map { "died " + describe($0, written: defendant.person.deathAsWritten) }
                            ?? DerivedDeath.derive(defendant.person, events: [(doc.ref, defendant.events)]).map {
                                "died " + DateText.describe($0.date) + " (derived from the \($0.event.rawValue.replacingOccurrences(of: "_", with: " ")) event)"
                            }].compactMap { $0 }
            if !life.isEmpty { rows.append(("Life", life.joined(separator: " "))) }
            if let occupation = defendant.person.occupation { rows.append(("Occupation", occupation)) }
            if let nationality = defendant.person.nationality { rows.append(("Nationality", nationality)) }
            if !defendant.charges.isEmpty {
                rows.append(("Charges", defendant.charges.map { charge in
                    charge.ref + (charge.text != charge.ref && !charge.ref.hasSuffix(":" + charge.text) ? " (\(charge.text))" : "")
                        + (charge.description.map { " \($0)" } ?? "")
                }.joined(separator: "; ")))
            }
            if let text = defendant.chargeText { rows.append(("Charged with", text)) }
            var outcome = defendant.outcome.rawValue.replacingOccurrences(of: "_", with: " ")
            if let text = defendant.outcomeText { outcome += " (\"\(text)\")" }
            if let date = defendant.outcomeDate { outcome += ", " + describe(date, written: defendant.outcomeDateAsWritten) }
            if defendant.chargeReduced { outcome += "; on a lesser charge" }
            rows.append(("Outcome", outcome + notes.marks(defendant.citations)))
            if defendant.sentence != nil || defendant.sentenceKind != nil {
                var sentence = defendant.sentence ?? ""
                if let kind = defendant.sentenceKind { sentence += sentence.isEmpty ? kind.rawValue : " [\(kind.rawValue)]" }
                if let term = defendant.termYears { sentence += ", \(formatYears(term))" }
                rows.append(("Sentence", sentence))
            }
            for event in defendant.events {
                var text = event.kind.rawValue.replacingOccurrences(of: "_", with: " ")
                if let date = event.date { text += " " + describe(date, written: event.dateAsWritten) }
                if let body = event.body { text += " by \(body)" }
                if let eventNotes = event.notes { text += " — \(eventNotes)" }
                rows.append(("Event", text + notes.marks(event.citations)))
            }
            if let text = defendant.notes { rows.append(("Notes", text)) }
            out += table(rows, indent: 4)
        }
        out += notes.rendered
        return out
    }

    /// A person with every case they were tried in.
    public static func render(_ person: PersonDoc, cases: [(ref: String, title: String?, outcome: String, date: String?)],
                              derivedDeath: DerivedDeath? = nil, sources: [String: Source],
                              romanize: LibraryOfCongress.Form? = nil) -> String {
        var notes = NoteList(sources: sources)
        var out = "Person \(person.ref): \(label(person.name, romanize: romanize))" + notes.marks(person.citations) + "\n"
        var rows: [(String, String)] = []
        if !person.nameVariants.isEmpty { rows.append(("Also", person.nameVariants.joined(separator: "; "))) }
        if let sex = person.sex { rows.append(("Sex", sex.rawValue)) }
        if let birth = person.birth { rows.append(("Born", describe(birth, written: person.birthAsWritten) + (person.birthplace.map { ", \($0)" } ?? ""))) }
        else if let place = person.birthplace { rows.append(("Birthplace", place)) }
        if let death = person.death { rows.append(("Died", describe(death, written: person.deathAsWritten))) }
        else if let derived = derivedDeath { rows.append(("Died", derived.text)) }
        if let occupation = person.occupation { rows.append(("Occupation", occupation)) }
        if let nationality = person.nationality { rows.append(("Nationality", nationality)) }
        if let text = person.notes { rows.append(("Notes", text)) }
        for item in cases {
            rows.append(("Case", "\(item.ref)" + (item.title.map { " (\($0))" } ?? "")
                         + (item.date.map { ", \($0)" } ?? "") + ": " + item.outcome.replacingOccurrences(of: "_", with: " ")))
        }
        out += table(rows, indent: 2)
        out += notes.rendered
        return out
    }

    /// A date described, and the text it was written in when that was not
    /// EDTF: `1937-08-14 (written "14 августа 1937 г.")`.
    static func describe(_ date: String, written: String?) -> String {
        DateText.describe(date) + (written.map { " (written \"\($0)\")" } ?? "")
    }

    /// A person's label: the primary name as written, and with `romanize`
    /// its romanization in brackets when it has Cyrillic letters.
    public static func label(_ name: String, romanize: LibraryOfCongress.Form?) -> String {
        guard let romanize, LibraryOfCongress.hasCyrillic(name) else { return name }
        return "\(name) (\(LibraryOfCongress.romanize(name, romanize)))"
    }

    package static func formatYears(_ years: Double) -> String {
        let text = years.rounded() == years ? String(Int(years)) : String(years)
        return text + (years == 1 ? " year" : " years")
    }

    package static func table(_ rows: [(String, String)], indent: Int) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        let pad = String(repeating: " ", count: indent)
        return rows.map { label, value in
            let continuation = "\n" + pad + String(repeating: " ", count: width + 2)
            return pad + label + String(repeating: " ", count: width - label.count) + "  "
                + value.replacingOccurrences(of: "\n", with: continuation)
        }.joined(separator: "\n") + "\n"
    }
}

/// Numbered source notes: each citation becomes a mark like [1] in the
/// text and a line at the end with the Chicago short note and its locator,
/// "[1] Solomon, “Vanishing Acquittal,” 540. [solomon1987vanishing; probable]".
package struct NoteList {
    package let sources: [String: Source]
    private var lines: [String] = []

    package init(sources: [String: Source]) {
        let ordered = sources.keys.sorted().compactMap { sources[$0] }
        self.sources = Dictionary(Chicago.disambiguated(ordered).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    package mutating func marks(_ citations: [CitationDoc]) -> String {
        guard !citations.isEmpty else { return "" }
        var numbers: [Int] = []
        for citation in citations {
            var line: String
            if let source = sources[citation.sourceKey] {
                line = SourceLabel.note(source, locator: citation.locator)
            } else {
                line = citation.sourceKey + (citation.locator.map { ", \($0)" } ?? "")
            }
            line += " [\(citation.sourceKey); \(citation.confidence.rawValue)]"
            if let quote = citation.quote { line += "\n     “\(quote)”" }
            if let note = citation.note { line += "\n     note: \(note)" }
            if let index = lines.firstIndex(of: line) { numbers.append(index + 1) } else {
                lines.append(line)
                numbers.append(lines.count)
            }
        }
        return " " + numbers.map { "[\($0)]" }.joined()
    }

    package var rendered: String {
        guard !lines.isEmpty else { return "" }
        return "\nSources\n" + lines.enumerated().map { "  [\($0.offset + 1)] \($0.element)" }.joined(separator: "\n") + "\n"
    }
}

/// How EDTF dates read in text output.
public enum DateText {
    /// "1937-11-05 (5 November 1937)" or the text itself when it reads as is.
    public static func describe(_ text: String) -> String {
        guard let date = try? EDTFDate.parse(text) else { return text }
        return date.reading == text ? text : "\(text) (\(date.reading))"
    }
}
