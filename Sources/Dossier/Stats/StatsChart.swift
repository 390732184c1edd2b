import DossierDomain
import Foundation

/// `dossier stats --format svg`: a chart for a slide.
///
/// One stacked bar per group: the ways out other than a conviction, each as
/// a share of the decided defendants, so that the height of a bar is the
/// non-conviction rate and the rest up to 100% is convictions. Acquittals
/// sit at the bottom, in black. Two 95% Wilson intervals flank each bar:
/// the acquittal rate's at its left (dashed) and the non-conviction rate's
/// at its right (solid). Segments differ by grey level and pattern and are
/// named in the legend, so the chart reads in black and white.
/// Plain SVG 1.1 with no script and no external resources.
extension OutcomeStats {
    /// At most this many bars; with more groups the largest are shown.
    public static let chartMaxBars = 60

    /// The ways out other than conviction, bottom to top of a bar.
    static let chartOutcomes: [Outcome] = [
        .acquitted, .dismissed, .returnedForInvestigation, .releasedWithoutTrial, .insanity, .diedBeforeVerdict,
    ]

    /// The fill of each outcome's segment and its legend swatch.
    static func chartFill(_ outcome: Outcome) -> String {
        switch outcome {
        case .acquitted: return "#000000"
        case .dismissed: return "url(#hatch)"
        case .returnedForInvestigation: return "#8c8c8c"
        case .releasedWithoutTrial: return "url(#dots)"
        case .insanity: return "#d0d0d0"
        case .diedBeforeVerdict: return "url(#cross)"
        default: return "#ffffff"
        }
    }

    /// A published figure as bounds on the chart's scale (shares of the
    /// decided): a conviction rate becomes the non-conviction share it
    /// leaves; a count has no place on it.
    static func chartShare(_ figure: PublishedFigure) -> (low: Double, high: Double)? {
        guard figure.measure.isShare else { return nil }
        let bounds = figure.bounds
        let low = bounds.low ?? 0, high = bounds.high ?? 1
        return figure.measure == .convictionRate ? (1 - high, 1 - low) : (low, high)
    }

