import DossierDomain
import Foundation

/// `dossier figures` as a table, JSON and CSV.
public enum FigureListing {
    public static func table(_ figures: [PublishedFigure]) -> String {
        guard !figures.isEmpty else { return "no published figures (import them as {\"figure\": ...} lines, or `dossier add figure`)\n" }
        let rows = figures.map { figure in
            [figure.ref, figure.valueText, figure.measure.rawValue, figure.jurisdiction ?? "",
             figure.courts.rawValue, figure.category.rawValue, figure.period ?? "", figure.definitionText,
             figure.sourceKey + (figure.locator.map { ", " + $0 } ?? ""), figure.confidence.rawValue]
        }
        return TextTable.render(header: ["REF", "VALUE", "MEASURE", "WHERE", "COURTS", "CATEGORY", "PERIOD",
                                         "DEFINITION", "SOURCE", "CONFIDENCE"], rows: rows)
    }

    /// An array of figure objects, with the keys of their JSON Lines form.
    public static func json(_ figures: [PublishedFigure]) -> OrderedJSON {
        .array(figures.map(\.json))
    }

    /// The CSV columns: the ref, every described field, the definition and
    /// the source key.
    public static var csvHeader: [String] {
        ["figure_ref"] + PublishedFigure.fields.map(\.key) + ["numerator_outcomes", "denominator_outcomes", "source_key"]
    }

    public static func csv(_ figures: [PublishedFigure]) -> String {
        func cell(_ text: String?) -> String { Escaping.csvField(text ?? "", formulas: .apostrophe) }
        var lines = [csvHeader.map { cell($0) }.joined(separator: ",")]
        for figure in figures {
            var cells = [cell(figure.ref)]
            cells += PublishedFigure.fields.map { cell($0.text(figure)) }
            cells += [cell(figure.numeratorOutcomes.map(\.rawValue).joined(separator: ",")),
                      cell(figure.denominatorOutcomes.map(\.rawValue).joined(separator: ",")),
                      cell(figure.sourceKey)]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `dossier show REF` of a figure: one field a line.
    public static func show(_ figure: PublishedFigure) -> String {
        var rows: [[String]] = [["figure", figure.ref]]
        for field in PublishedFigure.fields {
            guard let text = field.text(figure) else { continue }
            rows.append([field.key, text])
            if field.key == "unit" || (field.key == "period" && figure.unit == nil) {
                rows.append(["definition", figure.definitionText])
            }
        }
        rows.insert(["value as read", figure.valueText], at: 1)
        rows.append(["source_key", figure.sourceKey])
        return rows.map { row in
            let label = row[0].padding(toLength: 14, withPad: " ", startingAt: 0)
            return label + "  " + row[1]
        }.joined(separator: "\n") + "\n"
    }
}
