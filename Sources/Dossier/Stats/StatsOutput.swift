import DossierDomain
import Foundation

/// `dossier stats` as a table, JSON and CSV.
extension OutcomeStats {
    static let footnoteMarks = ["\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2074}", "\u{2075}", "\u{2076}"]

    // MARK: Table

    /// The text table: one block per group (n, every outcome with count,
    /// share and interval, then the headline figures), the total, and the
    /// definitions as footnotes.
    public var table: String {
        var out = title + "\n"
        out += "\(OutcomeStats.number(total.n)) defendants; \(OutcomeStats.number(total.decided)) decided, "
            + "\(OutcomeStats.number(total.count(.unknown))) with an unknown outcome excluded from the rates.\n"
        if let dateNote { out += dateNote + "\n" }
        if let caution { out += OutcomeStats.wrap("Caution: " + caution, width: 100, indent: "  ").joined(separator: "\n") + "\n" }
        if total.n == 0 { return out + "No records match.\n" }

        var blocks: [(heading: String, rows: [[String]])] = []
        if !request.by.isEmpty {
            for group in groups { blocks.append((group.key, rows(group))) }
        }
        blocks.append((request.by.isEmpty ? "All matching records" : "All groups together", rows(total)))
        var widths = [0, 5, 5, 6]
        for block in blocks {
            for row in block.rows {
                for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
            }
        }
        func line(_ cells: [String]) -> String {
            var text = "  " + cells[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for column in 1..<cells.count {
                text += "  " + String(repeating: " ", count: max(0, widths[column] - cells[column].count)) + cells[column]
            }
            return text.trimmingTrailingSpaces() + "\n"
        }
        for (index, block) in blocks.enumerated() {
            let group = index < groups.count && !request.by.isEmpty ? groups[index] : total
            out += "\n\(block.heading)   n \(OutcomeStats.number(group.n)) \u{00B7} decided "
                + "\(OutcomeStats.number(group.decided)) \u{00B7} unknown \(OutcomeStats.number(group.count(.unknown)))\n"
            out += line(["", "count", "share", "95% CI"])
            for row in block.rows { out += line(row) }
            let beside = index < groups.count && !request.by.isEmpty ? published?[index] : publishedTotal
            if let beside { out += OutcomeStats.publishedLines(beside) }
        }
        out += "\n" + footnotes
        return out
    }

    /// The rows of one group: outcomes, then the figures.
    func rows(_ group: OutcomeGroup) -> [[String]] {
        var rows: [[String]] = []
        for outcome in shownOutcomes {
            let share = group.share(outcome)
            rows.append([outcome.label, OutcomeStats.number(share.count), OutcomeStats.percent(share.share),
                         OutcomeStats.interval(share)])
        }
        for (index, figure) in Figure.allCases.enumerated() {
            let proportion = figure.proportion(group)
            rows.append(["\(figure.label) \(OutcomeStats.footnoteMarks[index])",
                         "\(OutcomeStats.number(proportion.count)) of \(OutcomeStats.number(proportion.total))",
                         OutcomeStats.percent(proportion.share), OutcomeStats.interval(proportion)])
        }
        let median = group.medianCampTerm.map { OutcomeStats.number(OutcomeStats.rounded($0, places: 1)) + " yr" }
        let terms = group.campTermCount
        rows.append(["median camp term \(OutcomeStats.footnoteMarks[5])",
                     terms == 0 ? "no terms" : "\(OutcomeStats.number(terms)) term\(terms == 1 ? "" : "s")",
                     median ?? "\u{2014}", ""])
        return rows
    }

    /// The definitions, one numbered line each.
    public var footnotes: String {
        var lines = ["n: defendants in the group (\(OutcomeStats.recordDefinition)).",
                     "Outcome shares: \(OutcomeStats.shareDefinition)."]
        for (index, figure) in Figure.allCases.enumerated() {
            lines.append("\(OutcomeStats.footnoteMarks[index]) \(figure.label): \(figure.definition).")
        }
        lines.append("\(OutcomeStats.footnoteMarks[5]) median camp term: \(OutcomeStats.medianDefinition).")
        let unknown = total.count(.unknown)
        lines.append("Excluded from the rates: \(OutcomeStats.number(unknown)) defendant\(unknown == 1 ? "" : "s")"
                     + " with an unknown outcome.")
        return lines.flatMap { OutcomeStats.wrap($0, width: 100, indent: "   ") }.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// One JSON object: the request, the definitions, `groups` (each with
    /// `key`, `n` and per outcome `count`, `share`, `ci_low`, `ci_high`) and
    /// `total`.
    public var json: OrderedJSON {
        var definitions: [(String, OrderedJSON)] = [
            ("record", .string(OutcomeStats.recordDefinition)),
            ("share", .string(OutcomeStats.shareDefinition)),
            ("decided", .string("every outcome except unknown; there is no pending code (a case not yet decided is"
                                + " recorded as unknown)")),
        ]
        for figure in Figure.allCases { definitions.append((figure.rawValue, .string(figure.definition))) }
        definitions.append(("median_camp_term_years", .string(OutcomeStats.medianDefinition)))
        if let dateNote { definitions.append(("date", .string(dateNote))) }

        var top: [(String, OrderedJSON)] = [
            ("title", .string(title)),
            ("filter", .string(filterSummary)),
            ("by", .array(request.by.map { .string($0.rawValue) })),
            ("spread", .bool(request.spread)),
            ("definitions", .object(definitions)),
        ]
        if request.by.contains(where: \.isDate) {
            top.append(("dates", .object([
                ("exact", .number(Double(dates.exact))),
                ("spanning_several", .number(Double(dates.spanning))),
                ("open", .number(Double(dates.open))),
                ("undated", .number(Double(dates.undated))),
            ])))
        }
        top.append(("records", .object([
            ("kind", recordsKind.map { .string($0.rawValue) } ?? .null),
            ("note", recordsNote.map { .string($0) } ?? .null),
            ("caution", caution.map { .string($0) } ?? .null),
        ])))
        top.append(("excluded_unknown", .number(OutcomeStats.rounded(total.count(.unknown)))))
        top.append(("groups", .array(groups.enumerated().map { json($0.element, published: published?[$0.offset]) })))
        top.append(("total", json(total, published: publishedTotal)))
        return .object(top)
    }

    func json(_ group: OutcomeGroup, published: [FigureComparison]? = nil) -> OrderedJSON {
        func proportion(_ value: Proportion, of: Bool) -> OrderedJSON {
            var pairs: [(String, OrderedJSON)] = [("count", .number(OutcomeStats.rounded(value.count)))]
            if of { pairs.append(("of", .number(OutcomeStats.rounded(value.total)))) }
            pairs.append(("share", value.share.map { .number(OutcomeStats.rounded($0)) } ?? .null))
            let interval = value.interval
            pairs.append(("ci_low", interval.map { .number(OutcomeStats.rounded($0.low)) } ?? .null))
            pairs.append(("ci_high", interval.map { .number(OutcomeStats.rounded($0.high)) } ?? .null))
            return .object(pairs)
        }
        var pairs: [(String, OrderedJSON)] = [("key", .string(group.key))]
        if !group.values.isEmpty {
            pairs.append(("by", .object(zip(request.by, group.labels).map { ($0.jsonKey, .string($1)) })))
        }
        pairs.append(("n", .number(OutcomeStats.rounded(group.n))))
        pairs.append(("decided", .number(OutcomeStats.rounded(group.decided))))
        pairs.append(("excluded_unknown", .number(OutcomeStats.rounded(group.count(.unknown)))))
        for outcome in Outcome.allCases { pairs.append((outcome.rawValue, proportion(group.share(outcome), of: false))) }
        for figure in Figure.allCases { pairs.append((figure.rawValue, proportion(figure.proportion(group), of: true))) }
        pairs.append(("median_camp_term_years", group.medianCampTerm.map { .number(OutcomeStats.rounded($0)) } ?? .null))
        pairs.append(("camp_terms", .number(OutcomeStats.rounded(group.campTermCount))))
        if let published { pairs.append(("published", .array(published.map(OutcomeStats.json)))) }
        return .object(pairs)
    }

    /// A published figure beside a group: what it says, its value or
    /// bounds, its source, and how its definition differs.
    static func json(_ comparison: FigureComparison) -> OrderedJSON {
        let figure = comparison.figure
        var pairs: [(String, OrderedJSON)] = [
            ("ref", .string(figure.ref)),
            ("statement", figure.statement.map { .string($0) } ?? .null),
            ("measure", .string(figure.measure.rawValue)),
        ]
        if let value = figure.value { pairs.append(("value", .number(value))) }
        if let low = figure.low { pairs.append(("low", .number(low))) }
        if let high = figure.high { pairs.append(("high", .number(high))) }
        if let qualifier = figure.qualifier { pairs.append(("qualifier", .string(qualifier.rawValue))) }
        pairs += [
            ("value_text", .string(figure.valueText)),
            ("period", figure.period.map { .string($0) } ?? .null),
            ("jurisdiction", figure.jurisdiction.map { .string($0) } ?? .null),
            ("courts", .string(figure.courts.rawValue)),
            ("category", .string(figure.category.rawValue)),
            ("definition", .string(figure.definitionText)),
            ("source_key", .string(figure.sourceKey)),
            ("locator", figure.locator.map { .string($0) } ?? .null),
            ("confidence", .string(figure.confidence.rawValue)),
            ("definition_note", comparison.definitionNote.map { .string($0) } ?? .null),
        ]
        return .object(pairs)
    }

    /// The lines under a group in the table: one per figure, and its note.
    static func publishedLines(_ comparisons: [FigureComparison]) -> String {
        guard !comparisons.isEmpty else { return "  published: none overlaps this group\n" }
        var out = ""
        for comparison in comparisons {
            let figure = comparison.figure
            var text = "published: \(figure.valueText) \(figure.measure.label)"
                + " (\(figure.jurisdiction ?? "?"), \(figure.courts.rawValue.replacingOccurrences(of: "_", with: " ")),"
                + " \(figure.period ?? "?")) \u{2014} \(figure.sourceKey)"
            if let locator = figure.locator { text += ", \(locator)" }
            text += " [\(figure.confidence.rawValue)]"
            out += "  " + wrap(text, width: 98, indent: "      ").joined(separator: "\n") + "\n"
            if let note = comparison.definitionNote {
                out += "    " + wrap("\u{21B3} " + note, width: 96, indent: "      ").joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    /// The caution for rates of records that are not a register.
    public var caution: String? { recordsKind?.caution }

    // MARK: CSV

    /// One header row and one row per group (no total row), wide: for each
    /// outcome and figure its count, share and interval.
    public var csv: String {
        var header = request.by.map(\.jsonKey) + ["n", "decided", "excluded_unknown"]
        for outcome in Outcome.allCases {
            header += ["count", "share", "ci_low", "ci_high"].map { "\(outcome.rawValue)_\($0)" }
        }
        for figure in Figure.allCases {
            header += ["count", "of", "share", "ci_low", "ci_high"].map { "\(figure.rawValue)_\($0)" }
        }
        header += ["median_camp_term_years", "camp_terms"]
        // With --compare: the refs of the published figures beside the group.
        if published != nil { header.append("published") }
        var lines = [header.map { Escaping.csvField($0, formulas: .apostrophe) }.joined(separator: ",")]
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            let rounded = OutcomeStats.rounded(value)
            return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
        }
        let rowsToWrite = request.by.isEmpty ? [total] : groups
        let besideRows = request.by.isEmpty ? [publishedTotal ?? []] : (published ?? [])
        for (index, group) in rowsToWrite.enumerated() {
            var fields = group.labels.map { Escaping.csvField($0, formulas: .apostrophe) }
            fields += [number(group.n), number(group.decided), number(group.count(.unknown))]
            for outcome in Outcome.allCases {
                let share = group.share(outcome)
                fields += [number(share.count), number(share.share), number(share.interval?.low), number(share.interval?.high)]
            }
            for figure in Figure.allCases {
                let value = figure.proportion(group)
                fields += [number(value.count), number(value.total), number(value.share),
                           number(value.interval?.low), number(value.interval?.high)]
            }
            fields += [number(group.medianCampTerm), number(group.campTermCount)]
            if published != nil {
                let refs = index < besideRows.count ? besideRows[index].map(\.figure.ref) : []
                fields.append(Escaping.csvField(refs.joined(separator: "; "), formulas: .apostrophe))
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

fileprivate extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