    /// The chart as SVG text.
    public var svg: String {
        var bars = request.by.isEmpty ? [total] : groups
        // With --compare: the published shares beside each bar.
        var beside: [[FigureComparison]] = request.by.isEmpty ? [publishedTotal ?? []]
            : (published ?? groups.map { _ in [] })
        var note: String?
        if bars.count > OutcomeStats.chartMaxBars {
            let keep = Set(bars.indices.sorted { bars[$0].n > bars[$1].n }.prefix(OutcomeStats.chartMaxBars))
            note = "Showing the \(OutcomeStats.chartMaxBars) largest of \(bars.count) groups."
            beside = bars.indices.filter(keep.contains).map { beside[$0] }
            bars = bars.indices.filter(keep.contains).map { bars[$0] }
        }
        let showsPublished = beside.contains { $0.contains { OutcomeStats.chartShare($0.figure) != nil } }
        let outcomes = OutcomeStats.chartOutcomes.filter { outcome in
            outcome == .acquitted || bars.contains { $0.count(outcome) > 0 }
        }

        // Scale: up to the highest interval end, rounded up to a nice step.
        var top = 0.0
        for bar in bars {
            top = max(top, bar.nonConvictionRate.interval?.high ?? 0, bar.acquittalRate.interval?.high ?? 0)
        }
        let (axisMax, step) = OutcomeStats.niceScale(max(top, 0.01))

        // Layout.
        let slot = 40.0, barWidth = 18.0
        // Codes in words: `regional court`, `Special Board`.
        let labels = bars.map { bar in
            bar.values.isEmpty ? "all records"
                : zip(request.by, bar.values).map { $1.readableLabel($0) }.joined(separator: ", ")
        }
        let longest = labels.map(\.count).max() ?? 0
        let rotate = bars.count > 1 && (longest > 5 || bars.count > 20)
        let labelDepth = rotate ? min(190, Double(longest + 8) * 6.2 * 0.72 + 18) : 34
        let plotWidth = max(520, Double(bars.count) * slot)
        // A label rotated by 45° reaches left of its bar by about 0.7 of its
        // length (11 px text, about 6 px a character).
        let firstLabel = labels.first.map { Double($0.count + 10) * 6 * 0.71 } ?? 0
        let firstCentre = plotWidth / Double(max(1, bars.count)) / 2
        let left = rotate ? max(74, firstLabel - firstCentre + 12) : 74, right = 24.0
        let width = left + plotWidth + right
        // Legend items: outcome swatches, then the two interval marks.
        var legendItems = outcomes.map { ($0.label, OutcomeStats.chartFill($0)) }
        legendItems.append(("acquittal rate, 95% interval", "whisker-dashed"))
        legendItems.append(("non-conviction rate, 95% interval", "whisker"))
        if showsPublished { legendItems.append(("published figure beside it: value or bounds", "published")) }
        let legendRows = OutcomeStats.legendRows(legendItems.map(\.0), width: width - 40)
        let characters = Int((width - 40) / 6.2)
        var headerLines = OutcomeStats.wrap(
            "Bars: the decided defendants who were not convicted, by outcome, as a share of all decided"
                + " (unknown outcomes excluded); the rest of each bar up to 100% were convicted."
                + " Whiskers: 95% Wilson intervals, left of a bar for the acquittal rate, right for the"
                + " non-conviction rate.", width: characters)
        if let dateNote { headerLines += OutcomeStats.wrap(dateNote, width: characters) }
        if let caution { headerLines += OutcomeStats.wrap("Caution: " + caution, width: characters) }
        if let note { headerLines.append(note) }
        let plotTop = 44 + Double(headerLines.count) * 15 + Double(legendRows.count) * 20 + 22
        let plotHeight = 300.0
        let plotBottom = plotTop + plotHeight
        let height = plotBottom + labelDepth + 44

        func y(_ share: Double) -> Double { plotBottom - share / axisMax * plotHeight }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(f(width))" height="\(f(height))" \
            viewBox="0 0 \(f(width)) \(f(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" \
            font-size="12" fill="#000000">
            <title>\(Escaping.xml(title))</title>
            <defs>
            <pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#ffffff"/><rect width="2.2" height="6" fill="#000000"/></pattern>
            <pattern id="dots" patternUnits="userSpaceOnUse" width="5" height="5">\
            <rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.3" fill="#000000"/></pattern>
            <pattern id="cross" patternUnits="userSpaceOnUse" width="7" height="7">\
            <rect width="7" height="7" fill="#ffffff"/><path d="M0 0L7 7M7 0L0 7" stroke="#000000" stroke-width="1"/>\
            </pattern>
            </defs>
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        svg += "<text x=\"20\" y=\"26\" font-size=\"16\" font-weight=\"bold\">\(Escaping.xml(title))</text>\n"
        var lineY = 46.0
        for line in headerLines {
            svg += "<text x=\"20\" y=\"\(f(lineY))\" font-size=\"11\">\(Escaping.xml(line))</text>\n"
            lineY += 15
        }
        // Legend.
        lineY += 6
        var itemIndex = 0
        for row in legendRows {
            var x = 20.0
            for label in row {
                let fill = legendItems[itemIndex].1
                if fill == "published" {
                    svg += "<rect x=\"\(f(x + 4))\" y=\"\(f(lineY - 11))\" width=\"6\" height=\"14\" fill=\"#ffffff\""
                        + " stroke=\"#000000\" stroke-width=\"1\" stroke-dasharray=\"2 1\"/>"
                } else if fill.hasPrefix("whisker") {
                    svg += OutcomeStats.whisker(x: x + 7, from: lineY + 3, to: lineY - 11, dashed: fill.hasSuffix("dashed"))
                } else {
                    svg += "<rect x=\"\(f(x))\" y=\"\(f(lineY - 11))\" width=\"14\" height=\"14\" fill=\"\(fill)\""
                        + " stroke=\"#000000\" stroke-width=\"0.8\"/>"
                }
                svg += "<text x=\"\(f(x + 20))\" y=\"\(f(lineY))\">\(Escaping.xml(label))</text>\n"
                x += 20 + OutcomeStats.textWidth(label) + 22
                itemIndex += 1
            }
            lineY += 20
        }

        // Grid and y axis.
        var tick = 0.0
        while tick <= axisMax + step / 1000 {
            let ty = y(tick)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(ty))\""
                + " stroke=\"#d9d9d9\" stroke-width=\"0.8\"/>"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(ty + 4))\" text-anchor=\"end\">"
                + "\(OutcomeStats.tickLabel(tick, step: step))</text>\n"
            tick += step
        }
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(plotTop))\" x2=\"\(f(left))\" y2=\"\(f(plotBottom))\""
            + " stroke=\"#000000\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(plotBottom))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(plotBottom))\""
            + " stroke=\"#000000\"/>\n"
        let yTitleX = 22.0, yTitleY = plotTop + plotHeight / 2
        svg += "<text x=\"\(f(yTitleX))\" y=\"\(f(yTitleY))\" text-anchor=\"middle\""
            + " transform=\"rotate(-90 \(f(yTitleX)) \(f(yTitleY)))\">share of decided defendants (%)</text>\n"

