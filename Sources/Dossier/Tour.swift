import DossierDomain
import Foundation

/// The demo: builds an archive from the embedded `Fixtures/` and shows what
/// dossier does with it.
public enum Tour {
    /// The fixtures as import inputs (sources first).
    public static func fixtureInputs() -> [ImportInput] {
        var inputs: [ImportInput] = []
        // The gazetteer is reference data the program reads, not records.
        for name in EmbeddedFixtures.names where !name.contains("/") && name != Gazetteers.fixtureName {
            guard let text = EmbeddedFixtures.file(name), let format = ImportFormat.guess(path: name) else { continue }
            inputs.append(ImportInput(path: "Fixtures/" + name, format: format, text: text))
        }
        return inputs
    }

    /// Imports the fixtures into `archive` (idempotent), and declares them
    /// what they are: a selection chosen by hand.
    public static func build(_ archive: Archive) throws -> ImportReport {
        let report = try archive.importFiles(fixtureInputs())
        if try archive.archiveKind()?.kind != .selection {
            try archive.setArchiveKind(.selection, note: selectionNote)
        }
        return report
    }

    static let selectionNote = "famous trials, a few defendants of each, and acquittals looked for on purpose"

    /// The published rates, by period and kind of body, each with its
    /// definition and source: the second part of the tour's answer.
    public static func publishedAnswer(_ archive: Archive) throws -> String {
        let figures = try archive.loadFigures()
        guard !figures.isEmpty else { return "No published figures in this archive (dossier figures).\n" }
        var out = "What the literature publishes (dossier figures; each with its own scope and definition):\n"
        for figure in figures {
            let scope = [figure.jurisdiction, figure.courts.rawValue.replacingOccurrences(of: "_", with: " "),
                         figure.category == .all ? nil : figure.category.rawValue + " cases"].compactMap { $0 }
            var line = "- \(figure.period ?? "?"), \(scope.joined(separator: ", ")): \(figure.valueText)"
                + " \(figure.measure.label)"
            if let statement = figure.statement { line += " (\u{201C}\(statement)\u{201D})" }
            line += "; definition: \(figure.definitionText)"
            if let unit = figure.unit { line += ", in \(unit.rawValue)" }
            var cite = figure.sourceKey
            if let source = try archive.loadSource(key: figure.sourceKey) {
                cite = Chicago.shortNote(source, locator: figure.locator).plain
            }
            line += ". Source: \(cite) [\(figure.confidence.rawValue)]"
            out += OutcomeStats.wrap(line, width: 100, indent: "  ").joined(separator: "\n") + "\n"
        }
        out += OutcomeStats.wrap("Unverified figures are the claims as made: their sources' own words were not seen"
                                 + " (dossier show REF says what was searched). The people's courts' 10% are shares of"
                                 + " verdicts in ordinary courts; for the troikas of 1937\u{2013}38, which decided the"
                                 + " mass operations, no acquittal figure was found, only counts of the condemned."
                                 + " An acquittal is not charges dropped: a figure that counts both (acquitted +"
                                 + " dismissed) compares with the non-conviction rate, not the acquittal rate.",
                                 width: 100).joined(separator: "\n") + "\n"
        return out
    }
}