        // Bars.
        for (index, bar) in bars.enumerated() {
            let centre = left + (Double(index) + 0.5) * plotWidth / Double(bars.count)
            let x0 = centre - barWidth / 2
            var base = 0.0
            let decided = bar.decided
            svg += "<g>"
            svg += "<title>\(Escaping.xml(labels[index])): n \(OutcomeStats.number(bar.n)), decided "
                + "\(OutcomeStats.number(decided)), acquittal rate \(OutcomeStats.percent(bar.acquittalRate.share)), "
                + "non-conviction rate \(OutcomeStats.percent(bar.nonConvictionRate.share))</title>"
            if decided > 0 {
                for outcome in outcomes {
                    let share = bar.count(outcome) / decided
                    guard share > 0 else { continue }
                    let y1 = y(base + share), y0 = y(base)
                    svg += "<rect x=\"\(f(x0))\" y=\"\(f(y1))\" width=\"\(f(barWidth))\" height=\"\(f(max(0.6, y0 - y1)))\""
                        + " fill=\"\(OutcomeStats.chartFill(outcome))\" stroke=\"#000000\" stroke-width=\"0.6\"/>"
                    base += share
                }
                if let (low, high) = bar.acquittalRate.interval {
                    svg += OutcomeStats.whisker(x: x0 - 5, from: y(low), to: y(high), dashed: true,
                                                mark: y(bar.acquittalRate.share ?? 0))
                }
                if let (low, high) = bar.nonConvictionRate.interval {
                    svg += OutcomeStats.whisker(x: x0 + barWidth + 5, from: y(low), to: y(high), dashed: false,
                                                mark: y(bar.nonConvictionRate.share ?? 0))
                }
            } else {
                svg += "<text x=\"\(f(centre))\" y=\"\(f(plotBottom - 6))\" text-anchor=\"middle\" font-size=\"10\">"
                    + "none</text>"
            }
            svg += "</g>\n"
            // Published figures: a dashed box from low to high, or a tick at
            // the value, right of the non-conviction whisker.
            for (position, comparison) in beside[index].enumerated() {
                guard let (low, high) = OutcomeStats.chartShare(comparison.figure) else { continue }
                let mx = x0 + barWidth + 10 + Double(position) * 5
                let figure = comparison.figure
                svg += "<g><title>\(Escaping.xml(figure.ref)): \(Escaping.xml(figure.valueText)) "
                    + "\(Escaping.xml(figure.measure.label)), \(Escaping.xml(figure.period ?? "")) \u{2014} "
                    + "\(Escaping.xml(figure.sourceKey))\(comparison.definitionNote.map { " \u{2014} " + Escaping.xml($0) } ?? "")</title>"
                let top = y(min(high, axisMax)), bottom = y(min(low, axisMax))
                if high - low < 0.0005 {
                    svg += "<line x1=\"\(f(mx - 2))\" y1=\"\(f(top))\" x2=\"\(f(mx + 4))\" y2=\"\(f(top))\""
                        + " stroke=\"#000000\" stroke-width=\"2\"/>"
                } else {
                    svg += "<rect x=\"\(f(mx))\" y=\"\(f(top))\" width=\"4\" height=\"\(f(max(1, bottom - top)))\""
                        + " fill=\"none\" stroke=\"#000000\" stroke-width=\"1\" stroke-dasharray=\"2 1\"/>"
                }
                svg += "</g>\n"
            }
            // Label and n under the bar.
            let label = Escaping.xml(labels[index]) + " (n \(OutcomeStats.number(bar.n)))"
            if rotate {
                let lx = centre + 4, ly = plotBottom + 12
                svg += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" text-anchor=\"end\" font-size=\"11\""
                    + " transform=\"rotate(-45 \(f(lx)) \(f(ly)))\">\(label)</text>\n"
            } else {
                svg += "<text x=\"\(f(centre))\" y=\"\(f(plotBottom + 16))\" text-anchor=\"middle\" font-size=\"11\">"
                    + "\(Escaping.xml(labels[index]))</text>"
                svg += "<text x=\"\(f(centre))\" y=\"\(f(plotBottom + 30))\" text-anchor=\"middle\" font-size=\"10\">"
                    + "n \(OutcomeStats.number(bar.n))</text>\n"
            }
        }
        let xTitle = request.by.isEmpty ? "all matching records"
            : request.by.map { $0.isDate ? "\($0.label) of decision" : $0.label }.joined(separator: ", ")
        svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 14))\" text-anchor=\"middle\">"
            + "\(Escaping.xml(xTitle))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    /// A vertical interval with end caps and, when `mark` is given, a short
    /// tick at the estimate.
    static func whisker(x: Double, from y0: Double, to y1: Double, dashed: Bool, mark: Double? = nil) -> String {
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var caps = "M\(f(x - 3)) \(f(y0))H\(f(x + 3))M\(f(x - 3)) \(f(y1))H\(f(x + 3))"
        if let mark { caps += "M\(f(x - 3)) \(f(mark))H\(f(x + 3))" }
        let dash = dashed ? " stroke-dasharray=\"3 2\"" : ""
        return "<path d=\"M\(f(x)) \(f(y0))V\(f(y1))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.3\"\(dash)/>"
            + "<path d=\"\(caps)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.3\"/>"
    }

    /// An axis maximum and tick step (1, 2 or 5 × a power of ten) for shares
    /// up to `value`.
    static func niceScale(_ value: Double) -> (max: Double, step: Double) {
        let capped = min(value, 1)
        let raw = capped / 5
        let power = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        // Less a hair, so that 0.04 / 0.01 = 4.000000000000001 stays 4 steps.
        let top = min(1, (capped / step - 1e-9).rounded(.up) * step)
        return (top, step)
    }

    /// "12%", or "2.5%" when the step needs a decimal.
    static func tickLabel(_ share: Double, step: Double) -> String {
        let percent = share * 100
        let decimals = step * 100 >= 1 && (step * 100).rounded() == step * 100 ? 0 : (step * 100 >= 0.1 ? 1 : 2)
        return String(format: "%.\(decimals)f%%", percent)
    }

    /// An estimate of a text's width in pixels at 12 px.
    static func textWidth(_ text: String) -> Double { Double(text.count) * 6.6 }

    /// Legend labels in rows that fit the width.
    static func legendRows(_ labels: [String], width: Double) -> [[String]] {
        var rows: [[String]] = [[]]
        var used = 0.0
        for label in labels {
            let item = 20 + textWidth(label) + 22
            if used + item > width, !rows[rows.count - 1].isEmpty {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append(label)
            used += item
        }
        return rows
    }

    /// Splits text into lines of at most `width` characters, at spaces.
    /// Continuation lines start with `indent`.
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.isEmpty || line == indent ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
